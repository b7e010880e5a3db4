//! Checks a loaded schema for mistakes an editor of `schema/` could make,
//! so they fail at load with a clear message rather than mid-run.

use std::collections::BTreeSet;

use super::{Schema, SchemaError, REQUIRED_HEADER_KEYS};

pub(super) fn check(s: &Schema) -> Result<(), SchemaError> {
    check_return(s).map_err(|m| SchemaError::new("return.toml", m))?;
    check_metrics(s).map_err(|m| SchemaError::new("metrics.toml", m))?;
    check_comparators(s).map_err(|m| SchemaError::new("comparators.toml", m))?;
    check_lookup(s).map_err(|m| SchemaError::new("la-lookup.csv", m))
}

fn unique<'a>(what: &str, keys: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for k in keys {
        if !seen.insert(k) {
            return Err(format!("duplicate {what} {k}"));
        }
    }
    Ok(())
}

fn not_empty(what: &str, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(format!("{what} is empty"))
    } else {
        Ok(())
    }
}

fn check_return(s: &Schema) -> Result<(), String> {
    let t = &s.template;
    if !t.known_versions.contains(&t.version) {
        return Err(format!(
            "template version {} is not in known_versions",
            t.version
        ));
    }
    if t.header_search_rows == 0 {
        return Err("header_search_rows must be at least 1".into());
    }
    unique("section", s.sections.iter().map(|x| x.id.as_str()))?;
    unique("item code", s.items.iter().map(|x| x.code.as_str()))?;
    unique("header key", s.headers.iter().map(|x| x.key.as_str()))?;
    for key in REQUIRED_HEADER_KEYS {
        if s.header(key).is_none() {
            return Err(format!("the header block must declare key {key}"));
        }
    }
    for h in &s.headers {
        not_empty(&format!("header {} label", h.key), &h.label)?;
    }
    if s.items.is_empty() {
        return Err("no items".into());
    }
    for sec in &s.sections {
        not_empty(&format!("section {} title", sec.id), &sec.title)?;
    }
    for item in &s.items {
        let c = &item.code;
        if c.is_empty() || !c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
            return Err(format!("item code `{c}` must be letters and digits only"));
        }
        not_empty(&format!("item {c} label"), &item.label)?;
        not_empty(&format!("item {c} definition"), &item.definition)?;
        if s.section(&item.section).is_none() {
            return Err(format!("item {c} names unknown section {}", item.section));
        }
        if !s.units.contains_key(item.unit.key()) {
            return Err(format!(
                "item {c} has unit {} with no [units.{}] entry",
                item.unit.key(),
                item.unit.key()
            ));
        }
        if let Some([lo, hi]) = item.range {
            if lo > hi {
                return Err(format!("item {c} range [{lo}, {hi}] is upside down"));
            }
        }
    }
    // Items of a section must be contiguous: the template writes one heading per section.
    let mut seen_sections: Vec<&str> = Vec::new();
    for item in &s.items {
        if seen_sections.last() != Some(&item.section.as_str()) {
            if seen_sections.contains(&item.section.as_str()) {
                return Err(format!(
                    "items of section {} are not together (at {})",
                    item.section, item.code
                ));
            }
            seen_sections.push(&item.section);
        }
    }
    if s.reading
        .not_provided_markers
        .iter()
        .chain(&s.reading.withheld_markers)
        .any(|m| m.trim().is_empty())
    {
        return Err("a reading marker is empty".into());
    }
    if s.change.ratio.is_nan() || s.change.ratio <= 0.0 || s.change.min_abs < 0.0 {
        return Err("[change] needs ratio > 0 and min_abs >= 0".into());
    }
    Ok(())
}

fn known_item(s: &Schema, code: &str, context: &str) -> Result<(), String> {
    if s.item(code).is_none() {
        return Err(format!("{context} names unknown item code {code}"));
    }
    Ok(())
}

/// The `chart` values the workbook and chart pack understand: a ranked bar
/// chart, or a 100% stacked split (the Approvals sheet).
pub const CHARTS: [&str; 2] = ["bar", "stacked"];

fn check_metrics(s: &Schema) -> Result<(), String> {
    unique("metric id", s.metrics.iter().map(|m| m.id.as_str()))?;
    for m in &s.metrics {
        not_empty(&format!("metric {} title", m.id), &m.title)?;
        if m.numerator.is_empty() || m.denominator.is_empty() {
            return Err(format!(
                "metric {} needs a numerator and a denominator",
                m.id
            ));
        }
        for code in m.numerator.iter().chain(&m.denominator) {
            known_item(s, code, &format!("metric {}", m.id))?;
        }
        if !CHARTS.contains(&m.chart.as_str()) {
            return Err(format!(
                "metric {} has chart \"{}\"; allowed: {}",
                m.id,
                m.chart,
                CHARTS.map(|c| format!("\"{c}\"")).join(", ")
            ));
        }
        if let Some(key) = &m.comparator {
            let Some(series) = s.comparators.series.iter().find(|x| &x.key == key) else {
                return Err(format!(
                    "metric {} names comparator series {key}, not in comparators.toml",
                    m.id
                ));
            };
            // England's figure is drawn on the metric's scale, so it must be in the metric's unit.
            if series.kind != m.unit.key() {
                return Err(format!(
                    "metric {} is {} but its comparator series {key} is of kind {}; \
                     the series must be of kind {}",
                    m.id,
                    m.unit.key(),
                    series.kind,
                    m.unit.key()
                ));
            }
        }
        if let Some([lo, hi]) = m.plausible {
            if lo > hi {
                return Err(format!("metric {} plausible range is upside down", m.id));
            }
        }
    }
    for code in &s.count_items {
        known_item(s, code, "[counts]")?;
    }
    for b in &s.breakdowns {
        for code in &b.parts {
            known_item(s, code, &format!("breakdown {}", b.id))?;
        }
    }
    let o = &s.outliers;
    if !(o.funnel_outer_z > o.funnel_inner_z && o.funnel_inner_z > 0.0) {
        return Err("[outliers] needs funnel_outer_z > funnel_inner_z > 0".into());
    }
    if o.interval_z.is_nan() || o.interval_z <= 0.0 {
        return Err("[outliers] interval_z must be > 0".into());
    }
    if !(0.0..0.5).contains(&o.winsorise_fraction) {
        return Err("[outliers] winsorise_fraction must be in [0, 0.5)".into());
    }
    Ok(())
}

fn check_comparators(s: &Schema) -> Result<(), String> {
    let c = &s.comparators;
    unique("series", c.series.iter().map(|x| x.key.as_str()))?;
    let mut seen = BTreeSet::new();
    for f in &c.figure {
        if !c.series.iter().any(|x| x.key == f.series) {
            return Err(format!("figure for unknown series {}", f.series));
        }
        not_empty(
            &format!("source of {} {}", f.series, f.year_ending),
            &f.source,
        )?;
        if !seen.insert((f.series.as_str(), f.year_ending)) {
            return Err(format!(
                "two figures for {} year ending {}",
                f.series, f.year_ending
            ));
        }
    }
    Ok(())
}

fn check_lookup(s: &Schema) -> Result<(), String> {
    let las = s.las.all();
    if las.is_empty() {
        return Err("no local authorities".into());
    }
    unique("LA code", las.iter().map(|l| l.code.as_str()))?;
    unique("ONS code", las.iter().map(|l| l.ons_code.as_str()))?;
    Ok(())
}
