//! Values, findings and metrics → files people read: per-LA feedback, the
//! analyst's findings CSV, the console summary; for `kinbench run` also the
//! data exports, workbook, chart pack and manifest ([`run`]).

pub mod charts;
pub mod console;
mod context;
pub mod export;
pub mod feedback;
pub mod manifest;
pub mod output;
pub mod pack;
pub mod present;
pub mod run;
pub mod summary_json;
pub mod workbook;
mod xlsx;

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use crate::validate::Finding;

pub use crate::findings_csv::write_findings_csv;
pub use console::{summary, OutputsWritten};
pub use context::{RunContext, RunInfo, Ticks};
pub use output::{check_destination, io_message, write_atomically, OutputError};
pub use present::Presenter;

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write '{path}': {message}")]
    Write { path: String, message: String },
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl ReportError {
    pub(crate) fn write(path: &Path, e: &std::io::Error) -> ReportError {
        ReportError::Write {
            path: path.display().to_string(),
            message: io_message(e),
        }
    }
}

/// The file the analyst filters: every finding of the run.
pub const FINDINGS_CSV: &str = "findings.csv";
/// The folder of per-LA feedback.
pub const FEEDBACK_DIR: &str = "feedback";

/// Writes `feedback/` and `findings.csv` into `out_dir` (which must exist)
/// and says what was written, paths relative to `out_dir`.
pub fn write_report(
    ctx: &RunContext<'_>,
    out_dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    write_report_listing(ctx, out_dir).map(|(entries, _)| entries)
}

/// What was written (`(relative path, description)`), and every finding `findings.csv` holds.
pub type Listing = (Vec<(String, String)>, Vec<Finding>);

/// [`write_report`], also giving every finding `findings.csv` holds: the
/// validation's and one for each file whose feedback could not be written.
pub fn write_report_listing(ctx: &RunContext<'_>, out_dir: &Path) -> Result<Listing, ReportError> {
    let validation = ctx.validation;
    let counts = feedback::write_all(ctx, out_dir)?;
    let mut findings = validation.findings.clone();
    findings.extend(counts.failed.iter().cloned());
    crate::validate::sort_findings(&mut findings);
    let mut entries = vec![feedback_entry(&counts)];
    let csv_path = out_dir.join(FINDINGS_CSV);
    let file = File::create(&csv_path).map_err(|e| ReportError::write(&csv_path, &e))?;
    write_findings_csv(&findings, BufWriter::new(file)).map_err(|e| ReportError::Write {
        path: csv_path.display().to_string(),
        message: e.to_string(),
    })?;
    entries.push((
        FINDINGS_CSV.to_string(),
        format!("{} findings", findings.len()),
    ));
    Ok((entries, findings))
}

/// Writes `feedback/` alone into `out_dir` (`kinbench run` puts its findings in
/// `data/`): what it holds, and a FILE023 finding for each file whose feedback
/// could not be written.
pub fn write_feedback(
    ctx: &RunContext<'_>,
    out_dir: &Path,
) -> Result<((String, String), Vec<Finding>), ReportError> {
    let counts = feedback::write_all(ctx, out_dir)?;
    Ok((feedback_entry(&counts), counts.failed))
}

/// What `feedback/` holds, naming each file whose feedback could not be written.
fn feedback_entry(counts: &feedback::FeedbackCounts) -> (String, String) {
    let mut said = format!(
        "feedback to LAs: {} workbooks, {} texts",
        counts.workbooks, counts.texts
    );
    if counts.drafts > 0 {
        said.push_str(&format!(", {} email drafts", counts.drafts));
    }
    for f in &counts.failed {
        said.push_str(&format!("; not written for {}: {}", f.file, f.message));
    }
    (format!("{FEEDBACK_DIR}/"), said)
}
