//! Whole-folder scans of a run's shared outputs: every file kinbench writes
//! but each LA's own feedback and the PNGs (whose text is drawn, not stored;
//! the SVG twins hold the same text) is read back as a reader meets it (xlsx
//! cells and parts, CSV and Parquet cells, SVG and HTML text, manifest.json,
//! the console) and searched for what must not be there.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;

use calamine::{Data, Reader, Xlsx};
use polars::prelude::*;

use kinbench::pipeline::{self, RunOptions};
use kinbench::report::run;
use kinbench::report::OutputsWritten;

use super::disclosure::fixture;
use super::{copy_sample, csv_maps, files, schema, validate_options};

/// What a reader meets in one output: its cells or text runs, and for an xlsx
/// the raw XML of its parts too (chart titles and document properties live there).
#[derive(Default)]
struct Texts {
    cells: Vec<String>,
    raw: String,
}

fn texts_of(dir: &std::path::Path, path: &str, bytes: &[u8]) -> Option<Texts> {
    let mut t = Texts::default();
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        "png" => return None,
        "parquet" => {
            let df = ParquetReader::new(File::open(dir.join(path)).unwrap())
                .finish()
                .unwrap();
            for column in df.columns() {
                t.cells.push(column.name().to_string());
                for i in 0..df.height() {
                    match column.get(i).unwrap() {
                        AnyValue::Null => {}
                        AnyValue::Float64(x) => t.cells.push(x.to_string()),
                        AnyValue::Boolean(b) => t.cells.push(b.to_string()),
                        AnyValue::String(s) => t.cells.push(s.to_string()),
                        AnyValue::StringOwned(s) => t.cells.push(s.to_string()),
                        other => panic!("{path}: unexpected {other:?}"),
                    }
                }
            }
        }
        "csv" => {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes);
            for rec in r.records() {
                t.cells.extend(rec.unwrap().iter().map(str::to_string));
            }
        }
        "xlsx" => {
            let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
            for name in book.sheet_names() {
                t.cells.push(name.clone());
                let range = book.worksheet_range(&name).unwrap();
                t.cells.extend(
                    range
                        .used_cells()
                        .map(|(_, _, c)| c.to_string())
                        .filter(|s| !s.is_empty()),
                );
            }
            let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let name = part.name().unwrap().into_owned();
                if name.ends_with(".xml") || name.ends_with(".rels") {
                    part.read_to_string(&mut t.raw).unwrap();
                }
            }
        }
        "svg" | "html" => {
            // Text between tags, entities decoded: what is drawn or read.
            let text = String::from_utf8_lossy(bytes);
            for piece in text.split('<').filter_map(|p| p.split_once('>')) {
                let run = piece.1.trim();
                if !run.is_empty() {
                    t.cells.push(decode(run));
                }
            }
            t.raw = text.into_owned();
        }
        "json" => {
            let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            walk_json(&v, &mut t.cells);
        }
        _ => t.cells.push(String::from_utf8_lossy(bytes).into_owned()),
    }
    Some(t)
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn walk_json(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        // Numbers are sizes and counts of files, LAs and findings, not of children.
        serde_json::Value::Number(_) => {}
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_json(x, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            walk_json(x, out);
        }),
        _ => {}
    }
}

/// Whether `word` stands in `text` as a whole word, ignoring ASCII case.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_ascii_lowercase(), word.to_ascii_lowercase());
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `code` stands in `text` as a whole token (not inside `1,931` or `0.931`).
fn has_code(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(i, _)| {
        let b = text[..i].chars().rev().collect::<Vec<_>>();
        let a = text[i + code.len()..].chars().collect::<Vec<_>>();
        let joins = |c: Option<&char>, beyond: Option<&char>| match c {
            Some(',' | '.') => beyond.is_some_and(|x| x.is_ascii_digit()),
            Some(c) => c.is_alphanumeric(),
            None => false,
        };
        !joins(b.first(), b.get(1)) && !joins(a.first(), a.get(1))
    })
}

/// The ways an LA's name is written: as in the lookup, with `&` or `and`,
/// and `&amp;` in markup.
fn name_forms(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_string()];
    if name.contains(" and ") {
        forms.push(name.replace(" and ", " & "));
    }
    if name.contains(" & ") {
        forms.push(name.replace(" & ", " and "));
    }
    for f in forms.clone() {
        if f.contains('&') {
            forms.push(f.replace('&', "&amp;"));
        }
    }
    forms
}

#[test]
fn anonymised_outputs_name_no_la_and_no_code_except_each_las_own_feedback() {
    let tmp = tempfile::tempdir().unwrap();
    let options = RunOptions {
        publish: true,
        anonymise: true,
        ..RunOptions::default()
    };
    // A file named with a code and a short name that no lookup spelling matches.
    let returns = copy_sample(tmp.path());
    std::fs::rename(
        returns.join("931 Oxfordshire 2025-26 Q2.xlsx"),
        returns.join("931 Oxon Q2.xlsx"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let prepared = pipeline::run(
        schema(),
        &returns,
        &out,
        &validate_options(),
        &options,
        &pipeline::quiet,
    )
    .expect("run")
    .prepared;
    let dir = out.join(super::SLUG);
    let region = &prepared.validation.region;
    let ctx = prepared.context(schema());
    let console = run::run_summary(&ctx, &prepared.benchmark, &OutputsWritten::default());
    let mut outputs: Vec<(String, Texts)> = vec![(
        "console".to_string(),
        Texts {
            cells: vec![console],
            raw: String::new(),
        },
    )];
    let mut feedback = 0;
    for (path, bytes) in files(&dir) {
        // Each LA's own feedback names it (it goes to that LA only), but no other LA.
        if path.starts_with("feedback/") {
            let Some(t) = texts_of(&dir, &path, &bytes) else {
                continue;
            };
            let own = region
                .iter()
                .find(|la| path.contains(&format!("/{} {}", la.code, la.name)));
            // What an LA typed in its own return (a mismatched LA name, say) is
            // quoted back to it: its own input, not another LA's data.
            let quoted: Vec<&str> = own.map_or(Vec::new(), |la| {
                prepared
                    .validation
                    .findings
                    .iter()
                    .filter(|f| f.la_code.as_deref() == Some(la.code.as_str()))
                    .filter_map(|f| f.value.as_deref())
                    .collect()
            });
            for la in region.iter().filter(|la| Some(*la) != own) {
                for form in name_forms(&la.name) {
                    let own_input = quoted.iter().any(|q| has_word(q, &form));
                    let hit = t.cells.iter().find(|c| has_word(c, &form));
                    assert!(own_input || hit.is_none(), "{path} names {form}: {hit:?}");
                }
            }
            feedback += 1;
            continue;
        }
        if let Some(t) = texts_of(&dir, &path, &bytes) {
            outputs.push((path, t));
        }
    }
    assert!(feedback > 50, "only {feedback} feedback files");
    assert!(outputs.len() > 40, "only {} outputs", outputs.len());
    for (path, t) in &outputs {
        for la in region {
            let mut forms = name_forms(&la.name);
            if la.code == "931" {
                forms.push("Oxon".to_string());
            }
            for form in forms {
                let hit = t.cells.iter().find(|c| has_word(c, &form));
                assert!(hit.is_none(), "{path} names {form}: {hit:?}");
                assert!(!has_word(&t.raw, &form), "{path} names {form}");
            }
            // A code in a value cell is a count that happens to equal it; in text it names the LA.
            for code in [&la.code, &la.ons_code] {
                let hit = t
                    .cells
                    .iter()
                    .filter(|c| c.replace(',', "").parse::<f64>().is_err())
                    .find(|c| has_code(c, code));
                assert!(
                    hit.is_none(),
                    "{path} has {}'s code {code}: {hit:?}",
                    la.name
                );
            }
        }
    }
}

/// Numbers standing in `text` (not joined to a letter, as in a hash or `Q2`),
/// thousands separators removed: `1,240` → 1240.
fn numbers_in(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let numeric = |c: char| c.is_ascii_digit() || c == ',' || c == '.';
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| !numeric(chars[k]))
            .unwrap_or(chars.len());
        let token: String = chars[i..end].iter().collect();
        let token = token.trim_end_matches([',', '.']).replace(',', "");
        if !chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
            out.extend(token.parse::<f64>().ok());
        }
        i = end;
    }
    out
}

#[test]
fn published_outputs_show_no_small_la_count_and_no_unrounded_regional_count() {
    let f = fixture();
    let dir = &f.dir;
    let bm = &f.prepared.benchmark;
    let small = |s: &str| s.parse::<f64>().is_ok_and(|v| v > 0.0 && v <= 5.0);
    let rounded = |s: &str| s == "c" || s.parse::<f64>().is_ok_and(|v| v % 10.0 == 0.0);

    // LA-level counts, in each table that shows them.
    let values = csv_maps(&dir.join("data/values.csv"));
    for r in &values {
        assert!(!small(&r["value"]), "values.csv {r:?}");
    }
    let metrics = csv_maps(&dir.join("data/metrics.csv"));
    for r in &metrics {
        for col in ["numerator", "denominator"] {
            match r["level"].as_str() {
                "la" => assert!(!small(&r[col]), "metrics.csv {col} {r:?}"),
                _ => assert!(rounded(&r[col]), "metrics.csv region {col} {r:?}"),
            }
        }
    }
    let mut book: Xlsx<_> =
        calamine::open_workbook(dir.join(format!("kinship_benchmark_{}.xlsx", super::SLUG)))
            .unwrap();
    let number = |d: &Data| match d {
        Data::Float(x) => Some(*x),
        Data::Int(i) => Some(*i as f64),
        Data::String(s) => s.parse().ok(),
        _ => None,
    };
    let is_small = |d: &Data| number(d).is_some_and(|v| v > 0.0 && v <= 5.0);
    let mut la_cells = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let columns: &[usize] = if name == "Data" {
            &[3]
        } else if name == "Approvals" {
            &[1, 2, 3]
        } else if name.starts_with('M') && name.as_bytes().get(3) == Some(&b' ') {
            &[1, 2]
        } else {
            continue;
        };
        for (i, row) in range.rows().enumerate().skip(8) {
            for &c in columns {
                if let Some(d) = row.get(c) {
                    assert!(!is_small(d), "{name} row {i} column {c}: {d:?}");
                    la_cells += 1;
                }
            }
        }
    }
    assert!(la_cells > 1000, "{la_cells}");

    // No exact regional total that rounding hides, in any output: the counts,
    // the breakdowns' parts and sums, the metrics' sums. A number that is also
    // an LA's published value is that value, not the total.
    let mut exact: BTreeSet<u64> = BTreeSet::new();
    for c in &bm.counts {
        exact.extend(c.periods.iter().map(|p| p.total as u64));
    }
    for b in &bm.breakdowns {
        for p in &b.periods {
            exact.insert(p.sum as u64);
            exact.extend(p.parts.iter().map(|x| x.total as u64));
        }
    }
    for m in &bm.metrics {
        for p in &m.periods {
            exact.insert(p.region.numerator as u64);
            exact.insert(p.region.denominator as u64);
        }
    }
    // Two-digit numbers are everywhere (`95% limits`); three and more are distinctive.
    exact.retain(|v| v % 10 != 0 && *v >= 100);
    let mut la_values: BTreeSet<u64> = values
        .iter()
        .filter_map(|r| r["value"].parse::<f64>().ok())
        .map(|v| v as u64)
        .collect();
    for r in metrics.iter().filter(|r| r["level"] == "la") {
        for col in ["numerator", "denominator"] {
            la_values.extend(r[col].parse::<f64>().ok().map(|v| v as u64));
        }
    }
    exact.retain(|v| !la_values.contains(v));
    // An LA code (`852`) in a table of a run that is not anonymised is a code.
    let region = &f.prepared.validation.region;
    exact.retain(|v| !region.iter().any(|la| la.code == v.to_string()));
    assert!(exact.len() > 20, "{}", exact.len());
    let ctx = f.prepared.context(schema());
    let console = run::run_summary(&ctx, bm, &OutputsWritten::default());
    let mut outputs = vec![("console".to_string(), vec![console])];
    for (path, bytes) in files(dir) {
        if path.starts_with("feedback/") {
            continue;
        }
        if let Some(t) = texts_of(dir, &path, &bytes) {
            outputs.push((path, t.cells));
        }
    }
    let mut scanned = 0;
    for (path, cells) in &outputs {
        for cell in cells {
            for v in numbers_in(cell) {
                let whole = v.fract() == 0.0 && exact.contains(&(v as u64));
                assert!(!whole, "{path}: exact regional count {v} in {cell:?}");
            }
            // Exclusion details quote counts.
            assert!(!cell.contains("B02 = 7"), "{path}: {cell}");
        }
        scanned += 1;
    }
    assert!(scanned > 40, "{scanned}");
}
