//! The feedback workbook: Summary, Findings and Values used sheets.

use std::path::Path;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::profile::Profile;
use super::{findings_sheet, profile_sheet, summary_sheet, values_sheet, Feedback};
use crate::period::Period;
use crate::report::ReportError;
use crate::schema::{MetricUnit, Schema};
use crate::validate::Severity;

/// Excel refuses longer strings; text from returns is cut to fit.
pub(super) const MAX_CELL_CHARS: usize = 32_767;

/// The formats the sheets share. Every one is top-aligned, built from
/// [`top`]: rows grow for wrapped text and the position charts, and a cell
/// left at Excel's bottom default would sit beside the next row's label.
pub(super) struct Formats {
    /// Plain cells.
    pub plain: Format,
    pub title: Format,
    pub bold: Format,
    pub header: Format,
    pub wrap: Format,
    pub date: Format,
    pub count: Format,
    pub decimal: Format,
}

impl Formats {
    fn new(decimals: u32) -> Formats {
        let decimal = if decimals == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(decimals as usize))
        };
        Formats {
            plain: top(),
            title: top().set_bold().set_font_size(14),
            bold: top().set_bold(),
            header: top()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap(),
            wrap: top().set_text_wrap(),
            date: top()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            count: top().set_num_format("0"),
            decimal: top().set_num_format(decimal),
        }
    }

    /// Severity cells are coloured so errors stand out when printed or filtered.
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
        let digits = if decimals == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(decimals))
        };
        let code = match unit.suffix() {
            "" => digits,
            suffix => format!("{digits}\"{suffix}\""),
        };
        top().set_num_format(code)
    }
}

/// The base of every format of the feedback.
pub(super) fn top() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

/// Writes text from a return or a finding as a string cell, never a formula,
/// cut to Excel's limit.
pub(super) fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let value = truncate(value);
    if value.is_empty() {
        return Ok(());
    }
    match format {
        Some(f) => sheet.write_string_with_format(row, col, value, f)?,
        None => sheet.write_string_with_format(row, col, value, &top())?,
    };
    Ok(())
}

fn truncate(value: &str) -> &str {
    match value.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &value[..i],
        None => value,
    }
}

/// A fixed creation time, so a rerun writes byte-identical files: the day after the period ends.
fn creation_time(period: Option<Period>) -> Result<ExcelDateTime, XlsxError> {
    let date = period.map(|p| p.next().first_day());
    match date {
        Some(d) => {
            use chrono::Datelike;
            let year = u16::try_from(d.year()).unwrap_or(2000);
            ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
        }
        None => ExcelDateTime::from_ymd(2000, 1, 1),
    }
}

/// Writes one LA's feedback workbook to `path`, with a Profile sheet when given one.
pub fn feedback_workbook(
    schema: &Schema,
    region_name: &str,
    fb: &Feedback<'_>,
    profile: Option<&Profile>,
    path: &Path,
) -> Result<(), ReportError> {
    let fail = |e: XlsxError| ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let created = creation_time(fb.period).map_err(fail)?;
    let props = DocProperties::new()
        .set_title(format!("Kinship benchmarking feedback: {}", fb.la_label()))
        .set_author(format!("{region_name} kinship care benchmarking"))
        .set_creation_datetime(&created);
    book.set_properties(&props);
    let formats = Formats::new(schema.reading.fte_decimals);
    summary_sheet::write(book.add_worksheet(), &formats, fb).map_err(fail)?;
    findings_sheet::write(book.add_worksheet(), &formats, fb).map_err(fail)?;
    values_sheet::write(book.add_worksheet(), &formats, schema, fb).map_err(fail)?;
    if let Some(pr) = profile {
        profile_sheet::write(book.add_worksheet(), &formats, pr).map_err(fail)?;
    }
    book.save(path).map_err(fail)
}
