//! A whole returns folder: find the files, read and validate each, then settle
//! what only the whole run can (resubmissions, changes, returns not received).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::change::previous_quarter_changes;
use super::order::sort_findings;
use super::received::not_received;
use super::resubmission::resolve_resubmissions;
use super::submission::{submission_for_ingest_error, validate_return};
use super::{Finding, Options, Submission, Validation};
use crate::digest::sha256_file;
use crate::ingest::{self, IngestError};
use crate::schema::Schema;

/// Files never taken for returns: hidden files, Office and LibreOffice lock files.
fn skipped(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

fn describes_folder(name: &str) -> bool {
    name == "manifest.csv" || name.to_ascii_lowercase().starts_with("readme")
}

/// The files under `dir` as (path relative to `dir` with `/`, full path), in sorted
/// order, recursively. Hidden files and folders and lock files are skipped, and so
/// are a `manifest.csv` and a `README*` at the top level: the folder's own
/// description (the sample folder carries both), never an LA's return.
pub fn returns_in(dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    Ok(out)
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) -> io::Result<()> {
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if skipped(&name) || (rel.is_empty() && describes_folder(&name)) {
            continue;
        }
        let path = e.path();
        let rel_path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let kind = e.file_type()?;
        if kind.is_dir() {
            // A folder that cannot be listed is reported as an unreadable file, not the run's failure.
            if walk(&path, &rel_path, out).is_err() {
                out.push((rel_path, path));
            }
        } else if kind.is_file()
            || (kind.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()))
        {
            out.push((rel_path, path));
        }
    }
    Ok(())
}

/// Reads and validates one file: its type and size are checked before it is read.
fn validate_file(schema: &Schema, rel: &str, path: &Path, options: &Options) -> Submission {
    let sha = match sha256_file(path) {
        Ok(h) => h,
        Err(e) => return submission_for_ingest_error(rel, "", &IngestError::Io(e.to_string())),
    };
    match ingest::read_file(path, &options.limits) {
        Ok(bytes) => validate_return(schema, rel, &bytes, options),
        Err(e) => submission_for_ingest_error(rel, &sha, &e),
    }
}

/// Validates every file under `dir` (see [`returns_in`] for which), then the run-level steps.
pub fn validate_folder(schema: &Schema, dir: &Path, options: &Options) -> io::Result<Validation> {
    let mut subs = Vec::new();
    let mut mtimes = BTreeMap::new();
    for (rel, path) in returns_in(dir)? {
        if let Ok(t) = fs::metadata(&path).and_then(|m| m.modified()) {
            mtimes.insert(rel.clone(), t);
        }
        subs.push(validate_file(schema, &rel, &path, options));
    }
    Ok(finish(schema, options, subs, &mtimes))
}

/// The run-level steps over validated returns: sort by file, settle resubmissions
/// (`mtimes` by file break ties), flag large changes from the previous quarter,
/// list returns not received, and gather every finding in order.
pub fn finish(
    schema: &Schema,
    options: &Options,
    mut submissions: Vec<Submission>,
    mtimes: &BTreeMap<String, SystemTime>,
) -> Validation {
    submissions.sort_by(|a, b| a.file.cmp(&b.file));
    resolve_resubmissions(&mut submissions, mtimes);
    previous_quarter_changes(schema, &mut submissions);
    let received = not_received(&options.region, &submissions);
    let mut findings: Vec<Finding> = submissions
        .iter()
        .flat_map(|s| s.findings.iter().cloned())
        .collect();
    findings.extend(received.findings);
    sort_findings(&mut findings);
    Validation {
        region: options.region.clone(),
        region_name: options.region_name.clone(),
        periods: received.periods,
        submissions,
        not_received: received.not_received,
        findings,
    }
}
