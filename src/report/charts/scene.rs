//! A chart as a list of shapes in pixel coordinates, built once and drawn
//! to both SVG and PNG so the two forms cannot drift apart.

use super::font;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Horizontal alignment of a text relative to its x coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

/// One drawing instruction.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: Rgb,
    },
    Line {
        points: Vec<(f64, f64)>,
        color: Rgb,
        width: f64,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: Rgb,
    },
    /// `y` is the baseline.
    Text {
        text: String,
        x: f64,
        y: f64,
        em: f64,
        bold: bool,
        color: Rgb,
        align: Align,
    },
}

/// Text settings for [`Scene::text`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub em: f64,
    pub bold: bool,
    pub color: Rgb,
}

impl Font {
    pub fn new(em: f64, color: Rgb) -> Self {
        Font {
            em,
            bold: false,
            color,
        }
    }
    pub fn bold(self) -> Self {
        Font { bold: true, ..self }
    }
    /// Width of `text` in this font.
    pub fn width(&self, text: &str) -> f64 {
        font::text_width(text, self.em, self.bold)
    }
    /// Baseline that centres capital letters on `y`.
    pub fn centred_baseline(&self, y: f64) -> f64 {
        y + self.em * font::CAP_HEIGHT / 2.0
    }
}

/// The shapes of one chart and the canvas size they were laid out for.
#[derive(Debug, Clone)]
pub(crate) struct Scene {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    pub fn new((width, height): (u32, u32)) -> Self {
        Scene {
            width,
            height,
            shapes: Vec::new(),
        }
    }

    pub fn rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), fill: Rgb) {
        self.shapes.push(Shape::Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
            fill,
        });
    }

    pub fn line(&mut self, points: Vec<(f64, f64)>, color: Rgb, width: f64) {
        if points.len() >= 2 {
            self.shapes.push(Shape::Line {
                points,
                color,
                width,
            });
        }
    }

    /// A straight dashed segment, cut into dashes here so both backends
    /// draw the same dashes.
    pub fn dashed(&mut self, from: (f64, f64), to: (f64, f64), color: Rgb, width: f64, dash: f64) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if !(len.is_finite() && dash > 0.0) || len == 0.0 {
            return;
        }
        if len / dash > 10_000.0 {
            // Far off the canvas; a solid line spares drawing a million dashes.
            self.line(vec![from, to], color, width);
            return;
        }
        let mut t = 0.0;
        while t < len {
            let end = (t + dash).min(len);
            let a = (from.0 + dx * t / len, from.1 + dy * t / len);
            let b = (from.0 + dx * end / len, from.1 + dy * end / len);
            self.line(vec![a, b], color, width);
            t += dash * 1.8;
        }
    }

    pub fn circle(&mut self, (x, y): (f64, f64), r: f64, fill: Rgb) {
        self.shapes.push(Shape::Circle { x, y, r, fill });
    }

    /// Text with its baseline at `y`.
    pub fn text(&mut self, text: &str, (x, y): (f64, f64), font: Font, align: Align) {
        if text.is_empty() {
            return;
        }
        // Control characters (e.g. a stray line break in an LA name) are
        // not allowed in XML text and have no glyph: write a space instead.
        let text: String = text
            .chars()
            .map(|c| {
                if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        self.shapes.push(Shape::Text {
            text,
            x,
            y,
            em: font.em,
            bold: font.bold,
            color: font.color,
            align,
        });
    }

    /// Text whose capitals are centred vertically on `y`.
    pub fn text_mid(&mut self, text: &str, (x, y): (f64, f64), font: Font, align: Align) {
        self.text(text, (x, font.centred_baseline(y)), font, align);
    }

    /// Like [`Scene::text_mid`] on a white box, so a reference line drawn
    /// earlier does not run through the text.
    pub fn text_mid_boxed(&mut self, text: &str, (x, y): (f64, f64), font: Font, align: Align) {
        let w = font.width(text);
        let pad = font.em * 0.15;
        let left = match align {
            Align::Left => x,
            Align::Centre => x - w / 2.0,
            Align::Right => x - w,
        };
        let half = font.em * 0.55;
        self.rect(
            (left - pad, y - half),
            (left + w + pad, y + half),
            super::style::palette::WHITE,
        );
        self.text_mid(text, (x, y), font, align);
    }
}
