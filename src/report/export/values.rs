//! `values`: every item of every region LA in every period of the run, long format.

use super::la_cells;
use super::table::{Cell, Kind, Table};
use crate::aggregate::Benchmark;
use crate::report::RunContext;
use crate::schema::La;
use crate::validate::ReturnStatus;

/// The columns, in order.
pub const COLUMNS: [(&str, Kind); 8] = [
    ("la_code", Kind::Text),
    ("la_name", Kind::Text),
    ("period", Kind::Text),
    ("item", Kind::Text),
    ("value", Kind::Shown),
    ("status", Kind::Text),
    ("cell", Kind::Text),
    ("file", Kind::Text),
];

/// `status` of an LA-period with no usable return and no file at all.
pub const NOT_RECEIVED: &str = "not_received";
/// `status` of an LA-period whose files all were unusable.
pub const RETURN_UNUSABLE: &str = "return_unusable";

/// One row per region LA × period × schema item: by period, LA code, then item in
/// template order. An LA-period with no used return still has its rows, with
/// status `not_received` or `return_unusable`, so the table is the full grid.
pub(crate) fn values_table(ctx: &RunContext<'_>, benchmark: &Benchmark) -> Table {
    let p = ctx.presenter;
    let mut table = Table::new(&COLUMNS, p.publish());
    let mut las: Vec<&La> = ctx.validation.region.iter().collect();
    las.sort_by(|a, b| a.code.cmp(&b.code));
    for &period in &benchmark.periods {
        for la in &las {
            let [code, name] = la_cells(p, &la.code, &la.name);
            let lead = |item: &str| {
                vec![
                    code.clone(),
                    name.clone(),
                    Cell::text(period.to_string()),
                    Cell::text(item),
                ]
            };
            if let Some(sub) = ctx.validation.used(&la.code, period) {
                let file = Cell::text(p.file_name(&sub.file, Some(&la.code), Some(period)));
                for item in &ctx.schema.items {
                    let asked = sub.template_version.is_none_or(|v| item.in_version(v));
                    if !asked && !sub.values.contains_key(&item.code) {
                        continue;
                    }
                    let mut row = lead(&item.code);
                    match sub.values.get(&item.code) {
                        Some(v) => row.extend([
                            Cell::Shown(p.la_item(&la.code, period, &item.code, v.usable())),
                            Cell::text(v.status.as_str()),
                            Cell::opt_text(v.cell.clone()),
                        ]),
                        None => row.extend([
                            Cell::Shown(p.la_count(None)),
                            Cell::text(crate::validate::ValueStatus::RowMissing.as_str()),
                            Cell::Null,
                        ]),
                    }
                    row.push(file.clone());
                    table.push(row);
                }
                continue;
            }
            let unusable: Vec<String> = ctx
                .validation
                .submissions
                .iter()
                .filter(|s| {
                    s.status == ReturnStatus::Unusable
                        && s.period == Some(period)
                        && s.la.as_ref().is_some_and(|l| l.code == la.code)
                })
                .map(|s| p.file_name(&s.file, Some(&la.code), Some(period)))
                .collect();
            let (status, file) = if unusable.is_empty() {
                (NOT_RECEIVED, Cell::Null)
            } else {
                (RETURN_UNUSABLE, Cell::text(unusable.join("; ")))
            };
            for item in &ctx.schema.items {
                let mut row = lead(&item.code);
                row.extend([
                    Cell::Shown(p.la_count(None)),
                    Cell::text(status),
                    Cell::Null,
                    file.clone(),
                ]);
                table.push(row);
            }
        }
    }
    table
}
