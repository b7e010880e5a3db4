//! The codes nearest an unknown one, for the error `kinbench explain` gives.

use kinbench::validate::rules::RULES;

/// How many codes the error lists at most.
const SHOWN: usize = 5;

/// The message for a code that is not in the catalogue: the nearest codes by
/// edit distance, with codes of the same family (prefix) first.
pub fn unknown(typed: &str) -> String {
    let wanted = typed.trim().to_ascii_uppercase();
    let family: String = wanted
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let mut scored: Vec<(bool, usize, &str)> = RULES
        .iter()
        .map(|r| {
            let other_family = !r.code.as_str().starts_with(&family) || family.is_empty();
            (
                other_family,
                distance(&wanted, r.code.as_str()),
                r.code.as_str(),
            )
        })
        .collect();
    scored.sort();
    let nearest: Vec<&str> = scored.iter().take(SHOWN).map(|(_, _, c)| *c).collect();
    format!(
        "'{}' is not a rule code; the nearest are: {} (`kinbench rules` lists them all)",
        typed.trim(),
        nearest.join(", ")
    )
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
