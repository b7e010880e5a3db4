//! The benchmarking workbook (`kinship_benchmark_<period>.xlsx`) with native Excel
//! charts: About, Summary, one sheet per rate metric, Trends, Approvals, Reasons,
//! Coverage, Findings and Data (docs/workbook.md says how to read each).
//!
//! Every number is written as a computed value, never a formula (rust_xlsxwriter
//! saves formulas with a cached 0, which a chart or a reader without recalculation
//! would show). Every LA name, count and rate goes through `ctx.presenter`.

mod about;
mod approvals;
mod cells;
mod coverage;
mod data;
mod findings;
mod metric_chart;
mod metric_sheet;
mod reasons;
mod summary;
mod trends;

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;
use crate::period::Period;
use cells::Formats;

/// The workbook's file name for a reporting period: `kinship_benchmark_2025-26_Q2.xlsx`.
pub fn file_name(period: Period) -> String {
    format!("kinship_benchmark_{}.xlsx", period.slug())
}

/// Writes the workbook to `path`.
pub fn write_workbook(
    ctx: &RunContext<'_>,
    benchmark: &Benchmark,
    path: &Path,
) -> Result<(), ReportError> {
    let fail = |e: XlsxError| ReportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let props = DocProperties::new()
        .set_title(format!(
            "Kinship care benchmarking: {}, {}",
            benchmark.region_name, benchmark.period
        ))
        .set_author(format!(
            "{} kinship care benchmarking",
            benchmark.region_name
        ))
        .set_creation_datetime(&creation_time(ctx).map_err(fail)?);
    book.set_properties(&props);
    let wb = Book {
        ctx,
        bm: benchmark,
        fmt: Formats::new(),
        names: Default::default(),
    };
    wb.write_all(&mut book).map_err(fail)?;
    book.save(path).map_err(fail)
}

/// The run's as-of date rather than the clock, so a rerun is byte-identical.
fn creation_time(ctx: &RunContext<'_>) -> Result<ExcelDateTime, XlsxError> {
    let d = ctx.info.as_of;
    let year = u16::try_from(d.year()).unwrap_or(2000);
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// What every sheet writer is given.
struct Book<'a> {
    pub ctx: &'a RunContext<'a>,
    pub bm: &'a Benchmark,
    pub fmt: Formats,
    /// Sheet names used so far, to keep new ones unique.
    names: std::cell::RefCell<Vec<String>>,
}

impl Book<'_> {
    fn write_all(&self, book: &mut Workbook) -> Result<(), XlsxError> {
        about::write(self, self.sheet(book, "About")?)?;
        summary::write(self, self.sheet(book, "Summary")?)?;
        for m in &self.bm.metrics {
            let name = format!("{} {}", m.id, m.short);
            metric_sheet::write(self, self.sheet(book, &name)?, m)?;
        }
        trends::write(self, self.sheet(book, "Trends")?)?;
        if let Some(m) = approvals::metric(self) {
            approvals::write(self, self.sheet(book, "Approvals")?, m)?;
        }
        if !self.bm.breakdowns.is_empty() {
            reasons::write(self, self.sheet(book, "Reasons")?)?;
        }
        coverage::write(self, self.sheet(book, "Coverage")?)?;
        findings::write(self, self.sheet(book, "Findings")?)?;
        data::write(self, self.sheet(book, "Data")?)?;
        Ok(())
    }

    /// Adds a worksheet with a clean, unique name (kept for charts that refer to it).
    fn sheet<'b>(
        &self,
        book: &'b mut Workbook,
        wanted: &str,
    ) -> Result<&'b mut Worksheet, XlsxError> {
        let name = cells::sheet_name(wanted, &self.names.borrow());
        self.names.borrow_mut().push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        // Printed for the meeting: A4 landscape, each sheet one page wide.
        sheet
            .set_landscape()
            .set_paper_size(9)
            .set_print_fit_to_pages(1, 0);
        Ok(sheet)
    }

    /// The name of the sheet added last: what its charts refer to.
    pub fn current(&self) -> String {
        self.names.borrow().last().cloned().unwrap_or_default()
    }

    /// `2025-26 Q2 (Jul–Sep 2025)`.
    pub fn period_label(&self, period: Period) -> String {
        format!("{period} ({})", period.months_label())
    }

    pub fn la_name(&self, code: &str, name: &str) -> String {
        self.ctx.presenter.la_name(code, name)
    }

    /// Free text (findings, file names) with region LA names and codes replaced
    /// by their letters when anonymising.
    // TODO: call `Presenter::scrub` once present.rs has it (being added on another branch).
    pub fn scrub(&self, text: &str) -> String {
        if !self.ctx.presenter.anonymise() {
            return text.to_string();
        }
        let mut las: Vec<&crate::schema::La> = self.ctx.validation.region.iter().collect();
        // Longest first, so "West Sussex" is replaced before a shorter name inside it could be.
        las.sort_by_key(|l| std::cmp::Reverse(l.name.len()));
        let mut out = text.to_string();
        for la in las {
            let shown = self.ctx.presenter.la(la);
            for variant in [la.name.clone(), la.name.replace(" and ", " & ")] {
                out = replace_ci(&out, &variant, &shown);
            }
            out = replace_code(&out, &la.code, &shown);
        }
        out
    }
}

/// Replaces `from` case-insensitively (ASCII) everywhere in `text`.
fn replace_ci(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return text.to_string();
    }
    let lower = text.to_ascii_lowercase();
    let needle = from.to_ascii_lowercase();
    let mut out = String::new();
    let mut last = 0;
    for (i, _) in lower.match_indices(&needle) {
        if i < last {
            continue;
        }
        out.push_str(&text[last..i]);
        out.push_str(to);
        last = i + needle.len();
    }
    out.push_str(&text[last..]);
    out
}

/// Replaces an LA code where it stands alone as a number (not inside a longer one).
fn replace_code(text: &str, code: &str, to: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (i, _) in text.match_indices(code) {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        let alone = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        if alone && i >= last {
            out.push_str(&text[last..i]);
            out.push_str(to);
            last = i + code.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::{replace_ci, replace_code};

    #[test]
    fn scrubbing_replaces_names_and_lone_codes() {
        assert_eq!(
            replace_ci("KENT return for kent", "Kent", "LA G"),
            "LA G return for LA G"
        );
        assert_eq!(
            replace_code("886_Kent.xlsx has 1886 and 8860", "886", "LA G"),
            "LA G_Kent.xlsx has 1886 and 8860"
        );
    }
}
