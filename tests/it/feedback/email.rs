//! The `.eml` drafts beside the feedback, read back with a mail parser as a
//! mail program would: headers, body, attachment and the draft flag.

use std::path::Path;
use std::process::Command;

use mail_parser::{Message, MessageParser, MimeHeaders};

use super::fixture::{self, KENT_EMAIL};
use super::{feedback_path, run_report};
use kinbench::report::feedback::email::missing_address_warnings;
use kinbench::schema::Schema;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(bytes: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .expect("an RFC 5322 message")
}

fn first_address<'a>(a: Option<&'a mail_parser::Address<'a>>) -> Option<(String, String)> {
    let a = a?.first()?;
    Some((
        a.name().unwrap_or("").to_string(),
        a.address().unwrap_or("").to_string(),
    ))
}

/// The body as the file holds its text: the draft's lines end in CRLF.
fn body(m: &Message<'_>) -> String {
    m.body_text(0).expect("a text body").replace("\r\n", "\n")
}

const SENDER: (&str, &str) = (
    "South East kinship care benchmarking",
    "kinship.benchmarking@network.example",
);

#[test]
fn a_draft_is_addressed_from_the_network_with_the_text_and_the_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    run_report(tmp.path());
    let eml = read(&feedback_path(tmp.path(), "886 Kent", "eml"));
    let m = parse(&eml);
    assert_eq!(
        first_address(m.to()),
        Some((String::new(), KENT_EMAIL.into()))
    );
    let sender = Some((SENDER.0.to_string(), SENDER.1.to_string()));
    assert_eq!(first_address(m.from()), sender);
    assert_eq!(first_address(m.reply_to()), sender);
    assert_eq!(
        m.subject(),
        Some("Kinship care return 2025-26 Q2: Kent \u{2014} accepted")
    );
    let txt = String::from_utf8(read(&feedback_path(tmp.path(), "886 Kent", "txt"))).unwrap();
    assert_eq!(body(&m), txt);
    let attachments: Vec<_> = m.attachments().collect();
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0].attachment_name(), Some("886 Kent.xlsx"));
    let xlsx = read(&feedback_path(tmp.path(), "886 Kent", "xlsx"));
    assert!(
        attachments[0].contents() == xlsx.as_slice(),
        "attachment differs from the xlsx"
    );
    assert_eq!(m.header_raw("X-Unsent").map(str::trim), Some("1"));
    // Dated from the returns (Medway's latest, completed 2025-10-20), never the clock.
    assert_eq!(
        m.date().map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-10-20T00:00:00Z")
    );
    assert!(m.message_id().unwrap().ends_with("@network.example"));
}

#[test]
fn an_la_without_a_usable_email_gets_a_draft_with_no_to_and_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = run_report(tmp.path());
    let eml = read(&feedback_path(tmp.path(), "887 Medway", "eml"));
    let m = parse(&eml);
    assert!(m.to().is_none(), "{:?}", m.to());
    // The slip's line break reached no header: nothing was blind-copied.
    assert!(m.bcc().is_none());
    assert_eq!(
        m.subject(),
        Some("Kinship care return 2025-26 Q2: Medway \u{2014} please resubmit")
    );
    assert!(body(&m).contains("\nPlease send a corrected return by 13 November 2025.\n"));
    let surrey = read(&feedback_path(tmp.path(), "936 Surrey", "eml"));
    let s = parse(&surrey);
    assert!(s.to().is_none());
    assert_eq!(s.attachments().count(), 0);
    assert_eq!(
        s.subject(),
        Some("Kinship care return 2025-26 Q2: Surrey \u{2014} not received")
    );
    let txt = String::from_utf8(read(&feedback_path(tmp.path(), "936 Surrey", "txt"))).unwrap();
    assert_eq!(body(&s), txt);
    assert!(txt.contains("send it by 13 November 2025;"), "{txt}");
    let add = "add the LA's address before sending";
    assert_eq!(
        missing_address_warnings(&fixture::validation(&schema)),
        [
            format!(
                "Medway (887): feedback/2025-26 Q2/887 Medway.eml has no To: the Email in \
                 'medway_q2_v2.xlsx' (\"m.officer at medway\\r\\nBcc: all@medway.gov.uk\") is not \
                 an email address; {add}"
            ),
            format!(
                "Surrey (936): feedback/2025-26 Q2/936 Surrey.eml has no To: no return in this \
                 folder gives the LA's Email; {add}"
            ),
        ]
    );
}

/// `kinbench validate` on one clean Kent return whose Email is `email`, with `extra` arguments.
fn validate_one(root: &Path, email: &str, extra: &[&str]) -> std::process::Output {
    let returns = root.join("returns");
    std::fs::create_dir_all(&returns).unwrap();
    let schema = Schema::bundled().unwrap();
    let mut content = crate::rules::builder::clean_content();
    content.header.insert(
        "email".into(),
        kinbench::template::CellInput::Text(email.into()),
    );
    kinbench::template::write_return(&schema, &content, &returns.join("886 Kent 2025-26 Q2.xlsx"))
        .unwrap();
    Command::new(env!("CARGO_BIN_EXE_kinbench"))
        .arg("validate")
        .arg(&returns)
        .arg("--out")
        .arg(root.join("out"))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn validate_warns_of_a_malformed_email_and_no_email_writes_no_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let o = validate_one(tmp.path(), "a.officer@kent", &[]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains(
            "kinbench: warning: Kent (886): feedback/2025-26 Q2/886 Kent.eml has no To: the Email \
             in '886 Kent 2025-26 Q2.xlsx' (\"a.officer@kent\") is not an email address"
        ),
        "{err}"
    );
    let dir = tmp.path().join("out/feedback/2025-26 Q2");
    assert!(parse(&read(&dir.join("886 Kent.eml"))).to().is_none());

    let tmp = tempfile::tempdir().unwrap();
    let o = validate_one(tmp.path(), "a.officer@kent", &["--no-email"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!String::from_utf8(o.stderr).unwrap().contains("warning"));
    let dir = tmp.path().join("out/feedback/2025-26 Q2");
    assert!(dir.join("886 Kent.txt").is_file());
    assert!(!dir.join("886 Kent.eml").exists());
}

#[test]
fn a_network_file_sets_the_sender_the_name_and_the_deadline() {
    let tmp = tempfile::tempdir().unwrap();
    let network = tmp.path().join("network.toml");
    std::fs::write(
        &network,
        "sender = \"kb@se-network.example\"\nname = \"SE Kinship Network\"\n\
         [deadline]\n\"2025-26 Q2\" = 2025-11-20\n",
    )
    .unwrap();
    let o = validate_one(
        tmp.path(),
        "a.officer@kent.gov.uk",
        &["--network", network.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let dir = tmp.path().join("out/feedback/2025-26 Q2");
    let eml = read(&dir.join("886 Kent.eml"));
    let m = parse(&eml);
    let sender = Some((
        "SE Kinship Network".to_string(),
        "kb@se-network.example".to_string(),
    ));
    assert_eq!(first_address(m.from()), sender);
    assert_eq!(
        first_address(m.to()),
        Some((String::new(), "a.officer@kent.gov.uk".into()))
    );
    assert!(body(&m).ends_with("\nSE Kinship Network\n"), "{}", body(&m));

    std::fs::write(&network, "sender = \"nobody\"\n").unwrap();
    let o = validate_one(
        &tmp.path().join("again"),
        "x@y.org",
        &["--network", network.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "network settings '{}': sender \"nobody\" is not an email address",
            network.display()
        )),
        "{err}"
    );
}
