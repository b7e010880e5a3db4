//! A DataFrame to CSV (with the csv crate, so every cell's text is ours) and to Parquet.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use polars::prelude::*;

use crate::report::ReportError;
use crate::text_safety::csv_cell;

/// A cell as the CSV shows it: null is empty, a number in Rust's shortest form
/// that reads back to the same f64 (`59.83606557377049`, `3`), booleans `true`/`false`.
pub(crate) fn cell_text(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Float64(x) => x.to_string(),
        AnyValue::Float32(x) => x.to_string(),
        AnyValue::Int64(x) => x.to_string(),
        AnyValue::Int32(x) => x.to_string(),
        AnyValue::UInt64(x) => x.to_string(),
        AnyValue::UInt32(x) => x.to_string(),
        other => other.to_string(),
    }
}

fn failed(path: &Path, message: impl ToString) -> ReportError {
    ReportError::Write {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// Writes `df` as CSV with a header row; text cells through [`csv_cell`].
pub fn write_csv(df: &DataFrame, path: &Path) -> Result<(), ReportError> {
    let file = File::create(path).map_err(|e| ReportError::write(path, &e))?;
    let mut w = csv::Writer::from_writer(BufWriter::new(file));
    let names: Vec<&str> = df.columns().iter().map(|c| c.name().as_str()).collect();
    w.write_record(&names).map_err(|e| failed(path, e))?;
    let mut record: Vec<String> = Vec::with_capacity(names.len());
    for row in 0..df.height() {
        record.clear();
        for column in df.columns() {
            let value = column.get(row).map_err(|e| failed(path, e))?;
            let text = cell_text(&value);
            record.push(match value {
                AnyValue::String(_) | AnyValue::StringOwned(_) => csv_cell(&text).into_owned(),
                _ => text,
            });
        }
        w.write_record(&record).map_err(|e| failed(path, e))?;
    }
    let mut inner = w.into_inner().map_err(|e| failed(path, e.error()))?;
    inner.flush().map_err(|e| ReportError::write(path, &e))
}

/// Writes `df` as Parquet (zstd, one row group, columns serialised in order
/// so that the bytes depend only on the data).
pub fn write_parquet(df: &mut DataFrame, path: &Path) -> Result<(), ReportError> {
    let file = File::create(path).map_err(|e| ReportError::write(path, &e))?;
    let mut out = BufWriter::new(file);
    ParquetWriter::new(&mut out)
        .set_parallel(false)
        .finish(df)
        .map_err(|e| failed(path, e))?;
    out.flush().map_err(|e| ReportError::write(path, &e))
}
