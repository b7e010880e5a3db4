//! Hand-built `Located` returns, so the rules are tested without reading files.
//!
//! Layout (0-based rows): header labels in column A, values in column B, rows
//! 1–7 (`Return!B2` .. `Return!B8`); the table header on row 9; then for each
//! section a heading row and its items, Code in A, Value in C, Notes in D.
//! So A01 is `Return!C12`, B01 `Return!C17`, G02 `Return!C49`; rows added by
//! [`ReturnBuilder::add_row`] or [`ReturnBuilder::stray`] start at `Return!C50`.

use std::sync::OnceLock;

use kinbench::ingest::{Cell, CellPos, CellRef, HeaderValue, Located, RawCell, TableRow};
use kinbench::schema::{La, Schema};
use kinbench::template::{CellInput, ReturnContent};
use kinbench::validate::{validate_located, Options, Submission};

pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::bundled().expect("bundled schema loads"))
}

pub fn la(code: &str) -> La {
    schema().las.by_code(code).expect("LA in lookup").clone()
}

/// A South East run.
pub fn options() -> Options {
    let region = schema()
        .las
        .region("South East")
        .expect("region")
        .into_iter()
        .cloned()
        .collect();
    Options {
        region,
        region_name: "South East".into(),
        limits: Default::default(),
    }
}

/// A plausible, consistent Kent return: every relation holds, every metric computable.
const CLEAN: [(&str, f64); 32] = [
    ("A01", 1500.0),
    ("A02", 1100.0),
    ("A03", 180.0),
    ("A04", 25.0),
    ("B01", 150.0),
    ("B02", 20.0),
    ("B02a", 12.0),
    ("B02b", 2.0),
    ("B02c", 5.0),
    ("B02d", 1.0),
    ("B03", 8.0),
    ("C01", 60.0),
    ("C02", 30.0),
    ("C03", 12.0),
    ("C04", 15.0),
    ("D01", 12.0),
    ("D02", 10.0),
    ("D03", 4.0),
    ("D04", 15.0),
    ("D05", 2.0),
    ("E01", 6.0),
    ("E02", 1.0),
    ("E03", 2.0),
    ("E04", 1.0),
    ("E05", 1.0),
    ("E06", 1.0),
    ("F01", 18.0),
    ("F02", 40.0),
    ("F03", 12.0),
    ("F04", 3.0),
    ("G01", 12.5),
    ("G02", 200.0),
];

/// The clean Kent 2025-26 Q2 return as the template writer writes it, for
/// tests that read real files.
pub fn clean_content() -> ReturnContent {
    let s = schema();
    let period = kinbench::period::Period::new(2025, 2).expect("period");
    let mut c = ReturnContent::template(s, &la("886"), period);
    for (code, v) in CLEAN {
        c.values.insert(code.to_string(), CellInput::Number(v));
    }
    for (key, v) in [
        ("completed_by", "A. Officer"),
        ("email", "a.officer@kent.gov.uk"),
    ] {
        c.header.insert(key.into(), CellInput::Text(v.into()));
    }
    let date = chrono::NaiveDate::from_ymd_opt(2025, 10, 14).expect("date");
    c.header
        .insert("date_completed".into(), CellInput::Date(date));
    c.created = date;
    c
}

struct Row {
    code: String,
    row: u32,
    value: Option<Cell>,
    notes: Option<String>,
}

pub struct ReturnBuilder {
    sheet: String,
    headers: Vec<(String, u32, Option<Cell>)>,
    rows: Vec<Row>,
    strays: Vec<(u32, Cell)>,
    next_row: u32,
}

fn text(s: &str) -> Option<Cell> {
    Some(Cell::value(RawCell::Text(s.into())))
}

impl ReturnBuilder {
    pub fn clean() -> ReturnBuilder {
        let s = schema();
        let headers = vec![
            ("la_name".to_string(), 1, text("Kent")),
            (
                "la_code".to_string(),
                2,
                Some(Cell::value(RawCell::Number(886.0))),
            ),
            ("period".to_string(), 3, text("2025-26 Q2")),
            (
                "template_version".to_string(),
                4,
                Some(Cell::value(RawCell::Number(1.0))),
            ),
            ("completed_by".to_string(), 5, text("A. Officer")),
            ("email".to_string(), 6, text("a.officer@kent.gov.uk")),
            (
                "date_completed".to_string(),
                7,
                Some(Cell::value(RawCell::Date("2025-10-14".into()))),
            ),
        ];
        let mut rows = Vec::new();
        let mut r = 10;
        let mut section = "";
        for item in &s.items {
            if item.section != section {
                section = &item.section;
                r += 1; // the section's heading row
            }
            let v = CLEAN.iter().find(|(c, _)| *c == item.code).map(|(_, v)| *v);
            let v = v.unwrap_or_else(|| panic!("CLEAN has no value for {}", item.code));
            rows.push(Row {
                code: item.code.clone(),
                row: r,
                value: Some(Cell::value(RawCell::Number(v))),
                notes: None,
            });
            r += 1;
        }
        assert_eq!(
            rows.len(),
            CLEAN.len(),
            "CLEAN covers every schema item once"
        );
        ReturnBuilder {
            sheet: "Return".into(),
            headers,
            rows,
            strays: Vec::new(),
            next_row: r,
        }
    }

    /// The same return for another period (canonical spelling).
    pub fn for_period(self, period: &str) -> ReturnBuilder {
        self.header("period", RawCell::Text(period.into()))
    }

    pub fn sheet(mut self, name: &str) -> ReturnBuilder {
        self.sheet = name.into();
        self
    }

    pub fn set(self, code: &str, raw: RawCell) -> ReturnBuilder {
        self.set_cell(code, Cell::value(raw))
    }

    pub fn set_cell(mut self, code: &str, cell: Cell) -> ReturnBuilder {
        let row = self
            .rows
            .iter_mut()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no row {code}"));
        row.value = Some(cell);
        self
    }

    /// The Value cell left empty (no cell at all).
    pub fn blank(mut self, code: &str) -> ReturnBuilder {
        let row = self
            .rows
            .iter_mut()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no row {code}"));
        row.value = None;
        self
    }

    pub fn note(mut self, code: &str, note: &str) -> ReturnBuilder {
        let row = self
            .rows
            .iter_mut()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no row {code}"));
        row.notes = Some(note.into());
        self
    }

    pub fn remove_row(mut self, code: &str) -> ReturnBuilder {
        self.rows.retain(|r| r.code != code);
        self
    }

    /// A row below the table with `code` typed in the Code column.
    pub fn add_row(mut self, code: &str, raw: RawCell) -> ReturnBuilder {
        let row = self.next_row;
        self.next_row += 1;
        self.rows.push(Row {
            code: code.into(),
            row,
            value: Some(Cell::value(raw)),
            notes: None,
        });
        self
    }

    /// A value in the Value column of a row with no code.
    pub fn stray(mut self, raw: RawCell) -> ReturnBuilder {
        self.strays.push((self.next_row, Cell::value(raw)));
        self.next_row += 1;
        self
    }

    pub fn header(mut self, key: &str, raw: RawCell) -> ReturnBuilder {
        let h = self
            .headers
            .iter_mut()
            .find(|h| h.0 == key)
            .unwrap_or_else(|| panic!("no header {key}"));
        h.2 = Some(Cell::value(raw));
        self
    }

    /// The header's value cell left empty.
    pub fn header_blank(mut self, key: &str) -> ReturnBuilder {
        let h = self
            .headers
            .iter_mut()
            .find(|h| h.0 == key)
            .unwrap_or_else(|| panic!("no header {key}"));
        h.2 = None;
        self
    }

    pub fn build(&self) -> Located {
        let at = |row: u32, col: u32| CellRef {
            sheet: self.sheet.clone(),
            pos: CellPos::new(row, col),
        };
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        rows.sort_by_key(|r| r.row);
        Located {
            sheet: self.sheet.clone(),
            sheet_named_as_template: self.sheet.trim().eq_ignore_ascii_case("Return"),
            header_row: 9,
            code_col: 0,
            value_col: 2,
            notes_col: Some(3),
            header: self
                .headers
                .iter()
                .map(|(key, row, value)| HeaderValue {
                    key: key.clone(),
                    label_at: at(*row, 0),
                    value_at: at(*row, 1),
                    value: value.clone(),
                })
                .collect(),
            rows: rows
                .into_iter()
                .map(|r| TableRow {
                    code: r.code.trim().to_string(),
                    code_at: at(r.row, 0),
                    value_at: at(r.row, 2),
                    value: r.value.clone(),
                    notes: r.notes.clone(),
                })
                .collect(),
            other_return_sheets: Vec::new(),
            stray_values: self
                .strays
                .iter()
                .map(|(row, c)| (at(*row, 2), c.clone()))
                .collect(),
        }
    }

    /// Validated as `return.xlsx` (a name naming no LA or period) in a South East run.
    pub fn validate(&self) -> Submission {
        self.validate_as("return.xlsx")
    }

    pub fn validate_as(&self, file: &str) -> Submission {
        validate_located(schema(), file, &self.build(), &options())
    }
}
