//! Publish and anonymise modes reach every sheet.

use super::fixture::{number, parts, sample, sheet, sheet_names, text, write, Mode};

/// (sheet, header row, count columns): every column that shows an LA's or the region's count.
fn count_columns(names: &[String]) -> Vec<(String, u32, Vec<u32>)> {
    let mut out: Vec<(String, u32, Vec<u32>)> = names
        .iter()
        .filter(|n| n.starts_with('M') && n.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
        .map(|n| (n.clone(), super::METRIC_HEADER_ROW, vec![1, 2]))
        .collect();
    out.push(("Approvals".into(), 4, vec![1, 2, 3]));
    out.push(("Reasons".into(), 4, vec![2]));
    out.push(("Data".into(), 0, vec![3]));
    out
}

#[test]
fn publish_mode_writes_no_count_from_1_to_5_as_a_number() {
    let run = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Publish, dir.path());
    let names = sheet_names(&path);
    let mut suppressed = 0;
    let mut numbers = 0;
    for (name, header, cols) in count_columns(&names) {
        let s = sheet(&path, &name);
        for r in header + 1..s.height() as u32 {
            for &c in &cols {
                if let Some(v) = number(&s, r, c) {
                    numbers += 1;
                    assert!(!(v > 0.0 && v <= 5.0), "{name} row {r} col {c}: {v}");
                }
                suppressed += usize::from(text(&s, r, c) == "c");
            }
        }
    }
    assert!(
        numbers > 1000 && suppressed > 50,
        "{numbers} numbers, {suppressed} c"
    );
    // Regional totals are rounded to 10 in the Summary's count measures.
    let s = sheet(&path, "Summary");
    let r = super::fixture::row_of(&s, "C01");
    assert_eq!(number(&s, r, 3).unwrap() % 10.0, 0.0);
    // LA percentages are whole numbers.
    let m01 = sheet(&path, "M01 SGO share of exits");
    for r in super::METRIC_HEADER_ROW + 1..m01.height() as u32 {
        if let Some(v) = number(&m01, r, 3) {
            assert_eq!(v.fract(), 0.0, "row {r}: {v}");
        }
    }
    assert!(text(&sheet(&path, "About"), 1, 0).starts_with("Published"));
}

#[test]
fn anonymise_mode_names_no_region_la_anywhere() {
    let run = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = write(run, Mode::Anonymise, dir.path());
    let texts: Vec<(String, String)> = parts(&path)
        .into_iter()
        .filter(|(n, _)| n == "xl/sharedStrings.xml" || n.starts_with("xl/charts/"))
        .collect();
    assert!(texts.len() > 1);
    for la in &run.validation.region {
        for (part, xml) in &texts {
            assert!(!xml.contains(&la.name), "{} in {part}", la.name);
        }
    }
    let m01 = sheet(&path, "M01 SGO share of exits");
    let first = super::METRIC_HEADER_ROW + 1;
    for r in first..first + 19 {
        assert!(text(&m01, r, 0).starts_with("LA "), "{}", text(&m01, r, 0));
    }
    // The Coverage grid is sorted by the letters shown, not the hidden names.
    let cov = sheet(&path, "Coverage");
    let shown: Vec<String> = (5..24).map(|r| text(&cov, r, 0)).collect();
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(shown, sorted);
    assert_eq!(shown[0], "LA A");
}
