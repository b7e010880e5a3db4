//! England comparators: annual figures for years ending 31 March, with sources.

use serde::Deserialize;

use crate::period::Period;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub key: String,
    pub title: String,
    /// `percent` or `count`.
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub series: String,
    /// The calendar year in which the year ending 31 March falls.
    pub year_ending: i32,
    pub value: f64,
    pub source: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparators {
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub figure: Vec<Figure>,
}

impl Comparators {
    /// The latest England figure of a series for a year that ended on or before the quarter ends.
    /// None where the series has no figure that early: a figure is never invented.
    pub fn for_period(&self, series: &str, period: Period) -> Option<&Figure> {
        use chrono::Datelike;
        let end = period.last_day();
        // A year ending 31 March Y has ended by `end` when Y < end.year, or Y == end.year and end is 31 March or later.
        let latest_year = if end.month() >= 4 || (end.month() == 3 && end.day() == 31) {
            end.year()
        } else {
            end.year() - 1
        };
        self.figure
            .iter()
            .filter(|f| f.series == series && f.year_ending <= latest_year)
            .max_by_key(|f| f.year_ending)
    }
}
