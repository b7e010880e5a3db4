//! The run's findings in a fixed order, so the same inputs always give the same report.

use std::cmp::Ordering;

use super::Finding;

/// Sorts by LA code (findings with no LA first), period, file, severity (errors
/// first), rule (catalogue order), then cell (by sheet, row, column: `C9`
/// before `C10`). Stable, so findings equal on all of these keep their order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(compare);
}

/// `'My sheet'!C23` → (`'My sheet'`, row 23, column C as a number).
fn cell_key(cell: &str) -> (String, u64, u64) {
    let (sheet, a1) = cell.rsplit_once('!').unwrap_or(("", cell));
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &a1[letters.len()..];
    let col = letters.to_ascii_uppercase().bytes().fold(0u64, |n, b| {
        n.saturating_mul(26).saturating_add(u64::from(b - b'A' + 1))
    });
    let row = digits.parse().unwrap_or(u64::MAX);
    (sheet.to_string(), row, col)
}

fn compare(a: &Finding, b: &Finding) -> Ordering {
    a.la_code
        .cmp(&b.la_code)
        .then(a.period.cmp(&b.period))
        .then_with(|| a.file.cmp(&b.file))
        .then(a.severity.cmp(&b.severity))
        .then((a.rule as usize).cmp(&(b.rule as usize)))
        .then_with(|| {
            a.cell
                .as_deref()
                .map(cell_key)
                .cmp(&b.cell.as_deref().map(cell_key))
        })
}

#[cfg(test)]
mod tests {
    use super::cell_key;

    #[test]
    fn cells_sort_as_on_the_sheet() {
        assert!(cell_key("Return!C9") < cell_key("Return!C10"));
        assert!(cell_key("Return!Z5") < cell_key("Return!AA5"));
        assert_eq!(cell_key("'My sheet'!B2"), ("'My sheet'".to_string(), 2, 2));
    }
}
