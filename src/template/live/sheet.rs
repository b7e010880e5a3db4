//! The live checks on the return sheet: the `Check` column beside Notes, the
//! summary cell above the table and the marking of the Value cells a failing
//! check reads. Each formula carries the result it has for the cells as written,
//! worked out here, because a spreadsheet program may show a saved result
//! without calculating it again.

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, Format, FormatBorder, Formula, Worksheet, XlsxError,
};

use super::expr::{message_eval, message_formula, quoted, Live, Refs, Values};
use super::{checks, Cond, LiveCheck};
use crate::ingest::CellPos;
use crate::schema::Schema;
use crate::template::content::{
    CellInput, Placement, ReturnContent, CHECK_COL, CODE_COL, ITEM_COL,
};
use crate::validate::rules::{LIVE_MANY, LIVE_NONE, LIVE_ONE};

/// Excel's longest formula, in characters.
pub const FORMULA_LIMIT: usize = 8192;

/// The Check cells' formulas and results, and the summary's, for `content` as written.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveSheet {
    /// Check cell → (formula, result).
    pub cells: BTreeMap<CellPos, (String, String)>,
    /// Value cell → the condition (formula) that marks it.
    pub marks: BTreeMap<CellPos, String>,
    pub summary_at: CellPos,
    pub summary: (String, String),
}

/// What the spreadsheet sees in each Value cell as written.
fn live_values(content: &ReturnContent) -> Values {
    content
        .values
        .iter()
        .map(|(code, input)| {
            let live = match input {
                CellInput::Blank => Live::Blank,
                CellInput::Number(n) => Live::Number(*n),
                CellInput::Text(t) => Live::Text(t.clone()),
                CellInput::Formula { result, .. } => match result.parse::<f64>() {
                    Ok(n) => Live::Number(n),
                    Err(_) if result.starts_with('#') => Live::Error,
                    Err(_) if result == "TRUE" || result == "FALSE" => Live::Other,
                    Err(_) => Live::Text(result.clone()),
                },
                // A date is a number to a spreadsheet: its serial day.
                CellInput::Date(d) => Live::Number(
                    (*d - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default())
                        .num_days() as f64,
                ),
            };
            (code.clone(), live)
        })
        .collect()
}

/// Lays the checks out on the sheet `placement` describes. A check reading an item
/// whose row is not in the return is left out.
pub fn lay_out(schema: &Schema, content: &ReturnContent, placement: &Placement) -> LiveSheet {
    let refs: Refs = placement
        .values
        .iter()
        .map(|(code, pos)| {
            (
                code.clone(),
                format!("${}${}", column(pos.col), pos.row + 1),
            )
        })
        .collect();
    let values = live_values(content);
    let all: Vec<LiveCheck> = checks(schema)
        .into_iter()
        .filter(|c| c.items().iter().all(|i| refs.contains_key(*i)))
        .filter(|c| refs.contains_key(&c.host))
        .collect();

    let mut cells = BTreeMap::new();
    let mut marks = BTreeMap::new();
    for (code, pos) in &placement.values {
        let hosted: Vec<&LiveCheck> = all.iter().filter(|c| &c.host == code).collect();
        if !hosted.is_empty() {
            let at = CellPos::new(pos.row, u32::from(CHECK_COL));
            cells.insert(at, check_cell(&hosted, &refs, &values));
        }
        let involving: Vec<Cond> = all
            .iter()
            .filter(|c| c.items().contains(&code.as_str()))
            .map(|c| c.when.clone())
            .collect();
        if !involving.is_empty() {
            let any: Vec<String> = factored(involving)
                .iter()
                .map(|c| c.guarded(&refs))
                .collect();
            marks.insert(*pos, format!("OR({})", any.join(",")));
        }
    }
    let fired = all.iter().filter(|c| c.when.eval(&values)).count();
    LiveSheet {
        cells,
        marks,
        summary_at: CellPos::new(
            placement.table_header_row.saturating_sub(1),
            u32::from(ITEM_COL),
        ),
        summary: summary(placement, fired),
    }
}

/// One Check cell: each firing check on a line of its own (MID drops the first
/// line break), and the result for the values as written.
fn check_cell(hosted: &[&LiveCheck], refs: &Refs, values: &Values) -> (String, String) {
    let joined: Vec<String> = hosted
        .iter()
        .map(|c| {
            format!(
                "IF({},CHAR(10)&{},\"\")",
                c.when.guarded(refs),
                message_formula(&c.says, refs)
            )
        })
        .collect();
    let result: Vec<String> = hosted
        .iter()
        .filter(|c| c.when.eval(values))
        .map(|c| message_eval(&c.says, values))
        .collect();
    (
        format!("MID({},2,32000)", joined.join("&")),
        result.join("\n"),
    )
}

/// The summary: it counts the checks shown in the Check column, the non-blank
/// cells and one more for each line break in them; `fired` of them for the values as written.
fn summary(placement: &Placement, fired: usize) -> (String, String) {
    let rows = placement.values.values().map(|p| p.row);
    let (first, last) = (rows.clone().min().unwrap_or(0), rows.max().unwrap_or(0));
    let col = column(u32::from(CHECK_COL));
    let range = format!("${col}${}:${col}${}", first + 1, last + 1);
    let n = format!(
        "(SUMPRODUCT(--({range}<>\"\"))+SUMPRODUCT(LEN({range})-LEN(SUBSTITUTE({range},CHAR(10),\"\"))))"
    );
    let formula = format!(
        "IF({n}=0,{},IF({n}=1,{},{n}&{}))",
        quoted(LIVE_NONE),
        quoted(LIVE_ONE),
        quoted(LIVE_MANY)
    );
    let result = match fired {
        0 => LIVE_NONE.to_string(),
        1 => LIVE_ONE.to_string(),
        n => format!("{n}{LIVE_MANY}"),
    };
    (formula, result)
}

/// Excel refuses a whole workbook over one formula longer than it allows, so a
/// schema that puts too many checks on one item is stopped here, by name.
fn too_long(live: &LiveSheet) -> Result<(), XlsxError> {
    let formulas = live
        .cells
        .iter()
        .map(|(pos, (f, _))| (*pos, f))
        .chain(live.marks.iter().map(|(pos, f)| (*pos, f)))
        .chain([(live.summary_at, &live.summary.0)]);
    for (pos, f) in formulas {
        let n = f.chars().count();
        if n > FORMULA_LIMIT {
            return Err(XlsxError::ParameterError(format!(
                "the live checks at {} need a formula of {n} characters, more than the {FORMULA_LIMIT} Excel allows: the schema puts too many relations and metrics on that row's item",
                pos.a1()
            )));
        }
    }
    Ok(())
}

/// `AND(j,a), AND(j,b)` as `AND(j,OR(a,b))`, keeping the order of first appearance:
/// a metric's four checks share their first condition, said once.
fn factored(conds: Vec<Cond>) -> Vec<Cond> {
    let mut out: Vec<(Option<Cond>, Vec<Cond>)> = Vec::new();
    for cond in conds {
        match cond {
            Cond::And(mut parts) if parts.len() > 1 => {
                let head = parts.remove(0);
                let rest = Cond::And(parts);
                match out.iter_mut().find(|(h, _)| h.as_ref() == Some(&head)) {
                    Some((_, group)) => group.push(rest),
                    None => out.push((Some(head), vec![rest])),
                }
            }
            other => out.push((None, vec![other])),
        }
    }
    out.into_iter()
        .map(|(head, mut group)| match head {
            None => group.remove(0),
            Some(head) if group.len() == 1 => {
                let Cond::And(rest) = group.remove(0) else {
                    unreachable!("grouped as AND")
                };
                Cond::And([vec![head], rest].concat())
            }
            Some(head) => Cond::And(vec![head, Cond::Or(group)]),
        })
        .collect()
}

fn column(col: u32) -> String {
    crate::ingest::column_letters(col)
}

/// Writes the Check column's heading and cells, the summary and the marking.
/// Every cell written here is locked: the sheet's protection keeps the formulas.
pub fn write(
    schema: &Schema,
    content: &ReturnContent,
    placement: &Placement,
    ws: &mut Worksheet,
    heading: &Format,
) -> Result<(), XlsxError> {
    let live = lay_out(schema, content, placement);
    too_long(&live)?;
    // A formula whose result is blank is saved with a blank result, not 0.
    ws.set_formula_result_default("");
    ws.set_column_width(CHECK_COL, 60)?;
    ws.write_string_with_format(
        placement.table_header_row,
        CHECK_COL,
        schema.template.check_column.as_str(),
        heading,
    )?;
    check_cells(&live, placement, ws)?;
    summary_cells(schema, &live, ws)?;
    marks(&live, ws)
}

/// A Check cell on every Value cell's row: its formula, or blank.
fn check_cells(
    live: &LiveSheet,
    placement: &Placement,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    // Dark red on white (8:1), and the words themselves: colour is never the only signal.
    let words = Format::new()
        .set_text_wrap()
        .set_font_color(Color::RGB(0x9C0006))
        .set_border(FormatBorder::Thin);
    for pos in placement.values.values() {
        let at = CellPos::new(pos.row, u32::from(CHECK_COL));
        match live.cells.get(&at) {
            Some((formula, result)) => ws.write_formula_with_format(
                at.row,
                CHECK_COL,
                Formula::new(formula).set_result(result.as_str()),
                &words,
            )?,
            None => ws.write_blank(at.row, CHECK_COL, &words)?,
        };
    }
    Ok(())
}

/// The summary above the table: its label and the count of checks to look at.
fn summary_cells(schema: &Schema, live: &LiveSheet, ws: &mut Worksheet) -> Result<(), XlsxError> {
    let (formula, result) = &live.summary;
    let at = live.summary_at;
    ws.write_string_with_format(
        at.row,
        CODE_COL,
        schema.template.checks_label.as_str(),
        &Format::new().set_bold(),
    )?;
    ws.write_formula_with_format(
        at.row,
        at.col as u16,
        Formula::new(formula).set_result(result.as_str()),
        &Format::new().set_bold(),
    )?;
    Ok(())
}

/// The conditional formats marking each Value cell a failing check reads.
fn marks(live: &LiveSheet, ws: &mut Worksheet) -> Result<(), XlsxError> {
    // A marked Value cell: bold on a light orange fill (black on it is 14:1) in a
    // dark orange border. Excel's conditional formats take thin borders only.
    let mark = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xF8CBAD))
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xC55A11));
    for (pos, when) in &live.marks {
        let rule = ConditionalFormatFormula::new()
            .set_rule(Formula::new(when))
            .set_format(&mark);
        ws.add_conditional_format(pos.row, pos.col as u16, pos.row, pos.col as u16, &rule)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;

    /// Every formula fits Excel's limit, in the bundled template.
    #[test]
    fn every_formula_fits_excel() {
        let s = Schema::bundled().unwrap();
        let la = s.las.by_code("886").unwrap();
        let content = ReturnContent::template(&s, la, Period::new(2025, 2).unwrap());
        let live = lay_out(&s, &content, &crate::template::place(&s, &content));
        assert_eq!(live.cells.len(), s.items.len());
        assert_eq!(live.marks.len(), s.items.len());
        let formulas = live
            .cells
            .values()
            .map(|(f, _)| f)
            .chain(live.marks.values())
            .chain([&live.summary.0]);
        for f in formulas {
            assert!(f.len() < FORMULA_LIMIT, "{} characters: {f}", f.len());
        }
    }
}
