//! The run the pack tests share: sample_returns/ validated and aggregated once.

use std::path::Path;
use std::sync::OnceLock;

use kinbench::aggregate::{self, Benchmark};
use kinbench::period::Period;
use kinbench::report::{Presenter, RunContext, RunInfo};
use kinbench::schema::{La, Schema};
use kinbench::validate::{validate_folder, Options, Validation};

pub struct Run {
    pub schema: Schema,
    pub validation: Validation,
    pub benchmark: Benchmark,
    pub info: RunInfo,
}

pub fn period() -> Period {
    Period::parse("2025-26 Q2").unwrap().0
}

pub fn region(schema: &Schema) -> Vec<La> {
    schema
        .las
        .region("South East")
        .unwrap()
        .into_iter()
        .cloned()
        .collect()
}

/// Validated and aggregated once for every test: reading the 77 files is the slow part.
pub fn sample() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let schema = Schema::bundled().unwrap();
        let options = Options {
            region: region(&schema),
            region_name: "South East".into(),
            limits: Default::default(),
        };
        let validation = validate_folder(&schema, Path::new("sample_returns"), &options).unwrap();
        let benchmark = aggregate::benchmark(&schema, &validation, period()).unwrap();
        let info = RunInfo {
            tool: RunInfo::tool_name(),
            schema_origin: schema.origin.clone(),
            region_name: "South East".into(),
            period: Some(period()),
            as_of: RunInfo::as_of(&validation, Some(period())),
            mail: Default::default(),
        };
        Run {
            schema,
            validation,
            benchmark,
            info,
        }
    })
}

impl Run {
    pub fn ctx<'a>(&'a self, presenter: &'a Presenter) -> RunContext<'a> {
        RunContext {
            schema: &self.schema,
            validation: &self.validation,
            benchmark: Some(&self.benchmark),
            presenter,
            info: &self.info,
            ticks: Default::default(),
        }
    }
}

/// The pack of the sample run written into a fresh folder.
pub fn write_sample_pack(presenter: &Presenter) -> tempfile::TempDir {
    let run = sample();
    let dir = tempfile::tempdir().unwrap();
    kinbench::report::pack::write_pack(&run.ctx(presenter), &run.benchmark, dir.path()).unwrap();
    dir
}
