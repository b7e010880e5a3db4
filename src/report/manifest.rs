//! `manifest.json`: what a run read and wrote, so a folder of results can be
//! checked against its inputs and its own files later. Holds no clock time:
//! the same inputs give the same manifest.

use std::fs;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;
use crate::digest::sha256_file;
use crate::validate::{ReturnStatus, Severity};

/// The manifest's file name, at the top of the run's folder.
pub const MANIFEST: &str = "manifest.json";

/// Writes `manifest.json` into `dir`, listing every file already in `dir`:
/// call it after every other writer.
pub fn write_manifest(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    dir: &Path,
) -> Result<(String, String), ReportError> {
    let outputs = outputs(ctx, dir)?;
    let n_outputs = outputs.len();
    let manifest = sorted(manifest(ctx, benchmark, outputs));
    let path = dir.join(MANIFEST);
    let mut text = serde_json::to_string_pretty(&manifest).map_err(|e| ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    text.push('\n');
    fs::write(&path, text).map_err(|e| ReportError::write(&path, &e))?;
    Ok((
        MANIFEST.to_string(),
        format!("inputs and {n_outputs} outputs with SHA-256"),
    ))
}

fn manifest(ctx: &RunContext<'_>, benchmark: &Benchmark, outputs: Vec<Value>) -> Value {
    let (v, p, info) = (ctx.validation, ctx.presenter, ctx.info);
    let inputs: Vec<Value> = v
        .submissions
        .iter()
        .map(|s| {
            let code = s.la.as_ref().map(|l| l.code.clone());
            json!({
                "file": p.file_name(&s.file, code.as_deref(), s.period),
                "sha256": s.sha256,
                "la_code": if p.anonymise() { None } else { code },
                "la_name": s.la.as_ref().map(|l| p.la(l)),
                "period": s.period.map(|x| x.to_string()),
                "status": s.status.as_str(),
            })
        })
        .collect();
    let periods: Vec<Value> = benchmark
        .periods
        .iter()
        .map(|&period| {
            let received = v
                .region
                .iter()
                .filter(|la| v.used(&la.code, period).is_some())
                .count();
            let not_received = v.not_received.iter().filter(|(_, q)| *q == period).count();
            json!({ "period": period.to_string(), "las_received": received, "las_not_received": not_received })
        })
        .collect();
    let severity = |s: Severity| v.findings.iter().filter(|f| f.severity == s).count();
    let status = |s: ReturnStatus| v.submissions.iter().filter(|x| x.status == s).count();
    json!({
        "tool": info.tool,
        "schema": {
            "origin": info.schema_origin,
            "template_version": ctx.schema.template.version,
            "files": schema_files(ctx),
        },
        "region": { "name": info.region_name, "las": v.region.len() },
        "period": benchmark.period.to_string(),
        "periods": benchmark.periods.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
        "as_of": info.as_of.to_string(),
        "mode": { "publish": p.publish(), "anonymise": p.anonymise(), "note": p.mode_note() },
        "inputs": inputs,
        "outputs": outputs,
        "counts": {
            "files": v.submissions.len(),
            "files_used": status(ReturnStatus::Used),
            "files_superseded": status(ReturnStatus::Superseded),
            "files_unusable": status(ReturnStatus::Unusable),
            "by_period": periods,
            "findings": {
                "error": severity(Severity::Error),
                "warning": severity(Severity::Warning),
                "info": severity(Severity::Info),
            },
        },
    })
}

/// Each schema file the run used, with the SHA-256 of the text it was built from.
fn schema_files(ctx: &RunContext<'_>) -> Vec<Value> {
    ctx.schema
        .sources
        .iter()
        .map(|(file, sha)| json!({ "file": file, "sha256": sha }))
        .collect()
}

/// One file of an output folder: its path (`/`-separated, relative to the
/// folder), SHA-256 and size in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// Every file under `dir`, by path, sorted, each with its SHA-256 and size.
pub fn list_files(dir: &Path) -> Result<Vec<OutputFile>, ReportError> {
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    // Hashed on all cores; collected in the sorted order.
    files
        .into_par_iter()
        .map(|rel| {
            let path = dir.join(&rel);
            let size = fs::metadata(&path)
                .map_err(|e| ReportError::write(&path, &e))?
                .len();
            let sha256 = sha256_file(&path).map_err(|e| ReportError::write(&path, &e))?;
            Ok(OutputFile {
                path: rel,
                sha256,
                size,
            })
        })
        .collect()
}

/// Every file under `dir` but the manifest, by path as the presenter shows it.
fn outputs(ctx: &RunContext<'_>, dir: &Path) -> Result<Vec<Value>, ReportError> {
    let mut listed: Vec<OutputFile> = list_files(dir)?
        .into_iter()
        .filter(|f| f.path != MANIFEST)
        .map(|f| OutputFile {
            path: ctx.presenter.scrub(&f.path),
            ..f
        })
        .collect();
    // Sorted again: anonymised paths may sort differently from the real ones.
    listed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(listed
        .into_iter()
        .map(|f| json!({ "path": f.path, "sha256": f.sha256, "size": f.size }))
        .collect())
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> Result<(), ReportError> {
    let entries = fs::read_dir(dir).map_err(|e| ReportError::write(dir, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| ReportError::write(dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel_path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let kind = entry
            .file_type()
            .map_err(|e| ReportError::write(&entry.path(), &e))?;
        if kind.is_dir() {
            walk(&entry.path(), &rel_path, out)?;
        } else {
            out.push(rel_path);
        }
    }
    Ok(())
}

/// The value with every object's keys in order, whatever serde_json's map keeps.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = Map::new();
            for (k, v) in entries {
                out.insert(k, sorted(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}
