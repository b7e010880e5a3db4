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
    check_versions(s)?;
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
        check_item(s, item)?;
    }
    sections_together(s)?;
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

/// An item's code, words, section, unit and range.
fn check_item(s: &Schema, item: &super::Item) -> Result<(), String> {
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
    Ok(())
}

/// Items of a section must be contiguous: the template writes one heading per section.
fn sections_together(s: &Schema) -> Result<(), String> {
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
    Ok(())
}

/// `1, 2, 3`: a list of versions for a message.
fn list(versions: &[u32]) -> String {
    versions
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Versions are 1, 2, … with no gap; every item's `since`/`until` names known
/// versions in order; a rename names an item that ends just before it begins.
fn check_versions(s: &Schema) -> Result<(), String> {
    let known = &s.template.known_versions;
    if let Some(gap) = known
        .iter()
        .enumerate()
        .find(|&(i, &v)| v as usize != i + 1)
    {
        return Err(format!(
            "known_versions [{}] must count 1, 2, 3 … with no gap (version {} is where it breaks)",
            list(known),
            gap.1
        ));
    }
    check_version_starts(s)?;
    for item in &s.items {
        version_range(
            known,
            &format!("item {}", item.code),
            item.since,
            item.until,
        )?;
        check_rename(s, item)?;
    }
    for &v in known {
        if s.items_in_version(v).next().is_none() {
            return Err(format!("template version {v} has no items"));
        }
    }
    Ok(())
}

/// `[[template.versions]]` name known versions and go up in version and period.
fn check_version_starts(s: &Schema) -> Result<(), String> {
    let known = &s.template.known_versions;
    let mut last: Option<&super::VersionStart> = None;
    for start in &s.template.versions {
        if !known.contains(&start.version) {
            return Err(format!(
                "[[template.versions]] version {} (from {}) is not in known_versions [{}]",
                start.version,
                start.from,
                list(known)
            ));
        }
        if let Some(prev) = last.filter(|p| p.version >= start.version || p.from >= start.from) {
            return Err(format!(
                "[[template.versions]] must go up in both version and period: \
                 version {} from {} comes after version {} from {}",
                start.version, start.from, prev.version, prev.from
            ));
        }
        last = Some(start);
    }
    Ok(())
}

/// An item's `renamed_from`: no cycle, an item that ends the version before
/// this one begins, and renamed to this item only.
fn check_rename(s: &Schema, item: &super::Item) -> Result<(), String> {
    let c = &item.code;
    let Some(old_code) = &item.renamed_from else {
        return Ok(());
    };
    // Walk the chain of old codes first, so a cycle is named as one.
    let mut chain = vec![c.as_str()];
    let mut at = item;
    while let Some(old) = &at.renamed_from {
        if chain.contains(&old.as_str()) {
            chain.push(old);
            return Err(format!(
                "item {c}: renamed_from goes round in a cycle: {}",
                chain.join(" → ")
            ));
        }
        chain.push(old);
        match s.item(old) {
            Some(o) => at = o,
            None => break,
        }
    }
    let Some(old) = s.item(old_code) else {
        return Err(format!(
            "item {c} is renamed_from {old_code}, which is not an item"
        ));
    };
    if item.since < 2 || old.until != Some(item.since - 1) {
        return Err(format!(
            "item {c} is renamed_from {old_code} since version {}, so {old_code} needs \
             until = {} (the version before) and {c} a since of 2 or more; a gap or an \
             overlap would leave a version with both codes or neither",
            item.since,
            item.since.saturating_sub(1)
        ));
    }
    if let Some(twin) = s
        .items
        .iter()
        .find(|i| i.code != *c && i.renamed_from.as_deref() == Some(old_code))
    {
        return Err(format!(
            "items {c} and {} are both renamed_from {old_code}",
            twin.code
        ));
    }
    Ok(())
}

/// `since` and `until` name known versions, in order.
fn version_range(known: &[u32], what: &str, since: u32, until: Option<u32>) -> Result<(), String> {
    for v in std::iter::once(since).chain(until) {
        if !known.contains(&v) {
            return Err(format!(
                "{what} names template version {v}, not in known_versions [{}]",
                list(known)
            ));
        }
    }
    if let Some(until) = until.filter(|&u| u < since) {
        return Err(format!("{what} has until = {until} before since = {since}"));
    }
    Ok(())
}

/// Every relation names known versions and applies in at least one of them.
pub(super) fn check_relation_versions(s: &Schema) -> Result<(), String> {
    let known = &s.template.known_versions;
    for (i, r) in s.relations.iter().enumerate() {
        let what = format!("relation {} `{}`", i + 1, r.text);
        version_range(known, &what, r.since, r.until)?;
        let applies = known
            .iter()
            .any(|&v| s.relations_in_version(v).iter().any(|(j, _)| *j == i));
        if !applies {
            return Err(format!(
                "{what} applies in no template version: none of its versions has all its items"
            ));
        }
    }
    Ok(())
}

fn known_item(s: &Schema, code: &str, context: &str) -> Result<(), String> {
    if s.item(code).is_none() {
        return Err(format!("{context} names unknown item code {code}"));
    }
    let current = s.current_code(code);
    if current != code {
        return Err(format!(
            "{context} names {code}, which was renamed to {current}: name it {current} \
             (its values carry over from {code} in the older versions)"
        ));
    }
    Ok(())
}

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
        let items = m.items();
        if !s
            .template
            .known_versions
            .iter()
            .any(|&v| s.missing_in_version(&items, v).is_empty())
        {
            return Err(format!(
                "metric {} can be worked out in no template version: none has all of {}",
                m.id,
                items.join(", ")
            ));
        }
        check_comparator(s, m)?;
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
    check_outliers(&s.outliers)
}

/// A metric's comparator series exists and is in the metric's unit.
fn check_comparator(s: &Schema, m: &super::Metric) -> Result<(), String> {
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
    Ok(())
}

fn check_outliers(o: &super::OutlierSettings) -> Result<(), String> {
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
