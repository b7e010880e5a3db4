//! Two-part 100% stacked bars per LA (e.g. temporary vs full approvals),
//! sorted by the first part's share, with a direct key above.

use super::axis;
use super::frame::Frame;
use super::layout::{clamp_left, fit_width, Linear, Plot};
use super::render::render;
use super::scene::{Align, Font, Scene};
use super::style::{palette, role, RefLine};
use super::{ChartError, Rendered};

/// One LA's two counts.
#[derive(Debug, Clone, PartialEq)]
pub struct StackRow {
    /// LA name.
    pub name: String,
    /// Count in the first part (drawn first, dark blue).
    pub first: f64,
    /// Count in the second part (turquoise).
    pub second: f64,
}

/// The data of a 100% stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    /// One row per LA, in any order.
    pub rows: Vec<StackRow>,
    /// Key text of the first part, e.g. "Temporary approvals".
    pub first_label: String,
    /// Key text of the second part, e.g. "Full approvals".
    pub second_label: String,
    /// The region's share of the first part, in percent (0–100).
    pub region: Option<RefLine>,
}

/// The first part's share in percent, if the row has a positive total.
fn share(row: &StackRow) -> Option<f64> {
    let total = row.first + row.second;
    (row.first.is_finite()
        && row.second.is_finite()
        && row.first >= 0.0
        && row.second >= 0.0
        && total > 0.0)
        .then(|| 100.0 * row.first / total)
}

/// Rows in drawing order: those with a share by it, largest first (ties by
/// name), with the share; then those without one, by name.
pub(crate) fn order(rows: &[StackRow]) -> (Vec<(&StackRow, f64)>, Vec<&StackRow>) {
    let mut valued: Vec<(&StackRow, f64)> = rows
        .iter()
        .filter_map(|r| share(r).map(|s| (r, s)))
        .collect();
    valued.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut missing: Vec<&StackRow> = rows.iter().filter(|r| share(r).is_none()).collect();
    missing.sort_by(|a, b| a.name.cmp(&b.name));
    (valued, missing)
}

/// The key: a swatch and the part's name, first part at the bar start.
fn draw_key(scene: &mut Scene, data: &Stacked, (x_left, key_y): (f64, f64), key_font: Font) {
    let swatch = key_font.em * 0.8;
    let mut kx = x_left;
    for (text, color) in [
        (&data.first_label, role::FIRST_PART),
        (&data.second_label, role::SECOND_PART),
    ] {
        scene.rect(
            (kx, key_y - swatch / 2.0),
            (kx + swatch, key_y + swatch / 2.0),
            color,
        );
        scene.text_mid(text, (kx + swatch * 1.4, key_y), key_font, Align::Left);
        kx += swatch * 1.4 + key_font.width(text) + key_font.em * 1.5;
    }
}

/// One LA's bar split at `s`%, each part labelled inside when its label fits.
fn draw_split(scene: &mut Scene, scale: &Linear, s: f64, (cy, half): (f64, f64), label: Font) {
    let pad = label.em * 0.6;
    let split = scale.map(s);
    scene.rect((scale.r0, cy - half), (split, cy + half), role::FIRST_PART);
    scene.rect((split, cy - half), (scale.r1, cy + half), role::SECOND_PART);
    let inside_light = Font {
        color: palette::WHITE,
        ..label
    };
    let inside_dark = Font {
        color: palette::BLACK,
        ..label
    };
    // Rounded so the two labels always add up to 100%.
    let first = s.round();
    let parts = [
        (format!("{first:.0}%"), scale.r0, split, inside_light),
        (
            format!("{:.0}%", 100.0 - first),
            split,
            scale.r1,
            inside_dark,
        ),
    ];
    for (text, a, b, font) in parts {
        if font.width(&text) + pad <= b - a {
            scene.text_mid(&text, ((a + b) / 2.0, cy), font, Align::Centre);
        }
    }
}

/// Draws the stacked bar chart: the key, a split bar per LA with a share,
/// the LAs without one as "no data", and the region's line.
pub fn stacked_100(frame: &Frame, data: &Stacked) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let (valued, missing) = order(&data.rows);
    let count = valued.len() + missing.len();

    let key_font = Font::new(m.label_em, palette::DARK_GREY);
    let tick_font = Font::new(m.small_em, palette::MID_GREY);
    let region = data.region.as_ref().filter(|r| r.value.is_finite());
    let key_y = plot.y0 + key_font.em * 0.6;
    let top = key_y + key_font.em * (if region.is_some() { 2.8 } else { 1.4 });
    let bottom = plot.y1 - tick_font.em * 1.8;
    let row_h = (bottom - top) / count.max(1) as f64;
    let names = valued
        .iter()
        .map(|(r, _)| r.name.as_str())
        .chain(missing.iter().map(|r| r.name.as_str()));
    let label = fit_width(
        names.clone(),
        Font::new(m.label_em.min(row_h * 0.62), palette::DARK_GREY),
        (plot.x1 - plot.x0) * 0.38,
    );
    let names_w = names.map(|n| label.width(n)).fold(0.0, f64::max);
    let pad = label.em * 0.6;
    let x_left = plot.x0 + names_w + pad;
    let scale = Linear {
        d0: 0.0,
        d1: 100.0,
        r0: x_left,
        r1: plot.x1 - tick_font.em * 1.5,
    };
    axis::x_grid(
        &mut scene,
        &scale,
        &[0.0, 25.0, 50.0, 75.0, 100.0],
        (top, bottom),
        "%",
        tick_font,
    );
    draw_key(&mut scene, data, (x_left, key_y), key_font);
    let row_y = |i: usize| top + row_h * (i as f64 + 0.5);
    for (i, (row, s)) in valued.iter().enumerate() {
        scene.text_mid(&row.name, (x_left - pad, row_y(i)), label, Align::Right);
        draw_split(&mut scene, &scale, *s, (row_y(i), row_h * 0.35), label);
    }
    let grey = Font {
        color: role::NO_DATA,
        ..label
    };
    for (j, row) in missing.iter().enumerate() {
        let cy = row_y(valued.len() + j);
        scene.text_mid(&row.name, (x_left - pad, cy), grey, Align::Right);
        scene.text_mid("no data", (x_left + pad, cy), grey, Align::Left);
    }
    if let Some(r) = region {
        let bars_end = top + row_h * valued.len() as f64;
        draw_region(&mut scene, r, &scale, (key_y, bars_end), (key_font, &plot));
    }
    render(&scene)
}

/// The region's share: labelled under the key, a line down to the last bar.
fn draw_region(
    scene: &mut Scene,
    r: &RefLine,
    scale: &Linear,
    (key_y, bars_end): (f64, f64),
    (key_font, plot): (Font, &Plot),
) {
    let x = scale.map(r.value.clamp(0.0, 100.0));
    let font = key_font.bold();
    let ly = key_y + key_font.em * 1.6;
    let w = font.width(&r.label);
    scene.text_mid(
        &r.label,
        (clamp_left(x, w, plot.x0, plot.x1), ly),
        font,
        Align::Left,
    );
    scene.line(
        vec![(x, ly + font.em * 0.7), (x, bars_end)],
        palette::BLACK,
        2.0,
    );
}
