//! The schema as data: the bundled files load, an edited copy loads with no
//! Rust change, and each editing mistake fails with the file and the reason.

use std::path::Path;

use kinbench::schema::{RelOp, Schema, FILES};
use kinbench::template::ReturnContent;

fn bundled() -> Schema {
    Schema::bundled().expect("bundled schema loads")
}

/// Copies the project's schema/ into a temp dir, applying `edit` to one file.
fn edited(
    file: &str,
    edit: impl Fn(String) -> String,
) -> (tempfile::TempDir, Result<Schema, String>) {
    let dir = tempfile::tempdir().unwrap();
    for name in FILES {
        let text = std::fs::read_to_string(Path::new("schema").join(name)).unwrap();
        let text = if name == file { edit(text) } else { text };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let loaded = Schema::load(dir.path()).map_err(|e| e.to_string());
    (dir, loaded)
}

#[test]
fn bundled_schema_holds_template_version_1() {
    let s = bundled();
    assert_eq!(s.template.version, 1);
    assert_eq!(s.items.len(), 32);
    assert_eq!(s.sections.len(), 7);
    assert_eq!(s.relations.len(), 9);
    assert_eq!(s.metrics.len(), 11);
    assert_eq!(s.las.all().len(), 153);
    let sums = s.relations.iter().find(|r| r.whole == ["B02"]).unwrap();
    assert_eq!(sums.parts, ["B02a", "B02b", "B02c", "B02d"]);
    assert_eq!(sums.op, RelOp::Equals);
    assert_eq!(s.item("G01").unwrap().range, Some([0.0, 100.0]));
    assert_eq!(s.metric("M08").unwrap().plausible, Some([5.0, 30.0]));
}

#[test]
fn bundled_schema_equals_the_files_on_disk() {
    let disk = Schema::load(Path::new("schema")).unwrap();
    let codes = |s: &Schema| s.items.iter().map(|i| i.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&disk), codes(&bundled()));
}

/// Section H (items H01, H02) and the relation `H02 <= H01` added to return.toml.
fn with_section_h(t: String) -> String {
    t.replace(
        "# ---- Relations.",
        r#"[[section]]
id = "H"
title = "Family group conferences"
timing = "flow"
note = "During the quarter."

[[item]]
code = "H01"
section = "H"
label = "Family group conferences held"
unit = "count"
range = [0, 300]
definition = "Family group conferences held during the quarter."

[[item]]
code = "H02"
section = "H"
label = "of which identified a kinship carer"
unit = "count"
definition = "Of H01, conferences that identified a connected person as a potential carer."

# ---- Relations."#,
    ) + "\n[[relation]]\nrule = \"H02 <= H01\"\n"
}

#[test]
fn a_new_item_relation_and_metric_need_no_rust_change() {
    let (_d, s) = edited("return.toml", with_section_h);
    let s = s.expect("edited schema loads");
    assert_eq!(s.items.len(), 34);
    assert_eq!(s.items_in("H").count(), 2);
    let rel = s.relations.last().unwrap();
    assert_eq!(
        (rel.parts.clone(), rel.whole.clone()),
        (vec!["H02".to_string()], vec!["H01".to_string()])
    );
}

/// The schema with section H, and Kent's blank 2025-26 Q2 return of it.
fn section_h_template() -> (tempfile::TempDir, Schema, kinbench::template::ReturnContent) {
    let (dir, s) = edited("return.toml", with_section_h);
    let s = s.expect("edited schema loads");
    let kent = s.las.by_code("886").unwrap();
    let period = kinbench::period::Period::new(2025, 2).unwrap();
    let content = ReturnContent::template(&s, kent, period);
    (dir, s, content)
}

/// The added items go through the whole return: a template for them is written,
/// filled with H02 > H01, read back by kinbench's reader and validated, and the
/// relation's finding names them; `kinbench sample` runs on the schema.
#[test]
fn a_new_item_and_relation_are_written_read_and_checked() {
    use kinbench::template::{place, write_return, CellInput};
    use kinbench::validate::{validate_folder, Options, Severity};

    let (dir, s, mut content) = section_h_template();
    let kent = s.las.by_code("886").unwrap().clone();
    let returns = tempfile::tempdir().unwrap();
    content.values.insert("H01".into(), CellInput::Number(3.0));
    content.values.insert("H02".into(), CellInput::Number(5.0));
    content.header.insert(
        "date_completed".into(),
        CellInput::Date(chrono::NaiveDate::from_ymd_opt(2025, 10, 14).unwrap()),
    );
    let placement = place(&s, &content);
    write_return(&s, &content, &returns.path().join("return.xlsx")).unwrap();

    let options = Options {
        region: vec![kent],
        region_name: "Kent alone".into(),
        limits: Default::default(),
    };
    let v = validate_folder(&s, returns.path(), &options).unwrap();
    let sub = &v.submissions[0];
    assert_eq!(sub.usable("H01"), Some(3.0));
    assert_eq!(sub.usable("H02"), Some(5.0));
    let h02 = placement.value_ref("H02").unwrap().to_string();
    assert_eq!(sub.values["H02"].cell.as_deref(), Some(h02.as_str()));
    // Every other item is blank (not provided): the only finding is the new relation's.
    let f: Vec<_> = sub.findings.iter().collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        (f[0].rule.as_str(), f[0].severity, f[0].items.clone()),
        (
            "SUM002",
            Severity::Warning,
            vec!["H02".into(), "H01".into()]
        )
    );
    assert_eq!(
        (f[0].cell.as_deref(), f[0].value.as_deref()),
        (Some(h02.as_str()), Some("5"))
    );
    assert_eq!(f[0].file, "return.xlsx");

    // `kinbench sample` on the edited schema: the model does not know H01 and
    // H02, so they are left blank, and the sample is still drawn and written.
    let out = tempfile::tempdir().unwrap();
    crate::sample_q1_q2(dir.path(), &["--faults"], out.path());
    let options = crate::south_east_options(&s);
    let v = validate_folder(&s, out.path(), &options).unwrap();
    assert!(v.submissions.len() > 30, "{}", v.submissions.len());
    for sub in &v.submissions {
        assert_eq!(
            (sub.usable("H01"), sub.usable("H02")),
            (None, None),
            "{}",
            sub.file
        );
    }
    let on_h: Vec<_> = v
        .findings
        .iter()
        .filter(|f| f.items.iter().any(|i| i.starts_with('H')))
        .collect();
    assert!(on_h.is_empty(), "{on_h:#?}");
}

/// A change to one schema file's text.
type Edit = Box<dyn Fn(String) -> String>;

#[test]
fn editing_mistakes_fail_with_the_file_and_reason() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "return.toml",
            Box::new(|t: String| t.replacen("code = \"A02\"", "code = \"A01\"", 1)),
            "return.toml: duplicate item code A01",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("rule = \"C02 <= C01\"", "rule = \"C02 <= C09\"")),
            "return.toml: relation 6 `C02 <= C09`: unknown item code C09",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("label = \"Children looked after\"", "label = \"  \"")),
            "return.toml: item A01 label is empty",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replacen("section = \"G\"", "section = \"Z\"", 1)),
            "return.toml: item G01 names unknown section Z",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("range = [0, 500]", "range = [500, 0]")),
            "return.toml: item C01 range [500, 0] is upside down",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("known_versions = [1]", "known_versions = [2]")),
            "return.toml: template version 1 is not in known_versions",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("unit = \"fte\"", "unit = \"hours\"")),
            "unknown variant `hours`, expected `count` or `fte`",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| t.replace("numerator = [\"C02\"]", "numerator = [\"C22\"]")),
            "metrics.toml: metric M07 names unknown item code C22",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| t.replacen("id = \"M02\"", "id = \"M01\"", 1)),
            "metrics.toml: duplicate metric id M01",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| {
                t.replace(
                    "comparator = \"sg_share_of_asgsf\"",
                    "comparator = \"nope\"",
                )
            }),
            "metrics.toml: metric M09 names comparator series nope, not in comparators.toml",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| t.replacen("chart = \"stacked\"", "chart = \"stack\"", 1)),
            "unknown variant `stack`, expected `bar` or `stacked`",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| {
                t.replace(
                    "comparator = \"sg_share_of_asgsf\"",
                    "comparator = \"ceased_in_year\"",
                )
            }),
            "metrics.toml: metric M09 is percent but its comparator series ceased_in_year is of \
             kind count; the series must be of kind percent",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| t.replace("interval_z = 1.959964", "interval_z = 0")),
            "metrics.toml: [outliers] interval_z must be > 0",
        ),
        (
            "comparators.toml",
            Box::new(|t: String| {
                t + "\n[[figure]]\nseries = \"sgo_share_of_exits\"\nyear_ending = 2023\nvalue = 11\nsource = \"x\"\n"
            }),
            "comparators.toml: two figures for sgo_share_of_exits year ending 2023",
        ),
        (
            "la-lookup.csv",
            Box::new(|t: String| t + "E99999999,886,Nowhere,E12000008,South East\n"),
            "la-lookup.csv: duplicate LA code 886",
        ),
    ];
    for (file, edit, expected) in cases {
        let (_d, got) = edited(file, edit);
        let err = got
            .err()
            .unwrap_or_else(|| panic!("expected an error containing {expected:?}"));
        assert!(
            err.starts_with(file) && err.contains(expected),
            "expected {expected:?} in {err:?}"
        );
    }
}

#[test]
fn a_missing_schema_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = Schema::load(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("return.toml") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn england_comparator_is_the_latest_year_ended_by_the_quarter() {
    use kinbench::period::Period;
    let s = bundled();
    let p = |t: &str| Period::parse(t).unwrap().0;
    let c = &s.comparators;
    assert_eq!(
        c.for_period("cla_at_31_march", p("2025-26 Q2"))
            .unwrap()
            .year_ending,
        2025
    );
    assert_eq!(
        c.for_period("cla_at_31_march", p("2024-25 Q3"))
            .unwrap()
            .year_ending,
        2024
    );
    // The year ending 31 March 2025 has ended on the last day of 2024-25 Q4.
    assert_eq!(
        c.for_period("cla_at_31_march", p("2024-25 Q4"))
            .unwrap()
            .year_ending,
        2025
    );
    // Only 2023 exists for this series: used later too, never invented for earlier.
    assert_eq!(
        c.for_period("sgo_share_of_exits", p("2025-26 Q2"))
            .unwrap()
            .value,
        12.0
    );
    assert!(c
        .for_period("sgo_share_of_exits", p("2021-22 Q1"))
        .is_none());
    assert!(c
        .for_period("sgo_cao_share_of_exits", p("2025-26 Q2"))
        .is_none());
}

/// A relation added to the schema gets its live check in the template with no
/// code change: written with the result for the values given, and calculated
/// the same by LibreOffice from the formula when typed into the blank template.
#[test]
fn a_new_relation_gets_its_live_check_in_the_template() {
    use calamine::{open_workbook_auto, Data, Reader};
    use kinbench::ingest::CellPos;
    use kinbench::template::{place, write_return, CellInput, CHECK_COL};

    use crate::template::{at, fill_blank_cells, read_sheet, Typed};

    let (_d, s, blank) = section_h_template();
    let dir = tempfile::tempdir().unwrap();
    let placement = place(&s, &blank);
    let (h01, h02) = (placement.values["H01"], placement.values["H02"]);
    let check = CellPos::new(h02.row, u32::from(CHECK_COL));
    let said = Data::String("H02 is 5, more than H01 at 3 (SUM002)".into());

    let mut filled = blank.clone();
    filled.values.insert("H01".into(), CellInput::Number(3.0));
    filled.values.insert("H02".into(), CellInput::Number(5.0));
    let written = dir.path().join("written.xlsx");
    write_return(&s, &filled, &written).unwrap();
    assert_eq!(at(&read_sheet(&written, "Return"), check), said);
    let mut book = open_workbook_auto(&written).unwrap();
    let formulas = book.worksheet_formula("Return").unwrap();
    let formula = formulas.get_value((check.row, check.col)).unwrap();
    let (r01, r02) = (format!("$C${}", h01.row + 1), format!("$C${}", h02.row + 1));
    assert!(
        formula.contains(&format!("SUM({r02})-SUM({r01})")),
        "{formula}"
    );

    let Some(soffice) = crate::libreoffice::soffice() else {
        return;
    };
    let blank_path = dir.path().join("blank.xlsx");
    write_return(&s, &blank, &blank_path).unwrap();
    let typed = dir.path().join("typed.xlsx");
    fill_blank_cells(
        &blank_path,
        &typed,
        &[
            (h01.a1(), Typed::Number(3.0)),
            (h02.a1(), Typed::Number(5.0)),
        ],
    );
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let calculated = crate::libreoffice::recalculate(&soffice, &[typed], &out);
    let cells = read_sheet(&calculated[0], "Return");
    assert_eq!(at(&cells, check), said);
    assert_eq!(
        at(&cells, CellPos::new(placement.table_header_row - 1, 1)),
        Data::String("1 check to look at".into())
    );
}

/// A schema that piles more checks on one item than one Excel formula holds is
/// refused by name when the template is written, never written as a file Excel rejects.
#[test]
fn too_many_checks_on_one_item_stop_the_template_by_name() {
    let (_d, s) = edited("metrics.toml", |t| {
        let extra: String = (20..40)
            .map(|i| {
                format!(
                    "\n[[metric]]\nid = \"M{i}\"\ntitle = \"Extra {i}\"\nshort = \"Extra {i}\"\nnumerator = [\"B02a\", \"B02b\", \"B02c\"]\ndenominator = [\"B01\"]\nunit = \"percent\"\nchart = \"bar\"\n"
                )
            })
            .collect();
        t.replacen("# Count measures", &format!("{extra}\n# Count measures"), 1)
    });
    let s = s.expect("edited schema loads");
    assert_eq!(s.metrics.len(), 31);
    let dir = tempfile::tempdir().unwrap();
    let kent = s.las.by_code("886").unwrap();
    let period = kinbench::period::Period::new(2025, 2).unwrap();
    let err = kinbench::template::write_template(&s, kent, period, &dir.path().join("t.xlsx"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("the live checks at "), "{err}");
    assert!(err.contains("more than the 8192 Excel allows"), "{err}");
    assert!(!dir.path().join("t.xlsx").exists());
}

/// The quick comparison the reader uses to find labels says what comparing the
/// normal forms says, for every text, however odd: each pair below is checked
/// both ways, against each wanted label.
#[test]
fn label_is_agrees_with_comparing_normal_forms() {
    use kinbench::schema::{label_is, normalise_label};
    let texts = [
        "Code",
        " code ",
        "CODE:",
        "Code::",
        "code :",
        "Value",
        "  Value\u{a0}",
        "Notes",
        "Co de",
        "co\tde",
        "",
        "   ",
        ":",
        " : ",
        "::Code",
        "Cod",
        "Codes",
        "İtem",
        "i\u{307}tem",
        "ΣΑΣ",
        "σας",
        "Συ",
        "\u{2028}Code",
        "Ǆ",
        "ǆ",
        "Value used (numbers only)",
        "Guidance: fill in every cell",
        "cell",
        "vAlUe  :",
    ];
    let wanted: Vec<String> = texts.iter().map(|t| normalise_label(t)).collect();
    let mut agreed = 0;
    for text in texts {
        for w in &wanted {
            assert_eq!(
                label_is(text, w),
                normalise_label(text) == *w,
                "{text:?} against {w:?}"
            );
            agreed += usize::from(label_is(text, w));
        }
    }
    // The pairs that match: not only a text with itself ("Code" four ways, "Value" three).
    assert!(agreed > texts.len(), "{agreed}");
}
