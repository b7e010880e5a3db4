//! Several returns from one LA for one period: the latest is used (FILE018).

use std::collections::BTreeMap;
use std::time::SystemTime;

use chrono::NaiveDate;

use super::make::{Case, Ctx};
use super::rules::Code;
use super::{ReturnStatus, Submission};
use crate::period::Period;

/// What orders resubmissions: Date completed, file modification time, file name.
type Key = (Option<NaiveDate>, Option<SystemTime>, String);

/// Among the `Used` returns of each LA and period, keeps the one with the latest
/// `Date completed`; ties go to the newest file modification time (`mtimes`, by
/// file), then to the file name last in sort order. Every other one becomes
/// `Superseded` with a FILE018 finding naming the winner.
pub fn resolve_resubmissions(subs: &mut [Submission], mtimes: &BTreeMap<String, SystemTime>) {
    let mut groups: BTreeMap<(String, Period), Vec<usize>> = BTreeMap::new();
    for (i, s) in subs.iter().enumerate() {
        if let (ReturnStatus::Used, Some(la), Some(p)) = (s.status, &s.la, s.period) {
            groups.entry((la.code.clone(), p)).or_default().push(i);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let keyed: Vec<(usize, Key)> = members
            .iter()
            .filter_map(|&i| {
                subs.get(i).map(|s| {
                    (
                        i,
                        (
                            s.date_completed,
                            mtimes.get(&s.file).copied(),
                            s.file.clone(),
                        ),
                    )
                })
            })
            .collect();
        let Some((winner, (w_date, w_time, w_file))) =
            keyed.iter().max_by(|a, b| a.1.cmp(&b.1)).cloned()
        else {
            continue;
        };
        for (i, (date, time, _)) in keyed.into_iter().filter(|(i, _)| *i != winner) {
            let shown = |d: Option<NaiveDate>| d.map_or("blank".to_string(), |d| d.to_string());
            let why = if w_date != date {
                format!(
                    "Date completed {}, later than this return's {}",
                    shown(w_date),
                    shown(date)
                )
            } else if w_time != time {
                format!("the same Date completed ({}), saved later", shown(date))
            } else {
                format!(
                    "the same Date completed ({}) and file time, and its name sorts later",
                    shown(date)
                )
            };
            let Some(s) = subs.get_mut(i) else { continue };
            let ctx = Ctx {
                file: s.file.clone(),
                la: s.la.clone(),
                period: s.period,
            };
            let detail = format!("the return in \"{w_file}\" ({why})");
            s.findings.push(ctx.finding(
                Code::FILE018,
                Case::new(vec![], None, None).with("detail", detail),
            ));
            s.status = ReturnStatus::Superseded;
        }
    }
}
