//! Robust z-scores for `ratio` and `per 100` metrics (Iglewicz and Hoaglin 1993):
//! z = c (x − median) / MAD, MAD = median |x − median|.

use serde::Serialize;

use crate::schema::OutlierSettings;

/// The centre and spread the robust z-scores were computed from, in the metric's unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robust {
    pub median: f64,
    /// Median absolute deviation from the median.
    pub mad: f64,
    /// The constant c (0.6745) and the |z| above which a value is an outlier (3.5).
    pub constant: f64,
    pub limit: f64,
    pub n_las: usize,
}

/// Robust z of each value, or why there is none.
pub fn robust(values: &[f64], settings: &OutlierSettings) -> Result<(Robust, Vec<f64>), String> {
    let n_las = values.len();
    if n_las < settings.min_las {
        return Err(format!(
            "{n_las} LA{} with a valid pair; the robust z-score needs at least {}",
            if n_las == 1 { "" } else { "s" },
            settings.min_las
        ));
    }
    let Some(m) = median(values) else {
        return Err("no LA has a value".to_string());
    };
    let deviations: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
    let mad = median(&deviations).unwrap_or(0.0);
    if mad.is_nan() || mad <= 0.0 {
        return Err("more than half of the LAs have the median value, so the spread (MAD) is 0 and the robust z-score is not defined".to_string());
    }
    let z = values
        .iter()
        .map(|x| settings.robust_z_constant * (x - m) / mad)
        .collect();
    Ok((
        Robust {
            median: m,
            mad,
            constant: settings.robust_z_constant,
            limit: settings.robust_z_limit,
            n_las,
        },
        z,
    ))
}

/// The middle value; the mean of the two middle values for an even count.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return None;
    }
    let upper = *v.get(n / 2)?;
    if n % 2 == 1 {
        Some(upper)
    } else {
        Some((*v.get(n / 2 - 1)? + upper) / 2.0)
    }
}
