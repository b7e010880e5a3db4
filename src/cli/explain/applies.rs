//! Which items of the schema in force a rule is about: the rule's family says
//! where it looks (the header block, every item, a unit, the metrics' pairs,
//! the relations, the plausible ranges), the schema says what is there.

use kinbench::schema::{Item, Metric, RelOp, Relation, Schema, Unit};
use kinbench::validate::rules::Rule;
use kinbench::validate::Family;

/// What a rule looks at, in words, and the first of it for the example.
pub struct Applies<'a> {
    pub text: String,
    pub item: Option<&'a Item>,
    pub metric: Option<&'a Metric>,
    pub relation: Option<&'a Relation>,
}

pub fn applies<'a>(schema: &'a Schema, rule: &Rule) -> Applies<'a> {
    let none = Applies {
        text: String::new(),
        item: None,
        metric: None,
        relation: None,
    };
    match rule.family {
        Family::File => Applies {
            text: header_text(schema, rule.code.as_str()),
            ..none
        },
        Family::Value => items(schema, rule.code.as_str()),
        Family::Pair => pairs(schema, rule.code == "PAIR003"),
        Family::Sum => {
            let op = if rule.code == "SUM001" {
                RelOp::Equals
            } else {
                RelOp::AtMost
            };
            relations(schema, op)
        }
        Family::Plausibility => plausibility(schema, rule.code.as_str()),
    }
}

fn header_text(schema: &Schema, code: &str) -> String {
    let labels: Vec<&str> = schema.headers.iter().map(|h| h.label.as_str()).collect();
    match code {
        "FILE020" => "No item: it is about an LA of the region that sent no usable return.".into(),
        _ => format!(
            "No item: it is about the file as a whole or its header block ({}).",
            labels.join(", ")
        ),
    }
}

fn items<'a>(schema: &'a Schema, code: &str) -> Applies<'a> {
    let (chosen, what): (Vec<&Item>, &str) = match code {
        "VAL008" => (with_unit(schema, Unit::Count), "Every count item"),
        "VAL011" => (with_unit(schema, Unit::Fte), "Every FTE item"),
        "VAL016" => (
            schema
                .items
                .iter()
                .filter(|i| i.since > 1 || i.until.is_some())
                .collect(),
            "Items in some template versions only",
        ),
        _ => (schema.items.iter().collect(), "Every item of the return"),
    };
    let codes: Vec<&str> = chosen.iter().map(|i| i.code.as_str()).collect();
    let text = match codes.len() {
        0 => format!("{what}: none in the schema in force."),
        n => format!("{what} ({n}): {}.", codes.join(", ")),
    };
    Applies {
        text,
        item: chosen.first().copied().or(schema.items.first()),
        metric: None,
        relation: None,
    }
}

fn with_unit(schema: &Schema, unit: Unit) -> Vec<&Item> {
    schema.items.iter().filter(|i| i.unit == unit).collect()
}

fn pairs(schema: &Schema, shares_only: bool) -> Applies<'_> {
    let chosen: Vec<&Metric> = schema
        .metrics
        .iter()
        .filter(|m| !shares_only || m.unit.is_proportion())
        .collect();
    let lines: Vec<String> = chosen
        .iter()
        .map(|m| {
            format!(
                "{} {}: {} / {}",
                m.id,
                m.short,
                Metric::side_text(&m.numerator),
                Metric::side_text(&m.denominator)
            )
        })
        .collect();
    let what = if shares_only {
        "Each percentage metric's numerator and denominator"
    } else {
        "Each metric's numerator and denominator"
    };
    Applies {
        text: format!("{what}: {}.", lines.join("; ")),
        item: None,
        metric: chosen.first().copied(),
        relation: None,
    }
}

fn relations(schema: &Schema, op: RelOp) -> Applies<'_> {
    let chosen: Vec<&Relation> = schema.relations.iter().filter(|r| r.op == op).collect();
    let texts: Vec<&str> = chosen.iter().map(|r| r.text.as_str()).collect();
    let text = match texts.len() {
        0 => "The schema's relations of this kind: none in the schema in force.".to_string(),
        _ => format!("The relations in return.toml: {}.", texts.join("; ")),
    };
    Applies {
        text,
        item: None,
        metric: None,
        relation: chosen.first().copied(),
    }
}

fn plausibility<'a>(schema: &'a Schema, code: &str) -> Applies<'a> {
    match code {
        "PLAUS001" => {
            let ranged: Vec<&Item> = schema.items.iter().filter(|i| i.range.is_some()).collect();
            let said: Vec<String> = ranged
                .iter()
                .filter_map(|i| i.range.map(|[lo, hi]| format!("{} {lo} to {hi}", i.code)))
                .collect();
            Applies {
                text: format!("Items with a plausible range: {}.", said.join(", ")),
                item: ranged.first().copied(),
                metric: None,
                relation: None,
            }
        }
        "PLAUS002" => {
            let ranged: Vec<&Metric> = schema
                .metrics
                .iter()
                .filter(|m| m.plausible.is_some())
                .collect();
            let said: Vec<String> = ranged
                .iter()
                .filter_map(|m| m.plausible.map(|[lo, hi]| format!("{} {lo} to {hi}", m.id)))
                .collect();
            Applies {
                text: format!("Metrics with a plausible range: {}.", said.join(", ")),
                item: None,
                metric: ranged.first().copied(),
                relation: None,
            }
        }
        "PLAUS003" => {
            let mut out = items(schema, code);
            out.text = format!(
                "{} It fires on a change of more than {}% and at least {} from the previous quarter.",
                out.text,
                schema.change.ratio * 100.0,
                schema.change.min_abs
            );
            out
        }
        _ => {
            let ids: Vec<&str> = schema.metrics.iter().map(|m| m.id.as_str()).collect();
            Applies {
                text: format!(
                    "Every metric ({}), on the items it is worked out from; raised by `kinbench run`, not `validate`.",
                    ids.join(", ")
                ),
                item: None,
                metric: schema.metrics.first(),
                relation: None,
            }
        }
    }
}
