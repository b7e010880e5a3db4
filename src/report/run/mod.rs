//! `kinbench run` as a library: validate a returns folder, aggregate the
//! reporting period, and write every output of the run into
//! `<out>/<period slug>/` whole or not at all (docs/outputs.md).
//!
//! The outputs are a list of [`Writer`]s run in order into a staging folder,
//! then `manifest.json`, which hashes what they wrote.

mod console;
mod merge;

use std::path::{Path, PathBuf};

pub use console::{headline, run_summary};
pub use merge::merge_findings;

use super::{
    export, pack, workbook, write_atomically, write_feedback, OutputError, OutputsWritten,
    Presenter, ReportError, RunContext, RunInfo,
};
use crate::aggregate::{self, AggregateError, Benchmark};
use crate::period::Period;
use crate::schema::Schema;
use crate::validate::{self, Validation};

/// What to run and write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// The reporting period; None for the latest period with a usable return.
    pub period: Option<Period>,
    /// Replace an existing period folder.
    pub force: bool,
    /// DfE disclosure control in every output but the LAs' own feedback.
    pub publish: bool,
    /// LAs by letter in every output but the LAs' own feedback.
    pub anonymise: bool,
    /// Orders the letters ([`Presenter::keyed`]); empty, anyone with kinbench
    /// and the region can work out which LA each letter is.
    pub anonymise_key: String,
}

/// Why a run could not complete.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot read returns folder '{path}': {message}")]
    ReturnsFolder { path: String, message: String },
    /// No return in the folder could be used, so there is no period to report on.
    #[error(
        "no usable return in '{0}': nothing to benchmark (see the findings of `kinbench validate`)"
    )]
    NothingUsable(String),
    /// The requested period has no usable return; the message lists the periods that have.
    #[error(transparent)]
    Period(AggregateError),
    #[error(transparent)]
    Aggregate(AggregateError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl RunError {
    /// True when the command line asked for something the returns do not have.
    pub fn is_usage(&self) -> bool {
        matches!(self, RunError::Period(_))
    }
}

/// A run validated and aggregated, ready to write.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// With the benchmark's findings merged in.
    pub validation: Validation,
    pub benchmark: Benchmark,
    pub info: RunInfo,
    pub presenter: Presenter,
}

impl Prepared {
    /// What every writer is given.
    pub fn context<'a>(&'a self, schema: &'a Schema) -> RunContext<'a> {
        RunContext {
            schema,
            validation: &self.validation,
            benchmark: Some(&self.benchmark),
            presenter: &self.presenter,
            info: &self.info,
        }
    }
}

/// The requested period if it has a usable return, else the latest period that has one.
pub fn reporting_period(
    validation: &Validation,
    requested: Option<Period>,
    returns: &Path,
) -> Result<Period, RunError> {
    match requested {
        Some(p) if validation.periods.contains(&p) => Ok(p),
        Some(p) => Err(RunError::Period(AggregateError::NoReturns {
            period: p,
            periods: validation.periods.clone(),
        })),
        None => validation
            .periods
            .last()
            .copied()
            .ok_or_else(|| RunError::NothingUsable(returns.display().to_string())),
    }
}

/// Aggregates the reporting period and merges the outlier findings into the validation.
pub fn prepare(
    schema: &Schema,
    mut validation: Validation,
    period: Period,
    options: &RunOptions,
) -> Result<Prepared, RunError> {
    let benchmark = aggregate::benchmark(schema, &validation, period).map_err(|e| match e {
        AggregateError::NoReturns { .. } => RunError::Period(e),
        other => RunError::Aggregate(other),
    })?;
    merge_findings(&mut validation, &benchmark.findings);
    let info = RunInfo {
        tool: RunInfo::tool_name(),
        schema_origin: schema.origin.clone(),
        region_name: validation.region_name.clone(),
        period: Some(period),
        as_of: RunInfo::as_of(&validation, Some(period)),
    };
    let presenter = Presenter::keyed(
        &validation.region,
        options.publish,
        options.anonymise,
        &options.anonymise_key,
    )
    .withholding(schema, &validation);
    Ok(Prepared {
        validation,
        benchmark,
        info,
        presenter,
    })
}

/// One output of the run: writes into the staging folder and says what it wrote
/// (paths relative to the folder, with a description).
pub type Writer =
    fn(&RunContext<'_>, &Benchmark, &Path) -> Result<Vec<(String, String)>, ReportError>;

/// `kinship_benchmark_2025-26_Q2.xlsx`.
pub fn workbook_name(period: Period) -> String {
    format!("kinship_benchmark_{}.xlsx", period.slug())
}

/// The run's folder for a period: `<out>/2025-26_Q2`.
pub fn period_dir(out: &Path, period: Period) -> PathBuf {
    out.join(period.slug())
}

fn feedback_writer(
    ctx: &RunContext<'_>,
    _: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    write_feedback(ctx, dir)
}

fn workbook_writer(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<Vec<(String, String)>, ReportError> {
    let name = workbook_name(benchmark.period);
    workbook::write_workbook(ctx, benchmark, &dir.join(&name))?;
    Ok(vec![(name, "benchmarking workbook".to_string())])
}

/// The writers of a run, in order: feedback, data exports, the workbook, the chart pack.
pub const WRITERS: [Writer; 4] = [
    feedback_writer,
    export::write_data,
    workbook_writer,
    pack::write_pack,
];

/// Runs `writers` into a staging folder, adds `manifest.json`, and puts the
/// folder in place as `<out>/<period slug>`; on any failure nothing is left.
pub fn write_run(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    out: &Path,
    force: bool,
    writers: &[Writer],
) -> Result<OutputsWritten, RunError> {
    let dest = period_dir(out, benchmark.period);
    let entries = write_atomically(&dest, force, |dir| {
        let mut entries = Vec::new();
        for w in writers {
            entries.extend(w(ctx, benchmark, dir)?);
        }
        entries.push(super::manifest::write_manifest(ctx, benchmark, dir)?);
        Ok::<_, RunError>(entries)
    })?;
    Ok(OutputsWritten {
        folder: dest.display().to_string(),
        entries,
    })
}

/// A whole run: validate `returns`, aggregate, write. Returns what was prepared and written.
pub fn run(
    schema: &Schema,
    returns: &Path,
    out: &Path,
    validate_options: &validate::Options,
    options: &RunOptions,
) -> Result<(Prepared, OutputsWritten), RunError> {
    let validation = validate::validate_folder(schema, returns, validate_options).map_err(|e| {
        RunError::ReturnsFolder {
            path: returns.display().to_string(),
            message: super::io_message(&e),
        }
    })?;
    let period = reporting_period(&validation, options.period, returns)?;
    let prepared = prepare(schema, validation, period, options)?;
    let ctx = prepared.context(schema);
    let written = write_run(&ctx, &prepared.benchmark, out, options.force, &WRITERS)?;
    Ok((prepared, written))
}
