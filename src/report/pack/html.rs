//! `chart_pack.html`: the page data, rendered with minijinja from
//! templates/chart_pack.html (autoescaped; only our own SVG is inserted as safe).

use minijinja::value::{Serde, Value};
use minijinja::{context, AutoEscape, Environment};
use serde::Serialize;

use super::words::{england_value, join_names, outlier_names, region_value};
use super::PackChart;
use crate::aggregate::{Benchmark, MetricResult};
use crate::report::RunContext;
use crate::schema::MetricUnit;

const TEMPLATE: &str = include_str!("../../../templates/chart_pack.html");

/// One metric in the headline table.
#[derive(Debug, Serialize)]
pub struct HeadlineRow {
    pub id: String,
    pub metric: String,
    pub region: String,
    pub change: String,
    pub england: String,
    pub included: String,
    pub outliers: String,
}

#[derive(Serialize)]
struct ChartView<'a> {
    stem: &'a str,
    heading: &'a str,
    title: &'a str,
    narrative: &'a str,
    table: &'a crate::report::charts::DataTable,
}

#[derive(Serialize)]
struct Missing {
    period: String,
    names: String,
}

/// The headline table's rows, one per metric in schema order.
pub fn headline(ctx: &RunContext<'_>, b: &Benchmark) -> Vec<HeadlineRow> {
    let p = ctx.presenter;
    b.metrics
        .iter()
        .map(|m| {
            let mp = m.at(b.period);
            let pooled = mp.and_then(|mp| mp.region.pooled);
            let outliers = match mp {
                Some(mp) if mp.outliers.not_assessed.is_some() => "not assessed".to_string(),
                Some(mp) => match outlier_names(p, mp) {
                    names if names.is_empty() => "none".to_string(),
                    names => join_names(&names),
                },
                None => "–".to_string(),
            };
            HeadlineRow {
                id: m.id.clone(),
                metric: m.short.clone(),
                region: region_value(p, pooled, m.unit),
                change: change(ctx, b, m),
                england: mp.and_then(|mp| mp.england.as_ref()).map_or_else(
                    || "–".to_string(),
                    |c| format!("{} ({})", england_value(c, m.unit), c.year_ending),
                ),
                included: mp.map_or_else(
                    || "–".to_string(),
                    |mp| format!("{} of {}", mp.region.n_included, mp.las.len()),
                ),
                outliers,
            }
        })
        .collect()
}

/// The change on the previous quarter, on the values as shown: "+1.2 pp", "−0.3".
fn change(ctx: &RunContext<'_>, b: &Benchmark, m: &MetricResult) -> String {
    // On the values as the table shows them (one decimal), so the change
    // is the difference a reader would work out.
    let shown = |period| {
        m.at(period)
            .and_then(|mp| ctx.presenter.region_rate(mp.region.pooled).number())
            .map(|v| (v * 10.0).round() / 10.0)
    };
    let (Some(now), Some(then)) = (shown(b.period), shown(b.period.prev())) else {
        return "–".to_string();
    };
    let d = ((now - then) * 10.0).round() / 10.0;
    let sign = if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    let unit = if m.unit == MetricUnit::Percent {
        " pp".to_string()
    } else {
        m.unit.suffix().to_string()
    };
    format!("{sign}{:.1}{unit}", d.abs())
}

/// The region LAs with no return, period by period, named through the presenter.
fn not_received(ctx: &RunContext<'_>, b: &Benchmark) -> Vec<Missing> {
    b.periods
        .iter()
        .map(|&period| {
            let mut names: Vec<String> = Vec::new();
            for c in b
                .coverage
                .grid
                .iter()
                .filter(|c| c.period == period && !c.received)
            {
                let name = ctx.presenter.la_name(&c.la_code, &c.la_name);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            names.sort();
            Missing {
                period: period.to_string(),
                names: if names.is_empty() {
                    "none: every LA's return was used".to_string()
                } else {
                    join_names(&names)
                },
            }
        })
        .collect()
}

/// The page, as one self-contained HTML string.
pub fn render(ctx: &RunContext<'_>, b: &Benchmark, built: &[PackChart]) -> Result<String, String> {
    let mut env = Environment::new();
    // The template is HTML whatever its name: escape every value put into it.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template("chart_pack.html", TEMPLATE)
        .map_err(|e| e.to_string())?;
    let charts: Vec<ChartView> = built
        .iter()
        .map(|c| ChartView {
            stem: &c.stem,
            heading: &c.heading,
            title: &c.title,
            narrative: &c.narrative,
            table: &c.table,
        })
        .collect();
    // Our renderer's SVG, whose text it XML-escapes itself: trusted, inserted as is.
    let svgs: Vec<Value> = built
        .iter()
        .map(|c| Value::from_safe_string(c.rendered.svg.trim().to_string()))
        .collect();
    let info = ctx.info;
    let page = context! {
        region => &b.region_name,
        period => b.period.to_string(),
        months => b.period.months_label(),
        as_of => info.as_of.to_string(),
        tool => &info.tool,
        mode_note => ctx.presenter.mode_note(),
        headline => Serde(headline(ctx, b)),
        charts => Serde(charts),
        svgs => svgs,
        missing => Serde(not_received(ctx, b)),
        n_periods => b.periods.len(),
        first_period => b.periods.first().map(ToString::to_string),
    };
    env.get_template("chart_pack.html")
        .and_then(|t| t.render(page))
        .map_err(|e| e.to_string())
}
