//! Findings made after validation (aggregation's PLAUS004 outliers) joined to the run's.

use super::{sort_findings, Finding, ReturnStatus, Validation};

impl Validation {
    /// Adds `extra` to the run's findings, kept in the documented order, and to
    /// the findings of the used submission each is about, so that the LA's
    /// feedback shows it. A finding already present is not added twice.
    pub fn merge_findings(&mut self, extra: &[Finding]) {
        for f in extra {
            if self.findings.contains(f) {
                continue;
            }
            self.findings.push(f.clone());
            let about = self.submissions.iter_mut().find(|s| {
                s.status == ReturnStatus::Used
                    && s.file == f.file
                    && s.period == f.period
                    && s.la.as_ref().map(|l| &l.code) == f.la_code.as_ref()
            });
            if let Some(sub) = about {
                sub.findings.push(f.clone());
            }
        }
        sort_findings(&mut self.findings);
    }
}
