//! Large changes from the same LA's previous quarter (PLAUS003).

use super::describe::{figure, found};
use super::make::{Case, Ctx};
use super::rules::Code;
use super::{Finding, ReturnStatus, Submission};
use crate::number_text::format_number;
use crate::schema::Schema;

/// For each `Used` return whose LA also has a `Used` return for the previous
/// quarter, flags each item usable in both whose change is at least
/// `change.min_abs` and more than `change.ratio` × the previous value.
/// The findings are added to the later return. Run after resubmissions are settled.
pub fn previous_quarter_changes(schema: &Schema, subs: &mut [Submission]) {
    let mut additions: Vec<(usize, Finding)> = Vec::new();
    for (i, cur) in subs.iter().enumerate() {
        let (ReturnStatus::Used, Some(la), Some(period)) = (cur.status, &cur.la, cur.period) else {
            continue;
        };
        let prev_period = period.prev();
        let Some(prev) = subs.iter().find(|s| {
            s.status == ReturnStatus::Used
                && s.period == Some(prev_period)
                && s.la.as_ref().is_some_and(|l| l.code == la.code)
        }) else {
            continue;
        };
        let ctx = Ctx {
            file: cur.file.clone(),
            la: Some(la.clone()),
            period: Some(period),
        };
        for item in &schema.items {
            // A renamed item is compared with its old code's value.
            let prev_code = prev
                .template_version
                .and_then(|v| schema.code_in(&item.code, v))
                .unwrap_or(&item.code);
            let (Some(x), Some(before)) = (cur.usable(&item.code), prev.usable(prev_code)) else {
                continue;
            };
            let diff = x - before;
            if diff.abs() >= schema.change.min_abs && diff.abs() > schema.change.ratio * before {
                let direction = if diff > 0.0 { "up" } else { "down" };
                let share = if before > 0.0 {
                    format!(", {}%", (diff.abs() / before * 100.0).round())
                } else {
                    String::new()
                };
                let detail = format!(
                    "{} in {prev_period} ({direction} {}{share})",
                    format_number(before),
                    figure(diff.abs())
                );
                let v = cur.values.get(&item.code);
                let case = Case::new(
                    vec![item.code.clone()],
                    v.and_then(|v| v.cell.clone()),
                    found(v),
                )
                .with("number", format_number(x))
                .with("detail", detail);
                additions.push((i, ctx.finding(Code::PLAUS003, case)));
            }
        }
    }
    for (i, f) in additions {
        if let Some(s) = subs.get_mut(i) {
            s.findings.push(f);
        }
    }
}
