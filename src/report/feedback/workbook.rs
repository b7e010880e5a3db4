//! The feedback workbook: Summary, Findings and Values used sheets.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, XlsxError};

use super::profile::Profile;
use super::{findings_sheet, profile_sheet, summary_sheet, values_sheet, Feedback};
use crate::period::Period;
use crate::report::xlsx::{self, Formats};
use crate::report::ReportError;
use crate::schema::Schema;

/// A fixed creation time, so a rerun writes byte-identical files: the day after the period ends.
fn creation_time(period: Option<Period>) -> Result<ExcelDateTime, XlsxError> {
    match period {
        Some(p) => xlsx::creation_time(p.next().first_day()),
        None => ExcelDateTime::from_ymd(2000, 1, 1),
    }
}

/// One LA's feedback workbook, with a Profile sheet when given one, as the
/// bytes of the file to be written at `path` (named in errors); its `.eml`
/// draft attaches the same bytes.
pub fn feedback_workbook(
    schema: &Schema,
    region_name: &str,
    fb: &Feedback<'_>,
    profile: Option<&Profile>,
    path: &Path,
) -> Result<Vec<u8>, ReportError> {
    let fail = |e: XlsxError| ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = xlsx::workbook(xlsx::Deflate::Fast);
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
    book.save_to_buffer().map_err(fail)
}
