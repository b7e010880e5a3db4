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
    /// A funnel's outer limits.
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

/// What each colour means. Every output that draws a role (the SVG charts,
/// the workbook's native charts, the chart pack page, the feedback's position
/// charts) takes its colour from here, so a colour means one thing everywhere.
pub mod role {
    use super::{palette, Rgb};
    /// An LA's bar or point.
    pub const LA: Rgb = palette::DARK_BLUE;
    /// An LA outside the limits.
    pub const OUTLIER: Rgb = palette::ORANGE;
    /// The England comparator.
    pub const ENGLAND: Rgb = palette::DARK_PINK;
    /// The regional pooled value drawn among the LAs.
    pub const REGION: Rgb = palette::DARK_GREY;
    /// The region's own series over time, where no LA is drawn (the main
    /// series in the Analysis Function's order).
    pub const REGION_OVER_TIME: Rgb = palette::DARK_BLUE;
    /// An LA with no usable value.
    pub const NO_DATA: Rgb = palette::MID_GREY;
    /// The one series of a chart that shows neither LAs nor the region (reasons).
    pub const SERIES: Rgb = palette::DARK_BLUE;
    /// The first and second parts of a split (100% stacked bars).
    pub const FIRST_PART: Rgb = palette::DARK_BLUE;
    pub const SECOND_PART: Rgb = palette::TURQUOISE;
    /// A funnel's outer limits (beyond them an LA is an outlier): the
    /// palette's one colour that means nothing else, so a limit is never
    /// read as England's line.
    pub const OUTER_LIMIT: Rgb = palette::LIGHT_PURPLE;
    /// A funnel's inner limits, dashed.
    pub const INNER_LIMIT: Rgb = palette::TURQUOISE;
}

impl Rgb {
    /// `0x12436D`, as spreadsheet libraries take a colour.
    pub const fn rgb24(self) -> u32 {
        ((self.0 as u32) << 16) | ((self.1 as u32) << 8) | self.2 as u32
    }

    /// The palette's name for the colour ("dark blue"), for keys written in
    /// words; "another colour" for one outside the palette.
    pub fn name(self) -> &'static str {
        use palette::*;
        let names = [
            (DARK_BLUE, "dark blue"),
            (TURQUOISE, "turquoise"),
            (DARK_PINK, "dark pink"),
            (ORANGE, "orange"),
            (DARK_GREY, "dark grey"),
            (LIGHT_PURPLE, "light purple"),
            (BLACK, "black"),
            (MID_GREY, "mid grey"),
            (LIGHT_GREY, "light grey"),
            (WHITE, "white"),
        ];
        names
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("another colour", |(_, n)| n)
    }

    /// `#12436D`, as SVG and CSS write a colour.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
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
