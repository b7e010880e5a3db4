//! What validation makes of a return: its identity, each item's value and status.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Finding;
use crate::ingest::Format;
use crate::period::Period;
use crate::schema::La;

/// What became of one item in one return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    /// A usable number (possibly normalised from text).
    Used,
    /// The cell is blank: not provided.
    Blank,
    /// A marker such as `n/a` or `tbc`: not provided.
    NotProvided,
    /// `c` or `*`: withheld by the LA.
    Withheld,
    /// Present but not usable (error value, negative, fraction in a count, text ...).
    Rejected,
    /// The item's row is not in the return.
    RowMissing,
    /// The code appears more than once; neither value is used.
    Duplicate,
}

impl ValueStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueStatus::Used => "used",
            ValueStatus::Blank => "blank",
            ValueStatus::NotProvided => "not_provided",
            ValueStatus::Withheld => "withheld",
            ValueStatus::Rejected => "rejected",
            ValueStatus::RowMissing => "row_missing",
            ValueStatus::Duplicate => "duplicate",
        }
    }

    /// In words, for the LA: the feedback's Values used sheet and the self-check page.
    pub fn words(self) -> &'static str {
        match self {
            ValueStatus::Used => "used",
            ValueStatus::Blank => "blank – not provided",
            ValueStatus::NotProvided => "marker – not provided",
            ValueStatus::Withheld => "withheld",
            ValueStatus::Rejected => "rejected",
            ValueStatus::RowMissing => "row missing",
            ValueStatus::Duplicate => "duplicate",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemValue {
    pub code: String,
    /// `Return!C23`; none when the row is missing.
    pub cell: Option<String>,
    /// The cell's content as found (empty when blank).
    pub as_found: String,
    pub status: ValueStatus,
    /// Set exactly when `status == Used`.
    pub value: Option<f64>,
    /// Text from the Notes column, if any.
    pub note: Option<String>,
}

impl ItemValue {
    pub fn usable(&self) -> Option<f64> {
        match self.status {
            ValueStatus::Used => self.value,
            _ => None,
        }
    }
}

/// What happened to a submitted file as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    /// Read and used for its LA and period.
    Used,
    /// A later return for the same LA and period replaced it.
    Superseded,
    /// Could not be used: a file error (unreadable, LA or period unknown, LA code/name disagree ...).
    Unusable,
}

impl ReturnStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnStatus::Used => "used",
            ReturnStatus::Superseded => "superseded",
            ReturnStatus::Unusable => "unusable",
        }
    }
}

/// One submitted file after validation.
#[derive(Debug, Clone)]
pub struct Submission {
    /// Relative to the returns folder, `/`-separated.
    pub file: String,
    /// sha256 of the file's bytes, hex.
    pub sha256: String,
    pub format: Option<Format>,
    pub la: Option<La>,
    pub period: Option<Period>,
    pub date_completed: Option<NaiveDate>,
    pub completed_by: Option<String>,
    pub email: Option<String>,
    pub status: ReturnStatus,
    /// The template version it was read as (declared, or in use for its
    /// period); none when the file could not be read.
    pub template_version: Option<u32>,
    /// Every item of its template version, and any item of another version
    /// found in it, by code (empty when the file could not be read).
    pub values: BTreeMap<String, ItemValue>,
    /// Findings about this file, in the order a reader would meet them.
    pub findings: Vec<Finding>,
}

impl Submission {
    pub fn usable(&self, code: &str) -> Option<f64> {
        self.values.get(code).and_then(ItemValue::usable)
    }
}

/// The whole folder after validation: what aggregation and reporting start from.
#[derive(Debug, Clone)]
pub struct Validation {
    /// The region's LAs, in lookup order.
    pub region: Vec<La>,
    pub region_name: String,
    /// Every period with at least one usable return, ascending.
    pub periods: Vec<Period>,
    /// Every file found, sorted by file name.
    pub submissions: Vec<Submission>,
    /// (LA, period) pairs of the region with no usable return.
    pub not_received: Vec<(La, Period)>,
    /// Every finding of the run, submissions' and run-level (not received), sorted by
    /// LA code, period, file, severity, rule, cell.
    pub findings: Vec<Finding>,
}

impl Validation {
    /// The return used for an LA in a period, if any.
    pub fn used(&self, la_code: &str, period: Period) -> Option<&Submission> {
        self.submissions.iter().find(|s| {
            s.status == ReturnStatus::Used
                && s.period == Some(period)
                && s.la.as_ref().is_some_and(|l| l.code == la_code)
        })
    }
}
