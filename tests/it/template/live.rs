//! The template's live checks (its Check column). Filled templates are
//! recalculated by LibreOffice and read back: the exact words, the summary, the
//! saved results kinbench wrote, and the codes `kinbench validate` raises for
//! the same files, one for one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use calamine::Data;
use kinbench::ingest::CellPos;
use kinbench::period::Period;
use kinbench::sample::{simulate, SampleOptions};
use kinbench::schema::{La, Schema};
use kinbench::template::{
    file_name, lay_out, place, write_return, write_template, CellInput, Placement, ReturnContent,
    CHECK_COL,
};
use kinbench::validate::rules::LIVE_CHECKS;
use kinbench::validate::validate_folder;

use super::cells::{at, fill_blank_cells, read_sheet, schema, type_cells, zip_entry, Typed};
use crate::libreoffice::{recalculate, soffice};

fn q2() -> Period {
    Period::new(2025, 2).unwrap()
}

/// The clean Kent quarter of the sample model: every value given, no finding.
fn base(s: &Schema) -> BTreeMap<String, f64> {
    let ds = simulate(
        s,
        &SampleOptions {
            region: crate::south_east_options(s).region,
            periods: vec![q2()],
            seed: 7,
            faults: false,
        },
    )
    .unwrap();
    ds.get("886", q2()).unwrap().values.clone()
}

#[derive(Debug, Clone)]
enum V {
    N(f64),
    T(&'static str),
    /// An error value (`#N/A`).
    E(&'static str),
}

impl V {
    fn typed(&self) -> Typed {
        match self {
            V::N(n) => Typed::Number(*n),
            V::T(t) => Typed::Text((*t).into()),
            V::E(e) => Typed::Error((*e).into()),
        }
    }

    fn input(&self) -> CellInput {
        match self {
            V::N(n) => CellInput::Number(*n),
            V::T(t) => CellInput::Text((*t).into()),
            V::E(e) => CellInput::Formula {
                formula: "NA()".into(),
                result: (*e).into(),
            },
        }
    }
}

/// One filled template: its values and what its Check column must say, by item row.
struct Case {
    name: &'static str,
    values: BTreeMap<String, V>,
    want: BTreeMap<&'static str, String>,
}

fn num(x: f64) -> String {
    kinbench::number_text::format_number(x)
}

/// Each relation kind and each pair finding, firing and held back, from the clean quarter.
fn cases(s: &Schema) -> Vec<Case> {
    let b = base(s);
    let v = |c: &str| b[c];
    assert!(v("B03") >= 1.0 && v("B02b") + v("B02d") >= 1.0, "{b:?}");
    let case = |name, edits: Vec<(&str, Option<V>)>, want: Vec<(&'static str, String)>| {
        let mut values: BTreeMap<String, V> =
            b.iter().map(|(c, x)| (c.clone(), V::N(*x))).collect();
        for (code, value) in edits {
            match value {
                Some(value) => values.insert(code.to_string(), value),
                None => values.remove(code),
            };
        }
        Case {
            name,
            values,
            want: want.into_iter().collect(),
        }
    };
    let b02_sum = v("B02a") + v("B02b") + v("B02c") + v("B02d");
    vec![
        case("valid", vec![], vec![]),
        case(
            "at most",
            vec![("A02", Some(V::N(v("A01") + 1.0)))],
            vec![(
                "A02",
                format!("A02 is {}, more than A01 at {} (SUM002)", num(v("A01") + 1.0), num(v("A01"))),
            )],
        ),
        case("at most, equal", vec![("A02", Some(V::N(v("A01"))))], vec![]),
        case(
            "at most, parts summed",
            vec![("B01", Some(V::N(v("B02") + v("B03") - 1.0)))],
            vec![(
                "B02",
                format!(
                    "B02 + B03 is {s}, more than B01 at {w} (SUM002)\nB02 + B03 is {s}, more than B01 at {w}: SGO or CAO share of exits cannot be over 100% (PAIR003)",
                    s = num(v("B02") + v("B03")),
                    w = num(v("B02") + v("B03") - 1.0)
                ),
            )],
        ),
        case(
            "at most, a part missing",
            vec![("B03", None), ("B01", Some(V::N(v("B02") - 1.0)))],
            vec![
                (
                    "B02",
                    format!(
                        "B02 + B03 is {s}, more than B01 at {w} (SUM002)\nB02 is {s}, more than B01 at {w}: SGO share of exits cannot be over 100% (PAIR003)",
                        s = num(v("B02")),
                        w = num(v("B02") - 1.0)
                    ),
                ),
                // On the row of the item missing, as the feedback names it.
                (
                    "B03",
                    "SGO or CAO share of exits needs B02 + B03 as well as B01 (PAIR002)".into(),
                ),
            ],
        ),
        case(
            "sum",
            vec![("B02a", Some(V::N(v("B02a") + 1.0)))],
            vec![(
                "B02",
                format!("B02a to B02d add up to {}; B02 is {} (SUM001)", num(b02_sum + 1.0), num(v("B02"))),
            )],
        ),
        case("sum, a part missing", vec![("B02d", None)], vec![]),
        case(
            "numerator without denominator",
            vec![("G01", None)],
            vec![("G01", "Kinship caseload needs G01 as well as G02 (PAIR001)".into())],
        ),
        case(
            "denominator without numerator",
            vec![("G02", None)],
            vec![("G02", "Kinship caseload needs G02 as well as G01 (PAIR002)".into())],
        ),
        case("pair, both blank", vec![("G01", None), ("G02", None)], vec![]),
        case(
            "numerator above denominator",
            vec![("D01", Some(V::N(v("C01") + 1.0)))],
            vec![(
                "D01",
                format!(
                    "D01 is {}, more than C01 at {}: Viability to Reg 24 cannot be over 100% (PAIR003)",
                    num(v("C01") + 1.0),
                    num(v("C01"))
                ),
            )],
        ),
        case("numerator equal to denominator", vec![("D01", Some(V::N(v("C01"))))], vec![]),
        case(
            "denominator 0",
            vec![("G01", Some(V::N(0.0)))],
            vec![(
                "G01",
                format!("G01 is 0 but G02 is {}, so Kinship caseload cannot be worked out (PAIR004)", num(v("G02"))),
            )],
        ),
        case("0 over 0", vec![("G01", Some(V::N(0.0))), ("G02", Some(V::N(0.0)))], vec![]),
        case(
            "not a number",
            vec![("A01", Some(V::T("about 40")))],
            vec![("A01", "not a number (VAL009)".into())],
        ),
        // An error in a part: said once, on its own row, never spreading into the sums.
        case(
            "error",
            vec![("B02a", Some(V::E("#N/A")))],
            vec![("B02a", "shows an error, so it cannot be used (VAL004)".into())],
        ),
        case(
            "negative and fraction",
            vec![("C03", Some(V::N(-2.0))), ("C04", Some(V::N(2.5)))],
            vec![
                ("C03", "cannot be negative (VAL007)".into()),
                ("C04", "must be a whole number (VAL008)".into()),
            ],
        ),
        case(
            "withheld",
            vec![("G01", Some(V::T("c")))],
            vec![(
                "G01",
                "withheld, so it counts as not provided (VAL003)\nKinship caseload needs G01 as well as G02 (PAIR001)".into(),
            )],
        ),
        case(
            "not provided",
            vec![("G02", Some(V::T(" N/A ")))],
            vec![(
                "G02",
                "counts as not provided (VAL002)\nKinship caseload needs G02 as well as G01 (PAIR002)".into(),
            )],
        ),
    ]
}

/// The summary's words for `n` checks shown.
fn summary(n: usize) -> String {
    match n {
        0 => "No problems found".into(),
        1 => "1 check to look at".into(),
        n => format!("{n} checks to look at"),
    }
}

fn text(d: Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s,
        other => panic!("not text: {other:?}"),
    }
}

/// The cases filled into templates (one South East LA each), as typed and as LibreOffice recalculated them.
struct Calculated {
    s: Schema,
    cases: Vec<(Case, La)>,
    typed: Vec<PathBuf>,
    recalculated: Vec<PathBuf>,
    placement: Placement,
    _dir: tempfile::TempDir,
}

fn calculated() -> Option<&'static Calculated> {
    static ONCE: OnceLock<Option<Calculated>> = OnceLock::new();
    ONCE.get_or_init(|| {
        let soffice = soffice()?;
        let s = schema();
        let las: Vec<La> = crate::south_east_options(&s).region;
        let all = cases(&s);
        assert!(all.len() <= las.len());
        let dir = tempfile::tempdir().unwrap();
        let (typed_dir, out) = (dir.path().join("typed"), dir.path().join("returns"));
        std::fs::create_dir_all(&typed_dir).unwrap();
        std::fs::create_dir_all(&out).unwrap();
        let mut typed = Vec::new();
        let mut cases = Vec::new();
        let mut placement = None;
        for (case, la) in all.into_iter().zip(las) {
            let blank = dir.path().join(format!("{}.xlsx", la.code));
            write_template(&s, &la, q2(), &blank).unwrap();
            let p = place(&s, &ReturnContent::template(&s, &la, q2()));
            let cells: Vec<(String, Typed)> = case
                .values
                .iter()
                .map(|(code, value)| (p.values[code].a1(), value.typed()))
                .collect();
            let path = typed_dir.join(file_name(&la, q2()));
            fill_blank_cells(&blank, &path, &cells);
            typed.push(path);
            cases.push((case, la));
            placement = Some(p);
        }
        let recalculated = recalculate(&soffice, &typed, &out);
        Some(Calculated {
            s,
            cases,
            typed,
            recalculated,
            placement: placement.unwrap(),
            _dir: dir,
        })
    })
    .as_ref()
}

/// Item code → its Check cell's text, for the non-blank ones.
fn check_column(c: &Calculated, path: &Path) -> BTreeMap<String, String> {
    let cells = read_sheet(path, "Return");
    c.placement
        .values
        .iter()
        .map(|(code, pos)| {
            let shown = text(at(&cells, CellPos::new(pos.row, u32::from(CHECK_COL))));
            (code.clone(), shown)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

fn summary_cell(path: &Path) -> String {
    text(at(&read_sheet(path, "Return"), CellPos::new(8, 1)))
}

#[test]
fn each_check_says_what_is_wrong_as_libreoffice_calculates_it() {
    let Some(c) = calculated() else {
        eprintln!("skipped: needs LibreOffice to calculate the filled templates");
        return;
    };
    for (((case, _), typed), recalculated) in c.cases.iter().zip(&c.typed).zip(&c.recalculated) {
        // As typed, the file holds the blank template's saved results: what follows is calculated.
        assert_eq!(check_column(c, typed), BTreeMap::new(), "{}", case.name);
        assert_eq!(summary_cell(typed), "No problems found");
        let want: BTreeMap<String, String> = case
            .want
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        assert_eq!(check_column(c, recalculated), want, "{}", case.name);
        let shown: usize = want.values().map(|t| t.lines().count()).sum();
        assert_eq!(summary_cell(recalculated), summary(shown), "{}", case.name);
    }
}

#[test]
fn kinbench_writes_the_results_libreoffice_calculates() {
    let Some(c) = calculated() else {
        eprintln!("skipped: needs LibreOffice to calculate the filled templates");
        return;
    };
    for ((case, la), recalculated) in c.cases.iter().zip(&c.recalculated) {
        let mut content = ReturnContent::template(&c.s, la, q2());
        content.values = case
            .values
            .iter()
            .map(|(k, v)| (k.clone(), v.input()))
            .collect();
        let live = lay_out(&c.s, &content, &c.placement);
        let cells = read_sheet(recalculated, "Return");
        for (pos, (_, result)) in &live.cells {
            assert_eq!(
                &text(at(&cells, *pos)),
                result,
                "{} {}",
                case.name,
                pos.a1()
            );
        }
        assert_eq!(
            text(at(&cells, live.summary_at)),
            live.summary.1,
            "{}",
            case.name
        );
    }
}

/// Rule code and row of each check the Check column shows.
fn shown_codes(c: &Calculated, path: &Path) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for (code, t) in check_column(c, path) {
        for line in t.lines() {
            let rule = line.rsplit_once(" (").unwrap().1.trim_end_matches(')');
            out.push((rule.to_string(), c.placement.values[&code].row));
        }
    }
    out.sort();
    out
}

#[test]
fn validate_raises_the_codes_the_check_column_shows_one_for_one() {
    let Some(c) = calculated() else {
        eprintln!("skipped: needs LibreOffice to calculate the filled templates");
        return;
    };
    let returns = c.recalculated[0].parent().unwrap();
    let checks = c._dir.path().join("checks");
    let o = Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .arg("validate")
        .arg(returns)
        .arg("--out")
        .arg(&checks)
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let live: Vec<&str> = LIVE_CHECKS.iter().map(|(code, _)| code.as_str()).collect();
    let mut found: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    let mut csv = csv::Reader::from_path(checks.join("findings.csv")).unwrap();
    for row in csv.records() {
        let row = row.unwrap();
        let (la, rule, cell) = (&row[0], &row[5], &row[8]);
        if !live.contains(&rule) {
            continue;
        }
        // `Return!C13`: the 0-based row of the cell the finding names.
        let digits = cell.trim_start_matches(|c: char| !c.is_ascii_digit());
        let row = digits.parse::<u32>().unwrap() - 1;
        found
            .entry(la.to_string())
            .or_default()
            .push((rule.to_string(), row));
    }
    for ((case, la), recalculated) in c.cases.iter().zip(&c.recalculated) {
        let mut got = found.remove(&la.code).unwrap_or_default();
        got.sort();
        assert_eq!(got, shown_codes(c, recalculated), "{}", case.name);
    }
    assert_eq!(found, BTreeMap::new());
}

/// The blank template's formulas are saved with the results they have while it is
/// blank: a program that shows saved results shows no check and "No problems found".
#[test]
fn the_blank_template_saves_its_blank_results() {
    let s = schema();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    let kent = super::la(&s, "886");
    write_template(&s, &kent, q2(), &path).unwrap();
    let xml = zip_entry(&path, "xl/worksheets/sheet1.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let saved: BTreeMap<String, (Option<String>, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("c") && n.children().any(|f| f.has_tag_name("f")))
        .map(|n| {
            let v = n.children().find(|v| v.has_tag_name("v")).unwrap();
            (
                n.attribute("r").unwrap().to_string(),
                (
                    n.attribute("t").map(String::from),
                    v.text().unwrap_or("").to_string(),
                ),
            )
        })
        .collect();
    let placement = place(&s, &ReturnContent::template(&s, &kent, q2()));
    let mut want: BTreeMap<String, (Option<String>, String)> = placement
        .values
        .values()
        .map(|p| {
            (
                CellPos::new(p.row, u32::from(CHECK_COL)).a1(),
                (Some("str".into()), String::new()),
            )
        })
        .collect();
    want.insert(
        "B9".into(),
        (Some("str".into()), "No problems found".into()),
    );
    assert_eq!(saved, want);
    // Each Value cell is marked by a formula of its own.
    assert_eq!(
        xml.matches("<cfRule type=\"expression\"").count(),
        s.items.len()
    );
}

/// What the template owns is not part of the return: typed over, the Check column
/// and the summary raise nothing and change no value, and a return from a template
/// without them reads the same.
#[test]
fn the_reader_ignores_the_check_column_and_summary() {
    let s = schema();
    let options = crate::south_east_options(&s);
    let kent = super::la(&s, "886");
    let b = base(&s);
    let dir = tempfile::tempdir().unwrap();
    let mut content = ReturnContent::template(&s, &kent, q2());
    content.values = b
        .iter()
        .map(|(k, v)| (k.clone(), CellInput::Number(*v)))
        .collect();
    content
        .values
        .insert("A02".into(), CellInput::Number(b["A01"] + 1.0));
    let placement = place(&s, &content);
    let check = |code: &str| CellPos::new(placement.values[code].row, u32::from(CHECK_COL)).a1();

    let read = |name: &str, content: &ReturnContent, over: &[(String, Typed)]| {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join(file_name(&kent, q2()));
        write_return(&s, content, &path).unwrap();
        if !over.is_empty() {
            let written = dir.path().join(format!("{name}.xlsx"));
            std::fs::rename(&path, &written).unwrap();
            type_cells(&written, &path, over, true);
        }
        let v = validate_folder(&s, &folder, &options).unwrap();
        let sub = v.submissions.into_iter().next().unwrap();
        let findings: Vec<_> = sub
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.cell.clone(), f.value.clone()))
            .collect();
        (sub.values, findings)
    };
    let live = read("live", &content, &[]);
    let typed_over = read(
        "typed over",
        &content,
        &[
            (check("A02"), Typed::Text("fixed it".into())),
            (check("B01"), Typed::Number(12.0)),
            ("B9".into(), Typed::Text("No problems found".into())),
        ],
    );
    let mut old = content.clone();
    old.live_checks = false;
    let old = read("old", &old, &[]);
    assert_eq!(
        live.1.iter().map(|f| f.0).collect::<Vec<_>>(),
        ["FILE019", "SUM002"]
    );
    assert_eq!(typed_over, live);
    assert_eq!(old, live);
}
