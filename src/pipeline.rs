//! The one place that sequences the stages for the two commands that read
//! returns: `validate` (validate → feedback and findings) and `run` (validate
//! → aggregate → every output of the period). The command line and the tests
//! call these; the stages below only do their own step.
//!
//! Each step returns typed values ([`Validated`], [`Ran`]) so that callers can
//! print, test or summarise them without reading the files back.

use std::path::Path;

use crate::aggregate::{self, AggregateError, Benchmark};
use crate::period::Period;
use crate::report::feedback::email::{missing_address_warnings, Mail};
use crate::report::run::{period_dir, write_run, Writer, WRITERS};
use crate::report::{
    self, check_destination, io_message, write_atomically, OutputError, OutputsWritten, Presenter,
    ReportError, RunContext, RunInfo, Ticks,
};
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
    /// The network's sender and deadlines, and whether to write email drafts.
    pub mail: Mail,
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
            ticks: Ticks::default(),
        }
    }
}

/// `kinbench validate` done: the validation and what was written where.
#[derive(Debug, Clone)]
pub struct Validated {
    pub validation: Validation,
    /// Every finding `findings.csv` holds: the validation's, and one for each
    /// file whose feedback could not be written.
    pub findings: Vec<validate::Finding>,
    pub written: OutputsWritten,
}

/// `kinbench run` done: what was prepared and what was written where.
#[derive(Debug, Clone)]
pub struct Ran {
    pub prepared: Prepared,
    pub written: OutputsWritten,
}

/// Told what a run is doing, for a person watching (the command line shows it):
/// each step as it starts, and the files of the long phases (reading the
/// returns, writing the feedback) as each is done. Any `Fn(&str)` is one that
/// hears the steps alone.
pub trait Watch: Sync {
    /// A step begins.
    fn step(&self, message: &str);
    /// A phase of `total` files begins.
    fn files(&self, _total: usize) {}
    /// One file of the phase is done (told from any thread, in any order).
    fn file_done(&self) {}
}

impl<F: Fn(&str) + Sync> Watch for F {
    fn step(&self, message: &str) {
        self(message)
    }
}

/// What the stages take: `Some(total)` for [`Watch::files`], `None` for [`Watch::file_done`].
fn counting(watch: &dyn Watch) -> impl Fn(Option<usize>) + Sync + '_ {
    move |tick| match tick {
        Some(total) => watch.files(total),
        None => watch.file_done(),
    }
}

/// Told each step as it starts.
pub type Progress<'a> = &'a dyn Watch;

/// No progress shown.
pub fn quiet(_: &str) {}

/// Reads every return in `returns`.
pub fn read_returns(
    schema: &Schema,
    returns: &Path,
    options: &validate::Options,
) -> Result<Validation, RunError> {
    read_watched(schema, returns, options, &quiet)
}

fn read_watched(
    schema: &Schema,
    returns: &Path,
    options: &validate::Options,
    progress: Progress<'_>,
) -> Result<Validation, RunError> {
    validate::validate_folder_ticking(schema, returns, options, &counting(progress)).map_err(|e| {
        RunError::ReturnsFolder {
            path: returns.display().to_string(),
            message: io_message(&e),
        }
    })
}

/// `kinbench validate`: reads the returns and writes `feedback/` and
/// `findings.csv` into `out`, whole or not at all.
pub fn validate(
    schema: &Schema,
    returns: &Path,
    out: &Path,
    options: &validate::Options,
    force: bool,
    mail: &Mail,
    progress: Progress<'_>,
) -> Result<Validated, RunError> {
    check_destination(out, force)?;
    progress.step(&reading(returns, options));
    let validation = read_watched(schema, returns, options, progress)?;
    progress.step(&format!("writing outputs to '{}'", out.display()));
    let info = RunInfo {
        tool: RunInfo::tool_name(),
        schema_origin: schema.origin.clone(),
        region_name: options.region_name.clone(),
        period: None,
        as_of: RunInfo::as_of(&validation, None),
        mail: mail.clone(),
    };
    let presenter = Presenter::internal();
    let ticks = counting(progress);
    let ctx = RunContext {
        schema,
        validation: &validation,
        benchmark: None,
        presenter: &presenter,
        info: &info,
        ticks: Ticks::new(&ticks),
    };
    let (entries, findings) =
        write_atomically(out, force, |dir| report::write_report_listing(&ctx, dir))?;
    let written = OutputsWritten {
        folder: out.display().to_string(),
        entries,
        warnings: draft_warnings(&validation, mail),
    };
    Ok(Validated {
        validation,
        findings,
        written,
    })
}

/// `kinbench run`: reads the returns, aggregates the reporting period and
/// writes every output into `<out>/<period slug>/`, whole or not at all. An
/// existing period folder is refused (without `force`) before any aggregating.
pub fn run(
    schema: &Schema,
    returns: &Path,
    out: &Path,
    validate_options: &validate::Options,
    options: &RunOptions,
    progress: Progress<'_>,
) -> Result<Ran, RunError> {
    if let Some(p) = options.period {
        // Known before reading the returns: say so early.
        check_destination(&period_dir(out, p), options.force)?;
    }
    progress.step(&reading(returns, validate_options));
    let validation = read_watched(schema, returns, validate_options, progress)?;
    let period = reporting_period(&validation, options.period, returns)?;
    if options.period.is_none() {
        check_destination(&period_dir(out, period), options.force)?;
    }
    progress.step(&format!("aggregating {period}"));
    let prepared = prepare(schema, validation, period, options)?;
    progress.step(&format!(
        "writing outputs to '{}'",
        period_dir(out, period).display()
    ));
    let ticks = counting(progress);
    let ctx = RunContext {
        ticks: Ticks::new(&ticks),
        ..prepared.context(schema)
    };
    let written = write_run(&ctx, &prepared.benchmark, out, options.force, &WRITERS)?;
    Ok(Ran { prepared, written })
}

fn reading(returns: &Path, options: &validate::Options) -> String {
    format!(
        "reading returns in '{}' for {} ({} LAs)",
        returns.display(),
        options.region_name,
        options.region.len()
    )
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
    validation.merge_findings(&benchmark.findings);
    let info = RunInfo {
        tool: RunInfo::tool_name(),
        schema_origin: schema.origin.clone(),
        region_name: validation.region_name.clone(),
        period: Some(period),
        as_of: RunInfo::as_of(&validation, Some(period)),
        mail: options.mail.clone(),
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

/// Writes a prepared run's outputs with `writers` (normally [`WRITERS`]).
pub fn write(
    prepared: &Prepared,
    schema: &Schema,
    out: &Path,
    force: bool,
    writers: &[Writer],
) -> Result<OutputsWritten, RunError> {
    let ctx = prepared.context(schema);
    let mut written = write_run(&ctx, &prepared.benchmark, out, force, writers)?;
    written.warnings = draft_warnings(&prepared.validation, &prepared.info.mail);
    Ok(written)
}

/// What the console should say about drafts written without a To.
fn draft_warnings(validation: &Validation, mail: &Mail) -> Vec<String> {
    if mail.drafts {
        missing_address_warnings(validation)
    } else {
        Vec::new()
    }
}
