//! calamine's cell values → [`RawCell`], smoothing the differences between formats.

use calamine::{CellErrorType, Data, ExcelDateTime};

use super::{Cell, RawCell};
use crate::number_text::format_number;

/// Largest serial Excel can show as a date (9999-12-31); beyond it there is no calendar date.
const MAX_EXCEL_SERIAL: f64 = 2_958_466.0;

/// One value as the sheet holds it. `.xls` integers and floats are both `Number`.
pub(crate) fn raw_cell(data: &Data) -> RawCell {
    match data {
        Data::Empty => RawCell::Empty,
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => RawCell::Text(s.clone()),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::Error(e) => RawCell::Error(excel_error(e).to_string()),
        Data::DateTime(dt) => RawCell::Date(date_text(dt)),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Date(s.clone()),
    }
}

/// Excel's own spelling, which LAs see in their sheet (calamine writes `#DATA!` for one of them).
fn excel_error(e: &CellErrorType) -> &'static str {
    match e {
        CellErrorType::Div0 => "#DIV/0!",
        CellErrorType::NA => "#N/A",
        CellErrorType::Name => "#NAME?",
        CellErrorType::Null => "#NULL!",
        CellErrorType::Num => "#NUM!",
        CellErrorType::Ref => "#REF!",
        CellErrorType::Value => "#VALUE!",
        CellErrorType::GettingData => "#GETTING_DATA",
    }
}

/// ISO 8601: `2025-10-14`, or `2025-10-14T09:30:00` when there is a time of day.
/// A duration-formatted cell (`[h]:mm:ss`) is written as Excel shows it.
fn date_text(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() {
        return duration_text(serial);
    }
    // Out-of-range serials would overflow chrono's arithmetic; show the number instead.
    if !(0.0..MAX_EXCEL_SERIAL).contains(&serial) {
        return format_number(serial);
    }
    match dt.as_datetime() {
        Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
        Some(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        None => format_number(serial),
    }
}

fn duration_text(days: f64) -> String {
    let secs = (days * 86_400.0).round();
    if !secs.is_finite() || secs.abs() > 1e12 {
        return format_number(days);
    }
    let sign = if secs < 0.0 { "-" } else { "" };
    let s = secs.abs() as u64;
    format!("{sign}{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// Formula text without the leading `=` (and OpenDocument's `of:` namespace).
pub(crate) fn formula_text(raw: &str) -> Option<String> {
    let t = raw.trim();
    let t = t.strip_prefix("of:").unwrap_or(t);
    let t = t.strip_prefix('=').unwrap_or(t).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// LibreOffice has no boolean cell: a `TRUE` it saves is the formula `TRUE()` with the
/// number 1. Read as the boolean the LA sees, so it is never counted as 1.
pub(crate) fn boolean_formula(cell: Cell) -> Cell {
    let word = cell
        .formula
        .as_deref()
        .map(|f| f.trim_end_matches("()").to_ascii_uppercase());
    match (word.as_deref(), &cell.value) {
        (Some("TRUE"), RawCell::Number(n)) if *n == 1.0 => Cell {
            value: RawCell::Bool(true),
            ..cell
        },
        (Some("FALSE"), RawCell::Number(n)) if *n == 0.0 => Cell {
            value: RawCell::Bool(false),
            ..cell
        },
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn dt(serial: f64) -> Data {
        Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    #[test]
    fn values_become_raw_cells() {
        assert_eq!(raw_cell(&Data::Int(12)), RawCell::Number(12.0));
        assert_eq!(raw_cell(&Data::Float(2.5)), RawCell::Number(2.5));
        assert_eq!(
            raw_cell(&Data::Error(CellErrorType::Div0)),
            RawCell::Error("#DIV/0!".into())
        );
        assert_eq!(
            raw_cell(&Data::Error(CellErrorType::GettingData)),
            RawCell::Error("#GETTING_DATA".into())
        );
        assert_eq!(raw_cell(&dt(45944.0)), RawCell::Date("2025-10-14".into()));
        assert_eq!(
            raw_cell(&dt(45944.5)),
            RawCell::Date("2025-10-14T12:00:00".into())
        );
        assert_eq!(raw_cell(&dt(-5.0)), RawCell::Date("-5".into()));
        let d = Data::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(raw_cell(&d), RawCell::Date("36:00:00".into()));
    }

    #[test]
    fn libreoffice_booleans_are_booleans() {
        let f = |formula: &str, n: f64| Cell {
            value: RawCell::Number(n),
            formula: Some(formula.into()),
        };
        assert_eq!(boolean_formula(f("TRUE()", 1.0)).value, RawCell::Bool(true));
        assert_eq!(
            boolean_formula(f("FALSE()", 0.0)).value,
            RawCell::Bool(false)
        );
        assert_eq!(
            boolean_formula(f("C12-400", 1.0)).value,
            RawCell::Number(1.0)
        );
    }

    #[test]
    fn formulas_lose_their_prefixes() {
        assert_eq!(formula_text("of:=1/0"), Some("1/0".into()));
        assert_eq!(formula_text("SUM(C5:C8)"), Some("SUM(C5:C8)".into()));
        assert_eq!(formula_text("  "), None);
    }
}
