//! The command's errors: each names the file or value at fault, and maps to an exit code.

use kinbench::pipeline::RunError;
use kinbench::report::feedback::email::NetworkError;
use kinbench::report::{OutputError, ReportError};
use kinbench::sample::SampleError;
use kinbench::schema::SchemaError;
use kinbench::template::TemplateError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line asks for something that does not exist (a region, an LA, a period range).
    #[error("{0}")]
    Usage(String),
    #[error("cannot read returns folder '{path}': {message}")]
    ReturnsFolder { path: String, message: String },
    #[error("schema {origin}: {source}")]
    Schema { origin: String, source: SchemaError },
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Run(RunError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Sample(#[from] SampleError),
    #[error(transparent)]
    Network(#[from] NetworkError),
    #[error("cannot write '{path}': {message}")]
    Write { path: String, message: String },
}

impl CliError {
    /// 2 for a command line that cannot be carried out as written; 1 for a run that could not complete.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}
