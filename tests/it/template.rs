//! Tests for the template stage: what is written can be read back exactly.

use std::collections::BTreeMap;

use calamine::{open_workbook_auto, Data, DataType, Reader};
use chrono::NaiveDate;
use kinbench::ingest::CellPos;
use kinbench::period::Period;
use kinbench::schema::{Schema, Unit};
use kinbench::template::{
    file_name, place, write_return, write_template, CellInput, ExtraSheet, ReturnContent, RowSpec,
    GUIDANCE_COLUMNS,
};

mod cells;
mod live;

pub(crate) use cells::{
    at, fill_blank_cells, la, read_sheet, schema, sheet_names, zip_entry, Typed,
};

fn q2() -> Period {
    Period::new(2025, 2).unwrap()
}

#[test]
fn file_name_follows_the_convention() {
    let s = schema();
    assert_eq!(file_name(&la(&s, "886"), q2()), "886 Kent 2025-26 Q2.xlsx");
    assert_eq!(
        file_name(&la(&s, "846"), Period::new(2024, 4).unwrap()),
        "846 Brighton and Hove 2024-25 Q4.xlsx"
    );
}

#[test]
fn template_has_header_block_table_and_sections_in_schema_order() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    write_template(&s, &la(&s, "886"), q2(), &path).unwrap();
    assert_eq!(sheet_names(&path), ["Return", "Guidance"]);
    let cells = read_sheet(&path, "Return");

    let labels: Vec<Data> = (1..=7).map(|r| at(&cells, CellPos::new(r, 0))).collect();
    let expected: Vec<Data> = s
        .headers
        .iter()
        .map(|h| Data::String(h.label.clone()))
        .collect();
    assert_eq!(labels, expected);
    let values: Vec<Data> = (1..=7).map(|r| at(&cells, CellPos::new(r, 1))).collect();
    assert_eq!(
        values,
        [
            Data::String("Kent".into()),
            Data::Float(886.0),
            Data::String("2025-26 Q2".into()),
            Data::Float(1.0),
            Data::Empty,
            Data::Empty,
            Data::Empty,
        ]
    );
    let table_header: Vec<Data> = (0..4).map(|c| at(&cells, CellPos::new(9, c))).collect();
    assert_eq!(
        table_header,
        ["Code", "Item", "Value", "Notes"].map(|t| Data::String(t.into()))
    );

    // Below the table header: a heading row (no code) per section, then its items.
    let mut codes = Vec::new();
    let mut headings = Vec::new();
    for row in 10..10 + (s.items.len() + s.sections.len()) as u32 {
        match (
            at(&cells, CellPos::new(row, 0)),
            at(&cells, CellPos::new(row, 1)),
        ) {
            (Data::String(code), _) => {
                codes.push(code);
                assert_eq!(
                    at(&cells, CellPos::new(row, 2)),
                    Data::Empty,
                    "row {row} value should be blank"
                );
            }
            (Data::Empty, Data::String(heading)) => headings.push(heading),
            other => panic!("row {row}: {other:?}"),
        }
    }
    assert_eq!(
        codes,
        s.items.iter().map(|i| i.code.clone()).collect::<Vec<_>>()
    );
    assert_eq!(headings[0], "A. Children looked after (CLA)");
    assert_eq!(headings[6], "G. Workforce");
    assert_eq!(headings.len(), s.sections.len());
    assert_eq!(at(&cells, CellPos::new(11, 0)), Data::String("A01".into()));
    assert_eq!(
        at(&cells, CellPos::new(11, 1)),
        Data::String("Children looked after".into())
    );
}

fn filled(s: &Schema) -> (ReturnContent, BTreeMap<String, f64>) {
    let mut content = ReturnContent::template(s, &la(s, "886"), q2());
    let mut expected = BTreeMap::new();
    for (i, item) in s.items.iter().enumerate() {
        let v = match item.unit {
            Unit::Count => (i * 7 + 3) as f64,
            Unit::Fte => 12.75,
        };
        content
            .values
            .insert(item.code.clone(), CellInput::Number(v));
        expected.insert(item.code.clone(), v);
    }
    content
        .header
        .insert("completed_by".into(), CellInput::Text("Sam Okafor".into()));
    content.header.insert(
        "email".into(),
        CellInput::Text("sam.okafor@kent.gov.uk".into()),
    );
    content.header.insert(
        "date_completed".into(),
        CellInput::Date(NaiveDate::from_ymd_opt(2025, 10, 14).unwrap()),
    );
    content
        .notes
        .insert("E06".into(), "Awaiting court date".into());
    (content, expected)
}

#[test]
fn filled_return_reads_back_exactly() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filled.xlsx");
    let (content, expected) = filled(&s);
    write_return(&s, &content, &path).unwrap();
    let cells = read_sheet(&path, "Return");
    let placement = place(&s, &content);
    for (code, v) in &expected {
        let pos = placement.values[code];
        assert_eq!(at(&cells, pos), Data::Float(*v), "{code}");
        assert_eq!(
            at(&cells, CellPos::new(pos.row, 0)),
            Data::String(code.clone())
        );
    }
    let header = |key: &str| at(&cells, placement.header[key]);
    assert_eq!(header("la_name"), Data::String("Kent".into()));
    assert_eq!(header("completed_by"), Data::String("Sam Okafor".into()));
    assert_eq!(
        header("email"),
        Data::String("sam.okafor@kent.gov.uk".into())
    );
    assert_eq!(
        header("date_completed").as_date(),
        NaiveDate::from_ymd_opt(2025, 10, 14)
    );
    assert_eq!(
        placement.value_ref("E06").unwrap().to_string(),
        "Return!C41"
    );
    assert_eq!(
        at(&cells, CellPos::new(40, 3)),
        Data::String("Awaiting court date".into())
    );
}

#[test]
fn layout_tweaks_are_data_and_the_placement_follows_them() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tweaked.xlsx");
    let (mut content, _) = filled(&s);
    content.sheet_name = Some("Kinship return".into());
    content.rows.retain(|r| *r != RowSpec::Item("B03".into()));
    content.rows.insert(0, RowSpec::Item("B03".into()));
    content.rows.insert(1, RowSpec::Blank);
    content
        .rows
        .insert(2, RowSpec::Comment("Checked by team manager".into()));
    content.values.insert(
        "D05".into(),
        CellInput::Formula {
            formula: "=1/0".into(),
            result: "#DIV/0!".into(),
        },
    );
    content
        .values
        .insert("A01".into(), CellInput::Text("1,234".into()));
    content.extra_sheets.push(ExtraSheet {
        name: "Working".into(),
        lines: vec!["draft".into()],
    });
    write_return(&s, &content, &path).unwrap();

    assert_eq!(
        sheet_names(&path),
        ["Kinship return", "Guidance", "Working"]
    );
    let placement = place(&s, &content);
    assert_eq!(
        placement.value_ref("B03").unwrap().to_string(),
        "'Kinship return'!C11"
    );
    let cells = read_sheet(&path, "Kinship return");
    assert_eq!(at(&cells, CellPos::new(10, 0)), Data::String("B03".into()));
    assert_eq!(at(&cells, CellPos::new(11, 1)), Data::Empty);
    assert_eq!(
        at(&cells, CellPos::new(12, 1)),
        Data::String("Checked by team manager".into())
    );
    assert_eq!(
        at(&cells, placement.values["A01"]),
        Data::String("1,234".into())
    );
    assert_eq!(
        at(&cells, placement.values["D05"]),
        Data::Error(calamine::CellErrorType::Div0)
    );
    let mut book = open_workbook_auto(&path).unwrap();
    let formulas = book.worksheet_formula("Kinship return").unwrap();
    let d05 = placement.values["D05"];
    assert_eq!(
        formulas.get_value((d05.row, d05.col)).map(String::as_str),
        Some("1/0")
    );
}

#[test]
fn guidance_has_one_row_per_item_with_checks_and_reading_rules() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    write_template(&s, &la(&s, "886"), q2(), &path).unwrap();
    let cells = read_sheet(&path, "Guidance");
    let heads: Vec<Data> = (0..6).map(|c| at(&cells, CellPos::new(0, c))).collect();
    assert_eq!(heads, GUIDANCE_COLUMNS.map(|t| Data::String(t.into())));
    let codes: Vec<String> = cells
        .iter()
        .filter(|((_, c), _)| *c == 0)
        .filter_map(|(_, d)| {
            d.get_string()
                .filter(|t| s.item(t).is_some())
                .map(str::to_string)
        })
        .collect();
    assert_eq!(
        codes,
        s.items.iter().map(|i| i.code.clone()).collect::<Vec<_>>()
    );
    let row_of = |code: &str| 1 + s.item_index(code) as u32;
    assert_eq!(
        at(&cells, CellPos::new(row_of("C02"), 5)),
        Data::String("C02 must not be more than C01.".into())
    );
    assert_eq!(
        at(&cells, CellPos::new(row_of("E01"), 5)),
        Data::String(
            "E02 + E03 + E04 + E05 + E06 must add up to E01. Usually between 0 and 100 for one LA in a quarter; outside that it is queried."
                .into()
        )
    );
    assert_eq!(
        at(&cells, CellPos::new(row_of("G01"), 3)),
        Data::String("FTE".into())
    );
    let all_text: String = cells
        .values()
        .filter_map(|d| d.get_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all_text.contains("\"n/a\", \"na\", \"-\""), "{all_text}");
    assert!(all_text.contains("more than 50% and of at least 5"));
    assert!(all_text.contains(
        "The Check column beside Notes checks your figures as you type: it says what does not add up or is missing, with the rule code"
    ));
    assert!(all_text.contains("or says No problems found;"));
    assert!(all_text.contains("Check your return before you send it\nOpen selfcheck.html"));
}

#[test]
fn xlsx_carries_validation_protection_and_frozen_panes() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    write_template(&s, &la(&s, "886"), q2(), &path).unwrap();
    let xml = zip_entry(&path, "xl/worksheets/sheet1.xml");
    // One per value cell, plus Period, Completed by, Email and Date completed.
    assert_eq!(xml.matches("<dataValidation ").count(), s.items.len() + 4);
    assert_eq!(
        xml.matches("<dataValidation type=\"whole\"").count(),
        s.items.len() - 1
    );
    assert_eq!(xml.matches("<dataValidation type=\"decimal\"").count(), 1);
    assert!(xml.contains("type=\"list\""));
    assert!(xml.contains("2024-25 Q2,2024-25 Q3,2024-25 Q4,2025-26 Q1,2025-26 Q2,2025-26 Q3,2025-26 Q4,2026-27 Q1,2026-27 Q2"));
    assert!(xml.contains("<dataValidation type=\"date\""));
    assert!(xml.contains("<sheetProtection "));
    assert!(!xml.contains("password"));
    assert!(
        xml.contains("<pane ySplit=\"10\" topLeftCell=\"A11\""),
        "{xml}"
    );
    // The only formulas are the template's own live checks: never a value typed.
    let formula_cells: Vec<&str> = xml
        .match_indices("<f>")
        .map(|(i, _)| {
            let open = xml[..i].rfind("<c r=\"").unwrap() + 6;
            &xml[open..open + xml[open..].find('"').unwrap()]
        })
        .collect();
    assert!(!formula_cells.is_empty());
    for a1 in formula_cells {
        assert!(a1 == "B9" || a1.starts_with('E'), "a formula in {a1}");
    }
    let guidance = zip_entry(&path, "xl/worksheets/sheet2.xml");
    assert!(guidance.contains("<sheetProtection "));
}

/// The generated template, filled in every value cell (values that raise no
/// finding: the sample model's clean Kent quarter), every Notes cell and the
/// editable header cells, reads back through kinbench's own reader and
/// validator exactly, with no finding.
#[test]
fn generated_template_filled_in_reads_back_through_kinbench_exactly() {
    use kinbench::sample::{simulate, SampleOptions};
    use kinbench::validate::{validate_folder, ReturnStatus};

    let s = schema();
    let kent = la(&s, "886");
    let options = crate::south_east_options(&s);
    let ds = simulate(
        &s,
        &SampleOptions {
            region: options.region.clone(),
            periods: vec![q2()],
            seed: 7,
            faults: false,
        },
    )
    .unwrap();
    let values = &ds.get("886", q2()).unwrap().values;
    assert_eq!(values.len(), s.items.len());

    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("template.xlsx");
    write_template(&s, &kent, q2(), &blank).unwrap();
    let placement = place(&s, &ReturnContent::template(&s, &kent, q2()));
    let mut cells = Vec::new();
    for item in &s.items {
        let pos = placement.values[&item.code];
        cells.push((pos.a1(), Typed::Number(values[&item.code])));
        let notes = CellPos::new(pos.row, u32::from(kinbench::template::NOTES_COL));
        cells.push((notes.a1(), Typed::Text(format!("note on {}", item.code))));
    }
    for (key, typed) in [
        ("completed_by", "Sam Okafor"),
        ("email", "sam.okafor@kent.gov.uk"),
        ("date_completed", "14/10/2025"),
    ] {
        cells.push((placement.header[key].a1(), Typed::Text(typed.into())));
    }
    let returns = dir.path().join("returns");
    std::fs::create_dir(&returns).unwrap();
    fill_blank_cells(&blank, &returns.join(file_name(&kent, q2())), &cells);

    let v = validate_folder(&s, &returns, &options).unwrap();
    assert_eq!(v.submissions.len(), 1);
    let sub = &v.submissions[0];
    assert_eq!(sub.findings, vec![]);
    assert!(!v
        .findings
        .iter()
        .any(|f| f.la_code.as_deref() == Some("886")));
    assert_eq!(sub.status, ReturnStatus::Used);
    assert_eq!(sub.la.as_ref().map(|l| l.code.as_str()), Some("886"));
    assert_eq!(sub.period, Some(q2()));
    assert_eq!(sub.completed_by.as_deref(), Some("Sam Okafor"));
    assert_eq!(sub.email.as_deref(), Some("sam.okafor@kent.gov.uk"));
    assert_eq!(sub.date_completed, NaiveDate::from_ymd_opt(2025, 10, 14));
    assert_eq!(sub.values.len(), s.items.len());
    for item in &s.items {
        let got = &sub.values[&item.code];
        assert_eq!(got.value, Some(values[&item.code]), "{}", item.code);
        assert_eq!(
            got.cell,
            placement.value_ref(&item.code).map(|r| r.to_string()),
            "{}",
            item.code
        );
        let note = format!("note on {}", item.code);
        assert_eq!(got.note.as_deref(), Some(note.as_str()));
    }
}

/// In the generated template the cells the LA fills are unlocked on the protected
/// sheet, the pre-filled identity (LA name, LA code, Template version) is locked,
/// and every value cell's data validation carries an input message.
#[test]
fn template_unlocks_what_the_la_fills_and_locks_its_identity() {
    let s = schema();
    let kent = la(&s, "886");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    write_template(&s, &kent, q2(), &path).unwrap();
    let placement = place(&s, &ReturnContent::template(&s, &kent, q2()));

    let styles = zip_entry(&path, "xl/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let unlocked_xf: Vec<bool> = styles
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("xf"))
        .map(|xf| {
            xf.children()
                .any(|p| p.has_tag_name("protection") && p.attribute("locked") == Some("0"))
        })
        .collect();
    let sheet = zip_entry(&path, "xl/worksheets/sheet1.xml");
    let sheet = roxmltree::Document::parse(&sheet).unwrap();
    assert!(sheet
        .descendants()
        .any(|n| n.has_tag_name("sheetProtection")));
    let unlocked = |pos: CellPos| {
        let a1 = pos.a1();
        let c = sheet
            .descendants()
            .find(|n| n.has_tag_name("c") && n.attribute("r") == Some(a1.as_str()))
            .unwrap_or_else(|| panic!("no cell {a1}"));
        let style: usize = c.attribute("s").map_or(0, |v| v.parse().unwrap());
        unlocked_xf[style]
    };
    let prompts: BTreeMap<String, (String, String)> = sheet
        .descendants()
        .filter(|n| n.has_tag_name("dataValidation"))
        .filter(|n| n.attribute("showInputMessage") == Some("1"))
        .map(|n| {
            (
                n.attribute("sqref").unwrap().to_string(),
                (
                    n.attribute("promptTitle").unwrap_or("").to_string(),
                    n.attribute("prompt").unwrap_or("").to_string(),
                ),
            )
        })
        .collect();

    for item in &s.items {
        let pos = placement.values[&item.code];
        let notes = CellPos::new(pos.row, u32::from(kinbench::template::NOTES_COL));
        assert!(unlocked(pos), "{} value cell is locked", item.code);
        assert!(unlocked(notes), "{} notes cell is locked", item.code);
        // The live check's formula is the template's, kept by the protection.
        let check = CellPos::new(pos.row, u32::from(kinbench::template::CHECK_COL));
        assert!(!unlocked(check), "{} check cell is editable", item.code);
        let (title, prompt) = prompts
            .get(&pos.a1())
            .unwrap_or_else(|| panic!("{} has no input message", item.code));
        assert!(title.starts_with(&format!("{}: ", item.code)), "{title}");
        assert!(!prompt.trim().is_empty(), "{}", item.code);
    }
    for key in ["period", "completed_by", "email", "date_completed"] {
        let pos = placement.header[key];
        assert!(unlocked(pos), "{key} is locked");
        let (title, prompt) = prompts.get(&pos.a1()).unwrap();
        assert!(!title.is_empty() && !prompt.is_empty(), "{key}");
    }
    assert!(
        !unlocked(CellPos::new(placement.table_header_row - 1, 1)),
        "summary"
    );
    // Pre-filled by the analyst: a changed LA code would misfile the return.
    for key in ["la_name", "la_code", "template_version"] {
        let pos = placement.header[key];
        assert!(!unlocked(pos), "{key} is editable");
        assert!(!prompts.contains_key(&pos.a1()), "{key}");
    }
}
