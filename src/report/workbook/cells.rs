//! Formats and cell writers the sheets share. Every value shown to people goes
//! through one of these, so number formats, symbols and text handling agree.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::report::present::Shown;

/// Excel refuses longer strings; longer text is cut to fit.
const MAX_CELL_CHARS: usize = 32_767;

/// The chart colours by what they mean ([`crate::report::charts::role`]), as
/// rust_xlsxwriter takes them.
pub(super) mod palette {
    use crate::report::charts::{palette, role};
    pub const LA: u32 = role::LA.rgb24();
    pub const OUTLIER: u32 = role::OUTLIER.rgb24();
    pub const ENGLAND: u32 = role::ENGLAND.rgb24();
    pub const REGION: u32 = role::REGION.rgb24();
    pub const REGION_OVER_TIME: u32 = role::REGION_OVER_TIME.rgb24();
    pub const NO_DATA: u32 = role::NO_DATA.rgb24();
    pub const SERIES: u32 = role::SERIES.rgb24();
    pub const FIRST_PART: u32 = role::FIRST_PART.rgb24();
    pub const SECOND_PART: u32 = role::SECOND_PART.rgb24();
    /// Notes' text.
    pub const DARK_GREY: u32 = palette::DARK_GREY.rgb24();
}

/// What kind of number a cell holds: decides its number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Counts: `#,##0`, or `#,##0.00` for FTE.
    Count,
    /// Rates: `0.0`, or `0` when the presenter rounds to whole numbers.
    Rate,
}

pub(super) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub bold: Format,
    pub header: Format,
    pub wrap: Format,
    pub note: Format,
    pub symbol: Format,
    pub z: Format,
    pub count0: Format,
    pub count2: Format,
    pub rate0: Format,
    pub rate1: Format,
    pub integer: Format,
    /// Plain cells: general number format, top-aligned.
    pub top: Format,
}

impl Formats {
    pub fn new() -> Formats {
        // Top-aligned throughout: rows grown for wrapped text keep their cells level.
        let top = Format::new().set_align(FormatAlign::Top);
        let num = |f: &str| top.clone().set_num_format(f);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new().set_bold().set_font_size(12),
            bold: top.clone().set_bold(),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: top
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(palette::DARK_GREY)),
            symbol: top.clone().set_align(FormatAlign::Right),
            z: num("0.00"),
            count0: num("#,##0"),
            count2: num("#,##0.00"),
            rate0: num("0"),
            rate1: num("0.0"),
            integer: num("0"),
            top,
        }
    }

    /// Severity cells are coloured so errors stand out when filtered or printed.
    pub fn severity(&self, severity: crate::validate::Severity) -> Format {
        use crate::validate::Severity;
        let (fill, font) = match severity {
            Severity::Error => (0xFFC7CE, 0x9C0006),
            Severity::Warning => (0xFFEB9C, 0x9C5700),
            Severity::Info => (0xDDEBF7, 0x1F4E78),
        };
        Format::new()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font))
            .set_align(FormatAlign::Top)
    }

    fn number(&self, kind: Kind, decimals: usize) -> &Format {
        match (kind, decimals) {
            (Kind::Count, 0) => &self.count0,
            (Kind::Count, _) => &self.count2,
            (Kind::Rate, 0) => &self.rate0,
            (Kind::Rate, _) => &self.rate1,
        }
    }
}

/// Writes text as a string cell, never a formula, cut to Excel's limit; empty text leaves the cell blank.
pub(super) fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let value = match value.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &value[..i],
        None => value,
    };
    if value.is_empty() {
        return Ok(());
    }
    match format {
        Some(f) => sheet.write_string_with_format(row, col, value, f)?,
        None => sheet.write_string_with_format(row, col, value, &top())?,
    };
    Ok(())
}

fn top() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

/// Writes a value as the presenter shows it: a number cell, or its DfE symbol as text.
pub(super) fn shown(
    sheet: &mut Worksheet,
    fmt: &Formats,
    row: u32,
    col: u16,
    value: &Shown,
    kind: Kind,
) -> Result<(), XlsxError> {
    match value {
        Shown::Number { value, decimals } => {
            sheet.write_number_with_format(row, col, *value, fmt.number(kind, *decimals))?;
        }
        Shown::Symbol(s) => {
            sheet.write_string_with_format(row, col, *s, &fmt.symbol)?;
        }
    }
    Ok(())
}

/// Writes a shown value, leaving the cell blank when there is no value at all
/// (a table cell that does not apply, rather than a figure that is not available).
pub(super) fn shown_opt(
    sheet: &mut Worksheet,
    fmt: &Formats,
    row: u32,
    col: u16,
    value: Option<Shown>,
    kind: Kind,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => shown(sheet, fmt, row, col, &v, kind),
        None => Ok(()),
    }
}

/// A header row with the header format.
pub(super) fn header(
    sheet: &mut Worksheet,
    fmt: &Formats,
    row: u32,
    col: u16,
    titles: &[&str],
) -> Result<(), XlsxError> {
    for (i, t) in titles.iter().enumerate() {
        text(sheet, row, col + i as u16, t, Some(&fmt.header))?;
    }
    // Generated files do not grow rows to fit wrapped text; headers sit in
    // narrow number columns, so allow for about ten characters a line.
    let lines = titles
        .iter()
        .map(|t| t.chars().count().div_ceil(10))
        .max()
        .unwrap_or(1)
        .clamp(2, 4);
    sheet.set_row_height(row, 15.0 * lines as f64)?;
    Ok(())
}

/// Column widths, from the first column.
pub(super) fn widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (i, w) in widths.iter().enumerate() {
        sheet.set_column_width(i as u16, *w)?;
    }
    Ok(())
}

/// A chart title: the sheets' titles are 14 pt; a chart's is smaller so it fits on one or two lines.
pub(super) fn chart_title(chart: &mut rust_xlsxwriter::Chart, title: &str) {
    chart
        .title()
        .set_name(title)
        .set_font(rust_xlsxwriter::ChartFont::new().set_size(11).set_bold());
}

/// A sheet name Excel accepts: forbidden characters become spaces, at most 31
/// characters, unique (case-insensitively) among `taken`.
pub(super) fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let squeezed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let base = squeezed.trim_matches('\'').trim().to_string();
    let base = if base.is_empty() {
        "Sheet".to_string()
    } else {
        base
    };
    let clash = |n: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    for i in 1.. {
        let suffix = if i == 1 {
            String::new()
        } else {
            format!(" ({i})")
        };
        let room = 31 - suffix.chars().count();
        let name = format!("{}{suffix}", cut_at_word(&base, room));
        if !clash(&name) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// At most `room` characters, ending at a word boundary when a word would be cut
/// and the boundary is past the first few characters (the metric id).
fn cut_at_word(text: &str, room: usize) -> &str {
    let Some((end, _)) = text.char_indices().nth(room) else {
        return text;
    };
    let head = &text[..end];
    if text[end..].starts_with(' ') {
        return head.trim_end();
    }
    match head.rfind(' ') {
        Some(i) if i > 4 => head[..i].trim_end(),
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_cleaned_cut_and_unique() {
        assert_eq!(
            sheet_name("M11 Relatives/friends share of SGOs", &[]),
            "M11 Relatives friends share of"
        );
        assert_eq!(
            sheet_name("M03 Temporary share of approvals", &[]),
            "M03 Temporary share of"
        );
        assert_eq!(sheet_name("a:b?", &[]), "a b");
        let taken = vec!["About".to_string()];
        assert_eq!(sheet_name("about", &taken), "about (2)");
        assert_eq!(sheet_name("[]", &[]), "Sheet");
        assert!(sheet_name(&"x".repeat(40), &[]).chars().count() <= 31);
    }
}
