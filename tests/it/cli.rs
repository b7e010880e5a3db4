//! The command line as its users meet it: help with examples, the guide,
//! `--json`, exit codes and `--fail-on`, completions, the man page, `explain`.

mod completions;
mod exit_codes;
mod explain;
mod help;
mod json;

use std::path::Path;
use std::process::{Command, Output};

/// Every subcommand, as `kinbench --help` lists them.
pub const SUBCOMMANDS: [&str; 10] = [
    "run",
    "validate",
    "template",
    "sample",
    "selfcheck",
    "rules",
    "explain",
    "schema",
    "completions",
    "man",
];

pub fn kinbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .args(args)
        .output()
        .expect("run kinbench")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `kinbench validate <copy of sample_returns> --out <root>/checks <extra>`.
pub fn validate_sample(root: &Path, extra: &[&str]) -> Output {
    let returns = crate::run::copy_sample(root);
    let out = root.join("checks");
    let mut args = vec![
        "validate",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--force",
    ];
    args.extend_from_slice(extra);
    kinbench(&args)
}
