//! Plain-text feedback, to paste into an email to the LA.

use std::fmt::Write;

use chrono::NaiveDate;

use super::email::Network;
use super::group::status_words;
use super::profile::{profile_text, Profile};
use super::{Feedback, Outcome};
use crate::period::Period;
use crate::schema::La;
use crate::text_safety::visible;
use crate::validate::{Finding, Severity};

/// One finding as a line: `Return!C23 (B01) — message — What to do: action`.
/// Without a cell the file is named instead, so every line says where to look.
pub fn finding_line(f: &Finding) -> String {
    let mut line = match &f.cell {
        Some(cell) => cell.clone(),
        None if f.file.is_empty() => "Your return".to_string(),
        None => f.file.clone(),
    };
    if !f.items.is_empty() {
        let _ = write!(line, " ({})", f.items.join(", "));
    }
    let _ = write!(line, " — {}", one_line(&f.message));
    if !f.action.trim().is_empty() {
        let _ = write!(line, " — What to do: {}", one_line(&f.action));
    }
    line
}

/// Text from a return may hold line breaks; an email line should not.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Errors (must be corrected)",
        Severity::Warning => "Warnings (please check)",
        Severity::Info => "For information (nothing to do)",
    }
}

fn period_words(period: Option<Period>) -> String {
    period.map_or_else(
        || "an unidentified period".to_string(),
        |p| format!("{p} ({})", p.months_label()),
    )
}

/// `13 November 2025`, as the emails write a deadline.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The sentence giving the period's deadline, for an LA that has something to send.
fn deadline_line(outcome: Outcome, deadline: Option<NaiveDate>) -> Option<String> {
    let by = long_date(deadline?);
    match outcome {
        Outcome::Accepted => None,
        Outcome::AcceptedWithWarnings => Some(format!(
            "If a value is wrong, please send a corrected return by {by}."
        )),
        Outcome::ResubmissionNeeded => Some(format!("Please send a corrected return by {by}.")),
    }
}

/// The email body for one LA's feedback, with its profile when given one,
/// signed and dated from the network's settings.
pub fn feedback_text(
    network: &Network,
    region_name: &str,
    fb: &Feedback<'_>,
    profile: Option<&Profile>,
) -> String {
    let mut t = String::new();
    let outcome = fb.outcome();
    let _ = writeln!(t, "Dear colleague,\n");
    let _ = writeln!(
        t,
        "Thank you for your kinship care benchmarking return for {}, {}. This is our validation feedback.\n",
        fb.la_label(),
        period_words(fb.period)
    );
    let _ = writeln!(t, "Status: {}\n", outcome.as_str());
    let _ = writeln!(t, "Files received:");
    for s in &fb.submissions {
        let completed = s.date_completed.map_or_else(
            || "date completed not given".to_string(),
            |d| format!("completed {d}"),
        );
        let _ = writeln!(t, "- {} — {} ({completed})", s.file, status_words(s.status));
    }
    t.push('\n');
    if fb.findings.is_empty() {
        let _ = writeln!(t, "We found nothing to query in your return.\n");
    }
    let several_files = fb.submissions.len() > 1;
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<&&Finding> = fb
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if of.is_empty() {
            continue;
        }
        let _ = writeln!(t, "{} — {}:", heading(severity), of.len());
        for f in of {
            let mut line = finding_line(f);
            // With several files the cell alone is ambiguous.
            if several_files && f.cell.is_some() && !f.file.is_empty() {
                let _ = write!(line, " [in {}]", f.file);
            }
            let _ = writeln!(t, "- {line}");
        }
        t.push('\n');
    }
    if let Some(pr) = profile {
        t.push_str(&profile_text(pr));
    }
    let _ = writeln!(t, "What happens next: {}\n", outcome.next_steps());
    if let Some(line) = deadline_line(outcome, network.deadline(fb.period)) {
        let _ = writeln!(t, "{line}\n");
    }
    let _ = writeln!(t, "Thank you for your work on this return.\n");
    let _ = writeln!(t, "{}", network.signature(region_name));
    visible(&t).into_owned()
}

/// The email body for an LA whose return for a period did not arrive.
pub fn not_received_text(network: &Network, region_name: &str, la: &La, period: Period) -> String {
    let when = network.deadline(Some(period)).map_or_else(
        || "as soon as you can".to_string(),
        |d| format!("by {}", long_date(d)),
    );
    let t = format!(
        "Dear colleague,\n\n\
         We have not received a kinship care benchmarking return from {} ({}) for {}.\n\n\
         If you have sent one, please reply so we can look for it. Otherwise, please complete \
         the template for the period and send it {when}; your authority will be \
         shown as \"not received\" in this quarter's regional benchmarking until then.\n\n\
         Thank you.\n\n\
         {}\n",
        la.name,
        la.code,
        period_words(Some(period)),
        network.signature(region_name),
    );
    visible(&t).into_owned()
}
