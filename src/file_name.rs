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

/// The most bytes a file stem built from data may take. File systems allow 255
/// bytes per name; this leaves room for an extension and a suffix such as
/// ` profile`, and keeps names readable in a file browser.
pub const MAX_STEM_BYTES: usize = 96;

/// [`safe`], and no longer than [`MAX_STEM_BYTES`]: a longer name keeps its
/// start (the LA code and name come first) and ends with a short hash of the
/// whole name, so two long names that share a start stay apart and a rerun
/// gives the same name.
pub fn bounded(name: &str) -> String {
    let cleaned = safe(name);
    if cleaned.len() <= MAX_STEM_BYTES {
        return cleaned;
    }
    let hash = short_hash(name);
    let mut cut = MAX_STEM_BYTES - hash.len() - 1;
    while !cleaned.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{} {hash}", cleaned[..cut].trim_end())
}

/// Eight hex digits of the SHA-256 of `text`: enough to tell a run's names apart.
pub fn short_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{bounded, safe, MAX_STEM_BYTES};

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

    #[test]
    fn a_long_name_keeps_its_start_and_ends_with_a_hash_of_the_whole() {
        let long = format!(
            "unidentified - 886 Kent {} Q2.xlsx",
            "very long ".repeat(25)
        );
        let other = format!(
            "unidentified - 886 Kent {} Q3.xlsx",
            "very long ".repeat(25)
        );
        let name = bounded(&long);
        assert!(name.len() <= MAX_STEM_BYTES, "{} bytes", name.len());
        assert!(
            name.starts_with("unidentified - 886 Kent very long"),
            "{name}"
        );
        assert_eq!(name, bounded(&long), "stable across calls");
        assert_ne!(name, bounded(&other), "names sharing a start stay apart");
        assert_eq!(bounded("886 Kent"), "886 Kent");
    }

    #[test]
    fn a_name_of_multibyte_characters_is_cut_by_bytes_on_a_character_boundary() {
        // 60 characters but 180 bytes: short in characters, too long in bytes.
        let long = "\u{8a9e}".repeat(60);
        assert!(long.chars().count() < MAX_STEM_BYTES && long.len() > MAX_STEM_BYTES);
        let name = bounded(&long);
        assert!(name.len() <= MAX_STEM_BYTES, "{} bytes", name.len());
        let (start, hash) = name.rsplit_once(' ').unwrap();
        assert!(start.chars().all(|c| c == '\u{8a9e}') && !start.is_empty());
        assert_eq!(hash.len(), 8);
    }
}
