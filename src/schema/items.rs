//! The return's items, sections, header block and template layout, as read from `return.toml`.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateLayout {
    /// The current version: the one templates and guidance are written for.
    pub version: u32,
    /// Every version a return may declare: 1, 2, … with no gap.
    pub known_versions: Vec<u32>,
    /// From which period each version is the one in use, for a return that
    /// does not say its version. None listed: `version` for every period.
    #[serde(default)]
    pub versions: Vec<VersionStart>,
    pub sheet: String,
    pub guidance_sheet: String,
    pub header_search_rows: u32,
    pub code_column: String,
    pub item_column: String,
    pub value_column: String,
    pub notes_column: String,
    /// Heading of the template's live-check column, right of Notes; the reader ignores it.
    pub check_column: String,
    /// Label of the cell above the table that sums up the live checks.
    pub checks_label: String,
}

/// A template version and the first period it is in use for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionStart {
    pub version: u32,
    pub from: crate::period::Period,
}

/// One label/value pair of the header block above the item table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderField {
    /// Stable key the code refers to (`la_code`, `period`, ...).
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub help: String,
}

impl HeaderField {
    /// True when a cell's text names this field (trimmed, case-insensitive, trailing colon ignored).
    pub fn matches(&self, text: &str) -> bool {
        std::iter::once(&self.label)
            .chain(&self.aliases)
            .any(|l| label_is(text, &normalise_label(l)))
    }
}

/// Label comparison form: trimmed, lower case, inner whitespace folded, trailing `:` dropped.
pub fn normalise_label(text: &str) -> String {
    let t = text.trim().trim_end_matches(':').trim();
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `normalise_label(text) == wanted`, for a `wanted` already in that form.
/// Most cells searched for a label are guidance or values, not labels; their
/// first character tells them apart without building their normal form.
pub fn label_is(text: &str, wanted: &str) -> bool {
    // The normal form, when not empty, begins with the lower case of the first
    // character left after trimming (the end's colons go, never the start).
    let first = text
        .trim_start()
        .chars()
        .next()
        .map(|c| c.to_lowercase().next());
    match (first, wanted.chars().next()) {
        (Some(f), Some(w)) if f != Some(w) => false,
        (None, Some(_)) => false,
        _ => normalise_label(text) == wanted,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingRules {
    pub not_provided_markers: Vec<String>,
    pub withheld_markers: Vec<String>,
    pub fte_decimals: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    Snapshot,
    Flow,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub timing: Timing,
    pub note: String,
}

/// The kinds of number an item can hold. Their meaning is code; which item has which is data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A whole number, 0 or more.
    Count,
    /// A number, 0 or more, with up to `fte_decimals` decimals.
    Fte,
}

impl Unit {
    pub fn key(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Fte => "fte",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInfo {
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub section: String,
    pub label: String,
    pub unit: Unit,
    pub definition: String,
    /// Plausible range per LA per quarter, inclusive: outside it is a warning.
    #[serde(default)]
    pub range: Option<[f64; 2]>,
    /// The first template version with this item.
    #[serde(default = "first_version")]
    pub since: u32,
    /// The last template version with this item; none: still in the current one.
    #[serde(default)]
    pub until: Option<u32>,
    /// The code this item had in the versions before `since`: its values carry on under this code.
    #[serde(default)]
    pub renamed_from: Option<String>,
}

pub(crate) fn first_version() -> u32 {
    1
}

impl Item {
    pub fn in_version(&self, version: u32) -> bool {
        in_range(self.since, self.until, version)
    }
}

/// Whether `version` lies in `since..=until` (no `until`: open-ended).
pub(crate) fn in_range(since: u32, until: Option<u32>, version: u32) -> bool {
    since <= version && until.is_none_or(|u| version <= u)
}

/// A change from the previous quarter worth asking about.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRule {
    pub ratio: f64,
    pub min_abs: f64,
}
