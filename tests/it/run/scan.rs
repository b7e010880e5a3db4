//! Whole-folder scans of a `--publish --anonymise` run: every file kinbench
//! writes is read back (xlsx parts unzipped, text files as text) and searched
//! for what must not be there.

use std::io::Read;

use kinbench::report::run::RunOptions;

use super::{files, full_run};

/// The text of one output file: every part of an xlsx, the file itself otherwise.
/// Parquet and PNG are left out: Parquet holds what its CSV twin holds (tested in
/// `exports`), and a PNG's text is drawn, not stored.
fn text_of(path: &str, bytes: &[u8]) -> Option<String> {
    if path.ends_with(".parquet") || path.ends_with(".png") {
        return None;
    }
    if !path.ends_with(".xlsx") {
        return Some(String::from_utf8_lossy(bytes).into_owned());
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("xlsx is a zip");
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let name = part.name().expect("part name").into_owned();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            part.read_to_string(&mut all).expect("xml is text");
        }
    }
    Some(all)
}

/// Whether `name` stands in `text` as a word (not inside a longer word).
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn anonymised_outputs_name_no_la_except_each_las_own_feedback() {
    let tmp = tempfile::tempdir().unwrap();
    let options = RunOptions {
        publish: true,
        anonymise: true,
        ..RunOptions::default()
    };
    let (prepared, dir) = full_run(tmp.path(), &options);
    let region = &prepared.validation.region;
    let forms = |name: &str| vec![name.to_string(), name.replace(" and ", " & ")];
    let mut scanned = 0;
    for (path, bytes) in files(&dir) {
        let Some(text) = text_of(&path, &bytes) else {
            continue;
        };
        scanned += 1;
        // An LA's own feedback (and its profile images' folder) is named after it.
        let own = region.iter().find(|la| {
            path.starts_with("feedback/") && path.contains(&format!("/{} {}", la.code, la.name))
        });
        // What an LA typed in its own return is quoted back to it (a mismatched
        // LA name, say): that is its own input, not another LA's data.
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
            for form in forms(&la.name) {
                let own_input = quoted.iter().any(|q| names(q, &form));
                assert!(own_input || !names(&text, &form), "{path} names {form}");
            }
        }
        if let Some(la) = own {
            if path.ends_with(".txt") {
                assert!(names(&text, &la.name), "{path} does not name its own LA");
            }
        }
    }
    assert!(scanned > 150, "only {scanned} files scanned");
}

#[test]
fn published_exports_show_no_la_count_from_1_to_5() {
    let tmp = tempfile::tempdir().unwrap();
    let options = RunOptions {
        publish: true,
        ..RunOptions::default()
    };
    let (_, dir) = full_run(tmp.path(), &options);
    let mut reader = csv::Reader::from_path(dir.join("data/metrics.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (level, num, den) = (col("level"), col("numerator"), col("denominator"));
    let mut la_rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        for c in [num, den] {
            let cell = &row[c];
            let small = cell.parse::<f64>().is_ok_and(|v| v > 0.0 && v <= 5.0);
            match &row[level] {
                "la" => assert!(!small, "LA count {cell} shown in {row:?}"),
                _ => assert!(
                    cell.parse::<f64>().map_or(true, |v| v % 10.0 == 0.0),
                    "regional count {cell} not rounded to 10 in {row:?}"
                ),
            }
        }
        la_rows += usize::from(&row[level] == "la");
    }
    assert!(la_rows > 100);
}
