//! Anonymise mode: the pack names no region LA, while an LA's own feedback
//! names that LA and no other.

use calamine::{open_workbook, Data, Reader, Xlsx};
use kinbench::report::Presenter;

use super::fixture::{region, sample, write_sample_pack};
use super::profile::{q2, write_feedback};

fn anonymised() -> Presenter {
    Presenter::new(&region(&sample().schema), false, true)
}

fn names() -> Vec<String> {
    region(&sample().schema)
        .into_iter()
        .map(|l| l.name)
        .collect()
}

#[test]
fn the_anonymised_pack_names_no_la() {
    let p = anonymised();
    let dir = write_sample_pack(&p);
    let mut files = vec![dir.path().join("chart_pack.html")];
    for e in std::fs::read_dir(dir.path().join("charts")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "svg") {
            files.push(path);
        }
    }
    assert_eq!(files.len(), 1 + 34);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for name in names() {
            assert!(!text.contains(&name), "{name} in {}", path.display());
        }
    }
    let html = std::fs::read_to_string(&files[0]).unwrap();
    let letter = p.la_name("931", "Oxfordshire");
    assert!(letter.starts_with("LA "), "{letter}");
    assert!(
        html.contains(&format!("<td>{letter}</td>")),
        "M03's outlier by letter"
    );
    assert!(html.contains(p.mode_note()));
    let m03 = std::fs::read_to_string(dir.path().join("charts/m03_funnel.svg")).unwrap();
    assert!(m03.contains(&format!("{letter} is outside the 99.8% limits")));
}

#[test]
fn an_anonymised_la_feedback_names_only_that_la() {
    let dir = write_feedback(&anonymised());
    let text = std::fs::read_to_string(q2(dir.path(), "931 Oxfordshire.txt")).unwrap();
    let mut book: Xlsx<_> = open_workbook(q2(dir.path(), "931 Oxfordshire.xlsx")).unwrap();
    let mut cells = String::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for c in range.used_cells() {
            if let (_, _, Data::String(s)) = c {
                cells.push_str(s);
                cells.push('\n');
            }
        }
    }
    assert!(cells.contains("Your position in the South East region: Oxfordshire, 2025-26 Q2"));
    for body in [&text, &cells] {
        assert!(body.contains("Oxfordshire"));
        for name in names().iter().filter(|n| *n != "Oxfordshire") {
            assert!(
                !body.contains(name.as_str()),
                "{name} in Oxfordshire's feedback"
            );
        }
        let letter = anonymised().la_name("931", "Oxfordshire");
        assert!(!body.contains(&letter), "its own name, not its letter");
    }
    assert!(text.contains(anonymised().mode_note()));
}

#[test]
fn the_published_pack_writes_la_percentages_whole_and_the_region_to_one_decimal() {
    let run = sample();
    let p =
        Presenter::new(&region(&run.schema), true, false).withholding(&run.schema, &run.validation);
    let dir = write_sample_pack(&p);
    let b = &sample().benchmark;
    let mp = b.metric("M03").unwrap().at(b.period).unwrap();
    let own = mp.la("931").unwrap().value.unwrap();
    let bars = super::svg_texts(dir.path(), "m03_bars");
    crate::charts::one(&bars, &format!("{own:.0}%"));
    crate::charts::one(
        &bars,
        &format!("South East {:.1}%", mp.region.pooled.unwrap()),
    );
    assert!(!bars.iter().any(|t| t.text == format!("{own:.1}%")));
    let html = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    assert!(html.contains(p.mode_note()));
}
