//! A small strip placing one LA among the region's LAs, for an LA profile.
//! It sits inside a page that carries the title and source, so it has none.

use super::layout::{clamp_left, nice_ticks, Linear};
use super::render::{render, render_png_over, render_rgb};
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

/// Where a strip's parts go: the same for every LA's strip of one metric, as
/// the scale is set by all the region's values and the references.
struct Layout {
    xs: Linear,
    /// The strip line's height, and the scale of the canvas to [`STRIP_SIZE`].
    y: f64,
    s: f64,
    /// The margin, and the right edge less the margin.
    margin: f64,
    right: f64,
}

type Refs<'a> = Vec<(&'a RefLine, Rgb)>;

fn refs<'a>(region: Option<&'a RefLine>, england: Option<&'a RefLine>) -> Refs<'a> {
    [(region, role::REGION), (england, role::ENGLAND)]
        .into_iter()
        .filter_map(|(r, c)| r.filter(|r| r.value.is_finite()).map(|r| (r, c)))
        .collect()
}

/// The scene's size and the axis over `values` (every LA's) and the references;
/// the axis line, its end labels, a grey dot at each of `dots`, the references.
fn background(
    size: (u32, u32),
    values: &[f64],
    dots: &[f64],
    refs: &Refs<'_>,
    unit: &Unit,
) -> (Scene, Layout) {
    let mut scene = Scene::new(size);
    let (w, h) = (f64::from(size.0), f64::from(size.1));
    let s = (w / 600.0).min(h / 120.0).max(0.05);
    let all = values
        .iter()
        .copied()
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
    let ends = [d0, d1].map(|v| format!("{v:.0}{}", unit.suffix));
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
    for v in dots.iter().filter(|v| v.is_finite()) {
        scene.circle((xs.map(*v), y), 4.0 * s, palette::MID_GREY);
    }
    let layout = Layout {
        xs,
        y,
        s,
        margin,
        right: w - margin,
    };
    draw_refs(&mut scene, refs, &layout);
    (scene, layout)
}

/// Draws the strip at `size` (see [`STRIP_SIZE`]).
pub fn position_strip(data: &Strip, size: (u32, u32)) -> Result<Rendered, ChartError> {
    let value = data.value.filter(|v| v.is_finite());
    let refs = refs(data.region.as_ref(), data.england.as_ref());
    let values: Vec<f64> = data.others.iter().copied().chain(value).collect();
    let (mut scene, layout) = background(size, &values, &data.others, &refs, &data.unit);
    draw_own(&mut scene, &data.name, value, &data.unit, &layout);
    render(&scene)
}

/// One metric's strip without its LA, drawn once and shared by every LA's
/// profile: each LA's strip is this picture with its own dot and name on top.
/// Its grey dot under the LA's own (twice as wide, at the same point) is
/// covered, so each PNG is [`position_strip`]'s for that LA, pixel for pixel.
pub struct StripBackground {
    rgb: Vec<u8>,
    size: (u32, u32),
    layout: Layout,
    unit: Unit,
}

impl StripBackground {
    /// `values`: every LA's value shown in the strips (finite or not).
    pub fn new(
        values: &[f64],
        region: Option<&RefLine>,
        england: Option<&RefLine>,
        unit: Unit,
        size: (u32, u32),
    ) -> Result<StripBackground, ChartError> {
        let refs = refs(region, england);
        let (scene, layout) = background(size, values, values, &refs, &unit);
        Ok(StripBackground {
            rgb: render_rgb(&scene)?,
            size,
            layout,
            unit,
        })
    }

    /// The strip of the LA `name` with `value` (None: "no data"), as PNG.
    pub fn png(&self, name: &str, value: Option<f64>) -> Result<Vec<u8>, ChartError> {
        let mut scene = Scene::new(self.size);
        let value = value.filter(|v| v.is_finite());
        draw_own(&mut scene, name, value, &self.unit, &self.layout);
        render_png_over(&self.rgb, &scene)
    }
}

/// Reference lines across the strip, labelled under it; the second label
/// drops a row if the two would overlap.
fn draw_refs(scene: &mut Scene, refs: &Refs<'_>, layout: &Layout) {
    let &Layout {
        ref xs,
        y,
        s,
        margin,
        right,
    } = layout;
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
fn draw_own(scene: &mut Scene, name: &str, value: Option<f64>, unit: &Unit, layout: &Layout) {
    let &Layout {
        ref xs,
        y,
        s,
        margin,
        right,
    } = layout;
    let own = Font::new(15.0 * s, role::LA).bold();
    match value {
        Some(v) => {
            let x = xs.map(v);
            scene.circle((x, y), 8.0 * s, role::LA);
            let text = format!("{name} {}", unit.format(v));
            let tw = own.width(&text);
            scene.text(
                &text,
                (clamp_left(x, tw, margin, right), y - 18.0 * s),
                own,
                Align::Left,
            );
        }
        None => {
            let text = format!("{name}: no data");
            let font = Font {
                color: role::NO_DATA,
                ..own
            };
            let middle = (margin + right) / 2.0;
            scene.text(&text, (middle, y - 18.0 * s), font, Align::Centre);
        }
    }
}
