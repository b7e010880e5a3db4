//! `kinbench template`: blank returns for one LA or a whole region.

use std::path::{Path, PathBuf};

use clap::ArgGroup;
use kinbench::period::Period;
use kinbench::report::io_message;
use kinbench::schema::La;
use kinbench::template;

use super::args::{load_schema, period_arg, region};
use super::CliError;

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("who").required(true).args(["la", "region"])))]
pub struct Args {
    /// The period, e.g. 2025-26 Q2 (other common spellings accepted)
    #[arg(long, value_parser = period_arg)]
    period: Period,
    /// One LA, by DfE 3-digit number (886) or ONS code
    #[arg(long, value_name = "CODE")]
    la: Option<String>,
    /// Every LA of a region, by name or code, or `all`
    #[arg(long, value_name = "NAME")]
    region: Option<String>,
    /// Folder to write the templates into (created if missing)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(schema_dir: Option<&Path>, args: Args) -> Result<(), CliError> {
    let schema = load_schema(schema_dir)?;
    let las: Vec<La> = match (&args.la, &args.region) {
        (Some(code), _) => match schema.las.by_code(code) {
            Some(la) => vec![la.clone()],
            None => {
                return Err(CliError::Usage(format!(
                    "unknown LA code '{code}'; use the DfE 3-digit number, e.g. 886"
                )))
            }
        },
        (None, Some(name)) => region(&schema, name)?.1,
        (None, None) => {
            return Err(CliError::Usage(
                "give --la CODE or --region NAME".to_string(),
            ))
        }
    };
    std::fs::create_dir_all(&args.out).map_err(|e| CliError::Write {
        path: args.out.display().to_string(),
        message: io_message(&e),
    })?;
    for la in &las {
        let path = args.out.join(template::file_name(la, args.period));
        template::write_template(&schema, la, args.period, &path)?;
    }
    println!(
        "Wrote {} template(s) for {} to {}",
        las.len(),
        args.period,
        args.out.display()
    );
    Ok(())
}
