//! Writes small workbooks for the ingest tests with rust_xlsxwriter.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

/// A value to write into one cell.
#[derive(Debug, Clone)]
pub enum V {
    N(f64),
    T(&'static str),
    B(bool),
    /// A date, `yyyy-mm-dd`.
    D(u16, u8, u8),
    /// A formula and the cached result Excel would have saved.
    F(&'static str, &'static str),
}

/// One sheet: a name, visibility and cells at (row, col), 0-based.
pub struct SheetSpec {
    pub name: String,
    pub hidden: bool,
    pub cells: Vec<(u32, u16, V)>,
    /// (first row, first col, last row, last col, text) merged areas.
    pub merges: Vec<(u32, u16, u32, u16, &'static str)>,
}

impl SheetSpec {
    pub fn new(name: &str) -> SheetSpec {
        SheetSpec {
            name: name.to_string(),
            hidden: false,
            cells: Vec::new(),
            merges: Vec::new(),
        }
    }

    pub fn hidden(mut self) -> SheetSpec {
        self.hidden = true;
        self
    }

    pub fn cell(mut self, row: u32, col: u16, v: V) -> SheetSpec {
        self.cells.push((row, col, v));
        self
    }

    /// The template's header block and table, with its top-left corner at (row, col).
    /// Items: A01 = 1200, A02 = 800, A03 = 150, with a section heading above them.
    pub fn return_at(self, row: u32, col: u16) -> SheetSpec {
        let header = [
            ("Local authority", V::T("Kent")),
            ("LA code", V::N(886.0)),
            ("Period", V::T("2025-26 Q2")),
            ("Template version", V::N(1.0)),
            ("Date completed", V::D(2025, 10, 14)),
        ];
        let mut s = self;
        for (i, (label, value)) in header.into_iter().enumerate() {
            s = s
                .cell(row + i as u32, col, V::T(label))
                .cell(row + i as u32, col + 1, value);
        }
        let t = row + 6;
        s.cell(t, col, V::T("Code"))
            .cell(t, col + 1, V::T("Item"))
            .cell(t, col + 2, V::T("Value"))
            .cell(t, col + 3, V::T("Notes"))
            .cell(t + 1, col + 1, V::T("A. Children looked after"))
            .cell(t + 2, col, V::T("A01"))
            .cell(t + 2, col + 2, V::N(1200.0))
            .cell(t + 3, col, V::T("A02"))
            .cell(t + 3, col + 2, V::N(800.0))
            .cell(t + 3, col + 3, V::T("estimate"))
            .cell(t + 4, col, V::T("A03"))
            .cell(t + 4, col + 2, V::N(150.0))
    }

    pub fn merge(mut self, r0: u32, c0: u16, r1: u32, c1: u16, text: &'static str) -> SheetSpec {
        self.merges.push((r0, c0, r1, c1, text));
        self
    }
}

fn write(ws: &mut Worksheet, row: u32, col: u16, v: &V) -> Result<(), rust_xlsxwriter::XlsxError> {
    match v {
        V::N(n) => ws.write_number(row, col, *n).map(|_| ()),
        V::T(t) => ws.write_string(row, col, *t).map(|_| ()),
        V::B(b) => ws.write_boolean(row, col, *b).map(|_| ()),
        V::D(y, m, d) => {
            let date = ExcelDateTime::from_ymd(*y, *m, *d)?;
            ws.write_datetime_with_format(
                row,
                col,
                &date,
                &Format::new().set_num_format("yyyy-mm-dd"),
            )
            .map(|_| ())
        }
        V::F(f, result) => ws
            .write_formula(row, col, Formula::new(*f).set_result(*result))
            .map(|_| ()),
    }
}

/// Writes `sheets` to `dir/name` and returns the path.
pub fn xlsx(dir: &Path, name: &str, sheets: Vec<SheetSpec>) -> PathBuf {
    let mut wb = Workbook::new();
    for spec in &sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&spec.name).expect("sheet name");
        for (row, col, v) in &spec.cells {
            write(ws, *row, *col, v).expect("cell");
        }
        for (r0, c0, r1, c1, text) in &spec.merges {
            ws.merge_range(*r0, *c0, *r1, *c1, text, &Format::new())
                .expect("merge");
        }
        if spec.hidden {
            ws.set_hidden(true);
        }
    }
    let path = dir.join(name);
    wb.save(&path).expect("save workbook");
    path
}

/// `dir/return.xlsx` with two sheets, `Return` and `second`, each holding the template's table.
pub fn return_and(dir: &Path, second: &str) -> PathBuf {
    xlsx(
        dir,
        "return.xlsx",
        vec![
            SheetSpec::new("Return").return_at(0, 0),
            SheetSpec::new(second).return_at(0, 0),
        ],
    )
}

/// Replaces `from` with `to` in one part of a saved xlsx, to write what Excel writes
/// and rust_xlsxwriter does not (an empty cached formula result, say).
pub fn patch_part(path: &Path, part: &str, from: &str, to: &str) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("read workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).expect("rewrite"));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("entry name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("entry content");
        if name == part {
            let text = String::from_utf8(content).expect("xml");
            assert!(text.contains(from), "{part} has no {from}");
            content = text.replace(from, to).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&content).expect("write");
    }
    out.finish().expect("finish");
}
