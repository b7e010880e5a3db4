//! What goes into one return file, as data: header values, per-item cell
//! inputs, notes and layout tweaks. The blank template and every sample return
//! (faults included) are a [`ReturnContent`] handed to the one writer.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::ingest::{CellPos, CellRef};
use crate::period::Period;
use crate::schema::{La, Schema};

/// What to put in one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellInput {
    /// Nothing typed (the cell keeps its format and validation).
    Blank,
    Number(f64),
    /// Written as a string, never as a formula.
    Text(String),
    /// A formula (with or without the leading `=`) and the result saved with it,
    /// e.g. `=1/0` with `#DIV/0!`.
    Formula {
        formula: String,
        result: String,
    },
    Date(NaiveDate),
}

/// One row of the item table below its header row, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum RowSpec {
    /// A section heading (section id); no code.
    Section(String),
    /// An item row (item code).
    Item(String),
    /// An empty row, as an LA might insert.
    Blank,
    /// A row with only a comment in the Item column, as an LA might insert.
    Comment(String),
}

/// A sheet an LA added, holding lines of text in column A.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraSheet {
    pub name: String,
    pub lines: Vec<String>,
}

/// Everything one return file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnContent {
    /// Top line of the return sheet.
    pub title: String,
    /// By schema header key (`la_name`, `period`, ...); a missing key is blank.
    pub header: BTreeMap<String, CellInput>,
    /// By item code; a missing code is blank.
    pub values: BTreeMap<String, CellInput>,
    /// By item code: text for the Notes cell.
    pub notes: BTreeMap<String, String>,
    /// The return sheet's name; `None` is the schema's (`Return`).
    pub sheet_name: Option<String>,
    /// The item table's rows in order.
    pub rows: Vec<RowSpec>,
    /// Sheets added after the return and guidance sheets.
    pub extra_sheets: Vec<ExtraSheet>,
    /// Offered by the Period cell's drop-down.
    pub period_choices: Vec<Period>,
    /// The workbook's creation date (document properties), so output is reproducible.
    pub created: NaiveDate,
    /// Whether the return sheet carries the live checks (the Check column and its
    /// summary), and the Guidance sheet points to the self-check page.
    pub live_checks: bool,
}

impl ReturnContent {
    /// The blank template for an LA and period: the fields the analyst fills
    /// (LA name and code, period, template version), rows in schema order.
    pub fn template(schema: &Schema, la: &La, period: Period) -> ReturnContent {
        ReturnContent::template_in(schema, schema.template.version, la, period)
    }

    /// The blank template of an earlier (or any known) template `version`: its
    /// items only, and its number in the header. The network sends only the
    /// current one; this writes the returns an older template gave.
    pub fn template_in(schema: &Schema, version: u32, la: &La, period: Period) -> ReturnContent {
        let mut header = BTreeMap::new();
        header.insert("la_name".to_string(), CellInput::Text(la.name.clone()));
        let code = match la.code.trim().parse::<u32>() {
            Ok(n) => CellInput::Number(f64::from(n)),
            Err(_) => CellInput::Text(la.code.clone()),
        };
        header.insert("la_code".to_string(), code);
        header.insert("period".to_string(), CellInput::Text(period.to_string()));
        header.insert(
            "template_version".to_string(),
            CellInput::Number(f64::from(version)),
        );
        ReturnContent {
            title: format!(
                "Quarterly kinship care benchmarking return, template version {version}"
            ),
            header,
            values: BTreeMap::new(),
            notes: BTreeMap::new(),
            sheet_name: None,
            rows: rows_in(schema, version),
            extra_sheets: Vec::new(),
            period_choices: periods_around(period, 4),
            created: period.first_day(),
            live_checks: true,
        }
    }

    /// The return sheet's name as written.
    pub fn sheet(&self, schema: &Schema) -> String {
        self.sheet_name
            .clone()
            .unwrap_or_else(|| schema.template.sheet.clone())
    }
}

/// Section heading then its items, for every section in schema order, in
/// the current template version.
pub fn default_rows(schema: &Schema) -> Vec<RowSpec> {
    rows_in(schema, schema.template.version)
}

/// Section heading then its items in template `version`, for every section
/// with an item in it.
pub fn rows_in(schema: &Schema, version: u32) -> Vec<RowSpec> {
    let mut rows = Vec::new();
    for section in &schema.sections {
        let items: Vec<RowSpec> = schema
            .items_in(&section.id)
            .filter(|i| i.in_version(version))
            .map(|i| RowSpec::Item(i.code.clone()))
            .collect();
        if items.is_empty() {
            continue;
        }
        rows.push(RowSpec::Section(section.id.clone()));
        rows.extend(items);
    }
    rows
}

/// `span` quarters either side of `period` and the period itself, ascending.
pub fn periods_around(period: Period, span: usize) -> Vec<Period> {
    let mut first = period;
    for _ in 0..span {
        first = first.prev();
    }
    let mut out = vec![first];
    for _ in 0..2 * span {
        let next = out.last().map_or(first, |p| p.next());
        out.push(next);
    }
    out
}

/// Columns of the return sheet, 0-based: Code, Item, Value, Notes, then the
/// template's own Check column. The header block uses the first two (label, value).
pub const CODE_COL: u16 = 0;
pub const ITEM_COL: u16 = 1;
pub const VALUE_COL: u16 = 2;
pub const NOTES_COL: u16 = 3;
pub const CHECK_COL: u16 = 4;
/// Column of the header block's values (labels are in column A).
pub const HEADER_VALUE_COL: u16 = 1;

/// Where the writer puts things on the return sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub sheet: String,
    /// Header key → the value cell (column B of its label's row).
    pub header: BTreeMap<String, CellPos>,
    /// 0-based row of `Code | Item | Value | Notes`.
    pub table_header_row: u32,
    /// Item code → its Value cell (first occurrence when a code repeats).
    pub values: BTreeMap<String, CellPos>,
}

impl Placement {
    /// `Return!C23` for an item's value cell.
    pub fn value_ref(&self, code: &str) -> Option<CellRef> {
        self.values.get(code).map(|&pos| CellRef {
            sheet: self.sheet.clone(),
            pos,
        })
    }

    /// `Return!B2` for a header field's value cell.
    pub fn header_ref(&self, key: &str) -> Option<CellRef> {
        self.header.get(key).map(|&pos| CellRef {
            sheet: self.sheet.clone(),
            pos,
        })
    }
}

/// The layout: title in row 1, one row per schema header field, a blank row,
/// the table header, then `content.rows`.
pub fn place(schema: &Schema, content: &ReturnContent) -> Placement {
    let mut header = BTreeMap::new();
    for (i, field) in schema.headers.iter().enumerate() {
        header.insert(
            field.key.clone(),
            CellPos::new(1 + i as u32, u32::from(HEADER_VALUE_COL)),
        );
    }
    let table_header_row = 1 + schema.headers.len() as u32 + 1;
    let mut values = BTreeMap::new();
    for (i, row) in content.rows.iter().enumerate() {
        if let RowSpec::Item(code) = row {
            let pos = CellPos::new(table_header_row + 1 + i as u32, u32::from(VALUE_COL));
            values.entry(code.clone()).or_insert(pos);
        }
    }
    Placement {
        sheet: content.sheet(schema),
        header,
        table_header_row,
        values,
    }
}
