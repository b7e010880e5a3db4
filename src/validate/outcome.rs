//! The verdict an LA reads first, for its feedback and its self-check page alike.

use super::{Finding, Severity, Submission};

/// The verdict an LA reads first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The used return has no error or warning.
    Accepted,
    /// The used return has warnings but no error.
    AcceptedWithWarnings,
    /// The used return has an error, or no return could be used.
    ResubmissionNeeded,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::AcceptedWithWarnings => "accepted with warnings",
            Outcome::ResubmissionNeeded => "resubmission needed",
        }
    }

    /// The "what happens next" paragraph.
    pub fn next_steps(self) -> &'static str {
        match self {
            Outcome::Accepted => {
                "Your return has been accepted and will be included in this quarter's regional \
                 benchmarking. There is nothing more you need to do."
            }
            Outcome::AcceptedWithWarnings => {
                "Your return has been accepted and its values will be used. Please check each \
                 warning listed: if a value is wrong, send a corrected return before the deadline; \
                 if it is right, a short reply confirming it is enough."
            }
            Outcome::ResubmissionNeeded => {
                "Some or all of your return could not be used. Please correct each error listed \
                 and send the corrected return before the deadline; values with errors are left \
                 out of the regional benchmarking until then."
            }
        }
    }

    /// The verdict on the return `used` for an LA and period (None when no return
    /// could be used), from the findings about it; findings about other files are ignored.
    pub fn of<'a>(
        used: Option<&Submission>,
        findings: impl IntoIterator<Item = &'a Finding>,
    ) -> Outcome {
        let Some(used) = used else {
            return Outcome::ResubmissionNeeded;
        };
        let worst = findings
            .into_iter()
            .filter(|f| f.file == used.file)
            .map(|f| f.severity)
            .min();
        match worst {
            Some(Severity::Error) => Outcome::ResubmissionNeeded,
            Some(Severity::Warning) => Outcome::AcceptedWithWarnings,
            _ => Outcome::Accepted,
        }
    }
}
