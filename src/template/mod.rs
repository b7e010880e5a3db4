//! Schema → blank return: the pre-filled template an LA fills in.

use std::path::Path;

use crate::period::Period;
use crate::schema::{La, Schema};

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
    let _ = (schema, la, period, path);
    todo!("template helper")
}
