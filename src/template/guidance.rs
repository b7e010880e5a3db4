//! The `Guidance` sheet: every item with its definition and checks, and the
//! reading rules in plain words, all from the schema.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::number_text::format_number;
use crate::schema::{Item, RelOp, Schema};
use crate::validate::rules::LIVE_NONE;

/// Column headings of the item list; the test counts item rows under them.
pub const COLUMNS: [&str; 6] = ["Code", "Item", "Section", "Unit", "Definition", "Checks"];

/// How the LA checks its return before sending it (docs/for-la-officers.md).
pub const SELF_CHECK: [&str; 3] = [
    "Check your return before you send it",
    "Open selfcheck.html, sent with this template, in Edge, Chrome or Firefox and drop your completed return on it.",
    "It makes the same checks as the regional analyst, on your computer: the file is not sent anywhere. See docs/for-la-officers.md in kinbench.",
];

/// `live_checks`: the return sheet has the Check column, so it is explained too,
/// and the self-check page sent with the template.
pub(super) fn sheet(
    schema: &Schema,
    live_checks: bool,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    ws.set_name(schema.template.guidance_sheet.as_str())?;
    // Printed, the sheet fits the page's width and runs on down.
    ws.set_landscape().set_print_fit_to_pages(1, 0);
    for (col, width) in [8.0, 48.0, 28.0, 14.0, 60.0, 60.0].into_iter().enumerate() {
        ws.set_column_width(col as u16, width)?;
    }
    let below_items = item_list(schema, ws, &bold)?;
    let heading = "How your figures are read";
    let mut row = lines(ws, below_items + 1, heading, &reading_rules(schema), &bold)?;
    if live_checks {
        let heading = schema.template.check_column.as_str();
        row = lines(ws, row + 2, heading, &check_column(schema), &bold)?;
        // The self-check page came with the live checks: a template without one
        // (the committed sample's) has neither.
        lines(ws, row + 2, SELF_CHECK[0], &SELF_CHECK[1..], &bold)?;
    }
    ws.protect();
    Ok(())
}

/// The item list under [`COLUMNS`]: a row per item of the template's version.
/// Gives the first row below it.
fn item_list(schema: &Schema, ws: &mut Worksheet, bold: &Format) -> Result<u32, XlsxError> {
    let wrap = Format::new().set_text_wrap();
    for (col, head) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *head, bold)?;
    }
    let mut row = 1;
    for item in schema.items_in_version(schema.template.version) {
        let section = schema
            .section(&item.section)
            .map_or(item.section.clone(), |s| format!("{}. {}", s.id, s.title));
        let unit = schema
            .units
            .get(item.unit.key())
            .map_or(item.unit.key().to_string(), |u| u.label.clone());
        let cells = [
            item.code.clone(),
            item.label.clone(),
            section,
            unit,
            item.definition.clone(),
            checks(schema, item),
        ];
        for (col, text) in cells.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, text.as_str(), &wrap)?;
        }
        row += 1;
    }
    Ok(row)
}

/// A bold heading at `row` with a line of text on each row below; gives the last row written.
fn lines(
    ws: &mut Worksheet,
    row: u32,
    heading: &str,
    text: &[impl AsRef<str>],
    bold: &Format,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, heading, bold)?;
    let mut row = row;
    for line in text {
        row += 1;
        ws.write_string(row, 0, line.as_ref())?;
    }
    Ok(row)
}

/// The item's relations, plausible range and metric ranges in the current template version, in words.
pub fn checks(schema: &Schema, item: &Item) -> String {
    let mut out = Vec::new();
    let version = schema.template.version;
    for (_, rel) in schema
        .relations_in_version(version)
        .iter()
        .filter(|(_, r)| r.parts.contains(&item.code) || r.whole.contains(&item.code))
    {
        let parts = rel.parts.join(" + ");
        let whole = rel.whole.join(" + ");
        out.push(match rel.op {
            RelOp::AtMost => format!("{parts} must not be more than {whole}."),
            RelOp::Equals => format!("{parts} must add up to {whole}."),
        });
    }
    if let Some([lo, hi]) = item.range {
        out.push(format!(
            "Usually between {} and {} for one LA in a quarter; outside that it is queried.",
            format_number(lo),
            format_number(hi)
        ));
    }
    for metric in schema
        .metrics_in_version(version)
        .iter()
        .filter(|m| m.items().contains(&item.code.as_str()))
    {
        if let Some([lo, hi]) = metric.plausible {
            out.push(format!(
                "{} ({} / {}) is usually between {} and {}.",
                metric.title,
                metric.numerator.join(" + "),
                metric.denominator.join(" + "),
                format_number(lo),
                format_number(hi)
            ));
        }
    }
    out.join(" ")
}

fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The template's Check column, in two sentences.
pub fn check_column(schema: &Schema) -> [String; 2] {
    let t = &schema.template;
    [
        format!(
            "The {} column beside {} checks your figures as you type: it says what does not add up or is missing, with the rule code the network's feedback uses (such as SUM001), and marks the {} cells involved in bold on an orange fill.",
            t.check_column, t.notes_column, t.value_column
        ),
        format!(
            "The {} cell above the table counts the checks to look at, or says {}; you cannot type in these cells, and the network does not read them.",
            t.checks_label, LIVE_NONE
        ),
    ]
}

/// The reading rules (shared/spec/return.md) in plain words.
pub fn reading_rules(schema: &Schema) -> Vec<String> {
    let r = &schema.reading;
    vec![
        "Type each figure as a number in the Value column. Zero is a real figure: type 0, never leave it blank for none."
            .to_string(),
        "Leave a cell blank if you do not have the figure: a blank cell counts as not provided.".to_string(),
        format!(
            "{} are read as not provided and queried: leave the cell blank instead, or give a number.",
            quoted(&r.not_provided_markers)
        ),
        format!("{} mean the figure is withheld by your LA; it counts as not provided.", quoted(&r.withheld_markers)),
        "A number typed as text (with spaces or thousands separators) is used, and you are told.".to_string(),
        "Errors such as #DIV/0!, dates, TRUE/FALSE, negative numbers, fractions in whole-number items and other text are not used."
            .to_string(),
        format!("FTE figures may have up to {} decimal places.", r.fte_decimals),
        format!(
            "A change of more than {}% and of at least {} from your previous quarter is queried.",
            format_number(schema.change.ratio * 100.0),
            format_number(schema.change.min_abs)
        ),
        "Do not change the codes in the Code column; you may add notes in the Notes column.".to_string(),
    ]
}
