//! The xlsx helpers both workbooks (each LA's feedback and the benchmarking
//! workbook) write with: one set of formats, the text and value cell
//! writers, header rows, column widths and row heights, sheet names and the
//! fixed creation date. Every format is built from one top-aligned base
//! ([`top`]), so a row's cells sit level however tall the row grows.

mod row_height;
mod sheet_name;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Chart, ChartFont, Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

pub(crate) use row_height::fit_row;
pub(crate) use sheet_name::sheet_name;

use crate::report::charts::{palette as base, role};
use crate::report::present::Shown;
use crate::schema::MetricUnit;
use crate::validate::Severity;

/// How hard a workbook's parts are deflated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deflate {
    /// Level 1, for the many small files of a run (each LA's feedback):
    /// deflating was 18% of a national validate at the default level and is
    /// 3% at level 1, for files a quarter larger (docs/performance.md).
    Fast,
    /// rust_xlsxwriter's default, level 6: the one workbook the network shares.
    Small,
}

/// A new workbook, deflated as `deflate` says.
pub(crate) fn workbook(deflate: Deflate) -> rust_xlsxwriter::Workbook {
    let mut book = rust_xlsxwriter::Workbook::new();
    if deflate == Deflate::Fast {
        book.set_zip_compression_level(1);
    }
    book
}

/// [`top`], built once: plain text cells are most of a workbook's cells.
static TOP: std::sync::LazyLock<Format> = std::sync::LazyLock::new(top);

/// Excel refuses longer strings; longer text is cut to fit.
pub(crate) const MAX_CELL_CHARS: usize = 32_767;

/// The chart colours by what they mean ([`crate::report::charts::role`]), as
/// rust_xlsxwriter takes them.
pub(crate) mod palette {
    use super::{base, role};
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
    pub const DARK_GREY: u32 = base::DARK_GREY.rgb24();
}

/// What kind of number a cell holds: decides its number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Counts: `#,##0`, or `#,##0.00` for FTE.
    Count,
    /// Rates: `0.0`, or `0` when the presenter rounds to whole numbers.
    Rate,
}

/// The formats the sheets share, each built from [`top`].
pub(crate) struct Formats {
    /// Plain cells: general number format.
    pub top: Format,
    pub title: Format,
    pub subtitle: Format,
    pub bold: Format,
    pub header: Format,
    pub wrap: Format,
    pub note: Format,
    /// A DfE symbol (`c`, `k`, `x`, `z`) in a number column: right-aligned.
    pub symbol: Format,
    pub date: Format,
    pub z: Format,
    pub integer: Format,
    /// A value of the return's decimal unit (FTE), to the schema's decimals.
    pub decimal: Format,
    pub count0: Format,
    pub count2: Format,
    pub rate0: Format,
    pub rate1: Format,
}

impl Formats {
    /// `fte_decimals`: the places of the return's decimal unit.
    pub fn new(fte_decimals: u32) -> Formats {
        let num = |f: &str| top().set_num_format(f);
        Formats {
            top: top(),
            title: top().set_bold().set_font_size(14),
            subtitle: top().set_bold().set_font_size(12),
            bold: top().set_bold(),
            header: top()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap(),
            wrap: top().set_text_wrap(),
            note: top()
                .set_italic()
                .set_font_color(Color::RGB(palette::DARK_GREY)),
            symbol: top().set_align(FormatAlign::Right),
            date: top()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            z: num("0.00"),
            integer: num("0"),
            decimal: num(&fixed(fte_decimals as usize)),
            count0: num("#,##0"),
            count2: num("#,##0.00"),
            rate0: num("0"),
            rate1: num("0.0"),
        }
    }

    /// Severity cells are coloured (and bold) so errors stand out when
    /// printed or filtered.
    pub fn severity(&self, severity: Severity) -> Format {
        let (fill, font) = match severity {
            Severity::Error => (0xFFC7CE, 0x9C0006),
            Severity::Warning => (0xFFEB9C, 0x9C5700),
            Severity::Info => (0xDDEBF7, 0x1F4E78),
        };
        top()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font))
            .set_bold()
    }

    /// A number format that writes the unit: `0.0"%"`.
    pub fn unit(&self, unit: MetricUnit, decimals: usize) -> Format {
        let code = match unit.suffix() {
            "" => fixed(decimals),
            suffix => format!("{}\"{suffix}\"", fixed(decimals)),
        };
        top().set_num_format(code)
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

/// The base of every format: top-aligned, where Excel's default is bottom.
pub(crate) fn top() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

/// `0`, `0.0`, `0.00`: a number format with `decimals` places.
pub(crate) fn fixed(decimals: usize) -> String {
    if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    }
}

/// Writes text (from a return, a finding or kinbench) as a string cell, never
/// a formula, cut to Excel's limit; empty text leaves the cell blank.
pub(crate) fn text(
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
        None => sheet.write_string_with_format(row, col, value, &TOP)?,
    };
    Ok(())
}

/// Writes a value as the presenter shows it: a number cell, or its DfE symbol as text.
pub(crate) fn shown(
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
pub(crate) fn shown_opt(
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
pub(crate) fn header(
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
pub(crate) fn widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (i, w) in widths.iter().enumerate() {
        sheet.set_column_width(i as u16, *w)?;
    }
    Ok(())
}

/// A chart title: the sheets' titles are 14 pt; a chart's is smaller so it fits on one or two lines.
pub(crate) fn chart_title(chart: &mut Chart, title: &str) {
    chart
        .title()
        .set_name(title)
        .set_font(ChartFont::new().set_size(11).set_bold());
}

/// A date as a workbook's fixed creation time (never the clock, so a rerun is
/// byte-identical); a year Excel cannot hold becomes 2000.
pub(crate) fn creation_time(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).unwrap_or(2000);
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}
