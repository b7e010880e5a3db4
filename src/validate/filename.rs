//! What a file's name says about its LA and period, against its contents
//! (FILE016, FILE017). The contents always win; a mismatch is only a warning.

use std::path::Path;

use super::make::{Case, Ctx};
use super::rules::Code;
use super::Finding;
use crate::period::Period;
use crate::schema::{La, Schema};

/// Longest run of words tried as an LA name (`Royal Borough of Windsor and Maidenhead`).
const MAX_NAME_WORDS: usize = 7;
/// Longest run of tokens tried as a period (`July to September 2025`).
const MAX_PERIOD_TOKENS: usize = 4;

/// The file name without folders or extension: `returns/Kent 2025-26 Q2.xlsx` → `Kent 2025-26 Q2`.
pub fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The LAs a file name names: by DfE number as a separate 3-digit token, or by a
/// name from the lookup as whole words. A name inside a longer one that also
/// matched (`Somerset` in `Bath and North East Somerset`) does not count.
pub fn las_named<'a>(schema: &'a Schema, stem: &str) -> Vec<&'a La> {
    let lowered = stem.to_lowercase().replace('&', " and ");
    let words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut spans: Vec<(usize, usize, &La)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.len() == 3 && w.chars().all(|c| c.is_ascii_digit()) {
            if let Some(la) = schema.las.by_code(w) {
                spans.push((i, i + 1, la));
            }
        }
    }
    for start in 0..words.len() {
        for end in start + 1..=(start + MAX_NAME_WORDS).min(words.len()) {
            let phrase = words[start..end].join(" ");
            for la in schema.las.named(&phrase) {
                spans.push((start, end, la));
            }
        }
    }
    let inside = |a: &(usize, usize, &La), b: &(usize, usize, &La)| {
        b.0 <= a.0 && a.1 <= b.1 && (b.1 - b.0) > (a.1 - a.0)
    };
    let mut named: Vec<&La> = Vec::new();
    for s in &spans {
        if !spans.iter().any(|o| inside(s, o)) && !named.iter().any(|n| n.code == s.2.code) {
            named.push(s.2);
        }
    }
    named
}

/// The periods a file name names, in any spelling [`Period::parse`] accepts.
pub fn periods_named(stem: &str) -> Vec<Period> {
    let tokens: Vec<&str> = stem
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '_' | '(' | ')' | '[' | ']' | ',' | '.' | '+')
        })
        .filter(|t| !t.is_empty())
        .collect();
    let mut found = Vec::new();
    for start in 0..tokens.len() {
        for end in start + 1..=(start + MAX_PERIOD_TOKENS).min(tokens.len()) {
            if let Some((p, _)) = Period::parse(&tokens[start..end].join(" ")) {
                if !found.contains(&p) {
                    found.push(p);
                }
            }
        }
    }
    found
}

/// FILE016 when the name names LAs but not the return's; FILE017 likewise for periods.
pub fn filename_findings(
    schema: &Schema,
    file: &str,
    la: Option<&La>,
    period: Option<Period>,
) -> Vec<Finding> {
    let ctx = Ctx {
        file: file.to_string(),
        la: la.cloned(),
        period,
    };
    let stem = stem(file);
    let mut out = Vec::new();
    if let Some(la) = la {
        let named = las_named(schema, &stem);
        if let Some(other) = named
            .first()
            .filter(|_| !named.iter().any(|n| n.code == la.code))
        {
            let detail = format!("{} ({})", other.name, other.code);
            out.push(ctx.finding(
                Code::FILE016,
                Case::new(vec![], None, Some(stem.clone())).with("detail", detail),
            ));
        }
    }
    if let Some(period) = period {
        let named = periods_named(&stem);
        if let Some(other) = named.first().filter(|_| !named.contains(&period)) {
            out.push(ctx.finding(
                Code::FILE017,
                Case::new(vec![], None, Some(stem.clone())).with("detail", other.to_string()),
            ));
        }
    }
    out
}
