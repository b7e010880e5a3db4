//! One return: from located cells, or from the reason it could not be read.

use std::collections::BTreeMap;
use std::path::Path;

use super::filename::filename_findings;
use super::make::{Case, Ctx};
use super::rules::Code;
use super::{identify, pairs, plausibility, sums, table};
use super::{Family, Finding, Options, ReturnStatus, Severity, Submission};
use crate::digest::sha256_bytes;
use crate::ingest::{self, Format, IngestError, Located};
use crate::schema::Schema;

/// Validates one located return: identity, every item's value, and the value,
/// pair, sum, plausibility and file-name findings. The status is `Unusable` when
/// any file finding is an error, else `Used` (resubmissions are settled over the
/// whole run). `sha256` and `format` are left for the caller, who has the file.
pub fn validate_located(
    schema: &Schema,
    file: &str,
    located: &Located,
    opts: &Options,
) -> Submission {
    let (id, id_cases) = identify::identify(schema, located, opts);
    let ctx = Ctx {
        file: file.to_string(),
        la: id.la.clone(),
        period: id.period,
    };
    let version = id.version;
    let (values, value_cases) = table::read_rows(schema, located, version);
    let mut findings: Vec<Finding> = id_cases
        .into_iter()
        .map(|(c, case)| ctx.finding(c, case))
        .collect();
    findings.extend(filename_findings(schema, file, id.la.as_ref(), id.period));
    let later = [
        value_cases,
        pairs::pair_findings(schema, &values, version),
        sums::sum_findings(schema, &values, version),
        plausibility::plausibility_findings(schema, &values, version),
    ];
    findings.extend(
        later
            .into_iter()
            .flatten()
            .map(|(c, case)| ctx.finding(c, case)),
    );
    Submission {
        file: file.to_string(),
        sha256: String::new(),
        format: Format::from_path(Path::new(file)),
        la: id.la,
        period: id.period,
        date_completed: id.date_completed,
        completed_by: id.completed_by,
        email: id.email,
        status: status_of(&findings),
        template_version: Some(version),
        values,
        findings,
    }
}

/// Reads and validates one return from its bytes, named `file` as in the
/// returns folder: everything [`validate_located`] checks, or the file finding
/// that stopped the reading. The rules that need the whole run (resubmissions,
/// changes from the previous quarter, returns not received, outliers) are left
/// to [`super::finish`] and aggregation. The folder run and the self-check page
/// both validate each file with this.
pub fn validate_return(schema: &Schema, file: &str, bytes: &[u8], opts: &Options) -> Submission {
    let located = ingest::open_bytes(file, bytes, &opts.limits)
        .and_then(|book| ingest::locate(&book, schema));
    let mut submission = match located {
        Ok(located) => validate_located(schema, file, &located, opts),
        Err(e) => submission_for_ingest_error(file, "", &e),
    };
    submission.sha256 = sha256_bytes(bytes);
    submission
}

/// `Unusable` when a file finding is an error, else `Used`.
pub(crate) fn status_of(findings: &[Finding]) -> ReturnStatus {
    let file_error =
        |f: &Finding| f.severity == Severity::Error && f.rule.rule().family == Family::File;
    if findings.iter().any(file_error) {
        ReturnStatus::Unusable
    } else {
        ReturnStatus::Used
    }
}

/// A file finding about `sub` found after validation (a later stage could not
/// write its output, say), with `detail` for the rule's message.
pub fn file_finding(sub: &Submission, code: Code, detail: &str) -> Finding {
    let ctx = Ctx {
        file: sub.file.clone(),
        la: sub.la.clone(),
        period: sub.period,
    };
    ctx.finding(code, Case::new(vec![], None, None).with("detail", detail))
}

/// The return of a file that could not be read: no values, one finding (FILE001–FILE005).
pub fn submission_for_ingest_error(file: &str, sha256: &str, err: &IngestError) -> Submission {
    let (code, value, detail) = match err {
        IngestError::UnsupportedType(ext) if ext.is_empty() => {
            (Code::FILE001, None, "no extension".to_string())
        }
        IngestError::UnsupportedType(ext) => (Code::FILE001, Some(ext.clone()), format!(".{ext}")),
        IngestError::NotASpreadsheet(why) => (
            Code::FILE002,
            None,
            format!("it is not a spreadsheet ({why})"),
        ),
        IngestError::Corrupt(why) => (Code::FILE002, None, format!("it is damaged ({why})")),
        IngestError::Io(why) => (Code::FILE002, None, format!("it could not be read ({why})")),
        IngestError::Protected => (Code::FILE003, None, String::new()),
        IngestError::TooLarge(why) => (Code::FILE004, None, why.clone()),
        IngestError::NotAReturn(why) => (Code::FILE005, None, why.clone()),
        IngestError::AmbiguousSheet(why) => (Code::FILE021, None, why.clone()),
        IngestError::AmbiguousTable(why) => (Code::FILE024, None, why.clone()),
    };
    let ctx = Ctx {
        file: file.to_string(),
        ..Ctx::default()
    };
    let finding = ctx.finding(code, Case::new(vec![], None, value).with("detail", detail));
    Submission {
        file: file.to_string(),
        sha256: sha256.to_string(),
        format: Format::from_path(Path::new(file)),
        la: None,
        period: None,
        date_completed: None,
        completed_by: None,
        email: None,
        status: ReturnStatus::Unusable,
        template_version: None,
        values: BTreeMap::new(),
        findings: vec![finding],
    }
}
