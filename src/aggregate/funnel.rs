//! Funnel plot for `%` metrics (Spiegelhalter 2005), with a winsorised
//! overdispersion factor, and the Wilson score interval (Wilson 1927).

use serde::Serialize;

use super::model::Interval;
use crate::schema::OutlierSettings;

/// A funnel's parameters. Proportions are fractions (0.12, not 12%).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    /// The target: the pooled regional proportion.
    pub p0: f64,
    /// Mean of the squared winsorised z: the overdispersion factor.
    pub phi: f64,
    /// True when phi > 1, so the limits are widened by sqrt(phi).
    pub overdispersed: bool,
    /// How many z were winsorised at each end: floor(fraction × LAs).
    pub k: usize,
    /// The number of LAs assessed.
    pub n_las: usize,
    /// z of the inner (95%) and outer (99.8%) limits.
    pub inner_z: f64,
    pub outer_z: f64,
}

/// A funnel's limits at one denominator, as fractions clipped to [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    pub inner: Interval,
    pub outer: Interval,
}

impl Funnel {
    /// The limits for an LA with denominator `n`: p0 ± z sqrt(phi' p0 (1 − p0) / n),
    /// phi' = phi when overdispersed, else 1. Clipping cannot change an outlier call:
    /// no proportion lies below 0 or above 1.
    pub fn limits_at(&self, n: f64) -> Limits {
        let scale = if self.overdispersed { self.phi } else { 1.0 };
        let sd = (scale * self.p0 * (1.0 - self.p0) / n).sqrt();
        let band = |z: f64| Interval {
            low: (self.p0 - z * sd).max(0.0),
            high: (self.p0 + z * sd).min(1.0),
        };
        Limits {
            inner: band(self.inner_z),
            outer: band(self.outer_z),
        }
    }

    /// The outer and inner limits' names, `99.8%` and `95%`, from their z.
    pub fn limit_names(&self) -> [String; 2] {
        [coverage_label(self.outer_z), coverage_label(self.inner_z)]
    }

    /// True when proportion `y` at denominator `n` lies outside the outer limits.
    pub fn is_outlier(&self, y: f64, n: f64) -> bool {
        let outer = self.limits_at(n).outer;
        y < outer.low || y > outer.high
    }
}

/// Per LA: the z and the winsorised z.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelZ {
    pub z: f64,
    pub winsorised: f64,
    pub outlier: bool,
}

/// The funnel over LAs' (numerator, denominator) pairs, each with denominator > 0.
/// Err gives why there is no assessment.
pub fn funnel(
    pairs: &[(f64, f64)],
    settings: &OutlierSettings,
) -> Result<(Funnel, Vec<FunnelZ>), String> {
    let n_las = pairs.len();
    if n_las < settings.min_las {
        return Err(format!(
            "{n_las} LA{} with a valid pair; the funnel plot needs at least {}",
            if n_las == 1 { "" } else { "s" },
            settings.min_las
        ));
    }
    let num: f64 = pairs.iter().map(|p| p.0).sum();
    let den: f64 = pairs.iter().map(|p| p.1).sum();
    let p0 = num / den;
    if !(p0 > 0.0 && p0 < 1.0) {
        return Err(format!(
            "the regional proportion is {}%, so the funnel has no width",
            if p0 > 0.0 { 100 } else { 0 }
        ));
    }
    let z: Vec<f64> = pairs
        .iter()
        .map(|&(x, n)| (x / n - p0) / (p0 * (1.0 - p0) / n).sqrt())
        .collect();
    let k = (settings.winsorise_fraction * n_las as f64).floor() as usize;
    let winsorised = winsorise(&z, k);
    let phi = winsorised.iter().map(|w| w * w).sum::<f64>() / n_las as f64;
    let f = Funnel {
        p0,
        phi,
        overdispersed: phi > 1.0,
        k,
        n_las,
        inner_z: settings.funnel_inner_z,
        outer_z: settings.funnel_outer_z,
    };
    let per_la = pairs
        .iter()
        .zip(z.iter().zip(&winsorised))
        .map(|(&(x, n), (&z, &w))| FunnelZ {
            z,
            winsorised: w,
            outlier: f.is_outlier(x / n, n),
        })
        .collect();
    Ok((f, per_la))
}

/// Replaces the k smallest by the (k+1)-th smallest and the k largest by the
/// (k+1)-th largest: a clamp to those two values.
pub fn winsorise(z: &[f64], k: usize) -> Vec<f64> {
    let mut sorted = z.to_vec();
    sorted.sort_by(f64::total_cmp);
    if k == 0 || 2 * k >= sorted.len() {
        return z.to_vec();
    }
    let (Some(&low), Some(&high)) = (sorted.get(k), sorted.get(sorted.len() - 1 - k)) else {
        return z.to_vec();
    };
    z.iter().map(|&v| v.clamp(low, high)).collect()
}

/// Wilson score interval for `x` of `n`, as fractions.
pub fn wilson(x: f64, n: f64, z: f64) -> Option<Interval> {
    if n.is_nan() || n <= 0.0 || x < 0.0 || x > n {
        return None;
    }
    let p = x / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Interval {
        low: centre - half,
        high: centre + half,
    })
}

/// The limits and the interval as every output names them (`99.8%`, `95%`),
/// worked out from the schema's z values, so an edited z is never shown
/// under the old name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitNames {
    /// The funnel's outer limits: beyond them an LA is an outlier.
    pub outer: String,
    /// The funnel's inner limits.
    pub inner: String,
    /// The Wilson interval shown with each LA's value.
    pub interval: String,
}

impl LimitNames {
    pub fn of(o: &OutlierSettings) -> LimitNames {
        LimitNames {
            outer: coverage_label(o.funnel_outer_z),
            inner: coverage_label(o.funnel_inner_z),
            interval: coverage_label(o.interval_z),
        }
    }
}

/// `99.8%` for z 3.090, `95%` for 1.960: the two-sided coverage of ±z, to 0.1%.
pub fn coverage_label(z: f64) -> String {
    let pct = ((1.0 - erfc(z / std::f64::consts::SQRT_2)) * 1000.0).round() / 10.0;
    if pct.fract() == 0.0 {
        format!("{pct}%")
    } else {
        format!("{pct:.1}%")
    }
}

/// Complementary error function, Abramowitz and Stegun 7.1.26 (error < 1.5e-7), x >= 0.
fn erfc(x: f64) -> f64 {
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    poly * (-x * x).exp()
}
