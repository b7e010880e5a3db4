//! How the Presenter writes a count or a rate: exact for the network; in
//! publish mode, DfE disclosure control (`c`, rounding to 10, whole-number LA
//! percentages, `k`).

use super::{symbol, Presenter, Shown, RATE_DECIMALS};
use crate::schema::MetricUnit;

impl Presenter {
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
        self.rate(value, self.la_rate_decimals(unit))
    }

    /// The decimals of one LA's rate in this mode: whole percentages when
    /// publishing (DfE), one decimal otherwise. Tables, chart axes and the
    /// workbook's data labels all ask here.
    pub fn la_rate_decimals(&self, unit: MetricUnit) -> usize {
        if self.publish && unit == MetricUnit::Percent {
            0
        } else {
            RATE_DECIMALS
        }
    }

    /// The region's rate (pooled, median ...), one decimal in either mode.
    pub fn region_rate(&self, value: Option<f64>) -> Shown {
        self.rate(value, RATE_DECIMALS)
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
