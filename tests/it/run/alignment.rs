//! Every cell of a table row sits at the same height: rows grow for wrapped
//! text and the profile's position charts, so a cell left at Excel's bottom
//! default beside top-aligned ones reads as the next row's (read back from
//! each workbook's styles and sheets).

use std::fs;
use std::io::Read;
use std::path::Path;

use kinbench::pipeline::RunOptions;

use super::full_run;

fn parts(xlsx: &Path) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let name = part.name().unwrap().to_string();
            let mut text = String::new();
            part.read_to_string(&mut text).unwrap_or_default();
            (name, text)
        })
        .collect()
}

/// Each cellXfs entry's vertical alignment ("bottom" when unset, Excel's default).
fn vertical_by_style(styles: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(styles).unwrap();
    let xfs = doc
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap();
    xfs.children()
        .filter(|n| n.has_tag_name("xf"))
        .map(|xf| {
            xf.children()
                .find(|n| n.has_tag_name("alignment"))
                .and_then(|a| a.attribute("vertical"))
                .unwrap_or("bottom")
                .to_string()
        })
        .collect()
}

/// `sheet: row N has B top, C bottom` for every row whose cells differ.
fn mixed_rows(xlsx: &Path) -> Vec<String> {
    let parts = parts(xlsx);
    let styles = &parts.iter().find(|(n, _)| n == "xl/styles.xml").unwrap().1;
    let vertical = vertical_by_style(styles);
    let mut mixed = Vec::new();
    for (name, xml) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
    {
        let doc = roxmltree::Document::parse(xml).unwrap();
        for row in doc.descendants().filter(|n| n.has_tag_name("row")) {
            let cells: Vec<(String, String)> = row
                .children()
                .filter(|c| c.has_tag_name("c"))
                .map(|c| {
                    let s: usize = c.attribute("s").map_or(0, |s| s.parse().unwrap());
                    (c.attribute("r").unwrap().to_string(), vertical[s].clone())
                })
                .collect();
            if cells.iter().any(|(_, v)| *v != cells[0].1) {
                mixed.push(format!("{}: {name}: {cells:?}", xlsx.display()));
            }
        }
    }
    mixed
}

#[test]
fn every_cell_of_a_row_has_the_same_vertical_alignment_in_feedback_and_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir) = full_run(tmp.path(), &RunOptions::default());
    let mut books = vec![dir.join(format!("kinship_benchmark_{}.xlsx", super::SLUG))];
    for period in fs::read_dir(dir.join("feedback")).unwrap() {
        for f in fs::read_dir(period.unwrap().path()).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "xlsx") {
                books.push(path);
            }
        }
    }
    // The workbook and one feedback workbook per return (75 of them).
    assert_eq!(books.len(), 76);
    let with_profile = books
        .iter()
        .filter(|b| {
            parts(b)
                .iter()
                .any(|(n, x)| n == "xl/workbook.xml" && x.contains("name=\"Profile\""))
        })
        .count();
    assert!(
        with_profile >= 18,
        "{with_profile} feedback workbooks with a Profile"
    );
    let mixed: Vec<String> = books.iter().flat_map(|b| mixed_rows(b)).collect();
    assert!(
        mixed.is_empty(),
        "{} rows mixed, e.g. {:?}",
        mixed.len(),
        &mixed[..mixed.len().min(3)]
    );
}
