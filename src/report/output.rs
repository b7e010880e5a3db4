//! Output folders that appear whole or not at all: a run that fails midway
//! must not leave a half-written folder that someone later mistakes for results.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why an output folder could not be put in place.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("output folder '{0}' already exists; use --force to replace it")]
    Exists(String),
    #[error("output path '{0}' exists and is not a folder")]
    NotAFolder(String),
    #[error("cannot write output folder '{path}': {message}")]
    Io { path: String, message: String },
}

impl OutputError {
    fn io(path: &Path, e: &io::Error) -> OutputError {
        OutputError::Io {
            path: path.display().to_string(),
            message: io_message(e),
        }
    }
}

/// An I/O error as people read it: `No such file or directory`, without `(os error 2)`.
pub fn io_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => text[..i].to_string(),
        _ => text,
    }
}

/// Checks that `dest` may be written: missing, an empty folder, or (with `force`)
/// any folder. Call it before a long run so the user learns early.
pub fn check_destination(dest: &Path, force: bool) -> Result<(), OutputError> {
    let meta = match fs::symlink_metadata(dest) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(OutputError::io(dest, &e)),
    };
    if !meta.is_dir() {
        return Err(OutputError::NotAFolder(dest.display().to_string()));
    }
    if force {
        return Ok(());
    }
    let mut entries = fs::read_dir(dest).map_err(|e| OutputError::io(dest, &e))?;
    match entries.next() {
        None => Ok(()),
        Some(_) => Err(OutputError::Exists(dest.display().to_string())),
    }
}

/// Runs `write` on a fresh folder next to `dest` and renames it to `dest` only
/// when `write` succeeds. On failure nothing is left behind and an existing
/// `dest` is untouched. With `force`, an existing `dest` is replaced: the new
/// folder is written, the old one renamed away, the new one renamed in, and
/// the old one deleted.
pub fn write_atomically<T, E>(
    dest: &Path,
    force: bool,
    write: impl FnOnce(&Path) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<OutputError>,
{
    check_destination(dest, force)?;
    let parent = parent_of(dest);
    fs::create_dir_all(&parent).map_err(|e| OutputError::io(&parent, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".kinbench-new-")
        .tempdir_in(&parent)
        .map_err(|e| OutputError::io(&parent, &e))?;
    // On error `staging` is dropped here, which deletes it and whatever `write` left.
    let value = write(staging.path())?;
    // Checked again: the folder may have appeared while we were writing.
    check_destination(dest, force)?;
    put_in_place(staging.path(), dest, &parent)?;
    // The staging path is now `dest`; keeping the handle stops its drop from deleting anything.
    let _ = staging.keep();
    Ok(value)
}

fn put_in_place(staging: &Path, dest: &Path, parent: &Path) -> Result<(), OutputError> {
    if fs::symlink_metadata(dest).is_err() {
        return fs::rename(staging, dest).map_err(|e| OutputError::io(dest, &e));
    }
    // The old folder goes into a holder folder that deletes itself on drop.
    let holder = tempfile::Builder::new()
        .prefix(".kinbench-old-")
        .tempdir_in(parent)
        .map_err(|e| OutputError::io(parent, &e))?;
    let old = holder.path().join("previous");
    fs::rename(dest, &old).map_err(|e| OutputError::io(dest, &e))?;
    if let Err(e) = fs::rename(staging, dest) {
        // Put the old results back rather than leave nothing.
        let _ = fs::rename(&old, dest);
        return Err(OutputError::io(dest, &e));
    }
    drop(holder);
    Ok(())
}

fn parent_of(dest: &Path) -> PathBuf {
    match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
