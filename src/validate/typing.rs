//! Typing one Value cell against its item: the Value rules VAL001–VAL011.

use super::rules::Code;
use super::ValueStatus;
use crate::ingest::{Cell, RawCell};
use crate::number_text::format_number;
use crate::schema::{Item, Schema, Unit};

/// Excel's error values. `.ods` files carry them as text, so text is checked against them too.
const ERROR_LITERALS: [&str; 10] = [
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
];

/// What one Value cell means for its item.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub status: ValueStatus,
    /// Set exactly when `status` is `Used`.
    pub value: Option<f64>,
    /// The rule the cell breaks (or was normalised under) and the `{detail}` for its message.
    pub rule: Option<(Code, String)>,
    /// The number the cell was read as, also when a check rejected it (`-3`):
    /// messages state this, not the text as typed.
    pub number: Option<f64>,
}

impl Reading {
    fn used(value: f64, rule: Option<(Code, String)>) -> Reading {
        Reading {
            status: ValueStatus::Used,
            value: Some(value),
            rule,
            number: Some(value),
        }
    }

    fn not_used(status: ValueStatus, rule: Option<(Code, String)>) -> Reading {
        Reading {
            status,
            value: None,
            rule,
            number: None,
        }
    }

    fn rejected(code: Code, detail: impl Into<String>) -> Reading {
        Reading::not_used(ValueStatus::Rejected, Some((code, detail.into())))
    }

    fn rejected_number(n: f64, code: Code, detail: &str) -> Reading {
        Reading {
            number: Some(n),
            ..Reading::rejected(code, detail)
        }
    }
}

/// Reads a Value cell (`None` when the row has no such cell) as `item` by the
/// schema's reading rules. Every non-empty cell is either `Used` or carries a rule.
pub fn read_value(cell: Option<&Cell>, item: &Item, schema: &Schema) -> Reading {
    let Some(cell) = cell else {
        return Reading::not_used(ValueStatus::Blank, None);
    };
    if cell.is_uncalculated_formula() {
        return Reading::rejected(Code::VAL010, "");
    }
    match &cell.value {
        RawCell::Empty => Reading::not_used(ValueStatus::Blank, None),
        RawCell::Number(n) => number(*n, false, item, schema),
        RawCell::Bool(_) => Reading::rejected(Code::VAL006, ""),
        RawCell::Error(_) => Reading::rejected(Code::VAL004, ""),
        RawCell::Date(_) => Reading::rejected(Code::VAL005, ""),
        RawCell::Text(t) => text(t, item, schema),
    }
}

fn text(raw: &str, item: &Item, schema: &Schema) -> Reading {
    let t = raw.trim();
    let is = |list: &[String]| list.iter().any(|m| m.trim().eq_ignore_ascii_case(t));
    if t.is_empty() {
        Reading::not_used(ValueStatus::Blank, None)
    } else if ERROR_LITERALS.iter().any(|e| e.eq_ignore_ascii_case(t)) {
        Reading::rejected(Code::VAL004, "")
    } else if is(&schema.reading.withheld_markers) {
        Reading::not_used(ValueStatus::Withheld, Some((Code::VAL003, String::new())))
    } else if is(&schema.reading.not_provided_markers) {
        Reading::not_used(
            ValueStatus::NotProvided,
            Some((Code::VAL002, String::new())),
        )
    } else if let Some(n) = typed_number(t) {
        number(n, true, item, schema)
    } else {
        Reading::rejected(Code::VAL009, "")
    }
}

/// The numeric checks, for a number cell or a number typed as text. A number typed
/// as text that breaks a check gets that check's finding only, not VAL001 as well.
fn number(n: f64, from_text: bool, item: &Item, schema: &Schema) -> Reading {
    let kind = match item.unit {
        Unit::Count => "a count",
        Unit::Fte => "an FTE",
    };
    if !n.is_finite() {
        return Reading::rejected(Code::VAL009, "");
    }
    if n < 0.0 {
        return Reading::rejected_number(n, Code::VAL007, kind);
    }
    match item.unit {
        Unit::Count if n.fract() != 0.0 => return Reading::rejected_number(n, Code::VAL008, kind),
        Unit::Fte if decimals(n) > schema.reading.fte_decimals as usize => {
            return Reading::used(
                n,
                Some((Code::VAL011, schema.reading.fte_decimals.to_string())),
            );
        }
        _ => {}
    }
    let rule = from_text.then(|| (Code::VAL001, format_number(n)));
    Reading::used(n, rule)
}

/// Decimal places in the shortest text that gives back `n` exactly (`2.35` → 2).
fn decimals(n: f64) -> usize {
    let shown = format!("{}", n.abs());
    shown.split_once('.').map_or(0, |(_, frac)| frac.len())
}

/// Spaces a spreadsheet or a keyboard puts between digit groups: the space, the
/// non-breaking space (U+00A0), the narrow no-break space (U+202F), the thin space (U+2009).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// A number typed as text: spaces (non-breaking ones too) trimmed from either end, and
/// commas or spaces as thousands separators in threes (`1,234`, `1 234`, `12,345.5`).
/// `1,5` and `1 5` are not numbers, and one number does not mix commas and spaces.
pub fn typed_number(text: &str) -> Option<f64> {
    let s = text.trim();
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(s)),
    };
    let body = body.trim_start();
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if let Some(f) = frac {
        if !digits(f) {
            return None;
        }
    }
    let commas = int.contains(',');
    let spaces = int.contains(is_group_space);
    if commas && spaces {
        return None;
    }
    let groups: Vec<&str> = int.split(|c: char| c == ',' || is_group_space(c)).collect();
    let grouped_ok = match groups.split_first() {
        Some((first, rest)) if !rest.is_empty() => {
            digits(first) && first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g))
        }
        Some((first, _)) => digits(first),
        None => false,
    };
    if !grouped_ok {
        return None;
    }
    let plain = format!(
        "{sign}{}{}",
        groups.concat(),
        frac.map(|f| format!(".{f}")).unwrap_or_default()
    );
    // A long enough run of digits parses as infinity: not a number anyone typed.
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::typed_number;

    #[test]
    fn numbers_typed_as_text() {
        assert_eq!(typed_number("1,234"), Some(1234.0));
        assert_eq!(typed_number("1 234"), Some(1234.0));
        assert_eq!(typed_number("1\u{a0}234"), Some(1234.0));
        assert_eq!(typed_number(" 12.50 "), Some(12.5));
        assert_eq!(typed_number("-3"), Some(-3.0));
        assert_eq!(typed_number("12,345,678.25"), Some(12_345_678.25));
        assert_eq!(typed_number("1 234 567"), Some(1_234_567.0));
        assert_eq!(typed_number("1\u{202f}234"), Some(1234.0));
        assert_eq!(typed_number("\u{a0}45\u{a0}"), Some(45.0));
        assert_eq!(typed_number("- 5"), Some(-5.0));
        for bad in [
            "1,5",
            "1,2345",
            "12a",
            "",
            "-",
            ".5",
            "5.",
            "1e5",
            "inf",
            "NaN",
            "1..2",
            "£5",
            ",123",
            "1 5",
            "12 3",
            "1 2345",
            "1  234",
            "1 234,567",
            "1,234 567",
            "1 234. 5",
            "1\t234",
        ] {
            assert_eq!(typed_number(bad), None, "{bad}");
        }
    }

    /// Found by fuzzing (tests/fixtures/fuzz/): digits enough to overflow f64.
    #[test]
    fn digits_past_the_largest_number_are_not_a_number() {
        let fuzzed = include_str!("../../tests/fixtures/fuzz/typed_number-crash-73b6e2c4.txt");
        assert!(
            fuzzed.trim().len() > 308,
            "the fixture is a long run of digits"
        );
        assert_eq!(typed_number(fuzzed), None);
        assert_eq!(typed_number(&"9".repeat(400)), None);
        assert!(typed_number(&"9".repeat(300)).is_some_and(f64::is_finite));
    }
}
