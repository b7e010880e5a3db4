//! Seeded, realistic filled returns for any region and periods, with planted faults.
//!
//! [`simulate`] draws every LA's clean values; [`generate`] writes them through
//! the template writer, plants the faults in data and writes `manifest.csv`,
//! the findings the validator must raise.

pub mod check;
mod expected;
pub mod faults;
pub mod manifest;
pub mod model;
mod people;
pub mod simulate;
mod tweaks;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::period::Period;
use crate::schema::{La, Schema};
use crate::template::{file_name, write_return, CellInput, ReturnContent};

pub use faults::Fault;
pub use manifest::ManifestRow;
pub use model::Values;
pub use simulate::{simulate, CleanReturn, Dataset};

#[derive(Debug, Clone)]
pub struct SampleOptions {
    pub region: Vec<La>,
    /// Consecutive periods, ascending.
    pub periods: Vec<Period>,
    pub seed: u64,
    /// Plant the realistic faults and write `manifest.csv`.
    pub faults: bool,
}

#[derive(Debug, Clone, Default)]
pub struct SampleReport {
    /// Every return written, in the order written.
    pub returns: Vec<PathBuf>,
    /// `manifest.csv`, written with `--faults`.
    pub manifest_file: Option<PathBuf>,
    pub faults_planted: usize,
    /// The manifest's rows (empty without faults).
    pub manifest: Vec<ManifestRow>,
}

#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("sample options: {0}")]
    Options(String),
    #[error("sample model: {0}")]
    Model(String),
}

/// Independent streams, so planting faults never changes the values.
const PEOPLE_STREAM: u64 = 0x5045_4f50_4c45;
const FAULT_STREAM: u64 = 0x4641_554c_5453;

/// Notes an LA writes against "other" reasons (the item asks for them).
const OTHER_REASON_NOTES: [&str; 3] = [
    "Awaiting a court decision",
    "Carer's health assessment outstanding",
    "Placement made out of hours",
];

/// Writes the returns into `out_dir` (created if missing).
pub fn generate(
    schema: &Schema,
    options: &SampleOptions,
    out_dir: &Path,
) -> Result<SampleReport, SampleError> {
    let ds = simulate(schema, options)?;
    std::fs::create_dir_all(out_dir).map_err(|e| SampleError::Write {
        path: out_dir.display().to_string(),
        message: e.to_string(),
    })?;
    let plan = if options.faults {
        plan(&ds, options)
    } else {
        BTreeMap::new()
    };

    let mut people = ChaCha8Rng::seed_from_u64(options.seed ^ PEOPLE_STREAM);
    let contacts: Vec<_> = options
        .region
        .iter()
        .map(|la| people::contact(la, &mut people))
        .collect();
    let mut report = SampleReport {
        faults_planted: plan.len(),
        ..SampleReport::default()
    };
    for clean in &ds.returns {
        let i = options
            .region
            .iter()
            .position(|la| la.code == clean.la.code)
            .unwrap_or(0);
        let content = filled(schema, clean, contacts.get(i), &mut people);
        let files = match plan.get(&(clean.period, clean.la.code.clone())) {
            None => vec![(file_name(&clean.la, clean.period), content)],
            Some(&(fault, other)) => {
                let other = options.region.get(other).unwrap_or(&clean.la);
                let outcome = faults::plant(schema, &ds, fault, clean, &content, other)?;
                report.manifest.extend(outcome.rows);
                outcome.files
            }
        };
        for (name, content) in files {
            let path = out_dir.join(name);
            write_return(schema, &content, &path).map_err(|e| SampleError::Write {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            report.returns.push(path);
        }
    }
    if options.faults {
        let path = out_dir.join(manifest::FILE);
        manifest::write(&path, &report.manifest)?;
        report.manifest_file = Some(path);
    }
    Ok(report)
}

/// The clean return as its LA's officer fills the template: the values, who
/// completed it and when, and a note against any "other" reasons.
fn filled(
    schema: &Schema,
    clean: &CleanReturn,
    contact: Option<&people::Contact>,
    people: &mut ChaCha8Rng,
) -> ReturnContent {
    let date = people::completed_on(clean.period, people);
    let mut content = ReturnContent::template(schema, &clean.la, clean.period);
    // As returns from a template before the live checks: the committed sample
    // stays as it was, and the reader is shown such returns still read alike.
    content.live_checks = false;
    for (code, v) in &clean.values {
        content.values.insert(code.clone(), CellInput::Number(*v));
    }
    if let Some(contact) = contact {
        content
            .header
            .insert("completed_by".into(), CellInput::Text(contact.name.clone()));
        content
            .header
            .insert("email".into(), CellInput::Text(contact.email.clone()));
    }
    content
        .header
        .insert("date_completed".into(), CellInput::Date(date));
    content.created = date;
    if clean.values.get("E06").is_some_and(|&n| n > 0.0) {
        let pick = people.random_range(0..OTHER_REASON_NOTES.len() as u32) as usize;
        content
            .notes
            .insert("E06".into(), OTHER_REASON_NOTES[pick].to_string());
    }
    content
}

/// Which LA-period carries which fault, with the region index of another LA
/// (for the name mismatch). Each fault goes to a different LA, never the
/// approvals outlier, so the seeded proportions and each fault's neighbours stay clean.
fn plan(ds: &Dataset, options: &SampleOptions) -> BTreeMap<(Period, String), (Fault, usize)> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ FAULT_STREAM);
    let mut candidates: Vec<usize> = (0..options.region.len())
        .filter(|&i| Some(&options.region[i].code) != ds.outlier.as_ref())
        .collect();
    // Fisher–Yates with u32 draws: the same order on 32- and 64-bit platforms.
    for i in (1..candidates.len()).rev() {
        let j = rng.random_range(0..=i as u32) as usize;
        candidates.swap(i, j);
    }
    let mut out = BTreeMap::new();
    let n = options.region.len() as u32;
    for (&fault, &i) in Fault::ALL.iter().zip(&candidates) {
        let la = &options.region[i];
        let drawn = options.periods[rng.random_range(0..options.periods.len() as u32) as usize];
        let period = faults::preferred_period(fault, ds, la).unwrap_or(drawn);
        let offset = rng.random_range(1..n.max(2));
        let other = (i + offset as usize) % options.region.len();
        out.insert((period, la.code.clone()), (fault, other));
    }
    out
}
