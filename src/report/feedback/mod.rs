//! Per-LA validation feedback: one workbook and one plain-text twin per LA and
//! period covering every file the LA sent, and a short note to each LA whose
//! return did not arrive; beside each, an `.eml` draft ready to send ([`email`]).

pub mod email;
mod findings_sheet;
mod group;
pub mod profile;
mod profile_sheet;
mod summary_sheet;
mod text;
mod values_sheet;
mod workbook;

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use group::{group, Feedback, Outcome};
pub use text::{feedback_text, not_received_text};
pub use workbook::feedback_workbook;

use super::ReportError;
use crate::aggregate::Benchmark;
use crate::period::Period;
use crate::report::charts::StripBackground;
use crate::report::RunContext;
use crate::schema::La;
use crate::validate::Finding;

/// The folder under `feedback/` for a period; `period unknown` for files whose period could not be read.
pub fn period_folder(period: Option<Period>) -> String {
    period.map_or_else(|| "period unknown".to_string(), |p| p.to_string())
}

/// `886 Kent`: how an LA's feedback files are named.
pub fn la_stem(la: &La) -> String {
    crate::file_name::bounded(&format!("{} {}", la.code, la.name))
}

/// How many feedback files were written, and a finding for each file whose
/// feedback could not be (FILE023).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedbackCounts {
    pub workbooks: usize,
    pub texts: usize,
    pub drafts: usize,
    pub failed: Vec<Finding>,
}

/// Writes `feedback/<period>/<LA code> <LA name>.xlsx` and `.txt` for every
/// LA and period with a return, and a `.txt` for every LA and period with none;
/// with drafts on, an `.eml` beside each `.txt`.
/// With a benchmark, each LA's feedback for its reporting period carries the
/// LA's profile, and its strips go in `<LA code> <LA name> profile/`.
/// The groups are written on every core; what is written, and the findings
/// about what could not be, do not depend on how many.
pub fn write_all(ctx: &RunContext<'_>, out_dir: &Path) -> Result<FeedbackCounts, ReportError> {
    let validation = ctx.validation;
    let root = out_dir.join("feedback");
    let groups = group(validation);
    let answered: BTreeSet<(Period, &str)> = groups
        .iter()
        .filter_map(|g| Some((g.period?, g.la?.code.as_str())))
        .collect();
    let unanswered: Vec<&(La, Period)> = validation
        .not_received
        .iter()
        .filter(|(la, p)| !answered.contains(&(*p, la.code.as_str())))
        .collect();
    let folders: BTreeSet<String> = groups
        .iter()
        .map(|g| g.period)
        .chain(unanswered.iter().map(|(_, p)| Some(*p)))
        .map(period_folder)
        .collect();
    for folder in &folders {
        create_dir(&root.join(folder))?;
    }
    ctx.ticks.begin(groups.len() + unanswered.len());
    let backgrounds = match ctx.benchmark {
        Some(b) => {
            profile::strip_backgrounds(ctx.presenter, b).map_err(|e| ReportError::Write {
                path: root.display().to_string(),
                message: e.to_string(),
            })?
        }
        None => Vec::new(),
    };
    let mut counts = FeedbackCounts::default();
    for failed in write_groups(ctx, &groups, &root, &backgrounds) {
        match failed {
            Some(findings) => counts.failed.extend(findings),
            None => {
                counts.workbooks += 1;
                counts.texts += 1;
                counts.drafts += usize::from(ctx.info.mail.drafts);
            }
        }
    }
    for (la, period) in unanswered {
        let dir = root.join(period_folder(Some(*period)));
        let path = dir.join(format!("{}.txt", la_stem(la)));
        let network = &ctx.info.mail.network;
        let text = not_received_text(network, &validation.region_name, la, *period);
        write_text(&path, &text)?;
        counts.texts += 1;
        if ctx.info.mail.drafts {
            email::write_not_received_draft(ctx, la, *period, &dir, &text)?;
            counts.drafts += 1;
        }
        ctx.ticks.done();
    }
    Ok(counts)
}

/// Writes each group (see [`write_group`]), in parallel, and gives for each, in
/// order, the findings about it if it could not be written. Two groups whose
/// files would have the same name (two unidentified files whose names clean to
/// the same) are not written at once: the later is written after, as one
/// thread would.
fn write_groups(
    ctx: &RunContext<'_>,
    groups: &[Feedback<'_>],
    root: &Path,
    backgrounds: &[StripBackground],
) -> Vec<Option<Vec<Finding>>> {
    let mut seen = HashSet::new();
    let (first, again): (Vec<usize>, Vec<usize>) =
        (0..groups.len()).partition(|&i| seen.insert((groups[i].period, groups[i].file_stem())));
    let one = |&i: &usize| {
        let failed = write_group(ctx, &groups[i], root, backgrounds);
        ctx.ticks.done();
        (i, failed)
    };
    let mut results: Vec<Option<Vec<Finding>>> = vec![None; groups.len()];
    let done: Vec<(usize, Option<Vec<Finding>>)> = first.par_iter().map(one).collect();
    for (i, failed) in done.into_iter().chain(again.iter().map(one)) {
        results[i] = failed;
    }
    results
}

/// Writes one group's files into its period's folder. One LA's feedback that
/// cannot be written costs that LA alone: its files are removed and the findings
/// returned say why; the run goes on.
fn write_group(
    ctx: &RunContext<'_>,
    fb: &Feedback<'_>,
    root: &Path,
    backgrounds: &[StripBackground],
) -> Option<Vec<Finding>> {
    let dir = root.join(period_folder(fb.period));
    let stem = fb.file_stem();
    let e = write_one(ctx, fb, (&dir, &stem), backgrounds).err()?;
    for leftover in ["xlsx", "txt", "eml"].map(|ext| format!("{stem}.{ext}")) {
        let _ = fs::remove_file(dir.join(leftover));
    }
    let _ = fs::remove_dir_all(dir.join(format!("{stem} profile")));
    Some(not_written(fb, &e))
}

/// Writes one group's `<stem>.xlsx`, `<stem>.txt`, `<stem>.eml` (drafts on)
/// and, for the reporting period, its profile.
fn write_one(
    ctx: &RunContext<'_>,
    fb: &Feedback<'_>,
    (dir, stem): (&Path, &str),
    backgrounds: &[StripBackground],
) -> Result<(), ReportError> {
    let validation = ctx.validation;
    let profile = match (ctx.benchmark, fb.la) {
        (Some(b), Some(la)) if fb.period == Some(b.period) => write_profile(
            ctx,
            (b, backgrounds),
            la,
            &dir.join(format!("{stem} profile")),
        )?,
        _ => None,
    };
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let book = feedback_workbook(
        ctx.schema,
        &validation.region_name,
        fb,
        profile.as_ref(),
        &xlsx,
    )?;
    fs::write(&xlsx, &book).map_err(|e| ReportError::write(&xlsx, &e))?;
    let network = &ctx.info.mail.network;
    let text = feedback_text(network, &validation.region_name, fb, profile.as_ref());
    write_text(&dir.join(format!("{stem}.txt")), &text)?;
    if ctx.info.mail.drafts {
        email::write_feedback_draft(ctx, fb, (dir, stem), &text, &book)?;
    }
    Ok(())
}

/// FILE023 for each file of a group whose feedback could not be written.
fn not_written(fb: &Feedback<'_>, e: &ReportError) -> Vec<Finding> {
    fb.submissions
        .iter()
        .map(|s| {
            crate::validate::file_finding(s, crate::validate::rules::Code::FILE023, &e.to_string())
        })
        .collect()
}

/// Builds an LA's profile and writes its strips as `<metric id>.png` into `dir`.
fn write_profile(
    ctx: &RunContext<'_>,
    (b, backgrounds): (&Benchmark, &[StripBackground]),
    la: &La,
    dir: &Path,
) -> Result<Option<profile::Profile>, ReportError> {
    let (validation, p) = (ctx.validation, ctx.presenter);
    let in_region = b
        .metrics
        .iter()
        .any(|m| m.at(b.period).and_then(|mp| mp.la(&la.code)).is_some());
    if !in_region {
        // An LA outside the region has no place in its benchmark.
        return Ok(None);
    }
    let received: Vec<Period> = b
        .periods
        .iter()
        .copied()
        .filter(|&q| validation.used(&la.code, q).is_some())
        .collect();
    let pr =
        profile::profile(p, b, la, &received, backgrounds).map_err(|e| ReportError::Write {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
    create_dir(dir)?;
    for r in &pr.rows {
        let path = dir.join(format!("{}.png", crate::file_name::safe(&r.id)));
        fs::write(&path, &r.strip_png).map_err(|e| ReportError::write(&path, &e))?;
    }
    Ok(Some(pr))
}

fn create_dir(dir: &Path) -> Result<(), ReportError> {
    fs::create_dir_all(dir).map_err(|e| ReportError::write(dir, &e))
}

fn write_text(path: &PathBuf, text: &str) -> Result<(), ReportError> {
    fs::write(path, text).map_err(|e| ReportError::write(path, &e))
}
