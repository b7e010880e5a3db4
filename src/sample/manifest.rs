//! `manifest.csv`: one row per finding the validator is expected to raise on
//! the sample returns, so a test can compare the two.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::SampleError;

/// One expected finding, or (with an empty `rule`) a fault expected to raise none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRow {
    /// File name in the output folder; empty for a return not received.
    pub file: String,
    pub la_code: String,
    /// Canonical form, `2025-26 Q2`.
    pub period: String,
    /// The planted fault's key, e.g. `part-exceeds-whole`.
    pub fault: String,
    /// The rule code expected, e.g. `SUM002`; empty when no finding is expected.
    pub rule: String,
    /// `error`, `warning` or `info`; empty when no finding is expected.
    pub severity: String,
    /// Item codes, space-separated, as the finding lists them.
    pub items: String,
    /// `Return!C23`; empty when the finding names no cell.
    pub cell: String,
    /// The value as found (a cell's content as typed, or the sheet's name);
    /// empty when the finding gives none.
    pub value: String,
    pub note: String,
}

/// The columns, in order.
pub const COLUMNS: [&str; 10] = [
    "file", "la_code", "period", "fault", "rule", "severity", "items", "cell", "value", "note",
];

/// The file's name in the output folder.
pub const FILE: &str = "manifest.csv";

pub fn write(path: &Path, rows: &[ManifestRow]) -> Result<(), SampleError> {
    let wrap = |e: csv::Error| SampleError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_path(path)
        .map_err(wrap)?;
    // The header row by hand, so an empty manifest still has one.
    w.write_record(COLUMNS).map_err(wrap)?;
    for row in rows {
        w.serialize(row).map_err(wrap)?;
    }
    w.flush().map_err(|e| SampleError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Reads a manifest written by [`write`].
pub fn read(path: &Path) -> Result<Vec<ManifestRow>, SampleError> {
    let wrap = |e: csv::Error| SampleError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut r = csv::Reader::from_path(path).map_err(wrap)?;
    r.deserialize().map(|row| row.map_err(wrap)).collect()
}
