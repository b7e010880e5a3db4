//! Financial-year quarters: `2025-26 Q2` is July to September 2025.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A financial-year quarter. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    /// Calendar year in which the financial year starts (2025 for 2025-26).
    pub fy_start: u16,
    /// 1 = Apr–Jun, 2 = Jul–Sep, 3 = Oct–Dec, 4 = Jan–Mar.
    pub quarter: u8,
}

/// How a period was written: already canonical, or normalised from another spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    Canonical,
    Normalised,
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

impl Period {
    pub fn new(fy_start: u16, quarter: u8) -> Option<Period> {
        ((1..=4).contains(&quarter) && (1990..=2200).contains(&fy_start))
            .then_some(Period { fy_start, quarter })
    }

    /// Parses the canonical form and the common spellings LAs use
    /// (`2025/26 Q2`, `Q2 2025-26`, `2025-26 Quarter 2`, `Jul-Sep 2025`,
    /// `July to September 2025`).
    pub fn parse(text: &str) -> Option<(Period, Spelling)> {
        let trimmed = text.trim();
        if let Some(p) = parse_canonical(trimmed) {
            return Some((p, Spelling::Canonical));
        }
        let lower = trimmed.to_lowercase();
        parse_fy_quarter(&lower)
            .or_else(|| parse_month_range(&lower))
            .map(|p| (p, Spelling::Normalised))
    }

    /// The quarter that contains a calendar date.
    pub fn containing(date: NaiveDate) -> Period {
        use chrono::Datelike;
        let m = date.month();
        let y = date.year() as u16;
        match m {
            4..=6 => Period { fy_start: y, quarter: 1 },
            7..=9 => Period { fy_start: y, quarter: 2 },
            10..=12 => Period { fy_start: y, quarter: 3 },
            _ => Period { fy_start: y - 1, quarter: 4 },
        }
    }

    pub fn next(self) -> Period {
        if self.quarter == 4 {
            Period { fy_start: self.fy_start + 1, quarter: 1 }
        } else {
            Period { quarter: self.quarter + 1, ..self }
        }
    }

    pub fn prev(self) -> Period {
        if self.quarter == 1 {
            Period { fy_start: self.fy_start - 1, quarter: 4 }
        } else {
            Period { quarter: self.quarter - 1, ..self }
        }
    }

    /// The same quarter one year earlier.
    pub fn year_before(self) -> Period {
        Period { fy_start: self.fy_start - 1, ..self }
    }

    pub fn first_day(self) -> NaiveDate {
        let (y, m) = self.start_month();
        NaiveDate::from_ymd_opt(y, m, 1).expect("valid quarter start")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid quarter end")
    }

    /// `Jul–Sep 2025`: the months in words, for people.
    pub fn months_label(self) -> String {
        let (y, m) = self.start_month();
        let short = |i: u32| {
            let name = MONTHS[(i - 1) as usize];
            let mut s = name[..3].to_string();
            s[..1].make_ascii_uppercase();
            s
        };
        format!("{}–{} {}", short(m), short(m + 2), y)
    }

    /// A file-name-safe form: `2025-26_Q2`.
    pub fn slug(self) -> String {
        format!("{}-{:02}_Q{}", self.fy_start, (self.fy_start + 1) % 100, self.quarter)
    }

    fn start_month(self) -> (i32, u32) {
        match self.quarter {
            1 => (self.fy_start as i32, 4),
            2 => (self.fy_start as i32, 7),
            3 => (self.fy_start as i32, 10),
            _ => (self.fy_start as i32 + 1, 1),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02} Q{}", self.fy_start, (self.fy_start + 1) % 100, self.quarter)
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(s: String) -> Result<Period, String> {
        Period::parse(&s).map(|(p, _)| p).ok_or_else(|| format!("not a period: {s:?}"))
    }
}

fn parse_canonical(s: &str) -> Option<Period> {
    let (fy, q) = s.split_once(" Q")?;
    let fy_start = parse_fy(fy, &['-'])?;
    let q: u8 = q.parse().ok()?;
    (q.to_string().len() == 1 && fy.len() == 7).then_some(())?;
    Period::new(fy_start, q)
}

/// `2025-26`, `2025/26`, `2025-2026`, `2025/2026`, `2025–26`.
fn parse_fy(s: &str, seps: &[char]) -> Option<u16> {
    let (a, b) = s.trim().split_once(|c| seps.contains(&c))?;
    let start: u16 = a.trim().parse().ok()?;
    if a.trim().len() != 4 {
        return None;
    }
    let b = b.trim();
    let end: u16 = b.parse().ok()?;
    let ok = match b.len() {
        2 => end == (start + 1) % 100,
        4 => end == start + 1,
        _ => false,
    };
    ok.then_some(start)
}

/// A financial year and a quarter number in either order:
/// `2025/26 q2`, `q2 2025-26`, `2025-26 quarter 2`, `quarter 2 2025/26`.
fn parse_fy_quarter(s: &str) -> Option<Period> {
    let cleaned: String = s.replace(['(', ')', ','], " ");
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    let mut fy = None;
    let mut quarter = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let Some(y) = parse_fy(t, &['-', '/', '–']) {
            fy = Some(y);
        } else if let Some(n) = t.strip_prefix('q').and_then(|n| n.parse::<u8>().ok()) {
            quarter = Some(n);
        } else if (t == "quarter" || t == "q" || t == "qtr") && i + 1 < tokens.len() {
            quarter = tokens[i + 1].parse::<u8>().ok();
            i += 1;
        } else if t == "fy" {
            // "FY 2025-26 Q2"
        } else {
            return None;
        }
        i += 1;
    }
    Period::new(fy?, quarter?)
}

/// `jul-sep 2025`, `july to september 2025`, `jan–mar 2026`.
fn parse_month_range(s: &str) -> Option<Period> {
    let s = s.replace(['–', '—'], "-");
    let (months, year) = s.rsplit_once(' ')?;
    let year: u16 = year.trim().parse().ok()?;
    let (from, to) = months
        .split_once(" to ")
        .or_else(|| months.split_once('-'))?;
    let from = month_number(from.trim())?;
    let to = month_number(to.trim())?;
    let quarter = match (from, to) {
        (4, 6) => 1,
        (7, 9) => 2,
        (10, 12) => 3,
        (1, 3) => 4,
        _ => return None,
    };
    let fy_start = if quarter == 4 { year.checked_sub(1)? } else { year };
    Period::new(fy_start, quarter)
}

fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word) || (word.len() == 4 && word == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, Spelling)> {
        Period::parse(s).map(|(p, sp)| (p.to_string(), sp))
    }

    #[test]
    fn canonical_form_is_recognised_as_such() {
        assert_eq!(p("2025-26 Q2"), Some(("2025-26 Q2".into(), Spelling::Canonical)));
        assert_eq!(p(" 2024-25 Q4 "), Some(("2024-25 Q4".into(), Spelling::Canonical)));
    }

    #[test]
    fn common_spellings_are_normalised() {
        for s in [
            "2025/26 Q2",
            "Q2 2025-26",
            "2025-26 Quarter 2",
            "Jul-Sep 2025",
            "July to September 2025",
            "2025-2026 Q2",
            "q2 2025/26",
            "Quarter 2 2025/26",
            "Jul–Sep 2025",
            "2025-26 q2",
        ] {
            assert_eq!(p(s), Some(("2025-26 Q2".into(), Spelling::Normalised)), "{s}");
        }
    }

    #[test]
    fn january_to_march_belongs_to_the_year_before() {
        assert_eq!(p("Jan-Mar 2026").unwrap().0, "2025-26 Q4");
        assert_eq!(p("January to March 2026").unwrap().0, "2025-26 Q4");
    }

    #[test]
    fn nonsense_is_refused() {
        for s in ["", "Q5 2025-26", "2025-27 Q1", "Feb-Apr 2025", "soon", "2025 Q2", "Q2"] {
            assert_eq!(p(s), None, "{s}");
        }
    }

    #[test]
    fn quarters_step_across_years() {
        let q4 = Period::new(2024, 4).unwrap();
        assert_eq!(q4.next().to_string(), "2025-26 Q1");
        assert_eq!(q4.next().prev(), q4);
        assert_eq!(q4.last_day(), NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
        assert_eq!(q4.months_label(), "Jan–Mar 2025");
        assert_eq!(Period::containing(NaiveDate::from_ymd_opt(2025, 8, 1).unwrap()).to_string(), "2025-26 Q2");
        assert_eq!(q4.slug(), "2024-25_Q4");
    }
}
