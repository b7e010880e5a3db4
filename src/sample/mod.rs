//! Seeded, realistic filled returns for any region and periods, with planted faults.

use std::path::{Path, PathBuf};

use crate::period::Period;
use crate::schema::{La, Schema};

#[derive(Debug, Clone)]
pub struct SampleOptions {
    pub region: Vec<La>,
    /// Consecutive periods, ascending.
    pub periods: Vec<Period>,
    pub seed: u64,
    /// Plant the realistic faults and write `manifest.csv`.
    pub faults: bool,
}

#[derive(Debug, Clone, Default)]
pub struct SampleReport {
    pub files: Vec<PathBuf>,
    pub faults_planted: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// Writes the returns into `out_dir` (created if missing).
pub fn generate(
    schema: &Schema,
    options: &SampleOptions,
    out_dir: &Path,
) -> Result<SampleReport, SampleError> {
    let _ = (schema, options, out_dir);
    todo!("sample helper")
}
