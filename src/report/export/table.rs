//! Tables built row by row and turned into polars DataFrames, with the
//! Presenter's values as numbers in exact modes and as DfE text in publish mode.

use polars::prelude::*;

use crate::report::present::Shown;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A number not subject to disclosure control (a z-score, a count of LAs, a year).
    Number,
    Flag,
    /// A count or rate shown through the Presenter: a number, or in publish mode
    /// text (the rounded number or a DfE symbol).
    Shown,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Text(String),
    Number(f64),
    Flag(bool),
    Shown(Shown),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.into()))
    }
}

/// A table under construction: named, typed columns and rows of cells.
pub(crate) struct Table {
    columns: Vec<(&'static str, Kind)>,
    rows: Vec<Vec<Cell>>,
    publish: bool,
}

impl Table {
    pub fn new(columns: &[(&'static str, Kind)], publish: bool) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
            publish,
        }
    }

    /// Adds a row; cells are in column order, missing trailing cells are null.
    pub fn push(&mut self, mut row: Vec<Cell>) {
        row.resize(self.columns.len(), Cell::Null);
        self.rows.push(row);
    }

    /// The table as a DataFrame. A cell that does not fit its column's kind
    /// (a bug, not bad input) is an error rather than a silent null.
    pub fn into_frame(self) -> PolarsResult<DataFrame> {
        let height = self.rows.len();
        let mut out = Vec::with_capacity(self.columns.len());
        for (i, (name, kind)) in self.columns.iter().enumerate() {
            let cells = self.rows.iter().map(|r| &r[i]);
            let name = PlSmallStr::from_static(name);
            let mismatch =
                |c: &Cell| polars_err!(ComputeError: "column '{}' cannot hold {:?}", name, c);
            let column = match (kind, self.publish) {
                (Kind::Text, _) | (Kind::Shown, true) => {
                    let v: Vec<Option<String>> = cells
                        .map(|c| match c {
                            Cell::Null => Ok(None),
                            Cell::Text(s) => Ok(Some(s.clone())),
                            Cell::Shown(s) => Ok(Some(published_text(s))),
                            other => Err(mismatch(other)),
                        })
                        .collect::<PolarsResult<_>>()?;
                    Column::new(name, v)
                }
                (Kind::Number, _) | (Kind::Shown, false) => {
                    let v: Vec<Option<f64>> = cells
                        .map(|c| match c {
                            Cell::Null => Ok(None),
                            Cell::Number(x) => Ok(Some(*x)),
                            Cell::Shown(s) => Ok(s.number().filter(|x| x.is_finite())),
                            other => Err(mismatch(other)),
                        })
                        .collect::<PolarsResult<_>>()?;
                    Column::new(name, v)
                }
                (Kind::Flag, _) => {
                    let v: Vec<Option<bool>> = cells
                        .map(|c| match c {
                            Cell::Null => Ok(None),
                            Cell::Flag(b) => Ok(Some(*b)),
                            other => Err(mismatch(other)),
                        })
                        .collect::<PolarsResult<_>>()?;
                    Column::new(name, v)
                }
            };
            out.push(column);
        }
        DataFrame::new(height, out)
    }
}

/// A value as a published table shows it: `60.0`, `1240`, `c`. No thousands
/// separators, so the column still reads as numbers where it holds numbers.
fn published_text(shown: &Shown) -> String {
    match shown {
        Shown::Number { value, decimals } => format!("{value:.decimals$}"),
        Shown::Symbol(s) => s.to_string(),
    }
}
