//! One returns folder of every hostile fixture, long and odd file names, LA
//! text that a spreadsheet or a terminal would act on, and the good sample
//! returns, through one `run`: the good LAs lose nothing, every bad file is
//! named in the findings, and no output carries text that can act.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kinbench::period::Period;
use kinbench::pipeline::{self, RunOptions};
use kinbench::report::run;
use kinbench::template::{write_return, CellInput, ReturnContent};

use super::{copy_sample, csv_maps, files, schema, validate_options, SLUG};

/// Every way a cell can start as a formula, a terminal escape, and a
/// right-to-left override that shows `xslx.exe` as `exe.xlsx`.
pub const HOSTILE: [&str; 8] = [
    "=HYPERLINK(\"http://x\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\u{1b}[2J\u{1b}[31mred",
    "\u{202e}xslx.exe",
];

/// Near 255 bytes of descriptive name (the most a file system allows), as the
/// file that found the bug had.
fn long_name() -> String {
    let name = format!(
        "Kinship care return - {} - final version for the network.xlsx",
        "checked by the team and signed off ".repeat(5)
    );
    assert!((230..=255).contains(&name.len()), "{}", name.len());
    name
}

/// 100 characters, 200 bytes: short enough in characters, too long in bytes.
fn multibyte_name() -> String {
    format!("{}.xlsx", "é".repeat(100))
}

/// Reading has no 2025-26 Q2 in the sample: its return here is all hostile text.
const HOSTILE_FILE: &str = "=1+1 870 Reading 2025-26 Q2 \u{1b}[31m.xlsx";

fn hostile_return(path: &Path) {
    let la = schema().las.by_code("870").expect("Reading").clone();
    let period = Period::parse("2025-26 Q2").unwrap().0;
    let mut content = ReturnContent::template(schema(), &la, period);
    for (item, text) in ["A01", "A02", "A03", "A04", "B01", "B02", "C01", "B03"]
        .into_iter()
        .zip(HOSTILE)
    {
        content
            .values
            .insert(item.into(), CellInput::Text(text.into()));
        content.notes.insert(item.into(), text.into());
    }
    content
        .header
        .insert("completed_by".into(), CellInput::Text(HOSTILE[3].into()));
    write_return(schema(), &content, path).expect("write the hostile return");
}

/// The bad files put beside the good ones, by name in the returns folder.
fn bad_files(returns: &Path) -> Vec<String> {
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut names = Vec::new();
    for entry in fs::read_dir(&hostile).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if kinbench::ingest::Format::from_path(&path).is_some() {
            fs::copy(&path, returns.join(&name)).unwrap();
            names.push(name);
        }
    }
    assert!(names.len() >= 9, "{names:?}");
    for name in [long_name(), multibyte_name()] {
        fs::copy(hostile.join("truncated.xlsx"), returns.join(&name)).unwrap();
        names.push(name);
    }
    names
}

struct Ran {
    _tmp: tempfile::TempDir,
    returns: PathBuf,
    dir: PathBuf,
    bad: Vec<String>,
    console: String,
}

/// The run, once for the tests below.
fn ran() -> &'static Ran {
    static RAN: OnceLock<Ran> = OnceLock::new();
    RAN.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let returns = copy_sample(tmp.path());
        let bad = bad_files(&returns);
        hostile_return(&returns.join(HOSTILE_FILE));
        let out = tmp.path().join("out");
        let opts = RunOptions::default();
        let pipeline::Ran { prepared, written } = pipeline::run(
            schema(),
            &returns,
            &out,
            &validate_options(),
            &opts,
            &pipeline::quiet,
        )
        .expect("the run");
        let ctx = prepared.context(schema());
        let console = run::run_summary(&ctx, &prepared.benchmark, &written);
        Ran {
            dir: out.join(SLUG),
            _tmp: tmp,
            returns,
            bad,
            console,
        }
    })
}

#[test]
fn every_good_la_keeps_its_feedback_and_figures_and_every_bad_file_is_named() {
    let r = ran();
    let feedback = r.dir.join("feedback/2025-26 Q2");
    let values = csv_maps(&r.dir.join("data/values.csv"));
    let sample_q2: Vec<String> = fs::read_dir(&r.returns)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("2025-26 Q2") && !n.starts_with('='))
        .collect();
    assert!(sample_q2.len() >= 17, "{sample_q2:?}");
    for file in &sample_q2 {
        let stem = file.split(" 2025-26").next().unwrap();
        for ext in ["xlsx", "txt"] {
            let path = feedback.join(format!("{stem}.{ext}"));
            assert!(path.is_file(), "no {}", path.display());
        }
        let code = &stem[..3];
        let used = values
            .iter()
            .filter(|v| v["la_code"] == code && v["period"] == "2025-26 Q2" && v["file"] == *file)
            .count();
        assert_eq!(used, schema().items.len(), "{file}: values in values.csv");
    }
    let findings = csv_maps(&r.dir.join("data/findings.csv"));
    for bad in &r.bad {
        assert!(
            findings.iter().any(|f| f["file"] == *bad),
            "{bad} is not named in findings.csv"
        );
    }
}

#[test]
fn long_file_names_get_bounded_stable_feedback_names() {
    let dir = ran().dir.join("feedback/period unknown");
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for (file, start) in [
        (
            long_name(),
            "unidentified - Kinship care return - checked by".to_string(),
        ),
        (
            multibyte_name(),
            format!("unidentified - {}", "é".repeat(20)),
        ),
    ] {
        let stem = kinbench::file_name::bounded(&format!("unidentified - {file}"));
        assert!(stem.starts_with(&start), "{stem}");
        for ext in ["xlsx", "txt"] {
            let name = format!("{stem}.{ext}");
            assert!(name.len() < 110, "{name}: {} bytes", name.len());
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
    }
}

/// What must not be in a CSV cell: a formula's start (unless a plain number) or a control character.
fn unsafe_cell(cell: &str) -> bool {
    let formula =
        cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err();
    formula || cell.chars().any(acts)
}

/// A control character but TAB and LF, or a bidirectional override or isolate.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn no_csv_cell_txt_feedback_or_console_line_carries_text_that_acts() {
    let r = ran();
    let mut csv_files = 0;
    for (path, bytes) in files(&r.dir) {
        if path.ends_with(".csv") {
            csv_files += 1;
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            for row in reader.records() {
                for cell in row.unwrap().iter() {
                    assert!(!unsafe_cell(cell), "{path}: {cell:?}");
                }
            }
        } else if path.ends_with(".txt") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.chars().any(acts), "{path}");
        }
    }
    assert_eq!(csv_files, 4, "values, metrics, counts, findings");
    // Each hostile text is there, neutralised: in the value-as-found column, in Reading's feedback.
    let findings = csv_maps(&r.dir.join("data/findings.csv"));
    let found: Vec<&str> = findings
        .iter()
        .filter(|f| f["la_code"] == "870")
        .map(|f| f["value"].as_str())
        .collect();
    for (text, shown) in HOSTILE.iter().zip([
        "'=HYPERLINK(\"http://x\",\"click\")",
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1+1)",
        "'\t=1+1",
        "'\\u{d}=1+1",
        "\\u{1b}[2J\\u{1b}[31mred",
        "\\u{202e}xslx.exe",
    ]) {
        assert!(
            found.contains(&shown),
            "{text:?} not shown as {shown:?} in {found:?}"
        );
    }
    let file = findings
        .iter()
        .find(|f| f["la_code"] == "870" && f["period"] == "2025-26 Q2")
        .map(|f| f["file"].clone());
    assert_eq!(
        file.as_deref(),
        Some("'=1+1 870 Reading 2025-26 Q2 \\u{1b}[31m.xlsx")
    );
    let values = csv_maps(&r.dir.join("data/values.csv"));
    assert!(values
        .iter()
        .any(|v| v["la_code"] == "870" && v["file"] == file.as_deref().unwrap()));
    let reading = fs::read_to_string(r.dir.join("feedback/2025-26 Q2/870 Reading.txt")).unwrap();
    assert!(reading.contains("\\u{1b}[2J"), "{reading}");
    assert!(!r.console.chars().any(acts), "{}", r.console);
}
