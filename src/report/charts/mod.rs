//! The chart pack's primitives: each takes plain data and returns the chart
//! as SVG and PNG, styled after the UK Government Analysis Function's data
//! visualisation guidance (see docs/charts.md).
//!
//! Every chart is first laid out as a [`scene`] of shapes in pixels, with
//! text measured in the embedded font, then drawn by plotters to both
//! backends; the same input always gives byte-identical output.

mod axis;
mod category;
mod coverage;
mod font;
mod frame;
mod funnel;
mod layout;
mod output;
mod ranked_bars;
mod render;
mod scene;
mod stacked;
mod strip;
mod style;
mod table;
mod trend;

pub use category::{category_bars, Category};
pub use coverage::{coverage_grid, Coverage};
pub use frame::Frame;
pub use funnel::{funnel_plot, Funnel, FunnelPoint, Limits};
pub use output::write;
pub use ranked_bars::{ranked_bars, ranked_bars_labelled, BarRow, RankedBars};
pub use scene::Rgb;
pub use stacked::{stacked_100, StackRow, Stacked};
pub use strip::{position_strip, Strip, StripBackground, STRIP_SIZE};
pub use style::{palette, role, RefLine, Unit};
pub use table::{category_table, DataTable};
pub use trend::{trend_lines, EnglandYear, Trend};

/// A chart in both output forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// A standalone SVG document.
    pub svg: String,
    /// An RGB PNG of the same size as the SVG's canvas.
    pub png: Vec<u8>,
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The embedded font failed to load (a build defect, not an input one).
    #[error("the embedded chart font could not be loaded")]
    Font,
    /// The requested canvas has no area, or is over 10,000 px a side.
    #[error("chart size {0}x{1} is empty or too large")]
    Size(u32, u32),
    /// plotters or the PNG encoder reported an error.
    #[error("drawing the chart failed: {0}")]
    Draw(String),
}
