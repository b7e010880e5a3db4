//! The item table: each schema item's value from its row (VAL001–VAL015).

use std::collections::BTreeMap;

use super::make::Case;
use super::rules::Code;
use super::typing::read_value;
use super::{ItemValue, ValueStatus};
use crate::ingest::{CellPos, Located, TableRow};
use crate::number_text::format_number;
use crate::schema::{Item, Schema};

/// A value finding and the cell it is on, for ordering findings down the sheet.
type Placed = (Option<CellPos>, Code, Case);

/// The value of every item of template `version`, and of any item of another
/// version the return holds a value for (VAL016), and the value findings as
/// cases in the order a reader meets them (top to bottom of the sheet; missing
/// rows last, in template order).
pub(crate) fn read_rows(
    schema: &Schema,
    located: &Located,
    version: u32,
) -> (BTreeMap<String, ItemValue>, Vec<(Code, Case)>) {
    let (by_item, mut placed) = rows_by_item(schema, located);
    let mut values = BTreeMap::new();
    let mut missing = Vec::new();
    for item in &schema.items {
        let rows = by_item
            .get(item.code.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if !item.in_version(version) {
            if !rows.iter().any(|r| filled(r)) {
                continue;
            }
            placed.extend(not_in_version(item, rows, version));
        }
        let value = match rows {
            [] => {
                let case = Case::new(vec![item.code.clone()], None, None)
                    .with("label", item.label.clone());
                missing.push((Code::VAL014, case));
                row_missing(item)
            }
            [row] => one_row(schema, item, row, &mut placed),
            [first, ..] => {
                placed.extend(duplicates(item, rows));
                duplicate(item, first)
            }
        };
        values.insert(item.code.clone(), value);
    }
    // Stable: findings on one cell keep the order they were made in.
    placed.sort_by_key(|(pos, _, _)| pos.map(|p| (p.row, p.col)));
    let mut cases: Vec<(Code, Case)> = placed
        .into_iter()
        .map(|(_, rule, case)| (rule, case))
        .collect();
    cases.extend(missing);
    (values, cases)
}

/// The table's rows by the schema item their code names, and the findings on
/// values no item takes: an unknown code (VAL012), a value outside the table (VAL015).
fn rows_by_item<'a>(
    schema: &'a Schema,
    located: &'a Located,
) -> (BTreeMap<&'a str, Vec<&'a TableRow>>, Vec<Placed>) {
    let mut by_item: BTreeMap<&str, Vec<&TableRow>> = BTreeMap::new();
    let mut placed = Vec::new();
    for row in &located.rows {
        match schema.item_by_typed_code(&row.code) {
            Some(item) => by_item.entry(item.code.as_str()).or_default().push(row),
            None => {
                if let Some(cell) = row.value.as_ref().filter(|c| !c.is_blank()) {
                    let case = Case::new(
                        vec![row.code.clone()],
                        Some(row.value_at.to_string()),
                        Some(cell.as_found()),
                    );
                    placed.push((Some(row.value_at.pos), Code::VAL012, case));
                }
            }
        }
    }
    for (at, cell) in &located.stray_values {
        let case = Case::new(vec![], Some(at.to_string()), Some(cell.as_found()));
        placed.push((Some(at.pos), Code::VAL015, case));
    }
    (by_item, placed)
}

fn filled(row: &TableRow) -> bool {
    row.value.as_ref().is_some_and(|c| !c.is_blank())
}

/// VAL016 on each filled row of an item the return's template version lacks.
fn not_in_version(item: &Item, rows: &[&TableRow], version: u32) -> Vec<Placed> {
    rows.iter()
        .filter(|r| filled(r))
        .map(|row| {
            let case = Case::new(
                vec![item.code.clone()],
                Some(row.value_at.to_string()),
                row.value.as_ref().map(|c| c.as_found()),
            )
            .with("label", item.label.clone())
            .with("detail", version.to_string());
            (Some(row.value_at.pos), Code::VAL016, case)
        })
        .collect()
}

fn row_missing(item: &Item) -> ItemValue {
    ItemValue {
        code: item.code.clone(),
        cell: None,
        as_found: String::new(),
        status: ValueStatus::RowMissing,
        value: None,
        note: None,
    }
}

/// The item's one row, read and typed; its finding, if any, joins `placed`.
fn one_row(schema: &Schema, item: &Item, row: &TableRow, placed: &mut Vec<Placed>) -> ItemValue {
    let reading = read_value(row.value.as_ref(), item, schema);
    let as_found = row.value.as_ref().map(|c| c.as_found()).unwrap_or_default();
    if let Some((rule, detail)) = reading.rule {
        let value = Some(as_found.clone()).filter(|s| !s.is_empty());
        let mut case = Case::new(
            vec![item.code.clone()],
            Some(row.value_at.to_string()),
            value,
        )
        .with("detail", detail);
        if let Some(n) = reading.number {
            case = case.with("number", format_number(n));
        }
        placed.push((Some(row.value_at.pos), rule, case));
    }
    ItemValue {
        code: item.code.clone(),
        cell: Some(row.value_at.to_string()),
        as_found,
        status: reading.status,
        value: reading.value,
        note: note(row),
    }
}

/// VAL013 on each of an item's rows, naming them all.
fn duplicates(item: &Item, rows: &[&TableRow]) -> Vec<Placed> {
    let cells: Vec<String> = rows.iter().map(|r| r.value_at.to_string()).collect();
    rows.iter()
        .map(|row| {
            let value = row
                .value
                .as_ref()
                .map(|c| c.as_found())
                .filter(|s| !s.is_empty());
            let case = Case::new(
                vec![item.code.clone()],
                Some(row.value_at.to_string()),
                value,
            )
            .with("detail", cells.join(", "));
            (Some(row.value_at.pos), Code::VAL013, case)
        })
        .collect()
}

/// An item given on several rows: not used, pointing at the first.
fn duplicate(item: &Item, first: &TableRow) -> ItemValue {
    ItemValue {
        code: item.code.clone(),
        cell: Some(first.value_at.to_string()),
        as_found: first
            .value
            .as_ref()
            .map(|c| c.as_found())
            .unwrap_or_default(),
        status: ValueStatus::Duplicate,
        value: None,
        note: note(first),
    }
}

fn note(row: &TableRow) -> Option<String> {
    row.notes.clone().filter(|n| !n.trim().is_empty())
}
