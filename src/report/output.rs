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
    #[error(
        "another kinbench run is writing into '{0}'; run again when it has finished (nothing was changed)"
    )]
    Busy(String),
    /// --force: the new folder could not be renamed into place, nor the old one
    /// moved back. Both are kept, and named, so nothing is lost.
    #[error(
        "could not put the new results in place as '{dest}' ({message}), nor move the previous \
         results back; nothing was deleted: the previous results are in '{old}' and the new ones \
         in '{new}'"
    )]
    Stranded {
        dest: String,
        old: String,
        new: String,
        message: String,
    },
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
    // Held until the new folder is in place: a second run into the same folder stops
    // here, and cannot take this run's staging folder for a killed run's.
    let _lock = lock(&parent)?.ok_or_else(|| OutputError::Busy(parent.display().to_string()))?;
    let staging = tempfile::Builder::new()
        .prefix(NEW_PREFIX)
        .tempdir_in(&parent)
        .map_err(|e| OutputError::io(&parent, &e))?;
    // On error `staging` is dropped here, which deletes it and whatever `write` left.
    let value = write(staging.path())?;
    // Checked again: the folder may have appeared while we were writing.
    check_destination(dest, force)?;
    match put_in_place(staging.path(), dest, &parent, |from, to| {
        fs::rename(from, to)
    }) {
        Ok(()) => {}
        Err(e @ OutputError::Stranded { .. }) => {
            // The new results may now be the only results: do not delete them.
            let _ = staging.keep();
            return Err(e.into());
        }
        Err(e) => return Err(e.into()),
    }
    // The staging path is now `dest`; keeping the handle stops its drop from deleting anything.
    let _ = staging.keep();
    Ok(value)
}

/// Renames `staging` to `dest`, replacing an existing `dest` by way of a holder
/// folder. `rename` is `fs::rename` but for tests.
fn put_in_place(
    staging: &Path,
    dest: &Path,
    parent: &Path,
    rename: impl Fn(&Path, &Path) -> io::Result<()>,
) -> Result<(), OutputError> {
    if fs::symlink_metadata(dest).is_err() {
        return rename(staging, dest).map_err(|e| OutputError::io(dest, &e));
    }
    // The old folder goes into a holder folder that deletes itself on drop.
    let holder = tempfile::Builder::new()
        .prefix(OLD_PREFIX)
        .tempdir_in(parent)
        .map_err(|e| OutputError::io(parent, &e))?;
    let old = holder.path().join("previous");
    rename(dest, &old).map_err(|e| OutputError::io(dest, &e))?;
    if let Err(e) = rename(staging, dest) {
        // Put the old results back rather than leave nothing.
        if let Err(back) = rename(&old, dest) {
            // The holder now holds the only copy of the old results: keep it.
            let kept = holder.keep();
            return Err(OutputError::Stranded {
                dest: dest.display().to_string(),
                old: kept.join("previous").display().to_string(),
                new: staging.display().to_string(),
                message: format!(
                    "{}; moving the previous results back: {}",
                    io_message(&e),
                    io_message(&back)
                ),
            });
        }
        return Err(OutputError::io(dest, &e));
    }
    drop(holder);
    Ok(())
}

/// Where a system cannot lock a folder itself (Windows), the file in an output
/// folder's parent that a writing run holds locked instead.
pub const LOCK_FILE: &str = ".kinbench.lock";

/// Locks `parent` for this process: the folder itself where the system allows
/// (Unix), so nothing is left in it, else its [`LOCK_FILE`]. `None` when another
/// process holds the lock. The lock goes with the returned file, and with the
/// process however it ends.
pub fn lock(parent: &Path) -> Result<Option<fs::File>, OutputError> {
    let folder = if cfg!(unix) {
        fs::File::open(parent).ok()
    } else {
        None
    };
    let file = match folder {
        Some(f) => f,
        None => {
            let path = parent.join(LOCK_FILE);
            fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| OutputError::io(&path, &e))?
        }
    };
    let path = parent;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(OutputError::io(path, &e)),
    }
}

/// Prefix of the folder a run writes into before renaming it into place.
pub const NEW_PREFIX: &str = ".kinbench-new-";
/// Prefix of the folder that holds the replaced results during --force.
pub const OLD_PREFIX: &str = ".kinbench-old-";

/// Folders a killed run left beside its output folders, found by [`tidy_stale`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stale {
    /// `.kinbench-new-*`: unfinished output, removed.
    pub removed: Vec<PathBuf>,
    /// `.kinbench-old-*`: may hold the only copy of earlier results, so kept;
    /// also a `.kinbench-new-*` that could not be removed, with why.
    pub kept: Vec<(PathBuf, String)>,
}

/// Looks in `parent` (the folder the period folders are written into) for
/// folders left by a run that was killed: removes each unfinished
/// `.kinbench-new-*` and keeps each `.kinbench-old-*`, which may be the only
/// copy of results replaced with --force. A missing `parent` has none. While
/// another run is writing into `parent` its staging folder is live: nothing is touched.
pub fn tidy_stale(parent: &Path) -> Stale {
    let mut out = Stale::default();
    let Ok(entries) = fs::read_dir(parent) else {
        return out;
    };
    let Ok(Some(_lock)) = lock(parent) else {
        return out;
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    found.sort();
    for path in found {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with(NEW_PREFIX) {
            match fs::remove_dir_all(&path) {
                Ok(()) => out.removed.push(path),
                Err(e) => out
                    .kept
                    .push((path, format!("cannot remove: {}", io_message(&e)))),
            }
        } else if name.starts_with(OLD_PREFIX) {
            out.kept.push((
                path,
                "left by a --force run that was stopped; it may hold the only copy of earlier \
                 results (in `previous`): check it, then delete it yourself"
                    .to_string(),
            ));
        }
    }
    out
}

fn parent_of(dest: &Path) -> PathBuf {
    match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A rename that fails on the calls numbered in `fail` (1-based) and renames otherwise.
    fn flaky(fail: &'static [usize]) -> impl Fn(&Path, &Path) -> io::Result<()> {
        let calls = Cell::new(0);
        move |from, to| {
            calls.set(calls.get() + 1);
            if fail.contains(&calls.get()) {
                Err(io::Error::new(io::ErrorKind::PermissionDenied, "injected"))
            } else {
                fs::rename(from, to)
            }
        }
    }

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("2025-26_Q2");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("old.txt"), "old").unwrap();
        let staging = tmp.path().join(".kinbench-new-test");
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("new.txt"), "new").unwrap();
        (tmp, dest, staging)
    }

    #[test]
    fn when_neither_rename_works_both_folders_are_kept_and_named() {
        let (tmp, dest, staging) = setup();
        // Call 1 moves dest into the holder; 2 (new into place) and 3 (old back) fail.
        let err = put_in_place(&staging, &dest, tmp.path(), flaky(&[2, 3])).unwrap_err();
        let OutputError::Stranded { old, new, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(
            fs::read_to_string(Path::new(old).join("old.txt")).unwrap(),
            "old"
        );
        assert_eq!(Path::new(new), staging);
        assert_eq!(fs::read_to_string(staging.join("new.txt")).unwrap(), "new");
        assert!(
            old.contains(OLD_PREFIX) && old.ends_with("previous"),
            "{old}"
        );
        let text = err.to_string();
        assert!(
            text.contains(old.as_str()) && text.contains(new.as_str()),
            "{text}"
        );
        assert!(text.contains("nothing was deleted"), "{text}");
    }

    #[test]
    fn when_only_the_new_rename_fails_the_old_folder_is_put_back() {
        let (tmp, dest, staging) = setup();
        let err = put_in_place(&staging, &dest, tmp.path(), flaky(&[2])).unwrap_err();
        assert!(matches!(err, OutputError::Io { .. }), "{err:?}");
        assert_eq!(fs::read_to_string(dest.join("old.txt")).unwrap(), "old");
        // The empty holder is gone.
        let left: Vec<String> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(OLD_PREFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
