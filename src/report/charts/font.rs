//! The embedded typeface: Liberation Sans (SIL OFL 1.1, see
//! `assets/fonts/OFL-LiberationSans.txt`), registered with plotters'
//! ab_glyph backend so rendering never looks for system fonts.
//!
//! Liberation Sans is metric-compatible with Arial, so the SVG (which names
//! "Liberation Sans, Arial, Helvetica, sans-serif" and is drawn by the
//! viewer's font) keeps the widths measured here.

use plotters::style::{register_font, FontDesc, FontFamily, FontStyle};
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

/// Advance width in pixels of `text` set at an em of `em` pixels.
pub(crate) fn text_width(text: &str, em: f64, bold: bool) -> f64 {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    if ensure_registered() {
        let desc = FontDesc::new(FontFamily::Name(FAMILY), ab_glyph_size(em), style);
        if let Ok((w, _)) = desc.box_size(text) {
            return f64::from(w);
        }
    }
    // Only reachable if the embedded font is unusable; a generous estimate
    // keeps layout from clipping even then.
    text.chars().count() as f64 * em * 0.62
}
