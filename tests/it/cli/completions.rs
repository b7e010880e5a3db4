//! `kinbench completions SHELL` and `kinbench man`: generated, and naming every command.

use std::process::Command;

use super::{kinbench, text, SUBCOMMANDS};

#[test]
fn each_shells_completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = kinbench(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        // Flags of a subcommand are completed too.
        assert!(script.contains("fail-on"), "{shell}");
    }
}

#[test]
fn the_bash_completions_are_valid_bash() {
    let out = kinbench(&["completions", "bash"]);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("kinbench.bash");
    std::fs::write(&path, &out.stdout).unwrap();
    let Ok(checked) = Command::new("bash").arg("-n").arg(&path).output() else {
        println!("skipped: bash not found");
        return;
    };
    assert!(checked.status.success(), "{}", text(&checked.stderr));
}

#[test]
fn the_man_page_has_a_title_and_every_subcommand() {
    let out = kinbench(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.starts_with(".ie") || page.contains("\n.TH "), "{page}");
    assert!(page.contains(".TH kinbench 1"), "{page}");
    let subcommands = page.split(".SH SUBCOMMANDS").nth(1).expect("SUBCOMMANDS");
    for sub in SUBCOMMANDS {
        assert!(
            subcommands.contains(&format!("kinbench\\-{sub}")),
            "{sub}: {page}"
        );
    }
    assert!(page.contains(".SH EXAMPLES\n.nf\n"), "{page}");
    assert!(
        page.contains(".SH \"EXIT STATUS\"\n.nf\nExit codes:"),
        "{page}"
    );
}

#[test]
fn each_command_has_its_own_man_page_with_its_examples() {
    for sub in SUBCOMMANDS {
        let out = kinbench(&["man", sub]);
        assert_eq!(out.status.code(), Some(0), "{sub}: {}", text(&out.stderr));
        let page = text(&out.stdout);
        assert!(
            page.contains(&format!(".TH kinbench-{sub} 1")),
            "{sub}: {page}"
        );
        let examples = page.split(".SH EXAMPLES\n.nf\n").nth(1).expect(sub);
        let shown = examples.split("\n.fi").next().unwrap();
        assert!(shown.contains("kinbench "), "{sub}: {page}");
    }
    let run = text(&kinbench(&["man", "run"]).stdout);
    assert!(run.contains(".SH \"EXIT STATUS\""), "{run}");
    assert!(run.contains("\\-\\-fail\\-on"), "{run}");
    let unknown = kinbench(&["man", "frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("the commands are: run, validate"));
}
