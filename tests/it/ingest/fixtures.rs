//! No committed fixture, however broken, makes the reader panic.

use std::path::{Path, PathBuf};

use kinbench::ingest::{locate, open, Limits};
use kinbench::schema::Schema;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_fixture_makes_open_or_locate_panic() {
    let schema = Schema::bundled().unwrap();
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    assert!(files.len() >= 10, "fixtures found: {files:?}");
    for path in files {
        let outcome = std::panic::catch_unwind(|| {
            if let Ok(book) = open(&path, &Limits::default()) {
                let _ = locate(&book, &schema);
            }
        });
        assert!(outcome.is_ok(), "{} panicked", path.display());
    }
}
