//! Replacing region LAs' names and codes in free text, for anonymised outputs.

use std::collections::BTreeMap;

use crate::schema::La;

/// Every way of writing each LA's name that [`scrub`] replaces, with the LA's
/// code, longest first so that `West Sussex` goes before a shorter name inside it.
pub(super) fn name_forms(region: &[La]) -> Vec<(String, String)> {
    let mut forms: Vec<(String, String)> = Vec::new();
    for la in region {
        let mut names = vec![la.name.clone()];
        // `Bristol, City of` is also written `City of Bristol` and `Bristol`.
        if let Some((stem, title)) = la.name.rsplit_once(", ") {
            names.push(format!("{title} {stem}"));
            names.push(stem.to_string());
        }
        for n in names.clone() {
            if n.contains(" and ") {
                names.push(n.replace(" and ", " & "));
            }
        }
        // The ONS code (`E10000025`) is a way of naming the LA too.
        names.push(la.ons_code.clone());
        forms.extend(names.into_iter().map(|n| (n, la.code.clone())));
    }
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    forms.dedup();
    forms
}

/// Names, then codes, become `LA <letter>`; then `LA C LA C` and `LA C (LA C)`
/// (what `931 Oxfordshire` and `Oxfordshire (931)` turn into) become `LA C`.
pub(super) fn scrub(
    text: &str,
    names: &[(String, String)],
    letters: &BTreeMap<String, String>,
) -> String {
    let mut out = text.to_string();
    for (form, code) in names {
        if let Some(letter) = letters.get(code) {
            out = replace_whole(&out, form, &format!("LA {letter}"), is_word_char);
        }
    }
    for (code, letter) in letters {
        out = replace_whole(&out, code, &format!("LA {letter}"), is_number_char);
    }
    for letter in letters.values() {
        let label = format!("LA {letter}");
        for doubled in [format!("{label} {label}"), format!("{label} ({label})")] {
            out = out.replace(&doubled, &label);
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A character that continues a number: `1,931` and `0.931` hold no code.
fn is_number_char(c: char) -> bool {
    c.is_alphanumeric() || c == ',' || c == '.'
}

/// Replaces each occurrence of `word` (ASCII case ignored) that is not joined
/// to a `joins` character on either side. A `,` or `.` only joins when a digit
/// or letter is beyond it, so `931.` at a sentence's end is still a whole token.
fn replace_whole(text: &str, word: &str, with: &str, joins: fn(char) -> bool) -> String {
    if word.is_empty() {
        return text.to_string();
    }
    let joined = |c: Option<char>, beyond: Option<char>| match c {
        Some(',' | '.') => beyond.is_some_and(char::is_alphanumeric) && joins(','),
        Some(c) => joins(c),
        None => false,
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let candidate = text
            .get(i..i + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word));
        if candidate {
            let mut before = text[..i].chars().rev();
            let mut after = text[i + word.len()..].chars();
            let (b1, b2) = (before.next(), before.next());
            let (a1, a2) = (after.next(), after.next());
            if !joined(b1, b2) && !joined(a1, a2) {
                out.push_str(with);
                i += word.len();
                continue;
            }
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Presenter;
    use crate::schema::{La, Schema};

    fn se() -> Vec<La> {
        let s = Schema::bundled().unwrap();
        s.las
            .region("South East")
            .unwrap()
            .into_iter()
            .cloned()
            .collect()
    }

    #[test]
    fn scrub_replaces_names_and_codes_as_whole_words() {
        let p = Presenter::new(&se(), false, true);
        let l = |code: &str| p.la_name(code, "");
        let (oxon, kent) = (l("931"), l("886"));
        assert_eq!(
            p.scrub("931 Oxfordshire 2025-26 Q2.xlsx"),
            format!("{oxon} 2025-26 Q2.xlsx")
        );
        assert_eq!(
            p.scrub("Oxfordshire (931) and KENT"),
            format!("{oxon} and {kent}")
        );
        assert_eq!(
            p.scrub("Brighton & Hove, West Sussex and East Sussex"),
            format!("{}, {} and {}", l("846"), l("938"), l("845"))
        );
        // The ONS code names the LA too.
        assert_eq!(p.scrub("E10000025 returned"), format!("{oxon} returned"));
        // Not whole words or whole numbers: left alone.
        assert_eq!(
            p.scrub("Kentish Town, Return!C931, 1,931 and 0.931; 9310"),
            "Kentish Town, Return!C931, 1,931 and 0.931; 9310"
        );
        assert_eq!(p.scrub("A01 is 931."), format!("A01 is {oxon}."));
        assert_eq!(p.scrub("Barnet (302)"), "Barnet (302)");
    }

    #[test]
    fn scrub_leaves_text_alone_unless_anonymising() {
        let p = Presenter::new(&se(), true, false);
        assert_eq!(p.scrub("931 Oxfordshire"), "931 Oxfordshire");
        assert_eq!(Presenter::internal().scrub("Kent"), "Kent");
    }
}
