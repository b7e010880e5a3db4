//! How the pack writes values and names into sentences: every figure goes
//! through the run's [`Presenter`], so titles obey publish and anonymise modes.

use crate::aggregate::{Benchmark, Comparator, MetricPeriod, MetricResult};
use crate::report::charts::Unit;
use crate::report::present::{Presenter, Shown};
use crate::schema::MetricUnit;

/// A shown value with the metric's suffix (`12.3%`); a DfE symbol stands alone.
pub fn with_unit(shown: &Shown, unit: MetricUnit) -> String {
    match shown {
        Shown::Number { .. } => format!("{}{}", shown.text(), unit.suffix()),
        Shown::Symbol(s) => s.to_string(),
    }
}

/// The region's value as titles and tables write it.
pub fn region_value(p: &Presenter, v: Option<f64>, unit: MetricUnit) -> String {
    with_unit(&p.region_rate(v), unit)
}

/// An England figure as published: `12%`, `16.5%` (no trailing `.0`).
pub fn england_value(c: &Comparator, unit: MetricUnit) -> String {
    format!("{}{}", trim_zero(c.value), unit.suffix())
}

/// `England 12% (2023)`: the comparator's value and the year it ended.
pub fn england_label(c: &Comparator, unit: MetricUnit) -> String {
    format!("England {} ({})", england_value(c, unit), c.year_ending)
}

fn trim_zero(v: f64) -> String {
    let text = format!("{v:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// The chart axis unit for a metric: LA percentages are whole numbers when
/// published (DfE), one decimal otherwise.
pub fn chart_unit(p: &Presenter, unit: MetricUnit) -> Unit {
    Unit::new(unit.suffix(), p.la_rate_decimals(unit))
}

/// "SGO share of exits" stays; "Kinship caseload" becomes "kinship caseload"
/// mid-sentence. A leading acronym (two capitals) keeps its case.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// The first letter upper case, for a sentence start.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |a| a.to_uppercase().chain(chars).collect())
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `South East's`, with the possessive of a name ending in s written `s'`.
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The outliers of a metric in a period, named through the presenter, sorted.
pub fn outlier_names(p: &Presenter, mp: &MetricPeriod) -> Vec<String> {
    let mut names: Vec<String> = mp
        .las
        .iter()
        .filter(|l| l.outlier)
        .map(|l| p.la_name(&l.la_code, &l.la_name))
        .collect();
    names.sort();
    names
}

/// The line under every chart: the returns' period and, where the chart
/// shows one, England's source.
pub fn source_line(p: &Presenter, b: &Benchmark, england: Option<&Comparator>) -> String {
    let mut line = format!(
        "Source: regional kinship benchmarking returns, {} ({})",
        b.period,
        b.period.months_label()
    );
    if let Some(c) = england {
        line.push_str(&format!("; England: {}", c.source));
    }
    // A chart is often pasted into slides on its own, away from the pack's
    // key: it says what its symbols mean.
    if p.publish() {
        line.push_str(
            ". Published with disclosure control: c = a count of 1 to 5, or a figure \
             that would give one back; k = rounds to 0",
        );
    }
    line
}

/// The England figure of the reporting period, if the metric has one.
pub fn england_now<'a>(b: &Benchmark, m: &'a MetricResult) -> Option<&'a Comparator> {
    m.at(b.period).and_then(|mp| mp.england.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_helpers() {
        assert_eq!(lower_first("Kinship caseload"), "kinship caseload");
        assert_eq!(lower_first("SGO share of exits"), "SGO share of exits");
        assert_eq!(upper_first("temporary"), "Temporary");
        assert_eq!(
            join_names(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
        assert_eq!(possessive("South East"), "South East's");
        assert_eq!(
            possessive("Yorkshire and the Humber"),
            "Yorkshire and the Humber's"
        );
        assert_eq!(trim_zero(12.0), "12");
        assert_eq!(trim_zero(16.5), "16.5");
    }
}
