//! What a file really is, by its bytes, and whether a zip is safe to open.
//!
//! The extension only says a file claims to be a spreadsheet; the content
//! decides how it is read, so an `.xlsx` saved as `.xls` still opens.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::stored_zip::StoredZip;
use super::{IngestError, Limits};

/// Zip local file header: xlsx, xlsm and ods are zip archives.
const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";
/// OLE compound file: legacy `.xls`, and Office's container for encrypted xlsx.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Entries of an uncompressed size above this are checked for their compression ratio;
/// tiny entries (an empty styles part, say) compress extremely well and are harmless.
const RATIO_CHECK_FROM: u64 = 1024 * 1024;
/// Most of `META-INF/manifest.xml` read when looking for encryption.
const MANIFEST_READ_LIMIT: u64 = 1024 * 1024;

/// The container a file's first bytes announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Zip,
    Cfb,
}

/// The spreadsheet family inside a zip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZipKind {
    /// Office Open XML (xlsx, xlsm).
    Ooxml,
    /// OpenDocument spreadsheet.
    Ods,
}

/// Container by magic bytes; an empty or unrecognised file is not a spreadsheet.
pub(crate) fn container(bytes: &[u8]) -> Result<Container, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::NotASpreadsheet(
            "the file is empty (0 bytes)".into(),
        ));
    }
    if bytes.starts_with(&ZIP_MAGIC) {
        return Ok(Container::Zip);
    }
    if bytes.starts_with(&CFB_MAGIC) {
        return Ok(Container::Cfb);
    }
    Err(IngestError::NotASpreadsheet(
        "its content is not an Excel or OpenDocument workbook (the name says spreadsheet, the bytes do not)".into(),
    ))
}

/// A zip found safe to open.
pub(crate) struct CheckedZip {
    pub kind: ZipKind,
    /// The archive again with every part as unpacked while checking it, stored
    /// uncompressed ([`StoredZip`]), for the reader to take instead of unpacking
    /// each part again; None when the parts declare more than [`HOLD_UP_TO`].
    pub unpacked: Option<Vec<u8>>,
}

/// Parts declaring at most this much in all are kept as unpacked (a return is
/// tens of kilobytes); larger ones are unpacked into nothing, so a hostile file
/// near the limits never costs its unpacked size in memory.
const HOLD_UP_TO: u64 = 16 * 1024 * 1024;

/// Checks a zip's central directory against `limits`, says which spreadsheet family it
/// holds, then unpacks every entry to check the sizes its headers declare.
/// A password-protected `.ods` is refused here.
pub(crate) fn check_zip(bytes: &[u8], limits: &Limits) -> Result<CheckedZip, IngestError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IngestError::Corrupt(format!("the zip structure is broken ({e})")))?;
    let entries = archive.len();
    if entries > limits.max_zip_entries {
        return Err(IngestError::TooLarge(format!(
            "it holds {entries} parts, more than the limit of {}",
            limits.max_zip_entries
        )));
    }
    let mut total: u64 = 0;
    if let Some(name) = duplicate_part(bytes) {
        // A reader would take one copy and drop the other's values unseen.
        return Err(IngestError::Corrupt(format!(
            "it holds the part `{name}` more than once, so which copy is the return cannot be told"
        )));
    }
    for i in 0..entries {
        let entry = archive
            .by_index_data(i)
            .map_err(|e| IngestError::Corrupt(format!("zip entry {i} is unreadable ({e})")))?;
        let size = entry.size();
        total = total.saturating_add(size);
        if size > RATIO_CHECK_FROM {
            // A stored size of 0 with a large expansion is as suspicious as any ratio.
            let ratio = size / entry.compressed_size().max(1);
            if ratio > limits.max_compression_ratio {
                return Err(IngestError::TooLarge(format!(
                    "a part expands {ratio} times when unpacked (limit {}), as decompression bombs do",
                    limits.max_compression_ratio
                )));
            }
        }
    }
    if total > limits.max_uncompressed_bytes {
        return Err(IngestError::TooLarge(format!(
            "it unpacks to {total} bytes, more than the limit of {}",
            limits.max_uncompressed_bytes
        )));
    }
    let kind = zip_kind(&mut archive)?;
    let mut copy = (total <= HOLD_UP_TO && entries <= usize::from(u16::MAX))
        .then(|| StoredZip::with_capacity(total as usize, entries));
    check_inflated(&mut archive, limits, copy.as_mut())?;
    Ok(CheckedZip {
        kind,
        unpacked: copy.map(StoredZip::finish),
    })
}

/// A part name the zip's central directory lists twice (case-insensitively, as part
/// names are in OOXML and ODF). The zip library keeps one entry per name, so the
/// directory is walked here. `None` too when the directory cannot be walked (a
/// zip64 archive, say): the library has already accepted its structure.
fn duplicate_part(bytes: &[u8]) -> Option<String> {
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    // The end-of-directory record is in the last 22 + 65535 bytes (its comment's most).
    let from = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..].starts_with(&[0x50, 0x4b, 0x05, 0x06]))?;
    let count = u16_at(eocd + 10)?;
    let mut at = u32_at(eocd + 16)?;
    let mut seen = std::collections::HashSet::new();
    for _ in 0..count {
        if !bytes.get(at..)?.starts_with(&[0x50, 0x4b, 0x01, 0x02]) {
            return None;
        }
        let (name_len, extra_len, comment_len) =
            (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_len)?);
        if !seen.insert(name.to_lowercase()) {
            return Some(name.into_owned());
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    None
}

/// Unpacks every entry, counting, into `copy` (or into nothing), so a header that
/// understates an entry's size cannot get a bomb past the checks above: reading
/// stops one byte over the limit.
fn check_inflated(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
    mut copy: Option<&mut StoredZip>,
) -> Result<(), IngestError> {
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index(i)
            .map_err(|e| IngestError::Corrupt(format!("zip entry {i} is unreadable ({e})")))?;
        let compressed = entry.compressed_size().max(1);
        // Most this entry may unpack to: within the total, and within the ratio once large.
        let by_ratio = compressed
            .saturating_mul(limits.max_compression_ratio)
            .max(RATIO_CHECK_FROM);
        let allowed = (limits.max_uncompressed_bytes - total).min(by_ratio);
        let name = entry
            .name()
            .map_err(|e| IngestError::Corrupt(format!("zip entry {i} is unreadable ({e})")))?
            .into_owned();
        let crc32 = entry.crc32();
        let mut part = entry.take(allowed + 1);
        let size = match copy.as_deref_mut() {
            Some(copy) => copy.add(&name, crc32, &mut part),
            None => std::io::copy(&mut part, &mut std::io::sink()),
        }
        .map_err(|e| IngestError::Corrupt(format!("zip entry {i} is unreadable ({e})")))?;
        if size > by_ratio {
            return Err(IngestError::TooLarge(format!(
                "a part expands more than {} times when unpacked, as decompression bombs do",
                limits.max_compression_ratio
            )));
        }
        total += size;
        if total > limits.max_uncompressed_bytes {
            return Err(IngestError::TooLarge(format!(
                "it unpacks to more than the limit of {} bytes",
                limits.max_uncompressed_bytes
            )));
        }
    }
    Ok(())
}

fn zip_kind(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<ZipKind, IngestError> {
    // Excel's parts live under `xl/`; a Word or PowerPoint file renamed `.xlsx` has none.
    if archive
        .file_names()
        .any(|n| n.is_ok_and(|n| n.starts_with("xl/")))
    {
        return Ok(ZipKind::Ooxml);
    }
    if archive.index_for_name("content.xml").is_some()
        || archive.index_for_name("mimetype").is_some()
    {
        if ods_is_encrypted(archive)? {
            return Err(IngestError::Protected);
        }
        return Ok(ZipKind::Ods);
    }
    Err(IngestError::NotASpreadsheet(
        "it is a zip archive but holds no workbook (neither Excel nor OpenDocument parts)".into(),
    ))
}

/// LibreOffice encrypts each part of a password-protected `.ods` and records it in the manifest.
fn ods_is_encrypted(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<bool, IngestError> {
    let Some(i) = archive.index_for_name("META-INF/manifest.xml") else {
        return Ok(false);
    };
    let entry = archive
        .by_index(i)
        .map_err(|e| IngestError::Corrupt(format!("the manifest is unreadable ({e})")))?;
    let mut text = Vec::new();
    entry
        .take(MANIFEST_READ_LIMIT)
        .read_to_end(&mut text)
        .map_err(|e| IngestError::Corrupt(format!("the manifest is unreadable ({e})")))?;
    let needle = b"encryption-data";
    Ok(text.windows(needle.len()).any(|w| w == needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide_the_container() {
        assert_eq!(container(b"PK\x03\x04rest"), Ok(Container::Zip));
        assert_eq!(container(&CFB_MAGIC), Ok(Container::Cfb));
        assert!(
            matches!(container(b""), Err(IngestError::NotASpreadsheet(m)) if m.contains("empty"))
        );
        assert!(matches!(
            container(b"Code,Value\n"),
            Err(IngestError::NotASpreadsheet(_))
        ));
    }
}
