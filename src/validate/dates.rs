//! Reading `Date completed`: a date cell, or a date typed as text the ways people do.

use chrono::{Datelike, NaiveDate};

use crate::ingest::{Cell, RawCell};

/// Text forms accepted, tried in order. Day before month, as in England. A `%Y` year
/// must be written with four digits (chrono's `%Y` takes one to four, which read
/// `14/10/25` as the year 25); two digits are chrono's `%y`, 2000–2069 for 00–69
/// (70–99 are 1970–1999, which [`PLAUSIBLE_YEARS`] then refuses).
const FORMATS: [&str; 11] = [
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%d-%m-%y",
    "%d.%m.%y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
];

/// Years a return can have been completed in. Anything else is a typing slip (`1025`,
/// `0025`) or a cell that is not a date, and would misorder resubmissions, so it is
/// not read as a date (FILE019). Fixed, not from the clock, so reruns agree.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

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
        .find_map(|f| {
            NaiveDate::parse_from_str(&t, f)
                .ok()
                .filter(|d| !f.contains("%Y") || has_four_digit_year(&t, d.year()))
        })
        .filter(|d| PLAUSIBLE_YEARS.contains(&d.year()))
}

/// Whether `text` has a run of exactly four digits that is `year`.
fn has_four_digit_year(text: &str, year: i32) -> bool {
    let want = format!("{year:04}");
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && run == want)
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
    fn two_digit_years_are_this_century_and_four_digit_years_are_four_digits() {
        let want = Some("2025-10-14".to_string());
        assert_eq!(d(RawCell::Text("14/10/25".into())), want);
        assert_eq!(d(RawCell::Text("14-10-25".into())), want);
        assert_eq!(d(RawCell::Text("14.10.25".into())), want);
        assert_eq!(d(RawCell::Text("14/10/2025".into())), want);
        assert_eq!(
            d(RawCell::Text("1/4/69".into())),
            Some("2069-04-01".to_string())
        );
        // Three digits, or a year out of range (70 is 1970 to chrono), is no date.
        for bad in [
            "14/10/202",
            "14/10/0025",
            "14/10/1925",
            "14/10/70",
            "14/10/2100",
        ] {
            assert_eq!(d(RawCell::Text(bad.into())), None, "{bad}");
        }
        assert_eq!(d(RawCell::Date("1900-01-01".into())), None);
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(d(RawCell::Text("soon".into())), None);
        assert_eq!(d(RawCell::Text("31/02/2025".into())), None);
        assert_eq!(d(RawCell::Number(45944.0)), None);
        assert_eq!(d(RawCell::Empty), None);
    }
}
