//! The run's data for analysts, in `data/`: `values`, `metrics`, `counts` and `findings`,
//! each as CSV and as Parquet with the same rows and columns (docs/outputs.md).
//!
//! Tables are built as polars DataFrames; the CSV is written from the frame
//! cell by cell so that it holds exactly what the Parquet file holds.

mod counts;
mod findings;
mod metrics;
mod table;
mod values;
mod write;

use std::fs;
use std::path::Path;

pub use counts::{BREAKDOWN, COLUMNS as COUNTS_COLUMNS, COUNT};
pub use findings::columns as findings_columns;
pub use metrics::{COLUMNS as METRICS_COLUMNS, LA, REGION, ROLLING_YEAR};
use table::Cell;
pub use table::Kind;
pub use values::{COLUMNS as VALUES_COLUMNS, NOT_RECEIVED, RETURN_UNUSABLE};

use super::present::Presenter;
use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;

/// The folder of the exports, inside the run's folder.
pub const DATA_DIR: &str = "data";

/// The tables' names: each is written as `<name>.csv` and `<name>.parquet`.
pub const TABLES: [&str; 4] = ["values", "metrics", "counts", "findings"];

/// An LA's code and name cells: when anonymising, no code and the LA's letter.
fn la_cells(p: &Presenter, code: &str, name: &str) -> [Cell; 2] {
    let shown_code = if p.anonymise() {
        Cell::Null
    } else {
        Cell::text(code)
    };
    [shown_code, Cell::text(p.la_name(code, name))]
}

/// Writes `data/values`, `data/metrics`, `data/counts` and `data/findings` (`.csv` and
/// `.parquet`) into `dir` and says what was written, as `write_report` does.
pub fn write_data(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let data = dir.join(DATA_DIR);
    fs::create_dir_all(&data).map_err(|e| ReportError::write(&data, &e))?;
    // Built one at a time, each dropped once written: the values table alone
    // grows with every return of the run.
    let tables: [&dyn Fn() -> table::Table; 4] = [
        &|| values::values_table(ctx, benchmark),
        &|| metrics::metrics_table(ctx, benchmark),
        &|| counts::counts_table(ctx, benchmark),
        &|| findings::findings_table(ctx),
    ];
    let mut entries = Vec::new();
    for (name, table) in TABLES.iter().zip(tables) {
        let csv_path = data.join(format!("{name}.csv"));
        let mut df = table().into_frame().map_err(|e| ReportError::Write {
            path: csv_path.display().to_string(),
            message: e.to_string(),
        })?;
        write::write_csv(&df, &csv_path)?;
        write::write_parquet(&mut df, &data.join(format!("{name}.parquet")))?;
        entries.push((
            format!("{DATA_DIR}/{name}.csv, .parquet"),
            format!("{} rows", df.height()),
        ));
    }
    Ok(entries)
}
