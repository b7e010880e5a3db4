//! Helpers the subcommands share: the schema, regions, periods.

use std::path::{Path, PathBuf};

use kinbench::period::Period;
use kinbench::report::feedback::email::{Mail, Network};
use kinbench::schema::{La, Schema};

use super::CliError;

/// The bundled schema, or the one in `dir`.
pub fn load_schema(dir: Option<&Path>) -> Result<Schema, CliError> {
    load_schema_with_texts(dir).map(|(schema, _)| schema)
}

/// The schema as [`load_schema`] gives it, with the texts it was built from.
pub fn load_schema_with_texts(dir: Option<&Path>) -> Result<(Schema, [String; 4]), CliError> {
    let origin = match dir {
        Some(d) => format!("'{}'", d.display()),
        None => "(bundled)".to_string(),
    };
    let name = dir.map_or("bundled".to_string(), |d| d.display().to_string());
    let loaded = Schema::texts(dir).and_then(|texts| {
        let [r, m, c, l] = &texts;
        Schema::from_texts(&name, r, m, c, l).map(|schema| (schema, texts))
    });
    loaded.map_err(|source| CliError::Schema { origin, source })
}

/// For clap: any spelling `Period::parse` accepts.
pub fn period_arg(text: &str) -> Result<Period, String> {
    Period::parse(text)
        .map(|(p, _)| p)
        .ok_or_else(|| format!("'{text}' is not a period; write it like 2025-26 Q2"))
}

/// The LAs of a region by name or code, `all` for England; an unknown region
/// is a usage error listing the names.
pub fn region(schema: &Schema, name: &str) -> Result<(String, Vec<La>), CliError> {
    let Some(las) = schema.las.region(name) else {
        return Err(CliError::Usage(format!(
            "unknown region '{name}'; regions are: {}, or 'all'",
            schema.las.region_names().join(", ")
        )));
    };
    let is_all = ["all", "england"]
        .iter()
        .any(|a| name.trim().eq_ignore_ascii_case(a));
    let region_name = match las.first() {
        Some(_) if is_all => "England".to_string(),
        Some(la) => la.region_name.clone(),
        None => name.trim().to_string(),
    };
    Ok((region_name, las.into_iter().cloned().collect()))
}

/// The email drafts' options, shared by `validate` and `run`.
#[derive(Debug, clap::Args)]
pub struct MailArgs {
    /// Write no .eml drafts beside the feedback
    #[arg(long)]
    no_email: bool,
    /// The network's sender and deadlines (TOML, like schema/network.toml) [default: built in]
    #[arg(long, value_name = "FILE")]
    network: Option<PathBuf>,
}

impl MailArgs {
    pub fn mail(&self) -> Result<Mail, CliError> {
        let network = match &self.network {
            Some(path) => Network::load(path)?,
            None => Network::bundled(),
        };
        Ok(Mail {
            network,
            drafts: !self.no_email,
        })
    }
}

/// Each draft written without a To, as a warning on stderr (`scrub` hides LA names when anonymising).
pub fn print_warnings(warnings: &[String], scrub: impl Fn(&str) -> String) {
    for w in warnings {
        eprintln!(
            "kinbench: warning: {}",
            kinbench::text_safety::visible(&scrub(w))
        );
    }
}
