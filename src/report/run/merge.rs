//! Findings that only aggregation can make (PLAUS004 outliers) joined to the validation's.

use crate::validate::{sort_findings, Finding, ReturnStatus, Validation};

/// Adds `extra` to the run: to `validation.findings`, kept in the documented
/// order, and to the findings of the used submission each is about, so that the
/// LA's feedback shows it. A finding already present is not added twice.
pub fn merge_findings(validation: &mut Validation, extra: &[Finding]) {
    for f in extra {
        if validation.findings.contains(f) {
            continue;
        }
        validation.findings.push(f.clone());
        let about = validation.submissions.iter_mut().find(|s| {
            s.status == ReturnStatus::Used
                && s.file == f.file
                && s.period == f.period
                && s.la.as_ref().map(|l| &l.code) == f.la_code.as_ref()
        });
        if let Some(sub) = about {
            sub.findings.push(f.clone());
        }
    }
    sort_findings(&mut validation.findings);
}
