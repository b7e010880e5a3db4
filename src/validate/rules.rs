//! The rule catalogue: stable codes, severities, message templates and what to do.
//! `kinbench rules` prints it ([`table`]); `docs/rules.md` is generated from it ([`markdown`]).
//!
//! Messages and actions are templates. Their placeholders, filled per finding by
//! [`fill`], are exactly those of [`PLACEHOLDERS`]:
//! `{item}` the item code (or the code as typed), `{label}` the item's label,
//! `{cell}` the cell (`Return!C23`), `{value}` the cell's content as found,
//! `{la}` the LA's name, `{period}` the period (`2025-26 Q2`),
//! `{metric}` a metric's id and title, `{detail}` the rule's own particulars
//! (the numbers compared, the limits, the other file ...).

mod catalogue;
mod code;
mod doc;
mod live;

pub use catalogue::RULES;
pub use code::Code;
pub use doc::{markdown, table};
pub use live::{live_words, LIVE_CHECKS, LIVE_CODE, LIVE_MANY, LIVE_NONE, LIVE_ONE};

use super::{Family, Severity};

/// Every placeholder a message or action may use.
/// `value` is the cell's text as found; `number` is the number kinbench read from it.
pub const PLACEHOLDERS: [&str; 9] = [
    "item", "label", "cell", "value", "number", "la", "period", "metric", "detail",
];

/// One validation rule. Codes never change meaning; retired codes are not reused.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable code, e.g. `VAL004`.
    pub code: Code,
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

/// The rule whose code is written `code` (as typed by a person or read from a
/// file); code that has a [`Code`] asks it with [`Code::rule`].
pub fn rule(code: &str) -> Option<&'static Rule> {
    Code::parse(code).map(Code::rule)
}

/// Fills a template's `{name}` placeholders from `values` in one pass (so a value
/// that itself contains braces is never expanded); an unknown placeholder is kept as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a template uses, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}
