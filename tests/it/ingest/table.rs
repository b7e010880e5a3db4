//! `locate`: the item rows and header-block values, wherever the LA moved them.

use kinbench::ingest::RawCell;

use super::build::{SheetSpec, V};
use super::locate::{header, hv, located, row, rows};

#[test]
fn moved_inserted_and_unknown_rows_are_read_where_they_are() {
    let spec = SheetSpec::new("Return")
        .cell(0, 0, V::T("Code"))
        .cell(0, 1, V::T("Item"))
        .cell(0, 2, V::T("Value"))
        .cell(2, 0, V::T(" a03 "))
        .cell(2, 2, V::N(150.0))
        .cell(3, 1, V::T("B. Ceasing"))
        .cell(3, 2, V::N(7.0))
        .cell(5, 0, V::T("A01"))
        .cell(5, 2, V::T("n/a"))
        .cell(6, 0, V::N(101.0))
        .cell(7, 0, V::T("A02"))
        .cell(400, 0, V::T("X99"))
        .cell(400, 2, V::F("=1/0", "#DIV/0!"));
    let l = located(vec![spec]);
    assert_eq!((l.header_row, l.notes_col), (0, None));
    assert!(l.header.is_empty());
    assert_eq!(
        rows(&l),
        vec![
            row("a03", "Return!A3", "Return!C3", "150", None),
            row("A01", "Return!A6", "Return!C6", "n/a", None),
            row("101", "Return!A7", "Return!C7", "", None),
            row("A02", "Return!A8", "Return!C8", "", None),
            row("X99", "Return!A401", "Return!C401", "#DIV/0!", None),
        ]
    );
    assert_eq!(l.rows[3].value, None);
    let stray: Vec<(String, String)> = l
        .stray_values
        .iter()
        .map(|(r, c)| (r.to_string(), c.as_found()))
        .collect();
    assert_eq!(stray, vec![("Return!C4".to_string(), "7".to_string())]);
}

#[test]
fn inserted_columns_move_the_value_column() {
    let spec = SheetSpec::new("Return")
        .cell(3, 1, V::T("code"))
        .cell(3, 2, V::T("Item"))
        .cell(3, 3, V::T("Comment"))
        .cell(3, 4, V::T(" VALUE "))
        .cell(3, 5, V::T("Notes:"))
        .cell(4, 1, V::T("A01"))
        .cell(4, 4, V::N(5.0))
        .cell(4, 5, V::T("  "));
    let l = located(vec![spec]);
    assert_eq!(
        (l.header_row, l.code_col, l.value_col, l.notes_col),
        (3, 1, 4, Some(5))
    );
    assert_eq!(
        rows(&l),
        vec![row("A01", "Return!B5", "Return!E5", "5", None)]
    );
}

#[test]
fn header_labels_merged_inline_or_blank() {
    let spec = SheetSpec::new("Return")
        .merge(0, 0, 0, 1, "Local authority:")
        .cell(0, 3, V::T("Kent County Council"))
        .merge(1, 0, 1, 1, "Period")
        .cell(2, 0, V::T("LA code: 886"))
        .cell(3, 0, V::T("Template version"))
        .cell(3, 2, V::T("Date completed"))
        .cell(3, 3, V::D(2025, 10, 14))
        .cell(5, 0, V::T("Code"))
        .cell(5, 2, V::T("Value"));
    let l = located(vec![spec]);
    assert_eq!(
        header(&l),
        vec![
            hv(
                "la_name",
                "Return!A1",
                "Return!D1",
                Some("Kent County Council")
            ),
            hv("la_code", "Return!A3", "Return!A3", Some("886")),
            // Blank value beside a merged label: the cell just after the merged area.
            hv("period", "Return!A2", "Return!C2", None),
            // The next cell right is another field's label, not this field's value.
            hv("template_version", "Return!A4", "Return!B4", None),
            hv(
                "date_completed",
                "Return!C4",
                "Return!D4",
                Some("2025-10-14")
            ),
        ]
    );
    let code = &l.header.iter().find(|h| h.key == "la_code").unwrap().value;
    assert_eq!(
        code.as_ref().map(|c| c.value.clone()),
        Some(RawCell::Text("886".into()))
    );
}
