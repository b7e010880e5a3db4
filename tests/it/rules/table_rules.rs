//! Value rules about formulas, precision and the table's rows (VAL010–VAL015).
//! C03 is `Return!C27`; rows added below the table start at `Return!C50`.

use kinbench::ingest::{Cell, RawCell};
use kinbench::validate::{read_value, ReturnStatus, Severity, ValueStatus};

use super::builder::{schema, ReturnBuilder};
use super::{check, codes, lacks, one};

fn text(s: &str) -> RawCell {
    RawCell::Text(s.into())
}

#[test]
fn val010_formula_without_result() {
    let uncalculated = Cell {
        value: RawCell::Empty,
        formula: Some("SUM(C28:C29)".into()),
    };
    let sub = ReturnBuilder::clean()
        .set_cell("C03", uncalculated)
        .validate();
    check(
        one(&sub, "VAL010"),
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("=SUM(C28:C29)"),
    );
    let calculated = Cell {
        value: RawCell::Number(12.0),
        formula: Some("SUM(C28:C29)".into()),
    };
    let sub = ReturnBuilder::clean()
        .set_cell("C03", calculated)
        .validate();
    assert_eq!((sub.findings.len(), sub.usable("C03")), (0, Some(12.0)));
}

#[test]
fn val011_fte_with_too_many_decimals_is_used() {
    let sub = ReturnBuilder::clean()
        .set("G01", RawCell::Number(12.345))
        .validate();
    let f = one(&sub, "VAL011");
    check(
        f,
        Severity::Warning,
        &["G01"],
        Some("Return!C48"),
        Some("12.345"),
    );
    assert!(
        f.message.contains("at most 2 decimal places"),
        "{}",
        f.message
    );
    assert_eq!((sub.usable("G01"), sub.findings.len()), (Some(12.345), 1));
    assert_eq!(
        ReturnBuilder::clean()
            .set("G01", RawCell::Number(12.35))
            .validate()
            .findings,
        vec![]
    );
    assert_eq!(
        codes(&ReturnBuilder::clean().set("G01", text("12.345")).validate()),
        ["VAL011"]
    );
}

#[test]
fn val012_unknown_code_with_a_value() {
    let sub = ReturnBuilder::clean()
        .add_row("Z99", RawCell::Number(4.0))
        .validate();
    check(
        one(&sub, "VAL012"),
        Severity::Warning,
        &["Z99"],
        Some("Return!C50"),
        Some("4"),
    );
    assert_eq!(
        one(&sub, "VAL012").message,
        "The row with code \"Z99\" is not an item of the template, so its value \"4\" was not used."
    );
    assert_eq!(sub.status, ReturnStatus::Used);
    // No value, no finding; and codes match trimmed, case-insensitive.
    assert_eq!(
        ReturnBuilder::clean()
            .add_row("Z99", RawCell::Empty)
            .validate()
            .findings,
        vec![]
    );
    let recased = ReturnBuilder::clean()
        .remove_row("B02a")
        .add_row(" b02A ", RawCell::Number(12.0))
        .validate();
    assert_eq!(
        (recased.findings.len(), recased.usable("B02a")),
        (0, Some(12.0))
    );
}

#[test]
fn val013_duplicate_code_uses_neither() {
    let sub = ReturnBuilder::clean()
        .add_row("c03", RawCell::Number(13.0))
        .validate();
    let dups: Vec<_> = sub.findings.iter().filter(|f| f.rule == "VAL013").collect();
    assert_eq!(dups.len(), 2);
    check(
        dups[0],
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("12"),
    );
    check(
        dups[1],
        Severity::Error,
        &["C03"],
        Some("Return!C50"),
        Some("13"),
    );
    assert!(
        dups[0].message.contains("(Return!C27, Return!C50)"),
        "{}",
        dups[0].message
    );
    assert_eq!(
        (sub.values["C03"].status, sub.usable("C03")),
        (ValueStatus::Duplicate, None)
    );
    lacks(&ReturnBuilder::clean().validate(), "VAL013");
}

#[test]
fn val014_row_missing() {
    let sub = ReturnBuilder::clean().remove_row("C03").validate();
    let f = one(&sub, "VAL014");
    check(f, Severity::Warning, &["C03"], None, None);
    assert_eq!(f.message, "There is no row for C03 (Full connected-person fostering assessments completed), so it counts as not provided.");
    assert_eq!(
        (sub.values["C03"].status, sub.findings.len()),
        (ValueStatus::RowMissing, 1)
    );
}

#[test]
fn val015_stray_value() {
    let sub = ReturnBuilder::clean()
        .stray(RawCell::Number(7.0))
        .validate();
    check(
        one(&sub, "VAL015"),
        Severity::Warning,
        &[],
        Some("Return!C50"),
        Some("7"),
    );
    assert_eq!(sub.findings.len(), 1);
}

#[test]
fn every_non_empty_cell_is_used_or_named() {
    let samples = [
        text("x"),
        text("5"),
        text("n/a"),
        text("c"),
        RawCell::Number(-1.0),
        RawCell::Bool(false),
        RawCell::Error("#N/A".into()),
        RawCell::Date("2025-01-01".into()),
        RawCell::Number(1.5),
    ];
    let item = schema().item("C03").expect("C03");
    for raw in samples {
        let r = read_value(Some(&Cell::value(raw.clone())), item, schema());
        assert!(
            r.status == ValueStatus::Used || r.rule.is_some(),
            "{raw:?} → {r:?}"
        );
        assert_eq!(r.value.is_some(), r.status == ValueStatus::Used, "{raw:?}");
    }
}

/// Near miss of VAL014: the row is there, moved below the table with its code
/// typed in lower case and padded, or with its value left blank.
#[test]
fn val014_near_miss_a_moved_retyped_or_blank_row_is_not_missing() {
    let sub = ReturnBuilder::clean()
        .remove_row("C03")
        .add_row(" c03 ", RawCell::Number(12.0))
        .validate();
    assert_eq!(sub.findings, vec![]);
    assert_eq!(sub.usable("C03"), Some(12.0));
    assert_eq!(sub.values["C03"].cell.as_deref(), Some("Return!C50"));

    let sub = ReturnBuilder::clean().blank("C03").validate();
    assert_eq!(sub.findings, vec![]);
    assert_eq!(sub.values["C03"].status, ValueStatus::Blank);
}

/// Near miss of VAL015, on a real file read by kinbench's reader: a code-less row
/// below the table holding spaces in the Value column, a comment in the Item
/// column and text in Notes is not a stray value; a number in that Value cell is.
#[test]
fn val015_near_miss_spaces_and_notes_in_a_row_without_a_code() {
    use kinbench::ingest::{locate, open, CellPos, Limits};
    use kinbench::validate::validate_located;

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("return.xlsx");
    kinbench::template::write_return(schema(), &super::builder::clean_content(), &path)
        .expect("write");
    let book = open(&path, &Limits::default()).expect("open");
    let with_row = |value: RawCell| {
        let mut book = book.clone();
        let sheet = book
            .sheets
            .iter_mut()
            .find(|s| s.name == "Return")
            .expect("Return sheet");
        for (col, raw) in [
            (1, text("Figures checked by the team manager")),
            (2, value),
            (3, text("see covering email")),
        ] {
            sheet.cells.insert(CellPos::new(99, col), Cell::value(raw));
        }
        let located = locate(&book, schema()).expect("locate");
        validate_located(
            schema(),
            "return.xlsx",
            &located,
            &super::builder::options(),
        )
    };
    let sub = with_row(text("   "));
    assert_eq!(sub.findings, vec![]);
    assert_eq!(sub.status, ReturnStatus::Used);

    let sub = with_row(RawCell::Number(7.0));
    assert_eq!(codes(&sub), ["VAL015"]);
    check(
        one(&sub, "VAL015"),
        Severity::Warning,
        &[],
        Some("Return!C100"),
        Some("7"),
    );
}

/// On the two-version schema of `versions.rs`: a version-1 return with an A05
/// row (a version-2 item) keeps its value and says so; a version-2 return
/// lacking A04 and C02 (gone in version 2) has no row-missing finding.
#[test]
fn val016_item_of_another_version_is_read_and_flagged() {
    use kinbench::validate::validate_located;

    let (_dir, two) = crate::versions::two_versions();
    let v1 = ReturnBuilder::clean().add_row("A05", RawCell::Number(7.0));
    let sub = validate_located(&two, "return.xlsx", &v1.build(), &super::builder::options());
    assert_eq!(codes(&sub), ["VAL016"]);
    check(
        one(&sub, "VAL016"),
        Severity::Info,
        &["A05"],
        Some("Return!C50"),
        Some("7"),
    );
    assert_eq!(sub.usable("A05"), Some(7.0));

    let v2 = ReturnBuilder::clean()
        .header("template_version", RawCell::Number(2.0))
        .remove_row("A04")
        .remove_row("C02")
        .add_row("C05", RawCell::Number(30.0))
        .add_row("A05", RawCell::Number(7.0));
    let sub = validate_located(&two, "return.xlsx", &v2.build(), &super::builder::options());
    assert_eq!(sub.template_version, Some(2));
    assert_eq!(codes(&sub), Vec::<&str>::new());
    assert_eq!(sub.usable("C05"), Some(30.0));
}
