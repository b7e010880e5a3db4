//! What `validate` and `run` offer a script: `--json` (the summary as one JSON
//! object on stdout, the human summary moved to stderr) and `--fail-on`
//! (a distinct exit code when findings of a severity exist).

use kinbench::report::summary_json::Summary;
use kinbench::validate::{Finding, Severity};

use super::CliError;

/// The exit code when the run completed but `--fail-on` was met.
pub const FINDINGS_EXIT: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any error finding
    Error,
    /// Any warning or error finding
    Warning,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ScriptArgs {
    /// Print a JSON summary on stdout (fields in docs/outputs.md); the usual summary goes to stderr
    #[arg(long)]
    pub json: bool,
    /// Exit with code 3 when the findings include one of this severity or worse (outputs are still written)
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
}

impl ScriptArgs {
    /// 3 when `--fail-on` is met by `findings`, else 0.
    pub fn exit_code(&self, findings: &[Finding]) -> u8 {
        let met = self
            .fail_on
            .is_some_and(|f| findings.iter().any(|x| x.severity <= f.severity()));
        if met {
            FINDINGS_EXIT
        } else {
            0
        }
    }

    /// Prints the human summary (stdout, or stderr with `--json`) and, with
    /// `--json`, the summary `json` makes, stamped with the exit code.
    pub fn finish(
        &self,
        human: &str,
        code: u8,
        json: impl FnOnce() -> Result<Summary, CliError>,
    ) -> Result<u8, CliError> {
        if !self.json {
            print!("{human}");
            return Ok(code);
        }
        eprint!("{human}");
        let mut summary = json()?;
        summary.exit_code = code;
        let text = serde_json::to_string_pretty(&summary).map_err(|e| CliError::Write {
            path: "stdout".to_string(),
            message: e.to_string(),
        })?;
        println!("{text}");
        Ok(code)
    }
}
