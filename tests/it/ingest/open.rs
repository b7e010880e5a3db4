//! `open`: each way a file can fail, limits, and files read by content, not name.

use std::io::Write;
use std::path::{Path, PathBuf};

use kinbench::ingest::{open, Format, IngestError, Limits};
use zip::write::SimpleFileOptions;

use super::build::{return_and, xlsx, SheetSpec};
use super::{err, fixture, hostile};

/// Writes a zip of (name, content) entries, deflated.
fn zip_file(dir: &Path, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
    let path = dir.join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (entry, content) in entries {
        z.start_file(*entry, SimpleFileOptions::default()).unwrap();
        z.write_all(content).unwrap();
    }
    z.finish().unwrap();
    path
}

#[test]
fn other_extensions_are_refused_before_opening() {
    let d = Limits::default();
    assert_eq!(
        err(Path::new("no/such/return.csv"), &d),
        IngestError::UnsupportedType("csv".into())
    );
    assert_eq!(
        err(Path::new("no/such/RETURN.TXT"), &d),
        IngestError::UnsupportedType("txt".into())
    );
    assert_eq!(
        err(Path::new("no/such/return"), &d),
        IngestError::UnsupportedType("".into())
    );
}

#[test]
fn a_missing_file_is_an_io_error() {
    assert!(matches!(
        err(Path::new("no/such/return.xlsx"), &Limits::default()),
        IngestError::Io(_)
    ));
}

#[test]
fn hostile_fixtures_are_refused_with_the_right_reason() {
    let d = Limits::default();
    assert_eq!(
        err(&hostile("empty.xlsx"), &d),
        IngestError::NotASpreadsheet("the file is empty (0 bytes)".into())
    );
    for name in ["not-a-zip.xlsx", "text.xls", "random.ods"] {
        assert!(
            matches!(err(&hostile(name), &d), IngestError::NotASpreadsheet(_)),
            "{name}"
        );
    }
    assert!(
        matches!(err(&hostile("truncated.xlsx"), &d), IngestError::Corrupt(m) if m.contains("zip"))
    );
    assert_eq!(err(&hostile("encrypted.xlsx"), &d), IngestError::Protected);
}

#[test]
fn an_encrypted_xlsx_renamed_xls_is_still_protected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renamed.xls");
    std::fs::copy(hostile("encrypted.xlsx"), &path).unwrap();
    assert_eq!(err(&path, &Limits::default()), IngestError::Protected);
}

#[test]
fn an_ods_whose_manifest_declares_encryption_is_protected() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = br#"<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#;
    let path = zip_file(
        dir.path(),
        "locked.ods",
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", b"\x01\x02"),
        ],
    );
    assert_eq!(err(&path, &Limits::default()), IngestError::Protected);
}

#[test]
fn a_zip_without_workbook_parts_is_not_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = zip_file(
        dir.path(),
        "letter.xlsx",
        &[("word/document.xml", b"<w:document/>")],
    );
    assert!(
        matches!(err(&path, &Limits::default()), IngestError::NotASpreadsheet(m) if m.contains("zip"))
    );
}

#[test]
fn a_zip_with_broken_workbook_parts_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = zip_file(
        dir.path(),
        "broken.xlsx",
        &[("xl/workbook.xml", b"<workbook><sheets><sheet")],
    );
    assert!(matches!(
        err(&path, &Limits::default()),
        IngestError::Corrupt(_)
    ));
}

#[test]
fn files_are_read_by_content_not_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let as_xls = xlsx(
        dir.path(),
        "really-xlsx.xls",
        vec![SheetSpec::new("Return").return_at(0, 0)],
    );
    let book = open(&as_xls, &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Xlsx);
    assert_eq!(book.sheets[0].name, "Return");

    let as_xlsx = dir.path().join("really-xls.xlsx");
    std::fs::copy(fixture("libreoffice-return.xls"), &as_xlsx).unwrap();
    assert_eq!(
        open(&as_xlsx, &Limits::default()).unwrap().format,
        Format::Xls
    );

    let xlsm = xlsx(
        dir.path(),
        "macro.XLSM",
        vec![SheetSpec::new("Return").return_at(0, 0)],
    );
    assert_eq!(
        open(&xlsm, &Limits::default()).unwrap().format,
        Format::Xlsm
    );
}

#[test]
fn files_over_the_size_limit_are_too_large() {
    let limits = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    let path = fixture("openpyxl-return.xlsx");
    let size = std::fs::metadata(&path).unwrap().len();
    assert_eq!(
        err(&path, &limits),
        IngestError::TooLarge(format!("it is {size} bytes, more than the limit of 1000"))
    );
}

#[test]
fn cells_over_the_limit_are_too_large_in_every_format() {
    // Each fixture's Return sheet alone has more than 40 filled cells.
    let limits = Limits {
        max_cells: 40,
        ..Limits::default()
    };
    let expected = IngestError::TooLarge("it has more than 40 filled cells".into());
    for name in [
        "openpyxl-return.xlsx",
        "libreoffice-return.xls",
        "libreoffice-return.ods",
    ] {
        assert_eq!(err(&fixture(name), &limits), expected, "{name}");
        assert!(
            open(
                &fixture(name),
                &Limits {
                    max_cells: 60,
                    ..Limits::default()
                }
            )
            .is_ok(),
            "{name}"
        );
    }
}

#[test]
fn a_stray_cell_far_away_costs_one_cell_not_a_grid() {
    let dir = tempfile::tempdir().unwrap();
    let spec =
        SheetSpec::new("Return")
            .return_at(0, 0)
            .cell(1_048_575, 16_383, super::build::V::T("x"));
    let path = xlsx(dir.path(), "far.xlsx", vec![spec]);
    let book = open(&path, &Limits::default()).unwrap();
    assert_eq!(book.sheets[0].cells.len(), 23);
}

#[test]
fn a_decompression_bomb_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let path = zip_file(
        dir.path(),
        "bomb.xlsx",
        &[("xl/worksheets/sheet1.xml", &zeros)],
    );
    assert!(
        matches!(err(&path, &Limits::default()), IngestError::TooLarge(m) if m.contains("expands"))
    );
    // A small part with a high ratio is an ordinary empty part, not a bomb.
    let small = vec![0u8; 64 * 1024];
    let path = zip_file(dir.path(), "small.xlsx", &[("xl/workbook.xml", &small)]);
    assert!(matches!(
        err(&path, &Limits::default()),
        IngestError::Corrupt(_)
    ));
}

#[test]
fn zip_entry_count_and_unpacked_size_are_limited() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..30).map(|i| format!("xl/part{i}.xml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"<x/>"[..])).collect();
    let path = zip_file(dir.path(), "many.xlsx", &entries);
    let limits = Limits {
        max_zip_entries: 20,
        ..Limits::default()
    };
    assert_eq!(
        err(&path, &limits),
        IngestError::TooLarge("it holds 30 parts, more than the limit of 20".into())
    );

    let limits = Limits {
        max_uncompressed_bytes: 1000,
        ..Limits::default()
    };
    let e = err(&fixture("openpyxl-return.xlsx"), &limits);
    assert!(matches!(e, IngestError::TooLarge(m) if m.ends_with("more than the limit of 1000")));
}

/// Two copies of one part (here the first sheet) leave no way to tell which holds the
/// return: refused, naming the part, instead of one copy read and the other dropped.
#[test]
fn a_zip_holding_a_part_twice_is_refused_naming_the_part() {
    let dir = tempfile::tempdir().unwrap();
    let path = return_and(dir.path(), "Copy");
    // Part names are stored as plain bytes: renaming the second sheet's part in every
    // header gives a zip with `xl/worksheets/sheet1.xml` twice.
    let bytes = std::fs::read(&path).unwrap();
    let (from, to) = (b"xl/worksheets/sheet2.xml", b"xl/worksheets/sheet1.xml");
    let mut patched = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            patched.extend_from_slice(to);
            i += from.len();
        } else {
            patched.push(bytes[i]);
            i += 1;
        }
    }
    assert_ne!(patched, bytes);
    std::fs::write(&path, patched).unwrap();
    assert_eq!(
        err(&path, &Limits::default()),
        IngestError::Corrupt(
            "it holds the part `xl/worksheets/sheet1.xml` more than once, so which copy is the return cannot be told".into()
        )
    );
}
