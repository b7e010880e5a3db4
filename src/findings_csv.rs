//! `findings.csv`: every finding of the run, for the analyst, and the CSV the
//! self-check page saves (so this is in the core the page is built from).
//!
//! Every cell goes through [`csv_cell`]: LA text that starts as a formula would
//! (`=`, `+`, `-`, `@`, TAB, CR) gets a leading `'` unless it is a plain number
//! (a `-3` stays `-3`), and control characters are shown as `\u{..}` escapes.

use std::io::Write;

use crate::text_safety::csv_cell;
use crate::validate::Finding;

/// The header row, in order.
pub const COLUMNS: [&str; 12] = [
    "la_code",
    "la_name",
    "period",
    "file",
    "severity",
    "rule",
    "rule_name",
    "items",
    "cell",
    "value",
    "message",
    "action",
];

/// Writes the findings, in the order given, as CSV with a header row.
/// `items` are space-separated; a missing LA, period, cell or value is empty.
pub fn write_findings_csv<'a, W: Write>(
    findings: impl IntoIterator<Item = &'a Finding>,
    out: W,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for f in findings {
        let period = f.period.map(|p| p.to_string()).unwrap_or_default();
        let rule_name = f.rule.rule().name;
        let items = f.items.join(" ");
        let record = [
            f.la_code.as_deref().unwrap_or(""),
            f.la_name.as_deref().unwrap_or(""),
            period.as_str(),
            f.file.as_str(),
            f.severity.as_str(),
            f.rule.as_str(),
            rule_name,
            items.as_str(),
            f.cell.as_deref().unwrap_or(""),
            f.value.as_deref().unwrap_or(""),
            f.message.as_str(),
            f.action.as_str(),
        ];
        w.write_record(record.map(csv_cell).iter().map(|c| c.as_bytes()))?;
    }
    w.flush()?;
    Ok(())
}
