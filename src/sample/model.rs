//! The sample model: how big each LA is and how each item follows from the
//! others in a quarter. Every part is derived from its whole, so the returns
//! are consistent by construction; the simulation still checks them.
//!
//! Only floating-point `+ − × ÷` and rounding are used (no `exp`, `ln`,
//! `pow`), which IEEE 754 defines exactly, so a seed gives the same numbers on
//! every platform.

use std::collections::BTreeMap;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::schema::La;

/// An LA-period's values by item code.
pub type Values = BTreeMap<String, f64>;

/// SGO exits by reason E45–E48 (B02a..B02d): mostly to relatives and friends.
const SGO_REASONS: [f64; 4] = [0.50, 0.05, 0.40, 0.05];
/// Placements outside the regulations by primary reason (E02..E06): DBS checks the most common.
const OUTSIDE_REASONS: [f64; 5] = [0.38, 0.22, 0.18, 0.12, 0.10];
/// Region children looked after per LA: 11,000 for the South East's 19 LAs.
pub const MEAN_CLA: f64 = 11_000.0 / 19.0;
/// Kinship foster care's share of children looked after, region-wide.
const KINSHIP_SHARE: f64 = 0.12;
/// Viability assessments leading to a Reg 24 approval.
const VIABILITY_TO_REG24: f64 = 0.25;
/// Temporary share of approvals outside the outlier.
const TEMPORARY_SHARE: f64 = 0.75;

/// Typical children looked after by kind of authority, from the ONS code's
/// prefix: E10 county council, E08 metropolitan district, E06 unitary,
/// E09 London borough. Only the relative sizes matter: the region is scaled.
fn typical_cla(la: &La) -> f64 {
    match la.ons_code.get(..3) {
        Some("E10") => 1_300.0,
        Some("E08") => 650.0,
        Some("E06") => 320.0,
        Some("E09") => 330.0,
        _ => 400.0,
    }
}

/// What sets one LA apart, drawn once per LA.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Children looked after in the first quarter.
    pub cla: f64,
    foster: f64,
    kin: f64,
    temp_kin: f64,
    exits: f64,
    sgo: f64,
    cao: f64,
    viability: f64,
    positive: f64,
    to_reg24: f64,
    temporary: f64,
    outside: f64,
    asgsf: f64,
    caseload: f64,
    /// Kinship social workers (FTE), steady over the quarters.
    pub fte: f64,
}

impl Profile {
    /// A profile whose size (before scaling) follows the kind of authority:
    /// county councils look after several times as many children as most
    /// unitaries or London boroughs, so Kent never comes out smaller than Slough.
    pub fn draw(rng: &mut ChaCha8Rng, la: &La) -> Profile {
        let u: f64 = rng.random_range(0.0..1.0);
        let mut r = |lo: f64, hi: f64| rng.random_range(lo..=hi);
        let mut p = Profile {
            cla: typical_cla(la) * (0.7 + 0.6 * u),
            foster: r(0.66, 0.76),
            kin: KINSHIP_SHARE * r(0.75, 1.25),
            temp_kin: r(0.15, 0.30),
            exits: r(0.08, 0.12),
            sgo: r(0.85, 1.15),
            cao: r(0.04, 0.08),
            viability: r(0.60, 0.85),
            positive: r(0.45, 0.65),
            to_reg24: VIABILITY_TO_REG24 * r(0.85, 1.15),
            temporary: TEMPORARY_SHARE * r(0.9, 1.1),
            outside: r(0.05, 0.10),
            asgsf: r(0.02, 0.04),
            caseload: r(10.0, 20.0),
            fte: 0.0,
        };
        p.set_fte();
        p
    }

    /// Scales the LA's size (to bring the region's total near its target).
    pub fn scale(&mut self, factor: f64, min: f64, max: f64) {
        self.cla = (self.cla * factor).clamp(min, max);
        self.set_fte();
    }

    /// Enough workers for the kinship households at the LA's usual caseload, in half posts.
    fn set_fte(&mut self) {
        let households = self.cla * self.kin * 0.7 + 4.0;
        self.fte = ((households / self.caseload) * 2.0).round().max(2.0) / 2.0;
    }
}

/// One quarter's inputs for one LA.
#[derive(Clone, Copy)]
pub struct Quarter<'a> {
    pub profile: &'a Profile,
    /// Size relative to the first quarter.
    pub level: f64,
    /// The region's SGO share of exits this quarter.
    pub sgo_share: f64,
    /// Temporary and full approvals fixed from outside (the outlier LA).
    pub approvals: Option<(f64, f64)>,
}

/// Draws one quarter's values; `rng` gives the quarter's small wobbles.
/// A schema item not drawn here (added since the model was written) has no
/// entry and is written blank, "not provided": see `check` for why blank.
pub fn quarter(q: &Quarter, rng: &mut ChaCha8Rng) -> Values {
    let p = q.profile;
    let mut j = |w: f64| rng.random_range(1.0 - w..=1.0 + w);
    let a01 = (p.cla * q.level).round().max(1.0);
    let a02 = (a01 * p.foster * j(0.02)).round();
    let a03 = (a01 * p.kin * j(0.03)).round().min(a02);
    let a04 = (a03 * p.temp_kin * j(0.08)).round().min(a03);
    let b01 = (a01 * p.exits * j(0.06)).round();
    let b02 = (b01 * q.sgo_share * p.sgo * j(0.04)).round().min(b01);
    let b03 = (b01 * p.cao * j(0.08)).round().min(b01 - b02);
    let mut c01 = (a03 * p.viability * j(0.06)).round();
    let (d01, d02) = approvals(q, &mut c01, &mut j);
    let c02 = (c01 * p.positive * j(0.05)).round().min(c01);
    let d04 = (d01 * 1.5 * j(0.06)).round();
    let e01 = (a03 * p.outside * j(0.06)).round();
    let f01 = (b02 * 1.6 * j(0.08)).round();
    let f02 = (a01 * p.asgsf * j(0.06)).round();
    let mut v = Values::new();
    let mut put = |code: &str, x: f64| v.insert(code.to_string(), x);
    put("A01", a01);
    put("A02", a02);
    put("A03", a03);
    put("A04", a04);
    put("B01", b01);
    put("B02", b02);
    for (code, n) in ["B02a", "B02b", "B02c", "B02d"]
        .iter()
        .zip(split(b02, &SGO_REASONS))
    {
        put(code, n);
    }
    put("B03", b03);
    put("C01", c01);
    put("C02", c02);
    put("C03", (d02 * 1.2 * j(0.05)).round());
    put("C04", (f01 * 1.3 * j(0.08)).round());
    put("D01", d01);
    put("D02", d02);
    put("D03", (d01 * 0.3 * j(0.1)).round());
    put("D04", d04);
    put("D05", (d04 * 0.2 * j(0.1)).round().min(d04));
    put("E01", e01);
    for (code, n) in ["E02", "E03", "E04", "E05", "E06"]
        .iter()
        .zip(split(e01, &OUTSIDE_REASONS))
    {
        put(code, n);
    }
    put("F01", f01);
    put("F02", f02);
    put("F03", (f02 * 0.17 * j(0.1)).round().min(f02));
    put("F04", (a03 * 0.02 * j(0.2)).round());
    put("G01", p.fte);
    put("G02", (p.fte * p.caseload * j(0.04)).round());
    v
}

/// Reg 24 approvals, temporary and full: a share of the `c01` viability
/// assessments, or fixed from outside for the outlier.
fn approvals(q: &Quarter, c01: &mut f64, j: &mut impl FnMut(f64) -> f64) -> (f64, f64) {
    let p = q.profile;
    match q.approvals {
        Some((d01, d02)) => {
            // Few viability assessments lead anywhere in the outlier, but it still did them.
            *c01 = c01.max(3.0 * d01);
            (d01, d02)
        }
        None => {
            let d01 = (*c01 * p.to_reg24 * j(0.05)).round().min(*c01);
            (
                d01,
                (d01 * (1.0 - p.temporary) / p.temporary * j(0.06)).round(),
            )
        }
    }
}

/// `total` split by `shares` into whole numbers that add up to it (largest remainder).
pub fn split(total: f64, shares: &[f64]) -> Vec<f64> {
    let sum: f64 = shares.iter().sum();
    let exact: Vec<f64> = shares.iter().map(|s| total * s / sum).collect();
    let mut out: Vec<f64> = exact.iter().map(|x| x.floor()).collect();
    let mut left = total - out.iter().sum::<f64>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Largest remainder first; ties to the earlier part.
    order.sort_by(|&a, &b| {
        (exact[b] - out[b])
            .total_cmp(&(exact[a] - out[a]))
            .then(a.cmp(&b))
    });
    for i in order {
        if left < 1.0 {
            break;
        }
        if let Some(x) = out.get_mut(i) {
            *x += 1.0;
            left -= 1.0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up_and_favours_the_largest_share() {
        assert_eq!(split(3.0, &SGO_REASONS), [2.0, 0.0, 1.0, 0.0]);
        assert_eq!(split(0.0, &OUTSIDE_REASONS), [0.0; 5]);
        assert_eq!(split(7.0, &OUTSIDE_REASONS), [3.0, 1.0, 1.0, 1.0, 1.0]);
        assert_eq!(split(100.0, &OUTSIDE_REASONS).iter().sum::<f64>(), 100.0);
    }
}
