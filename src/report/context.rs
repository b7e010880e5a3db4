//! What every writer of a run's outputs is given.

use chrono::NaiveDate;

use super::feedback::email::Mail;
use super::present::Presenter;
use crate::aggregate::Benchmark;
use crate::period::Period;
use crate::schema::Schema;
use crate::validate::Validation;

/// Facts about the run that outputs print (About sheets, footers, manifest.json).
#[derive(Debug, Clone)]
pub struct RunInfo {
    /// `kinbench 0.1.0`.
    pub tool: String,
    /// Where the schema came from (`bundled` or a folder).
    pub schema_origin: String,
    pub region_name: String,
    /// The reporting period; None for `validate`, which reports every period alike.
    pub period: Option<Period>,
    /// A date that depends only on the inputs (the latest Date completed of a used
    /// return, else the reporting period's last day), stamped on outputs in place
    /// of the clock so that a rerun on the same inputs is byte-identical.
    pub as_of: NaiveDate,
    /// The network's sender and deadlines, and whether to write `.eml` drafts.
    pub mail: Mail,
}

impl RunInfo {
    pub fn tool_name() -> String {
        format!("kinbench {}", env!("CARGO_PKG_VERSION"))
    }

    /// The `as_of` date for a validation: see the field's doc.
    pub fn as_of(validation: &Validation, period: Option<Period>) -> NaiveDate {
        let latest = validation
            .submissions
            .iter()
            .filter(|s| s.status == crate::validate::ReturnStatus::Used)
            .filter_map(|s| s.date_completed)
            .max();
        let fallback = period
            .or_else(|| validation.periods.last().copied())
            .map(|p| p.last_day())
            .unwrap_or_default();
        latest.unwrap_or(fallback)
    }
}

/// Everything a writer needs, borrowed from the run.
#[derive(Debug, Clone, Copy)]
pub struct RunContext<'a> {
    pub schema: &'a Schema,
    pub validation: &'a Validation,
    /// The regional metrics (`kinbench run`); None for `validate`.
    pub benchmark: Option<&'a Benchmark>,
    /// Applies publish and anonymise modes: show every LA name, count and rate through it.
    pub presenter: &'a Presenter,
    pub info: &'a RunInfo,
    /// Told of the files written by the writers that write one per LA, for a
    /// progress bar; [`Ticks::default`] tells no one.
    pub ticks: Ticks<'a>,
}

/// Counts files for a progress bar: `Some(total)` as a phase of that many files
/// begins, then `None` as each is done, from any thread.
#[derive(Clone, Copy, Default)]
pub struct Ticks<'a>(Option<&'a (dyn Fn(Option<usize>) + Sync)>);

impl<'a> Ticks<'a> {
    pub fn new(tick: &'a (dyn Fn(Option<usize>) + Sync)) -> Ticks<'a> {
        Ticks(Some(tick))
    }

    pub(crate) fn begin(&self, total: usize) {
        if let Some(t) = self.0 {
            t(Some(total));
        }
    }

    pub(crate) fn done(&self) {
        if let Some(t) = self.0 {
            t(None);
        }
    }
}

impl std::fmt::Debug for Ticks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Ticks(on)"
        } else {
            "Ticks(off)"
        })
    }
}
