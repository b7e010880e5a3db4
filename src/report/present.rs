//! How values are shown in outputs: exactly for the network, or under DfE
//! disclosure control (`--publish`), with LA names or stable letters
//! (`--anonymise`). Every writer shows counts, rates and LA names through a
//! [`Presenter`], so a mode is applied everywhere or nowhere.

use std::collections::BTreeMap;

use crate::period::Period;
use crate::schema::{La, Schema};
use crate::validate::Validation;

mod figures;
mod narrative;
mod numbers;
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
    /// is made with it ([`crate::pipeline::prepare`]); without it only the
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
    use crate::schema::MetricUnit;

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
