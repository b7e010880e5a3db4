//! Region LAs with no usable return for a period of the run (FILE020).

use super::make::{Case, Ctx};
use super::rules::Code;
use super::{Finding, ReturnStatus, Submission};
use crate::period::Period;
use crate::schema::La;

/// What the run received, period by period.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// Every period with at least one `Used` return, ascending.
    pub periods: Vec<Period>,
    /// (LA, period) of the region with no `Used` return: by period, then in region order.
    pub not_received: Vec<(La, Period)>,
    /// One FILE020 per pair of `not_received`, same order; `file` is empty.
    pub findings: Vec<Finding>,
}

/// The run's periods are those of its `Used` returns; every region LA with no
/// `Used` return in one of them is not received for it.
pub fn not_received(region: &[La], subs: &[Submission]) -> Received {
    let used = || subs.iter().filter(|s| s.status == ReturnStatus::Used);
    let mut periods: Vec<Period> = used().filter_map(|s| s.period).collect();
    periods.sort();
    periods.dedup();
    let mut missing = Vec::new();
    let mut findings = Vec::new();
    for &p in &periods {
        for la in region {
            let has = used()
                .any(|s| s.period == Some(p) && s.la.as_ref().is_some_and(|l| l.code == la.code));
            if !has {
                let ctx = Ctx {
                    file: String::new(),
                    la: Some(la.clone()),
                    period: Some(p),
                };
                findings.push(ctx.finding(Code::FILE020, Case::default()));
                missing.push((la.clone(), p));
            }
        }
    }
    Received {
        periods,
        not_received: missing,
        findings,
    }
}
