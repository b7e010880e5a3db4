//! The metric's narrative for the reporting period, written from the figures
//! aggregate gives ([`Narrative`]); every regional value goes through the
//! Presenter, so publish mode's `k` applies wherever the sentence is shown.

use super::{Presenter, Shown};
use crate::aggregate::{AgainstEngland, Change, MetricResult, Position};
use crate::period::Period;
use crate::schema::MetricUnit;

impl Presenter {
    /// `Share of children leaving care on an SGO: 40.0% in 2025-26 Q2, pooled
    /// over 2 of 2 LAs. Up 20.0 percentage points on 2025-26 Q1 (20.0%). ...`
    pub fn narrative(&self, m: &MetricResult) -> String {
        let n = &m.narrative;
        let period = n.period;
        let england = england(m.unit, period, &n.england);
        let Some(v) = n.pooled else {
            return format!(
                "{}: no regional figure for {period}: no LA had a valid pair. {england}",
                m.title
            );
        };
        let changes: Vec<String> = n.changes.iter().map(|c| self.change(m.unit, c)).collect();
        format!(
            "{}: {} in {period}, pooled over {} of {} LAs. {} {england}",
            m.title,
            self.rate_text(m.unit, v),
            n.n_included,
            n.region_las,
            changes.join(" "),
        )
    }

    /// A regional rate with its unit, `12.3%`, or the symbol alone (`k`).
    fn rate_text(&self, unit: MetricUnit, v: f64) -> String {
        match self.region_rate(Some(v)) {
            shown @ Shown::Number { .. } => format!("{}{}", shown.text(), unit.suffix()),
            symbol => symbol.text(),
        }
    }

    fn change(&self, unit: MetricUnit, c: &Change) -> String {
        let other = c.other;
        let (Some(then), Some(d)) = (c.then, c.difference) else {
            return format!("No comparison with {other}: no regional figure for that quarter.");
        };
        let then_text = self.rate_text(unit, then);
        if d == 0.0 {
            return format!("No change on {other} ({then_text}).");
        }
        let dir = if d > 0.0 { "Up" } else { "Down" };
        let size = match unit {
            MetricUnit::Percent => format!("{:.1} percentage points", d.abs()),
            _ => format!("{:.1}{}", d.abs(), unit.suffix()),
        };
        format!("{dir} {size} on {other} ({then_text}).")
    }
}

/// England's published figure is not the region's: written as published, whole
/// numbers without decimals.
fn england(unit: MetricUnit, period: Period, e: &AgainstEngland) -> String {
    let (value, year_ending, position) = match e {
        AgainstEngland::NoSeries => return "England has no comparable figure.".to_string(),
        AgainstEngland::Missing => {
            return format!("No England figure is available for a year ending by {period}.")
        }
        AgainstEngland::Figure {
            value,
            year_ending,
            position,
        } => (*value, *year_ending, *position),
    };
    let figure = if value.fract() == 0.0 {
        format!("{value}{}", unit.suffix())
    } else {
        format!("{value:.1}{}", unit.suffix())
    };
    match position {
        None => format!("England's figure is {figure} ({year_ending})."),
        Some(Position::Above) => format!("Above England's {figure} ({year_ending})."),
        Some(Position::Below) => format!("Below England's {figure} ({year_ending})."),
        Some(Position::Level) => format!("Level with England's {figure} ({year_ending})."),
    }
}
