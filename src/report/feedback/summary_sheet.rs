//! The Summary sheet: who, when, which files, the verdict and what happens next.

use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

use super::group::status_words;
use super::Feedback;
use crate::report::xlsx::{text, Formats};
use crate::validate::{ReturnStatus, Severity};

/// Characters of the sha256 shown: enough to tell two files apart by eye.
const SHA_SHORT: usize = 12;

pub(super) fn write(
    sheet: &mut Worksheet,
    f: &Formats,
    fb: &Feedback<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name("Summary")?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 44)?;
    sheet.set_column_width(2, 26)?;
    sheet.set_column_width(3, 16)?;
    sheet.set_column_width(4, 16)?;
    for col in 5..=7 {
        sheet.set_column_width(col, 10)?;
    }
    sheet.write_string_with_format(
        0,
        0,
        "Kinship care benchmarking: validation feedback",
        &f.title,
    )?;
    let mut row = facts(sheet, f, fb)?;
    row = files_table(sheet, f, fb, row + 1)?;
    row += 2;
    sheet.write_string_with_format(row, 0, "What happens next", &f.bold)?;
    sheet.merge_range(row, 1, row, 4, fb.outcome().next_steps(), &f.wrap)?;
    sheet.set_row_height(row, 64)?;
    Ok(())
}

/// Who and when the feedback is about, and the count of findings by severity;
/// returns the last row written.
fn facts(sheet: &mut Worksheet, f: &Formats, fb: &Feedback<'_>) -> Result<u32, XlsxError> {
    let la_name = fb.la.map_or("not identified", |la| la.name.as_str());
    let la_code = fb.la.map_or("", |la| la.code.as_str());
    let period = fb
        .period
        .map_or_else(|| "not identified".to_string(), |p| p.to_string());
    let months = fb.period.map_or_else(String::new, |p| p.months_label());
    let shown = match fb.shown() {
        Some(s) if s.status == ReturnStatus::Used => s.file.clone(),
        Some(s) => format!(
            "{} (could not be used; shown to help you correct it)",
            s.file
        ),
        None => "none: no return could be read".to_string(),
    };
    let pairs: [(&str, &str); 6] = [
        ("Local authority", la_name),
        ("LA code", la_code),
        ("Period", &period),
        ("Months", &months),
        ("Overall status", fb.outcome().as_str()),
        ("Values used from", &shown),
    ];
    let mut row = 2;
    for (label, value) in pairs {
        sheet.write_string_with_format(row, 0, label, &f.bold)?;
        text(sheet, row, 1, value, None)?;
        row += 1;
    }

    row += 1;
    sheet.write_string_with_format(row, 0, "Findings", &f.bold)?;
    row += 1;
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let label = match severity {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Info",
        };
        sheet.write_string_with_format(row, 0, label, &f.severity(severity))?;
        sheet.write_number_with_format(row, 1, fb.count(severity) as f64, &f.integer)?;
        row += 1;
    }
    Ok(row)
}

/// Every file the LA sent for the period, with its status and findings; returns the last row.
fn files_table(
    sheet: &mut Worksheet,
    f: &Formats,
    fb: &Feedback<'_>,
    mut row: u32,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, "Files received", &f.bold)?;
    row += 1;
    let headers = [
        "File",
        "Status",
        "Date completed",
        "SHA-256 (start)",
        "Errors",
        "Warnings",
        "Info",
    ];
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *h, &f.header)?;
    }
    // Column A holds labels above; the file table starts there too so it prints as one block.
    for sub in &fb.submissions {
        row += 1;
        text(sheet, row, 0, &sub.file, Some(&f.wrap))?;
        text(sheet, row, 1, status_words(sub.status), Some(&f.wrap))?;
        if let Some(d) = sub.date_completed {
            use chrono::Datelike;
            let date = u16::try_from(d.year())
                .ok()
                .and_then(|y| ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok());
            match date {
                Some(date) => sheet.write_datetime_with_format(row, 2, &date, &f.date)?,
                None => sheet.write_string_with_format(row, 2, d.to_string(), &f.top)?,
            };
        } else {
            sheet.write_string_with_format(row, 2, "not given", &f.top)?;
        }
        let short: String = sub.sha256.chars().take(SHA_SHORT).collect();
        text(sheet, row, 3, &short, None)?;
        for (i, severity) in [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .enumerate()
        {
            let n = fb
                .findings
                .iter()
                .filter(|x| x.file == sub.file && x.severity == severity)
                .count();
            sheet.write_number_with_format(row, 4 + i as u16, n as f64, &f.integer)?;
        }
    }
    Ok(row)
}
