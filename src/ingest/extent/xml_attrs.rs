//! Attributes of an `.ods` tag, read as calamine's `get_datatype` reads them.

use super::IngestError;

/// A tag's attributes in order, as (name, value) pairs of the text the scanner kept.
fn attrs(text: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        rest = &rest[start..];
        let eq = rest.iter().position(|b| *b == b'=')?;
        let key = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let close = after[1..].iter().position(|b| *b == quote)?;
        let value = &after[1..1 + close];
        rest = &after[close + 2..];
        Some((key, value))
    })
}

fn attr<'a>(text: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attrs(text).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Bytes of the values calamine copies into every repeat of a cell: its string,
/// date or time value and its formula, at their full length in the file.
pub(super) fn text_attrs(text: &[u8], lens: &[u64]) -> u64 {
    attrs(text)
        .zip(lens)
        .filter(|((k, _), _)| {
            matches!(
                *k,
                b"office:string-value"
                    | b"office:date-value"
                    | b"office:time-value"
                    | b"table:formula"
            )
        })
        .map(|(_, len)| *len)
        .fold(0, u64::saturating_add)
}

/// A repeat count, 1 when absent. calamine parses it with `str::parse::<usize>`, so
/// anything else (entities, an over-long count) would fail there too: refused here.
pub(super) fn repeat(attrs: &[u8], name: &[u8]) -> Result<u64, IngestError> {
    let Some(v) = attr(attrs, name) else {
        return Ok(1);
    };
    let digits = v.strip_prefix(b"+").unwrap_or(v);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(IngestError::Corrupt(format!(
            "content.xml has a repeat count that is not a number ({})",
            String::from_utf8_lossy(v)
        )));
    }
    Ok(digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// Whether calamine sees a value or formula in the cell, and whether it reads the
/// cell's content as its text: `get_datatype`'s reading of the attributes, in order.
pub(super) fn cell_kind(text: &[u8]) -> (bool, bool) {
    let (mut set, mut string, mut error, mut empty_string, mut formula) =
        (false, false, false, false, false);
    for (key, value) in attrs(text) {
        match key {
            b"office:value"
            | b"office:date-value"
            | b"office:time-value"
            | b"office:boolean-value"
                if !set =>
            {
                set = true;
            }
            b"office:string-value" if !set => {
                set = true;
                empty_string = value.is_empty();
            }
            b"office:value-type" if !set => string = value == b"string",
            b"calcext:value-type" => error = value == b"error",
            b"table:formula" => formula = !value.is_empty(),
            _ => {}
        }
    }
    let text = (!set && string) || (error && set && empty_string);
    (set || text || formula, text)
}
