//! The placeholders of one rule's example message: an LA, a period, the first
//! item (or metric, or relation) the rule looks at with its cell in the
//! template, and made-up figures shaped as the check words them.

use kinbench::period::Period;
use kinbench::schema::{Metric, Relation, Schema};
use kinbench::template::{place, ReturnContent};
use kinbench::validate::rules::Rule;

use super::applies::Applies;

/// The example's LA (Kent) when the schema has it, else its first LA.
const LA_CODE: &str = "886";
const PERIOD: Period = Period {
    fy_start: 2025,
    quarter: 2,
};

type Fills = Vec<(&'static str, String)>;

/// Every placeholder's example value for `rule`.
pub fn fills(schema: &Schema, rule: &Rule, applies: &Applies<'_>) -> Fills {
    let la = schema
        .las
        .by_code(LA_CODE)
        .or_else(|| schema.las.all().first());
    let placement = la.map(|la| place(schema, &ReturnContent::template(schema, la, PERIOD)));
    let cell_of = |code: &str| {
        placement
            .as_ref()
            .and_then(|p| p.value_ref(code))
            .map_or_else(|| "Return!C23".to_string(), |c| c.to_string())
    };
    let item = applies.item.or(schema.items.first());
    let code = item.map_or("A01", |i| i.code.as_str());
    let mut out: Fills = vec![
        ("la", la.map_or("Kent".to_string(), |l| l.name.clone())),
        ("period", PERIOD.to_string()),
        ("item", code.to_string()),
        ("label", item.map_or(String::new(), |i| i.label.clone())),
        ("cell", cell_of(code)),
    ];
    // Later entries win: the rule's own come last.
    let own = match rule.code.as_str().get(..3) {
        Some("FIL") => file(rule.code.as_str(), schema),
        Some("VAL") => value(rule.code.as_str(), schema),
        Some("PAI") => applies
            .metric
            .map(|m| pair(rule.code.as_str(), m))
            .unwrap_or_default(),
        Some("SUM") => applies.relation.map(sum).unwrap_or_default(),
        _ => plausibility(rule.code.as_str(), applies),
    };
    for (k, v) in own {
        out.retain(|(key, _)| *key != k);
        out.push((k, v));
    }
    out
}

fn pairs(list: &[(&'static str, &str)]) -> Fills {
    list.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

fn file(code: &str, schema: &Schema) -> Fills {
    let versions: Vec<String> = schema
        .template
        .known_versions
        .iter()
        .map(|v| v.to_string())
        .collect();
    match code {
        "FILE001" => pairs(&[("detail", ".pdf"), ("value", "pdf")]),
        "FILE002" => pairs(&[("detail", "it is damaged (the zip archive is truncated)")]),
        "FILE004" => pairs(&[("detail", "the file is 31 MB, over the limit of 20 MB")]),
        "FILE005" => pairs(&[("detail", "the sheets are \"Sheet1\", \"Notes\"")]),
        "FILE006" => pairs(&[
            ("value", "Q2 return"),
            ("detail", schema.template.sheet.as_str()),
        ]),
        "FILE008" => pairs(&[("value", "999")]),
        "FILE009" => pairs(&[("value", "Medway"), ("detail", "is Medway (887)")]),
        "FILE010" => pairs(&[("la", "Leeds"), ("detail", "South East")]),
        "FILE012" => pairs(&[("value", "Autumn")]),
        "FILE013" => pairs(&[("value", "Q2 2025/26")]),
        "FILE014" => vec![
            ("value", "7".to_string()),
            (
                "detail",
                format!("the versions it knows: {}", versions.join(", ")),
            ),
        ],
        "FILE015" => vec![("detail", schema.template.version.to_string())],
        "FILE016" => pairs(&[("detail", "Medway (887)")]),
        "FILE017" => pairs(&[("detail", "2025-26 Q1")]),
        "FILE018" => pairs(&[(
            "detail",
            "the return in \"886 Kent 2025-26 Q2 v2.xlsx\" (completed later: 14/10/2025)",
        )]),
        "FILE019" => pairs(&[("detail", "\"last week\" is not a date")]),
        "FILE021" => pairs(&[("detail", "two sheets are named \"Return\"")]),
        "FILE022" => pairs(&[
            ("value", schema.template.sheet.as_str()),
            ("detail", "\"Copy\""),
        ]),
        "FILE023" => pairs(&[("detail", "Permission denied")]),
        "FILE024" => pairs(&[("detail", "the header row has Code twice, in A7 and F7")]),
        _ => Fills::new(),
    }
}

fn value(code: &str, schema: &Schema) -> Fills {
    let marker = schema
        .reading
        .not_provided_markers
        .first()
        .map_or("n/a", String::as_str);
    let withheld = schema
        .reading
        .withheld_markers
        .first()
        .map_or("c", String::as_str);
    let decimals = schema.reading.fte_decimals.to_string();
    match code {
        "VAL001" => pairs(&[("value", "1 234"), ("detail", "1234")]),
        "VAL002" => pairs(&[("value", marker)]),
        "VAL003" => pairs(&[("value", withheld)]),
        "VAL004" => pairs(&[("value", "#DIV/0!")]),
        "VAL005" => pairs(&[("value", "01/07/2025")]),
        "VAL006" => pairs(&[("value", "TRUE")]),
        "VAL007" => pairs(&[("value", "-3"), ("number", "-3"), ("detail", "a count")]),
        "VAL008" => pairs(&[("value", "2.5"), ("number", "2.5"), ("detail", "a count")]),
        "VAL009" => pairs(&[("value", "about 12")]),
        "VAL010" => pairs(&[("value", "=SUM(C20:C23)")]),
        "VAL011" => vec![
            ("value", "1.125".to_string()),
            ("number", "1.125".to_string()),
            ("detail", decimals),
        ],
        "VAL012" => pairs(&[("item", "A99"), ("value", "7")]),
        "VAL013" => pairs(&[("detail", "Return!C23, Return!C41")]),
        "VAL015" => pairs(&[("value", "12"), ("cell", "Return!C60")]),
        "VAL016" => pairs(&[("value", "5"), ("detail", "1")]),
        _ => Fills::new(),
    }
}

fn pair(code: &str, m: &Metric) -> Fills {
    let (num, den) = (m.numerator.join(" + "), m.denominator.join(" + "));
    let metric = format!("{} ({})", m.id, m.title);
    let first = |side: &[String]| side.first().cloned().unwrap_or_default();
    let (item, detail) = match code {
        "PAIR001" => (
            first(&m.denominator),
            format!(
                "{den} as well as {num}: {num} is 4 but {} is blank",
                first(&m.denominator)
            ),
        ),
        "PAIR002" => (
            first(&m.numerator),
            format!(
                "{num} as well as {den}: {den} is 9 but {} is blank",
                first(&m.numerator)
            ),
        ),
        "PAIR003" => (first(&m.numerator), format!("{num} is 12 and {den} is 9")),
        _ => (den.clone(), format!("{den} is 0 but {num} is 3")),
    };
    vec![("metric", metric), ("item", item), ("detail", detail)]
}

/// Parts of 7, 5, 2, 1 ... against a whole 2 less than their total: wrong for
/// either kind of relation.
fn sum(r: &Relation) -> Fills {
    let each: Vec<u32> = [7, 5, 2, 1]
        .iter()
        .cycle()
        .take(r.parts.len())
        .copied()
        .collect();
    let total: u32 = each.iter().sum();
    let parts = if r.parts.len() == 1 {
        format!("{} is {total}", r.parts[0])
    } else {
        let shown: Vec<String> = each.iter().map(u32::to_string).collect();
        format!("{} is {total} ({})", r.parts.join(" + "), shown.join(", "))
    };
    let whole = format!("{} is {}", r.whole.join(" + "), total.saturating_sub(2));
    let first = r.parts.first().cloned().unwrap_or_default();
    vec![("item", first), ("detail", format!("{parts} and {whole}"))]
}

fn plausibility(code: &str, applies: &Applies<'_>) -> Fills {
    match code {
        "PLAUS001" => {
            let [lo, hi] = applies.item.and_then(|i| i.range).unwrap_or([0.0, 100.0]);
            vec![
                ("number", format!("{}", hi * 3.0)),
                ("detail", format!("{lo} to {hi}")),
            ]
        }
        "PLAUS002" => applies.metric.map(plaus002).unwrap_or_default(),
        "PLAUS003" => pairs(&[
            ("number", "24"),
            ("detail", "11 in 2025-26 Q1 (up 13, 118%)"),
        ]),
        _ => applies.metric.map(plaus004).unwrap_or_default(),
    }
}

fn plaus002(m: &Metric) -> Fills {
    let [lo, hi] = m.plausible.unwrap_or([0.0, 100.0]);
    let suffix = m.unit.suffix();
    let den = 20.0;
    let x = if hi > 0.0 { hi * 1.5 } else { 10.0 };
    let num = (x / m.unit.scale() * den).round();
    let x = num / den * m.unit.scale();
    vec![
        ("metric", format!("{} ({})", m.id, m.title)),
        (
            "detail",
            format!(
                "{x:.1}{suffix} ({} {num} / {} {den}), outside the range expected for one LA \
                 in one quarter ({lo}{suffix} to {hi}{suffix})",
                m.numerator.join(" + "),
                m.denominator.join(" + ")
            ),
        ),
    ]
}

fn plaus004(m: &Metric) -> Fills {
    let suffix = m.unit.suffix();
    let detail = if m.unit.is_proportion() {
        format!(
            "42.0{suffix} (21 of 50), is outside the region's 99.8% funnel limits \
             (3.1{suffix}–25.3{suffix}) for a denominator ({}) of 50",
            Metric::side_text(&m.denominator)
        )
    } else {
        format!(
            "61.0{suffix} (61 / 10), is far from the region's other values: the regional \
             median is 18.5{suffix} and your robust z-score is 4.2 (beyond ±3.5 is an outlier)"
        )
    };
    let items = m.items().join(" and ");
    vec![
        ("metric", format!("{} ({})", m.id, m.title)),
        ("item", items),
        ("detail", detail),
    ]
}
