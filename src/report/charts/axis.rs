//! Value axes drawn as light gridlines with tick labels, no axis box.

use super::layout::{tick_decimals, Linear};
use super::scene::{Align, Font, Scene};
use super::style::palette;

/// Vertical gridlines at `ticks` between `top` and `bottom`, labelled under
/// `bottom`.
pub(crate) fn x_grid(
    scene: &mut Scene,
    scale: &Linear,
    ticks: &[f64],
    (top, bottom): (f64, f64),
    suffix: &str,
    font: Font,
) {
    let decimals = tick_decimals(ticks);
    for &t in ticks {
        let x = scale.map(t);
        scene.line(vec![(x, top), (x, bottom)], palette::LIGHT_GREY, 1.0);
        let label = format!("{:.*}{}", decimals, t, suffix);
        scene.text(&label, (x, bottom + font.em * 1.4), font, Align::Centre);
    }
}

/// Horizontal gridlines at `ticks` between `left` and `right`, labelled
/// to the left of `left`.
pub(crate) fn y_grid(
    scene: &mut Scene,
    scale: &Linear,
    ticks: &[f64],
    (left, right): (f64, f64),
    suffix: &str,
    font: Font,
) {
    let decimals = tick_decimals(ticks);
    for &t in ticks {
        let y = scale.map(t);
        scene.line(vec![(left, y), (right, y)], palette::LIGHT_GREY, 1.0);
        let label = format!("{:.*}{}", decimals, t, suffix);
        scene.text_mid(&label, (left - font.em * 0.5, y), font, Align::Right);
    }
}

/// Width of the widest tick label, to reserve room for a y axis.
pub(crate) fn tick_label_width(ticks: &[f64], suffix: &str, font: Font) -> f64 {
    let decimals = tick_decimals(ticks);
    ticks
        .iter()
        .map(|t| font.width(&format!("{:.*}{}", decimals, t, suffix)))
        .fold(0.0, f64::max)
}
