//! `.eml` drafts beside each LA's feedback: addressed to the return's `Email`
//! when it is a plain address, from the network's mailbox, with the text
//! feedback as body and the feedback workbook attached (docs/outputs.md).

mod address;
mod draft;
mod settings;

use std::path::Path;

pub use address::is_plain_address;
pub use draft::{header_text, Draft};
pub use settings::{Network, NetworkError};

use super::{la_stem, period_folder, Feedback, Outcome};
use crate::period::Period;
use crate::report::{ReportError, RunContext};
use crate::schema::La;
use crate::validate::Validation;

/// The drafts' settings for a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub network: Network,
    /// Write `.eml` drafts (`--no-email` turns them off; the deadlines still
    /// go into the text feedback).
    pub drafts: bool,
}

impl Default for Mail {
    fn default() -> Self {
        Mail {
            network: Network::bundled(),
            drafts: true,
        }
    }
}

/// Where a draft goes, or why it has no To.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    To(String),
    /// No file gave an Email; `file` is the first one looked at, if any.
    Missing {
        file: Option<String>,
    },
    /// The first Email given is not a plain address.
    Malformed {
        file: String,
        value: String,
    },
}

/// The address of an LA's feedback: the first plain address among its files
/// (used first, then unusable, then superseded).
pub fn recipient(fb: &Feedback<'_>) -> Recipient {
    let files = fb
        .submissions
        .iter()
        .map(|s| (s.file.as_str(), s.email.as_deref()));
    first_address(files)
}

/// The address for an LA whose return did not arrive: from its latest return
/// for another period in the same folder.
pub fn recipient_not_received(validation: &Validation, la: &La) -> Recipient {
    let mut theirs: Vec<_> = validation
        .submissions
        .iter()
        .filter(|s| s.la.as_ref().is_some_and(|l| l.code == la.code))
        .collect();
    theirs.sort_by(|a, b| b.period.cmp(&a.period).then(a.file.cmp(&b.file)));
    first_address(theirs.iter().map(|s| (s.file.as_str(), s.email.as_deref())))
}

fn first_address<'a>(files: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> Recipient {
    let mut problem: Option<Recipient> = None;
    for (file, email) in files {
        let email = email.map(str::trim).unwrap_or("");
        if is_plain_address(email) {
            return Recipient::To(email.to_string());
        }
        problem.get_or_insert_with(|| match email {
            "" => Recipient::Missing {
                file: Some(file.to_string()),
            },
            value => Recipient::Malformed {
                file: file.to_string(),
                value: value.to_string(),
            },
        });
    }
    problem.unwrap_or(Recipient::Missing { file: None })
}

/// `Kinship care return 2025-26 Q2: Kent — please resubmit`.
pub fn subject(period: Option<Period>, who: &str, status: &str) -> String {
    let head = match period {
        Some(p) => format!("Kinship care return {p}"),
        None => "Kinship care return".to_string(),
    };
    header_text(&format!("{head}: {who} \u{2014} {status}"))
}

/// The status as a subject line says it.
pub fn status_phrase(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Accepted => "accepted",
        Outcome::AcceptedWithWarnings => "accepted, please check the warnings",
        Outcome::ResubmissionNeeded => "please resubmit",
    }
}

/// `<stem>.eml` in `dir` for one LA's feedback, attaching `workbook`, the bytes
/// just written to `<stem>.xlsx` beside it.
pub fn write_feedback_draft(
    ctx: &RunContext<'_>,
    fb: &Feedback<'_>,
    (dir, stem): (&Path, &str),
    body: &str,
    workbook: &[u8],
) -> Result<(), ReportError> {
    let xlsx_name = format!("{stem}.xlsx");
    let who = fb.la.map_or_else(|| fb.file_stem(), |la| la.name.clone());
    let subject = subject(fb.period, &who, status_phrase(fb.outcome()));
    let to = match recipient(fb) {
        Recipient::To(a) => Some(a),
        _ => None,
    };
    write(
        ctx,
        dir,
        stem,
        to.as_deref(),
        &subject,
        body,
        Some((&xlsx_name, workbook)),
    )
}

/// `<code> <LA>.eml` in `dir` for an LA whose return did not arrive.
pub fn write_not_received_draft(
    ctx: &RunContext<'_>,
    la: &La,
    period: Period,
    dir: &Path,
    body: &str,
) -> Result<(), ReportError> {
    let subject = subject(Some(period), &la.name, "not received");
    let to = match recipient_not_received(ctx.validation, la) {
        Recipient::To(a) => Some(a),
        _ => None,
    };
    write(ctx, dir, &la_stem(la), to.as_deref(), &subject, body, None)
}

fn write(
    ctx: &RunContext<'_>,
    dir: &Path,
    stem: &str,
    to: Option<&str>,
    subject: &str,
    body: &str,
    attachment: Option<(&str, &[u8])>,
) -> Result<(), ReportError> {
    let network = &ctx.info.mail.network;
    let name = network.signature(&ctx.validation.region_name);
    let draft = Draft {
        to,
        sender: (&name, &network.sender),
        subject,
        body,
        attachment,
        date: ctx.info.as_of,
    };
    let path = dir.join(format!("{stem}.eml"));
    let bytes = draft
        .to_bytes()
        .map_err(|e| ReportError::write(&path, &e))?;
    std::fs::write(&path, bytes).map_err(|e| ReportError::write(&path, &e))
}

/// One line per draft written without a To, naming the LA, the draft and the
/// return whose Email could not be used, and saying what to do.
pub fn missing_address_warnings(validation: &Validation) -> Vec<String> {
    let mut out = Vec::new();
    let groups = super::group(validation);
    for fb in &groups {
        let draft = draft_path(fb.period, &fb.file_stem());
        if let Some(why) = why_no_to(&recipient(fb)) {
            out.push(format!("{}: {draft} has no To: {why}", fb.la_label()));
        }
    }
    for (la, period) in &validation.not_received {
        let covered = groups
            .iter()
            .any(|g| g.period == Some(*period) && g.la.is_some_and(|l| l.code == la.code));
        if covered {
            continue;
        }
        let draft = draft_path(Some(*period), &la_stem(la));
        if let Some(why) = why_no_to(&recipient_not_received(validation, la)) {
            out.push(format!(
                "{} ({}): {draft} has no To: {why}",
                la.name, la.code
            ));
        }
    }
    out.into_iter()
        .map(|w| crate::text_safety::visible(&w).into_owned())
        .collect()
}

fn draft_path(period: Option<Period>, stem: &str) -> String {
    format!(
        "{}/{}/{stem}.eml",
        crate::report::FEEDBACK_DIR,
        period_folder(period)
    )
}

fn why_no_to(r: &Recipient) -> Option<String> {
    let add = "add the LA's address before sending";
    match r {
        Recipient::To(_) => None,
        Recipient::Missing { file: Some(file) } => {
            Some(format!("the Email in '{file}' is empty; {add}"))
        }
        Recipient::Missing { file: None } => Some(format!(
            "no return in this folder gives the LA's Email; {add}"
        )),
        Recipient::Malformed { file, value } => Some(format!(
            "the Email in '{file}' ({value:?}) is not an email address; {add}"
        )),
    }
}
