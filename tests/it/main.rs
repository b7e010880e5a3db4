//! Integration tests, one binary (each file in tests/ would link its own).
mod aggregate;
mod charts;
mod feedback;
mod ingest;
mod pack;
mod rules;
mod run;
mod sample;
mod sample_returns;
mod schema;
mod template;
mod workbook;
