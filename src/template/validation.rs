//! Excel data validation for the return sheet's input cells: input messages
//! from the schema, and the limits Excel puts on their texts.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, XlsxError,
};

use super::content::ReturnContent;
use crate::schema::{Item, Schema, Unit};

/// Header fields the analyst fills and the LA leaves alone (locked cells).
/// They are the return's identity, pre-filled when the analyst generates the
/// template for one LA: the LA code decides which LA the return is filed
/// under, so an edited code would misfile it (and a changed version would
/// misread it). Locking them keeps the identity as generated.
/// The Period stays editable: its drop-down is how an LA corrects a wrong quarter.
pub(super) const PREFILLED: [&str; 3] = ["la_name", "la_code", "template_version"];

/// Excel's limits on data-validation texts (UTF-16 units).
const TITLE_LIMIT: usize = 32;
const MESSAGE_LIMIT: usize = 255;

pub(super) fn value_validation(schema: &Schema, item: &Item) -> Result<DataValidation, XlsxError> {
    let unit = schema.units.get(item.unit.key());
    let unit_label = unit.map_or(item.unit.key(), |u| u.label.as_str());
    let unit_text = unit.map_or("", |u| u.description.as_str());
    let rule = match item.unit {
        Unit::Count => {
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        }
        Unit::Fte => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
    };
    rule.set_input_title(fit(&format!("{}: {}", item.code, unit_label), TITLE_LIMIT))?
        .set_input_message(fit(&item.definition, MESSAGE_LIMIT))?
        .set_error_title(fit(&format!("{} needs a {}", item.code, unit_label), TITLE_LIMIT))?
        .set_error_message(fit(
            &format!("{unit_text} Leave the cell blank if you do not have the figure; type c only to withhold it."),
            MESSAGE_LIMIT,
        ))
        // A warning rather than a stop, so `c` (withheld) can still be typed.
        .map(|v| v.set_error_style(DataValidationErrorStyle::Warning))
}

pub(super) fn header_validation(
    key: &str,
    label: &str,
    help: &str,
    content: &ReturnContent,
) -> Result<Option<DataValidation>, XlsxError> {
    let v = match key {
        "period" => {
            let choices: Vec<String> = content
                .period_choices
                .iter()
                .map(|p| p.to_string())
                .collect();
            DataValidation::new().allow_list_strings(&choices)?
        }
        "date_completed" => {
            let from = content
                .period_choices
                .first()
                .map_or(content.created, |p| p.first_day());
            let year = u16::try_from(chrono::Datelike::year(&from)).unwrap_or(2000);
            let from = ExcelDateTime::from_ymd(year, chrono::Datelike::month(&from) as u8, 1)?;
            DataValidation::new()
                .allow_date(DataValidationRule::GreaterThanOrEqualTo(from))
                .set_error_title(fit(&format!("{label}: a date"), TITLE_LIMIT))?
                .set_error_message(fit(
                    "Type the date as a date, for example 14/10/2025.",
                    MESSAGE_LIMIT,
                ))?
        }
        k if PREFILLED.contains(&k) => return Ok(None),
        _ => DataValidation::new().allow_any_value(),
    };
    Ok(Some(
        v.set_input_title(fit(label, TITLE_LIMIT))?
            .set_input_message(fit(help, MESSAGE_LIMIT))?,
    ))
}

/// `text` cut to `limit` UTF-16 units, ending in `…` when cut.
pub(crate) fn fit(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 1; // the ellipsis
    for c in text.chars() {
        used += c.len_utf16();
        if used > limit {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
