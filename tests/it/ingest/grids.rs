//! `.xls` and `.ods` grids are sized from the file's layout before calamine builds them,
//! and zip entries are measured as they unpack, not as their headers say.

use std::io::Write;
use std::path::{Path, PathBuf};

use kinbench::ingest::{open, IngestError, Limits};
use zip::write::SimpleFileOptions;

use super::{err, fixture, hostile};

fn spans(cells: u64, limit: u64) -> IngestError {
    IngestError::TooLarge(format!(
        "its sheets span {cells} cells from the first used cell to the last, more than the limit of {limit}"
    ))
}

const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// An `.ods` of one sheet whose table body is `rows`.
fn ods(dir: &Path, name: &str, rows: &str) -> PathBuf {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Return">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let path = dir.join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(MIMETYPE).unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"#)
        .unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
    path
}

const ONE: &str = r#"office:value-type="float" office:value="1""#;

#[test]
fn an_ods_repeating_a_filled_cell_is_refused_before_it_is_expanded() {
    // 16,384 columns x 1,024 rows of the number 1, in an 811-byte file.
    assert_eq!(
        err(&hostile("repeated-cells.ods"), &Limits::default()),
        spans(16_777_216, 1_000_000)
    );
}

#[test]
fn an_xls_with_cells_at_a1_and_iv65536_is_refused_before_its_grid_is_built() {
    assert_eq!(
        err(&hostile("far-cell.xls"), &Limits::default()),
        spans(65_536 * 256, 1_000_000)
    );
}

#[test]
fn ods_grids_count_repeats_of_filled_cells_and_the_empty_cells_between() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_grid_cells: 1_000,
        ..Limits::default()
    };
    // Empty cells repeated without end are free: LibreOffice writes them on every sheet.
    let styled = ods(
        dir.path(),
        "styled.ods",
        &format!(
            r#"<table:table-row><table:table-cell {ONE}/><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
        ),
    );
    let book = open(&styled, &limits).unwrap();
    assert_eq!(book.sheets[0].cells.len(), 1);
    // A filled cell far right costs the empty cells calamine pushes before it.
    let far_right = ods(
        dir.path(),
        "far-right.ods",
        &format!(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="5000"/><table:table-cell {ONE}/></table:table-row>"#
        ),
    );
    assert_eq!(err(&far_right, &limits), spans(5_001, 1_000));
    // A filled cell far down, below empty repeated rows: the rows between are the grid's.
    let far_down = ods(
        dir.path(),
        "far-down.ods",
        &format!(
            r#"<table:table-row><table:table-cell {ONE}/></table:table-row><table:table-row table:number-rows-repeated="2000"><table:table-cell/></table:table-row><table:table-row><table:table-cell {ONE}/></table:table-row>"#
        ),
    );
    assert_eq!(err(&far_down, &limits), spans(2_002, 1_000));
    // A repeated row of a repeated filled cell.
    let block = ods(
        dir.path(),
        "block.ods",
        &format!(
            r#"<table:table-row table:number-rows-repeated="40"><table:table-cell table:number-columns-repeated="30" {ONE}/></table:table-row>"#
        ),
    );
    assert_eq!(err(&block, &limits), spans(1_200, 1_000));
    assert_eq!(
        open(
            &block,
            &Limits {
                max_grid_cells: 1_200,
                ..Limits::default()
            }
        )
        .unwrap()
        .sheets[0]
            .cells
            .len(),
        1_200
    );
}

#[test]
fn an_ods_repeat_count_that_is_not_a_number_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = ods(
        dir.path(),
        "nan.ods",
        &format!(
            r#"<table:table-row table:number-rows-repeated="1e9"><table:table-cell {ONE}/></table:table-row>"#
        ),
    );
    assert_eq!(
        err(&path, &Limits::default()),
        IngestError::Corrupt("content.xml has a repeat count that is not a number (1e9)".into())
    );
}

#[test]
fn returns_other_programs_wrote_are_within_the_grid_limit() {
    for name in ["libreoffice-return.xls", "libreoffice-return.ods"] {
        let limits = Limits {
            max_grid_cells: 1,
            ..Limits::default()
        };
        assert!(
            matches!(err(&fixture(name), &limits), IngestError::TooLarge(m) if m.starts_with("its sheets span")),
            "{name}"
        );
        assert!(open(&fixture(name), &Limits::default()).is_ok(), "{name}");
    }
}

/// Offsets of `sig` in `bytes`.
fn find_all(bytes: &[u8], sig: &[u8]) -> Vec<usize> {
    (0..bytes.len().saturating_sub(sig.len()))
        .filter(|&i| &bytes[i..i + sig.len()] == sig)
        .collect()
}

#[test]
fn a_zip_header_that_understates_a_part_cannot_smuggle_a_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liar.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    z.start_file("xl/worksheets/sheet1.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(&vec![b' '; 8 * 1024 * 1024]).unwrap();
    z.finish().unwrap();
    // Declare 1,000 bytes unpacked in the local and the central header.
    let mut bytes = std::fs::read(&path).unwrap();
    for at in find_all(&bytes, b"PK\x03\x04") {
        bytes[at + 22..at + 26].copy_from_slice(&1000u32.to_le_bytes());
    }
    for at in find_all(&bytes, b"PK\x01\x02") {
        bytes[at + 24..at + 28].copy_from_slice(&1000u32.to_le_bytes());
    }
    std::fs::write(&path, &bytes).unwrap();
    // The zip reader stops one byte past the declared size, and the check reads every
    // part before calamine does: the file is refused as damaged, having unpacked 1,001 bytes.
    assert_eq!(
        err(&path, &Limits::default()),
        IngestError::Corrupt(
            "zip entry 0 is unreadable (File is larger than its declared uncompressed size)".into()
        )
    );
}

/// The FAT entry of the compound file's first directory sector, made to point at itself.
fn loop_the_directory_chain(bytes: &mut [u8]) {
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    let sector = 1usize << u16::from_le_bytes([bytes[30], bytes[31]]);
    let dir_start = u32_at(bytes, 48) as usize;
    let per_sector = sector / 4;
    let fat_sector = u32_at(bytes, 76 + 4 * (dir_start / per_sector)) as usize;
    let at = (fat_sector + 1) * sector + 4 * (dir_start % per_sector);
    bytes[at..at + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
}

#[test]
fn an_xls_whose_sector_chain_loops_is_damaged_not_read_forever() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(fixture("libreoffice-return.xls")).unwrap();
    loop_the_directory_chain(&mut bytes);
    let path = dir.path().join("loop.xls");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        err(&path, &Limits::default()),
        IngestError::Corrupt("its compound-file structure is broken (a sector chain loops)".into())
    );
}

/// An `.ods` whose content.xml is exactly `content`.
fn raw_ods(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(MIMETYPE).unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(b"<manifest:manifest/>").unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
    path
}

#[test]
fn an_ods_cut_short_inside_a_sheet_or_a_comment_is_damage_not_a_hang() {
    // calamine waits for </table:table>, or for </office:annotation> inside a text
    // cell, through end-of-file for ever.
    let dir = tempfile::tempdir().unwrap();
    let in_sheet = raw_ods(
        dir.path(),
        "cut-sheet.ods",
        r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Return"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
    );
    assert_eq!(
        err(&in_sheet, &Limits::default()),
        IngestError::Corrupt("content.xml ends inside a sheet (the file is cut short)".into())
    );
    let in_comment = raw_ods(
        dir.path(),
        "cut-comment.ods",
        r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Return"><table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>note"#,
    );
    assert_eq!(
        err(&in_comment, &Limits::default()),
        IngestError::Corrupt(
            "content.xml ends inside a cell comment (the file is cut short)".into()
        )
    );
}

fn text_over(bytes: u64, limit: u64) -> IngestError {
    IngestError::TooLarge(format!(
        "its cells hold {bytes} bytes of text with every repeated or shared copy counted, more than the limit of {limit}"
    ))
}

#[test]
fn an_xls_showing_one_long_shared_string_in_every_cell_is_refused_before_it_is_copied() {
    // 32,000 characters x 10,000 cells, up to 3 bytes a character: 380 KB on disk.
    assert_eq!(
        err(&hostile("shared-string.xls"), &Limits::default()),
        text_over(3 * 32_000 * 10_000, 64 * 1024 * 1024)
    );
}

#[test]
fn ods_text_counts_every_copy_of_a_repeated_cell() {
    let dir = tempfile::tempdir().unwrap();
    // Ten bytes, 30 columns, in a row read once and copied for each of its 4 repeats.
    let path = ods(
        dir.path(),
        "text.ods",
        r#"<table:table-row table:number-rows-repeated="4"><table:table-cell table:number-columns-repeated="30" office:value-type="string" office:string-value="abcdefghij"/></table:table-row>"#,
    );
    let limits = |max_text_bytes| Limits {
        max_text_bytes,
        ..Limits::default()
    };
    assert_eq!(err(&path, &limits(1_499)), text_over(1_500, 1_499));
    assert_eq!(
        open(&path, &limits(1_500)).unwrap().sheets[0].cells.len(),
        120
    );
    // A text cell's content: a paragraph, its characters, and `text:c` spaces; the row
    // read, then its one copy in the grid.
    let spaces = ods(
        dir.path(),
        "spaces.ods",
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>ab<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#,
    );
    assert_eq!(
        err(&spaces, &Limits::default()),
        text_over(2 * 4_000_000_003, 64 * 1024 * 1024)
    );
}

#[test]
fn an_xlsx_showing_one_long_shared_string_in_every_cell_stops_at_the_text_limit() {
    let dir = tempfile::tempdir().unwrap();
    let long: &'static str = Box::leak("x".repeat(1_000).into_boxed_str());
    let mut spec = super::build::SheetSpec::new("Return");
    for row in 0..200 {
        spec = spec.cell(row, 0, super::build::V::T(long));
    }
    let path = super::build::xlsx(dir.path(), "shared.xlsx", vec![spec]);
    let limits = |max_text_bytes| Limits {
        max_text_bytes,
        ..Limits::default()
    };
    assert_eq!(
        err(&path, &limits(100_000)),
        IngestError::TooLarge(
            "its cells hold more than 100000 bytes of text, every shared copy counted".into()
        )
    );
    assert_eq!(
        open(&path, &limits(200_000)).unwrap().sheets[0].cells.len(),
        200
    );
}

#[test]
fn an_xls_whose_dimensions_record_claims_a_whole_sheet_is_refused() {
    // calamine reserves room for every cell a sheet's Dimensions record spans, before
    // reading one. The Return sheet's record (rows 0..18, columns 0..4) is made to span
    // 1,000,000 rows by 256 columns, more than a BIFF8 sheet has.
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(fixture("libreoffice-return.xls")).unwrap();
    let at = find_all(&bytes, b"\x00\x02\x0e\x00")[0] + 4;
    assert_eq!(&bytes[at..at + 12], &[0, 0, 0, 0, 18, 0, 0, 0, 0, 0, 4, 0]);
    bytes[at + 4..at + 8].copy_from_slice(&1_000_000u32.to_le_bytes());
    bytes[at + 10..at + 12].copy_from_slice(&256u16.to_le_bytes());
    let path = dir.path().join("dimensions.xls");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        err(&path, &Limits::default()),
        spans(1_000_000 * 256 + 1, 1_000_000)
    );
    // A whole sheet's worth (65,536 x 256) is what Excel writes when a large block of
    // blank cells is formatted: address space only, so the file is read.
    bytes[at + 4..at + 8].copy_from_slice(&65_536u32.to_le_bytes());
    std::fs::write(&path, &bytes).unwrap();
    assert!(open(&path, &Limits::default()).is_ok());
}
