//! The self-check page: one offline HTML file in which an LA checks its return
//! before sending it, with this crate's own reader and rules compiled to
//! WebAssembly (the `selfcheck/` crate). [`Setup`] is what the page hands the
//! module; [`page`] writes the page (needs the `full` feature).

#[cfg(feature = "full")]
mod page;

#[cfg(feature = "full")]
pub use page::{page, PageFor, FILE_NAME};

use serde::{Deserialize, Serialize};

/// What the page bakes in for its module: the schema in force as its files'
/// texts, and the region and period it checks (resolved by the command line).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Setup {
    /// The texts of [`crate::schema::FILES`], in order.
    pub schema_texts: [String; 4],
    pub schema_origin: String,
    pub region_name: String,
    /// DfE codes of the region's LAs, in lookup order.
    pub la_codes: Vec<String>,
    /// The period the page is for, as `2025-26 Q3`.
    pub period: String,
}
