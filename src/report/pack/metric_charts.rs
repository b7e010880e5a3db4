//! Each rate metric as ranked bars, a funnel plot (`%` metrics) and the
//! region's trend against England.

use super::words::{chart_unit, england_label, england_now, source_line};
use super::{titles, PackChart};
use crate::aggregate::{Benchmark, LimitNames, MetricPeriod, MetricResult};
use crate::report::charts::{
    self, BarRow, ChartError, EnglandYear, Frame, Funnel, FunnelPoint, Limits, RankedBars, RefLine,
    Trend,
};
use crate::report::present::{Presenter, Shown};
use crate::schema::{MetricUnit, Schema};

/// "Share of children leaving care on an SGO (%), by LA, 2025-26 Q2".
fn subtitle(m: &MetricResult, what: &str) -> String {
    let unit = match m.unit {
        MetricUnit::Percent => " (%)",
        MetricUnit::Ratio => "",
        MetricUnit::Per100 => " (per 100)",
    };
    format!("{}{unit}, {what}", m.title)
}

fn stem(m: &MetricResult, kind: &str) -> String {
    format!("{}_{kind}", m.id.to_lowercase())
}

/// The region's pooled line, labelled "South East 9.6%".
fn region_line(
    p: &Presenter,
    b: &Benchmark,
    value: Option<f64>,
    unit: MetricUnit,
) -> Option<RefLine> {
    let shown = p.region_rate(value).number()?;
    Some(RefLine {
        value: shown,
        label: format!(
            "{} {}",
            b.region_name,
            super::words::region_value(p, value, unit)
        ),
    })
}

/// Ranked bars of the reporting period: every region LA, excluded ones as "no data".
/// An LA whose rate is withheld (`c`) or rounds to 0 (`k`) has no bar and no
/// whisker: its symbol stands where the bar would be.
pub fn bars(p: &Presenter, b: &Benchmark, m: &MetricResult) -> Result<PackChart, ChartError> {
    let mp = m.at(b.period);
    let mut labels = std::collections::BTreeMap::new();
    let mut rows = Vec::new();
    for l in mp.map_or(&[][..], |mp| &mp.las) {
        let f = p.la_figures(m, b.period, l);
        let name = p.la_name(&l.la_code, &l.la_name);
        let value = match (&f.value, l.value) {
            (Shown::Symbol(s), Some(_)) => {
                labels.insert(name.clone(), s.to_string());
                None
            }
            (shown, _) => shown.number(),
        };
        let interval = match value {
            Some(_) => l.wilson.map(|w| (w.low, w.high)),
            None => None,
        };
        rows.push(BarRow {
            name,
            value,
            interval,
            outlier: l.outlier,
        });
    }
    let england = england_now(b, m);
    let data = RankedBars {
        rows,
        unit: chart_unit(p, m.unit),
        region: region_line(p, b, mp.and_then(|mp| mp.region.pooled), m.unit),
        england: england.map(|c| RefLine {
            value: c.value,
            label: england_label(c, m.unit),
        }),
    };
    let title = titles::bars(p, b, m);
    let sub = subtitle(m, &format!("by LA, {}", b.period));
    let frame = frame_of(p, &title, &sub, b, england);
    let rendered = charts::ranked_bars_labelled(&frame, &data, &labels)?;
    Ok(PackChart::new(
        stem(m, "bars"),
        frame,
        &p.narrative(m),
        rendered,
        data.table(&labels),
    ))
}

fn frame_of(
    p: &Presenter,
    title: &str,
    sub: &str,
    b: &Benchmark,
    england: Option<&crate::aggregate::Comparator>,
) -> Frame {
    Frame::new(title, sub, &source_line(p, b, england))
}

/// Funnel plot of the reporting period (`%` metrics): included LAs against
/// their denominators, with the inner and outer limits around p0.
pub fn funnel(
    schema: &Schema,
    p: &Presenter,
    b: &Benchmark,
    m: &MetricResult,
) -> Result<PackChart, ChartError> {
    let mp = m.at(b.period);
    let (points, left_out) = funnel_points(p, b, m);
    let n_max = points.iter().map(|pt| pt.n).fold(1.0, f64::max);
    let names = LimitNames::of(&schema.outliers);
    let data = Funnel {
        points,
        limits: funnel_limits(mp, n_max),
        target: funnel_target(p, b, m),
        unit: chart_unit(p, m.unit),
        x_label: format!("{} (n)", side_labels(schema, &m.denominator)),
        limit_labels: [names.outer, names.inner].map(|l| format!("{l} limits")),
    };
    let title = titles::funnel(p, b, m);
    let mut what = format!("LA value against its denominator, {}", b.period);
    if left_out > 0 {
        what.push_str(&format!(
            "; {left_out} LA(s) not plotted: rate shown as c or k"
        ));
    }
    let sub = subtitle(m, &what);
    let frame = frame_of(p, &title, &sub, b, None);
    let rendered = charts::funnel_plot(&frame, &data)?;
    Ok(PackChart::new(
        stem(m, "funnel"),
        frame,
        &p.narrative(m),
        rendered,
        data.table(),
    ))
}

/// The LAs with a value, as shown; and how many of them are not plotted: a
/// rate withheld by disclosure control (`c`), or one that rounds to 0 (`k`,
/// whose true value is not published).
fn funnel_points(p: &Presenter, b: &Benchmark, m: &MetricResult) -> (Vec<FunnelPoint>, usize) {
    let mut points = Vec::new();
    let mut left_out = 0;
    for l in m.at(b.period).map_or(&[][..], |mp| &mp.las) {
        let f = p.la_figures(m, b.period, l);
        if l.value.is_none() {
            continue;
        }
        let (Some(value), Some(n)) = (f.value.number(), f.denominator.number()) else {
            left_out += 1;
            continue;
        };
        points.push(FunnelPoint {
            name: p.la_name(&l.la_code, &l.la_name),
            n,
            value,
            outlier: l.outlier,
        });
    }
    (points, left_out)
}

/// The limits in percent, sampled past the last point: the chart cuts the
/// curves at its axis end.
fn funnel_limits(mp: Option<&MetricPeriod>, n_max: f64) -> Vec<Limits> {
    let Some(f) = mp.and_then(|mp| mp.outliers.funnel.as_ref()) else {
        return Vec::new();
    };
    Limits::sample(n_max * 1.25, 120, |n| {
        let l = f.limits_at(n);
        Limits {
            n,
            lo95: l.inner.low * 100.0,
            hi95: l.inner.high * 100.0,
            lo998: l.outer.low * 100.0,
            hi998: l.outer.high * 100.0,
        }
    })
}

/// The target p0 (else the pooled figure), labelled with the region's name.
fn funnel_target(p: &Presenter, b: &Benchmark, m: &MetricResult) -> RefLine {
    let target = m.at(b.period).and_then(|mp| {
        mp.outliers
            .funnel
            .as_ref()
            .map(|f| f.p0 * 100.0)
            .or(mp.region.pooled)
    });
    match target {
        Some(t) => RefLine {
            value: t,
            label: format!(
                "{} {}",
                b.region_name,
                super::words::region_value(p, Some(t), m.unit)
            ),
        },
        None => RefLine {
            value: f64::NAN,
            label: String::new(),
        },
    }
}

/// Item labels of one side of a pair, joined with " + ".
fn side_labels(schema: &Schema, side: &[String]) -> String {
    side.iter()
        .map(|c| schema.item(c).map_or(c.as_str(), |i| i.label.as_str()))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The region by quarter, with England's figure of each quarter as a step.
pub fn trend(p: &Presenter, b: &Benchmark, m: &MetricResult) -> Result<PackChart, ChartError> {
    let shown: Vec<_> = m
        .periods
        .iter()
        .filter(|mp| mp.period <= b.period)
        .collect();
    let mut england: Vec<EnglandYear> = Vec::new();
    for (i, mp) in shown.iter().enumerate() {
        let Some(c) = &mp.england else { continue };
        let label = format!(
            "England {}: {}",
            c.year_ending,
            super::words::england_value(c, m.unit)
        );
        match england.last_mut() {
            Some(last) if last.last + 1 == i && last.label == label => last.last = i,
            _ => england.push(EnglandYear {
                label,
                first: i,
                last: i,
                value: c.value,
            }),
        }
    }
    let data = Trend {
        periods: shown.iter().map(|mp| mp.period.to_string()).collect(),
        region_name: b.region_name.clone(),
        region: shown
            .iter()
            .map(|mp| p.region_rate(mp.region.pooled).number())
            .collect(),
        england,
        unit: chart_unit(p, m.unit),
    };
    let title = titles::trend(p, b, m);
    let sub = subtitle(m, "region by quarter, England by year ending 31 March");
    let frame = frame_of(p, &title, &sub, b, england_now(b, m));
    let rendered = charts::trend_lines(&frame, &data)?;
    Ok(PackChart::new(
        stem(m, "trend"),
        frame,
        &p.narrative(m),
        rendered,
        data.table(),
    ))
}
