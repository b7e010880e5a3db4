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
