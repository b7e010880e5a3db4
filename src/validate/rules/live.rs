//! The words of the template's live checks (its `Check` column), by the code of
//! the rule each one stands in for, so the Check column and the feedback speak of
//! the same fault by the same code.
//!
//! Placeholders: `{parts}`, `{whole}`, `{numerator}`, `{denominator}` name a
//! side's items (`B02a to B02d`); `{parts_value}`, `{whole_value}`,
//! `{numerator_value}`, `{denominator_value}` are that side's live total, worked
//! out by the spreadsheet as the officer types; `{metric}` is the metric's short
//! name. A check's words must not hold a line break: the summary cell counts
//! the checks shown by the line breaks between them.

use super::Code;

/// `(rule code, words)`, for every rule the Check column can show.
pub static LIVE_CHECKS: &[(Code, &str)] = &[
    (Code::VAL004, "shows an error, so it cannot be used"),
    (Code::VAL009, "not a number"),
    (Code::VAL002, "counts as not provided"),
    (Code::VAL003, "withheld, so it counts as not provided"),
    (Code::VAL007, "cannot be negative"),
    (Code::VAL008, "must be a whole number"),
    (Code::SUM001, "{parts} add up to {parts_value}; {whole} is {whole_value}"),
    (
        Code::SUM002,
        "{parts} is {parts_value}, more than {whole} at {whole_value}",
    ),
    (Code::PAIR001, "{metric} needs {denominator} as well as {numerator}"),
    (Code::PAIR002, "{metric} needs {numerator} as well as {denominator}"),
    (
        Code::PAIR003,
        "{numerator} is {numerator_value}, more than {denominator} at {denominator_value}: {metric} cannot be over 100%",
    ),
    (
        Code::PAIR004,
        "{denominator} is 0 but {numerator} is {numerator_value}, so {metric} cannot be worked out",
    ),
];

/// One shown check: its words, then its code as ` (SUM001)`.
pub const LIVE_CODE: &str = "{words} ({code})";

/// The summary cell above the table, by how many checks are shown.
pub const LIVE_NONE: &str = "No problems found";
pub const LIVE_ONE: &str = "1 check to look at";
/// Preceded by the number of checks.
pub const LIVE_MANY: &str = " checks to look at";

/// The words of `code`'s live check.
pub fn live_words(code: Code) -> Option<&'static str> {
    LIVE_CHECKS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, w)| *w)
}
