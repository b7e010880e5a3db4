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
/// It is read once: the bytes read are the ones hashed and checked.
fn validate_file(schema: &Schema, rel: &str, path: &Path, options: &Options) -> Submission {
    match ingest::read_file(path, &options.limits) {
        Ok(bytes) => validate_return(schema, rel, &bytes, options),
        // A file not read as a return is still identified by its hash.
        Err(e) => match sha256_file(path) {
            Ok(sha) => submission_for_ingest_error(rel, &sha, &e),
            Err(io) => submission_for_ingest_error(rel, "", &IngestError::Io(io.to_string())),
        },
    }
}

/// Validates every file under `dir` (see [`returns_in`] for which), then the run-level steps.
pub fn validate_folder(schema: &Schema, dir: &Path, options: &Options) -> io::Result<Validation> {
    validate_folder_ticking(schema, dir, options, &|_| {})
}

/// [`validate_folder`], telling `tick` the number of files once they are
/// found (`Some(n)`), then `None` as each is done (in any order: on several
/// threads with the `full` feature). The submissions are the same however
/// many threads read them: each file is read alone and they are sorted after.
pub fn validate_folder_ticking(
    schema: &Schema,
    dir: &Path,
    options: &Options,
    tick: &(dyn Fn(Option<usize>) + Sync),
) -> io::Result<Validation> {
    let files = returns_in(dir)?;
    tick(Some(files.len()));
    let one = |(rel, path): &(String, PathBuf)| {
        let mtime = fs::metadata(path).and_then(|m| m.modified()).ok();
        let sub = validate_file(schema, rel, path, options);
        tick(None);
        (mtime.map(|t| (rel.clone(), t)), sub)
    };
    #[cfg(feature = "full")]
    let done: Vec<_> = {
        use rayon::prelude::*;
        files.par_iter().map(one).collect()
    };
    #[cfg(not(feature = "full"))]
    let done: Vec<_> = files.iter().map(one).collect();
    let mut mtimes = BTreeMap::new();
    let mut subs = Vec::with_capacity(done.len());
    for (mtime, sub) in done {
        mtimes.extend(mtime);
        subs.push(sub);
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
