//! The embedded typeface: Liberation Sans (SIL OFL 1.1, see
//! `assets/fonts/OFL-LiberationSans.txt`), registered with plotters'
//! ab_glyph backend so rendering never looks for system fonts.
//!
//! Liberation Sans is metric-compatible with Arial, so the SVG (which names
//! "Liberation Sans, Arial, Helvetica, sans-serif" and is drawn by the
//! viewer's font) keeps the widths measured here.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use plotters::style::{register_font, FontStyle};
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// The family key under which the font is registered; plotters' SVG backend
/// writes it verbatim as the `font-family` attribute, so it doubles as the
/// CSS fallback list.
pub(crate) const FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

// Vertical metrics of Liberation Sans (hhea ascender 1854, descender -434,
// unitsPerEm 2048, OS/2 capHeight 1409). ab_glyph scales a glyph so that
// ascender - descender equals the requested pixel size, so a size of `s`
// gives an em of `s * 2048 / 2288`.
const EM_PER_SIZE: f64 = 2048.0 / 2288.0;
/// Cap height as a fraction of the em, used to centre text on a row.
pub(crate) const CAP_HEIGHT: f64 = 1409.0 / 2048.0;

static REGISTERED: OnceLock<bool> = OnceLock::new();
static FACES: OnceLock<Option<[FontRef<'static>; 2]>> = OnceLock::new();

/// The parsed regular or bold face.
pub(crate) fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    let faces = FACES.get_or_init(|| {
        Some([
            FontRef::try_from_slice(REGULAR).ok()?,
            FontRef::try_from_slice(BOLD).ok()?,
        ])
    });
    faces
        .as_ref()
        .map(|[regular, bold_face]| if bold { bold_face } else { regular })
}

/// Registers both faces once; false if the embedded bytes failed to parse
/// (which a test rules out, but drawing must then fail as a value).
pub(crate) fn ensure_registered() -> bool {
    *REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    })
}

/// The plotters font size that gives an em of `em` pixels with ab_glyph.
pub(crate) fn ab_glyph_size(em: f64) -> f64 {
    em / EM_PER_SIZE
}

/// Where each character's glyph starts along the line, kerning applied,
/// and the total advance; the PNG is drawn and every text measured from
/// this one layout.
pub(crate) fn layout(text: &str, em: f64, bold: bool) -> Option<(Vec<f32>, f32)> {
    let face = face(bold)?;
    let scaled = face.as_scaled(PxScale::from(ab_glyph_size(em) as f32));
    let mut caret = 0f32;
    let mut prev = None;
    let mut starts = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        starts.push(caret);
        caret += scaled.h_advance(id);
        prev = Some(id);
    }
    Some((starts, caret))
}

/// Advance width in pixels of `text` set at an em of `em` pixels.
pub(crate) fn text_width(text: &str, em: f64, bold: bool) -> f64 {
    match layout(text, em, bold) {
        Some((_, width)) => f64::from(width),
        // Only reachable if the embedded font is unusable (a test rules it
        // out); a generous estimate keeps layout from clipping even then.
        None => text.chars().count() as f64 * em * 0.62,
    }
}
