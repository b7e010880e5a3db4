//! The live checks' small language: each condition and message is written once
//! here and gives both the spreadsheet formula and, worked out in Rust, the
//! result saved with it, so the two cannot drift apart. Only functions Excel,
//! LibreOffice Calc and Google Sheets all have are written.

use std::collections::BTreeMap;

use crate::number_text::format_number;

/// Sums are compared allowing for float rounding (FTE items carry decimals), as validate does.
const TOLERANCE: &str = "0.000000001";
const TOLERANCE_F: f64 = 1e-9;

/// A Value cell as the spreadsheet sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Live {
    Blank,
    Number(f64),
    Text(String),
    /// A spreadsheet error (`#N/A`): any sum it is in is an error too.
    Error,
    /// A logical value: neither a number nor text.
    Other,
}

/// Item code → its Value cell's absolute reference (`$C$12`).
pub type Refs = BTreeMap<String, String>;
/// Item code → what its Value cell holds.
pub type Values = BTreeMap<String, Live>;

/// A number worked out from Value cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    /// How many of the items hold a number.
    Count(Vec<String>),
    /// The sum of the numbers among the items.
    Sum(Vec<String>),
    Lit(f64),
}

/// A condition on Value cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    Gt(Num, Num),
    Lt(Num, Num),
    Eq(Num, Num),
    /// More than the other, beyond rounding.
    Exceeds(Num, Num),
    /// Different, beyond rounding.
    Differs(Num, Num),
    /// The item's cell holds text, not blank and none of the markers.
    NotANumber(String, Vec<String>),
    /// The item's cell holds one of the markers (trimmed, any case).
    Marker(String, Vec<String>),
    /// The item's cell holds a spreadsheet error.
    IsError(String),
    /// The item's cell holds a number below 0.
    Negative(String),
    /// The item's cell holds a number of 0 or more with a fractional part.
    Fraction(String),
}

/// A piece of a message: fixed words, or a live total shown to two decimal places at most.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Value(Num),
}

fn refs_of(codes: &[String], refs: &Refs) -> String {
    codes
        .iter()
        .map(|c| refs.get(c).cloned().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(",")
}

/// A formula string literal.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

impl Num {
    pub fn formula(&self, refs: &Refs) -> String {
        match self {
            Num::Count(codes) => format!("COUNT({})", refs_of(codes, refs)),
            Num::Sum(codes) => format!("SUM({})", refs_of(codes, refs)),
            Num::Lit(x) => format_number(*x),
        }
    }

    /// `None` where the spreadsheet gives an error: a sum over an error cell
    /// (COUNT passes over errors).
    pub fn eval(&self, values: &Values) -> Option<f64> {
        let numbers = |codes: &[String]| -> Vec<f64> {
            codes
                .iter()
                .filter_map(|c| match values.get(c) {
                    Some(Live::Number(x)) => Some(*x),
                    _ => None,
                })
                .collect()
        };
        let has_error =
            |codes: &[String]| codes.iter().any(|c| values.get(c) == Some(&Live::Error));
        match self {
            Num::Count(codes) => Some(numbers(codes).len() as f64),
            Num::Sum(codes) if has_error(codes) => None,
            Num::Sum(codes) => Some(numbers(codes).iter().sum()),
            Num::Lit(x) => Some(*x),
        }
    }

    /// The codes this number reads.
    fn items(&self) -> &[String] {
        match self {
            Num::Count(c) | Num::Sum(c) => c,
            Num::Lit(_) => &[],
        }
    }
}

/// `|c|*|`: the markers as the text FIND looks the cell's content up in.
fn marker_list(markers: &[String]) -> String {
    let mut out = String::from("|");
    for m in markers {
        out.push_str(&excel_trim(m).to_lowercase());
        out.push('|');
    }
    out
}

/// What the spreadsheets' TRIM does: spaces (only) off both ends, runs of them made one.
fn excel_trim(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_marker(live: Option<&Live>, markers: &[String]) -> bool {
    match live {
        Some(Live::Text(t)) => {
            marker_list(markers).contains(&format!("|{}|", excel_trim(t).to_lowercase()))
        }
        _ => false,
    }
}

impl Cond {
    pub fn formula(&self, refs: &Refs) -> String {
        let list = |cs: &[Cond]| {
            cs.iter()
                .map(|c| c.formula(refs))
                .collect::<Vec<_>>()
                .join(",")
        };
        let cell = |code: &str| refs.get(code).cloned().unwrap_or_default();
        let marker = |code: &str, markers: &[String]| {
            format!(
                "ISNUMBER(FIND(\"|\"&LOWER(TRIM({}))&\"|\",{}))",
                cell(code),
                quoted(&marker_list(markers))
            )
        };
        match self {
            Cond::And(cs) => format!("AND({})", list(cs)),
            Cond::Or(cs) => format!("OR({})", list(cs)),
            Cond::Not(c) => format!("NOT({})", c.formula(refs)),
            Cond::Gt(a, b) => format!("{}>{}", a.formula(refs), b.formula(refs)),
            Cond::Lt(a, b) => format!("{}<{}", a.formula(refs), b.formula(refs)),
            Cond::Eq(a, b) => format!("{}={}", a.formula(refs), b.formula(refs)),
            Cond::Exceeds(a, b) => {
                format!("{}-{}>{TOLERANCE}", a.formula(refs), b.formula(refs))
            }
            Cond::Differs(a, b) => {
                format!("ABS({}-{})>{TOLERANCE}", a.formula(refs), b.formula(refs))
            }
            Cond::NotANumber(code, markers) => format!(
                "AND(ISTEXT({c}),TRIM({c})<>\"\",NOT({}))",
                marker(code, markers),
                c = cell(code)
            ),
            Cond::Marker(code, markers) => marker(code, markers),
            Cond::IsError(code) => format!("ISERROR({})", cell(code)),
            Cond::Negative(code) => format!("IF(ISNUMBER({c}),{c}<0,FALSE)", c = cell(code)),
            Cond::Fraction(code) => format!(
                "IF(ISNUMBER({c}),AND({c}>=0,{c}<>INT({c})),FALSE)",
                c = cell(code)
            ),
        }
    }

    /// The formula, false where it would give an error (a sum over an error cell),
    /// so one error typed in a Value cell never spreads into the Check column.
    pub fn guarded(&self, refs: &Refs) -> String {
        format!("IFERROR({},FALSE)", self.formula(refs))
    }

    /// What [`Cond::guarded`] gives for `values`.
    pub fn eval(&self, values: &Values) -> bool {
        self.value(values).unwrap_or(false)
    }

    /// As the spreadsheet works it out: `None` for an error, which AND and OR pass on.
    fn value(&self, values: &Values) -> Option<bool> {
        let both = |a: &Num, b: &Num| Some((a.eval(values)?, b.eval(values)?));
        let number = |code: &str| match values.get(code) {
            Some(Live::Number(x)) => Some(*x),
            _ => None,
        };
        match self {
            Cond::And(cs) => {
                let all: Option<Vec<bool>> = cs.iter().map(|c| c.value(values)).collect();
                all.map(|v| v.into_iter().all(|b| b))
            }
            Cond::Or(cs) => {
                let all: Option<Vec<bool>> = cs.iter().map(|c| c.value(values)).collect();
                all.map(|v| v.into_iter().any(|b| b))
            }
            Cond::Not(c) => c.value(values).map(|b| !b),
            Cond::Gt(a, b) => both(a, b).map(|(a, b)| a > b),
            Cond::Lt(a, b) => both(a, b).map(|(a, b)| a < b),
            Cond::Eq(a, b) => both(a, b).map(|(a, b)| a == b),
            Cond::Exceeds(a, b) => both(a, b).map(|(a, b)| a - b > TOLERANCE_F),
            Cond::Differs(a, b) => both(a, b).map(|(a, b)| (a - b).abs() > TOLERANCE_F),
            Cond::NotANumber(code, markers) => match values.get(code) {
                Some(Live::Text(t)) => {
                    Some(!excel_trim(t).is_empty() && !is_marker(values.get(code), markers))
                }
                // TRIM of an error is an error.
                Some(Live::Error) => None,
                _ => Some(false),
            },
            Cond::Marker(code, markers) => Some(is_marker(values.get(code), markers)),
            Cond::IsError(code) => Some(values.get(code) == Some(&Live::Error)),
            Cond::Negative(code) => Some(number(code).is_some_and(|x| x < 0.0)),
            Cond::Fraction(code) => {
                Some(number(code).is_some_and(|x| x >= 0.0 && x.fract() != 0.0))
            }
        }
    }

    /// Every item code the condition reads.
    pub fn items(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.collect(out)),
            Cond::Not(c) => c.collect(out),
            Cond::Gt(a, b)
            | Cond::Lt(a, b)
            | Cond::Eq(a, b)
            | Cond::Exceeds(a, b)
            | Cond::Differs(a, b) => {
                out.extend(a.items().iter().chain(b.items()).map(String::as_str));
            }
            Cond::NotANumber(c, _)
            | Cond::Marker(c, _)
            | Cond::IsError(c)
            | Cond::Negative(c)
            | Cond::Fraction(c) => out.push(c),
        }
    }
}

/// A live total as shown: rounded to two decimal places, in the general number format.
fn shown(x: f64) -> String {
    format_number((x * 100.0).round() / 100.0)
}

impl Piece {
    pub fn formula(&self, refs: &Refs) -> String {
        match self {
            Piece::Text(t) => quoted(t),
            Piece::Value(n) => format!("ROUND({},2)", n.formula(refs)),
        }
    }

    pub fn eval(&self, values: &Values) -> String {
        match self {
            Piece::Text(t) => t.clone(),
            // Shown only while its check holds, which an error never lets it.
            Piece::Value(n) => n.eval(values).map(shown).unwrap_or_default(),
        }
    }
}

/// A message's pieces joined with `&`.
pub fn message_formula(pieces: &[Piece], refs: &Refs) -> String {
    pieces
        .iter()
        .map(|p| p.formula(refs))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn message_eval(pieces: &[Piece], values: &Values) -> String {
    pieces.iter().map(|p| p.eval(values)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs() -> Refs {
        [("A01", "$C$12"), ("A02", "$C$13")]
            .map(|(c, r)| (c.to_string(), r.to_string()))
            .into_iter()
            .collect()
    }

    fn values(a: Live, b: Live) -> Values {
        [("A01".to_string(), a), ("A02".to_string(), b)]
            .into_iter()
            .collect()
    }

    fn both() -> Vec<String> {
        vec!["A01".to_string(), "A02".to_string()]
    }

    #[test]
    fn writes_the_formula_and_works_out_the_same_result() {
        let cond = Cond::And(vec![
            Cond::Eq(Num::Count(both()), Num::Lit(2.0)),
            Cond::Exceeds(Num::Sum(vec!["A02".into()]), Num::Sum(vec!["A01".into()])),
        ]);
        assert_eq!(
            cond.formula(&refs()),
            "AND(COUNT($C$12,$C$13)=2,SUM($C$13)-SUM($C$12)>0.000000001)"
        );
        assert!(cond.eval(&values(Live::Number(10.0), Live::Number(12.0))));
        assert!(!cond.eval(&values(Live::Number(12.0), Live::Number(12.0))));
        assert!(!cond.eval(&values(Live::Text("x".into()), Live::Number(12.0))));
        // An error in a sum makes the condition an error, which the guard turns to false.
        assert!(!cond.eval(&values(Live::Number(10.0), Live::Error)));
    }

    #[test]
    fn text_is_not_a_number_unless_it_is_a_marker_or_blank() {
        let markers = vec!["c".to_string(), "N/A".to_string()];
        let nan = Cond::NotANumber("A01".into(), markers);
        assert_eq!(
            nan.formula(&refs()),
            "AND(ISTEXT($C$12),TRIM($C$12)<>\"\",NOT(ISNUMBER(FIND(\"|\"&LOWER(TRIM($C$12))&\"|\",\"|c|n/a|\"))))"
        );
        for (text, want) in [
            ("lots", true),
            (" n/A ", false),
            ("C", false),
            ("  ", false),
        ] {
            let v = values(Live::Text(text.into()), Live::Blank);
            assert_eq!(nan.eval(&v), want, "{text:?}");
        }
        assert!(!nan.eval(&values(Live::Number(3.0), Live::Blank)));
    }

    #[test]
    fn errors_fractions_and_negatives_are_seen_as_a_spreadsheet_sees_them() {
        assert!(Cond::IsError("A02".into()).eval(&values(Live::Blank, Live::Error)));
        assert_eq!(
            Cond::IsError("A01".into()).guarded(&refs()),
            "IFERROR(ISERROR($C$12),FALSE)"
        );
        let whole = |x: f64| values(Live::Number(x), Live::Blank);
        let fraction = Cond::Fraction("A01".into());
        assert_eq!(
            [2.5, 2.0, -2.5].map(|x| fraction.eval(&whole(x))),
            [true, false, false]
        );
        assert!(Cond::Negative("A01".into()).eval(&whole(-2.5)));
    }

    #[test]
    fn a_message_rounds_its_values_and_quotes_its_words() {
        assert_eq!(
            message_eval(
                &[Piece::Text("is ".into()), Piece::Value(Num::Sum(both()))],
                &values(Live::Number(0.125), Live::Number(2.0))
            ),
            "is 2.13"
        );
        assert_eq!(
            message_formula(
                &[
                    Piece::Text("say \"x\" ".into()),
                    Piece::Value(Num::Sum(both()))
                ],
                &refs()
            ),
            "\"say \"\"x\"\" \"&ROUND(SUM($C$12,$C$13),2)"
        );
    }
}
