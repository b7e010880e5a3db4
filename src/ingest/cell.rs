//! Cells as read from a sheet, and how to name them for people (`Return!C23`).

use std::fmt;

use crate::number_text::format_number;

/// A cell position in sheet coordinates, 0-based (A1 is row 0, col 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellPos {
    pub row: u32,
    pub col: u32,
}

impl CellPos {
    pub fn new(row: u32, col: u32) -> CellPos {
        CellPos { row, col }
    }

    /// `C23`.
    pub fn a1(self) -> String {
        format!("{}{}", column_letters(self.col), self.row + 1)
    }
}

/// `0 → A`, `25 → Z`, `26 → AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

/// A cell on a named sheet: `Return!C23`, `'My return'!C23`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub sheet: String,
    pub pos: CellPos,
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self
            .sheet
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if plain && !self.sheet.is_empty() {
            write!(f, "{}!{}", self.sheet, self.pos.a1())
        } else {
            write!(f, "'{}'!{}", self.sheet.replace('\'', "''"), self.pos.a1())
        }
    }
}

/// A cell's content as the spreadsheet holds it, before any schema meaning.
/// Format quirks are smoothed here (`.xls` integers become `Number`); meaning
/// (markers, numbers typed as text, error text from `.ods`) is the validator's.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// An Excel error value such as `#DIV/0!`.
    Error(String),
    /// A date or time, written as ISO 8601 where known (`2025-07-01`), else as the sheet gave it.
    Date(String),
}

impl RawCell {
    pub fn is_empty(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as found, for findings and feedback.
    pub fn as_found(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Number(n) => format_number(*n),
            RawCell::Text(t) | RawCell::Error(t) | RawCell::Date(t) => t.clone(),
            RawCell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

/// A cell: its value (a formula's cached result) and the formula, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: RawCell,
    /// The formula text without `=`. With `value == Empty` it had no cached result.
    pub formula: Option<String>,
}

impl Cell {
    pub fn value(value: RawCell) -> Cell {
        Cell {
            value,
            formula: None,
        }
    }

    /// A formula whose result was never calculated (saved by a program that does not calculate).
    pub fn is_uncalculated_formula(&self) -> bool {
        self.formula.is_some() && self.value == RawCell::Empty
    }

    /// Nothing in it at all: no value and no formula.
    pub fn is_blank(&self) -> bool {
        self.formula.is_none() && self.value.is_empty()
    }

    pub fn as_found(&self) -> String {
        match (&self.formula, &self.value) {
            (Some(f), RawCell::Empty) => format!("={f}"),
            _ => self.value.as_found(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_as_excel_does() {
        assert_eq!(CellPos::new(22, 2).a1(), "C23");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let r = CellRef {
            sheet: "Return".into(),
            pos: CellPos::new(0, 0),
        };
        assert_eq!(r.to_string(), "Return!A1");
        let r = CellRef {
            sheet: "LA's return".into(),
            pos: CellPos::new(4, 3),
        };
        assert_eq!(r.to_string(), "'LA''s return'!D5");
    }
}
