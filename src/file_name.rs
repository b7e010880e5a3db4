//! File names built from data (LA names come from `schema/la-lookup.csv`,
//! which a network may edit), shared by every stage that names a file.

/// Replaces characters that are not allowed in file names on common systems,
/// so an LA called `Bath/North East` cannot turn a file name into a path.
pub fn safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_end_matches('.').to_string();
    if trimmed.is_empty() {
        "_".to_string()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn separators_and_reserved_characters_become_underscores() {
        assert_eq!(safe("886 Kent 2025-26 Q2.xlsx"), "886 Kent 2025-26 Q2.xlsx");
        assert_eq!(
            safe("999 Bath/North: East?.xlsx"),
            "999 Bath_North_ East_.xlsx"
        );
        assert_eq!(safe(" ..."), "_");
        assert_eq!(safe("a\u{7}b."), "a_b");
    }
}
