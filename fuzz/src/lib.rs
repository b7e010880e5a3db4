//! The reading stages of kinbench (schema → ingest → validate, and periods),
//! compiled from the crate's own sources without the report stage, so the fuzz
//! targets build without polars, plotters and rust_xlsxwriter. The modules only
//! name each other (`crate::ingest`, `crate::schema`, ...), so they compile here
//! unchanged.

#[path = "../../src/ingest/mod.rs"]
pub mod ingest;
#[path = "../../src/period.rs"]
pub mod period;
#[path = "../../src/schema/mod.rs"]
pub mod schema;
#[path = "../../src/validate/mod.rs"]
pub mod validate;
