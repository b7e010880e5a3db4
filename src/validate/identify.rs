//! The header block: which LA, which period, which template version, and who
//! completed it when (FILE006–FILE015, FILE019).

use chrono::NaiveDate;

use super::dates::read_date;
use super::make::Case;
use super::rules::Code;
use super::Options;
use crate::ingest::{HeaderValue, Located};
use crate::period::{Period, Spelling};
use crate::schema::{La, Schema};

/// What the header block says the return is.
#[derive(Debug, Clone, Default)]
pub(crate) struct Identity {
    pub la: Option<La>,
    pub period: Option<Period>,
    pub date_completed: Option<NaiveDate>,
    pub completed_by: Option<String>,
    pub email: Option<String>,
    /// The template version the return is read as: as declared when known,
    /// else the one in use for its period.
    pub version: u32,
}

fn header<'a>(located: &'a Located, key: &str) -> Option<&'a HeaderValue> {
    located.header.iter().find(|h| h.key == key)
}

/// The value's text, trimmed; `None` when there is none.
fn text(h: Option<&HeaderValue>) -> Option<String> {
    let cell = h?.value.as_ref()?;
    let t = cell.as_found().trim().to_string();
    (!t.is_empty()).then_some(t)
}

fn cell_of(h: Option<&HeaderValue>) -> Option<String> {
    h.map(|h| h.value_at.to_string())
}

/// The findings of the header block, as (code, case).
type Cases = Vec<(Code, Case)>;

/// Reads the header block. The findings are returned as cases, to be made once
/// the identity (which they carry) is known.
pub(crate) fn identify(schema: &Schema, located: &Located, opts: &Options) -> (Identity, Cases) {
    let mut cases = sheet_cases(schema, located);
    let la = read_la(schema, located, opts, &mut cases);
    let period = read_period(located, &mut cases);
    let version = read_version(schema, located, period, &mut cases);
    let date_completed = read_date_completed(located, &mut cases);
    let id = Identity {
        la,
        period,
        date_completed,
        completed_by: text(header(located, "completed_by")),
        email: text(header(located, "email")),
        version,
    };
    (id, cases)
}

/// The sheet the return was read from: renamed (FILE006), or one of several (FILE022).
fn sheet_cases(schema: &Schema, located: &Located) -> Cases {
    let mut cases = Vec::new();
    let expected_sheet = schema.template.sheet.trim();
    if !located.sheet.trim().eq_ignore_ascii_case(expected_sheet) {
        let case =
            Case::new(vec![], None, Some(located.sheet.clone())).with("detail", expected_sheet);
        cases.push((Code::FILE006, case));
    }
    if !located.other_return_sheets.is_empty() {
        let names: Vec<String> = located
            .other_return_sheets
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect();
        cases.push((
            Code::FILE022,
            Case::new(vec![], None, Some(located.sheet.clone())).with("detail", names.join(", ")),
        ));
    }
    cases
}

/// The LA from its code (FILE007, FILE008), checked against the name (FILE009)
/// and the run's region (FILE010).
fn read_la(schema: &Schema, located: &Located, opts: &Options, cases: &mut Cases) -> Option<La> {
    let code_h = header(located, "la_code");
    let la = match text(code_h) {
        None => {
            cases.push((Code::FILE007, Case::new(vec![], cell_of(code_h), None)));
            return None;
        }
        Some(code) => match schema.las.by_code(&code) {
            None => {
                let case = Case::new(vec![], cell_of(code_h), Some(code));
                cases.push((Code::FILE008, case));
                return None;
            }
            Some(la) => la.clone(),
        },
    };
    let name_h = header(located, "la_name");
    if let Some(name) = text(name_h).filter(|n| !schema.las.matches(&la, n)) {
        let detail = match schema.las.by_name(&name) {
            Some(other) => format!("is {} ({})", other.name, other.code),
            None => "is not a local authority name kinbench recognises".to_string(),
        };
        cases.push((
            Code::FILE009,
            Case::new(vec![], cell_of(name_h), Some(name)).with("detail", detail),
        ));
    }
    if !opts.region.iter().any(|r| r.code == la.code) {
        cases.push((
            Code::FILE010,
            Case::new(vec![], None, None).with("detail", opts.region_name.clone()),
        ));
    }
    Some(la)
}

/// The period: blank (FILE011), unrecognised (FILE012) or normalised (FILE013).
fn read_period(located: &Located, cases: &mut Cases) -> Option<Period> {
    let period_h = header(located, "period");
    let t = match text(period_h) {
        None => {
            cases.push((Code::FILE011, Case::new(vec![], cell_of(period_h), None)));
            return None;
        }
        Some(t) => t,
    };
    match Period::parse(&t) {
        None => {
            cases.push((Code::FILE012, Case::new(vec![], cell_of(period_h), Some(t))));
            None
        }
        Some((p, spelling)) => {
            if spelling == Spelling::Normalised {
                cases.push((Code::FILE013, Case::new(vec![], cell_of(period_h), Some(t))));
            }
            Some(p)
        }
    }
}

/// The template version as declared, else the one in use for the period
/// (blank: FILE015; not one kinbench knows: FILE014).
fn read_version(
    schema: &Schema,
    located: &Located,
    period: Option<Period>,
    cases: &mut Cases,
) -> u32 {
    let version_h = header(located, "template_version");
    let in_use = schema.version_for(period);
    let Some(t) = text(version_h) else {
        let case = Case::new(vec![], cell_of(version_h), None).with("detail", in_use.to_string());
        cases.push((Code::FILE015, case));
        return in_use;
    };
    let known = &schema.template.known_versions;
    if let Some(v) = version(&t).filter(|v| known.contains(v)) {
        return v;
    }
    let list: Vec<String> = known.iter().map(|v| v.to_string()).collect();
    let detail = format!("the versions it knows: {}", list.join(", "));
    cases.push((
        Code::FILE014,
        Case::new(vec![], cell_of(version_h), Some(t)).with("detail", detail),
    ));
    in_use
}

/// The date completed; blank or not a date is FILE019.
fn read_date_completed(located: &Located, cases: &mut Cases) -> Option<NaiveDate> {
    let date_h = header(located, "date_completed");
    let date = date_h.and_then(|h| h.value.as_ref()).and_then(read_date);
    if date.is_none() {
        let as_found = text(date_h);
        let detail = match &as_found {
            None => "is blank".to_string(),
            Some(t) => format!("\"{t}\" is not a date"),
        };
        cases.push((
            Code::FILE019,
            Case::new(vec![], cell_of(date_h), as_found).with("detail", detail),
        ));
    }
    date
}

/// `1`, `1.0`, `v1`, `V 1` all mean version 1.
fn version(text: &str) -> Option<u32> {
    let t = text.trim();
    let t = t.strip_prefix(['v', 'V']).unwrap_or(t).trim();
    let n: f64 = t.parse().ok()?;
    (n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_as_written() {
        for t in ["1", "1.0", "v1", "V1", " v 1 "] {
            assert_eq!(super::version(t), Some(1), "{t}");
        }
        for t in ["1.5", "one", "-1", "", "v"] {
            assert_eq!(super::version(t), None, "{t}");
        }
    }
}
