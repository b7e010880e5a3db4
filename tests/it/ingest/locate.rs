//! `locate`: which sheet, and where on it the table and header block are.

use std::path::{Path, PathBuf};

use kinbench::ingest::{locate, open, Book, Cell, IngestError, Limits, Located};
use kinbench::schema::Schema;

use super::build::{patch_part, return_and, xlsx, SheetSpec, V};

pub(super) fn schema() -> Schema {
    Schema::bundled().unwrap()
}

pub(super) fn book(sheets: Vec<SheetSpec>) -> Book {
    let dir = tempfile::tempdir().unwrap();
    open(&xlsx(dir.path(), "return.xlsx", sheets), &Limits::default()).unwrap()
}

pub(super) fn located(sheets: Vec<SheetSpec>) -> Located {
    locate(&book(sheets), &schema()).unwrap()
}

/// (code, code cell, value cell, value as found, notes) for each row.
pub(super) fn rows(l: &Located) -> Vec<(String, String, String, String, Option<String>)> {
    l.rows
        .iter()
        .map(|r| {
            let v = r.value.as_ref().map(Cell::as_found).unwrap_or_default();
            (
                r.code.clone(),
                r.code_at.to_string(),
                r.value_at.to_string(),
                v,
                r.notes.clone(),
            )
        })
        .collect()
}

pub(super) fn row(
    code: &str,
    code_at: &str,
    value_at: &str,
    v: &str,
    notes: Option<&str>,
) -> (String, String, String, String, Option<String>) {
    (
        code.into(),
        code_at.into(),
        value_at.into(),
        v.into(),
        notes.map(String::from),
    )
}

/// (key, label cell, value cell, value as found) for each header field found.
pub(super) fn header(l: &Located) -> Vec<(String, String, String, Option<String>)> {
    l.header
        .iter()
        .map(|h| {
            (
                h.key.clone(),
                h.label_at.to_string(),
                h.value_at.to_string(),
                h.value.as_ref().map(Cell::as_found),
            )
        })
        .collect()
}

pub(super) fn hv(
    key: &str,
    label_at: &str,
    value_at: &str,
    v: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        key.into(),
        label_at.into(),
        value_at.into(),
        v.map(String::from),
    )
}

#[test]
fn the_template_layout_is_found() {
    let l = located(vec![SheetSpec::new("Return").return_at(0, 0)]);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template),
        ("Return", true)
    );
    assert_eq!(
        (l.header_row, l.code_col, l.value_col, l.notes_col),
        (6, 0, 2, Some(3))
    );
    assert_eq!(
        header(&l),
        vec![
            hv("la_name", "Return!A1", "Return!B1", Some("Kent")),
            hv("la_code", "Return!A2", "Return!B2", Some("886")),
            hv("period", "Return!A3", "Return!B3", Some("2025-26 Q2")),
            hv("template_version", "Return!A4", "Return!B4", Some("1")),
            hv(
                "date_completed",
                "Return!A5",
                "Return!B5",
                Some("2025-10-14")
            ),
        ]
    );
    assert_eq!(
        rows(&l),
        vec![
            row("A01", "Return!A9", "Return!C9", "1200", None),
            row("A02", "Return!A10", "Return!C10", "800", Some("estimate")),
            row("A03", "Return!A11", "Return!C11", "150", None),
        ]
    );
    assert!(l.stray_values.is_empty());
}

#[test]
fn a_table_not_at_a1_is_named_in_sheet_coordinates() {
    let l = located(vec![SheetSpec::new("Return").return_at(12, 2)]);
    assert_eq!(
        (l.header_row, l.code_col, l.value_col, l.notes_col),
        (18, 2, 4, Some(5))
    );
    assert_eq!(
        header(&l)[1],
        hv("la_code", "Return!C14", "Return!D14", Some("886"))
    );
    assert_eq!(
        rows(&l)[0],
        row("A01", "Return!C21", "Return!E21", "1200", None)
    );
}

#[test]
fn the_header_row_is_looked_for_only_in_the_first_rows() {
    let b = book(vec![SheetSpec::new("Return").return_at(45, 0)]);
    let e = locate(&b, &schema()).unwrap_err();
    assert_eq!(
        e,
        IngestError::NotAReturn(
            "looked for a row headed `Code` and `Value` in the first 50 rows of sheet `Return` or any other visible sheet; visible sheets: `Return`".into()
        )
    );
}

#[test]
fn sheet_choice_prefers_the_template_name_then_the_first_with_the_header_row() {
    let l = located(vec![SheetSpec::new("Kent Q2").return_at(0, 0)]);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template),
        ("Kent Q2", false)
    );

    let l = located(vec![SheetSpec::new(" return ").return_at(0, 0)]);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template),
        (" return ", true)
    );
    assert_eq!(l.rows[0].value_at.to_string(), "' return '!C9");

    let extra = vec![
        SheetSpec::new("Cover").cell(0, 0, V::T("Read me first")),
        SheetSpec::new("Old copy").return_at(0, 0),
        SheetSpec::new("RETURN").return_at(2, 0),
    ];
    let l = located(extra);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template, l.header_row),
        ("RETURN", true, 8)
    );
    // The copy beside it is named, so a finding can say it was not read.
    assert_eq!(l.other_return_sheets, ["Old copy"]);

    // A sheet named Return without the header row does not win over one with it.
    let l = located(vec![
        SheetSpec::new("Return").cell(0, 0, V::T("moved")),
        SheetSpec::new("Data").return_at(0, 0),
    ]);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template),
        ("Data", false)
    );
}

#[test]
fn hidden_sheets_are_never_used() {
    // rust_xlsxwriter cannot hide the first (active) sheet, so the hidden one comes second:
    // read by name alone it would win.
    let sheets = vec![
        SheetSpec::new("Copy").return_at(1, 0),
        SheetSpec::new("Return").return_at(0, 0).hidden(),
    ];
    let l = located(sheets);
    assert_eq!(
        (l.sheet.as_str(), l.sheet_named_as_template, l.header_row),
        ("Copy", false, 7)
    );

    let b = book(vec![
        SheetSpec::new("Notes").cell(0, 0, V::T("x")),
        SheetSpec::new("Return").return_at(0, 0).hidden(),
    ]);
    let e = locate(&b, &schema()).unwrap_err();
    assert!(
        matches!(&e, IngestError::NotAReturn(m) if m.ends_with("visible sheets: `Notes`")),
        "{e:?}"
    );
}

#[test]
fn libreoffice_and_openpyxl_fixtures_locate_alike() {
    for name in [
        "openpyxl-return.xlsx",
        "libreoffice-return.xls",
        "libreoffice-return.ods",
    ] {
        let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest")
            .join(name);
        let l = locate(&open(&path, &Limits::default()).unwrap(), &schema()).unwrap();
        assert_eq!(
            (
                l.sheet.as_str(),
                l.header_row,
                l.code_col,
                l.value_col,
                l.notes_col
            ),
            ("Return", 9, 0, 2, Some(3)),
            "{name}"
        );
        let keys: Vec<&str> = l.header.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "la_name",
                "la_code",
                "period",
                "template_version",
                "completed_by",
                "email",
                "date_completed"
            ],
            "{name}"
        );
        assert_eq!(
            header(&l)[1],
            hv("la_code", "Return!A3", "Return!B3", Some("886")),
            "{name}"
        );
        let codes: Vec<&str> = l.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            ["A01", "A02", "A03", "A04", "B01", "B02", "G01"],
            "{name}"
        );
        assert_eq!(l.rows[6].notes.as_deref(), Some("FTE at 30 Sept"), "{name}");
        assert_eq!(l.rows[1].value_at.to_string(), "Return!C13", "{name}");
    }
}

/// `Return` and `RETURN` both match the template's name: which holds the figures
/// cannot be told, so the file is refused rather than one sheet's values dropped.
#[test]
fn two_sheets_named_return_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    // rust_xlsxwriter refuses names equal but for case, as Excel does; other programs write them.
    let path = return_and(dir.path(), "RETURNX");
    patch_part(
        &path,
        "xl/workbook.xml",
        "name=\"RETURNX\"",
        "name=\"RETURN\"",
    );
    let book = open(&path, &Limits::default()).unwrap();
    assert_eq!(
        locate(&book, &schema()),
        Err(IngestError::AmbiguousSheet(
            "sheets `Return`, `RETURN` all have the table's header row and more than one is named `Return`".into()
        ))
    );
}

/// No sheet named Return and two with the header row: refused too.
#[test]
fn two_unnamed_sheets_with_the_header_row_are_refused() {
    let b = book(vec![
        SheetSpec::new("Kent Q2").return_at(0, 0),
        SheetSpec::new("Kent Q2 (2)").return_at(1, 0),
    ]);
    assert_eq!(
        locate(&b, &schema()),
        Err(IngestError::AmbiguousSheet(
            "sheets `Kent Q2`, `Kent Q2 (2)` all have the table's header row and none is named `Return`".into()
        ))
    );
}

/// Two tables side by side share one header row: reading the first would drop
/// the second's values, so the file is refused, naming the row and column.
#[test]
fn a_header_row_with_code_twice_is_refused() {
    let b = book(vec![SheetSpec::new("Return")
        .return_at(0, 0)
        .return_at(0, 5)]);
    assert_eq!(
        locate(&b, &schema()),
        Err(IngestError::AmbiguousTable(
            "row 7 of sheet `Return` has the heading `Code` twice (again in column F)".into()
        ))
    );
}
