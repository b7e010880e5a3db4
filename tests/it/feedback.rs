//! Tests for the feedback stage: the per-LA workbook and text, findings.csv,
//! atomic output folders, and the command line.

mod cli;
mod csv_summary;
mod email;
pub(crate) mod fixture;
mod groups;
mod output;

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use kinbench::schema::Schema;

use fixture::{cell_of, expected_value, HYPERLINK};

fn run_report(dir: &Path) -> Schema {
    let schema = Schema::bundled().unwrap();
    let validation = fixture::validation(&schema);
    fixture::write_report(&schema, &validation, dir);
    schema
}

fn feedback_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    dir.join("feedback")
        .join("2025-26 Q2")
        .join(format!("{stem}.{ext}"))
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

/// A cell as text: strings as they are, numbers in their shortest form, empty as "".
fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(other) => format!("{other:?}"),
    }
}

/// The value in column B of the Summary row whose column A reads `label`.
fn summary_value(range: &Range<Data>, label: &str) -> String {
    (0..range.height() as u32)
        .find(|&r| text(range, r, 0) == label)
        .map(|r| text(range, r, 1))
        .unwrap_or_else(|| panic!("no summary row {label}"))
}

#[test]
fn feedback_workbook_has_three_sheets_and_the_verdict() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    for (stem, status) in [
        ("886 Kent", "accepted"),
        ("887 Medway", "resubmission needed"),
    ] {
        let path = feedback_path(tmp.path(), stem, "xlsx");
        let book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), ["Summary", "Findings", "Values used"]);
        let summary = sheet(&path, "Summary");
        assert_eq!(summary_value(&summary, "Overall status"), status);
        assert_eq!(summary_value(&summary, "Period"), "2025-26 Q2");
    }
    let medway = sheet(&feedback_path(tmp.path(), "887 Medway", "xlsx"), "Summary");
    assert_eq!(summary_value(&medway, "Errors"), "3");
    assert_eq!(summary_value(&medway, "Info"), "1");
    assert_eq!(summary_value(&medway, "LA code"), "887");
    // The files table: used first, superseded marked.
    let row = (0..medway.height() as u32)
        .find(|&r| text(&medway, r, 0) == "File")
        .unwrap();
    assert_eq!(text(&medway, row + 1, 0), "medway_q2_v2.xlsx");
    assert_eq!(text(&medway, row + 1, 1), "used");
    assert_eq!(text(&medway, row + 2, 0), "medway_q2.xlsx");
    assert_eq!(text(&medway, row + 2, 1), "superseded by a later return");
}

#[test]
fn findings_sheet_lists_errors_first_with_cell_value_and_message() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    let findings = sheet(&feedback_path(tmp.path(), "887 Medway", "xlsx"), "Findings");
    assert_eq!(findings.height(), 5);
    assert_eq!(text(&findings, 0, 0), "Severity");
    // severity, rule, cell, value, message, file
    let expected = [
        [
            "error",
            "VAL004",
            "Return!C12",
            "#REF!",
            "A01 holds the Excel error #REF!.",
            "medway_q2_v2.xlsx",
        ],
        [
            "error",
            "VAL007",
            "Return!C14",
            "-3",
            "A03 is negative (-3).",
            "medway_q2_v2.xlsx",
        ],
        [
            "error",
            "VAL009",
            "Return!C13",
            HYPERLINK,
            "A02 holds text that is not a number.",
            "medway_q2_v2.xlsx",
        ],
        [
            "info",
            "FILE018",
            "",
            "",
            "Replaced by medway_q2_v2.xlsx, completed later.",
            "medway_q2.xlsx",
        ],
    ];
    for (i, want) in expected.iter().enumerate() {
        let r = i as u32 + 1;
        let got = [0, 1, 4, 5, 6, 8].map(|c| text(&findings, r, c));
        assert_eq!(got, *want, "row {r}");
    }
    assert_eq!(text(&findings, 3, 7), "Type the number of children.");
    assert_eq!(text(&findings, 1, 3), "A01");
    // -3 found in a cell stays text, exactly as found.
    assert_eq!(
        findings.get_value((2, 5)),
        Some(&Data::String("-3".to_string()))
    );
}

#[test]
fn values_sheet_lists_every_item_with_its_exact_value() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = run_report(tmp.path());
    let kent = sheet(
        &feedback_path(tmp.path(), "886 Kent", "xlsx"),
        "Values used",
    );
    assert_eq!(kent.height(), schema.items.len() + 1);
    for (i, item) in schema.items.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(text(&kent, r, 0), item.code);
        assert_eq!(text(&kent, r, 1), item.label);
        let want = if item.code == "B01" {
            1234.0
        } else {
            expected_value(&schema, i)
        };
        assert_eq!(
            kent.get_value((r, 2)),
            Some(&Data::Float(want)),
            "{}",
            item.code
        );
        assert_eq!(text(&kent, r, 3), "used");
        assert_eq!(text(&kent, r, 4), cell_of(i));
    }
    let b01 = schema.item_index("B01") as u32 + 1;
    assert_eq!(text(&kent, b01, 5), "includes @SUM of two teams");

    let medway = sheet(
        &feedback_path(tmp.path(), "887 Medway", "xlsx"),
        "Values used",
    );
    assert_eq!(medway.height(), schema.items.len() + 1);
    assert_eq!(text(&medway, 1, 2), "#REF!");
    assert_eq!(text(&medway, 1, 3), "rejected");
    assert_eq!(
        medway.get_value((2, 2)),
        Some(&Data::String(HYPERLINK.to_string()))
    );
    assert_eq!(
        medway.get_value((3, 2)),
        Some(&Data::String("-3".to_string()))
    );
}

#[test]
fn text_from_returns_is_never_a_formula() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    for stem in ["886 Kent", "887 Medway"] {
        let file = std::fs::File::open(feedback_path(tmp.path(), stem, "xlsx")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let names: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
            .collect();
        let sheets: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        assert_eq!(sheets.len(), 3);
        for name in sheets {
            let mut xml = String::new();
            zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{stem} {name} has a formula"
            );
        }
    }
}

#[test]
fn text_twin_names_each_finding_cell_and_action() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    let medway = std::fs::read_to_string(feedback_path(tmp.path(), "887 Medway", "txt")).unwrap();
    assert!(medway.contains("Status: resubmission needed"), "{medway}");
    for line in [
        "- Return!C12 (A01) — A01 holds the Excel error #REF!. — What to do: Fix the formula or type the number. [in medway_q2_v2.xlsx]",
        "- Return!C14 (A03) — A03 is negative (-3). — What to do: Give a count of 0 or more. [in medway_q2_v2.xlsx]",
        "- Return!C13 (A02) — A02 holds text that is not a number. — What to do: Type the number of children. [in medway_q2_v2.xlsx]",
        "- medway_q2.xlsx — Replaced by medway_q2_v2.xlsx, completed later.",
        "- medway_q2.xlsx — superseded by a later return (completed 2025-10-10)",
    ] {
        assert!(medway.lines().any(|l| l == line), "missing line {line:?} in\n{medway}");
    }
    let kent = std::fs::read_to_string(feedback_path(tmp.path(), "886 Kent", "txt")).unwrap();
    assert!(kent.contains("Status: accepted\n"), "{kent}");
    assert!(kent.lines().any(|l| l
        == "- Return!C16 (B01) — B01 was typed as text \"1,234\"; read as 1234. — What to do: Nothing to do; type numbers as numbers next time."));
}

#[test]
fn an_la_with_no_return_gets_a_text_and_no_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    let txt = std::fs::read_to_string(feedback_path(tmp.path(), "936 Surrey", "txt")).unwrap();
    assert!(txt.contains(
        "We have not received a kinship care benchmarking return from Surrey (936) for 2025-26 Q2"
    ));
    assert!(!feedback_path(tmp.path(), "936 Surrey", "xlsx").exists());
    let mut names: Vec<String> = std::fs::read_dir(tmp.path().join("feedback/2025-26 Q2"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "886 Kent.eml",
            "886 Kent.txt",
            "886 Kent.xlsx",
            "887 Medway.eml",
            "887 Medway.txt",
            "887 Medway.xlsx",
            "936 Surrey.eml",
            "936 Surrey.txt"
        ]
    );
}
