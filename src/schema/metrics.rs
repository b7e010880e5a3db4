//! Metrics, count measures and breakdowns, as read from `metrics.toml`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricUnit {
    /// Numerator / denominator × 100; the numerator may not exceed the denominator.
    Percent,
    /// Numerator / denominator.
    Ratio,
    /// Numerator / denominator × 100, which may exceed 100.
    Per100,
}

impl MetricUnit {
    pub fn scale(self) -> f64 {
        match self {
            MetricUnit::Ratio => 1.0,
            MetricUnit::Percent | MetricUnit::Per100 => 100.0,
        }
    }

    /// Whether the numerator must not exceed the denominator (a proportion).
    pub fn is_proportion(self) -> bool {
        self == MetricUnit::Percent
    }

    pub fn key(self) -> &'static str {
        match self {
            MetricUnit::Percent => "percent",
            MetricUnit::Ratio => "ratio",
            MetricUnit::Per100 => "per100",
        }
    }

    /// Suffix for a value shown to people: `%`, `` or ` per 100`.
    pub fn suffix(self) -> &'static str {
        match self {
            MetricUnit::Percent => "%",
            MetricUnit::Ratio => "",
            MetricUnit::Per100 => " per 100",
        }
    }
}

/// How the workbook and the chart pack draw a metric; an unknown kind fails
/// the schema's load, naming the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// A ranked bar chart, with a funnel or robust z, on a sheet of its own.
    Bar,
    /// A 100% stacked split of numerator and complement (the Approvals sheet).
    Stacked,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub title: String,
    pub short: String,
    pub numerator: Vec<String>,
    pub denominator: Vec<String>,
    pub unit: MetricUnit,
    #[serde(default)]
    pub comparator: Option<String>,
    pub chart: ChartKind,
    #[serde(default)]
    pub plausible: Option<[f64; 2]>,
    #[serde(default)]
    pub complement: Option<String>,
    #[serde(default)]
    pub part_label: Option<String>,
}

impl Metric {
    /// Every item either side of the pair, numerator first, each once.
    pub fn items(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.numerator.iter().chain(&self.denominator) {
            if !out.contains(&c.as_str()) {
                out.push(c);
            }
        }
        out
    }

    /// The first part of a `stacked` split as every output names it:
    /// `part_label`, else the numerator's items.
    pub fn part_name(&self) -> String {
        self.part_label
            .clone()
            .unwrap_or_else(|| Metric::side_text(&self.numerator))
    }

    /// The second part of a `stacked` split (denominator − numerator):
    /// `complement`, else "Rest".
    pub fn complement_name(&self) -> String {
        self.complement
            .clone()
            .unwrap_or_else(|| "Rest".to_string())
    }

    /// `B02 + B03`: a side written for people.
    pub fn side_text(side: &[String]) -> String {
        side.join(" + ")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    pub id: String,
    pub title: String,
    pub parts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlierSettings {
    pub funnel_outer_z: f64,
    pub funnel_inner_z: f64,
    /// z of the Wilson score interval shown with each LA's value (1.959964: 95%).
    pub interval_z: f64,
    pub winsorise_fraction: f64,
    pub min_las: usize,
    pub robust_z_limit: f64,
    pub robust_z_constant: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MetricsFile {
    pub metric: Vec<Metric>,
    pub counts: Counts,
    #[serde(default)]
    pub breakdown: Vec<Breakdown>,
    pub outliers: OutlierSettings,
}
