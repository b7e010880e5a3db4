//! Template versions side by side: a schema with versions 1 and 2 (A05 added
//! with a relation and a metric on it, A04 removed, C02 renamed C05), returns
//! of both versions in one folder through `run`, and the release note
//! `kinbench schema` prints.

use std::collections::BTreeMap;
use std::path::Path;

use kinbench::aggregate::{Benchmark, ExclusionReason, MetricResult};
use kinbench::period::Period;
use kinbench::pipeline::{self, RunOptions};
use kinbench::schema::{La, Schema, FILES};
use kinbench::template::{file_name, write_return, CellInput, ReturnContent, RowSpec};
use kinbench::validate::{Options, Severity, Submission, Validation};

/// The project's schema/ made into two versions (see the module note), in a temp dir.
pub fn two_versions() -> (tempfile::TempDir, Schema) {
    let dir = tempfile::tempdir().unwrap();
    for name in FILES {
        let text = std::fs::read_to_string(Path::new("schema").join(name)).unwrap();
        let text = match name {
            "return.toml" => return_v2(text),
            "metrics.toml" => metrics_v2(text),
            _ => text,
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let schema = Schema::load(dir.path()).expect("the two-version schema loads");
    (dir, schema)
}

fn replace_once(text: String, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replace(from, to)
}

fn return_v2(t: String) -> String {
    let t = replace_once(
        t,
        "version = 1\nknown_versions = [1]\n",
        "version = 2\nknown_versions = [1, 2]\n",
    );
    let t = replace_once(
        t,
        "checks_label = \"Checks\"\n",
        "checks_label = \"Checks\"\n\n[[template.versions]]\nversion = 1\nfrom = \"2025-26 Q1\"\n\
         [[template.versions]]\nversion = 2\nfrom = \"2025-26 Q3\"\n",
    );
    let t = replace_once(t, "code = \"A04\"\n", "code = \"A04\"\nuntil = 1\n");
    let t = replace_once(
        t,
        "[[item]]\ncode = \"B01\"",
        "[[item]]\ncode = \"A05\"\nsection = \"A\"\nsince = 2\n\
         label = \"of A03, placed with a brother or sister\"\nunit = \"count\"\n\
         definition = \"Of A03, children placed with at least one brother or sister.\"\n\n\
         [[item]]\ncode = \"B01\"",
    );
    let t = replace_once(t, "code = \"C02\"\n", "code = \"C02\"\nuntil = 1\n");
    let t = replace_once(
        t,
        "[[item]]\ncode = \"C03\"",
        "[[item]]\ncode = \"C05\"\nsection = \"C\"\nsince = 2\nrenamed_from = \"C02\"\n\
         label = \"of which positive (recommended to progress)\"\nunit = \"count\"\n\
         definition = \"Of C01, assessments that recommended the person be assessed further.\"\n\n\
         [[item]]\ncode = \"C03\"",
    );
    t + "\n[[relation]]\nrule = \"A05 <= A03\"\n"
}

fn metrics_v2(t: String) -> String {
    let t = replace_once(t, "numerator = [\"C02\"]", "numerator = [\"C05\"]");
    t + "\n[[metric]]\nid = \"M12\"\ntitle = \"Share of kinship foster children placed with a sibling\"\n\
         short = \"Placed with a sibling\"\nnumerator = [\"A05\"]\ndenominator = [\"A03\"]\n\
         unit = \"percent\"\nchart = \"bar\"\n"
}

fn q(quarter: u8) -> Period {
    Period::new(2025, quarter).unwrap()
}

/// Writes one return of template `version` with `values` (other items blank).
#[allow(clippy::too_many_arguments)]
fn write(
    s: &Schema,
    dir: &Path,
    la: &La,
    quarter: u8,
    version: u32,
    values: &[(&str, f64)],
    edit: impl Fn(&mut ReturnContent),
) {
    let period = q(quarter);
    let mut c = ReturnContent::template_in(s, version, la, period);
    let completed = period.last_day() + chrono::Days::new(14);
    c.header
        .insert("date_completed".into(), CellInput::Date(completed));
    for (code, x) in values {
        c.values.insert(code.to_string(), CellInput::Number(*x));
    }
    edit(&mut c);
    write_return(s, &c, &dir.join(file_name(la, period))).unwrap();
}

/// The items every return gives, whatever its version; A03 and the C pair vary.
fn common(a01: f64, a02: f64, a03: f64, c01: f64) -> Vec<(&'static str, f64)> {
    vec![
        ("A01", a01),
        ("A02", a02),
        ("A03", a03),
        ("C01", c01),
        ("D01", 3.0),
        ("D02", 3.0),
        ("E01", 6.0),
    ]
}

fn with(mut v: Vec<(&'static str, f64)>, more: &[(&'static str, f64)]) -> Vec<(&'static str, f64)> {
    v.extend_from_slice(more);
    v
}

/// Kent and Medway, 2025-26 Q1 to Q4: version 1 for Q1 and Q2, version 2 after.
fn write_returns(s: &Schema, dir: &Path) -> (La, La) {
    let kent = s.las.by_code("886").unwrap().clone();
    let medway = s.las.by_code("887").unwrap().clone();
    let none = |_: &mut ReturnContent| {};
    let k = |a03, c| common(100.0, 50.0, a03, c);
    let m = |a03, c| common(200.0, 100.0, a03, c);
    write(
        s,
        dir,
        &kent,
        1,
        1,
        &with(k(20.0, 10.0), &[("A04", 5.0), ("C02", 4.0)]),
        none,
    );
    // Kent's Q2 return has an A05 row of its own: a version-2 item in a version-1 return.
    let a05_row = |c: &mut ReturnContent| {
        let at = c
            .rows
            .iter()
            .position(|r| r == &RowSpec::Item("A04".into()))
            .unwrap();
        c.rows.insert(at + 1, RowSpec::Item("A05".into()));
    };
    write(
        s,
        dir,
        &kent,
        2,
        1,
        &with(k(25.0, 10.0), &[("A04", 5.0), ("C02", 5.0), ("A05", 9.0)]),
        a05_row,
    );
    write(
        s,
        dir,
        &kent,
        3,
        2,
        &with(k(20.0, 10.0), &[("A05", 10.0), ("C05", 6.0)]),
        none,
    );
    write(
        s,
        dir,
        &kent,
        4,
        2,
        &with(k(25.0, 10.0), &[("A05", 5.0), ("C05", 5.0)]),
        none,
    );
    // Medway's Q1 breaks the version-1 relation A04 <= A03.
    write(
        s,
        dir,
        &medway,
        1,
        1,
        &with(m(40.0, 20.0), &[("A04", 45.0), ("C02", 10.0)]),
        none,
    );
    write(
        s,
        dir,
        &medway,
        2,
        1,
        &with(m(40.0, 20.0), &[("A04", 30.0), ("C02", 8.0)]),
        none,
    );
    // Medway's Q3 leaves the version blank: read as the version in use for Q3.
    let blank_version = |c: &mut ReturnContent| {
        c.header.remove("template_version");
    };
    write(
        s,
        dir,
        &medway,
        3,
        2,
        &with(m(50.0, 20.0), &[("A05", 40.0), ("C05", 10.0)]),
        blank_version,
    );
    // Medway's Q4 breaks the new relation A05 <= A03 (and so M12's pair).
    write(
        s,
        dir,
        &medway,
        4,
        2,
        &with(m(40.0, 20.0), &[("A05", 45.0), ("C05", 10.0)]),
        none,
    );
    (kent, medway)
}

fn sub<'a>(v: &'a Validation, la: &str, quarter: u8) -> &'a Submission {
    v.used(la, q(quarter))
        .unwrap_or_else(|| panic!("{la} Q{quarter}"))
}

fn rules(s: &Submission) -> Vec<&'static str> {
    let mut r: Vec<_> = s.findings.iter().map(|f| f.rule.as_str()).collect();
    r.sort();
    r
}

/// The pooled figure and the figures of Kent and Medway, per quarter.
fn pooled(m: &MetricResult) -> Vec<Option<f64>> {
    m.periods.iter().map(|p| p.region.pooled).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn run_both(dir: &Path, s: &Schema) -> (La, La, Validation, Benchmark, std::path::PathBuf) {
    let returns = dir.join("returns");
    std::fs::create_dir_all(&returns).unwrap();
    let (kent, medway) = write_returns(s, &returns);
    let options = Options {
        region: vec![kent.clone(), medway.clone()],
        region_name: "Kent and Medway".into(),
        limits: Default::default(),
    };
    let out = dir.join("out");
    let prepared = pipeline::run(
        s,
        &returns,
        &out,
        &options,
        &RunOptions::default(),
        &pipeline::quiet,
    )
    .unwrap()
    .prepared;
    (
        kent,
        medway,
        prepared.validation,
        prepared.benchmark,
        out.join("2025-26_Q4"),
    )
}

#[test]
fn returns_of_two_versions_run_together() {
    let (_schema_dir, s) = two_versions();
    let work = tempfile::tempdir().unwrap();
    let (_, _, v, b, _) = run_both(work.path(), &s);

    // Each return is read against its own version: no row-missing finding on
    // the old returns for A05, nor on the new ones for A04 or C02.
    assert!(
        !v.findings.iter().any(|f| f.rule == "VAL014"),
        "{:#?}",
        v.findings
    );
    assert_eq!(sub(&v, "886", 1).template_version, Some(1));
    assert_eq!(rules(sub(&v, "886", 1)), Vec::<&str>::new());
    assert_eq!(rules(sub(&v, "886", 3)), Vec::<&str>::new());
    assert_eq!(rules(sub(&v, "886", 4)), Vec::<&str>::new());
    assert_eq!(rules(sub(&v, "887", 2)), Vec::<&str>::new());

    // A version-2 item in a version-1 return is read and flagged, not lost.
    let k2 = sub(&v, "886", 2);
    assert_eq!(k2.template_version, Some(1));
    assert_eq!(rules(k2), ["VAL016"]);
    let f = &k2.findings[0];
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.items, ["A05"]);
    assert_eq!(f.value.as_deref(), Some("9"));
    assert_eq!(k2.values["A05"].cell, f.cell);
    assert_eq!(
        f.message,
        "A05 (of A03, placed with a brother or sister) is not an item of template version 1, \
         which this return was read as, so its value \"9\" was read and kept but not used in \
         the regional figures."
    );
    assert_eq!(k2.usable("A05"), Some(9.0));

    // The version-1 relation applies to version-1 returns ...
    let m1 = sub(&v, "887", 1);
    assert_eq!(rules(m1), ["SUM002"]);
    assert_eq!(m1.findings[0].items, ["A04", "A03"]);
    // ... the blank version is read as the one in use for the period ...
    let m3 = sub(&v, "887", 3);
    assert_eq!((rules(m3), m3.template_version), (vec!["FILE015"], Some(2)));
    assert_eq!(
        m3.findings[0].message,
        "The Template version is blank, so the return was read as version 2, the version in use \
         for its period."
    );
    // ... and the new relation and metric to version-2 returns.
    let m4 = sub(&v, "887", 4);
    assert_eq!(rules(m4), ["PAIR003", "SUM002"]);
    let sum = m4.findings.iter().find(|f| f.rule == "SUM002").unwrap();
    assert_eq!(sum.items, ["A05", "A03"]);

    // M12 (A05 / A03) only for version-2 returns.
    let m12 = b.metric("M12").unwrap();
    for p in &m12.periods[..2] {
        for la in &p.las {
            let e = la.excluded.as_ref().unwrap();
            assert_eq!(
                (e.reason, e.detail.as_str()),
                (
                    ExclusionReason::NotInVersion,
                    "A05 not in template version 1"
                )
            );
        }
        assert_eq!(p.region.pooled, None);
    }
    let q3 = &m12.periods[2];
    let values: Vec<Option<f64>> = q3.las.iter().map(|l| l.value).collect();
    assert_eq!(values, [Some(50.0), Some(80.0)]);
    assert!(close(q3.region.pooled, 50.0 / 70.0 * 100.0));
    let q4 = &m12.periods[3];
    assert_eq!(q4.las[0].value, Some(20.0));
    assert_eq!(
        q4.las[1].excluded.as_ref().map(|e| e.reason),
        Some(ExclusionReason::PairInvalid)
    );
    assert_eq!(q4.region.pooled, Some(20.0));
    // No rolling year for M12: Q1 and Q2 did not ask for it.
    assert_eq!(m12.rolling_year, vec![]);

    // Unchanged M04 (A03 / A01) and renamed M07 (C02, then C05, / C01) run on
    // across the change, and their rolling year spans both versions.
    let m04 = b.metric("M04").unwrap();
    let want = [60.0 / 300.0, 65.0 / 300.0, 70.0 / 300.0, 65.0 / 300.0];
    for (got, want) in pooled(m04).into_iter().zip(want) {
        assert!(close(got, want * 100.0), "{got:?} {want}");
    }
    let y = &m04.rolling_year[0];
    assert_eq!((y.first, y.last), (q(1), q(4)));
    assert_eq!(
        (y.numerator, y.denominator, y.la_quarters),
        (260.0, 1200.0, 8)
    );
    let m07 = b.metric("M07").unwrap();
    assert_eq!(m07.numerator, ["C05"]);
    let want = [14.0 / 30.0, 13.0 / 30.0, 16.0 / 30.0, 15.0 / 30.0];
    for (got, want) in pooled(m07).into_iter().zip(want) {
        assert!(close(got, want * 100.0), "{got:?} {want}");
    }
    let kent_m07: Vec<Option<f64>> = m07.periods.iter().map(|p| p.las[0].value).collect();
    assert_eq!(kent_m07, [Some(40.0), Some(50.0), Some(60.0), Some(50.0)]);
    let y = &m07.rolling_year[0];
    assert_eq!((y.numerator, y.denominator), (58.0, 120.0));
    // England's figure for M04 is as with the bundled schema.
    let bundled = Schema::bundled().unwrap();
    let england = bundled
        .comparators
        .for_period("kinship_share_of_cla", q(4))
        .unwrap();
    let shown = m04.periods[3].england.as_ref().unwrap();
    assert_eq!(
        (shown.value, shown.year_ending),
        (england.value, england.year_ending)
    );

    // Coverage: M12 and A05 were not asked of the version-1 returns, A04 not
    // of the version-2 ones; C05 carries C02's values.
    let cov = |list: &[kinbench::aggregate::Covered], code: &str, quarter: u8| {
        list.iter()
            .find(|c| c.code == code && c.period == q(quarter))
            .cloned()
            .unwrap_or_else(|| panic!("{code} Q{quarter}"))
    };
    let c = cov(&b.coverage.metrics, "M12", 1);
    assert_eq!((c.usable, c.received, c.not_in_version), (0, 2, 2));
    assert_eq!(c.versions_without, [1]);
    let c = cov(&b.coverage.items, "A05", 2);
    assert_eq!(
        (c.usable, c.not_in_version, c.versions_without),
        (0, 2, vec![1])
    );
    let c = cov(&b.coverage.items, "A04", 3);
    assert_eq!(
        (c.usable, c.not_in_version, c.versions_without),
        (0, 2, vec![2])
    );
    let c = cov(&b.coverage.items, "C05", 1);
    assert_eq!((c.usable, c.not_in_version), (2, 0));
    assert!(!b.coverage.items.iter().any(|c| c.code == "C02"));
}

/// The workbook and the metrics export word a metric not asked of a return.
#[test]
fn outputs_say_not_in_template_version() {
    use calamine::{open_workbook, Reader, Xlsx};

    let (_schema_dir, s) = two_versions();
    let work = tempfile::tempdir().unwrap();
    let (_, _, _, _, folder) = run_both(work.path(), &s);

    let rows = crate::run::csv_maps(&folder.join("data").join("metrics.csv"));
    let m12_q1: BTreeMap<String, String> = rows
        .into_iter()
        .find(|r| r["metric_id"] == "M12" && r["period"] == "2025-26 Q1" && r["la_code"] == "886")
        .expect("M12 Kent Q1");
    assert_eq!(m12_q1["excluded_reason"], "not in version");
    assert_eq!(m12_q1["excluded_detail"], "A05 not in template version 1");

    let book_path = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(book_path).unwrap();
    let sheet = book.worksheet_range("Coverage").unwrap();
    let row_of = |code: &str| {
        sheet
            .rows()
            .find(|r| r.first().is_some_and(|c| *c == code) && r.len() > 5)
            .map(|r| r[5].to_string())
            .unwrap_or_else(|| panic!("{code}"))
    };
    assert_eq!(row_of("A04"), "not in template version 2 (2 returns)");
    assert_eq!(row_of("A05"), "");
}

#[test]
fn kinbench_schema_prints_what_changed_between_versions() {
    let (dir, _) = two_versions();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .arg("--schema")
        .arg(dir.path())
        .arg("schema")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let origin = format!("Schema: {} (template version 2)\n", dir.path().display());
    assert_eq!(
        text.strip_prefix(&origin).unwrap_or(&text),
        "  sections      7
  items        34
  relations    10
  metrics      12
  LAs         153 in 9 regions
  version 1: 32 items, 9 relations, 11 metrics
  version 2: 32 items, 9 relations, 12 metrics

Template version 2, in use from 2025-26 Q3: changes from version 1
  items added:
    A05: of A03, placed with a brother or sister
  items removed:
    A04: of A03, carer on temporary approval (Reg 24/25)
  items renamed:
    C02 is now C05: of which positive (recommended to progress)
  relations added:
    A05 <= A03
  relations removed:
    A04 <= A03
  metrics added:
    M12: Share of kinship foster children placed with a sibling
"
    );
}

/// The two-version schema with one more edit, loaded.
fn two_versions_with(file: &str, edit: impl Fn(String) -> String) -> Result<Schema, String> {
    let (dir, _) = two_versions();
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    Schema::load(dir.path()).map_err(|e| e.to_string())
}

#[test]
fn version_mistakes_fail_with_the_file_and_entry() {
    type Edit = Box<dyn Fn(String) -> String>;
    let relation = |rule: &'static str, extra: &'static str| -> Edit {
        Box::new(move |t: String| {
            t.replace(
                "rule = \"A05 <= A03\"\n",
                &format!("rule = \"{rule}\"\n{extra}"),
            )
        })
    };
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "return.toml",
            Box::new(|t: String| {
                t.replace(
                    "version = 2\nknown_versions = [1, 2]",
                    "version = 3\nknown_versions = [1, 3]",
                )
            }),
            "return.toml: known_versions [1, 3] must count 1, 2, 3 … with no gap \
             (version 3 is where it breaks)",
        ),
        (
            "return.toml",
            Box::new(|t: String| {
                t.replace(
                    "code = \"A05\"\nsection = \"A\"\nsince = 2",
                    "code = \"A05\"\nsection = \"A\"\nsince = 4",
                )
            }),
            "return.toml: item A05 names template version 4, not in known_versions [1, 2]",
        ),
        (
            "return.toml",
            Box::new(|t: String| {
                t.replace(
                    "code = \"A05\"\nsection = \"A\"\nsince = 2",
                    "code = \"A05\"\nsection = \"A\"\nsince = 2\nuntil = 1",
                )
            }),
            "return.toml: item A05 has until = 1 before since = 2",
        ),
        (
            "return.toml",
            Box::new(|t: String| {
                t.replace(
                    "version = 2\nfrom = \"2025-26 Q3\"",
                    "version = 3\nfrom = \"2025-26 Q3\"",
                )
            }),
            "return.toml: [[template.versions]] version 3 (from 2025-26 Q3) is not in \
             known_versions [1, 2]",
        ),
        (
            "return.toml",
            Box::new(|t: String| {
                t.replace(
                    "code = \"C02\"\nuntil = 1\n",
                    "code = \"C02\"\nuntil = 1\nrenamed_from = \"C05\"\n",
                )
            }),
            "return.toml: item C02: renamed_from goes round in a cycle: C02 → C05 → C02",
        ),
        (
            "return.toml",
            Box::new(|t: String| t.replace("code = \"C02\"\nuntil = 1\n", "code = \"C02\"\n")),
            "return.toml: item C05 is renamed_from C02 since version 2, so C02 needs until = 1 \
             (the version before)",
        ),
        (
            "return.toml",
            relation("A05 <= A03", "until = 3\n"),
            "return.toml: relation 10 `A05 <= A03` names template version 3, not in \
             known_versions [1, 2]",
        ),
        (
            "return.toml",
            relation("A05 <= A04", ""),
            "return.toml: relation 10 `A05 <= A04` applies in no template version: none of its \
             versions has all its items",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| {
                t.replace(
                    "denominator = [\"A03\"]\nunit = \"percent\"\nchart = \"bar\"\n",
                    "denominator = [\"A04\"]\nunit = \"percent\"\nchart = \"bar\"\n",
                )
            }),
            "metrics.toml: metric M12 can be worked out in no template version: none has all \
             of A05, A04",
        ),
        (
            "metrics.toml",
            Box::new(|t: String| t.replace("numerator = [\"C05\"]", "numerator = [\"C02\"]")),
            "metrics.toml: metric M07 names C02, which was renamed to C05: name it C05",
        ),
    ];
    for (file, edit, expected) in cases {
        let err = two_versions_with(file, edit)
            .err()
            .unwrap_or_else(|| panic!("expected an error containing {expected:?}"));
        assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    }
}

/// `kinbench template` writes the current version only: its items, its
/// number, and guidance on its relations.
#[test]
fn the_template_is_the_current_version() {
    use kinbench::template::{checks, default_rows};

    let (_dir, s) = two_versions();
    let kent = s.las.by_code("886").unwrap().clone();
    let c = ReturnContent::template(&s, &kent, q(3));
    assert_eq!(c.header["template_version"], CellInput::Number(2.0));
    let items: Vec<&str> = c
        .rows
        .iter()
        .filter_map(|r| match r {
            RowSpec::Item(code) => Some(code.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(&items[..4], ["A01", "A02", "A03", "A05"]);
    assert!(!items.contains(&"A04") && !items.contains(&"C02"));
    let c01 = items.iter().position(|c| *c == "C01").unwrap();
    assert_eq!(&items[c01..c01 + 3], ["C01", "C05", "C03"]);
    assert_eq!(c.rows, default_rows(&s));
    let a03 = s.item("A03").unwrap();
    assert_eq!(
        checks(&s, a03),
        "A03 must not be more than A02. A05 must not be more than A03."
    );
    let c05 = s.item("C05").unwrap();
    assert_eq!(checks(&s, c05), "C05 must not be more than C01.");
}

/// `kinbench sample` on the two-version schema writes the current version:
/// the model's C02 goes under C05, A04 is left out, A05 (new to the model)
/// blank. Without M12, which the model cannot draw until it learns A05.
#[test]
fn sample_returns_are_written_in_the_current_version() {
    let (dir, _) = two_versions();
    let metrics = dir.path().join("metrics.toml");
    let text = std::fs::read_to_string(&metrics).unwrap();
    let (without_m12, _) = text.split_once("\n[[metric]]\nid = \"M12\"").unwrap();
    std::fs::write(&metrics, without_m12).unwrap();
    let s = Schema::load(dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    crate::sample_q1_q2(dir.path(), &[], out.path());
    let v = kinbench::validate::validate_folder(&s, out.path(), &crate::south_east_options(&s))
        .unwrap();
    assert_eq!(v.submissions.len(), 38);
    for sub in &v.submissions {
        assert_eq!(sub.template_version, Some(2), "{}", sub.file);
        assert!(sub.usable("C05").is_some(), "{}", sub.file);
        assert!(!sub.values.contains_key("C02") && !sub.values.contains_key("A04"));
        assert_eq!(sub.usable("A05"), None);
        assert_eq!(sub.findings, vec![], "{}", sub.file);
    }
}
