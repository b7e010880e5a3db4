//! Finding the return's sheet, header block and item table by their text.

use super::{Book, IngestError, Located};
use crate::schema::Schema;

/// Picks sheet `Return` (trimmed, case-insensitive), else the first visible sheet
/// with the `Code … Value` header row in its first `header_search_rows` rows.
pub fn locate(book: &Book, schema: &Schema) -> Result<Located, IngestError> {
    let _ = (book, schema);
    todo!("ingest helper")
}
