//! Each chart's data as a table, for the reader who cannot see the chart
//! (WCAG 2.2 1.1.1; the Analysis Function's advice to publish the figures
//! with a chart). Built from the very data the chart draws, so the two agree.

use std::collections::BTreeMap;

use super::{Category, Coverage, Funnel, RankedBars, Stacked, Trend, Unit};

/// A chart's figures: column headings, then rows whose first cell names the row.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

const NO_DATA: &str = "no data";

fn yes(flag: bool) -> String {
    if flag { "yes" } else { "" }.to_string()
}

impl RankedBars {
    /// In the chart's order; a row with no bar shows its label (`c`, `k`) or "no data".
    pub fn table(&self, labels: &BTreeMap<String, String>) -> DataTable {
        let rows = super::ranked_bars::order(&self.rows)
            .into_iter()
            .map(|r| {
                let value = r.value.filter(|v| v.is_finite()).map_or_else(
                    || {
                        labels
                            .get(&r.name)
                            .cloned()
                            .unwrap_or_else(|| NO_DATA.into())
                    },
                    |v| self.unit.format(v),
                );
                let interval = r.interval.map_or_else(String::new, |(lo, hi)| {
                    format!("{} to {}", self.unit.format(lo), self.unit.format(hi))
                });
                vec![r.name.clone(), value, interval, yes(r.outlier)]
            })
            .collect();
        DataTable {
            columns: ["LA", "Value", "95% interval", "Outlier"]
                .map(String::from)
                .to_vec(),
            rows,
        }
    }
}

impl Funnel {
    /// By denominator, largest first, as a reader scans the plot from the right.
    pub fn table(&self) -> DataTable {
        let mut points: Vec<_> = self.points.iter().collect();
        points.sort_by(|a, b| b.n.total_cmp(&a.n).then_with(|| a.name.cmp(&b.name)));
        let rows = points
            .into_iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    Unit::new("", 0).format(p.n),
                    self.unit.format(p.value),
                    yes(p.outlier),
                ]
            })
            .collect();
        DataTable {
            columns: vec![
                "LA".into(),
                self.x_label.clone(),
                "Value".into(),
                "Outside the 99.8% limits".into(),
            ],
            rows,
        }
    }
}

impl Trend {
    /// One row per period: the region's value and England's figure then.
    pub fn table(&self) -> DataTable {
        let rows = self
            .periods
            .iter()
            .enumerate()
            .map(|(i, period)| {
                let region = self
                    .region
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or_else(|| NO_DATA.to_string(), |v| self.unit.format(v));
                let england = self
                    .england
                    .iter()
                    .find(|e| e.first <= i && i <= e.last)
                    .map_or_else(String::new, |e| self.unit.format(e.value));
                vec![period.clone(), region, england]
            })
            .collect();
        DataTable {
            columns: vec!["Period".into(), self.region_name.clone(), "England".into()],
            rows,
        }
    }
}

impl Stacked {
    /// In the chart's order: each LA's two counts and the first part's share.
    pub fn table(&self) -> DataTable {
        let count = Unit::new("", 0);
        let (valued, missing) = super::stacked::order(&self.rows);
        let mut rows: Vec<Vec<String>> = valued
            .into_iter()
            .map(|(r, share)| {
                vec![
                    r.name.clone(),
                    count.format(r.first),
                    count.format(r.second),
                    Unit::percent(1).format(share),
                ]
            })
            .collect();
        rows.extend(
            missing
                .into_iter()
                .map(|r| vec![r.name.clone(), NO_DATA.into(), String::new(), String::new()]),
        );
        DataTable {
            columns: vec![
                "LA".into(),
                self.first_label.clone(),
                self.second_label.clone(),
                format!("{} (% of total)", self.first_label),
            ],
            rows,
        }
    }
}

/// The categories as drawn, with each one's share of all drawn.
pub fn category_table(categories: &[Category], unit: &Unit) -> DataTable {
    let drawn: Vec<&Category> = categories
        .iter()
        .filter(|c| c.count.is_finite() && c.count >= 0.0)
        .collect();
    let total: f64 = drawn.iter().map(|c| c.count).sum();
    let rows = drawn
        .into_iter()
        .map(|c| {
            let share = if total > 0.0 {
                Unit::percent(0).format(100.0 * c.count / total)
            } else {
                String::new()
            };
            vec![c.name.clone(), unit.format(c.count), share]
        })
        .collect();
    DataTable {
        columns: ["Category", "Count", "Share of all"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

impl Coverage {
    /// One row per LA, one column per section: the share received, or "not received".
    pub fn table(&self) -> DataTable {
        let rows = self
            .las
            .iter()
            .enumerate()
            .map(|(i, la)| {
                let mut row = vec![la.clone()];
                for j in 0..self.sections.len() {
                    let share = self.shares.get(i).and_then(|r| r.get(j)).copied().flatten();
                    row.push(share.filter(|s| s.is_finite()).map_or_else(
                        || "not received".to_string(),
                        |s| Unit::percent(0).format(100.0 * s),
                    ));
                }
                row
            })
            .collect();
        let mut columns = vec!["LA".to_string()];
        columns.extend(self.sections.iter().cloned());
        DataTable { columns, rows }
    }
}
