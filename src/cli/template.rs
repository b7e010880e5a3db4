//! `kinbench template`: blank returns for one LA or a whole region.

use std::path::{Path, PathBuf};

use clap::ArgGroup;
use kinbench::period::Period;
use kinbench::report::io_message;
use kinbench::schema::La;
use kinbench::selfcheck;
use kinbench::template;

use super::args::{load_schema_with_texts, period_arg, region};
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
    let (schema, texts) = load_schema_with_texts(schema_dir)?;
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
    // The page beside the templates checks returns for the templates' region.
    let page_region = match (&args.region, las.first()) {
        (Some(name), _) => name.clone(),
        (None, Some(la)) => la.region_name.clone(),
        (None, None) => "all".to_string(),
    };
    let (region_name, region_las) = region(&schema, &page_region)?;
    let page = args.out.join(selfcheck::FILE_NAME);
    super::selfcheck::write_page(
        &schema,
        texts,
        &region_name,
        &region_las,
        args.period,
        &page,
    )?;
    println!(
        "Wrote {} template(s) for {} and {} to {}",
        las.len(),
        args.period,
        selfcheck::FILE_NAME,
        args.out.display()
    );
    Ok(())
}
