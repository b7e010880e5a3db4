//! What the page is told about a file: the submission as the feedback would
//! present it, findings and values in words, and the findings as CSV.

use serde_json::json;

use kinbench::findings_csv::write_findings_csv;
use kinbench::ingest::{self, IngestError, Limits};
use kinbench::period::Period;
use kinbench::schema::Schema;
use kinbench::selfcheck::Setup;
use kinbench::validate::{self, Finding, Options, Outcome, Submission};

pub struct Page {
    schema: Schema,
    options: Options,
    period: Option<Period>,
}

impl Page {
    pub fn new(setup_json: &str) -> Result<Page, String> {
        let setup: Setup = serde_json::from_str(setup_json).map_err(|e| e.to_string())?;
        let [r, m, c, l] = &setup.schema_texts;
        let schema =
            Schema::from_texts(&setup.schema_origin, r, m, c, l).map_err(|e| e.to_string())?;
        let region = setup
            .la_codes
            .iter()
            .map(|c| {
                schema
                    .las
                    .by_code(c)
                    .cloned()
                    .ok_or_else(|| format!("LA {c} is not in the schema's lookup"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let options = Options {
            region,
            region_name: setup.region_name,
            limits: Limits::default(),
        };
        let period = Period::parse(&setup.period).map(|(p, _)| p);
        Ok(Page {
            schema,
            options,
            period,
        })
    }

    /// What the page states before any file: region, period, template version, limits.
    pub fn about(&self) -> String {
        json!({
            "region": self.options.region_name,
            "period": self.period.map(|p| p.to_string()),
            "template_version": self.schema.template.version,
            "max_file_bytes": self.options.limits.max_file_bytes,
        })
        .to_string()
    }

    /// None when a file of this name and size may be read; else the answer for it.
    pub fn precheck(&self, name: &str, size: u64) -> Option<String> {
        let refused = ingest::precheck(name, size, &self.options.limits).err()?;
        Some(self.error_answer(name, &refused))
    }

    pub fn validate(&self, name: &str, bytes: &[u8]) -> String {
        let sub = validate::validate_return(&self.schema, name, bytes, &self.options);
        self.answer(&sub)
    }

    pub fn malformed(&self, name: &str, what: &str) -> String {
        self.error_answer(name, &ingest::malformed(what))
    }

    fn error_answer(&self, name: &str, e: &IngestError) -> String {
        self.answer(&validate::submission_for_ingest_error(name, "", e))
    }

    fn answer(&self, sub: &Submission) -> String {
        let mut findings: Vec<&Finding> = sub.findings.iter().collect();
        // As the feedback lists them: errors, then warnings, then info.
        findings.sort_by_key(|f| f.severity);
        let outcome = Outcome::of(
            (sub.status == validate::ReturnStatus::Used).then_some(sub),
            findings.iter().copied(),
        );
        let values: Vec<_> = self
            .schema
            .items
            .iter()
            .filter_map(|item| {
                let v = sub.values.get(&item.code)?;
                Some(json!({
                    "code": item.code,
                    "label": item.label,
                    "cell": v.cell,
                    "as_found": v.as_found,
                    "status": v.status.words(),
                    "note": v.note,
                }))
            })
            .collect();
        let listed: Vec<_> = findings
            .iter()
            .map(|f| {
                json!({
                    "severity": f.severity.as_str(),
                    "rule": f.rule,
                    "rule_name": f.rule.rule().name,
                    "items": f.items,
                    "cell": f.cell,
                    "value": f.value,
                    "message": f.message,
                    "action": f.action,
                })
            })
            .collect();
        json!({
            "file": sub.file,
            "la": sub.la.as_ref().map(|la| json!({"code": la.code, "name": la.name})),
            "period": sub.period.map(|p| p.to_string()),
            "other_period": sub.period.is_some() && self.period.is_some() && sub.period != self.period,
            "outcome": outcome.as_str(),
            "next_steps": outcome.next_steps(),
            "findings": listed,
            "values": values,
            "csv": findings_csv(&findings),
        })
        .to_string()
    }
}

/// The findings as CSV, the analyst's findings.csv columns, every cell made
/// safe to open in a spreadsheet by the same writer.
fn findings_csv(findings: &[&Finding]) -> String {
    let mut out = Vec::new();
    let _ = write_findings_csv(findings.iter().copied(), &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use kinbench::text_safety::csv_cell as neutralised;

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(neutralised("=1+1"), "'=1+1");
        assert_eq!(neutralised("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralised("\tx"), "'\tx");
        assert_eq!(neutralised("-3"), "-3");
        assert_eq!(neutralised("+2.5"), "+2.5");
        assert_eq!(neutralised("-"), "'-");
        assert_eq!(neutralised("Kent"), "Kent");
    }
}
