//! Unit tests of the `.ods` scan on hand-written `content.xml` fragments.

use super::*;

fn scan(xml: &str) -> u64 {
    let mut s = OdsScan::default();
    for b in xml.bytes() {
        s.byte(b).unwrap();
    }
    s.finish_table();
    s.total()
}

#[test]
fn ods_extent_counts_repeats_of_filled_cells_only() {
    let t = |rows: &str| {
        format!("<office:body><table:table table:name=\"S\">{rows}</table:table></office:body>")
    };
    // Two filled cells: 1 row x 2 columns.
    assert_eq!(
        scan(&t(
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
        )),
        2
    );
    // One filled cell repeated across and down.
    assert_eq!(
        scan(&t(
            r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="300" office:value-type="float" office:value="1"/></table:table-row>"#
        )),
        300_000
    );
    // A filled cell far right, after empty repeats: calamine pushes the empties too.
    assert_eq!(
        scan(&t(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="9999"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#
        )),
        10_000
    );
    // Cells inside comments and a cell's content are not cells.
    assert_eq!(
        scan(&t(
            r#"<!-- <table:table-cell office:value-type="float" table:number-columns-repeated="99"> --><table:table-row><table:table-cell office:value-type="string"><text:p>a &gt; b</text:p><office:annotation><text:p>x</text:p></office:annotation></table:table-cell></table:table-row>"#
        )),
        1
    );
}

#[test]
fn ods_repeat_counts_must_be_numbers() {
    let mut s = OdsScan::default();
    let r = r#"<table:table><table:table-row table:number-rows-repeated="1e9">"#
        .bytes()
        .try_for_each(|b| s.byte(b));
    assert!(matches!(r, Err(IngestError::Corrupt(m)) if m.contains("1e9")));
}
