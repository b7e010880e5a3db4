//! Opening a file as a [`Book`].

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::extent;
use super::read::{self, CellBudget};
use super::sniff::{self, Container, ZipKind};
use super::{Book, Format, IngestError, Limits, Sheet};

/// Reads every sheet of a spreadsheet file, within `limits`: [`read_file`], then [`open_bytes`].
pub fn open(path: &Path, limits: &Limits) -> Result<Book, IngestError> {
    let bytes = read_file(path, limits)?;
    open_bytes(&path.to_string_lossy(), &bytes, limits)
}

/// A file's bytes, when its type is one kinbench reads and its size is within
/// `limits` (see [`precheck`]), so an over-size file is never read into memory.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, IngestError> {
    let name = path.to_string_lossy();
    // The type first: a file kinbench does not read is not looked at.
    precheck(&name, 0, limits)?;
    let size = std::fs::metadata(path)
        .map_err(|e| IngestError::Io(e.to_string()))?
        .len();
    precheck(&name, size, limits)?;
    let bytes = std::fs::read(path).map_err(|e| IngestError::Io(e.to_string()))?;
    // The file may have grown between the two looks.
    precheck(&name, bytes.len() as u64, limits)?;
    Ok(bytes)
}

/// What can be told of a file before reading it: its type by name, and its size.
/// The self-check page asks this of a dropped file before reading it, as
/// [`read_file`] does of a file on disk.
pub fn precheck(name: &str, size: u64, limits: &Limits) -> Result<Format, IngestError> {
    let format = Format::from_path(Path::new(name))
        .ok_or_else(|| IngestError::UnsupportedType(extension(Path::new(name))))?;
    if size > limits.max_file_bytes {
        return Err(IngestError::TooLarge(format!(
            "it is {size} bytes, more than the limit of {}",
            limits.max_file_bytes
        )));
    }
    Ok(format)
}

/// Reads every sheet of a file already in memory, named `name` (its extension
/// decides whether it is tried at all; the content decides how it is read, so an
/// `.xlsx` renamed `.xls` or the reverse still opens, and [`Book::format`] is the
/// format the content really has, `Xlsm` only when so named). A malformed file
/// that makes the spreadsheet library panic is reported as [`IngestError::Corrupt`].
/// For callers without a file system: the self-check page, and fuzzing.
pub fn open_bytes(name: &str, bytes: &[u8], limits: &Limits) -> Result<Book, IngestError> {
    let named = precheck(name, bytes.len() as u64, limits)?;
    let (format, sheets) = read_bytes(bytes, named, limits)?;
    Ok(Book {
        path: PathBuf::from(name),
        format,
        sheets,
    })
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn read_bytes(
    bytes: &[u8],
    named: Format,
    limits: &Limits,
) -> Result<(Format, Vec<Sheet>), IngestError> {
    let (kind, unpacked) = match sniff::container(bytes)? {
        Container::Zip => {
            let checked = sniff::check_zip(bytes, limits)?;
            (Some(checked.kind), checked.unpacked)
        }
        Container::Cfb => (None, None),
    };
    // The parts as the check unpacked them, when it kept them: read once, not twice.
    let bytes = unpacked.as_deref().unwrap_or(bytes);
    guarded(|| {
        // calamine builds .xls and .ods grids while opening them: size them first.
        match kind {
            Some(ZipKind::Ods) => extent::check_ods(bytes, limits)?,
            Some(ZipKind::Ooxml) => {}
            None => extent::check_xls(bytes, limits)?,
        }
        let mut budget = CellBudget::new(limits.max_cells, limits.max_text_bytes);
        match kind {
            Some(ZipKind::Ooxml) => {
                let format = if named == Format::Xlsm {
                    Format::Xlsm
                } else {
                    Format::Xlsx
                };
                Ok((format, read::xlsx(bytes, &mut budget)?))
            }
            Some(ZipKind::Ods) => Ok((Format::Ods, read::ods(bytes, &mut budget)?)),
            None if read::is_encrypted_ooxml(bytes) => Err(IngestError::Protected),
            None => Ok((Format::Xls, read::xls(bytes, &mut budget)?)),
        }
    })
}

/// Runs a read, turning a panic inside the spreadsheet library into `Corrupt`.
fn guarded<T>(f: impl FnOnce() -> Result<T, IngestError>) -> Result<T, IngestError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown fault".into());
            Err(malformed(&what))
        }
    }
}

/// A file whose reading made the spreadsheet library panic with `what`. Where a
/// panic cannot be caught (WebAssembly), the self-check page reports it with this.
pub fn malformed(what: &str) -> IngestError {
    IngestError::Corrupt(format!("its content is malformed ({what})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_is_a_corrupt_file() {
        let r: Result<(), IngestError> = guarded(|| panic!("index out of bounds"));
        assert_eq!(
            r,
            Err(IngestError::Corrupt(
                "its content is malformed (index out of bounds)".into()
            ))
        );
        assert_eq!(guarded(|| Ok(3)), Ok(3));
    }
}
