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
            .as_str()
            .strip_prefix(prefix(r.family))
            .unwrap_or_else(|| panic!("{} not in its family", r.code));
        assert!(
            digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()),
            "{}",
            r.code
        );
        assert_eq!(rule(r.code.as_str()).map(|x| x.name), Some(r.name));
        assert_eq!(r.code.rule().name, r.name);
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
/// as an argument of a helper that asserts the finding is there
/// (`one(sub, "VAL007")`, `one_in(v, file, "FILE002")`), in a comparison of a
/// return's codes (`codes(&sub) == ["FILE017"]`) or of a finding's (`f.rule ==
/// "VAL013"`), not just named somewhere. Comments are removed first
/// ([`code_only`]), so a code in a comment, or an assertion commented out,
/// counts for nothing.
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
    let code = code_only(&text);
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code.as_str())
        .filter(|c| *c != "PLAUS004" && !asserted(&code, c))
        .collect();
    assert!(missing.is_empty(), "no test asserts {missing:?}");
}

/// Whether `code` is written (`"VAL007"` or `Code::VAL007`) inside one of the
/// asserting calls: the text just before it opens the call, and no statement
/// ends between the call and the code.
fn asserted(text: &str, code: &str) -> bool {
    let quoted = format!("\"{code}\"");
    let typed = format!("Code::{code}");
    let at: Vec<usize> = text
        .match_indices(&quoted)
        .chain(text.match_indices(&typed))
        .map(|(at, _)| at)
        .collect();
    at.into_iter().any(|at| {
        let before = &text[text[..at]
            .char_indices()
            .rev()
            .nth(80)
            .map_or(0, |(i, _)| i)..at];
        let call = ["one(", "one_in(", "codes(", "rule == "]
            .iter()
            .filter_map(|c| before.rfind(c).map(|i| i + c.len()))
            .max();
        call.is_some_and(|i| !before[i..].contains(';'))
    })
}

/// Rust source without its comments (`//` to the end of the line, `/* */`),
/// string and character literals kept as written.
fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            // A character literal, so `'"'` opens no string; a lifetime is left as it is.
            '\'' => {
                out.push(c);
                let rest: String = chars.clone().take(3).collect();
                let len = match rest.as_bytes() {
                    [b'\\', _, b'\'', ..] => 3,
                    [_, b'\'', ..] => 2,
                    _ => 0,
                };
                out.extend(chars.by_ref().take(len));
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn a_code_only_in_a_comment_is_not_asserted() {
    let src = "one(sub, \"VAL007\"); // one(sub, \"VAL008\")\n\
               /* codes(&sub) == [\"VAL009\"] */ let q = '\"'; one(sub, \"VAL010\");\n\
               let s = \"// not a comment\"; assert!(f.rule == Code::VAL011);";
    let code = code_only(src);
    assert!(asserted(&code, "VAL007"));
    assert!(!asserted(&code, "VAL008"), "{code}");
    assert!(!asserted(&code, "VAL009"), "{code}");
    assert!(asserted(&code, "VAL010"), "{code}");
    assert!(asserted(&code, "VAL011"), "{code}");
    assert!(code.contains("\"// not a comment\""), "{code}");
    // The plain search this replaced would have counted VAL008.
    assert!(asserted(src, "VAL008"));
}
