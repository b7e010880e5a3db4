//! The run's summary for the terminal: what came in, what is missing, what was found.
//! Plain aligned text with no colour, so it reads the same in a log file.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::period::Period;
use crate::validate::{ReturnStatus, Severity, Validation};

/// How many rules are listed under "Top rules".
const TOP_RULES: usize = 10;

/// Where the run's outputs went, for the last lines of the summary.
#[derive(Debug, Clone, Default)]
pub struct OutputsWritten {
    /// The output folder as the user named it.
    pub folder: String,
    /// `(relative path, description)` in the order to show them.
    pub entries: Vec<(String, String)>,
    /// What a person should see to before sending the outputs on (an email
    /// draft with no To), one line each; the command line prints them as warnings.
    pub warnings: Vec<String>,
}

/// The summary printed on stdout at the end of `kinbench validate`.
pub fn summary(validation: &Validation, outputs: &OutputsWritten) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Region: {} ({} LAs expected)",
        validation.region_name,
        validation.region.len()
    );
    returns_table(&mut t, validation);
    not_received(&mut t, validation);
    findings(&mut t, validation);
    written(&mut t, outputs);
    crate::text_safety::visible(&t).into_owned()
}

fn returns_table(t: &mut String, v: &Validation) {
    let mut periods: Vec<Period> = v.periods.clone();
    periods.extend(v.submissions.iter().filter_map(|s| s.period));
    periods.extend(v.not_received.iter().map(|(_, p)| *p));
    periods.sort();
    periods.dedup();
    let unplaced = v.submissions.iter().filter(|s| s.period.is_none()).count();
    let _ = writeln!(t, "\nReturns received ({} files):", v.submissions.len());
    if periods.is_empty() && unplaced == 0 {
        let _ = writeln!(t, "  none");
        return;
    }
    let _ = writeln!(
        t,
        "  {:<14}{:>6}{:>12}{:>10}{:>14}",
        "period", "used", "superseded", "unusable", "not received"
    );
    for p in &periods {
        let count = |status: ReturnStatus| {
            v.submissions
                .iter()
                .filter(|s| s.period == Some(*p) && s.status == status)
                .count()
        };
        let missing = v.not_received.iter().filter(|(_, q)| q == p).count();
        let _ = writeln!(
            t,
            "  {:<14}{:>6}{:>12}{:>10}{:>14}",
            p.to_string(),
            count(ReturnStatus::Used),
            count(ReturnStatus::Superseded),
            count(ReturnStatus::Unusable),
            missing
        );
    }
    if unplaced > 0 {
        let _ = writeln!(
            t,
            "  {:<14}{:>6}{:>12}{:>10}{:>14}",
            "unknown", 0, 0, unplaced, ""
        );
    }
}

fn not_received(t: &mut String, v: &Validation) {
    let mut by_period: BTreeMap<Period, Vec<String>> = BTreeMap::new();
    for (la, p) in &v.not_received {
        by_period
            .entry(*p)
            .or_default()
            .push(format!("{} ({})", la.name, la.code));
    }
    if by_period.is_empty() {
        return;
    }
    let _ = writeln!(t, "\nNot received:");
    for (p, names) in by_period {
        let _ = writeln!(t, "  {p}: {}", names.join(", "));
    }
}

fn findings(t: &mut String, v: &Validation) {
    let n = |s: Severity| v.findings.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        t,
        "\nFindings: {}, {}, {} info",
        plural(n(Severity::Error), "error"),
        plural(n(Severity::Warning), "warning"),
        n(Severity::Info)
    );
    let mut by_rule: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for f in &v.findings {
        by_rule.entry(f.rule.as_str()).or_insert((0, f.severity)).0 += 1;
    }
    let mut top: Vec<(&str, usize, Severity)> =
        by_rule.into_iter().map(|(r, (c, s))| (r, c, s)).collect();
    // Most frequent first; ties by code so the order never changes between runs.
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if top.is_empty() {
        return;
    }
    let _ = writeln!(t, "Top rules:");
    for (rule, count, severity) in top.into_iter().take(TOP_RULES) {
        let name = crate::validate::rules::rule(rule).map_or("", |r| r.name);
        let _ = writeln!(t, "  {count:>6}  {rule:<9} {:<8} {name}", severity.as_str());
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The "Written to" block: each output, its path aligned, with what it holds.
pub(crate) fn written(t: &mut String, outputs: &OutputsWritten) {
    if outputs.entries.is_empty() {
        return;
    }
    let _ = writeln!(t, "\nWritten to {}:", outputs.folder);
    let width = outputs
        .entries
        .iter()
        .map(|(p, _)| p.chars().count())
        .max()
        .unwrap_or(0);
    for (path, what) in &outputs.entries {
        let _ = writeln!(t, "  {path:<width$}  {what}");
    }
}
