//! The one xlsx writer: a [`ReturnContent`] → the return sheet, the guidance
//! sheet and any extra sheets.

use std::path::Path;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::content::{
    place, CellInput, Placement, ReturnContent, RowSpec, CODE_COL, ITEM_COL, NOTES_COL, VALUE_COL,
};
use super::validation::{header_validation, value_validation, PREFILLED};
use super::{guidance, live, TemplateError};
use crate::schema::{Schema, Unit};

/// Writes `content` as an `.xlsx` at `path`.
pub fn write_return(
    schema: &Schema,
    content: &ReturnContent,
    path: &Path,
) -> Result<(), TemplateError> {
    let wrap = |e: XlsxError| TemplateError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&content.created)).unwrap_or(2000),
        chrono::Datelike::month(&content.created) as u8,
        chrono::Datelike::day(&content.created) as u8,
    )
    .map_err(wrap)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(content.title.as_str())
            .set_creation_datetime(&created),
    );
    return_sheet(schema, content, book.add_worksheet()).map_err(wrap)?;
    guidance::sheet(schema, content.live_checks, book.add_worksheet()).map_err(wrap)?;
    for extra in &content.extra_sheets {
        let ws = book.add_worksheet();
        ws.set_name(extra.name.as_str()).map_err(wrap)?;
        for (i, line) in extra.lines.iter().enumerate() {
            ws.write_string(i as u32, 0, line.as_str()).map_err(wrap)?;
        }
    }
    book.save(path).map_err(wrap)
}

struct Formats {
    title: Format,
    label: Format,
    fixed: Format,
    input: Format,
    input_date: Format,
    table_header: Format,
    section: Format,
    section_note: Format,
    code: Format,
    item_label: Format,
    count: Format,
    fte: Format,
    notes: Format,
}

fn formats() -> Formats {
    let input_fill = Color::RGB(0xFFF9E0);
    let input = Format::new()
        .set_unlocked()
        .set_background_color(input_fill)
        .set_border(FormatBorder::Thin);
    Formats {
        title: Format::new().set_bold().set_font_size(14),
        label: Format::new().set_bold(),
        fixed: Format::new().set_border(FormatBorder::Thin),
        input_date: input.clone().set_num_format("dd/mm/yyyy"),
        count: input.clone().set_num_format("0"),
        fte: input.clone().set_num_format("0.00"),
        notes: input.clone().set_text_wrap(),
        input,
        table_header: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9D9D9))
            .set_border(FormatBorder::Thin),
        section: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7)),
        section_note: Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x595959))
            .set_text_wrap(),
        code: Format::new().set_border(FormatBorder::Thin),
        item_label: Format::new().set_text_wrap().set_border(FormatBorder::Thin),
    }
}

fn return_sheet(
    schema: &Schema,
    content: &ReturnContent,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let f = formats();
    let placement = place(schema, content);
    ws.set_name(placement.sheet.as_str())?;
    // Printed (many officers check a return on paper), one page wide.
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(CODE_COL, 18)?;
    ws.set_column_width(ITEM_COL, 64)?;
    ws.set_column_width(VALUE_COL, 14)?;
    ws.set_column_width(NOTES_COL, 40)?;
    ws.write_string_with_format(0, 0, content.title.as_str(), &f.title)?;
    header_block(schema, content, &placement, ws, &f)?;
    table(schema, content, placement.table_header_row, ws, &f)?;
    if content.live_checks {
        live::write(schema, content, &placement, ws, &f.table_header)?;
    }
    ws.set_freeze_panes(placement.table_header_row + 1, 0)?;
    ws.protect();
    Ok(())
}

/// Each header field's label and value cell, where `placement` puts them.
fn header_block(
    schema: &Schema,
    content: &ReturnContent,
    placement: &Placement,
    ws: &mut Worksheet,
    f: &Formats,
) -> Result<(), XlsxError> {
    for field in &schema.headers {
        let Some(pos) = placement.header.get(&field.key) else {
            continue;
        };
        let (row, col) = (pos.row, pos.col as u16);
        ws.write_string_with_format(row, CODE_COL, field.label.as_str(), &f.label)?;
        let prefilled = PREFILLED.contains(&field.key.as_str());
        let fmt = if prefilled { &f.fixed } else { &f.input };
        let input = content.header.get(&field.key).unwrap_or(&CellInput::Blank);
        put(ws, row, col, input, fmt, &f.input_date)?;
        if let Some(v) = header_validation(field.key.as_str(), &field.label, &field.help, content)?
        {
            ws.add_data_validation(row, col, row, col, &v)?;
        }
    }
    Ok(())
}

/// The item table: its column headings on row `top`, then a row per `content.rows`.
fn table(
    schema: &Schema,
    content: &ReturnContent,
    top: u32,
    ws: &mut Worksheet,
    f: &Formats,
) -> Result<(), XlsxError> {
    let heads = [
        &schema.template.code_column,
        &schema.template.item_column,
        &schema.template.value_column,
        &schema.template.notes_column,
    ];
    for (col, head) in [CODE_COL, ITEM_COL, VALUE_COL, NOTES_COL]
        .into_iter()
        .zip(heads)
    {
        ws.write_string_with_format(top, col, head.as_str(), &f.table_header)?;
    }
    for (i, spec) in content.rows.iter().enumerate() {
        let row = top + 1 + i as u32;
        match spec {
            RowSpec::Section(id) => {
                let Some(section) = schema.section(id) else {
                    continue;
                };
                ws.write_string_with_format(
                    row,
                    ITEM_COL,
                    format!("{}. {}", section.id, section.title),
                    &f.section,
                )?;
                ws.write_string_with_format(
                    row,
                    NOTES_COL,
                    section.note.as_str(),
                    &f.section_note,
                )?;
            }
            RowSpec::Item(code) => item_row(schema, content, ws, f, row, code)?,
            RowSpec::Blank => {}
            RowSpec::Comment(text) => {
                ws.write_string(row, ITEM_COL, text.as_str())?;
            }
        }
    }
    Ok(())
}

fn item_row(
    schema: &Schema,
    content: &ReturnContent,
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    code: &str,
) -> Result<(), XlsxError> {
    let item = schema.item(code);
    ws.write_string_with_format(row, CODE_COL, code, &f.code)?;
    ws.write_string_with_format(
        row,
        ITEM_COL,
        item.map_or("", |i| i.label.as_str()),
        &f.item_label,
    )?;
    let fmt = match item.map(|i| i.unit) {
        Some(Unit::Fte) => &f.fte,
        _ => &f.count,
    };
    put(
        ws,
        row,
        VALUE_COL,
        content.values.get(code).unwrap_or(&CellInput::Blank),
        fmt,
        &f.input_date,
    )?;
    match content.notes.get(code) {
        Some(note) => ws.write_string_with_format(row, NOTES_COL, note.as_str(), &f.notes)?,
        None => ws.write_blank(row, NOTES_COL, &f.notes)?,
    };
    if let Some(item) = item {
        ws.add_data_validation(
            row,
            VALUE_COL,
            row,
            VALUE_COL,
            &value_validation(schema, item)?,
        )?;
    }
    Ok(())
}

/// Writes one cell input; dates get `date_fmt` (the cell's other formatting is lost, as when an LA types a date).
fn put(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    input: &CellInput,
    fmt: &Format,
    date_fmt: &Format,
) -> Result<(), XlsxError> {
    match input {
        CellInput::Blank => ws.write_blank(row, col, fmt)?,
        CellInput::Number(n) => ws.write_number_with_format(row, col, *n, fmt)?,
        CellInput::Text(t) => ws.write_string_with_format(row, col, t.as_str(), fmt)?,
        CellInput::Formula { formula, result } => ws.write_formula_with_format(
            row,
            col,
            Formula::new(formula).set_result(result.as_str()),
            fmt,
        )?,
        CellInput::Date(d) => {
            let year = u16::try_from(chrono::Datelike::year(d)).unwrap_or(1900);
            let dt = ExcelDateTime::from_ymd(
                year,
                chrono::Datelike::month(d) as u8,
                chrono::Datelike::day(d) as u8,
            )?;
            ws.write_datetime_with_format(row, col, &dt, date_fmt)?
        }
    };
    Ok(())
}
