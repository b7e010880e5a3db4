//! `kinbench schema`: load and check the schema, print what it holds and,
//! for each template version after the first, what changed from the one before.

use std::path::Path;

use super::args::load_schema;
use super::CliError;

pub fn run(dir: Option<&Path>) -> Result<(), CliError> {
    let schema = load_schema(dir)?;
    println!(
        "Schema: {} (template version {})",
        schema.origin, schema.template.version
    );
    println!("  sections   {:>4}", schema.sections.len());
    println!("  items      {:>4}", schema.items.len());
    println!("  relations  {:>4}", schema.relations.len());
    println!("  metrics    {:>4}", schema.metrics.len());
    println!(
        "  LAs        {:>4} in {} regions",
        schema.las.all().len(),
        schema.las.region_names().len()
    );
    let known = &schema.template.known_versions;
    if known.len() > 1 {
        for &v in known {
            println!(
                "  version {v}: {} items, {} relations, {} metrics",
                schema.items_in_version(v).count(),
                schema.relations_in_version(v).len(),
                schema.metrics_in_version(v).len()
            );
        }
    }
    for &v in known.iter().skip(1) {
        println!();
        for line in schema.changes_to(v).lines() {
            println!("{line}");
        }
    }
    Ok(())
}
