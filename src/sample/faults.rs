//! The realistic faults: what each plants in a return, and the findings it
//! must raise, derived by hand from the rules in docs/rules.md (never by
//! running the validator, so the comparison test can fail).

use super::expected::{expected, At, Expect, Found, In};
use super::manifest::ManifestRow;
use super::model::Values;
use super::simulate::{CleanReturn, Dataset};
use super::tweaks::{as_typed_text, moved};
use super::{check, SampleError};
use crate::number_text::format_number;
use crate::period::Period;
use crate::schema::{La, Schema};
use crate::template::{file_name, place, CellInput, ExtraSheet, Placement, ReturnContent};

/// One kind of fault; each is planted in a different LA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    NumeratorWithoutDenominator,
    PartExceedsWhole,
    PartsDoNotAddUp,
    NumberAsText,
    NotProvidedMarker,
    WithheldMarker,
    ErrorCell,
    Negative,
    FractionInCount,
    SheetRenamed,
    RowsMoved,
    LaMismatch,
    Resubmission,
    MissingReturn,
}

impl Fault {
    /// In planting order: with fewer LAs than faults, the first ones are planted.
    pub const ALL: [Fault; 14] = [
        Fault::NumeratorWithoutDenominator,
        Fault::PartExceedsWhole,
        Fault::PartsDoNotAddUp,
        Fault::NumberAsText,
        Fault::NotProvidedMarker,
        Fault::WithheldMarker,
        Fault::ErrorCell,
        Fault::Negative,
        Fault::FractionInCount,
        Fault::SheetRenamed,
        Fault::RowsMoved,
        Fault::LaMismatch,
        Fault::Resubmission,
        Fault::MissingReturn,
    ];

    /// The manifest's `fault` column.
    pub fn key(self) -> &'static str {
        match self {
            Fault::NumeratorWithoutDenominator => "numerator-without-denominator",
            Fault::PartExceedsWhole => "part-exceeds-whole",
            Fault::PartsDoNotAddUp => "parts-do-not-add-up",
            Fault::NumberAsText => "number-as-text",
            Fault::NotProvidedMarker => "not-provided-marker",
            Fault::WithheldMarker => "withheld-marker",
            Fault::ErrorCell => "error-cell",
            Fault::Negative => "negative",
            Fault::FractionInCount => "fraction-in-count",
            Fault::SheetRenamed => "sheet-renamed",
            Fault::RowsMoved => "rows-moved",
            Fault::LaMismatch => "la-mismatch",
            Fault::Resubmission => "resubmission",
            Fault::MissingReturn => "missing-return",
        }
    }
}

/// The renamed sheet's name.
pub const RENAMED_SHEET: &str = "Kinship return";
/// Added to a file name for the later of two submissions.
pub const RESUBMITTED: &str = " resubmitted";

/// What planting a fault in one LA-period gives.
pub struct Outcome {
    /// Files to write (name, content); none for a return not sent.
    pub files: Vec<(String, ReturnContent)>,
    pub rows: Vec<ManifestRow>,
}

/// Plants `fault` in the clean return `clean` written as `content`; `other` is
/// another LA of the region (for the name mismatch).
pub fn plant(
    schema: &Schema,
    ds: &Dataset,
    fault: Fault,
    clean: &CleanReturn,
    content: &ReturnContent,
    other: &La,
) -> Result<Outcome, SampleError> {
    let (mut c, changed) = edited(fault, clean, content, other)?;
    if let Some((code, x)) = changed {
        in_range(schema, &clean.la, code, x)?;
        c.values.insert(code.to_string(), CellInput::Number(x));
    }
    let files = files(fault, clean, content, &c);
    let carrier = files.first().map_or(c, |f| f.1.clone());
    let rows = rows(schema, ds, fault, clean, &carrier, changed);
    Ok(Outcome { files, rows })
}

/// The item whose usable value a fault changes, and its new value.
type Changed = Option<(&'static str, f64)>;

/// `content` with the fault planted, and the item whose usable value the fault
/// changes (for the range check and the change check against neighbours).
fn edited(
    fault: Fault,
    clean: &CleanReturn,
    content: &ReturnContent,
    other: &La,
) -> Result<(ReturnContent, Changed), SampleError> {
    let value = |code: &str| clean.values.get(code).copied().unwrap_or(0.0);
    let mut c = content.clone();
    let mut set = |code: &str, input: CellInput| {
        c.values.insert(code.to_string(), input);
    };
    let mut changed = None;
    match fault {
        Fault::NumeratorWithoutDenominator => set("B01", CellInput::Blank),
        Fault::PartExceedsWhole => {
            if value("C01") <= 0.0 {
                return Err(SampleError::Model(format!(
                    "{}: C01 is 0, so C02 > C01 would be PAIR004",
                    clean.la.name
                )));
            }
            changed = Some(("C02", value("C01") + 2.0));
        }
        Fault::PartsDoNotAddUp => changed = Some(("E01", value("E01") + 3.0)),
        Fault::NumberAsText => set("A01", CellInput::Text(as_typed_text(value("A01")))),
        Fault::NotProvidedMarker => set("D03", CellInput::Text("n/a".into())),
        Fault::WithheldMarker => set("B03", CellInput::Text("c".into())),
        Fault::ErrorCell => set(
            "D05",
            CellInput::Formula {
                formula: "=1/0".into(),
                result: "#DIV/0!".into(),
            },
        ),
        // -0 is not negative: at least -1.
        Fault::Negative => set("B02a", CellInput::Number(-value("B02a").max(1.0))),
        Fault::FractionInCount => set("A04", CellInput::Number(value("A04") + 0.5)),
        Fault::SheetRenamed => c.sheet_name = Some(RENAMED_SHEET.into()),
        Fault::RowsMoved => {
            c.rows = moved(&c.rows);
            c.extra_sheets.push(ExtraSheet {
                name: "Working".into(),
                lines: vec!["Draft figures from the case management system".into()],
            });
        }
        Fault::LaMismatch => {
            c.header
                .insert("la_name".into(), CellInput::Text(other.name.clone()));
        }
        Fault::Resubmission | Fault::MissingReturn => {}
    }
    Ok((c, changed))
}

/// The manifest lists no PLAUS001: a changed value must stay in its item's range.
fn in_range(schema: &Schema, la: &La, code: &str, x: f64) -> Result<(), SampleError> {
    match schema.item(code).and_then(|i| i.range) {
        Some([lo, hi]) if x < lo || x > hi => Err(SampleError::Model(format!(
            "{}: {code} = {x} would leave its range",
            la.name
        ))),
        _ => Ok(()),
    }
}

/// The files the faulted return `c` is sent as: none, one, or for a
/// resubmission the first submission and the corrected one.
fn files(
    fault: Fault,
    clean: &CleanReturn,
    content: &ReturnContent,
    c: &ReturnContent,
) -> Vec<(String, ReturnContent)> {
    let name = file_name(&clean.la, clean.period);
    match fault {
        Fault::MissingReturn => Vec::new(),
        Fault::Resubmission => {
            // The first submission: an earlier date and an A01 later corrected.
            let a01 = clean.values.get("A01").copied().unwrap_or(0.0);
            let mut older = c.clone();
            older
                .values
                .insert("A01".into(), CellInput::Number(a01 + 4.0));
            let earlier = content
                .created
                .checked_sub_days(chrono::Days::new(9))
                .unwrap_or(content.created);
            older
                .header
                .insert("date_completed".into(), CellInput::Date(earlier));
            older.created = earlier;
            let stem = name.trim_end_matches(".xlsx");
            let newer = format!("{stem}{RESUBMITTED}.xlsx");
            vec![(name, older), (newer, c.clone())]
        }
        _ => vec![(name, c.clone())],
    }
}

/// The manifest's rows for `fault`, whose findings are on `carrier` (for a
/// resubmission, the older file), then any change against the neighbours.
fn rows(
    schema: &Schema,
    ds: &Dataset,
    fault: Fault,
    clean: &CleanReturn,
    carrier: &ReturnContent,
    changed: Option<(&str, f64)>,
) -> Vec<ManifestRow> {
    let (la, period) = (&clean.la, clean.period);
    let name = file_name(la, period);
    let placement = place(schema, carrier);
    let row = |file: &str,
               rule: &str,
               severity: &str,
               items: &str,
               cell: String,
               value: String,
               note: String| ManifestRow {
        file: file.to_string(),
        la_code: la.code.clone(),
        period: period.to_string(),
        fault: fault.key().to_string(),
        rule: rule.to_string(),
        severity: severity.to_string(),
        items: items.to_string(),
        cell,
        value,
        note,
    };
    let mut rows: Vec<ManifestRow> = expected(fault)
        .iter()
        .map(|e| {
            let file = match e.file {
                In::Carrier => name.as_str(),
                In::NoFile => "",
            };
            let cell = cell_ref(&placement, e.at);
            let value = found(schema, carrier, e);
            row(
                file,
                e.rule,
                e.severity,
                e.items,
                cell,
                value,
                e.note.into(),
            )
        })
        .collect();
    if let Some((code, x)) = changed {
        rows.extend(change_rows(schema, ds, clean, code, x, &placement, &row));
    }
    rows
}

/// The cell an expected finding names, as `Return!C23`; empty for none.
fn cell_ref(placement: &Placement, at: At) -> String {
    match at {
        At::Item(code) => value_cell(placement, code),
        At::Header(key) => placement
            .header_ref(key)
            .map(|r| r.to_string())
            .unwrap_or_default(),
        At::Nowhere => String::new(),
    }
}

/// The Value cell of item `code`, as `Return!C23`.
fn value_cell(placement: &Placement, code: &str) -> String {
    placement
        .value_ref(code)
        .map(|r| r.to_string())
        .unwrap_or_default()
}

/// The value as found that an expected finding gives.
fn found(schema: &Schema, carrier: &ReturnContent, e: &Expect) -> String {
    match (e.value, e.at) {
        (Found::Cell, At::Item(code)) => typed(carrier.values.get(code)),
        (Found::Cell, At::Header(key)) => typed(carrier.header.get(key)),
        (Found::Sheet, _) => carrier.sheet(schema),
        _ => String::new(),
    }
}

/// What a cell holds as typed, as a finding gives it: a number in its shortest
/// form, text exactly, a formula's saved result; empty when blank.
fn typed(input: Option<&CellInput>) -> String {
    match input {
        None | Some(CellInput::Blank) => String::new(),
        Some(CellInput::Number(n)) => format_number(*n),
        Some(CellInput::Text(t)) => t.clone(),
        Some(CellInput::Formula { result, .. }) => result.clone(),
        Some(CellInput::Date(d)) => d.to_string(),
    }
}

/// A manifest row: file, rule, severity, items, cell, value, note.
type RowFn<'a> = dyn Fn(&str, &str, &str, &str, String, String, String) -> ManifestRow + 'a;

/// PLAUS003 raised by a changed value against the same LA's clean neighbours:
/// on this return (against the previous quarter) and on the next quarter's.
fn change_rows(
    schema: &Schema,
    ds: &Dataset,
    clean: &CleanReturn,
    code: &str,
    x: f64,
    placement: &Placement,
    row: &RowFn,
) -> Vec<ManifestRow> {
    let (la, period) = (&clean.la, clean.period);
    let at = |v: &Values| v.get(code).copied();
    let mut out = Vec::new();
    if let Some(p) = ds.get(&la.code, period.prev()).and_then(|r| at(&r.values)) {
        if check::change_flagged(schema, p, x) {
            let cell = value_cell(placement, code);
            let note = format!(
                "derived: {code} {} against {} in {}",
                format_number(x),
                format_number(p),
                period.prev()
            );
            out.push(row(
                &file_name(la, period),
                "PLAUS003",
                "warning",
                code,
                cell,
                format_number(x),
                note,
            ));
        }
    }
    if let Some(n) = ds.get(&la.code, period.next()).and_then(|r| at(&r.values)) {
        if check::change_flagged(schema, x, n) {
            let next = period.next();
            let clean_next = place(schema, &ReturnContent::template(schema, la, next));
            let cell = value_cell(&clean_next, code);
            let note = format!(
                "derived: next quarter's {code} {} against {} here",
                format_number(n),
                format_number(x)
            );
            let mut r = row(
                &file_name(la, next),
                "PLAUS003",
                "warning",
                code,
                cell,
                format_number(n),
                note,
            );
            r.period = next.to_string();
            out.push(r);
        }
    }
    out
}

/// Period when the fault has a preferred one for this LA (the quarter with most
/// viability assessments, so C02 > C01 is a clear case).
pub fn preferred_period(fault: Fault, ds: &Dataset, la: &La) -> Option<Period> {
    (fault == Fault::PartExceedsWhole).then_some(())?;
    let mut best: Option<(f64, Period)> = None;
    for r in ds.returns.iter().filter(|r| r.la.code == la.code) {
        let c01 = r.values.get("C01").copied().unwrap_or(0.0);
        if best.is_none_or(|(b, _)| c01 > b) {
            best = Some((c01, r.period));
        }
    }
    best.map(|(_, p)| p)
}
