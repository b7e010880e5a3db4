//! What a return is: items, relations, metrics, comparators and the LA list,
//! loaded from the TOML and CSV files in `schema/` and checked before use.
//!
//! The files are compiled into the binary ([`Schema::bundled`]) so the tool
//! runs anywhere; `--schema DIR` loads an edited copy instead, without a rebuild.

mod check;
pub mod comparators;
pub mod items;
pub mod las;
pub mod metrics;
pub mod relation;
mod versions;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::digest::sha256_bytes;

pub use comparators::{Comparators, Figure};
pub use items::{
    label_is, normalise_label, HeaderField, Item, ReadingRules, Section, TemplateLayout, Timing,
    Unit, UnitInfo, VersionStart,
};
pub use las::{La, LaLookup};
pub use metrics::{Breakdown, ChartKind, Metric, MetricUnit, OutlierSettings};
pub use relation::{RelOp, Relation};
pub use versions::VersionChanges;

/// The file names that make up a schema folder.
pub const FILES: [&str; 4] = [
    "return.toml",
    "metrics.toml",
    "comparators.toml",
    "la-lookup.csv",
];

/// The texts of [`FILES`] compiled into this binary.
const BUNDLED: [&str; 4] = [
    include_str!("../../schema/return.toml"),
    include_str!("../../schema/metrics.toml"),
    include_str!("../../schema/comparators.toml"),
    include_str!("../../schema/la-lookup.csv"),
];

#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct SchemaError {
    pub file: String,
    pub message: String,
}

impl SchemaError {
    fn new(file: &str, message: impl Into<String>) -> SchemaError {
        SchemaError {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Schema {
    /// Where the schema came from: a folder, or `bundled`.
    pub origin: String,
    /// Each of [`FILES`] with the SHA-256 of the text this schema was built
    /// from, so a run's manifest names the exact schema it used.
    pub sources: Vec<(String, String)>,
    pub template: TemplateLayout,
    pub headers: Vec<HeaderField>,
    pub reading: ReadingRules,
    pub sections: Vec<Section>,
    /// In template order.
    pub items: Vec<Item>,
    pub relations: Vec<Relation>,
    pub units: std::collections::BTreeMap<String, UnitInfo>,
    pub change: items::ChangeRule,
    pub metrics: Vec<Metric>,
    pub count_items: Vec<String>,
    pub breakdowns: Vec<Breakdown>,
    pub outliers: OutlierSettings,
    pub comparators: Comparators,
    pub las: LaLookup,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnFile {
    template: TemplateLayout,
    header: Vec<HeaderField>,
    reading: ReadingRules,
    section: Vec<Section>,
    item: Vec<Item>,
    #[serde(default)]
    relation: Vec<RelationText>,
    units: std::collections::BTreeMap<String, UnitInfo>,
    change: items::ChangeRule,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationText {
    rule: String,
    #[serde(default = "items::first_version")]
    since: u32,
    #[serde(default)]
    until: Option<u32>,
}

impl Schema {
    /// The schema compiled into this binary from the project's `schema/` folder.
    pub fn bundled() -> Result<Schema, SchemaError> {
        let [r, m, c, l] = BUNDLED;
        Schema::from_texts("bundled", r, m, c, l)
    }

    /// Loads and checks the schema files in `dir`.
    pub fn load(dir: &Path) -> Result<Schema, SchemaError> {
        let [r, m, c, l] = Schema::texts(Some(dir))?;
        Schema::from_texts(&dir.display().to_string(), &r, &m, &c, &l)
    }

    /// The texts of [`FILES`], in order: from `dir`, or the bundled ones. The
    /// self-check page carries them, to build the same schema in the browser.
    pub fn texts(dir: Option<&Path>) -> Result<[String; 4], SchemaError> {
        let Some(dir) = dir else {
            return Ok(BUNDLED.map(str::to_string));
        };
        let read = |name: &str| -> Result<String, SchemaError> {
            let path: PathBuf = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| {
                SchemaError::new(&path.display().to_string(), format!("cannot read: {e}"))
            })
        };
        let [r, m, c, l] = FILES.map(read);
        Ok([r?, m?, c?, l?])
    }

    pub fn from_texts(
        origin: &str,
        return_toml: &str,
        metrics_toml: &str,
        comparators_toml: &str,
        lookup_csv: &str,
    ) -> Result<Schema, SchemaError> {
        let rf: ReturnFile = toml::from_str(return_toml)
            .map_err(|e| SchemaError::new("return.toml", e.to_string()))?;
        let mf: metrics::MetricsFile = toml::from_str(metrics_toml)
            .map_err(|e| SchemaError::new("metrics.toml", e.to_string()))?;
        let comparators: Comparators = toml::from_str(comparators_toml)
            .map_err(|e| SchemaError::new("comparators.toml", e.to_string()))?;
        let las =
            LaLookup::from_csv(lookup_csv).map_err(|e| SchemaError::new("la-lookup.csv", e))?;

        let relation_texts = rf.relation;
        let sources = FILES
            .iter()
            .zip([return_toml, metrics_toml, comparators_toml, lookup_csv])
            .map(|(name, text)| (name.to_string(), sha256_bytes(text.as_bytes())))
            .collect();
        let schema = Schema {
            origin: origin.to_string(),
            sources,
            template: rf.template,
            headers: rf.header,
            reading: rf.reading,
            sections: rf.section,
            items: rf.item,
            relations: Vec::new(),
            units: rf.units,
            change: rf.change,
            metrics: mf.metric,
            count_items: mf.counts.items,
            breakdowns: mf.breakdown,
            outliers: mf.outliers,
            comparators,
            las,
        };
        // Items are checked before relations are parsed, so a duplicate or
        // malformed code is reported as itself rather than as a relation error.
        let mut schema = schema;
        check::check(&schema)?;
        let order: Vec<&str> = schema.items.iter().map(|i| i.code.as_str()).collect();
        let mut relations = Vec::new();
        for (i, r) in relation_texts.iter().enumerate() {
            let mut rel = relation::parse(&r.rule, &order).map_err(|e| {
                SchemaError::new(
                    "return.toml",
                    format!("relation {} `{}`: {e}", i + 1, r.rule),
                )
            })?;
            (rel.since, rel.until) = (r.since, r.until);
            relations.push(rel);
        }
        schema.relations = relations;
        check::check_relation_versions(&schema).map_err(|m| SchemaError::new("return.toml", m))?;
        Ok(schema)
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.code == code)
    }

    /// Matches a code as typed in a return: trimmed, case-insensitive (`b02A` is `B02a`).
    pub fn item_by_typed_code(&self, typed: &str) -> Option<&Item> {
        let t = typed.trim();
        self.items.iter().find(|i| i.code.eq_ignore_ascii_case(t))
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn items_in(&self, section: &str) -> impl Iterator<Item = &Item> {
        let section = section.to_string();
        self.items.iter().filter(move |i| i.section == section)
    }

    pub fn header(&self, key: &str) -> Option<&HeaderField> {
        self.headers.iter().find(|h| h.key == key)
    }

    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// Position in template order, for sorting.
    pub fn item_index(&self, code: &str) -> usize {
        self.items
            .iter()
            .position(|i| i.code == code)
            .unwrap_or(usize::MAX)
    }
}

/// Header-block keys the code relies on; the schema must declare each.
pub const REQUIRED_HEADER_KEYS: [&str; 5] = [
    "la_name",
    "la_code",
    "period",
    "template_version",
    "date_completed",
];
