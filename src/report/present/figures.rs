//! What the Presenter shows of a metric: an LA's figures, its exclusion, the
//! region's spread and its figure without outliers, with what publish mode
//! withholds because it would give a suppressed count back.

use super::{symbol, LaFigures, Presenter, Shown};
use crate::aggregate::{Exclusion, ExclusionReason, LaMetric, MetricPeriod, MetricResult};
use crate::period::Period;

impl Presenter {
    /// One LA's figures for a metric. In publish mode a figure derived from a
    /// withheld count is withheld too: a numerator or denominator sum is `c`
    /// when it is from 1 to 5 or any item in it is withheld (`B02 + B03` = 13
    /// beside a published B02 = 10 would give back B03), and the rate and its
    /// interval are `c` when either sum is (8% of 40 gives back 3).
    pub fn la_figures(&self, m: &MetricResult, period: Period, la: &LaMetric) -> LaFigures {
        let side = |items: &[String], sum: Option<f64>| {
            self.publish && self.withheld.sum(&la.la_code, period, items, sum)
        };
        let num_c = side(&m.numerator, la.numerator);
        let den_c = side(&m.denominator, la.denominator);
        let derived = num_c || den_c;
        let c = || Shown::Symbol(symbol::CONFIDENTIAL);
        let count = |hidden: bool, v: Option<f64>| match v {
            Some(_) if hidden => c(),
            v => self.la_count(v),
        };
        let rate = |v: Option<f64>| match v {
            Some(_) if derived => c(),
            v => self.la_rate(v, m.unit),
        };
        LaFigures {
            numerator: count(num_c, la.numerator),
            denominator: count(den_c, la.denominator),
            value: rate(la.value),
            wilson: la.wilson.map(|w| (rate(Some(w.low)), rate(Some(w.high)))),
            withheld: derived,
        }
    }

    /// One LA's item in one period, as a table of values shows it: in publish
    /// mode `c` for a count from 1 to 5 and for a cell suppressed with it
    /// (secondary suppression, [`Withheld`]).
    pub fn la_item(&self, la_code: &str, period: Period, item: &str, value: Option<f64>) -> Shown {
        match value {
            Some(_) if self.publish && self.withheld.cell(la_code, period, item) => {
                Shown::Symbol(symbol::CONFIDENTIAL)
            }
            v => self.la_count(v),
        }
    }

    /// A part's share of a regional total, in percent, one decimal: exact for
    /// the network; when publishing, from the totals as published (rounded to
    /// 10), so that the share and the whole do not give back the exact part,
    /// and `c` when the part's or the whole's total is suppressed.
    pub fn region_share(&self, part: f64, whole: f64) -> Shown {
        if !self.publish {
            return self.region_rate((whole > 0.0).then(|| 100.0 * part / whole));
        }
        match (self.total_count(Some(part)), self.total_count(Some(whole))) {
            (Shown::Number { value: a, .. }, Shown::Number { value: w, .. }) if w > 0.0 => {
                self.region_rate(Some(100.0 * a / w))
            }
            (Shown::Number { .. }, Shown::Number { .. }) => self.region_rate(None),
            _ => Shown::Symbol(symbol::CONFIDENTIAL),
        }
    }

    /// What a published table writes for a figure it has no value for: `x`
    /// when the figure applies but is missing, `z` when it does not apply (an
    /// England comparator for a metric with no England series, a Wilson
    /// interval of a ratio). None (an empty cell) in the network's modes.
    pub fn absent(&self, applicable: bool) -> Option<Shown> {
        self.publish.then_some(Shown::Symbol(match applicable {
            true => symbol::NOT_AVAILABLE,
            false => symbol::NOT_APPLICABLE,
        }))
    }

    /// One LA's z for a metric: exact for the network; when publishing, to two
    /// decimals, `c` when the LA's rate is withheld (beside its denominator it
    /// would give the numerator back), `x` when the LA has no rate and `z`
    /// when the metric's outliers were not assessed in the period.
    pub fn la_z(&self, f: &LaFigures, la: &LaMetric, mp: &MetricPeriod) -> Option<Shown> {
        let z = la.z.filter(|z| z.is_finite());
        if !self.publish {
            return z.map(|value| Shown::Number { value, decimals: 2 });
        }
        Some(match z {
            _ if f.withheld => Shown::Symbol(symbol::CONFIDENTIAL),
            Some(z) => Shown::Number {
                value: (z * 100.0).round() / 100.0,
                decimals: 2,
            },
            None if !la.included() => Shown::Symbol(symbol::NOT_AVAILABLE),
            None if mp.outliers.not_assessed.is_some() => Shown::Symbol(symbol::NOT_APPLICABLE),
            None => Shown::Symbol(symbol::NOT_AVAILABLE),
        })
    }

    /// What an exclusion's detail says, scrubbed; in publish mode nothing: the
    /// detail quotes the LA's counts (`B02 = 7 is greater than B01 = 3`).
    pub fn exclusion_detail(&self, e: &Exclusion) -> Option<String> {
        (!self.publish && !e.detail.is_empty()).then(|| self.scrub(&e.detail))
    }

    /// Why an LA is not included, as a sheet writes it: `pair invalid: ...`,
    /// or in publish mode the reason alone.
    pub fn exclusion(&self, e: &Exclusion) -> String {
        match self.exclusion_detail(e) {
            // `A05 not in template version 1` says it all.
            Some(detail) if e.reason == ExclusionReason::NotInVersion => detail,
            Some(detail) => format!("{}: {detail}", e.reason.as_str()),
            None => e.reason.as_str().to_string(),
        }
    }

    /// The region's median, min and max over the included LAs. They are LA
    /// values, so they are shown as LA rates (whole-number percentages when
    /// publishing); in publish mode one that is (or, for the median, is drawn
    /// from) a withheld LA's rate, and no other LA's, is `c`.
    pub fn region_spread(&self, m: &MetricResult, mp: &MetricPeriod) -> [Shown; 3] {
        let mut values: Vec<(f64, bool)> = mp
            .las
            .iter()
            .filter(|l| l.included())
            .filter_map(|l| {
                let hidden = self.la_figures(m, mp.period, l).withheld;
                l.value.map(|v| (v, hidden))
            })
            .collect();
        values.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Hidden when every LA with a value it is drawn from is withheld.
        let hidden = |drawn: &[f64]| {
            self.publish
                && drawn.iter().any(|d| {
                    values
                        .iter()
                        .filter(|(v, _)| v == d)
                        .all(|(_, hidden)| *hidden)
                })
        };
        let shown = |v: Option<f64>, drawn: &[f64]| match v {
            Some(_) if hidden(drawn) => Shown::Symbol(symbol::CONFIDENTIAL),
            v => self.la_rate(v, m.unit),
        };
        let n = values.len();
        let middle: Vec<f64> = match n {
            0 => Vec::new(),
            _ if n % 2 == 1 => vec![values[n / 2].0],
            _ => vec![values[n / 2 - 1].0, values[n / 2].0],
        };
        let r = &mp.region;
        let ends = |i: Option<usize>| i.map(|i| vec![values[i].0]).unwrap_or_default();
        [
            shown(r.median, &middle),
            shown(r.min, &ends((n > 0).then_some(0))),
            shown(r.max, &ends(n.checked_sub(1))),
        ]
    }

    /// Whether publish mode hides the figure without outliers (and its sums):
    /// when an outlier's own rate is withheld, the pooled figure with and
    /// without it, beside its published denominator, would give back its
    /// numerator.
    pub fn hides_without_outliers(&self, m: &MetricResult, mp: &MetricPeriod) -> bool {
        self.publish
            && mp
                .las
                .iter()
                .filter(|l| l.outlier)
                .any(|l| self.la_figures(m, mp.period, l).withheld)
    }

    /// The region's pooled figure without its outliers: `c` where
    /// [`Presenter::hides_without_outliers`], else as [`Presenter::region_rate`].
    pub fn region_without_outliers(&self, m: &MetricResult, mp: &MetricPeriod) -> Shown {
        if self.hides_without_outliers(m, mp) {
            Shown::Symbol(symbol::CONFIDENTIAL)
        } else {
            self.region_rate(mp.region.pooled_without_outliers)
        }
    }
}
