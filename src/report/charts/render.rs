//! Draws a [`Scene`] with plotters: once to an SVG string, once to an RGB
//! buffer encoded as PNG.

use super::font::{self, FAMILY};
use super::scene::{Align, Rgb, Scene, Shape};
use super::{ChartError, Rendered};
use ab_glyph::{point, Font, PxScale, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Which backend is drawing: the two set text differently.
#[derive(Clone, Copy)]
enum Target {
    Svg,
    Bitmap,
}

/// Renders the scene in both forms.
pub(crate) fn render(scene: &Scene) -> Result<Rendered, ChartError> {
    let size = drawable(scene)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        draw(&root, scene, Target::Svg)?;
        root.present().map_err(draw_error)?;
    }
    let png = encode_png(&render_rgb(scene)?, size)?;
    Ok(Rendered { svg, png })
}

/// The scene on white as an RGB buffer, 3 bytes a pixel, row by row.
pub(crate) fn render_rgb(scene: &Scene) -> Result<Vec<u8>, ChartError> {
    let size = drawable(scene)?;
    let mut rgb = vec![0u8; scene.width as usize * scene.height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        draw(&root, scene, Target::Bitmap)?;
        root.present().map_err(draw_error)?;
    }
    Ok(rgb)
}

/// The scene drawn over a copy of `base` (an RGB buffer of the scene's size
/// from [`render_rgb`]), as PNG.
pub(crate) fn render_png_over(base: &[u8], scene: &Scene) -> Result<Vec<u8>, ChartError> {
    let size = drawable(scene)?;
    if base.len() != scene.width as usize * scene.height as usize * 3 {
        return Err(ChartError::Size(scene.width, scene.height));
    }
    let mut rgb = base.to_vec();
    {
        let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
        draw(&root, scene, Target::Bitmap)?;
        root.present().map_err(draw_error)?;
    }
    encode_png(&rgb, size)
}

/// The scene's size, if it can be drawn: the font is there and the canvas is
/// not empty and not larger than any projector, far below what would exhaust
/// memory (the RGB buffer is 3 bytes a pixel).
fn drawable(scene: &Scene) -> Result<(u32, u32), ChartError> {
    if !font::ensure_registered() {
        return Err(ChartError::Font);
    }
    const MAX_SIDE: u32 = 10_000;
    if scene.width == 0 || scene.height == 0 || scene.width > MAX_SIDE || scene.height > MAX_SIDE {
        return Err(ChartError::Size(scene.width, scene.height));
    }
    Ok((scene.width, scene.height))
}

fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1.0e6, 1.0e6) as i32
    } else {
        0
    }
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    target: Target,
) -> Result<(), ChartError> {
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
            } => {
                let rect = Rectangle::new(
                    [(px(*x0), px(*y0)), (px(*x1), px(*y1))],
                    color(*fill).filled(),
                );
                root.draw(&rect).map_err(draw_error)?;
            }
            Shape::Line {
                points,
                color: c,
                width,
            } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
                let stroke = color(*c).stroke_width(px(*width).max(1) as u32);
                root.draw(&PathElement::new(pts, stroke))
                    .map_err(draw_error)?;
            }
            Shape::Circle { x, y, r, fill } => {
                let circle = Circle::new((px(*x), px(*y)), px(*r).max(1), color(*fill).filled());
                root.draw(&circle).map_err(draw_error)?;
            }
            Shape::Text {
                text,
                x,
                y,
                em,
                bold,
                color: c,
                align,
            } => match target {
                Target::Svg => svg_text(root, text, (*x, *y), (*em, *bold), *c, *align)?,
                Target::Bitmap => bitmap_text(root, text, (*x, *y), (*em, *bold), *c, *align)?,
            },
        }
    }
    Ok(())
}

/// SVG text is a `<text>` element the viewer sets in its own copy of the
/// font; plotters anchors it at the top with `dy="0.76em"` and writes
/// font-size = size / 1.24, so the top is derived from the wanted baseline.
fn svg_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
    (em, bold): (f64, bool),
    c: Rgb,
    align: Align,
) -> Result<(), ChartError> {
    let h = match align {
        Align::Left => HPos::Left,
        Align::Centre => HPos::Center,
        Align::Right => HPos::Right,
    };
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let style = FontDesc::new(FontFamily::Name(FAMILY), em * 1.24, weight)
        .color(&color(c))
        .pos(Pos::new(h, VPos::Top));
    root.draw_text(text, &style, (px(x), px(y - 0.76 * em)))
        .map_err(draw_error)
}

/// PNG text is rasterised here from the embedded face, each glyph at its
/// fractional position: plotters' own ab_glyph path rounds every glyph to
/// a whole pixel, which shows as uneven letter spacing.
fn bitmap_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
    (em, bold): (f64, bool),
    c: Rgb,
    align: Align,
) -> Result<(), ChartError> {
    let face = font::face(bold).ok_or(ChartError::Font)?;
    let (starts, width) = font::layout(text, em, bold).ok_or(ChartError::Font)?;
    let left = match align {
        Align::Left => x,
        Align::Centre => x - f64::from(width) / 2.0,
        Align::Right => x - f64::from(width),
    } as f32;
    let scale = PxScale::from(font::ab_glyph_size(em) as f32);
    let scaled = face.as_scaled(scale);
    let mut pixels: Vec<((i32, i32), f32)> = Vec::new();
    for (ch, start) in text.chars().zip(starts) {
        let glyph = scaled
            .glyph_id(ch)
            .with_scale_and_position(scale, point(left + start, y as f32));
        if let Some(outline) = face.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|gx, gy, cover| {
                pixels.push((
                    (b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32),
                    cover,
                ));
            });
        }
    }
    let rgb = color(c);
    for (at, cover) in pixels {
        if cover > 0.0 {
            root.draw_pixel(at, &rgb.mix(f64::from(cover.min(1.0))))
                .map_err(draw_error)?;
        }
    }
    Ok(())
}

fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(draw_error)?;
        writer.write_image_data(rgb).map_err(draw_error)?;
        writer.finish().map_err(draw_error)?;
    }
    Ok(out)
}
