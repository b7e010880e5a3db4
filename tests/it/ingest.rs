//! Tests for the ingest stage: opening files (real ones other programs wrote, and
//! hostile ones), typed cell values, and finding the return on its sheet.

mod build;
mod fixtures;
mod grids;
mod locate;
mod open;
mod table;
mod values;
