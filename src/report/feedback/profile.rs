//! An LA's benchmark profile in its feedback: for every metric its own value
//! (or why it was left out), its rank among the included LAs, the region and
//! England, a position strip, and its own values over the quarters it sent.
//!
//! The LA is named; no other LA is: the strip shows them as unlabelled dots,
//! so the profile is safe to send to the LA in any presenter mode.

use std::fmt::Write;

use crate::aggregate::{Benchmark, LaMetric, MetricPeriod, MetricResult};
use crate::period::Period;
use crate::report::charts::{ChartError, RefLine, Strip, StripBackground, STRIP_SIZE};
use crate::report::pack::words::{chart_unit, england_label, region_value, with_unit};
use crate::report::present::{Presenter, Shown};
use crate::schema::{La, MetricUnit};

/// The LA's own figure for one metric and period: a value, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Own {
    Value(Shown),
    /// `excluded: item missing (D02 withheld)`.
    Excluded(String),
}

impl Own {
    fn of(p: &Presenter, l: Option<&LaMetric>, unit: MetricUnit) -> Own {
        match l {
            Some(l) if l.value.is_some() => Own::Value(p.la_rate(l.value, unit)),
            Some(l) => Own::Excluded(match &l.excluded {
                Some(e) if e.detail.is_empty() => format!("excluded: {}", e.reason.as_str()),
                Some(e) => format!("excluded: {} ({})", e.reason.as_str(), e.detail),
                None => "excluded".to_string(),
            }),
            None => Own::Excluded("excluded: not received".to_string()),
        }
    }

    /// As text: `9.8%` or the reason.
    pub fn text(&self, unit: MetricUnit) -> String {
        match self {
            Own::Value(s) => with_unit(s, unit),
            Own::Excluded(why) => why.clone(),
        }
    }
}

/// One metric of the profile.
#[derive(Debug, Clone)]
pub struct ProfileRow {
    pub id: String,
    pub short: String,
    pub unit: MetricUnit,
    pub own: Own,
    /// `3rd of 17` (1st = the largest value); None when the LA is excluded.
    pub rank: Option<String>,
    /// The region's pooled value, shown.
    pub region: String,
    /// `England 12% (2023)`, when there is a figure.
    pub england: Option<String>,
    /// The position strip as PNG.
    pub strip_png: Vec<u8>,
    /// The LA's own figure in each of [`Profile::periods`].
    pub trend: Vec<Own>,
}

/// One LA's profile for the reporting period.
#[derive(Debug, Clone)]
pub struct Profile {
    pub la_name: String,
    pub region_name: String,
    pub period: Period,
    /// The periods the LA sent a return for, up to the reporting period.
    pub periods: Vec<Period>,
    pub rows: Vec<ProfileRow>,
    pub mode_note: String,
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Rank among the included LAs, the largest value 1st; ties share a rank.
fn rank(l: &LaMetric, m: &[LaMetric]) -> Option<String> {
    let v = l.value?;
    let included: Vec<f64> = m.iter().filter_map(|o| o.value).collect();
    let above = included.iter().filter(|&&o| o > v).count();
    Some(format!("{} of {}", ordinal(above + 1), included.len()))
}

/// An LA's value as its strip places it: the rate as the presenter shows it.
fn strip_value(p: &Presenter, m: &MetricResult, l: Option<&LaMetric>) -> Option<f64> {
    l.and_then(|l| l.value)
        .and_then(|v| p.la_rate(Some(v), m.unit).number())
}

/// The values the strips of `m` show: every LA's in the reporting period.
fn strip_values<'a>(
    p: &'a Presenter,
    m: &'a MetricResult,
    mp: Option<&'a MetricPeriod>,
) -> impl Iterator<Item = (&'a str, f64)> + 'a {
    mp.into_iter()
        .flat_map(|mp| &mp.las)
        .filter_map(move |o| Some((o.la_code.as_str(), strip_value(p, m, Some(o))?)))
}

/// The region's and England's reference lines of `m`'s strips.
fn strip_refs(
    p: &Presenter,
    b: &Benchmark,
    m: &MetricResult,
    mp: Option<&MetricPeriod>,
) -> (Option<RefLine>, Option<RefLine>) {
    let pooled = mp.and_then(|mp| mp.region.pooled);
    let region = p.region_rate(pooled).number().map(|v| RefLine {
        value: v,
        label: format!("{} {}", b.region_name, region_value(p, pooled, m.unit)),
    });
    let england = mp.and_then(|mp| mp.england.as_ref()).map(|c| RefLine {
        value: c.value,
        label: england_label(c, m.unit),
    });
    (region, england)
}

/// `la`'s strip of `m`: its position among all the region's LAs.
pub fn strip(p: &Presenter, b: &Benchmark, la: &La, m: &MetricResult) -> Strip {
    let mp = m.at(b.period);
    let (region, england) = strip_refs(p, b, m, mp);
    Strip {
        name: la.name.clone(),
        value: strip_value(p, m, mp.and_then(|mp| mp.la(&la.code))),
        others: strip_values(p, m, mp)
            .filter(|(code, _)| *code != la.code)
            .map(|(_, v)| v)
            .collect(),
        region,
        england,
        unit: chart_unit(p, m.unit),
    }
}

/// Each metric's strip without its LA ([`StripBackground`]), in the
/// benchmark's metric order: drawn once for all the LAs' profiles.
pub fn strip_backgrounds(p: &Presenter, b: &Benchmark) -> Result<Vec<StripBackground>, ChartError> {
    b.metrics
        .iter()
        .map(|m| {
            let mp = m.at(b.period);
            let values: Vec<f64> = strip_values(p, m, mp).map(|(_, v)| v).collect();
            let (region, england) = strip_refs(p, b, m, mp);
            let unit = chart_unit(p, m.unit);
            StripBackground::new(&values, region.as_ref(), england.as_ref(), unit, STRIP_SIZE)
        })
        .collect()
}

fn row(
    p: &Presenter,
    b: &Benchmark,
    la: &La,
    (m, background): (&MetricResult, &StripBackground),
    periods: &[Period],
) -> Result<ProfileRow, ChartError> {
    let mp = m.at(b.period);
    let mine = mp.and_then(|mp| mp.la(&la.code));
    let pooled = mp.and_then(|mp| mp.region.pooled);
    let england = mp.and_then(|mp| mp.england.as_ref());
    let strip_png = background.png(&la.name, strip_value(p, m, mine))?;
    Ok(ProfileRow {
        id: m.id.clone(),
        short: m.short.clone(),
        unit: m.unit,
        own: Own::of(p, mine, m.unit),
        rank: match (mine, mp) {
            (Some(l), Some(mp)) => rank(l, &mp.las),
            _ => None,
        },
        region: region_value(p, pooled, m.unit),
        england: england.map(|c| england_label(c, m.unit)),
        strip_png,
        trend: periods
            .iter()
            .map(|&q| Own::of(p, m.at(q).and_then(|mp| mp.la(&la.code)), m.unit))
            .collect(),
    })
}

/// The profile of `la` for the benchmark's reporting period; `received` are
/// the periods the LA has a used return for; `backgrounds` are
/// [`strip_backgrounds`] of the same presenter and benchmark.
pub fn profile(
    p: &Presenter,
    b: &Benchmark,
    la: &La,
    received: &[Period],
    backgrounds: &[StripBackground],
) -> Result<Profile, ChartError> {
    if backgrounds.len() != b.metrics.len() {
        return Err(ChartError::Draw(format!(
            "{} strip backgrounds for {} metrics",
            backgrounds.len(),
            b.metrics.len()
        )));
    }
    let periods: Vec<Period> = b
        .periods
        .iter()
        .copied()
        .filter(|q| *q <= b.period && received.contains(q))
        .collect();
    let rows = b
        .metrics
        .iter()
        .zip(backgrounds)
        .map(|m| row(p, b, la, m, &periods))
        .collect::<Result<_, _>>()?;
    Ok(Profile {
        la_name: la.name.clone(),
        region_name: b.region_name.clone(),
        period: b.period,
        periods,
        rows,
        mode_note: p.mode_note().to_string(),
    })
}

/// The profile as a section of the feedback text.
pub fn profile_text(pr: &Profile) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Your position in the {} region, {} ({})",
        pr.region_name, pr.period, pr.mode_note
    );
    let _ = writeln!(t, "Rank 1st = the largest value among the LAs included.\n");
    for r in &pr.rows {
        let mut line = format!("- {} {}: {}", r.id, r.short, r.own.text(r.unit));
        if let Some(rank) = &r.rank {
            let _ = write!(line, ", {rank}");
        }
        let _ = write!(line, "; {} {}", pr.region_name, r.region);
        if let Some(e) = &r.england {
            let _ = write!(line, "; {e}");
        }
        let _ = writeln!(t, "{line}");
    }
    if !pr.periods.is_empty() {
        let _ = writeln!(t, "\nYour values by quarter:");
        for r in &pr.rows {
            let values: Vec<String> = pr
                .periods
                .iter()
                .zip(&r.trend)
                .map(|(q, own)| format!("{q} {}", own.text(r.unit)))
                .collect();
            let _ = writeln!(t, "- {} {}: {}", r.id, r.short, values.join("; "));
        }
    }
    t.push('\n');
    t
}
