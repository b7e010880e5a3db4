//! Text from returns made harmless for the files and terminals it reaches.
//!
//! An LA's text (a file name, a value as found, a sheet name) is shown to
//! people in CSV files opened in a spreadsheet, in plain-text feedback and on
//! the console. Two things in it could act rather than be read:
//!
//! - a CSV cell that starts with `=`, `+`, `-`, `@`, TAB or CR is read by a
//!   spreadsheet as a formula (OWASP "CSV injection"): [`csv_cell`] puts a `'`
//!   before it, unless it is a plain number such as `-3`;
//! - control characters (ESC starts the sequences that recolour or rewrite a
//!   terminal): [`visible`] shows each as `\u{1b}`, keeping TAB and LF;
//! - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
//!   which make a text display in an order other than the one it is read in
//!   ("Trojan Source", CVE-2021-42574): a file name could show as `.xlsx`
//!   while ending otherwise. [`visible`] shows them as escapes too.
//!
//! Every CSV and text writer goes through here; Parquet and xlsx keep the exact
//! value (a typed cell is data, never run).

use std::borrow::Cow;

/// `text` with each control character but TAB and LF shown as a `\u{..}` escape:
/// C0 (CR and ESC included), DEL, C1 (whose U+009B some terminals take for ESC `[`),
/// and the bidirectional overrides and isolates.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn hidden(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || bidi_control(c)
}

fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A CSV cell that a spreadsheet shows as text: [`visible`], and a leading `'`
/// when the text starts as a formula would and is not a plain number.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let shown = visible(text);
    if starts_as_formula(text) && !plain_number(text) {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

fn starts_as_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `-3`, `+12.5`, `-0.25`, `-1e-5`: a sign, digits, an optional fraction and exponent.
fn plain_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (body, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((i, f)) => digits(i) && digits(f),
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, visible};

    #[test]
    fn every_formula_prefix_gets_a_quote_unless_the_cell_is_a_plain_number() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"click\")",
                "'=HYPERLINK(\"http://x\",\"click\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\\u{d}=1"),
            ("-", "'-"),
            ("-3", "-3"),
            ("+12.5", "+12.5"),
            ("-1e-5", "-1e-5"),
            ("1200", "1200"),
            ("Kent (886)", "Kent (886)"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn control_characters_but_tab_and_line_feed_are_shown_as_escapes() {
        assert_eq!(
            visible("\u{1b}[31mred\u{1b}[0m\u{7}\u{7f}\u{9b}2J\r\n\tok"),
            "\\u{1b}[31mred\\u{1b}[0m\\u{7}\\u{7f}\\u{9b}2J\\u{d}\n\tok"
        );
        assert_eq!(visible("Kent £ 886"), "Kent £ 886");
        assert_eq!(csv_cell("x\u{0}y"), "x\\u{0}y");
    }

    #[test]
    fn bidirectional_overrides_and_isolates_are_shown_as_escapes() {
        // "Kent xslx.exe" written so that it displays as "Kent exe.xlsx".
        assert_eq!(visible("Kent \u{202e}xslx.exe"), "Kent \\u{202e}xslx.exe");
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            assert_eq!(
                visible(&format!("a{c}b")),
                format!("a\\u{{{:x}}}b", c as u32)
            );
        }
        // Marks that only nudge neutral characters (LRM, RLM) and Arabic or Hebrew text stay.
        assert_eq!(visible("\u{200e}\u{200f}שלום"), "\u{200e}\u{200f}שלום");
    }
}
