//! How LAs retype and rearrange a return: numbers typed as text, rows moved.

use crate::number_text::format_number;
use crate::template::RowSpec;

/// `1,234` for four digits and more, else ` 45 `: both as LAs type numbers as text.
pub(super) fn as_typed_text(n: f64) -> String {
    let digits = format_number(n);
    if digits.len() < 4 {
        return format!(" {digits} ");
    }
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The last section first, the second section's items reversed, and a blank
/// and a comment row inserted: an LA tidying the sheet its own way.
pub(super) fn moved(rows: &[RowSpec]) -> Vec<RowSpec> {
    let mut blocks: Vec<Vec<RowSpec>> = Vec::new();
    for r in rows {
        match (r, blocks.last_mut()) {
            (RowSpec::Section(_), _) | (_, None) => blocks.push(vec![r.clone()]),
            (_, Some(b)) => b.push(r.clone()),
        }
    }
    if let Some(last) = blocks.pop() {
        blocks.insert(0, last);
    }
    if let Some(b) = blocks.get_mut(2) {
        if b.len() > 2 {
            b[1..].reverse();
        }
    }
    let mut out: Vec<RowSpec> = Vec::new();
    for (i, b) in blocks.into_iter().enumerate() {
        out.extend(b);
        if i == 0 {
            out.push(RowSpec::Blank);
            out.push(RowSpec::Comment(
                "Figures checked by the team manager".into(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_typed_as_las_type_them() {
        assert_eq!(as_typed_text(45.0), " 45 ");
        assert_eq!(as_typed_text(1234.0), "1,234");
        assert_eq!(as_typed_text(2034567.0), "2,034,567");
    }
}
