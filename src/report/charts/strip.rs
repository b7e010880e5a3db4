//! A small strip placing one LA among the region's LAs, for an LA profile.
//! It sits inside a page that carries the title and source, so it has none.

use super::layout::{clamp_left, nice_ticks, Linear};
use super::render::render;
use super::scene::{Align, Font, Rgb, Scene};
use super::style::{palette, role, RefLine, Unit};
use super::{ChartError, Rendered};

/// The strip's default size.
pub const STRIP_SIZE: (u32, u32) = (600, 120);

/// The data of a position strip.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    /// The LA shown, e.g. "Medway".
    pub name: String,
    /// Its value; `None` writes "no data".
    pub value: Option<f64>,
    /// The other LAs' values (small grey dots).
    pub others: Vec<f64>,
    /// Regional tick and label.
    pub region: Option<RefLine>,
    /// England tick and label.
    pub england: Option<RefLine>,
    /// How values are written.
    pub unit: Unit,
}

/// Draws the strip at `size` (see [`STRIP_SIZE`]).
pub fn position_strip(data: &Strip, size: (u32, u32)) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(size);
    let (w, h) = (f64::from(size.0), f64::from(size.1));
    let s = (w / 600.0).min(h / 120.0).max(0.05);
    let value = data.value.filter(|v| v.is_finite());
    let refs: Vec<(&RefLine, _)> = [
        (data.region.as_ref(), role::REGION),
        (data.england.as_ref(), role::ENGLAND),
    ]
    .into_iter()
    .filter_map(|(r, c)| r.filter(|r| r.value.is_finite()).map(|r| (r, c)))
    .collect();
    let all = data
        .others
        .iter()
        .copied()
        .chain(value)
        .chain(refs.iter().map(|(r, _)| r.value))
        .filter(|v| v.is_finite());
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let ticks = nice_ticks(lo, hi, 4);
    let (d0, d1) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );

    let margin = 16.0 * s;
    let small = Font::new(13.0 * s, palette::MID_GREY);
    let ends = [d0, d1].map(|v| format!("{v:.0}{}", data.unit.suffix));
    let left = margin + small.width(&ends[0]) + 6.0 * s;
    let right = w - margin - small.width(&ends[1]) - 6.0 * s;
    let xs = Linear {
        d0,
        d1,
        r0: left,
        r1: right.max(left + 1.0),
    };
    let y = 58.0 * s;
    scene.line(
        vec![(left, y), (xs.r1, y)],
        palette::LIGHT_GREY,
        (2.0 * s).max(1.0),
    );
    scene.text_mid(&ends[0], (left - 6.0 * s, y), small, Align::Right);
    scene.text_mid(&ends[1], (xs.r1 + 6.0 * s, y), small, Align::Left);
    for v in data.others.iter().filter(|v| v.is_finite()) {
        scene.circle((xs.map(*v), y), 4.0 * s, palette::MID_GREY);
    }

    draw_refs(&mut scene, &refs, &xs, (y, s), (margin, w - margin));
    draw_own(&mut scene, data, value, &xs, (y, s), (margin, w - margin));
    render(&scene)
}

/// Reference lines across the strip, labelled under it; the second label
/// drops a row if the two would overlap.
fn draw_refs(
    scene: &mut Scene,
    refs: &[(&RefLine, Rgb)],
    xs: &Linear,
    (y, s): (f64, f64),
    (margin, right): (f64, f64),
) {
    let label = Font::new(14.0 * s, palette::DARK_GREY);
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for (r, color) in refs {
        let x = xs.map(r.value);
        scene.line(
            vec![(x, y - 14.0 * s), (x, y + 14.0 * s)],
            *color,
            (2.0 * s).max(1.0),
        );
        let lw = label.width(&r.label);
        let lx = clamp_left(x, lw, margin, right);
        let overlaps = placed
            .iter()
            .any(|&(a, b)| lx < b + 6.0 * s && lx + lw + 6.0 * s > a);
        let row = if overlaps { 2.0 } else { 1.0 };
        scene.text(
            &r.label,
            (lx, y + 14.0 * s + 17.0 * s * row),
            Font {
                color: *color,
                ..label
            },
            Align::Left,
        );
        placed.push((lx, lx + lw));
    }
}

/// The LA's own dot, named with its value, or "no data" in the middle.
fn draw_own(
    scene: &mut Scene,
    data: &Strip,
    value: Option<f64>,
    xs: &Linear,
    (y, s): (f64, f64),
    (margin, right): (f64, f64),
) {
    let own = Font::new(15.0 * s, role::LA).bold();
    match value {
        Some(v) => {
            let x = xs.map(v);
            scene.circle((x, y), 8.0 * s, role::LA);
            let text = format!("{} {}", data.name, data.unit.format(v));
            let tw = own.width(&text);
            scene.text(
                &text,
                (clamp_left(x, tw, margin, right), y - 18.0 * s),
                own,
                Align::Left,
            );
        }
        None => {
            let text = format!("{}: no data", data.name);
            let font = Font {
                color: role::NO_DATA,
                ..own
            };
            let middle = (margin + right) / 2.0;
            scene.text(&text, (middle, y - 18.0 * s), font, Align::Centre);
        }
    }
}
