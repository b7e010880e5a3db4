//! `kinbench run`: the orchestration on the committed sample returns, its data
//! exports, manifest, atomic folder and modes, and the command line.

mod alignment;
mod anonymise_key;
mod cli;
mod colours;
mod disclosure;
mod exports;
mod faults;
mod folder;
mod hostile;
mod modes;
mod scan;
mod threads;
mod without_outliers;
mod workbook_csv;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kinbench::pipeline::{self as run, Prepared, RunOptions};
use kinbench::schema::Schema;
use kinbench::validate::{validate_folder, Options, Validation};

pub const SAMPLE: &str = "sample_returns";
pub const SLUG: &str = "2025-26_Q2";

pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::bundled().expect("bundled schema"))
}

pub fn validate_options() -> Options {
    Options {
        region: schema()
            .las
            .region("South East")
            .expect("region")
            .into_iter()
            .cloned()
            .collect(),
        region_name: "South East".into(),
        limits: Default::default(),
    }
}

/// The sample returns validated once for the tests that start from a validation.
pub fn validation() -> &'static Validation {
    static V: OnceLock<Validation> = OnceLock::new();
    V.get_or_init(|| {
        validate_folder(schema(), Path::new(SAMPLE), &validate_options()).expect("validate")
    })
}

pub fn prepared(options: &RunOptions) -> Prepared {
    let v = validation().clone();
    let period = run::reporting_period(&v, options.period, Path::new(SAMPLE)).expect("period");
    run::prepare(schema(), v, period, options).expect("prepare")
}

/// A copy of sample_returns/ in `root/returns`, so that no run writes near the committed files.
pub fn copy_sample(root: &Path) -> PathBuf {
    let dest = root.join("returns");
    fs::create_dir_all(&dest).expect("mkdir");
    for entry in fs::read_dir(SAMPLE).expect("sample_returns") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), dest.join(entry.file_name())).expect("copy");
    }
    dest
}

/// A full run of a copy of the sample returns, data only, into `root/out`; returns the period folder.
pub fn full_run(root: &Path, options: &RunOptions) -> (Prepared, PathBuf) {
    let returns = copy_sample(root);
    let out = root.join("out");
    let ran = run::run(
        schema(),
        &returns,
        &out,
        &validate_options(),
        options,
        &run::quiet,
    )
    .expect("run");
    (ran.prepared, out.join(SLUG))
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, rel: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read_dir") {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel_path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if entry.file_type().expect("type").is_dir() {
                walk(&entry.path(), &rel_path, out);
            } else {
                out.insert(rel_path, fs::read(entry.path()).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// A CSV file as header and rows of text.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).expect("csv");
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Rows of a CSV as maps from column name to text.
pub fn csv_maps(path: &Path) -> Vec<BTreeMap<String, String>> {
    let (header, rows) = read_csv(path);
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}
