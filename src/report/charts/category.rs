//! Horizontal bars for a handful of categories (e.g. reasons for placements
//! outside the regulations), largest first, labelled with count and share.

use super::frame::Frame;
use super::layout::{fit_width, Linear};
use super::render::render;
use super::scene::{Align, Font, Scene};
use super::style::{palette, role, Unit};
use super::{ChartError, Rendered};

/// One category and its count.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Category label, e.g. "Connected person not yet assessed".
    pub name: String,
    /// Count (non-finite or negative counts are left out).
    pub count: f64,
}

/// The categories drawn, largest first, each with its "12 (34%)" label.
fn labelled<'a>(categories: &'a [Category], unit: &Unit) -> (Vec<&'a Category>, Vec<String>) {
    let mut cats: Vec<&Category> = categories
        .iter()
        .filter(|c| c.count.is_finite() && c.count >= 0.0)
        .collect();
    cats.sort_by(|a, b| {
        b.count
            .total_cmp(&a.count)
            .then_with(|| a.name.cmp(&b.name))
    });
    let total: f64 = cats.iter().map(|c| c.count).sum();
    let texts = cats
        .iter()
        .map(|c| {
            let share = if total > 0.0 {
                100.0 * c.count / total
            } else {
                0.0
            };
            format!("{} ({share:.0}%)", unit.format(c.count))
        })
        .collect();
    (cats, texts)
}

/// Draws the category bars; each label reads "12 (34%)", the share being of
/// the total over all categories drawn.
pub fn category_bars(
    frame: &Frame,
    categories: &[Category],
    unit: &Unit,
) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let (cats, texts) = labelled(categories, unit);

    // A handful of categories would otherwise make slabs of bars.
    let row_h = (plot.height() / cats.len().max(1) as f64).min(m.label_em * 4.0);
    let label = Font::new(m.label_em.min(row_h * 0.5), palette::DARK_GREY);
    let label = fit_width(
        cats.iter().map(|c| c.name.as_str()),
        label,
        (plot.x1 - plot.x0) * 0.45,
    );
    let names_w = cats
        .iter()
        .map(|c| label.width(&c.name))
        .fold(0.0, f64::max);
    let values_w = texts.iter().map(|t| label.width(t)).fold(0.0, f64::max);
    let pad = label.em * 0.6;
    let x_left = plot.x0 + names_w + pad;
    let max = cats.first().map_or(1.0, |c| c.count).max(f64::MIN_POSITIVE);
    let scale = Linear {
        d0: 0.0,
        d1: max,
        r0: x_left,
        r1: (plot.x1 - values_w - pad).max(x_left + 1.0),
    };

    for (i, (cat, text)) in cats.iter().zip(&texts).enumerate() {
        let cy = plot.y0 + row_h * (i as f64 + 0.5);
        let half = row_h * 0.35;
        scene.text_mid(&cat.name, (x_left - pad, cy), label, Align::Right);
        let end = scale.map(cat.count);
        scene.rect((x_left, cy - half), (end, cy + half), role::SERIES);
        scene.text_mid(text, (end + pad, cy), label, Align::Left);
    }
    scene.line(
        vec![
            (x_left, plot.y0),
            (x_left, plot.y0 + row_h * cats.len() as f64),
        ],
        palette::DARK_GREY,
        1.0,
    );
    render(&scene)
}
