//! Cells → values + findings. Types each value by the schema's reading rules,
//! identifies the LA and period, and applies every rule of the catalogue
//! ([`rules`]) except the regional outlier, which needs the metrics.
//!
//! Per return: [`validate_return`] from a file's bytes, which is
//! [`validate_located`] (or [`submission_for_ingest_error`] when the
//! file could not be read). Over the run: [`finish`] settles resubmissions
//! ([`resolve_resubmissions`]), large changes ([`previous_quarter_changes`]) and
//! returns not received ([`not_received`]). [`validate_folder`] does it all for a folder.

mod change;
mod dates;
mod describe;
mod filename;
mod finding;
mod folder;
mod identify;
mod make;
mod merge;
mod order;
mod outcome;
mod pairs;
mod plausibility;
mod received;
mod resubmission;
pub mod rules;
mod submission;
mod sums;
mod table;
mod typing;
mod values;

pub use change::previous_quarter_changes;
pub use dates::read_date;
pub use filename::{filename_findings, las_named, periods_named, stem};
pub use finding::{Family, Finding, Severity};
pub use folder::{finish, returns_in, validate_folder, validate_folder_ticking};
pub use order::sort_findings;
pub use outcome::Outcome;
pub use received::{not_received, Received};
pub use resubmission::resolve_resubmissions;
pub use submission::{
    file_finding, submission_for_ingest_error, validate_located, validate_return,
};
pub use typing::{read_value, typed_number, Reading};
pub use values::{ItemValue, ReturnStatus, Submission, Validation, ValueStatus};

use crate::ingest::Limits;
use crate::schema::La;

/// Options for a validation run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The network's LAs; returns from other LAs are reported and not used.
    pub region: Vec<La>,
    pub region_name: String,
    pub limits: Limits,
}
