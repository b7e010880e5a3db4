//! Template versions side by side: which items, relations and metrics each
//! version has, how a renamed item's code carries over, which version is in
//! use for a period, and what changed from one version to the next.

use std::collections::BTreeMap;

use super::{Item, Metric, Relation, Schema};
use crate::period::Period;

impl Schema {
    /// The items of template `version`, in template order.
    pub fn items_in_version(&self, version: u32) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.in_version(version))
    }

    /// The code `code`'s item goes by in template `version`: itself, or the
    /// item it was renamed from or to. None: the version has no such item.
    pub fn code_in(&self, code: &str, version: u32) -> Option<&str> {
        let start = self.item(code)?;
        if start.in_version(version) {
            return Some(&start.code);
        }
        // Back through the codes it had, then forward through the codes it took.
        // The load check refuses cycles, so each walk ends.
        let mut at = start;
        while let Some(old) = at.renamed_from.as_deref().and_then(|c| self.item(c)) {
            if old.in_version(version) {
                return Some(&old.code);
            }
            at = old;
        }
        let mut at = start;
        while let Some(new) = self
            .items
            .iter()
            .find(|i| i.renamed_from.as_deref() == Some(&at.code))
        {
            if new.in_version(version) {
                return Some(&new.code);
            }
            at = new;
        }
        None
    }

    /// The latest code of `code`'s item: itself, or the code it was last renamed to.
    /// Metrics, counts and breakdowns name items so, and aggregation keys values by it.
    pub fn current_code<'a>(&'a self, code: &'a str) -> &'a str {
        let mut at = code;
        while let Some(new) = self
            .items
            .iter()
            .find(|i| i.renamed_from.as_deref() == Some(at))
        {
            at = &new.code;
        }
        at
    }

    /// Every code of `codes` as template `version` names it; None when the
    /// version lacks one of them.
    fn codes_in(&self, codes: &[String], version: u32) -> Option<Vec<String>> {
        codes
            .iter()
            .map(|c| self.code_in(c, version).map(str::to_string))
            .collect()
    }

    /// The relations checked in template `version`, in schema order, each with
    /// its position in `relations` and its codes as that version names them.
    /// A relation applies only where the version has every one of its items.
    pub fn relations_in_version(&self, version: u32) -> Vec<(usize, Relation)> {
        let mut out = Vec::new();
        for (i, r) in self.relations.iter().enumerate() {
            if !super::items::in_range(r.since, r.until, version) {
                continue;
            }
            let (Some(parts), Some(whole)) = (
                self.codes_in(&r.parts, version),
                self.codes_in(&r.whole, version),
            ) else {
                continue;
            };
            let renames: BTreeMap<&str, &str> = r
                .items()
                .zip(parts.iter().chain(&whole))
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let text = rename_codes(&r.text, &renames);
            out.push((
                i,
                Relation {
                    text,
                    parts,
                    whole,
                    ..r.clone()
                },
            ));
        }
        out
    }

    /// The metrics template `version` has every item of, in schema order,
    /// with their codes as that version names them.
    pub fn metrics_in_version(&self, version: u32) -> Vec<Metric> {
        self.metrics
            .iter()
            .filter_map(|m| {
                Some(Metric {
                    numerator: self.codes_in(&m.numerator, version)?,
                    denominator: self.codes_in(&m.denominator, version)?,
                    ..m.clone()
                })
            })
            .collect()
    }

    /// Those of `items` that template `version` has under no code of theirs.
    pub fn missing_in_version<'a>(&self, items: &[&'a str], version: u32) -> Vec<&'a str> {
        items
            .iter()
            .copied()
            .filter(|c| self.code_in(c, version).is_none())
            .collect()
    }

    /// The version in use for `period`: the latest `[[template.versions]]`
    /// entry starting by then (the first listed before any starts), or the
    /// current version when none are listed.
    pub fn version_for(&self, period: Option<Period>) -> u32 {
        let starts = &self.template.versions;
        let Some(first) = starts.first() else {
            return self.template.version;
        };
        let Some(period) = period else {
            return self.template.version;
        };
        starts
            .iter()
            .rfind(|s| s.from <= period)
            .unwrap_or(first)
            .version
    }

    /// What changed from the version before `version` to `version`.
    pub fn changes_to(&self, version: u32) -> VersionChanges {
        let before = version.saturating_sub(1);
        let mut c = VersionChanges {
            version,
            from: self
                .template
                .versions
                .iter()
                .find(|s| s.version == version)
                .map(|s| s.from),
            ..VersionChanges::default()
        };
        for item in &self.items {
            let (was, is) = (item.in_version(before), item.in_version(version));
            let line = || format!("{}: {}", item.code, item.label);
            match (was, is) {
                (false, true) => match &item.renamed_from {
                    Some(old) if item.since == version => {
                        c.renamed
                            .push(format!("{old} is now {}: {}", item.code, item.label));
                    }
                    _ => c.added.push(line()),
                },
                (true, false) => {
                    let renamed = self
                        .items
                        .iter()
                        .any(|i| i.renamed_from.as_deref() == Some(&item.code));
                    if !renamed {
                        c.removed.push(line());
                    }
                }
                _ => {}
            }
        }
        let rels = |v: u32| -> BTreeMap<usize, String> {
            self.relations_in_version(v)
                .into_iter()
                .map(|(i, r)| (i, r.text))
                .collect()
        };
        let (was, is) = (rels(before), rels(version));
        c.relations_added = is
            .iter()
            .filter(|(i, _)| !was.contains_key(i))
            .map(|(_, t)| t.clone())
            .collect();
        c.relations_removed = was
            .iter()
            .filter(|(i, _)| !is.contains_key(i))
            .map(|(_, t)| t.clone())
            .collect();
        let metric_ids = |v: u32| -> Vec<String> {
            self.metrics_in_version(v)
                .into_iter()
                .map(|m| format!("{}: {}", m.id, m.title))
                .collect()
        };
        let (was, is) = (metric_ids(before), metric_ids(version));
        c.metrics_added = is.iter().filter(|m| !was.contains(m)).cloned().collect();
        c.metrics_removed = was.iter().filter(|m| !is.contains(m)).cloned().collect();
        c
    }
}

/// What changed from one template version to the next: the release note the
/// analyst sends the LAs with the new template.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VersionChanges {
    pub version: u32,
    /// The first period the version is in use for, when the schema says.
    pub from: Option<Period>,
    /// `A05: of A03, placed with brothers or sisters` (code and label).
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// `C02 is now C05: <label>`.
    pub renamed: Vec<String>,
    pub relations_added: Vec<String>,
    pub relations_removed: Vec<String>,
    pub metrics_added: Vec<String>,
    pub metrics_removed: Vec<String>,
}

impl VersionChanges {
    /// The note as lines of text: a heading, then each kind of change there is.
    pub fn lines(&self) -> Vec<String> {
        let from = self
            .from
            .map(|p| format!(", in use from {p}"))
            .unwrap_or_default();
        let mut out = vec![format!(
            "Template version {}{from}: changes from version {}",
            self.version,
            self.version.saturating_sub(1)
        )];
        let groups = [
            ("items added", &self.added),
            ("items removed", &self.removed),
            ("items renamed", &self.renamed),
            ("relations added", &self.relations_added),
            ("relations removed", &self.relations_removed),
            ("metrics added", &self.metrics_added),
            ("metrics removed", &self.metrics_removed),
        ];
        for (what, list) in groups {
            if list.is_empty() {
                continue;
            }
            out.push(format!("  {what}:"));
            out.extend(list.iter().map(|l| format!("    {l}")));
        }
        if out.len() == 1 {
            out.push("  no changes".to_string());
        }
        out
    }
}

/// `text` with each whole item code found in `renames` replaced.
fn rename_codes(text: &str, renames: &BTreeMap<&str, &str>) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(renames.get(word.as_str()).copied().unwrap_or(word));
        word.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            word.push(ch);
        } else {
            flush(&mut word, &mut out);
            out.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[test]
    fn renames_whole_codes_only() {
        let map = BTreeMap::from([("C04", "C05"), ("B02", "B09")]);
        assert_eq!(
            super::rename_codes("sum(B02a..B02d) + C04 <= B02", &map),
            "sum(B02a..B02d) + C05 <= B09"
        );
    }
}
