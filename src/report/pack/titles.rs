//! Chart titles that state the finding, written from the figures: every
//! number in a title is the number the chart shows, through the presenter.

use super::words::{
    england_label, england_value, join_names, lower_first, outlier_names, possessive, region_value,
    upper_first,
};
use crate::aggregate::{Benchmark, BreakdownPeriod, MetricPeriod, MetricResult};
use crate::report::present::{Presenter, Shown};
use crate::schema::MetricUnit;

/// "the South East" for a compass region, else the name as it is ("London").
pub fn region_noun(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    if ["North", "South", "East", "West"].contains(&first) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// Where the value sits against a comparator, on the values as shown.
fn against(value: f64, other: f64) -> &'static str {
    let (a, b) = ((value * 10.0).round(), (other * 10.0).round());
    if a > b {
        "above"
    } else if a < b {
        "below"
    } else {
        "the same as"
    }
}

/// "; 75.2% without Oxfordshire" when there are outliers and a figure without
/// them that may be shown.
fn without_outliers(
    p: &Presenter,
    m: &MetricResult,
    mp: &MetricPeriod,
    unit: MetricUnit,
) -> String {
    let names = outlier_names(p, mp);
    match (names.is_empty(), mp.region.pooled_without_outliers) {
        (false, Some(w)) if !p.hides_without_outliers(m, mp) => format!(
            "; {} without {}",
            region_value(p, Some(w), unit),
            join_names(&names)
        ),
        _ => String::new(),
    }
}

/// The ranked bars' title: the region against England, or its range, and the
/// figure without outliers.
pub fn bars(p: &Presenter, b: &Benchmark, m: &MetricResult) -> String {
    let short = lower_first(&m.short);
    let region = region_noun(&b.region_name);
    let Some(mp) = m.at(b.period) else {
        return format!("No figures for {short} in {}", b.period);
    };
    let Some(v) = mp.region.pooled else {
        return format!(
            "No regional figure for {short} in {}: no LA had a usable value",
            b.period
        );
    };
    let shown = p.region_rate(Some(v)).number().unwrap_or(v);
    let val = region_value(p, Some(v), m.unit);
    let mut title = match &mp.england {
        Some(c) => format!(
            "{} {short} ({val}) is {} England's {}",
            upper_first(&possessive(&region)),
            against(shown, c.value),
            england_value(c, m.unit)
        ),
        None => format!("{} {short} was {val}", upper_first(&possessive(&region))),
    };
    let without = without_outliers(p, m, mp, m.unit);
    if !without.is_empty() {
        title.push_str(&without);
    } else if mp.region.n_included >= 2 {
        let [_, lo, hi] = p.region_spread(m, mp);
        // A withheld end is not quoted.
        if let (Shown::Number { .. }, Shown::Number { .. }) = (&lo, &hi) {
            title.push_str(&format!(
                ", ranging from {} to {} across {} LAs",
                super::words::with_unit(&lo, m.unit),
                super::words::with_unit(&hi, m.unit),
                mp.region.n_included
            ));
        }
    }
    title
}

/// The funnel's title: who lies outside the outer (99.8%) limits, or that no LA does.
pub fn funnel(p: &Presenter, b: &Benchmark, m: &MetricResult) -> String {
    let short = lower_first(&m.short);
    let Some(mp) = m.at(b.period) else {
        return format!("No figures for {short} in {}", b.period);
    };
    match (&mp.outliers.funnel, &mp.outliers.not_assessed) {
        (Some(f), _) => {
            let names = outlier_names(p, mp);
            let [outer, _] = f.limit_names();
            match names.len() {
                0 => format!(
                    "All {} LAs are within the {outer} limits for {short}",
                    f.n_las
                ),
                1 => format!("{} is outside the {outer} limits for {short}", names[0]),
                _ => format!(
                    "{} are outside the {outer} limits for {short}",
                    join_names(&names)
                ),
            }
        }
        (None, Some(why)) => format!("Outliers were not assessed for {short}: {why}"),
        (None, None) => format!("Outliers were not assessed for {short}"),
    }
}

/// The trend's title: where the region's value went from its first quarter
/// with a figure to its latest, and England's latest figure.
pub fn trend(p: &Presenter, b: &Benchmark, m: &MetricResult) -> String {
    let short = lower_first(&m.short);
    let who = upper_first(&possessive(&region_noun(&b.region_name)));
    let valued: Vec<(String, f64)> = m
        .periods
        .iter()
        .filter(|mp| mp.period <= b.period)
        .filter_map(|mp| mp.region.pooled.map(|v| (mp.period.to_string(), v)))
        .collect();
    let mut title = match (valued.first(), valued.last()) {
        (Some((p0, v0)), Some((p1, v1))) if valued.len() >= 2 => {
            let (a, z) = (
                region_value(p, Some(*v0), m.unit),
                region_value(p, Some(*v1), m.unit),
            );
            let (s0, s1) = (
                p.region_rate(Some(*v0)).number().unwrap_or(*v0),
                p.region_rate(Some(*v1)).number().unwrap_or(*v1),
            );
            match against(s1, s0) {
                "above" => format!("{who} {short} rose from {a} in {p0} to {z} in {p1}"),
                "below" => format!("{who} {short} fell from {a} in {p0} to {z} in {p1}"),
                _ => format!("{who} {short} was {z} in {p1}, as in {p0}"),
            }
        }
        (Some((p0, v0)), _) => format!(
            "{who} {short} was {} in {p0}, the only quarter with a figure",
            region_value(p, Some(*v0), m.unit)
        ),
        _ => format!("No quarter has a regional figure for {short}"),
    };
    if let Some(c) = super::words::england_now(b, m) {
        title.push_str(&format!("; {}", england_label(c, m.unit)));
    }
    title
}

/// The 100% stacked chart's title: the first part's regional share, and the
/// same without outliers (the second part is the rest, shown in the bars).
pub fn stacked(p: &Presenter, b: &Benchmark, m: &MetricResult, first: &str) -> String {
    let Some(mp) = m.at(b.period) else {
        return format!("No figures for {} in {}", lower_first(&m.short), b.period);
    };
    let region = region_noun(&b.region_name);
    let Some(v) = mp.region.pooled else {
        return format!(
            "No LA in {region} had a usable figure for {}",
            lower_first(&m.short)
        );
    };
    let mut title = format!(
        "{} were {} in {region}",
        upper_first(first),
        region_value(p, Some(v), MetricUnit::Percent)
    );
    title.push_str(&without_outliers(p, m, mp, MetricUnit::Percent));
    title
}

/// The breakdown's title: its largest part, its count and share.
pub fn breakdown(
    p: &Presenter,
    noun: &str,
    parts: &[(String, f64)],
    bp: &BreakdownPeriod,
) -> String {
    let top = parts
        .iter()
        .filter(|(_, c)| c.is_finite())
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
    match top {
        Some((label, count)) if bp.sum > 0.0 => {
            // When publishing, the share is of the totals as published.
            let share = match p.region_share(*count, bp.sum) {
                Shown::Number { value, .. } => format!("{value:.0}%"),
                Shown::Symbol(s) => s.to_string(),
            };
            format!(
                "The most common {noun} was {}: {} of {} ({share})",
                lower_first(label),
                p.total_count(Some(*count)).text(),
                p.total_count(Some(bp.sum)).text(),
            )
        }
        _ => format!("No {noun} was recorded in {}", bp.period),
    }
}
