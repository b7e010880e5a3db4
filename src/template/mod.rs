//! Schema → return files: the pre-filled template an LA fills in, and the
//! lower-level writer the sample generator also uses to write filled returns.

mod content;
mod guidance;
mod live;
mod validation;
mod writer;

use std::path::Path;

use crate::period::Period;
use crate::schema::{La, Schema};

pub use content::{
    default_rows, periods_around, place, rows_in, CellInput, ExtraSheet, Placement, ReturnContent,
    RowSpec, CHECK_COL, CODE_COL, HEADER_VALUE_COL, ITEM_COL, NOTES_COL, VALUE_COL,
};
pub use guidance::{check_column, checks, reading_rules, COLUMNS as GUIDANCE_COLUMNS};
pub use live::{
    checks as live_checks, lay_out, Cond, LiveCheck, LiveSheet, Num, Piece, FORMULA_LIMIT,
};
pub use writer::write_return;

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot write {path}: {message}")]
    Write { path: String, message: String },
}

/// Writes the template for one LA and period to `path` (an `.xlsx`).
pub fn write_template(
    schema: &Schema,
    la: &La,
    period: Period,
    path: &Path,
) -> Result<(), TemplateError> {
    write_return(schema, &ReturnContent::template(schema, la, period), path)
}

/// `886 Kent 2025-26 Q2.xlsx`: the name a return for an LA and period goes by.
pub fn file_name(la: &La, period: Period) -> String {
    format!(
        "{}.xlsx",
        crate::file_name::bounded(&format!("{} {} {}", la.code, la.name, period))
    )
}
