//! What publish mode withholds beyond a single count of 1 to 5: the cells of a
//! return that would give a suppressed count back through the schema's sum
//! relations (secondary suppression), and the LA-level figures derived from a
//! withheld count (a sum, a rate, its interval).

use std::collections::{BTreeMap, BTreeSet};

use crate::period::Period;
use crate::schema::{RelOp, Schema};
use crate::validate::{ReturnStatus, Validation};

/// A count that publish mode shows as `c`: from 1 to 5.
pub(crate) fn is_small(v: f64) -> bool {
    v > 0.0 && v <= 5.0
}

/// The cells withheld in publish mode, by LA code, period and item. Empty in
/// other modes, so asking it is always safe.
#[derive(Debug, Clone, Default)]
pub struct Withheld {
    cells: BTreeSet<(String, Period, String)>,
}

impl Withheld {
    /// Every used return's withheld cells (primary and secondary); none
    /// unless publishing.
    pub fn of(schema: &Schema, validation: &Validation, publish: bool) -> Withheld {
        let mut cells = BTreeSet::new();
        if !publish {
            return Withheld { cells };
        }
        for sub in &validation.submissions {
            if sub.status != ReturnStatus::Used {
                continue;
            }
            let (Some(la), Some(period)) = (&sub.la, sub.period) else {
                continue;
            };
            let values: BTreeMap<String, Option<f64>> = schema
                .items
                .iter()
                .map(|i| (i.code.clone(), sub.usable(&i.code)))
                .collect();
            for item in suppress(schema, &values) {
                cells.insert((la.code.clone(), period, item));
            }
        }
        Withheld { cells }
    }

    /// Whether this LA's item in this period is shown as `c`.
    pub fn cell(&self, la_code: &str, period: Period, item: &str) -> bool {
        self.cells
            .contains(&(la_code.to_string(), period, item.to_string()))
    }

    /// Whether a sum of `items` for this LA (a metric's numerator or
    /// denominator) is withheld: when the sum is from 1 to 5 or any item in it is withheld.
    pub fn sum(&self, la_code: &str, period: Period, items: &[String], sum: Option<f64>) -> bool {
        sum.is_some_and(is_small) || items.iter().any(|i| self.cell(la_code, period, i))
    }
}

/// The groups of a sum relation (the total and its parts) in which one hidden
/// cell could be worked out exactly from the others: every `=` relation. A `<=`
/// relation (`B02 + B03 <= B01`) gives only a bound, so it is not a group; a
/// figure that adds its items up (a metric's `B02 + B03`) is withheld with
/// any of them instead ([`Withheld::sum`]).
fn groups(schema: &Schema) -> Vec<(Vec<&str>, Vec<&str>)> {
    schema
        .relations
        .iter()
        .filter(|r| r.op == RelOp::Equals)
        .map(|r| {
            (
                r.parts.iter().map(String::as_str).collect(),
                r.whole.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// One LA-period's withheld items: counts from 1 to 5, then, for each sum
/// relation group with exactly one withheld cell and no other hidden one, the
/// smallest other non-zero part (else the smallest non-zero total), until no
/// group has exactly one withheld cell. `values` holds every schema item,
/// None when not usable.
pub(crate) fn suppress(
    schema: &Schema,
    values: &BTreeMap<String, Option<f64>>,
) -> BTreeSet<String> {
    let value = |c: &str| values.get(c).copied().flatten();
    let mut out: BTreeSet<String> = values
        .iter()
        .filter(|(_, v)| v.is_some_and(is_small))
        .map(|(c, _)| c.clone())
        .collect();
    let groups = groups(schema);
    loop {
        let mut changed = false;
        for (parts, whole) in &groups {
            let all = parts.iter().chain(whole.iter());
            let withheld = all.clone().filter(|c| out.contains(**c)).count();
            let unknown = all.clone().filter(|c| value(c).is_none()).count();
            if withheld != 1 || unknown > 0 {
                continue;
            }
            let smallest = |side: &[&str]| {
                side.iter()
                    .filter(|c| !out.contains(**c))
                    .filter_map(|c| value(c).filter(|v| *v > 0.0).map(|v| (*c, v)))
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(c, _)| c.to_string())
            };
            if let Some(c) = smallest(parts).or_else(|| smallest(whole)) {
                out.insert(c);
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> BTreeMap<String, Option<f64>> {
        let schema = Schema::bundled().unwrap();
        let mut v: BTreeMap<String, Option<f64>> = schema
            .items
            .iter()
            .map(|i| (i.code.clone(), Some(0.0)))
            .collect();
        for (c, x) in pairs {
            v.insert(c.to_string(), Some(*x));
        }
        v
    }

    #[test]
    fn one_suppressed_part_takes_another_with_it() {
        let schema = Schema::bundled().unwrap();
        // B02a = 2 beside B02b 10, B02c 7, B02d 9 and B02 = 28: B02c goes too.
        let v = values(&[
            ("B01", 60.0),
            ("B02", 28.0),
            ("B02a", 2.0),
            ("B02b", 10.0),
            ("B02c", 7.0),
            ("B02d", 9.0),
            ("B03", 12.0),
        ]);
        let out = suppress(&schema, &v);
        assert!(out.contains("B02a") && out.contains("B02c"), "{out:?}");
        assert!(!out.contains("B02") && !out.contains("B02b"), "{out:?}");
    }

    #[test]
    fn no_group_is_left_with_one_withheld_cell() {
        let schema = Schema::bundled().unwrap();
        // B03 = 3 beside B02 = 10 and B01 = 40.
        let v = values(&[("B01", 40.0), ("B02", 10.0), ("B02a", 10.0), ("B03", 3.0)]);
        let out = suppress(&schema, &v);
        assert!(out.contains("B03"));
        for (parts, whole) in groups(&schema) {
            let n = parts
                .iter()
                .chain(whole.iter())
                .filter(|c| out.contains(**c))
                .count();
            assert_ne!(n, 1, "{parts:?} {whole:?} {out:?}");
        }
    }
}
