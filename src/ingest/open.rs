//! Opening a file as a [`Book`].

use std::path::Path;

use super::{Book, IngestError, Limits};

/// Reads every sheet of a spreadsheet file, within `limits`.
pub fn open(path: &Path, limits: &Limits) -> Result<Book, IngestError> {
    let _ = (path, limits);
    todo!("ingest helper")
}
