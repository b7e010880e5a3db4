//! The `kinbench` command line: exit codes and messages.

use std::process::{Command, Output};

use kinbench::validate::rules::RULES;

fn kinbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn rules_prints_the_catalogue_as_docs_rules_md_has_it() {
    let o = kinbench(&["rules", "--markdown"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), kinbench::validate::rules::markdown());
    let plain = stdout(&kinbench(&["rules"]));
    assert_eq!(plain, kinbench::validate::rules::table());
    for rule in RULES {
        assert!(plain.contains(rule.code.as_str()), "{} missing", rule.code);
    }
}

#[test]
fn schema_checks_the_bundled_schema() {
    let o = kinbench(&["schema"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let schema = kinbench::schema::Schema::bundled().unwrap();
    let out = stdout(&o);
    assert!(
        out.contains(&format!("  items      {:>4}\n", schema.items.len())),
        "{out}"
    );
    assert!(
        out.contains(&format!("  metrics    {:>4}\n", schema.metrics.len())),
        "{out}"
    );
}

#[test]
fn schema_reports_a_broken_schema_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let o = kinbench(&["--schema", tmp.path().to_str().unwrap(), "schema"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("kinbench: schema '"), "{err}");
    assert!(err.contains("return.toml: cannot read"), "{err}");
}

#[test]
fn validate_on_a_missing_folder_exits_1_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("x");
    let out = tmp.path().join("out");
    let o = kinbench(&[
        "validate",
        missing.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "kinbench: cannot read returns folder '{}': No such file or directory\n",
            missing.display()
        )
    );
    assert!(!out.exists());
}

#[test]
fn an_unknown_region_is_a_usage_error_listing_the_regions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = kinbench(&[
        "validate",
        tmp.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--region",
        "Atlantis",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("kinbench: unknown region 'Atlantis'; regions are: East Midlands, "),
        "{err}"
    );
    assert!(
        err.contains("South East") && err.contains("Yorkshire and The Humber"),
        "{err}"
    );
}

#[test]
fn validate_refuses_an_existing_output_folder_and_output_inside_the_returns() {
    let tmp = tempfile::tempdir().unwrap();
    let returns = tmp.path().join("returns");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&returns).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "x").unwrap();
    let o = kinbench(&[
        "validate",
        returns.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("already exists; use --force to replace it"),
        "{}",
        stderr(&o)
    );
    assert!(out.join("keep.txt").exists());

    let inside = returns.join("out");
    let o = kinbench(&[
        "validate",
        returns.to_str().unwrap(),
        "--out",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is inside the returns folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(
        kinbench(&["template", "--period", "Q9 2025", "--la", "886", "--out", "x"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kinbench(&["template", "--period", "2025-26 Q2", "--out", "x"])
            .status
            .code(),
        Some(2)
    );
    let o = kinbench(&[
        "template",
        "--period",
        "Q2 2025-26",
        "--la",
        "999",
        "--out",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown LA code '999'"));
    assert_eq!(
        kinbench(&[
            "sample",
            "--out",
            "x",
            "--from",
            "2025-26 Q2",
            "--to",
            "2024-25 Q1"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(kinbench(&["frobnicate"]).status.code(), Some(2));
}

/// `kinbench template` names each file as the library's `template::file_name` does.
#[test]
fn template_names_its_files_as_the_library_does() {
    let schema = kinbench::schema::Schema::bundled().unwrap();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("templates");
    let o = kinbench(&[
        "template",
        "--region",
        "South East",
        "--period",
        "Q2 2025-26",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let period = kinbench::period::Period::new(2025, 2).unwrap();
    let mut want: Vec<String> = schema
        .las
        .region("South East")
        .unwrap()
        .into_iter()
        .map(|la| kinbench::template::file_name(la, period))
        .collect();
    // The self-check page goes with the templates.
    want.push("selfcheck.html".to_string());
    want.sort();
    let mut got: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    got.sort();
    assert_eq!(got, want);
    assert!(got.contains(&"886 Kent 2025-26 Q2.xlsx".to_string()));
}

/// `kinbench sample` counts the returns it wrote, not the manifest beside them.
#[test]
fn sample_reports_the_returns_it_wrote() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("s");
    let o = kinbench(&["sample", "--faults", "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("Wrote 76 sample returns"), "{stdout}");
    let returns = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "xlsx")
        })
        .count();
    assert_eq!(returns, 76);
    assert!(dir.join("manifest.csv").exists());
}
