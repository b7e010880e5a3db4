//! The catalogue itself: codes, wording, the generated docs page, and test coverage.

use std::collections::BTreeSet;
use std::path::Path;

use kinbench::validate::rules::{fill, markdown, placeholders, rule, table, PLACEHOLDERS, RULES};
use kinbench::validate::Family;

fn prefix(family: Family) -> &'static str {
    match family {
        Family::File => "FILE",
        Family::Value => "VAL",
        Family::Pair => "PAIR",
        Family::Sum => "SUM",
        Family::Plausibility => "PLAUS",
    }
}

#[test]
fn codes_are_unique_and_named_for_their_family() {
    let mut seen = BTreeSet::new();
    for r in RULES {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let digits = r
            .code
            .strip_prefix(prefix(r.family))
            .unwrap_or_else(|| panic!("{} not in its family", r.code));
        assert!(
            digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()),
            "{}",
            r.code
        );
        assert_eq!(rule(r.code).map(|x| x.name), Some(r.name));
    }
    assert_eq!(RULES.len(), 50);
}

#[test]
fn every_rule_says_what_is_wrong_and_what_to_do() {
    for r in RULES {
        for (what, text) in [
            ("name", r.name),
            ("summary", r.summary),
            ("message", r.message),
            ("action", r.action),
        ] {
            assert!(!text.trim().is_empty(), "{} has no {what}", r.code);
        }
        for p in placeholders(r.message)
            .into_iter()
            .chain(placeholders(r.action))
        {
            assert!(
                PLACEHOLDERS.contains(&p),
                "{} uses unknown placeholder {{{p}}}",
                r.code
            );
        }
        assert!(
            r.action.ends_with('.') && r.message.ends_with('.'),
            "{} is not a sentence",
            r.code
        );
    }
}

#[test]
fn fill_replaces_known_placeholders_once() {
    assert_eq!(
        fill(
            "{item} is {value}: {detail}.",
            &[("item", "B01"), ("value", "-3"), ("detail", "{item}")]
        ),
        "B01 is -3: {item}."
    );
    assert_eq!(fill("{unknown} and {", &[]), "{unknown} and {");
    assert_eq!(placeholders("{a} b {c}"), ["a", "c"]);
}

#[test]
fn markdown_has_a_table_per_family_with_every_rule() {
    let md = markdown();
    for heading in [
        "## File",
        "## Value",
        "## Pair",
        "## Sum",
        "## Plausibility",
    ] {
        assert_eq!(
            md.matches(&format!("\n{heading}\n")).count(),
            1,
            "{heading}"
        );
    }
    for r in RULES {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", r.code)))
            .unwrap_or_else(|| panic!("{}", r.code));
        assert!(
            row.contains(r.severity.as_str()) && row.contains(r.name),
            "{row}"
        );
    }
    let text = table();
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("VAL007   error    negative")),
        "{text}"
    );
    assert_eq!(text.matches("What to do: ").count(), RULES.len());
}

/// `docs/rules.md` is `markdown()`; regenerate with `kinbench rules --markdown > docs/rules.md`
/// (or run this test with `KINBENCH_WRITE_DOCS=1`).
#[test]
fn docs_rules_md_is_generated_from_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("KINBENCH_WRITE_DOCS").is_some() {
        std::fs::write(&path, markdown()).expect("write docs/rules.md");
    }
    let on_disk = std::fs::read_to_string(&path).expect("docs/rules.md exists");
    assert!(
        on_disk == markdown(),
        "docs/rules.md is stale: run `kinbench rules --markdown > docs/rules.md`"
    );
}

/// Every code but PLAUS004 (the aggregation stage's) is asserted in these tests:
/// quoted as an argument of a helper that asserts the finding is there
/// (`one(sub, "VAL007")`, `one_in(v, file, "FILE002")`), in a comparison of a
/// return's codes (`codes(&sub) == ["FILE017"]`) or of a finding's (`f.rule ==
/// "VAL013"`), not just named somewhere: a code in a comment, or in a table no
/// assertion reads, would pass a plain search.
#[test]
fn every_rule_is_exercised_by_a_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let mut text = std::fs::read_to_string(dir.join("rules.rs")).expect("rules.rs");
    let mut files: Vec<_> = std::fs::read_dir(dir.join("rules"))
        .expect("rules/")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "catalogue.rs"))
    {
        text.push_str(&std::fs::read_to_string(f).expect("test file"));
    }
    // The text just before each quoted occurrence must open one of the asserting calls.
    let asserted = |code: &str| {
        let quoted = format!("\"{code}\"");
        text.match_indices(&quoted).any(|(at, _)| {
            let before = &text[text[..at]
                .char_indices()
                .rev()
                .nth(80)
                .map_or(0, |(i, _)| i)..at];
            let call = ["one(", "one_in(", "codes(", "rule == "]
                .iter()
                .filter_map(|c| before.rfind(c).map(|i| i + c.len()))
                .max();
            // Within that call: no statement ended between it and the code.
            call.is_some_and(|i| !before[i..].contains(';'))
        })
    };
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| *c != "PLAUS004" && !asserted(c))
        .collect();
    assert!(missing.is_empty(), "no test asserts {missing:?}");
}
