//! kinbench: a region's quarterly kinship care benchmarking.
//!
//! The modules follow the data: [`schema`] (what a return is) → [`ingest`]
//! (file → cells) → [`validate`] (cells → values + findings) → [`aggregate`]
//! (values → metrics) → [`report`] (workbook, charts, feedback), sequenced
//! by [`pipeline`].
//! [`template`] writes the blank return from the schema; [`sample`] writes
//! realistic filled returns for demonstration and tests.

pub mod aggregate;
pub mod file_name;
pub mod ingest;
pub mod period;
pub mod pipeline;
pub mod report;
pub mod sample;
pub mod schema;
pub mod template;
pub mod text_safety;
pub mod validate;
