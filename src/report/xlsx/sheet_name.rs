//! Sheet names Excel accepts, made from metric titles.

/// A sheet name Excel accepts: forbidden characters become spaces, at most 31
/// characters, unique (case-insensitively) among `taken`.
pub(crate) fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let squeezed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let base = squeezed.trim_matches('\'').trim().to_string();
    let base = if base.is_empty() {
        "Sheet".to_string()
    } else {
        base
    };
    let clash = |n: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    for i in 1.. {
        let suffix = if i == 1 {
            String::new()
        } else {
            format!(" ({i})")
        };
        let room = 31 - suffix.chars().count();
        let name = format!("{}{suffix}", cut_at_word(&base, room));
        if !clash(&name) {
            return name;
        }
    }
    unreachable!("some suffix is free")
}

/// At most `room` characters, ending at a word boundary when a word would be cut
/// and the boundary is past the first few characters (the metric id).
fn cut_at_word(text: &str, room: usize) -> &str {
    let Some((end, _)) = text.char_indices().nth(room) else {
        return text;
    };
    let head = &text[..end];
    if text[end..].starts_with(' ') {
        return head.trim_end();
    }
    match head.rfind(' ') {
        Some(i) if i > 4 => head[..i].trim_end(),
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_cleaned_cut_and_unique() {
        assert_eq!(
            sheet_name("M11 Relatives/friends share of SGOs", &[]),
            "M11 Relatives friends share of"
        );
        assert_eq!(
            sheet_name("M03 Temporary share of approvals", &[]),
            "M03 Temporary share of"
        );
        assert_eq!(sheet_name("a:b?", &[]), "a b");
        let taken = vec!["About".to_string()];
        assert_eq!(sheet_name("about", &taken), "about (2)");
        assert_eq!(sheet_name("[]", &[]), "Sheet");
        assert!(sheet_name(&"x".repeat(40), &[]).chars().count() <= 31);
    }
}
