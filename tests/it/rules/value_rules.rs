//! Value rules VAL001–VAL009, on C03, an item in no metric or relation,
//! so each case has exactly one finding (C03 is `Return!C27`).

use kinbench::ingest::RawCell;
use kinbench::validate::{ReturnStatus, Severity, ValueStatus};

use super::builder::ReturnBuilder;
use super::{check, codes, lacks, one};

fn c03(raw: RawCell) -> kinbench::validate::Submission {
    ReturnBuilder::clean().set("C03", raw).validate()
}

fn text(s: &str) -> RawCell {
    RawCell::Text(s.into())
}

#[test]
fn val001_number_typed_as_text_is_used() {
    for (typed, n) in [
        ("1,500", 1500.0),
        (" 1 500 ", 1500.0),
        ("1\u{a0}500", 1500.0),
    ] {
        let sub = ReturnBuilder::clean().set("A01", text(typed)).validate();
        let f = one(&sub, "VAL001");
        check(f, Severity::Info, &["A01"], Some("Return!C12"), Some(typed));
        assert_eq!(
            f.message,
            format!("A01 was typed as text (\"{typed}\") and was read as the number 1500.")
        );
        assert_eq!((sub.usable("A01"), sub.findings.len()), (Some(n), 1));
    }
    lacks(
        &ReturnBuilder::clean()
            .set("A01", RawCell::Number(1500.0))
            .validate(),
        "VAL001",
    );
}

#[test]
fn val002_not_provided_marker() {
    for marker in ["n/a", "N/A", " tbc ", "-", "?", "Not known"] {
        let sub = c03(text(marker));
        check(
            one(&sub, "VAL002"),
            Severity::Warning,
            &["C03"],
            Some("Return!C27"),
            Some(marker),
        );
        assert_eq!(sub.values["C03"].status, ValueStatus::NotProvided);
        assert_eq!((sub.findings.len(), sub.usable("C03")), (1, None));
    }
    let f = one(&c03(text("n/a")), "VAL002").clone();
    assert_eq!(f.message, "C03 says \"n/a\", so it counts as not provided.");
    assert_eq!(
        f.action,
        "Type the number, or leave the cell blank if you cannot give it."
    );
    // Blank is not provided too, but is no finding.
    let blank = ReturnBuilder::clean().blank("C03").validate();
    assert_eq!(
        (blank.findings.len(), blank.values["C03"].status),
        (0, ValueStatus::Blank)
    );
    let spaces = c03(text("   "));
    assert_eq!(
        (spaces.findings.len(), spaces.values["C03"].status),
        (0, ValueStatus::Blank)
    );
}

#[test]
fn val003_withheld() {
    for marker in ["c", "C", "*"] {
        let sub = c03(text(marker));
        check(
            one(&sub, "VAL003"),
            Severity::Warning,
            &["C03"],
            Some("Return!C27"),
            Some(marker),
        );
        assert_eq!(sub.values["C03"].status, ValueStatus::Withheld);
    }
    lacks(&c03(text("cc")), "VAL003");
}

#[test]
fn val004_error_value_as_error_or_as_text() {
    for raw in [
        RawCell::Error("#DIV/0!".into()),
        text("#REF!"),
        text("#n/a"),
    ] {
        let found = raw.as_found();
        let sub = c03(raw);
        check(
            one(&sub, "VAL004"),
            Severity::Error,
            &["C03"],
            Some("Return!C27"),
            Some(found.as_str()),
        );
        assert_eq!(
            (sub.values["C03"].status, sub.status),
            (ValueStatus::Rejected, ReturnStatus::Used)
        );
    }
    lacks(&c03(text("#5")), "VAL004");
}

#[test]
fn val005_date() {
    let sub = c03(RawCell::Date("2025-07-01".into()));
    check(
        one(&sub, "VAL005"),
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("2025-07-01"),
    );
    assert_eq!(sub.values["C03"].status, ValueStatus::Rejected);
    lacks(&c03(text("2025")), "VAL005");
}

#[test]
fn val006_boolean() {
    let sub = c03(RawCell::Bool(true));
    check(
        one(&sub, "VAL006"),
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("TRUE"),
    );
    lacks(&c03(RawCell::Number(1.0)), "VAL006");
}

#[test]
fn val007_negative_as_number_or_text() {
    let sub = c03(RawCell::Number(-3.0));
    let f = one(&sub, "VAL007");
    check(f, Severity::Error, &["C03"], Some("Return!C27"), Some("-3"));
    assert_eq!(f.message, "C03 is -3: a count cannot be negative.");
    assert_eq!(
        f.action,
        "Give the number (0 or more), or leave the cell blank if you cannot give it."
    );
    // Typed as text: the numeric error only, not VAL001 as well, stating the number read.
    assert_eq!(codes(&c03(text("-3"))), ["VAL007"]);
    let typed = c03(text(" -1,200 "));
    let f = one(&typed, "VAL007");
    assert_eq!(f.value.as_deref(), Some(" -1,200 "));
    assert_eq!(f.message, "C03 is -1200: a count cannot be negative.");
    assert_eq!(
        codes(
            &ReturnBuilder::clean()
                .set("G01", RawCell::Number(-1.5))
                .validate()
        ),
        ["VAL007"]
    );
    let zero = c03(RawCell::Number(0.0));
    assert_eq!((zero.findings.len(), zero.usable("C03")), (0, Some(0.0)));
}

#[test]
fn val008_fraction_in_a_count() {
    let sub = c03(RawCell::Number(2.5));
    check(
        one(&sub, "VAL008"),
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("2.5"),
    );
    assert_eq!(codes(&c03(text("2.5"))), ["VAL008"]);
    assert_eq!(
        one(&c03(text(" 2.50 ")), "VAL008").message,
        "C03 is 2.5: a count must be a whole number."
    );
    assert_eq!(c03(RawCell::Number(3.0)).findings, vec![]);
}

#[test]
fn val009_text() {
    let sub = c03(text("about 20"));
    check(
        one(&sub, "VAL009"),
        Severity::Error,
        &["C03"],
        Some("Return!C27"),
        Some("about 20"),
    );
    assert_eq!(codes(&c03(text("1,5"))), ["VAL009"]);
    lacks(&c03(text("20")), "VAL009");
}
