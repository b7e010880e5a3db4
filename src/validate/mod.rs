//! Cells → values + findings. Types each value by the schema's reading rules,
//! identifies the LA and period, and applies every rule of the catalogue
//! ([`rules`]) except the regional outlier, which needs the metrics.

mod finding;
pub mod rules;
mod values;

use std::path::Path;

pub use finding::{Family, Finding, Severity};
pub use values::{ItemValue, ReturnStatus, Submission, Validation, ValueStatus};

use crate::ingest::Limits;
use crate::schema::{La, Schema};

/// Options for a validation run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The network's LAs; returns from other LAs are reported and not used.
    pub region: Vec<La>,
    pub region_name: String,
    pub limits: Limits,
}

/// Validates every file under `dir` (recursively; hidden files and Office lock
/// files `~$...` skipped, everything else is reported).
pub fn validate_folder(schema: &Schema, dir: &Path, options: &Options) -> std::io::Result<Validation> {
    let _ = (schema, dir, options);
    todo!("validate helper")
}
