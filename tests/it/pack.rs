//! The chart pack and LA profiles, read back from the files written: SVG
//! text, PNG pixels, the HTML page and the feedback workbook. Expected titles
//! and values are worked out here from the benchmark's own figures.

mod anonymise;
pub(crate) mod fixture;
mod hand;
mod page;
mod profile;
mod rounds_to_zero;
mod sample_charts;

use std::path::Path;

use kinbench::period::Period;
use kinbench::report::RunInfo;

use crate::charts::{texts, SvgText};

/// The run facts of a hand-built South East run for `period`, as of its last day.
pub fn hand_info(period: Period) -> RunInfo {
    RunInfo {
        tool: "kinbench test".into(),
        schema_origin: "bundled".into(),
        region_name: "South East".into(),
        period: Some(period),
        as_of: period.last_day(),
        mail: Default::default(),
    }
}

/// The texts of a chart's SVG file, in document order.
pub fn svg_texts(dir: &Path, stem: &str) -> Vec<SvgText> {
    let svg = std::fs::read_to_string(dir.join("charts").join(format!("{stem}.svg"))).unwrap();
    texts(&svg)
}

/// Every text of the chart joined by spaces: a title wrapped onto two lines reads whole.
pub fn joined(all: &[SvgText]) -> String {
    all.iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names among `names` written in the chart, top to bottom.
pub fn names_top_down(all: &[SvgText], names: &[String]) -> Vec<String> {
    let mut found: Vec<&SvgText> = all.iter().filter(|t| names.contains(&t.text)).collect();
    found.sort_by(|a, b| a.y.total_cmp(&b.y));
    found.into_iter().map(|t| t.text.clone()).collect()
}

/// `9.6%`: one decimal, as the pack writes a regional value.
pub fn pct(v: f64) -> String {
    format!("{v:.1}%")
}
