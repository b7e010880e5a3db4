//! Pair, sum and plausibility rules on one return (PLAUS003 is in `run`).

use kinbench::ingest::RawCell;
use kinbench::validate::{ReturnStatus, Severity};

use super::builder::ReturnBuilder;
use super::{check, codes, lacks, one};

#[test]
fn pair001_numerator_without_denominator() {
    let sub = ReturnBuilder::clean().blank("G01").validate();
    let f = one(&sub, "PAIR001");
    check(
        f,
        Severity::Error,
        &["G02", "G01"],
        Some("Return!C48"),
        None,
    );
    assert_eq!(f.message, "M08 (Average kinship social worker caseload) needs G01 as well as G02: G02 is 200 but G01 is blank.");
    assert_eq!(
        f.action,
        "Give G01, or leave the figures on both sides blank if you cannot give them."
    );
    assert_eq!((codes(&sub).len(), sub.status), (1, ReturnStatus::Used));

    let marked = ReturnBuilder::clean()
        .set("G01", RawCell::Text("tbc".into()))
        .validate();
    check(
        one(&marked, "PAIR001"),
        Severity::Error,
        &["G02", "G01"],
        Some("Return!C48"),
        Some("tbc"),
    );
    // Both blank: not computable, nothing to say. An error on an item: that error only.
    assert_eq!(
        ReturnBuilder::clean()
            .blank("G01")
            .blank("G02")
            .validate()
            .findings,
        vec![]
    );
    assert_eq!(
        codes(
            &ReturnBuilder::clean()
                .set("G01", RawCell::Text("#REF!".into()))
                .validate()
        ),
        ["VAL004"]
    );
}

#[test]
fn pair002_denominator_without_numerator() {
    let sub = ReturnBuilder::clean().blank("G02").validate();
    let f = one(&sub, "PAIR002");
    check(
        f,
        Severity::Error,
        &["G02", "G01"],
        Some("Return!C49"),
        None,
    );
    assert_eq!(f.message, "M08 (Average kinship social worker caseload) needs G02 as well as G01: G01 is 12.5 but G02 is blank.");
    lacks(&sub, "PAIR001");
    lacks(&ReturnBuilder::clean().validate(), "PAIR002");
}

#[test]
fn pair003_numerator_above_denominator_in_a_percentage() {
    let sub = ReturnBuilder::clean()
        .set("F03", RawCell::Number(50.0))
        .validate();
    let f = one(&sub, "PAIR003");
    check(
        f,
        Severity::Error,
        &["F03", "F02"],
        Some("Return!C45"),
        Some("50"),
    );
    assert_eq!(
        f.message,
        "M09 (Special guardianship share of support fund applications) cannot be worked out: F03 is 50 and F02 is 40, but a share cannot be more than 100%."
    );
    // A per-100 metric may exceed 100: E01 10 over A03 8 is M10 = 125, no PAIR003.
    let per100 = ReturnBuilder::clean()
        .set("A03", RawCell::Number(8.0))
        .set("A04", RawCell::Number(2.0))
        .set("E01", RawCell::Number(10.0))
        .set("E06", RawCell::Number(5.0))
        .validate();
    assert_eq!(per100.findings, vec![]);
}

#[test]
fn pair004_zero_denominator() {
    let sub = ReturnBuilder::clean()
        .set("F02", RawCell::Number(0.0))
        .validate();
    let f = one(&sub, "PAIR004");
    check(
        f,
        Severity::Error,
        &["F03", "F02"],
        Some("Return!C44"),
        Some("0"),
    );
    assert_eq!(f.message, "M09 (Special guardianship share of support fund applications) cannot be worked out: F02 is 0 but F03 is 12.");
    lacks(&sub, "PAIR003");
    let none = ReturnBuilder::clean()
        .set("F02", RawCell::Number(0.0))
        .set("F03", RawCell::Number(0.0))
        .validate();
    assert_eq!(none.findings, vec![]);
}

#[test]
fn sum001_parts_do_not_add_up() {
    let sub = ReturnBuilder::clean()
        .set("E02", RawCell::Number(5.0))
        .validate();
    let f = one(&sub, "SUM001");
    check(
        f,
        Severity::Warning,
        &["E02", "E03", "E04", "E05", "E06", "E01"],
        Some("Return!C36"),
        Some("6"),
    );
    assert_eq!(
        f.message,
        "E02 + E03 + E04 + E05 + E06 is 10 (5 + 2 + 1 + 1 + 1) and E01 is 6, but the parts should add up to the total."
    );
    assert_eq!(sub.status, ReturnStatus::Used);
    // A part blank: the relation is not judged.
    assert_eq!(
        ReturnBuilder::clean()
            .set("E02", RawCell::Number(5.0))
            .blank("E03")
            .validate()
            .findings,
        vec![]
    );
}

#[test]
fn sum002_part_exceeds_whole() {
    let sub = ReturnBuilder::clean()
        .set("A02", RawCell::Number(1600.0))
        .validate();
    let f = one(&sub, "SUM002");
    check(
        f,
        Severity::Warning,
        &["A02", "A01"],
        Some("Return!C13"),
        Some("1600"),
    );
    assert_eq!(
        f.message,
        "A02 is 1600 and A01 is 1500, but the parts cannot be more than the whole."
    );
    let two = ReturnBuilder::clean()
        .set("B03", RawCell::Number(140.0))
        .validate();
    check(
        one(&two, "SUM002"),
        Severity::Warning,
        &["B02", "B03", "B01"],
        Some("Return!C18"),
        Some("20"),
    );
    // Equal is within.
    assert_eq!(
        ReturnBuilder::clean()
            .set("A02", RawCell::Number(1500.0))
            .validate()
            .findings,
        vec![]
    );
}

#[test]
fn plaus001_outside_plausible_range() {
    let sub = ReturnBuilder::clean()
        .set("A01", RawCell::Number(6000.0))
        .validate();
    let f = one(&sub, "PLAUS001");
    check(
        f,
        Severity::Warning,
        &["A01"],
        Some("Return!C12"),
        Some("6000"),
    );
    assert_eq!(
        f.message,
        "A01 is 6000, outside the range expected for one LA in one quarter (1 to 5000)."
    );
    // Typed as text, the message states the number read; the text as found stays in `value`.
    let sub = ReturnBuilder::clean()
        .set("A01", RawCell::Text(" 6,093 ".into()))
        .validate();
    let f = one(&sub, "PLAUS001");
    assert_eq!(f.value.as_deref(), Some(" 6,093 "));
    assert_eq!(
        f.message,
        "A01 is 6093, outside the range expected for one LA in one quarter (1 to 5000)."
    );
    // Bounds are inclusive.
    assert_eq!(
        ReturnBuilder::clean()
            .set("A01", RawCell::Number(5000.0))
            .validate()
            .findings,
        vec![]
    );
}

#[test]
fn plaus002_metric_outside_plausible_range() {
    let sub = ReturnBuilder::clean()
        .set("G02", RawCell::Number(400.0))
        .validate();
    let f = one(&sub, "PLAUS002");
    check(
        f,
        Severity::Warning,
        &["G02", "G01"],
        Some("Return!C49"),
        Some("400"),
    );
    assert_eq!(
        f.message,
        "M08 (Average kinship social worker caseload) works out at 32 (G02 400 / G01 12.5), outside the range expected for one LA in one quarter (5 to 30)."
    );
    // 375 / 12.5 = 30, the upper bound.
    assert_eq!(
        ReturnBuilder::clean()
            .set("G02", RawCell::Number(375.0))
            .validate()
            .findings,
        vec![]
    );
    // No valid pair, no PLAUS002.
    assert_eq!(
        codes(
            &ReturnBuilder::clean()
                .set("G01", RawCell::Number(0.0))
                .validate()
        ),
        ["PAIR004"]
    );
}
