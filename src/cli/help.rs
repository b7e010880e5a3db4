//! The words `--help` ends with: worked examples for each command (as cargo
//! and rg give them), the exit codes, and the guide `kinbench` alone prints.
//! `-h` leaves them out, so the short help stays a screenful.

/// The exit codes, said once and shown wherever they matter (a macro, so
/// `concat!` can join it to each command's examples at compile time).
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  completed (whatever the returns' findings, unless --fail-on says otherwise)
  1  failed: the run could not complete (a folder could not be read or written)
  2  usage: the command line cannot be carried out as written
  3  --fail-on: completed, but findings of that severity (or worse) exist"
    };
}

pub const TOP: &str = concat!(
    "\
Examples:
  kinbench template --period \"2025-26 Q3\" --region \"South East\" --out templates/
  kinbench validate returns/ --out checks/ --force
  kinbench run returns/ --out reports/

Run `kinbench` alone for the quarter step by step, `kinbench COMMAND --help`
for each command's examples, and `kinbench explain RULE` for a finding's rule.

",
    exit_codes!()
);

pub const RUN: &str = concat!(
    "\
Examples:
  # The quarterly run, after the deadline: writes reports/2025-26_Q2/
  kinbench run returns/ --out reports/

  # Run an earlier quarter again, replacing what the last run wrote
  kinbench run returns/ --out reports/ --period \"2025-26 Q1\" --force

  # For a script: a JSON summary on stdout, exit 3 if any return has an error
  kinbench run returns/ --out reports/ --json --fail-on error > run.json

  # Outputs to share outside the network
  kinbench run returns/ --out public/ --publish --anonymise --anonymise-key \"$KEY\"

",
    exit_codes!()
);

pub const VALIDATE: &str = concat!(
    "\
Examples:
  # As returns arrive: feedback for each LA and findings.csv in checks/
  kinbench validate returns/ --out checks/

  # Again when a corrected return comes in, replacing checks/
  kinbench validate returns/ --out checks/ --force

  # For a script or flow: a JSON summary on stdout, exit 3 on any warning or error
  kinbench validate returns/ --out checks/ --force --json --fail-on warning > checks.json

",
    exit_codes!()
);

pub const TEMPLATE: &str = "\
Examples:
  # Every South East LA's template for next quarter, with selfcheck.html beside them
  kinbench template --period \"2025-26 Q3\" --region \"South East\" --out templates/

  # One LA's template (Kent, 886), e.g. to replace a spoilt copy
  kinbench template --period \"2025-26 Q3\" --la 886 --out templates/";

pub const SAMPLE: &str = "\
Examples:
  # Four quarters of made-up South East returns, with mistakes planted and listed
  kinbench sample --out demo/ --faults

  # Every English LA, two quarters, another seed
  kinbench sample --out demo-england/ --region all --from \"2025-26 Q1\" --to \"2025-26 Q2\" --seed 7";

pub const SELFCHECK: &str = "\
Examples:
  # The page on which South East LAs check their returns before sending them
  kinbench selfcheck --period \"2025-26 Q3\" --out selfcheck.html

  # For another region
  kinbench selfcheck --period \"2025-26 Q3\" --region \"North West\" --out selfcheck-nw.html";

pub const RULES: &str = "\
Examples:
  # Every rule: code, severity, when it fires, what to do
  kinbench rules

  # Regenerate docs/rules.md after changing the catalogue
  kinbench rules --markdown > docs/rules.md

  # One rule in full
  kinbench explain VAL004";

pub const SCHEMA: &str = "\
Examples:
  # What the schema built into kinbench holds
  kinbench schema

  # Check an edited copy before using it with --schema on other commands
  kinbench schema --schema my-schema/";

pub const EXPLAIN: &str = "\
Examples:
  # Everything about the rule a finding names
  kinbench explain VAL004

  # Codes are read in any case
  kinbench explain plaus003

Exit codes: 0 for a rule in the catalogue, 2 for an unknown code (the nearest codes are listed).";

pub const COMPLETIONS: &str = "\
Examples:
  # bash (for the current user)
  kinbench completions bash > ~/.local/share/bash-completion/completions/kinbench

  # zsh: a folder on $fpath, e.g. ~/.zfunc
  kinbench completions zsh > ~/.zfunc/_kinbench

  # fish, and PowerShell (appended to the profile)
  kinbench completions fish > ~/.config/fish/completions/kinbench.fish
  kinbench completions powershell >> $PROFILE";

pub const MAN: &str = "\
Examples:
  # Read it now
  kinbench man > kinbench.1 && man ./kinbench.1

  # Install kinbench(1) and each command's page for every user
  for c in \"\" run validate template sample selfcheck rules explain schema completions man; do
    kinbench man $c | gzip > /usr/local/share/man/man1/kinbench${c:+-$c}.1.gz
  done";

/// What `kinbench` with no command prints: the quarter, step by step.
pub const GUIDE: &str = "\
kinbench: the network's quarterly kinship care benchmarking.

The quarter, step by step:

  1. Before the deadline, write each LA's template (and selfcheck.html beside them):
       kinbench template --period \"2025-26 Q3\" --region \"South East\" --out templates/
  2. Each LA fills in its template, checks it on selfcheck.html, and sends it.
  3. As returns arrive, put them in one folder and validate them:
       kinbench validate returns/ --out checks/ --force
  4. Send each LA its feedback: open checks/feedback/<period>/<code> <LA>.eml, a draft
     with the .txt as its message and the .xlsx attached, and press Send;
     a corrected return goes into returns/ and step 3 runs again.
  5. After the deadline, the quarterly run:
       kinbench run returns/ --out reports/
  6. At the meeting: reports/<period>/ holds the workbook and chart_pack.html.

A finding names a rule: `kinbench explain VAL004` says all about it.
`kinbench --help` lists every command; `kinbench COMMAND --help` gives examples.
";
