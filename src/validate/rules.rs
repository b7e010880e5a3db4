//! The rule catalogue: stable codes, severities, message templates and what to do.
//! `kinbench rules` prints it; `docs/rules.md` is generated from it.

use super::{Family, Severity};

/// One validation rule. Codes never change meaning; retired codes are not reused.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable code, e.g. `VAL004`.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `error-value`.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line: when the rule fires.
    pub summary: &'static str,
    /// The message shown to the LA, with `{placeholders}` filled per finding.
    pub message: &'static str,
    /// What the LA should do.
    pub action: &'static str,
}

/// Every rule, in catalogue order.
pub static RULES: &[Rule] = &[];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
