//! Which files and findings go into one LA's feedback, and its overall status.

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
pub fn group(validation: &Validation) -> Vec<Feedback<'_>> {
    let mut groups: Vec<Feedback<'_>> = Vec::new();
    for sub in &validation.submissions {
        let same = |g: &Feedback<'_>| match (g.la, sub.la.as_ref()) {
            (Some(a), Some(b)) => a.code == b.code && g.period == sub.period,
            _ => false,
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.submissions.push(sub),
            None => groups.push(Feedback {
                la: sub.la.as_ref(),
                period: sub.period,
                submissions: vec![sub],
                findings: Vec::new(),
            }),
        }
    }
    for g in &mut groups {
        g.submissions.sort_by(|a, b| {
            status_rank(a.status)
                .cmp(&status_rank(b.status))
                .then(a.file.cmp(&b.file))
        });
        g.findings = findings_for(validation, g);
    }
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

fn findings_for<'a>(validation: &'a Validation, g: &Feedback<'a>) -> Vec<&'a Finding> {
    let rank_of_file = |file: &str| {
        g.submissions
            .iter()
            .find(|s| s.file == file)
            .map_or(1, |s| status_rank(s.status))
    };
    let run_level = |f: &Finding| {
        f.file.is_empty()
            && f.period == g.period
            && g.la
                .is_some_and(|la| f.la_code.as_deref() == Some(la.code.as_str()))
    };
    let mut found: Vec<(usize, &Finding)> = validation
        .findings
        .iter()
        .filter(|f| {
            g.submissions
                .iter()
                .any(|s| s.file == f.file && !f.file.is_empty())
                || run_level(f)
        })
        .enumerate()
        .collect();
    found.sort_by_key(|(i, f)| (f.severity, rank_of_file(&f.file), *i));
    found.into_iter().map(|(_, f)| f).collect()
}
