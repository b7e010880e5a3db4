//! Integration tests, one binary (each file in tests/ would link its own).
mod aggregate;
mod axe;
mod browser;
mod charts;
mod cli;
mod feedback;
mod ingest;
mod libreoffice;
mod pack;
mod rules;
mod run;
mod sample;
mod sample_returns;
mod schema;
mod selfcheck;
mod template;
mod versions;
mod workbook;

/// `kinbench --schema DIR sample [extra] --from 2025-26 Q1 --to 2025-26 Q2 --out OUT`,
/// which must succeed.
pub fn sample_q1_q2(schema_dir: &std::path::Path, extra: &[&str], out: &std::path::Path) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .arg("--schema")
        .arg(schema_dir)
        .arg("sample")
        .args(extra)
        .args(["--from", "2025-26 Q1", "--to", "2025-26 Q2", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

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
