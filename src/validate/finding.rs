//! Findings: what is wrong with a return, where, and what the LA should do.
//! Shaped after Frictionless Data's validation report.

use std::fmt;

use serde::Serialize;

use super::rules::Code;
use crate::period::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Value or file not usable.
    Error,
    /// Used, but needs checking.
    Warning,
    /// Normalised; nothing to do.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rule families of shared/spec/return.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    File,
    Value,
    Pair,
    Sum,
    Plausibility,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::File => "file",
            Family::Value => "value",
            Family::Pair => "pair",
            Family::Sum => "sum",
            Family::Plausibility => "plausibility",
        }
    }
}

/// One finding about one return (or one LA's missing return).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// DfE 3-digit LA number, when known.
    pub la_code: Option<String>,
    pub la_name: Option<String>,
    pub period: Option<Period>,
    /// The file as named in the returns folder (relative path); empty for "not received".
    pub file: String,
    pub severity: Severity,
    /// Stable rule code from the catalogue (`crate::validate::rules`).
    pub rule: Code,
    /// Item codes concerned: a metric's numerator items then its denominator's,
    /// a relation's parts then its whole, otherwise in template order.
    pub items: Vec<String>,
    /// `Return!C23`, when the finding is about a cell.
    pub cell: Option<String>,
    /// The value as found in the cell.
    pub value: Option<String>,
    /// What is wrong, in plain English, naming the numbers.
    pub message: String,
    /// What the LA should do about it.
    pub action: String,
}
