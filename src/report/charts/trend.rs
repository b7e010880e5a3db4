//! The region's quarterly series against England's yearly figures.

use super::axis;
use super::frame::Frame;
use super::layout::{nice_ticks, Linear};
use super::render::render;
use super::scene::{Align, Font, Scene};
use super::style::{palette, role, Unit};
use super::{ChartError, Rendered};

/// One England figure, drawn as a dashed step across the periods it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct EnglandYear {
    /// Written as given above the step, e.g. "England 2024: 16%".
    pub label: String,
    /// Index into [`Trend::periods`] of the first period the figure covers.
    pub first: usize,
    /// Index of the last period it covers (inclusive).
    pub last: usize,
    /// The figure, in display units.
    pub value: f64,
}

/// The data of a trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Period labels in time order, e.g. "2025-26 Q1".
    pub periods: Vec<String>,
    /// Names the region's line, e.g. "South East".
    pub region_name: String,
    /// The region's value per period; `None` leaves a gap.
    pub region: Vec<Option<f64>>,
    /// England's figures.
    pub england: Vec<EnglandYear>,
    /// How values are written.
    pub unit: Unit,
}

/// The region's value at each period, `None` where missing or not finite.
fn region_values(data: &Trend, count: usize) -> Vec<Option<f64>> {
    (0..count)
        .map(|i| {
            data.region
                .get(i)
                .copied()
                .flatten()
                .filter(|v| v.is_finite())
        })
        .collect()
}

/// The value axis's ticks: from 0, over the region's values and England's.
fn value_ticks(values: &[Option<f64>], england: &[&EnglandYear]) -> Vec<f64> {
    let all = values
        .iter()
        .flatten()
        .copied()
        .chain(england.iter().map(|e| e.value));
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    nice_ticks(lo, hi, 5)
}

/// Draws the trend chart: scales, the period labels, England's steps, the
/// region's line and its end label.
pub fn trend_lines(frame: &Frame, data: &Trend) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let count = data.periods.len().max(1);
    let values = region_values(data, count);
    let england: Vec<&EnglandYear> = data
        .england
        .iter()
        .filter(|e| e.value.is_finite() && e.first <= e.last && e.first < count)
        .collect();
    let ticks = value_ticks(&values, &england);
    let (d0, d1) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );

    let tick_font = Font::new(m.small_em, palette::MID_GREY);
    let end_font = Font::new(m.label_em, role::REGION_OVER_TIME).bold();
    let last = values.iter().rposition(Option::is_some);
    let end_label = last
        .and_then(|i| values[i])
        .map(|v| format!("{} {}", data.region_name, data.unit.format(v)));
    let right_w = end_label
        .as_deref()
        .map_or(0.0, |t| end_font.width(t) + end_font.em);
    let left =
        plot.x0 + axis::tick_label_width(&ticks, &data.unit.suffix, tick_font) + tick_font.em;
    let bottom = plot.y1 - tick_font.em * 2.0;
    let right = (plot.x1 - right_w).max(left + 1.0);
    let step = (right - left) / count as f64;
    let x = |i: usize| left + step * (i as f64 + 0.5);
    let ys = Linear {
        d0,
        d1,
        r0: bottom,
        r1: plot.y0 + end_font.em * 1.5,
    };
    axis::y_grid(
        &mut scene,
        &ys,
        &ticks,
        (left, right),
        &data.unit.suffix,
        tick_font,
    );

    period_labels(&mut scene, &data.periods, &x, step, bottom, tick_font);
    let labels = draw_england(&mut scene, &england, &x, step, &ys, m.label_em, count);
    let points: Vec<Option<(f64, f64)>> = (0..count)
        .map(|i| values[i].map(|v| (x(i), ys.map(v))))
        .collect();
    draw_region(&mut scene, &points, m.label_em * 0.3);
    let label_font = Font::new(m.small_em, role::ENGLAND).bold();
    boxed_centred(&mut scene, &labels, label_font, (left, plot.x1));
    if let (Some((px, py)), Some(text)) = (last.and_then(|i| points[i]), end_label) {
        scene.text_mid_boxed(&text, (px + end_font.em * 0.7, py), end_font, Align::Left);
    }
    render(&scene)
}

/// Labels centred on their points, kept inside `(left, right)`, on white.
fn boxed_centred(
    scene: &mut Scene,
    labels: &[(&str, (f64, f64))],
    font: Font,
    (left, right): (f64, f64),
) {
    for (text, (lx, ly)) in labels {
        let w = font.width(text);
        let lx = lx.clamp(left + w / 2.0, right - w / 2.0);
        scene.text_mid_boxed(text, (lx, *ly), font, Align::Centre);
    }
}

/// Period labels, thinned to every k-th (keeping the latest) if they
/// would otherwise touch.
fn period_labels(
    scene: &mut Scene,
    periods: &[String],
    x: &dyn Fn(usize) -> f64,
    step: f64,
    bottom: f64,
    tick_font: Font,
) {
    let count = periods.len().max(1);
    let widest = periods
        .iter()
        .map(|p| tick_font.width(p))
        .fold(0.0, f64::max);
    let every = ((widest + tick_font.em) / step.max(1.0)).ceil().max(1.0) as usize;
    for (i, period) in periods.iter().enumerate() {
        if (count - 1 - i).is_multiple_of(every) {
            scene.text(
                period,
                (x(i), bottom + tick_font.em * 1.5),
                tick_font,
                Align::Centre,
            );
        }
    }
}

/// England's figures as dashed steps, each over the quarters it covers;
/// returns their labels to draw on top.
fn draw_england<'a>(
    scene: &mut Scene,
    england: &[&'a EnglandYear],
    x: &dyn Fn(usize) -> f64,
    step: f64,
    ys: &Linear,
    em: f64,
    count: usize,
) -> Vec<(&'a str, (f64, f64))> {
    let dash = em * 0.5;
    let mut prev: Option<(f64, f64)> = None;
    let mut labels = Vec::new();
    for e in england {
        let last_i = e.last.min(count - 1);
        let (xa, xb, y) = (
            x(e.first) - step / 2.0,
            x(last_i) + step / 2.0,
            ys.map(e.value),
        );
        if let Some((px, py)) = prev.filter(|(px, _)| (px - xa).abs() < 0.5) {
            scene.dashed((px, py), (xa, y), role::ENGLAND, 2.0, dash);
        }
        scene.dashed((xa, y), (xb, y), role::ENGLAND, 2.0, dash);
        let mid = (xa + xb) / 2.0;
        scene.circle((mid, y), em * 0.28, role::ENGLAND);
        labels.push((e.label.as_str(), (mid, y - em * 1.1)));
        prev = Some((xb, y));
    }
    labels
}

/// The region's line between consecutive quarters with a value, then its dots.
fn draw_region(scene: &mut Scene, points: &[Option<(f64, f64)>], r: f64) {
    for pair in points.windows(2) {
        if let [Some(a), Some(b)] = pair {
            scene.line(vec![*a, *b], role::REGION_OVER_TIME, 3.0);
        }
    }
    for p in points.iter().flatten() {
        scene.circle(*p, r, role::REGION_OVER_TIME);
    }
}
