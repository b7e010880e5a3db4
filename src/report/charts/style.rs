//! The Analysis Function palette and how values are written on charts.

use super::scene::Rgb;

/// The Analysis Function's accessible categorical palette, plus the neutral
/// greys the charts use for text, gridlines and missing values.
pub mod palette {
    use super::Rgb;
    /// Main series.
    pub const DARK_BLUE: Rgb = Rgb(0x12, 0x43, 0x6D);
    /// Second series.
    pub const TURQUOISE: Rgb = Rgb(0x28, 0xA1, 0x97);
    /// England comparator.
    pub const DARK_PINK: Rgb = Rgb(0x80, 0x16, 0x50);
    /// Outliers.
    pub const ORANGE: Rgb = Rgb(0xF4, 0x6A, 0x25);
    /// Text and the regional line.
    pub const DARK_GREY: Rgb = Rgb(0x3D, 0x3D, 0x3D);
    /// Further series.
    pub const LIGHT_PURPLE: Rgb = Rgb(0xA2, 0x85, 0xD1);
    /// Titles.
    pub const BLACK: Rgb = Rgb(0x0B, 0x0C, 0x0C);
    /// Secondary text ("no data", axis labels); 4.6:1 on white.
    pub const MID_GREY: Rgb = Rgb(0x6F, 0x72, 0x77);
    /// Gridlines and empty cells.
    pub const LIGHT_GREY: Rgb = Rgb(0xE5, 0xE6, 0xE7);
    /// Text on dark fills.
    pub const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);
}

/// How a metric's values are written: fixed decimals and a suffix
/// ("%", "", " per 100"). Values are passed in display units (12.3 for
/// 12.3%).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Appended to every value label.
    pub suffix: String,
    /// Decimal places shown.
    pub decimals: usize,
}

impl Unit {
    /// A percentage with `decimals` places.
    pub fn percent(decimals: usize) -> Self {
        Unit {
            suffix: "%".to_string(),
            decimals,
        }
    }

    /// Any suffix, e.g. `Unit::new(" per 100", 1)`.
    pub fn new(suffix: &str, decimals: usize) -> Self {
        Unit {
            suffix: suffix.to_string(),
            decimals,
        }
    }

    /// `12.3%`; a non-finite value is written as "–".
    pub fn format(&self, value: f64) -> String {
        if value.is_finite() {
            format!("{:.*}{}", self.decimals, value, self.suffix)
        } else {
            "\u{2013}".to_string()
        }
    }
}

/// A labelled reference value drawn as a line (regional pooled value,
/// England figure, funnel target). The label is written as given.
#[derive(Debug, Clone, PartialEq)]
pub struct RefLine {
    /// Position on the value axis, in display units.
    pub value: f64,
    /// Direct label, e.g. "South East 11.2%" or "England 12% (2023)".
    pub label: String,
}

impl RefLine {
    /// A line labelled "`name` `value`" in `unit`, e.g. "South East 11.2%".
    pub fn named(name: &str, value: f64, unit: &Unit) -> Self {
        RefLine {
            value,
            label: format!("{name} {}", unit.format(value)),
        }
    }
}
