//! Turning a rule code and the particulars of one case into a [`Finding`],
//! with the return's identity (file, LA, period) attached.

use super::rules::{fill, Code};
use super::Finding;
use crate::period::Period;
use crate::schema::La;

/// Who a finding is about: the return's file, and its LA and period once known.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ctx {
    pub file: String,
    pub la: Option<La>,
    pub period: Option<Period>,
}

/// The particulars of one finding.
#[derive(Debug, Clone, Default)]
pub(crate) struct Case {
    pub items: Vec<String>,
    pub cell: Option<String>,
    pub value: Option<String>,
    /// Placeholder values beyond those taken from the case and the context
    /// (`detail`, `metric`, `label`, or an `item` other than the first of `items`).
    pub fills: Vec<(&'static str, String)>,
}

impl Case {
    pub fn new(items: Vec<String>, cell: Option<String>, value: Option<String>) -> Case {
        Case {
            items,
            cell,
            value,
            fills: Vec::new(),
        }
    }

    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Case {
        self.fills.push((key, value.into()));
        self
    }
}

impl Ctx {
    /// The finding for `code`. Severity comes from the catalogue, as do the templates.
    pub fn finding(&self, code: Code, case: Case) -> Finding {
        let la_name = self.la.as_ref().map(|l| l.name.clone()).unwrap_or_default();
        let period = self.period.map(|p| p.to_string()).unwrap_or_default();
        let first_item = case.items.first().cloned().unwrap_or_default();
        let cell = case.cell.clone().unwrap_or_default();
        let value = case.value.clone().unwrap_or_default();
        let mut pairs: Vec<(&str, &str)> =
            case.fills.iter().map(|(k, v)| (*k, v.as_str())).collect();
        pairs.extend([
            ("item", first_item.as_str()),
            ("cell", cell.as_str()),
            ("value", value.as_str()),
            ("la", la_name.as_str()),
            ("period", period.as_str()),
        ]);
        let rule = code.rule();
        Finding {
            la_code: self.la.as_ref().map(|l| l.code.clone()),
            la_name: self.la.as_ref().map(|l| l.name.clone()),
            period: self.period,
            file: self.file.clone(),
            severity: rule.severity,
            rule: code,
            items: case.items,
            cell: case.cell,
            value: case.value,
            message: fill(rule.message, &pairs),
            action: fill(rule.action, &pairs),
        }
    }
}
