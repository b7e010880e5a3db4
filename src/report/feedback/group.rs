//! Which files and findings go into one LA's feedback, and its overall status.

use std::collections::HashMap;

use crate::period::Period;
use crate::schema::La;
use crate::validate::{Finding, ReturnStatus, Severity, Submission, Validation};

pub use crate::validate::Outcome;

/// One LA's feedback for one period: every file it sent and every finding about them.
#[derive(Debug, Clone)]
pub struct Feedback<'a> {
    /// None when the file's LA could not be identified.
    pub la: Option<&'a La>,
    pub period: Option<Period>,
    /// The files, used first, then unusable, then superseded, each by name.
    pub submissions: Vec<&'a Submission>,
    /// Findings about those files (and run-level ones about this LA and period),
    /// errors first, then warnings, then info; within a severity, the used file first.
    pub findings: Vec<&'a Finding>,
}

impl Feedback<'_> {
    /// The return used for the benchmarking, if any.
    pub fn used(&self) -> Option<&Submission> {
        self.submissions
            .iter()
            .copied()
            .find(|s| s.status == ReturnStatus::Used)
    }

    /// The return whose values the feedback shows: the used one, else the
    /// latest-named unusable one that was read.
    pub fn shown(&self) -> Option<&Submission> {
        self.used().or_else(|| {
            self.submissions
                .iter()
                .copied()
                .rev()
                .find(|s| !s.values.is_empty())
        })
    }

    /// Why the values shown are not used in the benchmarking, when the shown
    /// return is not the used one; None when they are used.
    pub fn shown_not_used(&self) -> Option<&'static str> {
        match self.shown()?.status {
            ReturnStatus::Used => None,
            ReturnStatus::Unusable => Some("not used: the return could not be used"),
            ReturnStatus::Superseded => Some("not used: superseded by a later return"),
        }
    }

    pub fn outcome(&self) -> Outcome {
        Outcome::of(self.used(), self.findings.iter().copied())
    }

    /// Findings of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The file name without extension: `886 Kent`, or for an unidentified
    /// file `unidentified - <file name>`.
    pub fn file_stem(&self) -> String {
        match self.la {
            Some(la) => super::la_stem(la),
            None => {
                let file = self.submissions.first().map_or("", |s| s.file.as_str());
                crate::file_name::bounded(&format!("unidentified - {file}"))
            }
        }
    }

    /// `Kent (886)`, or `an unidentified local authority`.
    pub fn la_label(&self) -> String {
        match self.la {
            Some(la) => format!("{} ({})", la.name, la.code),
            None => "an unidentified local authority".to_string(),
        }
    }
}

/// Words for a file's status in the feedback.
pub fn status_words(status: ReturnStatus) -> &'static str {
    match status {
        ReturnStatus::Used => "used",
        ReturnStatus::Superseded => "superseded by a later return",
        ReturnStatus::Unusable => "could not be used",
    }
}

fn status_rank(status: ReturnStatus) -> u8 {
    match status {
        ReturnStatus::Used => 0,
        ReturnStatus::Unusable => 1,
        ReturnStatus::Superseded => 2,
    }
}

/// Groups the run's files by LA and period. Files whose LA is unknown get a
/// feedback each; an LA's files whose period is unknown share one.
/// Findings come from `validation.findings`, so findings added after
/// validation (by file name, or run-level with an empty file) are included.
/// Each file and finding is placed by looking its group up, not by searching
/// every group: a national run has thousands.
pub fn group(validation: &Validation) -> Vec<Feedback<'_>> {
    let mut groups: Vec<Feedback<'_>> = Vec::new();
    let mut by_la: HashMap<(&str, Option<Period>), usize> = HashMap::new();
    for sub in &validation.submissions {
        let found = sub
            .la
            .as_ref()
            .and_then(|la| by_la.get(&(la.code.as_str(), sub.period)));
        match found {
            Some(&i) => groups[i].submissions.push(sub),
            None => {
                if let Some(la) = &sub.la {
                    by_la.insert((la.code.as_str(), sub.period), groups.len());
                }
                groups.push(Feedback {
                    la: sub.la.as_ref(),
                    period: sub.period,
                    submissions: vec![sub],
                    findings: Vec::new(),
                });
            }
        }
    }
    place_findings(validation, &mut groups, &by_la);
    groups.sort_by(|a, b| {
        let key = |g: &Feedback<'_>| {
            (
                g.period.is_none(),
                g.period,
                g.la.is_none(),
                g.la.map(|l| l.code.clone()),
                g.submissions.first().map(|s| s.file.clone()),
            )
        };
        key(a).cmp(&key(b))
    });
    groups
}

/// Sorts each group's files, then gives it the findings about them (and the
/// run-level ones about its LA and period): errors first, then warnings, then
/// info; within a severity, the used file's first, then in the run's order.
fn place_findings<'a>(
    validation: &'a Validation,
    groups: &mut [Feedback<'a>],
    by_la: &HashMap<(&str, Option<Period>), usize>,
) {
    let mut by_file: HashMap<&str, usize> = HashMap::new();
    for (i, g) in groups.iter_mut().enumerate() {
        g.submissions.sort_by(|a, b| {
            status_rank(a.status)
                .cmp(&status_rank(b.status))
                .then(a.file.cmp(&b.file))
        });
        for s in &g.submissions {
            by_file.insert(s.file.as_str(), i);
        }
    }
    for f in &validation.findings {
        let at = if f.file.is_empty() {
            let code = f.la_code.as_deref();
            code.and_then(|c| by_la.get(&(c, f.period)))
        } else {
            by_file.get(f.file.as_str())
        };
        if let Some(&i) = at {
            groups[i].findings.push(f);
        }
    }
    for g in groups.iter_mut() {
        let rank_of_file = |file: &str| {
            g.submissions
                .iter()
                .find(|s| s.file == file)
                .map_or(1, |s| status_rank(s.status))
        };
        let mut ranked: Vec<(Severity, u8, usize, &'a Finding)> = g
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| (f.severity, rank_of_file(&f.file), i, *f))
            .collect();
        ranked.sort_by_key(|r| (r.0, r.1, r.2));
        g.findings = ranked.into_iter().map(|r| r.3).collect();
    }
}
