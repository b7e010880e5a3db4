//! Typed cell values as each format gives them, from files written by other programs.

use std::path::{Path, PathBuf};

use kinbench::ingest::{open, Book, Cell, CellPos, Format, Limits, RawCell};

use super::build::{patch_part, xlsx, SheetSpec, V};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

/// The cell at `a1` (like `C13`) on the first sheet.
fn at(book: &Book, a1: &str) -> Option<Cell> {
    let sheet = &book.sheets[0];
    sheet
        .cells
        .iter()
        .find(|(p, _)| p.a1() == a1)
        .map(|(_, c)| c.clone())
}

fn plain(value: RawCell) -> Option<Cell> {
    Some(Cell::value(value))
}

fn formula(value: RawCell, f: &str) -> Option<Cell> {
    Some(Cell {
        value,
        formula: Some(f.to_string()),
    })
}

#[test]
fn xlsx_values_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let spec = SheetSpec::new("Return")
        .cell(0, 0, V::N(12.0))
        .cell(0, 1, V::N(2.25))
        .cell(0, 2, V::T(" 150 "))
        .cell(0, 3, V::B(false))
        .cell(0, 4, V::D(2025, 7, 1))
        .cell(1, 0, V::F("=A1*2", "24"))
        .cell(1, 1, V::F("=1/0", "#DIV/0!"))
        .cell(1, 2, V::F("=NA()", "#N/A"))
        .cell(1, 3, V::F("=A1>1", "TRUE"))
        .cell(1, 4, V::F("=\"c\"", "c"))
        .cell(2, 0, V::F("=IF(A1>100,1,\"\")", ""));
    let path = xlsx(dir.path(), "typed.xlsx", vec![spec]);
    // Excel saves a formula whose result is "" with an empty cached string; rust_xlsxwriter cannot.
    patch_part(
        &path,
        "xl/worksheets/sheet1.xml",
        r#"<c r="A3"><f>IF(A1&gt;100,1,"")</f><v>0</v>"#,
        r#"<c r="A3" t="str"><f>IF(A1&gt;100,1,"")</f><v></v>"#,
    );
    let book = open(&path, &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Xlsx);
    assert_eq!(at(&book, "A1"), plain(RawCell::Number(12.0)));
    assert_eq!(at(&book, "B1"), plain(RawCell::Number(2.25)));
    assert_eq!(at(&book, "C1"), plain(RawCell::Text(" 150 ".into())));
    assert_eq!(at(&book, "D1"), plain(RawCell::Bool(false)));
    assert_eq!(at(&book, "E1"), plain(RawCell::Date("2025-07-01".into())));
    assert_eq!(at(&book, "A2"), formula(RawCell::Number(24.0), "A1*2"));
    assert_eq!(
        at(&book, "B2"),
        formula(RawCell::Error("#DIV/0!".into()), "1/0")
    );
    assert_eq!(
        at(&book, "C2"),
        formula(RawCell::Error("#N/A".into()), "NA()")
    );
    assert_eq!(at(&book, "D2"), formula(RawCell::Bool(true), "A1>1"));
    assert_eq!(at(&book, "E2"), formula(RawCell::Text("c".into()), "\"c\""));
    // A formula whose result is "" was calculated: it is not an uncalculated formula.
    let empty_result = at(&book, "A3").unwrap();
    assert_eq!(
        empty_result,
        Cell {
            value: RawCell::Text(String::new()),
            formula: Some("IF(A1>100,1,\"\")".into())
        }
    );
    assert!(!empty_result.is_uncalculated_formula());
    assert_eq!(book.sheets[0].cells.len(), 11);
}

#[test]
fn openpyxl_formulas_have_no_cached_value() {
    let book = open(&fixture("openpyxl-return.xlsx"), &Limits::default()).unwrap();
    let a02 = at(&book, "C13").unwrap();
    assert_eq!(
        a02,
        Cell {
            value: RawCell::Empty,
            formula: Some("C12-400".into())
        }
    );
    assert!(a02.is_uncalculated_formula());
    assert_eq!(a02.as_found(), "=C12-400");
    assert_eq!(at(&book, "C16"), formula(RawCell::Empty, "1/0"));
    assert_eq!(at(&book, "C12"), plain(RawCell::Number(1200.0)));
    assert_eq!(at(&book, "C14"), plain(RawCell::Text("150".into())));
    assert_eq!(at(&book, "C15"), plain(RawCell::Bool(true)));
    assert_eq!(at(&book, "C17"), plain(RawCell::Date("2025-07-01".into())));
    assert_eq!(at(&book, "B8"), plain(RawCell::Date("2025-10-14".into())));
    assert_eq!(
        at(&book, "D18"),
        plain(RawCell::Text("FTE at 30 Sept".into()))
    );
}

#[test]
fn libreoffice_xls_values_are_typed() {
    let book = open(&fixture("libreoffice-return.xls"), &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Xls);
    assert_eq!(
        book.sheets
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Return", "Guidance"]
    );
    // LibreOffice calculated the formulas openpyxl left without results.
    assert_eq!(at(&book, "C13"), formula(RawCell::Number(800.0), "C12-400"));
    assert_eq!(
        at(&book, "C16"),
        formula(RawCell::Error("#DIV/0!".into()), "1/0")
    );
    assert_eq!(at(&book, "C15"), formula(RawCell::Bool(true), "TRUE"));
    assert_eq!(at(&book, "C12"), plain(RawCell::Number(1200.0)));
    assert_eq!(at(&book, "B3"), plain(RawCell::Number(886.0)));
    assert_eq!(at(&book, "C14"), plain(RawCell::Text("150".into())));
    assert_eq!(at(&book, "C17"), plain(RawCell::Date("2025-07-01".into())));
    assert_eq!(at(&book, "B8"), plain(RawCell::Date("2025-10-14".into())));
    assert_eq!(at(&book, "C18"), plain(RawCell::Number(3.5)));
}

#[test]
fn libreoffice_ods_values_are_typed() {
    let book = open(&fixture("libreoffice-return.ods"), &Limits::default()).unwrap();
    assert_eq!(book.format, Format::Ods);
    assert_eq!(
        at(&book, "C13"),
        formula(RawCell::Number(800.0), "[.C12]-400")
    );
    // OpenDocument has no error values: the error comes as its text (the validator's concern).
    assert_eq!(
        at(&book, "C16"),
        formula(RawCell::Text("#DIV/0!".into()), "1/0")
    );
    // LibreOffice saves TRUE as the formula TRUE() with the number 1: read as the boolean.
    assert_eq!(at(&book, "C15"), formula(RawCell::Bool(true), "TRUE()"));
    assert_eq!(at(&book, "C14"), plain(RawCell::Text("150".into())));
    assert_eq!(at(&book, "C17"), plain(RawCell::Date("2025-07-01".into())));
    assert_eq!(at(&book, "B8"), plain(RawCell::Date("2025-10-14".into())));
    assert_eq!(at(&book, "C18"), plain(RawCell::Number(3.5)));
}

#[test]
fn hidden_sheets_and_merges_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = vec![
        SheetSpec::new("Visible").merge(0, 0, 0, 2, "Local authority"),
        SheetSpec::new("Secret").hidden().cell(0, 0, V::N(1.0)),
    ];
    let book = open(&xlsx(dir.path(), "hidden.xlsx", sheets), &Limits::default()).unwrap();
    let s = &book.sheets;
    assert_eq!((s[0].name.as_str(), s[0].visible), ("Visible", true));
    assert_eq!((s[1].name.as_str(), s[1].visible), ("Secret", false));
    assert_eq!(s[0].merged, vec![(CellPos::new(0, 0), CellPos::new(0, 2))]);
}
