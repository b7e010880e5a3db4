//! LA values against their denominators, inside the 95% and 99.8% control
//! limits around the regional value.

use super::axis;
use super::frame::Frame;
use super::layout::{clip_y, dodge, nice_ticks, Linear, Occupied};
use super::render::render;
use super::scene::{Align, Font, Scene};
use super::style::{palette, role, RefLine, Unit};
use super::{ChartError, Rendered};

/// One LA on the funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelPoint {
    /// LA name, written next to the point when it is labelled.
    pub name: String,
    /// Denominator (x).
    pub n: f64,
    /// Value in display units (y).
    pub value: f64,
    /// Outside the 99.8% limits: drawn larger, in orange, always labelled.
    pub outlier: bool,
}

/// The control limits at one denominator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Denominator.
    pub n: f64,
    /// Lower 95% limit.
    pub lo95: f64,
    /// Upper 95% limit.
    pub hi95: f64,
    /// Lower 99.8% limit.
    pub lo998: f64,
    /// Upper 99.8% limit.
    pub hi998: f64,
}

impl Limits {
    /// Samples `limits(n)` at `count` denominators from 1 to `n_max`, denser
    /// at small n where the funnel curves most.
    pub fn sample(n_max: f64, count: usize, limits: impl Fn(f64) -> Limits) -> Vec<Limits> {
        let count = count.max(2);
        (0..count)
            .map(|i| {
                let t = i as f64 / (count - 1) as f64;
                limits(1.0 + (n_max - 1.0).max(0.0) * t * t)
            })
            .collect()
    }
}

/// The data of a funnel plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    /// The LAs.
    pub points: Vec<FunnelPoint>,
    /// Limits sampled over n, in increasing n.
    pub limits: Vec<Limits>,
    /// The target p0 (regional pooled value), labelled at the right.
    pub target: RefLine,
    /// How values are written.
    pub unit: Unit,
    /// What n counts, e.g. "Children in kinship placements (n)".
    pub x_label: String,
    /// The outer and inner limits' labels at the right, e.g. "99.8% limits".
    pub limit_labels: [String; 2],
}

/// Picks one of the four limits.
type LimitOf = fn(&Limits) -> f64;

/// Points are all labelled up to this many; above it only outliers.
const LABEL_ALL_UP_TO: usize = 20;

/// Draws the funnel plot.
pub fn funnel_plot(frame: &Frame, data: &Funnel) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let points: Vec<&FunnelPoint> = data
        .points
        .iter()
        .filter(|p| p.n.is_finite() && p.value.is_finite() && p.n >= 0.0)
        .collect();
    let limits: Vec<&Limits> = data.limits.iter().filter(|l| l.n.is_finite()).collect();

    let (x_ticks, x_end, y_ticks) = ticks(data, &points, &limits);
    let (y0, y1) = (
        y_ticks.first().copied().unwrap_or(0.0),
        y_ticks.last().copied().unwrap_or(1.0),
    );

    let tick_font = Font::new(m.small_em, palette::MID_GREY);
    let line_font = Font::new(m.label_em, palette::DARK_GREY).bold();
    let [outer, inner] = &data.limit_labels;
    let names = [outer.as_str(), inner.as_str(), data.target.label.as_str()];
    let right_w = names.iter().map(|t| line_font.width(t)).fold(0.0, f64::max) + line_font.em * 0.6;
    let left =
        plot.x0 + axis::tick_label_width(&y_ticks, &data.unit.suffix, tick_font) + tick_font.em;
    let bottom = plot.y1 - tick_font.em * 3.4;
    let xs = Linear {
        d0: 0.0,
        d1: x_end,
        r0: left,
        r1: (plot.x1 - right_w).max(left + 1.0),
    };
    let ys = Linear {
        d0: y0,
        d1: y1,
        r0: bottom,
        r1: plot.y0 + line_font.em,
    };
    let axis_font = Font::new(m.small_em, palette::DARK_GREY);
    draw_axes(
        &mut scene,
        (&xs, &ys),
        (&x_ticks, &y_ticks),
        data,
        (tick_font, axis_font),
        plot.y1,
    );

    let in_x: Vec<&&Limits> = limits
        .iter()
        .filter(|l| l.n >= 0.0 && l.n <= x_end)
        .collect();
    draw_limits(&mut scene, &in_x, (&xs, &ys), (y0, y1), m.label_em * 0.5);
    let target_y = ys.map(data.target.value);
    let target = [(xs.r0, target_y), (xs.r1, target_y)];
    scene.line(target.to_vec(), palette::DARK_GREY, 2.0);
    let ends = (in_x.last(), target_y);
    label_lines(&mut scene, &names, ends, (&xs, &ys), (y0, y1), line_font);
    draw_points(&mut scene, &points, (&xs, &ys), m.label_em);
    render(&scene)
}

/// The denominator's ticks from 0 past the largest n, and the value's over
/// the points, the target and the limits.
/// Gives the x ticks, the x axis's end and the y ticks.
fn ticks(data: &Funnel, points: &[&FunnelPoint], limits: &[&Limits]) -> (Vec<f64>, f64, Vec<f64>) {
    let n_max = points.iter().map(|p| p.n).fold(1.0, f64::max);
    let n_min = points.iter().map(|p| p.n).fold(n_max, f64::min);
    let x_ticks = nice_ticks(0.0, n_max, 6);
    let x_end = x_ticks.last().copied().unwrap_or(n_max);
    let (lo, hi) = y_range(data, points, limits, (n_min, x_end));
    (x_ticks, x_end, nice_ticks(lo, hi, 6))
}

/// The value and denominator grids, and what n counts under the x axis.
fn draw_axes(
    scene: &mut Scene,
    (xs, ys): (&Linear, &Linear),
    (x_ticks, y_ticks): (&[f64], &[f64]),
    data: &Funnel,
    (tick_font, axis_font): (Font, Font),
    plot_bottom: f64,
) {
    let bottom = ys.r0;
    axis::y_grid(
        scene,
        ys,
        y_ticks,
        (xs.r0, xs.r1),
        &data.unit.suffix,
        tick_font,
    );
    axis::x_grid(scene, xs, x_ticks, (ys.r1, bottom), "", tick_font);
    scene.text(
        &data.x_label,
        ((xs.r0 + xs.r1) / 2.0, plot_bottom - axis_font.em * 0.3),
        axis_font,
        Align::Centre,
    );
}

/// Direct labels at the right end of the upper limits and the target.
fn label_lines(
    scene: &mut Scene,
    names: &[&str; 3],
    (last, target_y): (Option<&&&Limits>, f64),
    (xs, ys): (&Linear, &Linear),
    (y0, y1): (f64, f64),
    line_font: Font,
) {
    let mut label_ys = vec![
        last.map_or(ys.r1, |l| ys.map(l.hi998.clamp(y0, y1))),
        last.map_or(ys.r1, |l| ys.map(l.hi95.clamp(y0, y1))),
        target_y,
    ];
    dodge(&mut label_ys, line_font.em * 1.3, ys.r1, ys.r0);
    // The limits' colours are too light for text: their labels are dark grey.
    for (text, y) in names.iter().zip(&label_ys) {
        scene.text_mid(
            text,
            (xs.r1 + line_font.em * 0.5, *y),
            line_font,
            Align::Left,
        );
    }
}

/// The y range covers the points, the target and the limits over the
/// points' range of n; the limits' wide mouth at tiny n is cut off.
fn y_range(
    data: &Funnel,
    points: &[&FunnelPoint],
    limits: &[&Limits],
    (n_min, x_end): (f64, f64),
) -> (f64, f64) {
    let mut ys: Vec<f64> = points.iter().map(|p| p.value).collect();
    if data.target.value.is_finite() {
        ys.push(data.target.value);
    }
    for l in limits.iter().filter(|l| l.n >= n_min && l.n <= x_end) {
        ys.extend(
            [l.lo95, l.hi95, l.lo998, l.hi998]
                .into_iter()
                .filter(|v| v.is_finite()),
        );
    }
    let mut lo = ys.iter().copied().fold(f64::INFINITY, f64::min);
    let mut hi = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // A rate cannot go below 0 (or a percentage above 100), so limits that
    // do are cut at the bound rather than stretching the axis.
    if points.iter().all(|p| p.value >= 0.0) && data.target.value >= 0.0 {
        lo = lo.max(0.0);
    }
    if data.unit.suffix == "%" && points.iter().all(|p| p.value <= 100.0) {
        hi = hi.min(100.0);
    }
    (lo, hi)
}

/// The 99.8% limits solid, the 95% limits dashed, cut to the y range.
fn draw_limits(
    scene: &mut Scene,
    in_x: &[&&Limits],
    (xs, ys): (&Linear, &Linear),
    (y0, y1): (f64, f64),
    dash: f64,
) {
    let curves: [(LimitOf, _, bool); 4] = [
        (|l| l.lo998, role::OUTER_LIMIT, false),
        (|l| l.hi998, role::OUTER_LIMIT, false),
        (|l| l.lo95, role::INNER_LIMIT, true),
        (|l| l.hi95, role::INNER_LIMIT, true),
    ];
    for (f, color, dashed) in curves {
        let curve: Vec<(f64, f64)> = in_x.iter().map(|l| (l.n, f(l))).collect();
        for run in clip_y(&curve, y0, y1) {
            let px: Vec<(f64, f64)> = run.iter().map(|&(n, v)| (xs.map(n), ys.map(v))).collect();
            if dashed {
                for pair in px.windows(2) {
                    if let [a, b] = pair {
                        scene.dashed(*a, *b, color, 2.0, dash);
                    }
                }
            } else {
                scene.line(px, color, 2.0);
            }
        }
    }
}

fn draw_points(scene: &mut Scene, points: &[&FunnelPoint], (xs, ys): (&Linear, &Linear), em: f64) {
    let r = em * 0.3;
    let mut order: Vec<&&FunnelPoint> = points.iter().collect();
    // Outliers last so they sit on top; name order keeps output stable.
    order.sort_by(|a, b| a.outlier.cmp(&b.outlier).then_with(|| a.name.cmp(&b.name)));
    let mut taken = Occupied::default();
    for p in &order {
        let (x, y) = (xs.map(p.n), ys.map(p.value));
        let (rr, fill) = if p.outlier {
            (r * 1.5, role::OUTLIER)
        } else {
            (r, role::LA)
        };
        scene.circle((x, y), rr, fill);
        taken.take([x - rr, y - rr, x + rr, y + rr]);
    }
    let label_all = points.len() <= LABEL_ALL_UP_TO;
    let normal = Font::new(em * 0.85, palette::DARK_GREY);
    for p in order.iter().rev().filter(|p| p.outlier || label_all) {
        let font = if p.outlier { normal.bold() } else { normal };
        let (x, y) = (xs.map(p.n), ys.map(p.value));
        let (w, h, gap) = (font.width(&p.name), font.em * 1.1, em * 0.6);
        let candidates = [
            (x + gap, y, Align::Left),
            (x - gap, y, Align::Right),
            (x, y - h, Align::Centre),
            (x, y + h, Align::Centre),
        ];
        let boxed = |(cx, cy, a): (f64, f64, Align)| {
            let left = match a {
                Align::Left => cx,
                Align::Right => cx - w,
                Align::Centre => cx - w / 2.0,
            };
            [left, cy - h / 2.0, left + w, cy + h / 2.0]
        };
        let within =
            |b: [f64; 4]| b[0] >= xs.r0 && b[2] <= xs.r1 && b[1] >= ys.r1 - em && b[3] <= ys.r0;
        let spot = candidates
            .iter()
            .copied()
            .find(|c| within(boxed(*c)) && taken.is_free(boxed(*c)));
        // An outlier is always named, even where its label must overlap.
        let spot = spot.or_else(|| {
            p.outlier.then(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|c| within(boxed(*c)))
                    .unwrap_or(candidates[1])
            })
        });
        if let Some(c) = spot {
            taken.take(boxed(c));
            scene.text_mid(&p.name, (c.0, c.1), font, c.2);
        }
    }
}
