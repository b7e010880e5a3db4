//! chart_pack.html: well-formed, self-contained, every chart inline with its
//! title, and the headline table's values exactly.

use super::fixture::{sample, write_sample_pack};
use super::pct;
use kinbench::report::Presenter;
use roxmltree::{Document, Node, ParsingOptions};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Parses the page as XML (it is written as XHTML): fails the test if it is not well-formed.
fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options).expect("chart_pack.html is well-formed XHTML")
}

fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .map(|d| d.text().unwrap_or(""))
        .collect::<String>()
        .trim()
        .to_string()
}

fn has_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

#[test]
fn the_page_holds_every_chart_inline_with_its_title() {
    let dir = write_sample_pack(&Presenter::internal());
    let html = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    let doc = parse(&html);
    let svgs: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((SVG_NS, "svg")))
        .collect();
    let files = std::fs::read_dir(dir.path().join("charts"))
        .unwrap()
        .count();
    assert_eq!(svgs.len() * 2, files, "one inline SVG per chart file pair");
    assert_eq!(html.matches("<svg").count(), svgs.len());
    for svg in &svgs {
        let figure = svg.parent_element().unwrap();
        let title = figure
            .attribute("aria-label")
            .expect("figure labelled by its title");
        let words: Vec<&str> = svg
            .descendants()
            .filter(|n| n.has_tag_name((SVG_NS, "text")))
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        assert!(words.join(" ").contains(title), "{title}");
        let section = figure.parent_element().unwrap();
        let narrative = section
            .children()
            .find(|n| has_class(n, "narrative"))
            .expect("narrative under the chart");
        assert!(!text_of(narrative).is_empty());
    }
    let b = &sample().benchmark;
    let narratives: Vec<String> = doc
        .descendants()
        .filter(|n| has_class(n, "narrative"))
        .map(text_of)
        .collect();
    for m in &b.metrics {
        assert!(
            narratives.contains(&Presenter::internal().narrative(m)),
            "{}",
            m.id
        );
    }
    assert!(
        html.contains("Oxfordshire is outside the 99.8% limits for temporary share of approvals")
    );
    // Self-contained: nothing fetched, nothing run.
    for outside in ["<script", " src=", " href=", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("break-before: page"));
}

#[test]
fn the_headline_table_has_each_metric_with_exact_values() {
    let dir = write_sample_pack(&Presenter::internal());
    let html = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    let doc = parse(&html);
    let mode = doc.descendants().find(|n| has_class(n, "mode")).unwrap();
    assert_eq!(text_of(mode), Presenter::internal().mode_note());
    let table = doc.descendants().find(|n| n.has_tag_name("table")).unwrap();
    let rows: Vec<Vec<String>> = table
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|b| b.children().filter(|n| n.has_tag_name("tr")))
        .map(|tr| {
            tr.children()
                .filter(|n| n.is_element())
                .map(text_of)
                .collect()
        })
        .collect();
    let b = &sample().benchmark;
    assert_eq!(rows.len(), b.metrics.len());
    let shown = |v: f64| (v * 10.0).round() / 10.0;
    for (row, m) in rows.iter().zip(&b.metrics) {
        let now = m.at(b.period).unwrap();
        let prev = m.at(b.period.prev()).unwrap();
        let pooled = now.region.pooled.unwrap();
        let d = shown(shown(pooled) - shown(prev.region.pooled.unwrap()));
        let change = match d {
            d if d > 0.0 => format!("+{d:.1}"),
            d if d < 0.0 => format!("\u{2212}{:.1}", -d),
            _ => "0.0".to_string(),
        };
        assert_eq!(row[0], format!("{} {}", m.id, m.short));
        assert!(row[1].starts_with(&format!("{:.1}", pooled)), "{row:?}");
        assert!(row[2].starts_with(&change), "{row:?} {change}");
        assert_eq!(row[4], format!("{} of 19", now.region.n_included));
    }
    let m03 = &rows[2];
    let pooled = b
        .metric("M03")
        .unwrap()
        .at(b.period)
        .unwrap()
        .region
        .pooled
        .unwrap();
    assert_eq!(m03[1], pct(pooled));
    assert_eq!(m03[3], "\u{2013}");
    assert_eq!(m03[5], "Oxfordshire");
    assert_eq!(rows[0][3], "12% (2023)");
    assert_eq!(rows[0][5], "none");
    assert_eq!(
        rows[7][1],
        format!(
            "{:.1}",
            b.metric("M08")
                .unwrap()
                .at(b.period)
                .unwrap()
                .region
                .pooled
                .unwrap()
        )
    );

    let missing: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("dt"))
        .map(|dt| (text_of(dt), text_of(dt.next_sibling_element().unwrap())))
        .collect();
    assert_eq!(
        missing[0],
        ("2024-25 Q3".to_string(), "Portsmouth".to_string())
    );
    assert_eq!(
        missing[3],
        ("2025-26 Q2".to_string(), "Reading".to_string())
    );
}

/// The body rows of the data table under the chart `stem`, cell by cell.
fn data_rows(doc: &Document<'_>, stem: &str) -> Vec<Vec<String>> {
    let section = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(stem))
        .unwrap_or_else(|| panic!("no section {stem}"));
    let details = section
        .children()
        .find(|n| n.has_tag_name("details"))
        .unwrap_or_else(|| panic!("{stem}: no <details> under the chart"));
    let summary = details.children().find(|n| n.has_tag_name("summary"));
    assert_eq!(
        summary.map(text_of).as_deref(),
        Some("The chart's data as a table")
    );
    let table = details
        .descendants()
        .find(|n| n.has_tag_name("table"))
        .unwrap();
    let caption = table
        .children()
        .find(|n| n.has_tag_name("caption"))
        .unwrap();
    assert!(text_of(caption).ends_with(": the figures the chart shows"));
    table
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|b| b.children().filter(|n| n.has_tag_name("tr")))
        .map(|tr| {
            tr.children()
                .filter(|n| n.is_element())
                .map(text_of)
                .collect()
        })
        .collect()
}

#[test]
fn every_chart_is_followed_by_its_data_as_a_table() {
    let dir = write_sample_pack(&Presenter::internal());
    let html = std::fs::read_to_string(dir.path().join("chart_pack.html")).unwrap();
    let doc = parse(&html);
    let stems: Vec<&str> = doc
        .descendants()
        .filter(|n| has_class(n, "chart"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert!(stems.len() > 20, "{stems:?}");
    for stem in &stems {
        assert!(!data_rows(&doc, stem).is_empty(), "{stem}: an empty table");
    }
    // M01's bars, row for row in the chart's order: largest first, "no data" last.
    let b = &sample().benchmark;
    let mp = b.metric("M01").unwrap().at(b.period).unwrap();
    let mut las: Vec<_> = mp.las.iter().collect();
    las.sort_by(|x, y| match (x.value, y.value) {
        (Some(a), Some(c)) => c.total_cmp(&a).then(x.la_name.cmp(&y.la_name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.la_name.cmp(&y.la_name),
    });
    let want: Vec<Vec<String>> = las
        .iter()
        .map(|l| {
            vec![
                l.la_name.clone(),
                l.value.map_or("no data".to_string(), pct),
                match (l.value, l.wilson) {
                    (Some(_), Some(w)) => format!("{} to {}", pct(w.low), pct(w.high)),
                    _ => String::new(),
                },
                if l.outlier { "yes" } else { "" }.to_string(),
            ]
        })
        .collect();
    assert_eq!(data_rows(&doc, "m01_bars"), want);
    assert_eq!(want.len(), 19);
    // Reading sent nothing for the quarter: "not received" in every section, never 0.
    let coverage = data_rows(&doc, "coverage");
    let reading = coverage.iter().find(|r| r[0] == "Reading").unwrap();
    assert!(
        reading[1..].iter().all(|c| c == "not received"),
        "{reading:?}"
    );
    assert_eq!(reading.len(), 1 + sample().schema.sections.len());
}
