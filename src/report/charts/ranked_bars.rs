//! One horizontal bar per LA, largest at the top, against the regional
//! pooled line and the England line; LAs with no usable value listed last.

use super::axis;
use super::frame::Frame;
use super::layout::{clamp_left, fit_width, nice_ticks, Linear, Metrics, Plot};
use super::render::render;
use super::scene::{Align, Font, Scene};
use super::style::{palette, role, RefLine, Unit};
use super::{ChartError, Rendered};

/// One LA's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// LA name as it should appear.
    pub name: String,
    /// Value in display units; `None` (or a non-finite value) is "no data".
    pub value: Option<f64>,
    /// Optional interval (e.g. Wilson 95%) drawn as a whisker.
    pub interval: Option<(f64, f64)>,
    /// Marked in orange with the word "outlier".
    pub outlier: bool,
}

/// The data of a ranked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedBars {
    /// One row per LA, in any order (the chart sorts them).
    pub rows: Vec<BarRow>,
    /// How values are written.
    pub unit: Unit,
    /// The regional pooled value.
    pub region: Option<RefLine>,
    /// The England value, where one exists.
    pub england: Option<RefLine>,
}

fn usable(row: &BarRow) -> Option<f64> {
    row.value.filter(|v| v.is_finite())
}

/// Rows in drawing order: valued rows by value descending (ties by name),
/// then rows without a value by name.
pub(crate) fn order(rows: &[BarRow]) -> Vec<&BarRow> {
    let mut valued: Vec<(&BarRow, f64)> = rows
        .iter()
        .filter_map(|r| usable(r).map(|v| (r, v)))
        .collect();
    valued.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut missing: Vec<&BarRow> = rows.iter().filter(|r| usable(r).is_none()).collect();
    missing.sort_by(|a, b| a.name.cmp(&b.name));
    valued.into_iter().map(|(r, _)| r).chain(missing).collect()
}

/// Draws the ranked bar chart.
pub fn ranked_bars(frame: &Frame, data: &RankedBars) -> Result<Rendered, ChartError> {
    ranked_bars_labelled(frame, data, &std::collections::BTreeMap::new())
}

/// As [`ranked_bars`], with a row without a value labelled by `labels` (row
/// name → label, a DfE symbol such as `c` or `k`) in place of "no data".
pub fn ranked_bars_labelled(
    frame: &Frame,
    data: &RankedBars,
    labels: &std::collections::BTreeMap<String, String>,
) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let rows = order(&data.rows);
    let l = layout(m, plot, data, &rows);
    axis::x_grid(
        &mut scene,
        &l.scale,
        &l.ticks,
        (l.top, l.bottom),
        &data.unit.suffix,
        l.tick_font,
    );
    // Value labels go on last, on white, above the reference lines.
    let mut value_labels = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let cy = l.top + l.row_h * (i as f64 + 0.5);
        value_labels.extend(draw_row(&mut scene, &l, data, labels, row, cy));
    }
    let zero = l.scale.map(0.0);
    if zero >= l.x_left {
        scene.line(
            vec![(zero, l.top), (zero, l.bottom)],
            palette::DARK_GREY,
            1.0,
        );
    }
    draw_reference_lines(&mut scene, &l, plot, data);
    for (text, at, font) in &value_labels {
        scene.text_mid_boxed(text, *at, *font, Align::Left);
    }
    render(&scene)
}

/// Where everything goes: fonts sized to the rows, the value scale between
/// the names and the widest value label.
struct Layout {
    tick_font: Font,
    ref_font: Font,
    label: Font,
    outlier_font: Font,
    top: f64,
    bottom: f64,
    row_h: f64,
    pad: f64,
    x_left: f64,
    ticks: Vec<f64>,
    scale: Linear,
}

const OUTLIER_WORD: &str = "outlier";

fn layout(m: Metrics, plot: Plot, data: &RankedBars, rows: &[&BarRow]) -> Layout {
    let refs = data.region.iter().chain(data.england.iter()).count();
    let tick_font = Font::new(m.small_em, palette::MID_GREY);
    let ref_font = Font::new(m.label_em, palette::DARK_GREY).bold();
    let top = plot.y0 + ref_font.em * 1.6 * refs as f64;
    let bottom = plot.y1 - tick_font.em * 1.8;
    let row_h = (bottom - top) / rows.len().max(1) as f64;

    let label = fit_width(
        rows.iter().map(|r| r.name.as_str()),
        Font::new(m.label_em.min(row_h * 0.62), palette::DARK_GREY),
        (plot.x1 - plot.x0) * 0.38,
    );
    let names_w = rows
        .iter()
        .map(|r| label.width(&r.name))
        .fold(0.0, f64::max);
    let pad = label.em * 0.6;
    let outlier_font = label.bold();
    let value_w = rows
        .iter()
        .filter_map(|r| usable(r).map(|v| (r, v)))
        .map(|(r, v)| {
            let extra = if r.outlier {
                pad + outlier_font.width(OUTLIER_WORD)
            } else {
                0.0
            };
            label.width(&data.unit.format(v)) + extra
        })
        .fold(label.width("no data"), f64::max);

    let (lo, hi) = extent(data, rows);
    let ticks = nice_ticks(lo, hi, 5);
    let (d0, d1) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let x_left = plot.x0 + names_w + pad;
    let scale = Linear {
        d0,
        d1,
        r0: x_left,
        r1: (plot.x1 - value_w - pad).max(x_left + 1.0),
    };
    Layout {
        tick_font,
        ref_font,
        label,
        outlier_font,
        top,
        bottom,
        row_h,
        pad,
        x_left,
        ticks,
        scale,
    }
}

/// The values, whiskers and reference lines to show, and 0.
fn extent(data: &RankedBars, rows: &[&BarRow]) -> (f64, f64) {
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 0.0;
    let refs = data
        .region
        .iter()
        .chain(data.england.iter())
        .map(|r| r.value);
    let values = rows.iter().flat_map(|r| {
        usable(r)
            .into_iter()
            .chain(r.interval.iter().flat_map(|&(a, b)| [a, b]))
    });
    for v in values.chain(refs) {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    (lo, hi)
}

/// One LA's name, bar and whisker; returns its value labels to draw last.
fn draw_row(
    scene: &mut Scene,
    l: &Layout,
    data: &RankedBars,
    labels: &std::collections::BTreeMap<String, String>,
    row: &BarRow,
    cy: f64,
) -> Vec<(String, (f64, f64), Font)> {
    let (label, pad, zero) = (l.label, l.pad, l.scale.map(0.0));
    let value = usable(row);
    let name_font = if value.is_some() {
        label
    } else {
        Font {
            color: role::NO_DATA,
            ..label
        }
    };
    scene.text_mid(&row.name, (l.x_left - pad, cy), name_font, Align::Right);
    let Some(v) = value else {
        let missing = labels.get(&row.name).map_or("no data", String::as_str);
        scene.text_mid(missing, (zero + pad, cy), name_font, Align::Left);
        return Vec::new();
    };
    let fill = if row.outlier { role::OUTLIER } else { role::LA };
    let half = l.row_h * 0.35;
    scene.rect((zero, cy - half), (l.scale.map(v), cy + half), fill);
    let mut end = l.scale.map(v).max(zero);
    if let Some((a, b)) = row.interval.filter(|(a, b)| a.is_finite() && b.is_finite()) {
        let (xa, xb) = (l.scale.map(a.min(b)), l.scale.map(a.max(b)));
        let cap = half * 0.6;
        scene.line(vec![(xa, cy), (xb, cy)], palette::DARK_GREY, 2.0);
        for x in [xa, xb] {
            scene.line(vec![(x, cy - cap), (x, cy + cap)], palette::DARK_GREY, 2.0);
        }
        end = end.max(xb);
    }
    let text = data.unit.format(v);
    let outlier_x = end + pad + label.width(&text) + pad;
    let mut out = vec![(text, (end + pad, cy), label)];
    if row.outlier {
        out.push((OUTLIER_WORD.to_string(), (outlier_x, cy), l.outlier_font));
    }
    out
}

/// The region's label sits on the top row, centred on its line; England's
/// on the second row, extending away from the region line, so that line
/// (which passes through the second row) never crosses England's label.
fn draw_reference_lines(scene: &mut Scene, l: &Layout, plot: Plot, data: &RankedBars) {
    let (ref_font, pad, bottom) = (l.ref_font, l.pad, l.bottom);
    let region = data.region.as_ref().filter(|l| l.value.is_finite());
    let england = data.england.as_ref().filter(|l| l.value.is_finite());
    let mut row_y = plot.y0;
    if let Some(line) = region {
        row_y += ref_font.em * 1.6;
        let x = l.scale.map(line.value);
        let w = ref_font.width(&line.label);
        scene.text(
            &line.label,
            (
                clamp_left(x, w, plot.x0, plot.x1),
                row_y - ref_font.em * 0.4,
            ),
            Font {
                color: role::REGION,
                ..ref_font
            },
            Align::Left,
        );
        scene.line(
            vec![(x, row_y - ref_font.em * 0.1), (x, bottom)],
            role::REGION,
            2.0,
        );
    }
    if let Some(line) = england {
        row_y += ref_font.em * 1.6;
        let x = l.scale.map(line.value);
        let font = Font {
            color: role::ENGLAND,
            ..ref_font
        };
        let w = font.width(&line.label);
        let left = match region {
            Some(r) if r.value > line.value => x - pad * 0.5 - w,
            Some(_) => x + pad * 0.5,
            None => x - w / 2.0,
        };
        let left = left.min(plot.x1 - w).max(plot.x0);
        scene.text(
            &line.label,
            (left, row_y - ref_font.em * 0.4),
            font,
            Align::Left,
        );
        scene.dashed(
            (x, row_y - ref_font.em),
            (x, bottom),
            role::ENGLAND,
            2.0,
            l.label.em * 0.5,
        );
    }
}
