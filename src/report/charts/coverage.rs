//! Data quality: an LA × section grid of the share of items received.

use super::frame::Frame;
use super::layout::{fit_lines, fit_width, Plot};
use super::render::render;
use super::scene::{Align, Font, Rgb, Scene};
use super::style::palette;
use super::{ChartError, Rendered};

/// The grid's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Row labels, drawn in the order given.
    pub las: Vec<String>,
    /// Column labels, drawn in the order given.
    pub sections: Vec<String>,
    /// `shares[la][section]`: share received, 0–1; `None` (or a missing or
    /// non-finite entry) is "not received".
    pub shares: Vec<Vec<Option<f64>>>,
}

/// The lightest shade, for a share of 0 (still distinct from the hatched
/// "not received" cells).
const LIGHT: Rgb = Rgb(0xD2, 0xE0, 0xEC);

fn shade(share: f64) -> Rgb {
    let t = share.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    let d = palette::DARK_BLUE;
    Rgb(mix(LIGHT.0, d.0), mix(LIGHT.1, d.1), mix(LIGHT.2, d.2))
}

/// WCAG relative luminance.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// White or near-black, whichever contrasts more with `fill`.
fn text_on(fill: Rgb) -> Rgb {
    let l = luminance(fill);
    let (white, black) = (
        1.05 / (l + 0.05),
        (l + 0.05) / (luminance(palette::BLACK) + 0.05),
    );
    if white >= black {
        palette::WHITE
    } else {
        palette::BLACK
    }
}

/// Diagonal hatching inside a rectangle.
fn hatch(scene: &mut Scene, [x0, y0, x1, y1]: [f64; 4], spacing: f64) {
    let (w, h) = (x1 - x0, y1 - y0);
    let mut t = spacing;
    while t < w + h && spacing > 0.0 {
        let a = if t <= w {
            (x0 + t, y0)
        } else {
            (x1, y0 + t - w)
        };
        let b = if t <= h {
            (x0, y0 + t)
        } else {
            (x0 + t - h, y1)
        };
        scene.line(vec![a, b], palette::MID_GREY, 1.0);
        t += spacing;
    }
}

/// Where the grid's rows and columns fall.
struct Grid {
    /// The grid's left edge, right of the LA names.
    x_left: f64,
    col_w: f64,
    /// The grid's top edge, below the column headers.
    top: f64,
    row_h: f64,
    row_label: Font,
}

/// Draws the coverage grid: the column headers, then a row per LA, then the key.
pub fn coverage_grid(frame: &Frame, data: &Coverage) -> Result<Rendered, ChartError> {
    let mut scene = Scene::new(frame.size);
    let (m, plot) = frame.draw(&mut scene);
    let key_font = Font::new(m.small_em, palette::DARK_GREY);
    let grid_bottom = plot.y1 - key_font.em * 2.2;
    let row_label = fit_width(
        data.las.iter().map(String::as_str),
        Font::new(m.label_em, palette::DARK_GREY),
        (plot.x1 - plot.x0) * 0.35,
    );
    let names_w = data
        .las
        .iter()
        .map(|n| row_label.width(n))
        .fold(0.0, f64::max);
    let x_left = plot.x0 + names_w + row_label.em * 0.6;
    let col_w = (plot.x1 - x_left) / data.sections.len().max(1) as f64;
    let header = Font::new(m.label_em, palette::DARK_GREY).bold();
    let top = draw_headers(&mut scene, &data.sections, header, (x_left, col_w, plot.y0));
    let grid = Grid {
        x_left,
        col_w,
        top,
        row_h: (grid_bottom - top) / data.las.len().max(1) as f64,
        row_label,
    };
    let cell_font = Font::new(m.label_em.min(grid.row_h * 0.55), palette::WHITE);
    let cell_font = fit_width(["100%"].into_iter(), cell_font, col_w * 0.8);
    draw_rows(&mut scene, data, &grid, cell_font, (m.gap * 0.12).max(1.0));
    draw_key(
        &mut scene,
        &plot,
        key_font,
        (x_left, grid_bottom + key_font.em * 1.2),
    );
    render(&scene)
}

/// The column headers, wrapped onto up to three lines (shrunk if need be) and
/// bottom-aligned, so every header ends just above the grid; gives the grid's top.
fn draw_headers(
    scene: &mut Scene,
    sections: &[String],
    header: Font,
    (x_left, col_w, y0): (f64, f64, f64),
) -> f64 {
    let headers: Vec<(Font, Vec<String>)> = sections
        .iter()
        .map(|s| fit_lines(s, header, col_w * 0.92, 3, header.em * 0.6))
        .collect();
    let header_lines = headers
        .iter()
        .map(|(_, l)| l.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let top = y0 + header.em * 1.25 * header_lines as f64 + header.em * 0.4;
    for (j, (font, lines)) in headers.iter().enumerate() {
        let cx = x_left + col_w * (j as f64 + 0.5);
        let first = top - header.em * 0.4 - font.em * 1.25 * (lines.len() as f64 - 1.0);
        for (k, line) in lines.iter().enumerate() {
            scene.text(
                line,
                (cx, first + font.em * 1.25 * k as f64 - font.em * 0.25),
                *font,
                Align::Centre,
            );
        }
    }
    top
}

/// Each LA's name and its cells; a missing or non-finite share is "not received".
fn draw_rows(scene: &mut Scene, data: &Coverage, g: &Grid, cell_font: Font, gap: f64) {
    for (i, la) in data.las.iter().enumerate() {
        let cy = g.top + g.row_h * (i as f64 + 0.5);
        scene.text_mid(
            la,
            (g.x_left - g.row_label.em * 0.6, cy),
            g.row_label,
            Align::Right,
        );
        for j in 0..data.sections.len() {
            let share = data
                .shares
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .flatten()
                .filter(|v| v.is_finite());
            let cell = [
                g.x_left + g.col_w * j as f64 + gap,
                g.top + g.row_h * i as f64 + gap,
                g.x_left + g.col_w * (j + 1) as f64 - gap,
                g.top + g.row_h * (i + 1) as f64 - gap,
            ];
            let cx = (cell[0] + cell[2]) / 2.0;
            draw_cell(scene, cell, share, cell_font, (cx, cy));
        }
    }
}

fn draw_cell(
    scene: &mut Scene,
    cell: [f64; 4],
    share: Option<f64>,
    font: Font,
    centre: (f64, f64),
) {
    match share {
        Some(s) => {
            let fill = shade(s);
            scene.rect((cell[0], cell[1]), (cell[2], cell[3]), fill);
            let text = format!("{:.0}%", 100.0 * s.clamp(0.0, 1.0));
            scene.text_mid(
                &text,
                centre,
                Font {
                    color: text_on(fill),
                    ..font
                },
                Align::Centre,
            );
        }
        None => {
            scene.rect((cell[0], cell[1]), (cell[2], cell[3]), palette::LIGHT_GREY);
            hatch(scene, cell, font.em * 0.6);
            scene.text_mid_boxed(
                "\u{2013}",
                centre,
                Font {
                    color: palette::BLACK,
                    ..font
                },
                Align::Centre,
            );
        }
    }
}

fn draw_key(scene: &mut Scene, plot: &Plot, font: Font, (x, y): (f64, f64)) {
    let size = font.em * 1.1;
    let cell = [x, y - size / 2.0, x + size * 1.6, y + size / 2.0];
    scene.rect((cell[0], cell[1]), (cell[2], cell[3]), palette::LIGHT_GREY);
    hatch(scene, cell, font.em * 0.5);
    let text = "\u{2013} not received";
    let tx = (cell[2] + font.em * 0.5).min(plot.x1 - font.width(text));
    scene.text_mid(text, (tx, y), font, Align::Left);
}
