//! No committed fixture, however broken, makes the reader, the validator or the
//! feedback writer panic.

use std::path::{Path, PathBuf};

use kinbench::ingest::{locate, open, Limits};
use kinbench::schema::Schema;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_fixture_makes_open_or_locate_panic() {
    let schema = Schema::bundled().unwrap();
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    assert!(files.len() >= 10, "fixtures found: {files:?}");
    for path in files {
        let outcome = std::panic::catch_unwind(|| {
            if let Ok(book) = open(&path, &Limits::default()) {
                let _ = locate(&book, &schema);
            }
        });
        assert!(outcome.is_ok(), "{} panicked", path.display());
    }
}

/// Every committed fixture, alone in a returns folder, goes through the folder
/// entry point and the feedback writer without a panic, and comes out as a
/// submission with the findings expected of it and feedback naming the file.
#[test]
fn every_fixture_is_validated_and_gets_feedback_not_a_panic() {
    use kinbench::report::{write_report, Presenter, RunContext, RunInfo};
    use kinbench::validate::{validate_folder, Severity};

    let schema = Schema::bundled().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let options = crate::south_east_options(&schema);
    let mut seen = Vec::new();
    for path in &files {
        // As `hostile/empty.xlsx` under the returns folder: in a subfolder, so
        // a README is taken for a return too (the walk skips one at the top).
        let rel = path.strip_prefix(&root).unwrap().display().to_string();
        let returns = tempfile::tempdir().unwrap();
        let copy = returns.path().join(&rel);
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        std::fs::copy(path, &copy).unwrap();
        let out = tempfile::tempdir().unwrap();
        let outcome = std::panic::catch_unwind(|| {
            let v = validate_folder(&schema, returns.path(), &options).unwrap();
            let info = RunInfo {
                tool: RunInfo::tool_name(),
                schema_origin: schema.origin.clone(),
                region_name: v.region_name.clone(),
                period: None,
                as_of: RunInfo::as_of(&v, None),
                mail: Default::default(),
            };
            let presenter = Presenter::internal();
            let ctx = RunContext {
                schema: &schema,
                validation: &v,
                benchmark: None,
                presenter: &presenter,
                info: &info,
                ticks: Default::default(),
            };
            write_report(&ctx, out.path()).unwrap();
            v
        });
        let v = outcome.unwrap_or_else(|_| panic!("{} panicked", path.display()));
        assert_eq!(v.submissions.len(), 1, "{rel}");
        let sub = &v.submissions[0];
        assert_eq!(sub.file, rel);
        let mut rules: Vec<&str> = sub.findings.iter().map(|f| f.rule.as_str()).collect();
        rules.sort();
        rules.dedup();
        let (status, want) = expected(&rel);
        assert_eq!((sub.status, rules), (status, want.to_vec()), "{rel}");
        assert!(
            sub.findings.iter().any(|f| f.severity == Severity::Error),
            "{rel}: no error finding"
        );
        seen.push(rel.clone());

        // Its feedback names the file, in a .txt beside a workbook.
        let mut written = Vec::new();
        walk(&out.path().join("feedback"), &mut written);
        let texts: Vec<String> = written
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(
            texts.iter().any(|t| t.contains(&format!("- {rel} — "))),
            "{rel}: no feedback names it"
        );
        assert!(
            written
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "xlsx")),
            "{rel}: no feedback workbook"
        );
    }
    assert_eq!(seen.len(), files.len());
}

/// What each fixture must give, by path under tests/fixtures: its status and
/// the distinct rules of its findings (see the READMEs beside them).
fn expected(rel: &str) -> (kinbench::validate::ReturnStatus, &'static [&'static str]) {
    use kinbench::validate::ReturnStatus::{Unusable, Used};
    match rel {
        "hostile/README.md" | "hostile/make_extent.py" | "ingest/README.md" | "ingest/make.py" => {
            (Unusable, &["FILE001"])
        }
        "hostile/encrypted.xlsx" => (Unusable, &["FILE003"]),
        "hostile/empty.xlsx"
        | "hostile/not-a-zip.xlsx"
        | "hostile/random.ods"
        | "hostile/text.xls"
        | "hostile/truncated.xlsx" => (Unusable, &["FILE002"]),
        // Small files that would make calamine build grids of millions of
        // cells (or copy one long shared string into each): refused as too large.
        // Found by fuzzing: a malformed .xls on which calamine panics.
        "fuzz/read_bytes-crash-cd7b03e2.xls" => (Unusable, &["FILE002"]),
        // Found by fuzzing, an input of number typing, not a return.
        "fuzz/typed_number-crash-73b6e2c4.txt" => (Unusable, &["FILE001"]),
        "hostile/far-cell.xls" | "hostile/repeated-cells.ods" | "hostile/shared-string.xls" => {
            (Unusable, &["FILE004"])
        }
        // Formulas with no cached value (openpyxl never calculates), a date,
        // text and TRUE in value cells, and only 7 of the items.
        "ingest/openpyxl-return.xlsx" => (
            Used,
            &["PAIR002", "VAL001", "VAL005", "VAL006", "VAL010", "VAL014"],
        ),
        // LibreOffice calculated the formulas: #DIV/0! is now an error value.
        "ingest/libreoffice-return.xls" | "ingest/libreoffice-return.ods" => (
            Used,
            &["PAIR002", "VAL001", "VAL004", "VAL005", "VAL006", "VAL014"],
        ),
        other => panic!("a new fixture {other}: say here what it must give"),
    }
}
