//! The template's live checks, from the schema: each relation, each metric's
//! pair and each Value cell's typing become a formula in the `Check` column,
//! saying what is wrong in the officer's own figures, with the code of the rule
//! the network's feedback would raise for it.
//!
//! A spreadsheet sees a cell as a number, text, an error or blank, so where
//! validate reads more into a cell the two part: a number typed as text
//! (`1,234`) is used by validate (VAL001) but is "not a number" here, and a date
//! is a number here where validate rejects it (VAL005).

mod expr;
mod sheet;

pub use expr::{Cond, Num, Piece};
pub(super) use sheet::write;
pub use sheet::{lay_out, LiveSheet, FORMULA_LIMIT};

use crate::schema::{Metric, RelOp, Relation, Schema, Unit};
use crate::validate::rules::{live_words, Code, LIVE_CODE};

/// One check: when it fires and what it then says.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveCheck {
    /// The rule it stands in for (`SUM001`).
    pub code: Code,
    /// The item on whose row it is shown: the cell validate's finding names.
    pub host: String,
    pub when: Cond,
    /// Its words and code, as pieces (` (SUM001)` last).
    pub says: Vec<Piece>,
}

impl LiveCheck {
    /// The items whose Value cells it reads (marked when it fires).
    pub fn items(&self) -> Vec<&str> {
        let mut out = self.when.items();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Every live check of the schema: each item's typing, then the relations, then
/// the metrics' pairs, in schema order.
pub fn checks(schema: &Schema) -> Vec<LiveCheck> {
    let r = &schema.reading;
    let markers: Vec<String> = r
        .withheld_markers
        .iter()
        .chain(&r.not_provided_markers)
        .cloned()
        .collect();
    let mut out = Vec::new();
    for item in &schema.items {
        let code = &item.code;
        let mut typing = vec![
            (Code::VAL004, Cond::IsError(code.clone())),
            (
                Code::VAL009,
                Cond::NotANumber(code.clone(), markers.clone()),
            ),
            (
                Code::VAL003,
                Cond::Marker(code.clone(), r.withheld_markers.clone()),
            ),
            (
                Code::VAL002,
                Cond::Marker(code.clone(), r.not_provided_markers.clone()),
            ),
            (Code::VAL007, Cond::Negative(code.clone())),
        ];
        if item.unit == Unit::Count {
            typing.push((Code::VAL008, Cond::Fraction(code.clone())));
        }
        for (rule, when) in typing {
            out.push(check(rule, code, when, &[]));
        }
    }
    out.extend(schema.relations.iter().map(|rel| relation(schema, rel)));
    for m in &schema.metrics {
        out.extend(pair(schema, m, &|c: &str| unusable(schema, c, &markers)));
    }
    out
}

/// The cell holds what validate rejects with an error of its own: an error,
/// text that is no marker, a negative number, a fraction in a count.
fn unusable(schema: &Schema, code: &str, markers: &[String]) -> Cond {
    let mut any = vec![
        Cond::IsError(code.to_string()),
        Cond::NotANumber(code.to_string(), markers.to_vec()),
        Cond::Negative(code.to_string()),
    ];
    if schema.item(code).is_some_and(|i| i.unit == Unit::Count) {
        any.push(Cond::Fraction(code.to_string()));
    }
    Cond::Or(any)
}

fn check(code: Code, host: &str, when: Cond, fill: &[(&str, Piece)]) -> LiveCheck {
    let mut says = Vec::new();
    for (literal, name) in segments(LIVE_CODE) {
        push_text(&mut says, literal);
        match name {
            Some("words") => {
                for (literal, name) in segments(live_words(code).unwrap_or(code.as_str())) {
                    push_text(&mut says, literal);
                    if let Some(name) = name {
                        match fill.iter().find(|(k, _)| *k == name) {
                            Some((_, piece)) => says.push(piece.clone()),
                            None => push_text(&mut says, &format!("{{{name}}}")),
                        }
                    }
                }
            }
            Some("code") => push_text(&mut says, code.as_str()),
            Some(other) => push_text(&mut says, &format!("{{{other}}}")),
            None => {}
        }
    }
    // Neighbouring fixed words as one piece, so the formula stays short.
    let mut merged: Vec<Piece> = Vec::new();
    for p in says {
        match (merged.last_mut(), p) {
            (Some(Piece::Text(a)), Piece::Text(b)) => a.push_str(&b),
            (_, p) => merged.push(p),
        }
    }
    LiveCheck {
        code,
        host: host.to_string(),
        when,
        says: merged,
    }
}

fn push_text(out: &mut Vec<Piece>, text: &str) {
    if !text.is_empty() {
        out.push(Piece::Text(text.to_string()));
    }
}

/// A template's text before each `{placeholder}`, with the placeholder's name; the last has none.
fn segments(template: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push((&rest[..open], Some(&rest[open + 1..close])));
        rest = &rest[close + 1..];
    }
    out.push((rest, None));
    out
}

/// `B02a to B02d` for three or more items in a row of the template, else `B02 + B03`.
fn side_name(schema: &Schema, codes: &[String]) -> String {
    let at: Vec<usize> = codes.iter().map(|c| schema.item_index(c)).collect();
    let in_a_row = at.windows(2).all(|w| w[1] == w[0] + 1);
    match (codes.first(), codes.last()) {
        (Some(first), Some(last)) if codes.len() > 2 && in_a_row => format!("{first} to {last}"),
        _ => codes.join(" + "),
    }
}

fn in_template_order(schema: &Schema, side: &[String]) -> Vec<String> {
    let mut out = side.to_vec();
    out.sort_by_key(|c| schema.item_index(c));
    out
}

fn count_is(codes: &[String], n: usize) -> Cond {
    Cond::Eq(Num::Count(codes.to_vec()), Num::Lit(n as f64))
}

/// Judged as validate judges it (src/validate/sums.rs): an at-most relation once its
/// whole is given, even with parts missing; an equality once every item is given.
fn relation(schema: &Schema, rel: &Relation) -> LiveCheck {
    let (parts, whole) = (&rel.parts, &rel.whole);
    let fill = [
        ("parts", Piece::Text(side_name(schema, parts))),
        ("whole", Piece::Text(side_name(schema, whole))),
        ("parts_value", Piece::Value(Num::Sum(parts.clone()))),
        ("whole_value", Piece::Value(Num::Sum(whole.clone()))),
    ];
    let whole_given = count_is(whole, whole.len());
    let (code, host, when) = match rel.op {
        RelOp::AtMost => (
            Code::SUM002,
            parts.first(),
            Cond::And(vec![
                whole_given,
                Cond::Exceeds(Num::Sum(parts.clone()), Num::Sum(whole.clone())),
            ]),
        ),
        RelOp::Equals => (
            Code::SUM001,
            whole.first(),
            Cond::And(vec![
                whole_given,
                count_is(parts, parts.len()),
                Cond::Differs(Num::Sum(parts.clone()), Num::Sum(whole.clone())),
            ]),
        ),
    };
    check(code, host.map_or("", |h| h.as_str()), when, &fill)
}

/// A metric's pair, judged as validate judges it (src/validate/pairs.rs): nothing
/// is said while one of its items holds what validate rejects (that cell's own
/// check speaks), then the first of PAIR001, PAIR002, PAIR004, PAIR003 that holds,
/// each on the row of the cell validate's finding names.
fn pair(schema: &Schema, m: &Metric, unusable: &dyn Fn(&str) -> Cond) -> Vec<LiveCheck> {
    let (num, den) = (&m.numerator, &m.denominator);
    let p = PairChecks {
        schema,
        fill: [
            ("metric", Piece::Text(m.short.clone())),
            ("numerator", Piece::Text(side_name(schema, num))),
            ("denominator", Piece::Text(side_name(schema, den))),
            ("numerator_value", Piece::Value(Num::Sum(num.clone()))),
            ("denominator_value", Piece::Value(Num::Sum(den.clone()))),
        ],
        judged: Cond::Not(Box::new(Cond::Or(
            m.items().into_iter().map(unusable).collect(),
        ))),
    };
    let mut out = p.one_sided(Code::PAIR001, den, vec![given(num), short(den)]);
    out.extend(p.one_sided(
        Code::PAIR002,
        num,
        vec![
            given(den),
            short(num),
            Cond::Or(vec![count_is(num, 0), all_given(den)]),
        ],
    ));
    let sum = |side: &[String]| Num::Sum(side.to_vec());
    out.push(p.check(
        Code::PAIR004,
        &first(schema, den),
        vec![
            all_given(num),
            all_given(den),
            Cond::Eq(sum(den), Num::Lit(0.0)),
            Cond::Gt(sum(num), Num::Lit(0.0)),
        ],
    ));
    if m.unit.is_proportion() {
        out.push(p.check(
            Code::PAIR003,
            &first(schema, num),
            vec![
                all_given(num),
                all_given(den),
                Cond::Gt(sum(den), Num::Lit(0.0)),
                Cond::Gt(sum(num), sum(den)),
            ],
        ));
    }
    out
}

/// What a metric's pair checks share: their words' fill and the guard that
/// every item of the metric is usable.
struct PairChecks<'a> {
    schema: &'a Schema,
    fill: [(&'static str, Piece); 5],
    judged: Cond,
}

impl PairChecks<'_> {
    /// The check `code` on the row of `host`, when `conds` hold of usable items.
    fn check(&self, code: Code, host: &str, conds: Vec<Cond>) -> LiveCheck {
        let when = Cond::And([vec![self.judged.clone()], conds].concat());
        check(code, host, when, &self.fill)
    }

    /// A side given without the other: shown on the row of the other side's first
    /// item not given, the cell the feedback names, so one check per such item.
    fn one_sided(&self, code: Code, missing: &[String], conds: Vec<Cond>) -> Vec<LiveCheck> {
        let order = in_template_order(self.schema, missing);
        (0..order.len())
            .map(|i| {
                let first_missing = vec![count_is(&order[..i], i), count_is(&order[i..=i], 0)];
                self.check(code, &order[i], [conds.clone(), first_missing].concat())
            })
            .collect()
    }
}

/// The first item of `side` in template order.
fn first(schema: &Schema, side: &[String]) -> String {
    in_template_order(schema, side)
        .into_iter()
        .next()
        .unwrap_or_default()
}

fn given(side: &[String]) -> Cond {
    Cond::Gt(Num::Count(side.to_vec()), Num::Lit(0.0))
}

fn short(side: &[String]) -> Cond {
    Cond::Lt(Num::Count(side.to_vec()), Num::Lit(side.len() as f64))
}

fn all_given(side: &[String]) -> Cond {
    count_is(side, side.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_its_words_and_no_line_break() {
        let s = Schema::bundled().unwrap();
        let all = checks(&s);
        // Five typing checks per item and one more per count, one per relation; per metric one for each
        // item a side can be missing, one for a zero denominator, one for over 100%.
        let pairs: usize = s
            .metrics
            .iter()
            .map(|m| {
                m.numerator.len() + m.denominator.len() + 1 + usize::from(m.unit.is_proportion())
            })
            .sum();
        let counts = s.items.iter().filter(|i| i.unit == Unit::Count).count();
        assert_eq!(
            all.len(),
            5 * s.items.len() + counts + s.relations.len() + pairs
        );
        for c in &all {
            assert!(live_words(c.code).is_some(), "{}", c.code);
            let text: String = message_text(&c.says);
            assert!(!text.contains('{') && !text.contains('\n'), "{text}");
            assert!(text.ends_with(&format!(" ({})", c.code)), "{text}");
            assert!(s.item(&c.host).is_some(), "{}", c.host);
        }
        let b02 = all
            .iter()
            .find(|c| c.code == Code::SUM001 && c.host == "B02")
            .unwrap();
        assert_eq!(
            b02.says,
            [
                Piece::Text("B02a to B02d add up to ".into()),
                Piece::Value(Num::Sum(
                    ["B02a", "B02b", "B02c", "B02d"].map(String::from).to_vec()
                )),
                Piece::Text("; B02 is ".into()),
                Piece::Value(Num::Sum(vec!["B02".into()])),
                Piece::Text(" (SUM001)".into()),
            ]
        );
    }

    fn message_text(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Value(_) => "1".into(),
            })
            .collect()
    }
}
