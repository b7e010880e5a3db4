//! `findings`: every finding of the run, with the columns of the analyst's findings.csv.

use super::table::{Cell, Kind, Table};
use crate::report::findings_csv::COLUMNS as NAMES;
use crate::report::RunContext;
use crate::validate::rules;

/// The columns, in order: those of [`crate::report::findings_csv::COLUMNS`], all text.
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
        let rule_name = rules::rule(f.rule).map_or("", |r| r.name);
        let texts = [
            code,
            name,
            period,
            p.scrub(&f.file),
            f.severity.as_str().to_string(),
            f.rule.to_string(),
            rule_name.to_string(),
            f.items.join(" "),
            f.cell.clone().unwrap_or_default(),
            small_counts(publish, &p.scrub(f.value.as_deref().unwrap_or(""))),
            small_counts(publish, &p.scrub(&f.message)),
            p.scrub(&f.action),
        ];
        table.push(texts.into_iter().map(Cell::Text).collect());
    }
    table
}

/// With `publish`, every whole number from 1 to 5 standing alone in `text`
/// (`3 of 4`, but not `1.5`, `Q1`, `C5` or `2025-26`'s parts) becomes `c`.
fn small_counts(publish: bool, text: &str) -> String {
    if !publish {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let joins = |i: Option<usize>, beyond: Option<usize>| {
        let at = |k: Option<usize>| k.and_then(|k| chars.get(k)).copied();
        match at(i) {
            Some('.' | ',' | '-' | '/') => at(beyond).is_some_and(|c| c.is_ascii_digit()),
            Some(c) => c.is_alphanumeric(),
            None => false,
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| !chars[k].is_ascii_digit())
            .unwrap_or(chars.len());
        let token: String = chars[i..end].iter().collect();
        let alone = !joins(i.checked_sub(1), i.checked_sub(2)) && !joins(Some(end), Some(end + 1));
        let small = token.parse::<u32>().is_ok_and(|n| (1..=5).contains(&n));
        out.push_str(if alone && small { "c" } else { &token });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::small_counts;

    #[test]
    fn publish_hides_small_counts_quoted_in_findings() {
        assert_eq!(
            small_counts(true, "9.8% (3 of 92), z 5.2, D01 in Q1 2025-26; 5 / 5"),
            "9.8% (c of 92), z 5.2, D01 in Q1 2025-26; c / c"
        );
        assert_eq!(small_counts(true, "4"), "c");
        assert_eq!(small_counts(false, "3 of 4"), "3 of 4");
    }
}
