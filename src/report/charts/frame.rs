//! What every chart carries: a title stating the finding, a subtitle, and
//! the source and period underneath; plus the margins around the plot.

use super::layout::{fit_lines, Metrics, Plot};
use super::scene::{Align, Font, Scene};
use super::style::palette;

/// The words around a chart, and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// States the finding, e.g. "Two LAs approve most carers temporarily".
    pub title: String,
    /// What is measured, e.g. "Share of kinship carers approved temporarily, by LA".
    pub subtitle: String,
    /// Written under the chart verbatim, e.g. "Source: kinbench regional
    /// kinship return, 2025-26 Q2 (Jul–Sep 2025)".
    pub source: String,
    /// Canvas width and height in pixels (PNG size; the SVG's viewBox).
    pub size: (u32, u32),
}

impl Frame {
    /// The default canvas: 1600×900, sharp on a projector.
    pub const DEFAULT_SIZE: (u32, u32) = (1600, 900);

    /// A frame of the default size.
    pub fn new(title: &str, subtitle: &str, source: &str) -> Self {
        Frame {
            title: title.to_string(),
            subtitle: subtitle.to_string(),
            source: source.to_string(),
            size: Self::DEFAULT_SIZE,
        }
    }

    /// The same words on a canvas of another size.
    pub fn with_size(mut self, width: u32, height: u32) -> Self {
        self.size = (width, height);
        self
    }

    /// Draws title, subtitle and source; returns the area left for the plot.
    pub(crate) fn draw(&self, scene: &mut Scene) -> (Metrics, Plot) {
        let m = Metrics::for_size(self.size);
        let (w, h) = (f64::from(self.size.0), f64::from(self.size.1));
        let inner = w - 2.0 * m.margin;
        let mut y = m.margin;

        let title = Font::new(m.title_em, palette::BLACK).bold();
        let (title, mut lines) = fit_lines(&self.title, title, inner, 2, m.title_em * 0.7);
        if lines.is_empty() {
            // Keep the title's line, so the chart sits where it would with one.
            lines.push(String::new());
        }
        for line in &lines {
            y += title.em * 1.25;
            scene.text(line, (m.margin, y - title.em * 0.25), title, Align::Left);
        }
        let sub = Font::new(m.subtitle_em, palette::DARK_GREY);
        let (sub, lines) = fit_lines(&self.subtitle, sub, inner, 2, m.subtitle_em * 0.75);
        if !lines.is_empty() {
            y += sub.em * 0.4;
        }
        for line in &lines {
            y += sub.em * 1.3;
            scene.text(line, (m.margin, y - sub.em * 0.3), sub, Align::Left);
        }

        let source = Font::new(m.small_em, palette::MID_GREY);
        let (source, lines) = fit_lines(&self.source, source, inner, 2, m.small_em * 0.75);
        let mut bottom = h - m.margin * 0.6 - source.em * 1.3 * lines.len() as f64;
        let source_top = bottom;
        for line in &lines {
            bottom += source.em * 1.3;
            scene.text(
                line,
                (m.margin, bottom - source.em * 0.3),
                source,
                Align::Left,
            );
        }

        let plot = Plot {
            x0: m.margin,
            y0: y + m.gap,
            x1: w - m.margin,
            y1: source_top - m.gap,
        };
        (m, plot)
    }
}
