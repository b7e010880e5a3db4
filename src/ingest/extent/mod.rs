//! How big a grid calamine would build, worked out before it builds it.
//!
//! calamine reads `.xls` and `.ods` into dense grids (every cell from the first used
//! one to the last), and does so while the workbook is opened, before kinbench can
//! count anything. A small file can therefore ask for an enormous grid: two cells at
//! `A1` and `IV65536` in an `.xls`, or one filled cell repeated 16,384 columns by a
//! million rows in an `.ods`. These scans read the file's own layout (BIFF records;
//! `content.xml` tags) with small, bounded state, and refuse the file with
//! [`IngestError::TooLarge`] when the grids calamine would allocate hold more than
//! [`Limits::max_grid_cells`] cells. They over-estimate rather than under-estimate: a cell
//! that calamine might count is counted.
//!
//! `ods` scans `content.xml` (with `xml_attrs` reading its tags); `cfb` reads
//! the `.xls` compound file's workbook stream; `xls` sizes its BIFF records.

mod cfb;
mod ods;
mod ods_table;
mod xls;
mod xml_attrs;

pub(crate) use ods::check_ods;
pub(crate) use xls::check_xls;

use super::{IngestError, Limits};

fn too_many(cells: u64, limits: &Limits) -> IngestError {
    IngestError::TooLarge(format!(
        "its sheets span {cells} cells from the first used cell to the last, more than the limit of {}",
        limits.max_grid_cells
    ))
}

fn check_total(cells: u64, limits: &Limits) -> Result<(), IngestError> {
    if cells > limits.max_grid_cells as u64 {
        Err(too_many(cells, limits))
    } else {
        Ok(())
    }
}

fn check_text(bytes: u64, limits: &Limits) -> Result<(), IngestError> {
    if bytes > limits.max_text_bytes as u64 {
        Err(IngestError::TooLarge(format!(
            "its cells hold {bytes} bytes of text with every repeated or shared copy counted, more than the limit of {}",
            limits.max_text_bytes
        )))
    } else {
        Ok(())
    }
}
