//! Each colour means one thing in every output: the SVG charts, the chart
//! pack page that carries them, and the workbook's native charts.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;

use kinbench::report::charts::{role, Rgb};

use kinbench::pipeline::RunOptions;

use super::full_run;

/// The fill of the `<text>` element whose content starts with `text`.
fn text_fill(svg: &str, text: &str) -> Option<String> {
    let at = svg.find(&format!(">\n{text}"))?;
    let open = svg[..at].rfind("<text")?;
    let tag = &svg[open..at];
    let fill = tag.split("fill=\"").nth(1)?.split('"').next()?;
    Some(fill.to_string())
}

/// How many `<rect>`s are filled with `colour`.
fn rects(svg: &str, colour: Rgb) -> usize {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{}\"", colour.hex())))
        .count()
}

/// Every workbook chart's bar colours by category label, and line colours by series name.
fn workbook_colours(xlsx: &std::path::Path) -> (Vec<(String, String)>, BTreeMap<String, String>) {
    let mut zip = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut bars = Vec::new();
    let mut lines = BTreeMap::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if !part.name().unwrap().starts_with("xl/charts/chart") {
            continue;
        }
        let mut x = String::new();
        part.read_to_string(&mut x).unwrap();
        for ser in x.split("<c:ser>").skip(1) {
            let name = between(ser, "<c:tx><c:v>", "</c:v>").unwrap_or_default();
            if ser.contains("<a:ln") && !ser.contains("<c:dPt>") {
                if let Some(c) = between(ser, "<a:ln", "</a:ln>")
                    .and_then(|ln| between(&ln, "srgbClr val=\"", "\""))
                {
                    lines.insert(name, c);
                }
                continue;
            }
            let Some(cat) = between(ser, "<c:cat>", "</c:cat>") else {
                continue;
            };
            let labels: BTreeMap<String, String> = cat
                .split("<c:pt idx=\"")
                .skip(1)
                .map(|p| {
                    let idx = p.split('"').next().unwrap().to_string();
                    (idx, between(p, "<c:v>", "</c:v>").unwrap())
                })
                .collect();
            for dpt in ser.split("<c:dPt><c:idx val=\"").skip(1) {
                let idx = dpt.split('"').next().unwrap();
                let colour = between(dpt, "srgbClr val=\"", "\"").unwrap();
                if let Some(label) = labels.get(idx) {
                    bars.push((label.clone(), format!("#{colour}")));
                }
            }
        }
    }
    (bars, lines)
}

fn between(s: &str, a: &str, b: &str) -> Option<String> {
    let start = s.find(a)? + a.len();
    let len = s[start..].find(b)?;
    Some(s[start..start + len].to_string())
}

#[test]
fn each_colour_role_is_the_same_rgb_in_svg_html_and_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let (prepared, dir) = full_run(tmp.path(), &RunOptions::default());
    let bm = &prepared.benchmark;
    let region = &bm.region_name;
    let html = fs::read_to_string(dir.join("chart_pack.html")).unwrap();
    let mut seen = BTreeMap::new();
    for m in &bm.metrics {
        let Some(mp) = m.at(bm.period) else { continue };
        let path = dir.join(format!("charts/{}_bars.svg", m.id.to_lowercase()));
        let svg = fs::read_to_string(&path).unwrap();
        let body = &svg[svg.find("<svg").unwrap()..];
        // The page carries the chart itself, so it draws the same colours.
        assert!(html.contains(body), "{} not in the page", path.display());
        let outliers = mp.las.iter().filter(|l| l.included() && l.outlier).count();
        let plain = mp.las.iter().filter(|l| l.included() && !l.outlier).count();
        assert_eq!(rects(body, role::OUTLIER), outliers, "{}", m.id);
        assert_eq!(rects(body, role::LA), plain, "{}", m.id);
        seen.entry("outlier").or_insert(0usize);
        *seen.get_mut("outlier").unwrap() += outliers;
        if let Some(fill) = text_fill(body, &format!("{region} ")) {
            assert_eq!(fill, role::REGION.hex(), "{} region label", m.id);
            *seen.entry("region").or_insert(0) += 1;
        }
        if mp.england.is_some() {
            let fill = text_fill(body, "England ").expect("England label");
            assert_eq!(fill, role::ENGLAND.hex(), "{} England label", m.id);
            *seen.entry("england").or_insert(0) += 1;
        }
        if mp.las.iter().any(|l| !l.included()) {
            let fill = text_fill(body, "no data").expect("no data label");
            assert_eq!(fill, role::NO_DATA.hex(), "{} no data", m.id);
            *seen.entry("no data").or_insert(0) += 1;
        }
    }
    for role in ["outlier", "region", "england", "no data"] {
        assert!(seen.get(role).copied().unwrap_or(0) > 0, "no {role} drawn");
    }

    let (bars, lines) =
        workbook_colours(&dir.join(format!("kinship_benchmark_{}.xlsx", super::SLUG)));
    let mut roles_in_workbook = BTreeMap::new();
    for (label, colour) in &bars {
        let want = if label.ends_with("(outlier)") {
            ("outlier", role::OUTLIER)
        } else if label.starts_with("England (") {
            ("england", role::ENGLAND)
        } else if label.ends_with("(pooled)") {
            ("region", role::REGION)
        } else if label.ends_with("(no data)") {
            ("no data", role::NO_DATA)
        } else {
            continue;
        };
        assert_eq!(colour, &want.1.hex(), "workbook bar {label}");
        *roles_in_workbook.entry(want.0).or_insert(0) += 1;
    }
    assert_eq!(
        roles_in_workbook.keys().copied().collect::<Vec<_>>(),
        ["england", "no data", "outlier", "region"]
    );
    assert_eq!(
        lines.get("England"),
        Some(&role::ENGLAND.hex().replace('#', ""))
    );
    assert_eq!(
        lines.get(&format!("{region} (pooled)")),
        Some(&role::REGION_OVER_TIME.hex().replace('#', ""))
    );
    // The roles an LA could confuse are told apart.
    let distinct: std::collections::BTreeSet<String> = [
        role::LA,
        role::OUTLIER,
        role::ENGLAND,
        role::REGION,
        role::NO_DATA,
        role::OUTER_LIMIT,
    ]
    .iter()
    .map(|c| c.hex())
    .collect();
    assert_eq!(distinct.len(), 6);

    // A funnel's outer limits were once England's dark pink: each funnel
    // draws them in their own colour and has nothing in England's.
    let mut funnels = 0;
    for m in &bm.metrics {
        let path = dir.join(format!("charts/{}_funnel.svg", m.id.to_lowercase()));
        let Ok(svg) = fs::read_to_string(&path) else {
            continue;
        };
        funnels += 1;
        let limit = format!("stroke=\"{}\"", role::OUTER_LIMIT.hex());
        assert_eq!(svg.matches(&limit).count(), 2, "{}", path.display());
        assert!(!svg.contains(&role::ENGLAND.hex()), "{}", path.display());
    }
    assert!(funnels >= 5, "{funnels} funnels");

    // The metric sheets' key names the colours the bars are drawn in.
    let strings = part(
        &dir.join(format!("kinship_benchmark_{}.xlsx", super::SLUG)),
        "xl/sharedStrings.xml",
    );
    let key = between(&strings, "<t>Bars: ", "</t>").expect("the bars' key");
    for (colour, meaning) in [
        (role::LA, "LA"),
        (role::OUTLIER, "outlier"),
        (role::REGION, "region pooled"),
        (role::ENGLAND, "England"),
    ] {
        let said = format!("{} = {meaning}", colour.name());
        assert!(key.contains(&said), "{said:?} not in {key:?}");
    }
}

/// One part of an xlsx file, as text.
fn part(xlsx: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}
