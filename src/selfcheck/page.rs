//! Writes the self-check page: HTML, CSS and script from this folder, the
//! module from `selfcheck/kinbench_selfcheck.wasm` (committed, rebuilt and
//! compared by CI: docs/architecture.md), gzipped and inline as base64.

use std::io::Write;

use base64::Engine;

use super::Setup;
use crate::period::Period;
use crate::schema::{La, Schema};

/// The page's file name, beside the templates and wherever `--out` puts it.
pub const FILE_NAME: &str = "selfcheck.html";

const HTML: &str = include_str!("page.html");
const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");
const WASM: &[u8] = include_bytes!("../../selfcheck/kinbench_selfcheck.wasm");

/// Who and what a page checks.
pub struct PageFor<'a> {
    pub schema: &'a Schema,
    /// The texts `schema` was built from ([`Schema::texts`]).
    pub schema_texts: [String; 4],
    pub region_name: &'a str,
    pub las: &'a [La],
    pub period: Period,
}

/// The whole page, self-contained: it loads nothing and sends nothing.
pub fn page(p: &PageFor<'_>) -> String {
    let setup = Setup {
        schema_texts: p.schema_texts.clone(),
        schema_origin: p.schema.origin.clone(),
        region_name: p.region_name.to_string(),
        la_codes: p.las.iter().map(|la| la.code.clone()).collect(),
        period: p.period.to_string(),
    };
    let setup_json = script_safe(&serde_json::to_string(&setup).unwrap_or_default());
    let heading = format!(
        "{} returns for {}, template version {}",
        p.region_name, p.period, p.schema.template.version
    );
    fill(
        HTML,
        &[
            ("css", CSS.to_string()),
            ("js", JS.to_string()),
            ("heading", html_text(&heading)),
            ("setup", setup_json),
            ("wasm", wasm_base64()),
        ],
    )
}

/// `{{name}}` in `template` replaced by its value, in one pass, so a value
/// holding `{{...}}` (an LA's name, a schema text) is never filled in itself.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let found = after.find("}}").and_then(|end| {
            let (_, value) = values.iter().find(|(k, _)| *k == &after[..end])?;
            Some((end, value))
        });
        match found {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The module, gzipped (the page inflates it with the browser's own
/// DecompressionStream) so the page stays well under 2 MB.
fn wasm_base64() -> String {
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(WASM);
    let bytes = gz.finish().unwrap_or_default();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// JSON inside `<script>`: no `<` can close the element early.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
