//! The network's details the drafts need, from a small TOML file
//! (`schema/network.toml` bundled, or `--network FILE`): data, not code, so a
//! network changes its mailbox or next quarter's deadline without a release.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::address::is_plain_address;
use crate::period::Period;

const BUNDLED: &str = include_str!("../../../../schema/network.toml");

/// Who sends the feedback, and by when each period's returns are due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    /// Shown beside the sender and under each email; None for "<region> kinship care benchmarking".
    pub name: Option<String>,
    /// From and Reply-To of every draft.
    pub sender: String,
    /// The date an LA is asked to send a corrected or missing return by, per period.
    pub deadlines: BTreeMap<Period, NaiveDate>,
}

/// Why a settings file could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("network settings '{origin}': {message}")]
pub struct NetworkError {
    pub origin: String,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: Option<String>,
    sender: String,
    #[serde(default)]
    deadline: BTreeMap<String, toml::value::Datetime>,
}

impl Default for Network {
    fn default() -> Self {
        Network::bundled()
    }
}

impl Network {
    /// `schema/network.toml` as built in (a test proves it loads).
    pub fn bundled() -> Network {
        Network::from_text("schema/network.toml", BUNDLED)
            .expect("the bundled schema/network.toml loads")
    }

    /// Reads a settings file; the error names the file and what to change.
    pub fn load(path: &Path) -> Result<Network, NetworkError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| NetworkError {
            origin: origin.clone(),
            message: format!("cannot read: {}", crate::report::io_message(&e)),
        })?;
        Network::from_text(&origin, &text)
    }

    /// Parses the text of a settings file named `origin` in messages.
    pub fn from_text(origin: &str, text: &str) -> Result<Network, NetworkError> {
        let fail = |message: String| NetworkError {
            origin: origin.to_string(),
            message,
        };
        let file: File =
            toml::from_str(text).map_err(|e| fail(e.to_string().trim_end().to_string()))?;
        if !is_plain_address(file.sender.trim()) {
            return Err(fail(format!(
                "sender {:?} is not an email address like kinship@network.example",
                file.sender
            )));
        }
        let name = file.name.map(|n| one_line(&n)).filter(|n| !n.is_empty());
        let mut deadlines = BTreeMap::new();
        for (key, when) in file.deadline {
            let period = Period::parse(&key).map(|(p, _)| p).ok_or_else(|| {
                fail(format!(
                    "[deadline] key {key:?} is not a period; write it like \"2025-26 Q2\""
                ))
            })?;
            let date = when
                .date
                .filter(|_| when.time.is_none())
                .and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
                })
                .ok_or_else(|| {
                    fail(format!(
                        "[deadline] {key:?} = {when} is not a date; write it like 2025-11-13"
                    ))
                })?;
            deadlines.insert(period, date);
        }
        Ok(Network {
            name,
            sender: file.sender.trim().to_string(),
            deadlines,
        })
    }

    /// The name under each email and beside the sender.
    pub fn signature(&self, region_name: &str) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("{region_name} kinship care benchmarking"))
    }

    pub fn deadline(&self, period: Option<Period>) -> Option<NaiveDate> {
        self.deadlines.get(&period?).copied()
    }
}

/// A name goes into a header and a signature line: no line breaks in it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::Network;
    use crate::period::Period;

    #[test]
    fn the_bundled_file_loads_with_a_deadline_for_the_sample_quarter() {
        let n = Network::bundled();
        assert_eq!(n.sender, "kinship.benchmarking@network.example");
        assert_eq!(
            n.signature("South East"),
            "South East kinship care benchmarking"
        );
        let q2 = Period::new(2025, 2).unwrap();
        assert_eq!(n.deadline(Some(q2)).unwrap().to_string(), "2025-11-13");
        assert_eq!(n.deadline(None), None);
    }

    #[test]
    fn a_bad_file_is_refused_naming_what_to_change() {
        let err = |text: &str| Network::from_text("n.toml", text).unwrap_err().to_string();
        assert!(err("sender = \"nobody\"").contains("sender \"nobody\" is not an email address"));
        assert!(err("sender = \"a@b.org\"\n[deadline]\n\"Q9\" = 2025-11-13")
            .contains("[deadline] key \"Q9\" is not a period"));
        assert!(
            err("sender = \"a@b.org\"\n[deadline]\n\"2025-26 Q2\" = 2025-11-13T09:00:00")
                .contains("is not a date")
        );
        assert!(err("sender = \"a@b.org\"\nsendr = 1").starts_with("network settings 'n.toml': "));
        let named =
            Network::from_text("n", "sender = \"a@b.org\"\nname = \"SE\\nnetwork\"").unwrap();
        assert_eq!(named.signature("South East"), "SE network");
    }
}
