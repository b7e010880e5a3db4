//! `--help` ends with worked examples and the exit codes; `-h` is the short
//! help without them; `kinbench` alone prints the quarter step by step.

use super::{kinbench, text, SUBCOMMANDS};

/// One example line each command's `--help` must show.
const EXAMPLES: [(&str, &str); 10] = [
    (
        "run",
        "kinbench run returns/ --out reports/ --json --fail-on error > run.json",
    ),
    (
        "validate",
        "kinbench validate returns/ --out checks/ --force",
    ),
    (
        "template",
        "kinbench template --period \"2025-26 Q3\" --la 886 --out templates/",
    ),
    ("sample", "kinbench sample --out demo/ --faults"),
    (
        "selfcheck",
        "kinbench selfcheck --period \"2025-26 Q3\" --out selfcheck.html",
    ),
    ("rules", "kinbench rules --markdown > docs/rules.md"),
    ("explain", "kinbench explain VAL004"),
    ("schema", "kinbench schema --schema my-schema/"),
    (
        "completions",
        "kinbench completions zsh > ~/.zfunc/_kinbench",
    ),
    ("man", "kinbench man > kinbench.1 && man ./kinbench.1"),
];

#[test]
fn each_commands_long_help_ends_with_its_examples_and_the_short_help_has_none() {
    for (command, example) in EXAMPLES {
        let long = kinbench(&[command, "--help"]);
        assert_eq!(long.status.code(), Some(0), "{command}");
        let long = text(&long.stdout);
        let at = long
            .find("Examples:")
            .unwrap_or_else(|| panic!("{command}: {long}"));
        assert!(long[at..].contains(example), "{command}: {long}");
        // At least two worked examples, each a command line.
        let lines = long[at..]
            .lines()
            .filter(|l| l.trim_start().starts_with("kinbench "));
        assert!(lines.count() >= 2, "{command}: {long}");
        let short = kinbench(&[command, "-h"]);
        assert_eq!(short.status.code(), Some(0), "{command}");
        let short = text(&short.stdout);
        assert!(!short.contains("Examples:"), "{command}: {short}");
        assert!(short.len() < long.len(), "{command}");
    }
}

#[test]
fn validate_and_run_help_say_the_exit_codes_and_fail_on() {
    for command in ["validate", "run"] {
        let help = text(&kinbench(&[command, "--help"]).stdout);
        for line in [
            "Exit codes:",
            "  0  completed",
            "  1  failed",
            "  2  usage",
            "  3  --fail-on",
            "--fail-on <SEVERITY>",
            "--json",
        ] {
            assert!(help.contains(line), "{command} lacks {line:?}: {help}");
        }
    }
}

#[test]
fn top_level_help_lists_every_command_and_the_exit_codes() {
    let help = text(&kinbench(&["--help"]).stdout);
    let listed: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        // A wrapped description continues further in.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| *w != "help")
        .collect();
    assert_eq!(listed, SUBCOMMANDS, "{help}");
    assert!(
        help.contains("Exit codes:") && help.contains("Examples:"),
        "{help}"
    );
}

#[test]
fn kinbench_alone_prints_the_quarter_step_by_step_and_exits_0() {
    let out = kinbench(&[]);
    assert_eq!(out.status.code(), Some(0));
    let guide = text(&out.stdout);
    assert!(guide.contains("The quarter, step by step:"), "{guide}");
    // The commands in the order the quarter uses them.
    let at = |needle: &str| {
        guide
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}: {guide}"))
    };
    let order = [
        at("kinbench template --period"),
        at("selfcheck.html, and sends it"),
        at("kinbench validate returns/"),
        at("Send each LA its feedback"),
        at("kinbench run returns/"),
        at("At the meeting"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(out.stderr.is_empty());
}
