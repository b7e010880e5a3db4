//! Integration tests, one binary (each file in tests/ would link its own).
mod aggregate;
mod browser;
mod charts;
mod feedback;
mod ingest;
mod pack;
mod rules;
mod run;
mod sample;
mod sample_returns;
mod schema;
mod selfcheck;
mod template;
mod workbook;

/// Validation options for the South East's 19 LAs, with the default limits.
pub fn south_east_options(schema: &kinbench::schema::Schema) -> kinbench::validate::Options {
    kinbench::validate::Options {
        region: schema
            .las
            .region("South East")
            .expect("the South East")
            .into_iter()
            .cloned()
            .collect(),
        region_name: "South East".into(),
        limits: Default::default(),
    }
}
