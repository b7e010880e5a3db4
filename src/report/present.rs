//! How values are shown in outputs: exactly for the network, or under DfE
//! disclosure control (`--publish`), with LA names or stable letters
//! (`--anonymise`). Every writer shows counts, rates and LA names through a
//! [`Presenter`], so a mode is applied everywhere or nowhere.

use std::collections::BTreeMap;

use crate::aggregate::{Exclusion, LaMetric, MetricPeriod, MetricResult};
use crate::period::Period;
use crate::schema::{La, MetricUnit, Schema};
use crate::validate::Validation;

mod scrub;
mod withheld;

pub use withheld::Withheld;

/// DfE symbols for values not shown.
pub mod symbol {
    /// Confidential: a count from 1 to 5.
    pub const CONFIDENTIAL: &str = "c";
    /// A rate that rounds to 0 but is not 0.
    pub const ROUNDS_TO_ZERO: &str = "k";
    /// Not available.
    pub const NOT_AVAILABLE: &str = "x";
    /// Not applicable.
    pub const NOT_APPLICABLE: &str = "z";
}

/// A value as it is to be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// A number to write as a number, with this many decimals when formatted.
    Number { value: f64, decimals: usize },
    /// A DfE symbol (`c`, `k`, `x`, `z`).
    Symbol(&'static str),
}

impl Shown {
    /// As text: `12.3`, `1,240`, `c`.
    pub fn text(&self) -> String {
        match self {
            Shown::Number { value, decimals } => group_thousands(&format!("{value:.decimals$}")),
            Shown::Symbol(s) => s.to_string(),
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Shown::Number { value, .. } => Some(*value),
            Shown::Symbol(_) => None,
        }
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// One LA's figures for one metric and period, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct LaFigures {
    pub numerator: Shown,
    pub denominator: Shown,
    /// The LA's rate; `x` when the LA has none.
    pub value: Shown,
    /// The Wilson interval's ends, when the LA has one.
    pub wilson: Option<(Shown, Shown)>,
    /// In publish mode: the rate is derived from a withheld count, so the rate,
    /// its interval and its z are `c` and the LA is left out of funnel plots.
    pub withheld: bool,
}

/// Decimals for rates shown to the network (exact mode) and for regional rates in publish mode.
const RATE_DECIMALS: usize = 1;

#[derive(Debug, Clone, Default)]
pub struct Presenter {
    publish: bool,
    /// LA code → letter, when anonymising.
    letters: Option<BTreeMap<String, String>>,
    /// (a way of writing a region LA's name, its code), longest first: what [`Presenter::scrub`] replaces.
    names: Vec<(String, String)>,
    /// The cells publish mode shows as `c` beyond single small counts; held
    /// here so that every writer withholds the same ones.
    withheld: Withheld,
}

impl Presenter {
    /// Exact values and real names: the network's internal outputs.
    pub fn internal() -> Presenter {
        Presenter::default()
    }

    /// `publish` applies disclosure control; `anonymise` gives each region LA a
    /// letter with the empty key: see [`Presenter::keyed`].
    pub fn new(region: &[La], publish: bool, anonymise: bool) -> Presenter {
        Presenter::keyed(region, publish, anonymise, "")
    }

    /// As [`Presenter::new`], with the letters in the order of SHA-256 of
    /// (`key`, LA code): stable for a region and a key, whichever LAs sent a
    /// return, and not the public DfE code order. With the empty key anyone
    /// with kinbench and the region can work the letters out again; a network
    /// sharing anonymised outputs should keep a key of its own.
    pub fn keyed(region: &[La], publish: bool, anonymise: bool, key: &str) -> Presenter {
        let letters = anonymise.then(|| {
            let mut codes: Vec<(String, &str)> = region
                .iter()
                .map(|l| (letter_order(key, &l.code), l.code.as_str()))
                .collect();
            codes.sort();
            codes.dedup();
            codes
                .into_iter()
                .enumerate()
                .map(|(i, (_, c))| (c.to_string(), letter(i)))
                .collect()
        });
        let names = if anonymise {
            scrub::name_forms(region)
        } else {
            Vec::new()
        };
        Presenter {
            publish,
            letters,
            names,
            withheld: Withheld::default(),
        }
    }

    /// Works out, from the returns, what publish mode withholds beyond single
    /// counts of 1 to 5 (parts of sums, see [`Withheld`]). A run's Presenter
    /// is made with it ([`crate::report::run::prepare`]); without it only the
    /// single counts are withheld.
    pub fn withholding(mut self, schema: &Schema, validation: &Validation) -> Presenter {
        self.withheld = Withheld::of(schema, validation, self.publish);
        self
    }

    /// Free text for a shared output (a message, a file name) with every region
    /// LA's name and DfE code replaced by its letter (`LA C`), when anonymising;
    /// unchanged otherwise. Names are matched as whole words, ignoring case, in
    /// the lookup's spelling, with `&` for `and` and the `City of` variants;
    /// codes as whole numbers (so a value that happens to equal a code is
    /// replaced too, which errs on the safe side). Other spellings an LA might
    /// type (`Kent County Council`) keep their styling words around the letter.
    pub fn scrub(&self, text: &str) -> String {
        match &self.letters {
            Some(letters) => scrub::scrub(text, &self.names, letters),
            None => text.to_string(),
        }
    }

    /// A return's file name as a shared output shows it. When anonymising, a
    /// region LA's file is named whole by its letter and period (`LA C,
    /// 2025-26 Q2 return`): a name such as `931 Oxon Q2.xlsx` holds a code or a
    /// short name that scrubbing would miss. A file whose LA is not known is
    /// `a return from an unidentified LA`; an LA outside the region keeps its
    /// file name, scrubbed. Unchanged otherwise.
    pub fn file_name(&self, file: &str, la_code: Option<&str>, period: Option<Period>) -> String {
        let Some(letters) = &self.letters else {
            return file.to_string();
        };
        let when = period.map_or_else(|| "period unknown".to_string(), |p| p.to_string());
        match la_code.map(|c| letters.get(c)) {
            Some(Some(letter)) => format!("LA {letter}, {when} return"),
            Some(None) => self.scrub(file),
            None => format!("a return from an unidentified LA, {when}"),
        }
    }

    pub fn publish(&self) -> bool {
        self.publish
    }

    pub fn anonymise(&self) -> bool {
        self.letters.is_some()
    }

    /// A line for the top of every output saying which mode it was made in.
    pub fn mode_note(&self) -> &'static str {
        match (self.publish, self.anonymise()) {
            (false, false) => "Internal to the network: exact values, LAs named. Do not publish.",
            (true, false) => "Published: DfE disclosure control applied (c = 1 to 5, k = rounds to 0, x = not available, z = not applicable; regional counts rounded to the nearest 10).",
            (false, true) => "Anonymised: LAs shown by letter; exact values. Do not publish.",
            (true, true) => "Published and anonymised: LAs shown by letter; DfE disclosure control applied (c = 1 to 5, k = rounds to 0, x = not available, z = not applicable; regional counts rounded to the nearest 10).",
        }
    }

    /// The LA's name, or `LA C` when anonymising. An LA outside the region keeps its name.
    pub fn la_name(&self, la_code: &str, name: &str) -> String {
        match self.letters.as_ref().and_then(|m| m.get(la_code)) {
            Some(letter) => format!("LA {letter}"),
            None => name.to_string(),
        }
    }

    pub fn la(&self, la: &La) -> String {
        self.la_name(&la.code, &la.name)
    }

    /// One LA's count: in publish mode 1 to 5 become `c`.
    pub fn la_count(&self, value: Option<f64>) -> Shown {
        match value {
            None => Shown::Symbol(symbol::NOT_AVAILABLE),
            Some(v) if self.publish && v > 0.0 && v <= 5.0 => Shown::Symbol(symbol::CONFIDENTIAL),
            Some(v) => Shown::Number {
                value: v,
                decimals: decimals_of(v),
            },
        }
    }

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

    /// The metric's narrative for the reporting period as published: in publish
    /// mode a regional rate that rounds to 0 but is not 0 (the narrative writes
    /// it `0.0%`) is `k`, for the period and the quarters it is compared with.
    pub fn narrative(&self, m: &MetricResult, period: Period) -> String {
        let mut text = m.narrative.clone();
        if !self.publish {
            return text;
        }
        let pooled = |p: Period| m.at(p).and_then(|mp| mp.region.pooled);
        let is_k = |v: Option<f64>| matches!(self.region_rate(v), Shown::Symbol(s) if s == symbol::ROUNDS_TO_ZERO);
        let fmt = |v: f64| crate::aggregate::fmt_value(m.unit, v);
        if let Some(v) = pooled(period).filter(|v| is_k(Some(*v))) {
            let was = format!("{}: {} in {period}", m.title, fmt(v));
            text = text.replacen(&was, &format!("{}: k in {period}", m.title), 1);
        }
        for other in [period.prev(), period.year_before()] {
            if let Some(v) = pooled(other).filter(|v| is_k(Some(*v))) {
                let was = format!("on {other} ({})", fmt(v));
                text = text.replace(&was, &format!("on {other} (k)"));
            }
        }
        text
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

    /// A regional or national count: in publish mode rounded to the nearest 10,
    /// with a true count of 1 to 5 shown as `c` rather than as a misleading 0 or 10.
    pub fn total_count(&self, value: Option<f64>) -> Shown {
        match value {
            None => Shown::Symbol(symbol::NOT_AVAILABLE),
            Some(v) if self.publish && v > 0.0 && v <= 5.0 => Shown::Symbol(symbol::CONFIDENTIAL),
            Some(v) if self.publish => Shown::Number {
                value: (v / 10.0).round() * 10.0,
                decimals: 0,
            },
            Some(v) => Shown::Number {
                value: v,
                decimals: decimals_of(v),
            },
        }
    }

    /// One LA's rate: in publish mode percentages are whole numbers and a rate
    /// that rounds to 0 but is not 0 is `k`.
    pub fn la_rate(&self, value: Option<f64>, unit: MetricUnit) -> Shown {
        let decimals = if self.publish && unit == MetricUnit::Percent {
            0
        } else {
            RATE_DECIMALS
        };
        self.rate(value, decimals)
    }

    /// The region's rate (pooled, median ...), one decimal in either mode.
    pub fn region_rate(&self, value: Option<f64>) -> Shown {
        self.rate(value, RATE_DECIMALS)
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

    fn rate(&self, value: Option<f64>, decimals: usize) -> Shown {
        match value {
            None => Shown::Symbol(symbol::NOT_AVAILABLE),
            Some(v) if !v.is_finite() => Shown::Symbol(symbol::NOT_AVAILABLE),
            Some(v) => {
                let scale = 10f64.powi(decimals as i32);
                let rounded = (v * scale).round() / scale;
                if self.publish && rounded == 0.0 && v != 0.0 {
                    Shown::Symbol(symbol::ROUNDS_TO_ZERO)
                } else if self.publish {
                    Shown::Number {
                        value: rounded,
                        decimals,
                    }
                } else {
                    Shown::Number { value: v, decimals }
                }
            }
        }
    }
}

fn decimals_of(v: f64) -> usize {
    if v.fract() == 0.0 {
        0
    } else {
        2
    }
}

/// What orders an LA among the letters: SHA-256 of the key's length, the key
/// and the LA code, in hex (the length keeps `ab`+`1` apart from `a`+`b1`).
fn letter_order(key: &str, code: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(key.len().to_le_bytes());
    h.update(key.as_bytes());
    h.update(code.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// 0 → A, 25 → Z, 26 → AA.
fn letter(i: usize) -> String {
    crate::ingest::column_letters(i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn se() -> Vec<La> {
        let s = crate::schema::Schema::bundled().unwrap();
        s.las
            .region("South East")
            .unwrap()
            .into_iter()
            .cloned()
            .collect()
    }

    #[test]
    fn internal_outputs_are_exact() {
        let p = Presenter::internal();
        assert_eq!(p.la_count(Some(3.0)).text(), "3");
        assert_eq!(p.total_count(Some(1234.0)).text(), "1,234");
        assert_eq!(p.la_rate(Some(12.345), MetricUnit::Percent).text(), "12.3");
        assert_eq!(
            p.la_rate(Some(12.345), MetricUnit::Percent).number(),
            Some(12.345)
        );
        assert_eq!(p.la_count(None).text(), "x");
        assert_eq!(p.la_name("886", "Kent"), "Kent");
    }

    #[test]
    fn publish_applies_dfe_disclosure_control() {
        let p = Presenter::new(&se(), true, false);
        assert_eq!(p.la_count(Some(0.0)).text(), "0");
        assert_eq!(p.la_count(Some(1.0)).text(), "c");
        assert_eq!(p.la_count(Some(5.0)).text(), "c");
        assert_eq!(p.la_count(Some(6.0)).text(), "6");
        assert_eq!(p.total_count(Some(1234.0)).text(), "1,230");
        assert_eq!(p.total_count(Some(1235.0)).text(), "1,240");
        assert_eq!(p.total_count(Some(4.0)).text(), "c");
        assert_eq!(p.total_count(Some(7.0)).text(), "10");
        assert_eq!(p.la_rate(Some(12.5), MetricUnit::Percent).text(), "13");
        assert_eq!(p.la_rate(Some(0.4), MetricUnit::Percent).text(), "k");
        assert_eq!(p.la_rate(Some(0.0), MetricUnit::Percent).text(), "0");
        assert_eq!(p.la_rate(Some(14.26), MetricUnit::Ratio).text(), "14.3");
        assert_eq!(p.region_rate(Some(0.04)).text(), "k");
        assert_eq!(p.region_rate(Some(59.96)).number(), Some(60.0));
    }

    #[test]
    fn anonymised_letters_are_stable_keyed_and_not_in_code_order() {
        let p = Presenter::new(&se(), false, true);
        let mut reversed = se();
        reversed.reverse();
        let again = Presenter::new(&reversed, false, true);
        let letters = |p: &Presenter| -> Vec<String> {
            let mut las = se();
            las.sort_by(|a, b| a.code.cmp(&b.code));
            las.iter().map(|l| p.la(l)).collect()
        };
        assert_eq!(letters(&p), letters(&again), "stable whatever the order");
        let in_code_order: Vec<String> = (0..19).map(|i| format!("LA {}", letter(i))).collect();
        assert_ne!(letters(&p), in_code_order, "not the public DfE code order");
        let keyed = Presenter::keyed(&se(), false, true, "network secret");
        assert_ne!(letters(&keyed), letters(&p), "the key changes the letters");
        let mut all = letters(&keyed);
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 19, "one letter each");
        assert_eq!(p.la_name("201", "City of London"), "City of London");
    }

    #[test]
    fn anonymised_file_names_are_replaced_whole() {
        let p = Presenter::new(&se(), true, true);
        let period = Period::parse("2025-26 Q2").unwrap().0;
        let c = p.la_name("931", "Oxfordshire");
        assert_eq!(
            p.file_name("931 Oxon Q2.xlsx", Some("931"), Some(period)),
            format!("{c}, 2025-26 Q2 return")
        );
        assert_eq!(
            p.file_name("Oxon.xlsx", None, None),
            "a return from an unidentified LA, period unknown"
        );
        let internal = Presenter::new(&se(), true, false);
        assert_eq!(
            internal.file_name("931 Oxon Q2.xlsx", Some("931"), Some(period)),
            "931 Oxon Q2.xlsx"
        );
    }
}
