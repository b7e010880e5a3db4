//! Reading written workbooks back with calamine and zip, for the template and sample tests.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use kinbench::ingest::CellPos;
use kinbench::schema::{La, Schema};

pub(crate) fn schema() -> Schema {
    Schema::bundled().unwrap()
}

pub(crate) fn la(schema: &Schema, code: &str) -> La {
    schema.las.by_code(code).unwrap().clone()
}

/// Every non-empty cell of a sheet by (row, col), 0-based, as calamine reads it.
pub(crate) fn read_sheet(path: &Path, sheet: &str) -> BTreeMap<(u32, u32), Data> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .map(|(r, c, d)| ((r as u32 + r0, c as u32 + c0), d.clone()))
        .collect()
}

pub(crate) fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

pub(crate) fn at(cells: &BTreeMap<(u32, u32), Data>, pos: CellPos) -> Data {
    cells
        .get(&(pos.row, pos.col))
        .cloned()
        .unwrap_or(Data::Empty)
}

pub(crate) fn zip_entry(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// A cell typed by hand, for [`fill_blank_cells`].
pub(crate) enum Typed {
    Number(f64),
    Text(String),
    /// A spreadsheet error value such as `#N/A`, as a pasted result leaves it.
    Error(String),
}

/// Types values into cells of the Return sheet as a spreadsheet program saves
/// them, keeping each cell's style: rewrites `xl/worksheets/sheet1.xml` in the
/// zip and copies every other part unchanged. A cell must be blank in the
/// template, unless `over` lets it replace what is there (a formula, say).
pub(crate) fn type_cells(from: &Path, to: &Path, cells: &[(String, Typed)], over: bool) {
    use std::io::Write;
    let mut xml = zip_entry(from, "xl/worksheets/sheet1.xml");
    for (a1, typed) in cells {
        let start = xml
            .find(&format!("<c r=\"{a1}\" "))
            .unwrap_or_else(|| panic!("no cell {a1} in the template"));
        let open_end = start + xml[start..].find('>').unwrap() + 1;
        let open = &xml[start..open_end];
        let (attrs, end) = match open.strip_suffix("/>") {
            Some(attrs) => (attrs.to_string(), open_end),
            None => {
                assert!(over, "{a1} is not blank in the template: {open}");
                let style = open
                    .split(' ')
                    .find(|a| a.starts_with("s="))
                    .map_or(String::new(), |s| format!(" {}", s.trim_end_matches('>')));
                let close = open_end + xml[open_end..].find("</c>").unwrap() + 4;
                (format!("<c r=\"{a1}\"{style}"), close)
            }
        };
        let filled = match typed {
            Typed::Number(n) => format!("{attrs}><v>{n}</v></c>"),
            Typed::Text(t) => format!("{attrs} t=\"inlineStr\"><is><t>{t}</t></is></c>"),
            Typed::Error(e) => format!("{attrs} t=\"e\"><v>{e}</v></c>"),
        };
        xml.replace_range(start..end, &filled);
    }
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            bytes = xml.clone().into_bytes();
        }
        zout.start_file(name, options).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
}

/// [`type_cells`] into cells blank in the template.
pub(crate) fn fill_blank_cells(from: &Path, to: &Path, cells: &[(String, Typed)]) {
    type_cells(from, to, cells, false)
}
