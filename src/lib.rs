//! kinbench: a region's quarterly kinship care benchmarking.
//!
//! The modules follow the data: [`schema`] (what a return is) → [`ingest`]
//! (file → cells) → [`validate`] (cells → values + findings) → [`aggregate`]
//! (values → metrics) → [`report`] (workbook, charts, feedback), sequenced
//! by [`pipeline`].
//! [`template`] writes the blank return from the schema; [`sample`] writes
//! realistic filled returns for demonstration and tests. [`selfcheck`] writes the
//! offline page in which an LA checks its return with the same reader and rules.
//!
//! Without the default `full` feature only the core builds (schema, ingest,
//! validate, period, file_name, the self-check setup): what the page's
//! WebAssembly module needs, with none of the reporting stack.

#[cfg(feature = "full")]
pub mod aggregate;
pub mod digest;
pub mod file_name;
pub mod findings_csv;
pub mod ingest;
pub mod number_text;
pub mod period;
#[cfg(feature = "full")]
pub mod pipeline;
#[cfg(feature = "full")]
pub mod report;
#[cfg(feature = "full")]
pub mod sample;
pub mod schema;
pub mod selfcheck;
#[cfg(feature = "full")]
pub mod template;
pub mod text_safety;
pub mod validate;
