//! The sample run (validated and aggregated once), workbooks written in each
//! mode, and readers for what was written: cells through calamine, parts through zip.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use kinbench::aggregate::{benchmark, Benchmark};
use kinbench::period::Period;
use kinbench::report::workbook::{file_name, write_workbook};
use kinbench::report::{Presenter, RunContext, RunInfo};
use kinbench::schema::Schema;
use kinbench::validate::{validate_folder, Options, Validation};

pub struct Run {
    pub schema: Schema,
    pub validation: Validation,
    pub benchmark: Benchmark,
}

pub fn period() -> Period {
    Period::parse("2025-26 Q2").unwrap().0
}

/// sample_returns/ validated and aggregated for 2025-26 Q2, once for all tests.
pub fn sample() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let schema = Schema::bundled().unwrap();
        let region: Vec<_> = schema
            .las
            .region("South East")
            .unwrap()
            .into_iter()
            .cloned()
            .collect();
        let options = Options {
            region,
            region_name: "South East".into(),
            limits: Default::default(),
        };
        let validation = validate_folder(&schema, Path::new("sample_returns"), &options).unwrap();
        let benchmark = benchmark(&schema, &validation, period()).unwrap();
        Run {
            schema,
            validation,
            benchmark,
        }
    })
}

#[derive(Clone, Copy)]
pub enum Mode {
    Internal,
    Publish,
    Anonymise,
}

/// Writes `run`'s workbook in `mode` into `dir` and returns its path.
pub fn write(run: &Run, mode: Mode, dir: &Path) -> PathBuf {
    let region = &run.validation.region;
    let presenter = match mode {
        Mode::Internal => Presenter::internal(),
        Mode::Publish => {
            Presenter::new(region, true, false).withholding(&run.schema, &run.validation)
        }
        Mode::Anonymise => Presenter::new(region, false, true),
    };
    let info = RunInfo {
        tool: "kinbench test".into(),
        schema_origin: run.schema.origin.clone(),
        region_name: run.validation.region_name.clone(),
        period: Some(run.benchmark.period),
        as_of: RunInfo::as_of(&run.validation, Some(run.benchmark.period)),
        mail: Default::default(),
    };
    let ctx = RunContext {
        schema: &run.schema,
        validation: &run.validation,
        benchmark: Some(&run.benchmark),
        presenter: &presenter,
        info: &info,
        ticks: Default::default(),
    };
    let path = dir.join(file_name(run.benchmark.period));
    write_workbook(&ctx, &run.benchmark, &path).unwrap();
    path
}

pub fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
}

pub fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

/// A cell as text: strings as they are, numbers in their shortest form, empty as "".
pub fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(other) => format!("{other:?}"),
    }
}

/// A numeric cell's value; None for text or empty.
pub fn number(range: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

/// The row whose column A reads `label`.
pub fn row_of(range: &Range<Data>, label: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| text(range, r, 0) == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// Every part of the xlsx zip: (name, content as text).
pub fn parts(path: &Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.push((f.name().unwrap().to_string(), s));
    }
    out.sort();
    out
}

/// The worksheet part of the sheet at 0-based `index` (rust_xlsxwriter numbers them in order).
pub fn sheet_xml(parts: &[(String, String)], index: usize) -> &str {
    let name = format!("xl/worksheets/sheet{}.xml", index + 1);
    &parts.iter().find(|(n, _)| *n == name).unwrap().1
}
