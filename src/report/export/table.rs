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

/// A table under construction: named, typed columns, each cell put straight
/// into its column's polars builder as its row is added. A national values
/// table has half a million rows; held as rows of cells it cost a fifth of
/// a run's memory, and the frame built from them as much again.
pub(crate) struct Table {
    names: Vec<&'static str>,
    columns: Vec<Column>,
    height: usize,
    /// The first cell that did not fit its column's kind (a bug, not bad input).
    mismatch: Option<PolarsError>,
}

/// One column's builder; its kind, with publish mode, decides which.
enum Column {
    Text(StringChunkedBuilder),
    Number(PrimitiveChunkedBuilder<Float64Type>),
    Flag(BooleanChunkedBuilder),
    /// A count or rate shown through the Presenter, as DfE text (publish mode).
    Published(StringChunkedBuilder),
    /// A count or rate shown through the Presenter, as its number.
    ShownNumber(PrimitiveChunkedBuilder<Float64Type>),
}

impl Column {
    fn new(name: &'static str, kind: Kind, publish: bool) -> Column {
        let name = PlSmallStr::from_static(name);
        match (kind, publish) {
            (Kind::Text, _) => Column::Text(StringChunkedBuilder::new(name, 0)),
            (Kind::Shown, true) => Column::Published(StringChunkedBuilder::new(name, 0)),
            (Kind::Shown, false) => Column::ShownNumber(PrimitiveChunkedBuilder::new(name, 0)),
            (Kind::Number, _) => Column::Number(PrimitiveChunkedBuilder::new(name, 0)),
            (Kind::Flag, _) => Column::Flag(BooleanChunkedBuilder::new(name, 0)),
        }
    }

    /// Appends `cell`; false, with a null appended instead, when it does not fit.
    fn append(&mut self, cell: &Cell) -> bool {
        match (&mut *self, cell) {
            (Column::Text(b) | Column::Published(b), Cell::Null) => b.append_null(),
            (Column::Text(b) | Column::Published(b), Cell::Text(t)) => b.append_value(t),
            (Column::Published(b), Cell::Shown(s)) => b.append_value(published_text(s)),
            (Column::Number(b) | Column::ShownNumber(b), Cell::Null) => b.append_null(),
            (Column::Number(b), Cell::Number(x)) => b.append_value(*x),
            (Column::ShownNumber(b), Cell::Shown(s)) => {
                b.append_option(s.number().filter(|x| x.is_finite()))
            }
            (Column::Flag(b), Cell::Null) => b.append_null(),
            (Column::Flag(b), Cell::Flag(f)) => b.append_value(*f),
            _ => {
                // Every column takes a null: the rows stay aligned.
                self.append(&Cell::Null);
                return false;
            }
        }
        true
    }

    fn finish(self) -> polars::prelude::Column {
        match self {
            Column::Text(b) | Column::Published(b) => b.finish().into_column(),
            Column::Number(b) | Column::ShownNumber(b) => b.finish().into_column(),
            Column::Flag(b) => b.finish().into_column(),
        }
    }
}

impl Table {
    pub fn new(columns: &[(&'static str, Kind)], publish: bool) -> Table {
        Table {
            names: columns.iter().map(|&(name, _)| name).collect(),
            columns: columns
                .iter()
                .map(|&(name, kind)| Column::new(name, kind, publish))
                .collect(),
            height: 0,
            mismatch: None,
        }
    }

    /// Adds a row; cells are in column order, missing trailing cells are null.
    pub fn push(&mut self, row: Vec<Cell>) {
        for (i, column) in self.columns.iter_mut().enumerate() {
            let cell = row.get(i).unwrap_or(&Cell::Null);
            if !column.append(cell) && self.mismatch.is_none() {
                let name = self.names[i];
                self.mismatch =
                    Some(polars_err!(ComputeError: "column '{}' cannot hold {:?}", name, cell));
            }
        }
        self.height += 1;
    }

    /// The table as a DataFrame. A cell that did not fit its column's kind
    /// is an error rather than a silent null.
    pub fn into_frame(self) -> PolarsResult<DataFrame> {
        if let Some(e) = self.mismatch {
            return Err(e);
        }
        let columns = self.columns.into_iter().map(Column::finish).collect();
        DataFrame::new(self.height, columns)
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
