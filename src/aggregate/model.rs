//! What aggregation hands the workbook, chart and report stages: plain, serialisable results.

use serde::{Serialize, Serializer};

use super::funnel::Funnel;
use super::robust::Robust;
use crate::period::Period;
use crate::schema::MetricUnit;

/// Why an LA has no value for a metric in a period. The order is the order of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ExclusionReason {
    /// No return from the LA for the period.
    #[serde(rename = "not received")]
    NotReceived,
    /// A return came but could not be used, or an item of the pair was rejected or duplicated.
    #[serde(rename = "error finding")]
    ErrorFinding,
    /// The return's template version does not have an item of the pair: the
    /// metric is not asked of it, and nothing is missing.
    #[serde(rename = "not in version")]
    NotInVersion,
    /// An item of the pair was not provided: blank, a marker, withheld or its row missing.
    #[serde(rename = "item missing")]
    ItemMissing,
    /// The pair breaks a pair rule: denominator 0 with numerator > 0, or numerator > denominator for a `%` metric.
    #[serde(rename = "pair invalid")]
    PairInvalid,
    /// Both sides are 0: nothing happened to measure, and no finding either.
    #[serde(rename = "denominator 0")]
    ZeroDenominator,
}

impl ExclusionReason {
    /// The reason as people read it (`not received`, `item missing` ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ExclusionReason::NotReceived => "not received",
            ExclusionReason::ErrorFinding => "error finding",
            ExclusionReason::NotInVersion => "not in version",
            ExclusionReason::ItemMissing => "item missing",
            ExclusionReason::PairInvalid => "pair invalid",
            ExclusionReason::ZeroDenominator => "denominator 0",
        }
    }
}

/// An LA left out of a metric, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    pub reason: ExclusionReason,
    /// Which items and what was wrong, e.g. `D02 withheld`, or `A05 not in
    /// template version 1`.
    pub detail: String,
}

/// An interval in the metric's unit (percent for `%` metrics).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// One region LA's figure for one metric in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaMetric {
    pub la_code: String,
    pub la_name: String,
    /// Sum of the numerator items, when every one of them is usable.
    pub numerator: Option<f64>,
    /// Sum of the denominator items, when every one of them is usable.
    pub denominator: Option<f64>,
    /// numerator / denominator × the unit's scale; set exactly when the LA is included.
    pub value: Option<f64>,
    /// None when included.
    pub excluded: Option<Exclusion>,
    /// Wilson 95% interval of the value (`%` metrics, included LAs).
    pub wilson: Option<Interval>,
    /// Funnel z (`%`) or robust z (`ratio`, `per 100`), when outliers were assessed.
    pub z: Option<f64>,
    /// The funnel z after winsorising (what phi is computed from).
    pub z_winsorised: Option<f64>,
    pub outlier: bool,
}

impl LaMetric {
    pub fn included(&self) -> bool {
        self.excluded.is_none()
    }
}

/// An excluded LA, as listed under the regional figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcludedLa {
    pub la_code: String,
    pub la_name: String,
    pub reason: ExclusionReason,
    pub detail: String,
}

/// The region's figure for one metric in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionFigure {
    /// Sums over the included LAs.
    pub numerator: f64,
    pub denominator: f64,
    /// numerator / denominator × scale: the headline. None when no LA is included.
    pub pooled: Option<f64>,
    pub n_included: usize,
    pub n_excluded: usize,
    /// In region (lookup) order.
    pub excluded: Vec<ExcludedLa>,
    /// Of the included LAs' values.
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub n_outliers: usize,
    /// Pooled over the included LAs that are not outliers.
    pub pooled_without_outliers: Option<f64>,
}

/// How outliers were looked for, and with what result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlierAssessment {
    /// `funnel` for `%` metrics, `robust_z` otherwise.
    pub method: &'static str,
    /// Why there is no assessment (too few LAs, p0 of 0 or 1, MAD of 0); None when assessed.
    pub not_assessed: Option<String>,
    pub funnel: Option<Funnel>,
    pub robust: Option<Robust>,
}

/// An England figure, as held in comparators.toml.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparator {
    pub series: String,
    pub value: f64,
    /// The year ending 31 March the figure is for.
    pub year_ending: i32,
    pub source: String,
}

/// One metric in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricPeriod {
    pub period: Period,
    /// Every region LA, in lookup order.
    pub las: Vec<LaMetric>,
    pub region: RegionFigure,
    pub outliers: OutlierAssessment,
    /// The latest England figure for a year that ended by the quarter's end; None when there is none.
    pub england: Option<Comparator>,
}

impl MetricPeriod {
    pub fn la(&self, code: &str) -> Option<&LaMetric> {
        self.las.iter().find(|l| l.la_code == code)
    }
}

/// Four consecutive quarters pooled: sums of the LA-quarters with valid pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollingYear {
    pub first: Period,
    pub last: Period,
    pub numerator: f64,
    pub denominator: f64,
    pub pooled: Option<f64>,
    pub la_quarters: usize,
}

/// One metric across the run's periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricResult {
    pub id: String,
    pub title: String,
    pub short: String,
    #[serde(serialize_with = "unit_key")]
    pub unit: MetricUnit,
    pub numerator: Vec<String>,
    pub denominator: Vec<String>,
    /// The comparators.toml series, when England has a comparable figure at all.
    pub comparator_series: Option<String>,
    /// One per period of the run, ascending.
    pub periods: Vec<MetricPeriod>,
    /// Ending at each period that closes four consecutive quarters.
    pub rolling_year: Vec<RollingYear>,
    /// What the reporting period's narrative states: latest value, changes, England.
    pub narrative: Narrative,
}

/// The figures a metric's narrative states for the reporting period; the
/// report writes them as a sentence, through the Presenter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Narrative {
    pub period: Period,
    /// The regional pooled value (None: no LA had a valid pair).
    pub pooled: Option<f64>,
    /// LAs pooled, of the region's.
    pub n_included: usize,
    pub region_las: usize,
    /// On the previous quarter, then on the same quarter a year before (empty without `pooled`).
    pub changes: Vec<Change>,
    pub england: AgainstEngland,
}

impl Narrative {
    /// Nothing to say yet about `period` (filled in once the metric is complete).
    pub fn new(period: Period) -> Narrative {
        Narrative {
            period,
            pooled: None,
            n_included: 0,
            region_las: 0,
            changes: Vec::new(),
            england: AgainstEngland::NoSeries,
        }
    }
}

/// The pooled value compared with another quarter's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub other: Period,
    /// That quarter's pooled value.
    pub then: Option<f64>,
    /// Now less then, each to one decimal as shown; None without `then`.
    pub difference: Option<f64>,
}

/// England's figure beside the region's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum AgainstEngland {
    /// The metric has no England series.
    NoSeries,
    /// No England figure for a year ending by the period.
    Missing,
    Figure {
        value: f64,
        year_ending: i32,
        /// The region against England, to one decimal as shown; None without a regional value.
        position: Option<Position>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Position {
    Above,
    Below,
    Level,
}

impl MetricResult {
    pub fn at(&self, period: Period) -> Option<&MetricPeriod> {
        self.periods.iter().find(|p| p.period == period)
    }
}

fn unit_key<S: Serializer>(unit: &MetricUnit, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(unit.key())
}
