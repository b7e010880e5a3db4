//! Reading `Date completed`: a date cell, or a date typed as text the ways people do.

use chrono::NaiveDate;

use crate::ingest::{Cell, RawCell};

/// Text forms accepted, tried in order. Day before month, as in England.
const FORMATS: [&str; 9] = [
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
];

/// The date a cell holds, if it holds one. Numbers are not read as dates: a
/// spreadsheet's date cells arrive as [`RawCell::Date`].
pub fn read_date(cell: &Cell) -> Option<NaiveDate> {
    match &cell.value {
        RawCell::Date(text) => {
            let t = text.trim();
            // ISO date-times (`2025-10-14T00:00:00`, `2025-10-14 09:30`) keep their date part.
            let date_part = t
                .get(..10)
                .filter(|_| t.len() > 10 && matches!(t.as_bytes().get(10), Some(b'T' | b' ')));
            parse_text(date_part.unwrap_or(t))
        }
        RawCell::Text(text) => parse_text(text),
        _ => None,
    }
}

fn parse_text(text: &str) -> Option<NaiveDate> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&t, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: RawCell) -> Option<String> {
        read_date(&Cell::value(raw)).map(|d| d.to_string())
    }

    #[test]
    fn reads_dates_as_people_type_them() {
        let want = Some("2025-10-14".to_string());
        assert_eq!(d(RawCell::Date("2025-10-14".into())), want);
        assert_eq!(d(RawCell::Date("2025-10-14T00:00:00".into())), want);
        assert_eq!(d(RawCell::Text("2025-10-14".into())), want);
        assert_eq!(d(RawCell::Text("14/10/2025".into())), want);
        assert_eq!(d(RawCell::Text("14 October 2025".into())), want);
        assert_eq!(d(RawCell::Text(" 14  Oct 2025 ".into())), want);
        assert_eq!(
            d(RawCell::Text("4/1/2025".into())),
            Some("2025-01-04".to_string())
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(d(RawCell::Text("soon".into())), None);
        assert_eq!(d(RawCell::Text("31/02/2025".into())), None);
        assert_eq!(d(RawCell::Number(45944.0)), None);
        assert_eq!(d(RawCell::Empty), None);
    }
}
