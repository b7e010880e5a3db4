//! The reference list of English local authorities (`la-lookup.csv`).

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct La {
    /// ONS code, for example `E10000016`.
    #[serde(rename = "la_code")]
    pub ons_code: String,
    /// DfE 3-digit LA number, for example `886`: the code LAs write in the return.
    #[serde(rename = "old_la_code")]
    pub code: String,
    #[serde(rename = "la_name")]
    pub name: String,
    pub region_code: String,
    pub region_name: String,
}

#[derive(Debug, Clone)]
pub struct LaLookup {
    las: Vec<La>,
    /// Every form of every LA's name ([`name_keys`]) to the LAs it names, by
    /// index into `las`, ascending. Built once: a file name is matched against
    /// each run of its words, which would otherwise lower-case and split all
    /// 153 names again for every run of every file.
    by_key: BTreeMap<String, Vec<usize>>,
    /// DfE number and upper-cased ONS code to the LA, by index: each return's
    /// code is looked up, not compared with every LA's.
    by_code: BTreeMap<String, usize>,
}

impl LaLookup {
    pub fn from_csv(text: &str) -> Result<LaLookup, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut las = Vec::new();
        for (i, row) in reader.deserialize::<La>().enumerate() {
            las.push(row.map_err(|e| format!("row {}: {e}", i + 2))?);
        }
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, la) in las.iter().enumerate() {
            for key in name_keys(&la.name) {
                let named = by_key.entry(key).or_default();
                if named.last() != Some(&i) {
                    named.push(i);
                }
            }
        }
        let mut by_code = BTreeMap::new();
        for (i, la) in las.iter().enumerate().rev() {
            // In reverse, so the first LA of a code repeated by mistake is kept, as a search finds.
            by_code.insert(la.ons_code.to_ascii_uppercase(), i);
            by_code.insert(la.code.clone(), i);
        }
        Ok(LaLookup {
            las,
            by_key,
            by_code,
        })
    }

    pub fn all(&self) -> &[La] {
        &self.las
    }

    /// By DfE 3-digit number; leading/trailing spaces ignored, `886.0` accepted.
    pub fn by_code(&self, code: &str) -> Option<&La> {
        let c = code.trim();
        let c = c.strip_suffix(".0").unwrap_or(c);
        let i = self
            .by_code
            .get(c)
            .or_else(|| self.by_code.get(&c.to_ascii_uppercase()))?;
        Some(&self.las[*i])
    }

    /// By name, comparing case-insensitively with `&` = `and` and `Bristol, City of` = `City of Bristol` = `Bristol`.
    pub fn by_name(&self, name: &str) -> Option<&La> {
        self.named(name).into_iter().next()
    }

    /// Every LA `name` is a way of writing, in the lookup's order (usually one).
    pub fn named(&self, name: &str) -> Vec<&La> {
        let mut found: Vec<usize> = typed_forms(name)
            .iter()
            .filter_map(|form| self.by_key.get(form))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.las[i]).collect()
    }

    /// True when `name` is a way of writing `la`'s name, by the keys built once.
    pub fn matches(&self, la: &La, name: &str) -> bool {
        self.named(name).iter().any(|n| n.code == la.code)
    }

    /// True when `name` is a way of writing this LA's name
    /// (`Kent County Council`, `Royal Borough of Windsor & Maidenhead`).
    /// Builds the LA's keys afresh: with a lookup at hand, [`LaLookup::matches`] does not.
    pub fn name_matches(la: &La, name: &str) -> bool {
        let reference = name_keys(&la.name);
        typed_forms(name).iter().any(|t| reference.contains(t))
    }

    /// The LAs of a region, by region name or code (case-insensitive); `all` for England.
    pub fn region(&self, region: &str) -> Option<Vec<&La>> {
        let r = region.trim();
        if r.eq_ignore_ascii_case("all") || r.eq_ignore_ascii_case("england") {
            return Some(self.las.iter().collect());
        }
        let found: Vec<&La> = self
            .las
            .iter()
            .filter(|la| {
                la.region_name.eq_ignore_ascii_case(r) || la.region_code.eq_ignore_ascii_case(r)
            })
            .collect();
        (!found.is_empty()).then_some(found)
    }

    pub fn region_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.las.iter().map(|la| la.region_name.as_str()).collect();
        names.sort();
        names.dedup();
        names
    }
}

fn name_key(name: &str) -> String {
    let lowered = name.to_lowercase().replace('&', " and ");
    let kept: String = lowered
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The typed name with the council's styling taken off, longest first.
fn typed_forms(typed: &str) -> Vec<String> {
    const PREFIXES: [&str; 5] = [
        "the ",
        "royal borough of ",
        "london borough of ",
        "borough of ",
        "council of ",
    ];
    const SUFFIXES: [&str; 6] = [
        " metropolitan borough council",
        " county council",
        " borough council",
        " city council",
        " district council",
        " council",
    ];
    let mut forms = vec![name_key(typed)];
    let mut stripped = forms[0].clone();
    for p in PREFIXES {
        if let Some(rest) = stripped.strip_prefix(p) {
            stripped = rest.to_string();
        }
    }
    for s in SUFFIXES {
        if let Some(rest) = stripped.strip_suffix(s) {
            stripped = rest.to_string();
            break;
        }
    }
    if stripped != forms[0] && !stripped.is_empty() {
        forms.push(stripped);
    }
    forms
}

/// The forms a reference name may be written in.
fn name_keys(reference: &str) -> Vec<String> {
    let mut keys = vec![name_key(reference)];
    // "Bristol, City of" is also "City of Bristol" and "Bristol".
    if let Some((stem, title)) = reference.rsplit_once(", ") {
        keys.push(name_key(&format!("{title} {stem}")));
        keys.push(name_key(stem));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup() -> LaLookup {
        LaLookup::from_csv(include_str!("../../schema/la-lookup.csv")).unwrap()
    }

    #[test]
    fn reference_list_has_153_las_and_19_in_the_south_east() {
        let l = lookup();
        assert_eq!(l.all().len(), 153);
        assert_eq!(l.region("South East").unwrap().len(), 19);
        assert_eq!(l.region("e12000008").unwrap().len(), 19);
        assert_eq!(l.region("all").unwrap().len(), 153);
        assert!(l.region("Atlantis").is_none());
    }

    #[test]
    fn names_match_loosely_but_not_wrongly() {
        let l = lookup();
        assert_eq!(l.by_name("brighton & hove").unwrap().code, "846");
        assert_eq!(l.by_name("City of Bristol").unwrap().code, "801");
        assert_eq!(l.by_name("Bristol").unwrap().code, "801");
        assert_eq!(l.by_code(" 886 ").unwrap().name, "Kent");
        assert_eq!(l.by_code("886.0").unwrap().name, "Kent");
        assert_eq!(l.by_code("e10000016").unwrap().name, "Kent");
        assert!(l.by_code("").is_none() && l.by_code("999").is_none());
        assert!(l.by_name("Kentish Town").is_none());
        assert!(LaLookup::name_matches(
            l.by_code("868").unwrap(),
            "Windsor & Maidenhead"
        ));
        assert!(LaLookup::name_matches(
            l.by_code("868").unwrap(),
            "Royal Borough of Windsor and Maidenhead"
        ));
        assert!(LaLookup::name_matches(
            l.by_code("886").unwrap(),
            "Kent County Council"
        ));
        assert!(!LaLookup::name_matches(
            l.by_code("886").unwrap(),
            "Medway Council"
        ));
    }

    /// The keys built once give what building them afresh for each LA gives.
    #[test]
    fn keys_built_once_match_as_keys_built_each_time() {
        let l = lookup();
        let typed = [
            "Kent County Council",
            "bristol",
            "City of Bristol",
            "Bristol, City of",
            "the royal borough of windsor & maidenhead",
            "Somerset",
            "Bath and North East Somerset Council",
            "Kentish Town",
            "",
        ];
        let mut matched = 0;
        for name in typed
            .iter()
            .copied()
            .chain(l.all().iter().map(|la| la.name.as_str()))
        {
            let afresh: Vec<&str> = l
                .all()
                .iter()
                .filter(|la| LaLookup::name_matches(la, name))
                .map(|la| la.code.as_str())
                .collect();
            let once: Vec<&str> = l.named(name).iter().map(|la| la.code.as_str()).collect();
            assert_eq!(once, afresh, "{name}");
            matched += once.len();
        }
        assert!(matched >= 153 + 6, "{matched}");
        assert_eq!(l.named("Somerset").len(), 1);
        assert!(l.matches(l.by_code("801").unwrap(), "Bristol"));
        assert!(!l.matches(l.by_code("886").unwrap(), "Medway"));
    }
}
