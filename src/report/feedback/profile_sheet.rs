//! The Profile sheet: the LA's position on every metric, with its strip
//! image, and its own values by quarter.

use rust_xlsxwriter::{Image, Worksheet, XlsxError};

use super::profile::{Own, Profile, ProfileRow};
use crate::report::present::Shown;
use crate::report::xlsx::{text, Formats};
use crate::schema::MetricUnit;

pub const PROFILE_HEADERS: [&str; 6] = [
    "Metric",
    "Your value",
    "Rank",
    "Region",
    "England",
    "Position",
];

const WIDTHS: [f64; 6] = [44.0, 16.0, 12.0, 14.0, 20.0, 46.0];
/// Row height (points) that holds a strip shown at half its pixel size.
const STRIP_ROW: f64 = 48.0;

/// A shown value as a number cell (so the LA can use it), else its symbol or reason.
fn own_cell(
    sheet: &mut Worksheet,
    f: &Formats,
    (row, col): (u32, u16),
    own: &Own,
    unit: MetricUnit,
) -> Result<(), XlsxError> {
    match own {
        Own::Value(Shown::Number { value, decimals }) => {
            sheet.write_number_with_format(row, col, *value, &f.unit(unit, *decimals))?;
            Ok(())
        }
        other => text(sheet, row, col, &other.text(unit), Some(&f.wrap)),
    }
}

pub(super) fn write(sheet: &mut Worksheet, f: &Formats, pr: &Profile) -> Result<(), XlsxError> {
    sheet.set_name("Profile")?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    for (col, w) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    let title = format!(
        "Your position in the {} region: {}, {}",
        pr.region_name, pr.la_name, pr.period
    );
    text(sheet, 0, 0, &title, Some(&f.title))?;
    text(sheet, 1, 0, &pr.mode_note, None)?;
    text(
        sheet,
        2,
        0,
        "Rank: 1st is the largest value among the LAs included. Position: you (large dot) among the other LAs (grey dots).",
        None,
    )?;
    let header_row = 4;
    for (col, h) in PROFILE_HEADERS.iter().enumerate() {
        let h = if *h == "Region" { &pr.region_name } else { *h };
        text(sheet, header_row, col as u16, h, Some(&f.header))?;
    }
    let mut row = header_row;
    for r in &pr.rows {
        row += 1;
        position_row(sheet, f, row, r)?;
    }
    by_quarter(sheet, f, row + 2, pr)
}

/// One metric: the LA's value, rank, the region's and England's figures, and
/// its position strip, in a row tall enough for the strip.
fn position_row(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    r: &ProfileRow,
) -> Result<(), XlsxError> {
    sheet.set_row_height(row, STRIP_ROW)?;
    text(
        sheet,
        row,
        0,
        &format!("{} {}", r.id, r.short),
        Some(&f.wrap),
    )?;
    own_cell(sheet, f, (row, 1), &r.own, r.unit)?;
    text(
        sheet,
        row,
        2,
        r.rank.as_deref().unwrap_or("–"),
        Some(&f.wrap),
    )?;
    text(sheet, row, 3, &r.region, Some(&f.wrap))?;
    text(
        sheet,
        row,
        4,
        r.england.as_deref().unwrap_or("–"),
        Some(&f.wrap),
    )?;
    let image = Image::new_from_buffer(&r.strip_png)?
        .set_scale_width(0.5)
        .set_scale_height(0.5)
        .set_alt_text(format!("{} {}: {}", r.id, r.short, r.own.text(r.unit)));
    sheet.insert_image(row, 5, &image)?;
    Ok(())
}

/// "Your values by quarter": each metric's value in each period shown.
fn by_quarter(
    sheet: &mut Worksheet,
    f: &Formats,
    mut row: u32,
    pr: &Profile,
) -> Result<(), XlsxError> {
    text(sheet, row, 0, "Your values by quarter", Some(&f.bold))?;
    row += 1;
    text(sheet, row, 0, "Metric", Some(&f.header))?;
    for (i, q) in pr.periods.iter().enumerate() {
        text(sheet, row, 1 + i as u16, &q.to_string(), Some(&f.header))?;
    }
    for r in &pr.rows {
        row += 1;
        text(
            sheet,
            row,
            0,
            &format!("{} {}", r.id, r.short),
            Some(&f.wrap),
        )?;
        for (i, own) in r.trend.iter().enumerate() {
            own_cell(sheet, f, (row, 1 + i as u16), own, r.unit)?;
        }
    }
    Ok(())
}
