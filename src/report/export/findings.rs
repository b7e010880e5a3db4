//! `findings`: every finding of the run, with the columns of the analyst's findings.csv.

use super::table::{Cell, Kind, Table};
use crate::findings_csv::COLUMNS as NAMES;
use crate::report::RunContext;

/// The columns, in order: those of [`crate::findings_csv::COLUMNS`], all text.
pub fn columns() -> Vec<(&'static str, Kind)> {
    NAMES.iter().map(|n| (*n, Kind::Text)).collect()
}

/// The run's findings in the run's order. When anonymising, the LA code is
/// left out, the name is the LA's letter, and free text is scrubbed of region
/// LAs' names and codes. In publish mode the whole numbers 1 to 5 that the value
/// and message quote become `c`, as the LA's counts would in a table. Every
/// cell is text; an absent one is empty, as in findings.csv.
pub(crate) fn findings_table(ctx: &RunContext<'_>) -> Table {
    let p = ctx.presenter;
    let publish = p.publish();
    let mut table = Table::new(&columns(), false);
    for f in &ctx.validation.findings {
        let code = match &f.la_code {
            Some(c) if !p.anonymise() => c.clone(),
            _ => String::new(),
        };
        let name = match (&f.la_code, &f.la_name) {
            (Some(c), Some(n)) => p.la_name(c, n),
            (None, Some(n)) => p.scrub(n),
            (_, None) => String::new(),
        };
        let period = f.period.map(|x| x.to_string()).unwrap_or_default();
        let (rule_name, summary) = (f.rule.rule().name, f.rule.rule().summary);
        let texts = [
            code,
            name,
            period,
            p.file_name(&f.file, f.la_code.as_deref(), f.period),
            f.severity.as_str().to_string(),
            f.rule.to_string(),
            rule_name.to_string(),
            f.items.join(" "),
            f.cell.clone().unwrap_or_default(),
        ];
        let said = match publish {
            true => [String::new(), summary.to_string(), String::new()],
            false => [
                p.scrub(f.value.as_deref().unwrap_or("")),
                p.scrub(&f.message),
                p.scrub(&f.action),
            ],
        };
        let cells = texts.into_iter().chain(said).map(Cell::Text).collect();
        table.push(cells);
    }
    table
}
