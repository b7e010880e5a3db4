//! The benchmarking workbook (`kinship_benchmark_<period>.xlsx`) with native Excel
//! charts: About, Summary, one sheet per rate metric, Trends, Approvals, Reasons,
//! Coverage, Findings and Data (docs/workbook.md says how to read each).
//!
//! Every number is written as a computed value, never a formula (rust_xlsxwriter
//! saves formulas with a cached 0, which a chart or a reader without recalculation
//! would show). Every LA name, count and rate goes through `ctx.presenter`.

mod about;
mod approvals;
mod coverage;
mod data;
mod findings;
mod metric_chart;
mod metric_sheet;
mod reasons;
mod summary;
mod trends;

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::{ReportError, RunContext};
use crate::aggregate::Benchmark;
use crate::period::Period;
use crate::report::xlsx::{self, Formats};

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
    let mut book = xlsx::workbook(xlsx::Deflate::Small);
    // The streamed Data sheet's temporary file goes beside the workbook, on
    // the disk that holds the outputs, not in a temp folder that may be memory.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        book.set_tempdir(dir).map_err(fail)?;
    }
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
        fmt: Formats::new(ctx.schema.reading.fte_decimals),
        names: Default::default(),
    };
    wb.write_all(&mut book).map_err(fail)?;
    book.save(path).map_err(fail)
}

/// The run's as-of date rather than the clock, so a rerun is byte-identical.
fn creation_time(ctx: &RunContext<'_>) -> Result<ExcelDateTime, XlsxError> {
    xlsx::creation_time(ctx.info.as_of)
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
        data::write(self, self.streamed_sheet(book, "Data")?)?;
        Ok(())
    }

    /// Adds a worksheet with a clean, unique name (kept for charts that refer to it).
    fn sheet<'b>(
        &self,
        book: &'b mut Workbook,
        wanted: &str,
    ) -> Result<&'b mut Worksheet, XlsxError> {
        self.set_up(book.add_worksheet(), wanted)
    }

    /// [`Self::sheet`] for a sheet whose rows grow with the returns: each row
    /// goes to a temporary file once the next begins (rust_xlsxwriter's
    /// constant memory mode), so a national run's memory does not grow with
    /// its Data sheet. Its rows must be written top to bottom.
    fn streamed_sheet<'b>(
        &self,
        book: &'b mut Workbook,
        wanted: &str,
    ) -> Result<&'b mut Worksheet, XlsxError> {
        self.set_up(book.add_worksheet_with_constant_memory()?, wanted)
    }

    fn set_up<'b>(
        &self,
        sheet: &'b mut Worksheet,
        wanted: &str,
    ) -> Result<&'b mut Worksheet, XlsxError> {
        let name = xlsx::sheet_name(wanted, &self.names.borrow());
        self.names.borrow_mut().push(name.clone());
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
    pub fn scrub(&self, text: &str) -> String {
        self.ctx.presenter.scrub(text)
    }
}
