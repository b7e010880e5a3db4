//! The one JSON object `kinbench validate --json` and `kinbench run --json`
//! print on stdout, so that a script can act on a run without parsing the
//! human summary. Typed, so a field cannot go missing by a typo; every field
//! is described in docs/outputs.md ("The `--json` summary").

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::manifest::{list_files, OutputFile};
use super::present::Shown;
use super::{OutputsWritten, Presenter, ReportError, RunContext};
use crate::aggregate::{Benchmark, MetricResult};
use crate::period::Period;
use crate::schema::La;
use crate::validate::rules::Code;
use crate::validate::{Finding, Outcome, ReturnStatus, Severity, Validation};

/// Raised when a field changes meaning or goes away; fields may be added without.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub format_version: u32,
    /// `validate` or `run`.
    pub command: &'static str,
    /// `kinbench 0.1.0`.
    pub tool: String,
    pub region: Region,
    /// `run`: the reporting period. `validate`: the latest period with a usable
    /// return (the one `run` would report on); None when there is none.
    pub period: Option<String>,
    pub mode: Mode,
    /// Every period the returns name, ascending.
    pub periods: Vec<PeriodLas>,
    pub files: Files,
    /// Counted over exactly the rows of the run's findings CSV.
    pub findings: Findings,
    /// `run` only: each metric's regional headline for the reporting period.
    pub metrics: Option<Vec<Headline>>,
    pub outputs: Outputs,
    /// The code kinbench exits with after printing this: 0, or 3 when `--fail-on` was met.
    pub exit_code: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct Region {
    pub name: String,
    /// How many LAs the region has (the returns expected each period).
    pub las: usize,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Mode {
    pub publish: bool,
    pub anonymise: bool,
}

/// An LA as the run's mode shows it: with `--anonymise`, no code and a letter for the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaRef {
    pub code: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodLas {
    pub period: String,
    /// LAs with a usable return for the period.
    pub received: Vec<LaRef>,
    /// LAs with no usable return for the period (the FILE020 findings).
    pub not_received: Vec<LaRef>,
    /// LAs that sent a return whose feedback says "resubmission needed": the
    /// return used has an error, or none of the files sent could be used.
    pub resubmission_needed: Vec<LaRef>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Files {
    pub total: usize,
    pub used: usize,
    pub superseded: usize,
    pub unusable: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Findings {
    pub total: usize,
    pub by_severity: BySeverity,
    /// One entry per rule that fired, by code.
    pub by_rule: Vec<RuleCount>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct BySeverity {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub name: String,
    pub severity: Severity,
    pub count: usize,
}

/// A metric's regional figure for the reporting period, as the console's headline shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub id: String,
    pub title: String,
    /// `percent`, `ratio` or `per100` (the schema's unit key).
    pub unit: String,
    /// The pooled regional value in the metric's unit (59.8 for 59.8%), as shown;
    /// None when not available or withheld (`shown` then holds the symbol).
    pub value: Option<f64>,
    /// The value as the console shows it: `59.8%`, or a DfE symbol.
    pub shown: String,
    /// LAs included in the pooled value.
    pub n_included: usize,
    pub outliers: Vec<LaRef>,
    /// The pooled value without the outliers, as shown; None when there are none.
    pub without_outliers: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outputs {
    /// The folder written: the output folder for `validate`, the period's folder for `run`.
    pub folder: String,
    /// Every file in it, with paths relative to `folder`, sorted (scrubbed with `--anonymise`).
    pub files: Vec<OutputFile>,
}

/// The summary of `kinbench validate`; `findings` are those its findings.csv holds.
pub fn validate_summary(
    validation: &Validation,
    findings: &[Finding],
    written: &OutputsWritten,
) -> Result<Summary, ReportError> {
    let presenter = Presenter::internal();
    Ok(Summary {
        format_version: FORMAT_VERSION,
        command: "validate",
        tool: super::RunInfo::tool_name(),
        region: region(validation),
        period: validation.periods.last().map(|p| p.to_string()),
        mode: Mode {
            publish: false,
            anonymise: false,
        },
        periods: periods(validation, &presenter),
        files: files(validation),
        findings: count_findings(findings),
        metrics: None,
        outputs: outputs(written, &presenter)?,
        exit_code: 0,
    })
}

/// The summary of `kinbench run`, through the run's Presenter as its console summary is.
pub fn run_summary(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    written: &OutputsWritten,
) -> Result<Summary, ReportError> {
    let (v, p) = (ctx.validation, ctx.presenter);
    Ok(Summary {
        format_version: FORMAT_VERSION,
        command: "run",
        tool: ctx.info.tool.clone(),
        region: region(v),
        period: Some(benchmark.period.to_string()),
        mode: Mode {
            publish: p.publish(),
            anonymise: p.anonymise(),
        },
        periods: periods(v, p),
        files: files(v),
        findings: count_findings(&v.findings),
        metrics: Some(headlines(ctx, benchmark)),
        outputs: outputs(written, p)?,
        exit_code: 0,
    })
}

fn region(v: &Validation) -> Region {
    Region {
        name: v.region_name.clone(),
        las: v.region.len(),
    }
}

fn la_ref(p: &Presenter, la: &La) -> LaRef {
    LaRef {
        code: (!p.anonymise()).then(|| la.code.clone()),
        name: p.la(la),
    }
}

fn periods(v: &Validation, p: &Presenter) -> Vec<PeriodLas> {
    let mut all: Vec<Period> = v.periods.clone();
    all.extend(v.submissions.iter().filter_map(|s| s.period));
    all.extend(v.not_received.iter().map(|(_, q)| *q));
    all.sort();
    all.dedup();
    all.into_iter().map(|q| period_las(v, p, q)).collect()
}

fn period_las(v: &Validation, p: &Presenter, period: Period) -> PeriodLas {
    let mut out = PeriodLas {
        period: period.to_string(),
        received: Vec::new(),
        not_received: Vec::new(),
        resubmission_needed: Vec::new(),
    };
    for la in &v.region {
        let used = v.used(&la.code, period);
        match used {
            Some(_) => out.received.push(la_ref(p, la)),
            None => out.not_received.push(la_ref(p, la)),
        }
        let sent = v
            .submissions
            .iter()
            .any(|s| s.period == Some(period) && s.la.as_ref().is_some_and(|l| l.code == la.code));
        if sent && Outcome::of(used, &v.findings) == Outcome::ResubmissionNeeded {
            out.resubmission_needed.push(la_ref(p, la));
        }
    }
    out
}

fn files(v: &Validation) -> Files {
    let n = |status: ReturnStatus| v.submissions.iter().filter(|s| s.status == status).count();
    Files {
        total: v.submissions.len(),
        used: n(ReturnStatus::Used),
        superseded: n(ReturnStatus::Superseded),
        unusable: n(ReturnStatus::Unusable),
    }
}

fn count_findings(findings: &[Finding]) -> Findings {
    let mut by_severity = BySeverity::default();
    let mut by_rule: BTreeMap<Code, (Severity, usize)> = BTreeMap::new();
    for f in findings {
        match f.severity {
            Severity::Error => by_severity.error += 1,
            Severity::Warning => by_severity.warning += 1,
            Severity::Info => by_severity.info += 1,
        }
        by_rule.entry(f.rule).or_insert((f.severity, 0)).1 += 1;
    }
    let by_rule = by_rule
        .into_iter()
        .map(|(rule, (severity, count))| RuleCount {
            rule: rule.to_string(),
            name: rule.rule().name.to_string(),
            severity,
            count,
        })
        .collect();
    Findings {
        total: findings.len(),
        by_severity,
        by_rule,
    }
}

fn headlines(ctx: &RunContext<'_>, benchmark: &Benchmark) -> Vec<Headline> {
    let p = ctx.presenter;
    benchmark
        .metrics
        .iter()
        .filter_map(|m| {
            let mp = m.at(benchmark.period)?;
            let pooled = p.region_rate(mp.region.pooled);
            let outliers: Vec<LaRef> = mp
                .las
                .iter()
                .filter(|l| l.outlier)
                .map(|l| LaRef {
                    code: (!p.anonymise()).then(|| l.la_code.clone()),
                    name: p.la_name(&l.la_code, &l.la_name),
                })
                .collect();
            let without =
                (!outliers.is_empty()).then(|| with_unit(m, &p.region_without_outliers(m, mp)));
            Some(Headline {
                id: m.id.clone(),
                title: m.title.clone(),
                unit: m.unit.key().to_string(),
                value: rounded(&pooled),
                shown: with_unit(m, &pooled),
                n_included: mp.region.n_included,
                outliers,
                without_outliers: without,
            })
        })
        .collect()
}

/// The number as shown: rounded to the decimals it is shown with.
fn rounded(shown: &Shown) -> Option<f64> {
    match shown {
        Shown::Number { value, decimals } => {
            let scale = 10f64.powi(i32::try_from(*decimals).unwrap_or(1));
            Some((value * scale).round() / scale)
        }
        Shown::Symbol(_) => None,
    }
}

fn with_unit(m: &MetricResult, shown: &Shown) -> String {
    match shown {
        Shown::Number { .. } => format!("{}{}", shown.text(), m.unit.suffix()),
        symbol => symbol.text(),
    }
}

/// With `--anonymise` the paths are scrubbed as manifest.json's are (feedback
/// files are named by LA), so nothing the run prints names an LA.
fn outputs(written: &OutputsWritten, p: &Presenter) -> Result<Outputs, ReportError> {
    let mut files: Vec<OutputFile> = list_files(Path::new(&written.folder))?
        .into_iter()
        .map(|f| OutputFile {
            path: p.scrub(&f.path),
            ..f
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Outputs {
        folder: p.scrub(&written.folder),
        files,
    })
}
