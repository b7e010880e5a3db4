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

mod doc;

pub use doc::{markdown, table};

use super::{Family, Severity};

/// Every placeholder a message or action may use.
pub const PLACEHOLDERS: [&str; 8] = [
    "item", "label", "cell", "value", "la", "period", "metric", "detail",
];

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
pub static RULES: &[Rule] = &[
    Rule {
        code: "FILE001",
        name: "unsupported-type",
        family: Family::File,
        severity: Severity::Error,
        summary: "The file's type is not a spreadsheet kinbench reads (.xlsx, .xlsm, .xls, .ods).",
        message: "The file's type ({detail}) is not a spreadsheet kinbench can read, so the return was not read.",
        action: "Save the return as an Excel workbook (.xlsx) and send it again.",
    },
    Rule {
        code: "FILE002",
        name: "unreadable",
        family: Family::File,
        severity: Severity::Error,
        summary: "The file cannot be opened: not a spreadsheet, damaged or truncated.",
        message: "The file cannot be opened as a spreadsheet: {detail}.",
        action: "Open the file yourself to check it is your return, save it again as .xlsx and send it again.",
    },
    Rule {
        code: "FILE003",
        name: "password-protected",
        family: Family::File,
        severity: Severity::Error,
        summary: "The file is password-protected (encrypted), so it cannot be read.",
        message: "The file is password-protected, so it cannot be read.",
        action: "Remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, then clear it), save the file and send it again.",
    },
    Rule {
        code: "FILE004",
        name: "too-large",
        family: Family::File,
        severity: Severity::Error,
        summary: "The file exceeds a reading limit (size, uncompressed size, compression ratio, cells).",
        message: "The file is too large to read safely: {detail}.",
        action: "Send only the return: remove extra sheets, images and pasted data, save the file and send it again.",
    },
    Rule {
        code: "FILE005",
        name: "not-a-return",
        family: Family::File,
        severity: Severity::Error,
        summary: "No visible sheet has the Code / Item / Value / Notes header row in its first rows.",
        message: "No sheet in the file has the table's header row (Code, Item, Value, Notes), so it was not read as a return: {detail}.",
        action: "Put your figures in the template the network sent you, keeping its header row, and send it again.",
    },
    Rule {
        code: "FILE006",
        name: "sheet-renamed",
        family: Family::File,
        severity: Severity::Info,
        summary: "The return was read from a sheet not named as in the template.",
        message: "The return was read from the sheet \"{value}\", which is not named as in the template ({detail}).",
        action: "Nothing to do this time. In future returns keep the template's sheet name.",
    },
    Rule {
        code: "FILE007",
        name: "la-missing",
        family: Family::File,
        severity: Severity::Error,
        summary: "The LA code is blank, so the return cannot be assigned to an LA.",
        message: "The LA code is blank, so the return cannot be matched to a local authority and was not used.",
        action: "Type your DfE 3-digit LA number (for example 886) in the LA code cell and send the return again.",
    },
    Rule {
        code: "FILE008",
        name: "la-unknown",
        family: Family::File,
        severity: Severity::Error,
        summary: "The LA code is not a DfE local authority number.",
        message: "The LA code \"{value}\" is not a DfE local authority number, so the return was not used.",
        action: "Type your DfE 3-digit LA number (for example 886) in the LA code cell and send the return again.",
    },
    Rule {
        code: "FILE009",
        name: "la-mismatch",
        family: Family::File,
        severity: Severity::Error,
        summary: "The LA code and the Local authority name name different LAs (or the name is not recognised).",
        message: "The LA code is for {la}, but the Local authority cell says \"{value}\", which {detail}; the return was not used.",
        action: "Correct whichever cell is wrong so that both name your LA, and send the return again.",
    },
    Rule {
        code: "FILE010",
        name: "la-outside-region",
        family: Family::File,
        severity: Severity::Error,
        summary: "The LA is not one of the network's LAs for this run.",
        message: "{la} is not one of the local authorities in this run ({detail}), so the return was not used.",
        action: "Check the LA code; if it is right, the file was sent to the wrong network and you need do nothing.",
    },
    Rule {
        code: "FILE011",
        name: "period-missing",
        family: Family::File,
        severity: Severity::Error,
        summary: "The Period is blank.",
        message: "The Period is blank, so the return cannot be placed in a quarter and was not used.",
        action: "Choose the quarter from the Period drop-down (for example 2025-26 Q2) and send the return again.",
    },
    Rule {
        code: "FILE012",
        name: "period-unrecognised",
        family: Family::File,
        severity: Severity::Error,
        summary: "The Period is not a financial-year quarter kinbench recognises.",
        message: "The Period \"{value}\" is not a financial-year quarter kinbench recognises, so the return was not used.",
        action: "Choose the quarter from the Period drop-down (for example 2025-26 Q2) and send the return again.",
    },
    Rule {
        code: "FILE013",
        name: "period-normalised",
        family: Family::File,
        severity: Severity::Info,
        summary: "The Period was written in another spelling and normalised.",
        message: "The Period \"{value}\" was read as {period}.",
        action: "Nothing to do. In future returns choose the period from the drop-down.",
    },
    Rule {
        code: "FILE014",
        name: "template-version-unknown",
        family: Family::File,
        severity: Severity::Error,
        summary: "The Template version is not one kinbench knows.",
        message: "Template version \"{value}\" is not one kinbench knows ({detail}), so the return was not used.",
        action: "Copy your figures into the current template the network sent you and send it again.",
    },
    Rule {
        code: "FILE015",
        name: "template-version-missing",
        family: Family::File,
        severity: Severity::Warning,
        summary: "The Template version is blank; the return was read as the current version.",
        message: "The Template version is blank, so the return was read as version {detail}.",
        action: "Check you used the current template, and leave its Template version cell as it is.",
    },
    Rule {
        code: "FILE016",
        name: "filename-other-la",
        family: Family::File,
        severity: Severity::Warning,
        summary: "The file name names a different LA from the return's contents (contents win).",
        message: "The file name names {detail}, but the return inside is for {la}; the return was read as {la}'s.",
        action: "Check you sent the right file. If you did, name the file after your LA next time.",
    },
    Rule {
        code: "FILE017",
        name: "filename-other-period",
        family: Family::File,
        severity: Severity::Warning,
        summary: "The file name names a different period from the return's contents (contents win).",
        message: "The file name names {detail}, but the return inside is for {period}; the return was read as {period}.",
        action: "Check the Period in the return. If it is right, name the file after that period next time.",
    },
    Rule {
        code: "FILE018",
        name: "superseded",
        family: Family::File,
        severity: Severity::Info,
        summary: "A later return for the same LA and period replaced this one.",
        message: "This return was replaced by {detail} for the same LA and period, so it was not used.",
        action: "Nothing to do, unless this is the return you want used: then send it again with a later Date completed.",
    },
    Rule {
        code: "FILE019",
        name: "date-completed-missing",
        family: Family::File,
        severity: Severity::Warning,
        summary: "Date completed is blank or not a date, so resubmissions cannot be ordered by it.",
        message: "Date completed {detail}, so if the return is sent again the network cannot tell which copy is later.",
        action: "Type the date you completed the return (for example 14/10/2025) in the Date completed cell.",
    },
    Rule {
        code: "FILE020",
        name: "not-received",
        family: Family::File,
        severity: Severity::Warning,
        summary: "No usable return was received from the LA for the period.",
        message: "No usable return was received from {la} for {period}.",
        action: "Send the return for this period, or tell the network's analyst when it will come. If you sent one, its own findings say why it could not be used.",
    },
    Rule {
        code: "VAL001",
        name: "number-as-text",
        family: Family::Value,
        severity: Severity::Info,
        summary: "A number was typed as text (perhaps with spaces or thousands separators) and was used.",
        message: "{item} was typed as text (\"{value}\") and was read as the number {detail}.",
        action: "Nothing to do. In future type the number on its own, without spaces or commas.",
    },
    Rule {
        code: "VAL002",
        name: "not-provided-marker",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "A marker such as n/a or tbc was typed: the item counts as not provided.",
        message: "{item} says \"{value}\", so it counts as not provided.",
        action: "Type the number, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL003",
        name: "withheld",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "c or * was typed: the value is withheld by the LA and counts as not provided.",
        message: "{item} says \"{value}\": withheld, so it counts as not provided.",
        action: "Give the number if you can: the network suppresses small numbers itself before anything is published. Otherwise leave the cell blank.",
    },
    Rule {
        code: "VAL004",
        name: "error-value",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The cell holds a spreadsheet error such as #DIV/0! or #REF!.",
        message: "{item} shows the spreadsheet error {value}, so it cannot be used.",
        action: "Correct the formula or type the number itself, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL005",
        name: "date-value",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The cell holds a date where a number is expected.",
        message: "{item} holds a date ({value}) where a number is expected, so it cannot be used.",
        action: "Type the number and format the cell as a number, not a date, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL006",
        name: "boolean-value",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The cell holds TRUE or FALSE where a number is expected.",
        message: "{item} holds {value} where a number is expected, so it cannot be used.",
        action: "Type the number, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL007",
        name: "negative",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The value is negative.",
        message: "{item} is {value}: {detail} cannot be negative.",
        action: "Give the number (0 or more), or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL008",
        name: "fraction-in-count",
        family: Family::Value,
        severity: Severity::Error,
        summary: "A count has a fractional part.",
        message: "{item} is {value}: {detail} must be a whole number.",
        action: "Give the whole number, counting each child or household once, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL009",
        name: "text-value",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The cell holds text that is not a number or a recognised marker.",
        message: "{item} holds the text \"{value}\", which is not a number, so it cannot be used.",
        action: "Type the number in the Value cell and put any comment in the Notes column, or leave the cell blank if you cannot give it.",
    },
    Rule {
        code: "VAL010",
        name: "formula-not-calculated",
        family: Family::Value,
        severity: Severity::Error,
        summary: "The cell holds a formula with no calculated result saved in the file.",
        message: "{item} holds the formula {value}, but the file has no calculated result for it.",
        action: "Open the file in Excel or LibreOffice so the formula is calculated, save it and send it again, or type the number itself.",
    },
    Rule {
        code: "VAL011",
        name: "fte-too-precise",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "An FTE value has more decimal places than allowed; it was used as given.",
        message: "{item} is {value}: an FTE is given to at most {detail} decimal places. It was used as given.",
        action: "Check the figure and round it to the decimal places the message gives.",
    },
    Rule {
        code: "VAL012",
        name: "unknown-code",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "A row's code is not an item of the template; its value was not used.",
        message: "The row with code \"{item}\" is not an item of the template, so its value \"{value}\" was not used.",
        action: "Correct the code if it is mistyped, or delete the row if you added it.",
    },
    Rule {
        code: "VAL013",
        name: "duplicate-code",
        family: Family::Value,
        severity: Severity::Error,
        summary: "An item code appears in more than one row; none of its values is used.",
        message: "{item} appears in more than one row ({detail}), so none of its values was used.",
        action: "Delete the extra rows so that {item} appears once, with its value, and send the return again.",
    },
    Rule {
        code: "VAL014",
        name: "row-missing",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "An item's row is not in the return; the item counts as not provided.",
        message: "There is no row for {item} ({label}), so it counts as not provided.",
        action: "Put the row back with {item} in the Code column, or copy your figures into the current template.",
    },
    Rule {
        code: "VAL015",
        name: "stray-value",
        family: Family::Value,
        severity: Severity::Warning,
        summary: "A value was typed in the Value column of a row with no item code; it was not used.",
        message: "The value \"{value}\" at {cell} is on a row with no item code, so it was not used.",
        action: "Move the figure to its item's row, or delete it.",
    },
    Rule {
        code: "PAIR001",
        name: "numerator-without-denominator",
        family: Family::Pair,
        severity: Severity::Error,
        summary: "A metric's numerator is given but its denominator is not, so the metric cannot be computed.",
        message: "{metric} needs {detail}.",
        action: "Give {item}, or leave the figures on both sides blank if you cannot give them.",
    },
    Rule {
        code: "PAIR002",
        name: "denominator-without-numerator",
        family: Family::Pair,
        severity: Severity::Error,
        summary: "A metric's denominator is given but its numerator is not, so the metric cannot be computed.",
        message: "{metric} needs {detail}.",
        action: "Give {item}, or leave the figures on both sides blank if you cannot give them.",
    },
    Rule {
        code: "PAIR003",
        name: "numerator-exceeds-denominator",
        family: Family::Pair,
        severity: Severity::Error,
        summary: "A percentage metric's numerator is greater than its denominator.",
        message: "{metric} cannot be worked out: {detail}, but a share cannot be more than 100%.",
        action: "Check these figures: the first counts some of the children or cases in the second, so it cannot be larger.",
    },
    Rule {
        code: "PAIR004",
        name: "zero-denominator",
        family: Family::Pair,
        severity: Severity::Error,
        summary: "A metric's denominator is 0 while its numerator is more than 0.",
        message: "{metric} cannot be worked out: {detail}.",
        action: "Check these figures: if {item} is really 0, the figures counted within it must be 0 too.",
    },
    Rule {
        code: "SUM001",
        name: "parts-do-not-add-up",
        family: Family::Sum,
        severity: Severity::Warning,
        summary: "Parts that must add up to a total do not.",
        message: "{detail}, but the parts should add up to the total.",
        action: "Check the parts and the total, and correct whichever is wrong.",
    },
    Rule {
        code: "SUM002",
        name: "part-exceeds-whole",
        family: Family::Sum,
        severity: Severity::Warning,
        summary: "A part (or parts together) is greater than the whole it belongs to.",
        message: "{detail}, but the parts cannot be more than the whole.",
        action: "Check these figures and correct whichever is wrong; if your system counts them differently, say so in the Notes column.",
    },
    Rule {
        code: "PLAUS001",
        name: "outside-plausible-range",
        family: Family::Plausibility,
        severity: Severity::Warning,
        summary: "A value is outside the plausible range for one LA in one quarter.",
        message: "{item} is {value}, outside the range expected for one LA in one quarter ({detail}).",
        action: "Check the figure. If it is right, say why in the Notes column.",
    },
    Rule {
        code: "PLAUS002",
        name: "metric-outside-plausible-range",
        family: Family::Plausibility,
        severity: Severity::Warning,
        summary: "A metric's value for the LA is outside its plausible range (e.g. caseload).",
        message: "{metric} works out at {detail}.",
        action: "Check the figures it is worked out from. If they are right, say why in the Notes column.",
    },
    Rule {
        code: "PLAUS003",
        name: "large-change",
        family: Family::Plausibility,
        severity: Severity::Warning,
        summary: "A value changed by more than 50% and by at least 5 from the LA's previous quarter.",
        message: "{item} is {value} this quarter, against {detail}.",
        action: "Check the figure. If the change is real, say why in the Notes column.",
    },
    Rule {
        code: "PLAUS004",
        name: "regional-outlier",
        family: Family::Plausibility,
        severity: Severity::Warning,
        summary: "The LA's value of a metric is a regional outlier (funnel plot or robust z).",
        message: "Your value of {metric}, {detail}. Please check {item}.",
        action: "Check the items of this metric; if they are right, tell the network what explains the difference.",
    },
];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
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
