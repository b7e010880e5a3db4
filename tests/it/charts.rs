//! Tests for the chart primitives: content of the SVG (texts and their
//! order), well-formed XML, decodable PNGs of the stated size with ink where
//! the text should be, and byte-identical output for the same input.

mod edge;
mod no_system_fonts;
mod others;
mod ranked;
mod raster;

use kinbench::report::charts::Frame;

pub const SOURCE: &str =
    "Source: kinbench regional kinship return, 2025-26 Q2 (Jul\u{2013}Sep 2025)";

/// A small frame: most tests do not need the full 1600×900 canvas.
pub fn small(title: &str) -> Frame {
    Frame::new(
        title,
        "Share of kinship carers approved temporarily, by LA",
        SOURCE,
    )
    .with_size(800, 450)
}

/// One `<text>` element: its content, x and y.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgText {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub fill: String,
}

/// Parses the SVG (failing the test if it is not well-formed XML) and
/// returns its texts in document order.
pub fn texts(svg: &str) -> Vec<SvgText> {
    let doc = roxmltree::Document::parse(svg).expect("SVG is well-formed XML");
    let num = |n: roxmltree::Node, a: &str| {
        n.attribute(a)
            .and_then(|v| v.parse::<f64>().ok())
            .expect("numeric attribute")
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| SvgText {
            text: n.text().unwrap_or("").trim().to_string(),
            x: num(n, "x"),
            y: num(n, "y"),
            fill: n.attribute("fill").unwrap_or("").to_string(),
        })
        .collect()
}

/// The texts equal to `wanted`.
pub fn find<'a>(all: &'a [SvgText], wanted: &str) -> Vec<&'a SvgText> {
    all.iter().filter(|t| t.text == wanted).collect()
}

/// The single text equal to `wanted`.
pub fn one<'a>(all: &'a [SvgText], wanted: &str) -> &'a SvgText {
    let found = find(all, wanted);
    assert_eq!(
        found.len(),
        1,
        "expected exactly one text {wanted:?}, found {found:?}"
    );
    found[0]
}

/// A decoded RGB PNG.
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

impl Image {
    pub fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("PNG header");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("PNG data");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        Image {
            width: info.width,
            height: info.height,
            rgb: buf,
        }
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = ((y * self.width + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// Non-white pixels in the rectangle `x0..x1` × `y0..y1`.
    pub fn ink(&self, (x0, y0): (u32, u32), (x1, y1): (u32, u32)) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| self.pixel(x, y) != [255; 3])
            .count()
    }

    /// Columns `x0..x1` of rows `y0..y1` that hold any non-white pixel.
    pub fn ink_columns(&self, (x0, y0): (u32, u32), (x1, y1): (u32, u32)) -> Vec<u32> {
        (x0..x1)
            .filter(|&x| (y0..y1).any(|y| self.pixel(x, y) != [255; 3]))
            .collect()
    }
}
