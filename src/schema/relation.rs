//! Relations between items, written in `return.toml` as small expressions:
//! `A02 <= A01`, `B02 + B03 <= B01`, `sum(B02a..B02d) = B02`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelOp {
    /// The parts together must not exceed the whole.
    AtMost,
    /// The parts must add up to the whole.
    Equals,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// As written in the schema, for messages.
    pub text: String,
    pub parts: Vec<String>,
    pub op: RelOp,
    pub whole: Vec<String>,
    /// The template versions it is checked in (also only where all its items exist).
    pub since: u32,
    pub until: Option<u32>,
}

impl Relation {
    /// Every item either side, parts first.
    pub fn items(&self) -> impl Iterator<Item = &String> {
        self.parts.iter().chain(&self.whole)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Parses one relation. `order` is the template's item order, used to expand `sum(P..Q)`.
pub fn parse(text: &str, order: &[&str]) -> Result<Relation, String> {
    let (lhs, op, rhs) = if let Some((l, r)) = text.split_once("<=") {
        (l, RelOp::AtMost, r)
    } else if let Some((l, r)) = text.split_once('=') {
        (l, RelOp::Equals, r)
    } else {
        return Err("expected `<=` or `=` between two sides".into());
    };
    let parts = side(lhs, order)?;
    let whole = side(rhs, order)?;
    if let Some(code) = parts.iter().find(|c| whole.contains(c)) {
        return Err(format!("{code} is on both sides"));
    }
    Ok(Relation {
        text: text.trim().to_string(),
        parts,
        op,
        whole,
        since: 1,
        until: None,
    })
}

fn side(text: &str, order: &[&str]) -> Result<Vec<String>, String> {
    let mut codes = Vec::new();
    for term in text.split('+') {
        let term = term.trim();
        if term.is_empty() {
            return Err("an empty term".into());
        }
        if let Some(inner) = term.strip_prefix("sum(").and_then(|t| t.strip_suffix(')')) {
            let (from, to) = inner
                .split_once("..")
                .ok_or_else(|| format!("`{term}`: write a range as sum(FIRST..LAST)"))?;
            let pos = |c: &str| {
                order
                    .iter()
                    .position(|o| *o == c.trim())
                    .ok_or_else(|| format!("unknown item code {}", c.trim()))
            };
            let (a, b) = (pos(from)?, pos(to)?);
            if a > b {
                return Err(format!(
                    "`{term}`: {} comes after {} in the template",
                    from.trim(),
                    to.trim()
                ));
            }
            codes.extend(order[a..=b].iter().map(|c| c.to_string()));
        } else if term.chars().all(|c| c.is_ascii_alphanumeric()) {
            if !order.contains(&term) {
                return Err(format!("unknown item code {term}"));
            }
            codes.push(term.to_string());
        } else {
            return Err(format!("`{term}` is not an item code or sum(FIRST..LAST)"));
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &[&str] = &["B01", "B02", "B02a", "B02b", "B02c", "B02d", "B03"];

    #[test]
    fn parses_each_form() {
        let r = parse("B02 + B03 <= B01", ORDER).unwrap();
        assert_eq!(
            (r.parts, r.op, r.whole),
            (
                vec!["B02".into(), "B03".into()],
                RelOp::AtMost,
                vec!["B01".into()]
            )
        );
        let r = parse("sum(B02a..B02d) = B02", ORDER).unwrap();
        assert_eq!(r.parts, ["B02a", "B02b", "B02c", "B02d"]);
        assert_eq!(r.op, RelOp::Equals);
    }

    #[test]
    fn refuses_unknown_codes_and_bad_ranges() {
        assert_eq!(
            parse("Z01 <= B01", ORDER).unwrap_err(),
            "unknown item code Z01"
        );
        assert!(parse("sum(B02d..B02a) = B02", ORDER)
            .unwrap_err()
            .contains("comes after"));
        assert!(parse("B01 B02", ORDER).unwrap_err().contains("expected"));
        assert!(parse("B01 <= B01", ORDER)
            .unwrap_err()
            .contains("both sides"));
    }
}
