//! `counts`: the count measures and the breakdown parts, for every period of the run.

use super::table::{Cell, Kind, Table};
use crate::aggregate::Benchmark;
use crate::report::present::Shown;
use crate::report::RunContext;

/// The columns, in order. Count rows leave `breakdown_id` and `share` empty;
/// breakdown rows leave `mean` empty.
pub const COLUMNS: [(&str, Kind); 9] = [
    ("measure", Kind::Text),
    ("breakdown_id", Kind::Text),
    ("item", Kind::Text),
    ("label", Kind::Text),
    ("period", Kind::Text),
    ("total", Kind::Shown),
    ("n_las", Kind::Number),
    ("mean", Kind::Shown),
    ("share", Kind::Shown),
];

/// `measure` of a count item's row.
pub const COUNT: &str = "count";
/// `measure` of a breakdown part's row.
pub const BREAKDOWN: &str = "breakdown";

/// A rate beside a regional total: suppressed with the total, since the rate
/// and the number of LAs (or the other parts) would give the total back.
fn beside(total: &Shown, rate: Shown) -> Shown {
    match total {
        Shown::Symbol(s) => Shown::Symbol(s),
        Shown::Number { .. } => rate,
    }
}

/// Count items in schema order, each over the periods ascending; then each
/// breakdown's parts, by period, in schema order.
pub(crate) fn counts_table(ctx: &RunContext<'_>, benchmark: &Benchmark) -> Table {
    let p = ctx.presenter;
    let mut table = Table::new(&COLUMNS, p.publish());
    for c in &benchmark.counts {
        for cp in &c.periods {
            let total = p.total_count(Some(cp.total));
            let mean = beside(&total, p.region_rate(cp.mean));
            table.push(vec![
                Cell::text(COUNT),
                Cell::Null,
                Cell::text(c.item.clone()),
                Cell::text(c.label.clone()),
                Cell::text(cp.period.to_string()),
                Cell::Shown(total),
                Cell::Number(cp.n_las as f64),
                Cell::Shown(mean),
                Cell::Null,
            ]);
        }
    }
    for b in &benchmark.breakdowns {
        for bp in &b.periods {
            for part in &bp.parts {
                let total = p.total_count(Some(part.total));
                let share = beside(&total, p.region_rate(part.share));
                table.push(vec![
                    Cell::text(BREAKDOWN),
                    Cell::text(b.id.clone()),
                    Cell::text(part.item.clone()),
                    Cell::text(part.label.clone()),
                    Cell::text(bp.period.to_string()),
                    Cell::Shown(total),
                    Cell::Number(part.n_las as f64),
                    Cell::Null,
                    Cell::Shown(share),
                ]);
            }
        }
    }
    table
}
