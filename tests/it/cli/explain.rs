//! `kinbench explain RULE` for every rule of the catalogue, and an unknown
//! code answered with the nearest ones.

use kinbench::validate::rules::{PLACEHOLDERS, RULES};

use super::{kinbench, text};

/// The text with every run of whitespace one space, as the explanation wraps it.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn explain_gives_everything_about_every_catalogue_rule() {
    for rule in RULES {
        let out = kinbench(&["explain", rule.code.as_str()]);
        assert_eq!(out.status.code(), Some(0), "{}", rule.code);
        let said = text(&out.stdout);
        assert!(
            said.starts_with(&format!("{} {}\n", rule.code, rule.name)),
            "{said}"
        );
        let words = flat(&said);
        assert!(words.contains(&flat(rule.summary)), "{said}");
        assert!(
            words.contains(&format!("severity {}:", rule.severity)),
            "{said}"
        );
        for section in [
            "When it fires:",
            "Example message:",
            "What the LA should do:",
            "Items:",
        ] {
            assert!(said.contains(section), "{}: {section}", rule.code);
        }
        // The example fills every placeholder its message and action use.
        for p in PLACEHOLDERS {
            assert!(
                !said.contains(&format!("{{{p}}}")),
                "{}: {{{p}}}",
                rule.code
            );
        }
        let example = said
            .split("Example message:")
            .nth(1)
            .and_then(|s| s.split("What the LA should do:").next())
            .unwrap();
        assert!(!flat(example).is_empty(), "{}", rule.code);
    }
}

#[test]
fn explain_names_the_items_from_the_schema() {
    let sum = text(&kinbench(&["explain", "sum001"]).stdout);
    assert!(flat(&sum).contains("sum(B02a..B02d) = B02"), "{sum}");
    assert!(!sum.contains("A02 <= A01"), "{sum}");
    let example = flat(&sum);
    assert!(
        example.contains("B02a + B02b + B02c + B02d is 15 (7, 5, 2, 1) and B02 is 13, but the parts should add up to the total."),
        "{sum}"
    );
    let fte = text(&kinbench(&["explain", "VAL011"]).stdout);
    let items = flat(fte.split("Items:").nth(1).unwrap());
    let listed: Vec<&str> = items
        .split("): ")
        .nth(1)
        .unwrap()
        .split(". ")
        .next()
        .unwrap()
        .split(", ")
        .collect();
    let expected: Vec<&str> = crate::run::schema()
        .items
        .iter()
        .filter(|i| i.unit == kinbench::schema::Unit::Fte)
        .map(|i| i.code.as_str())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(listed, expected, "{fte}");
}

#[test]
fn an_unknown_code_exits_2_naming_the_nearest_codes() {
    let out = kinbench(&["explain", "VAL99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    let listed = err
        .split("the nearest are: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{err}"));
    let codes: Vec<&str> = listed.split(" (").next().unwrap().split(", ").collect();
    assert_eq!(codes.first(), Some(&"VAL009"), "{err}");
    assert!(codes.iter().all(|c| c.starts_with("VAL")), "{err}");
    assert!(
        err.starts_with("kinbench: 'VAL99' is not a rule code"),
        "{err}"
    );
    let typo = text(&kinbench(&["explain", "PLUAS003"]).stderr);
    assert!(typo.contains("the nearest are: PLAUS003"), "{typo}");
}
