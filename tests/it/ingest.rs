//! Tests for the ingest stage: opening files (real ones other programs wrote, and
//! hostile ones), typed cell values, and finding the return on its sheet.

mod build;
mod fixtures;
mod grids;
mod locate;
mod open;
mod table;
mod values;

use std::path::{Path, PathBuf};

use kinbench::ingest::{open, IngestError, Limits};

/// A file of tests/fixtures/hostile/.
fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// A file of tests/fixtures/ingest/.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

/// What opening `path` is refused with.
fn err(path: &Path, limits: &Limits) -> IngestError {
    open(path, limits).expect_err("the file must be refused")
}
