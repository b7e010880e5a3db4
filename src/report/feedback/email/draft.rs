//! One `.eml` draft: RFC 5322 with the text feedback as its body and the
//! feedback workbook attached, marked `X-Unsent: 1` so that Outlook opens it
//! as a message ready to send rather than one received.

use chrono::NaiveDate;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};
use mail_builder::MessageBuilder;
use sha2::{Digest, Sha256};

/// The media type of the attached feedback workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What one draft says and carries.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    /// The LA's address, already checked; None leaves the To header out.
    pub to: Option<&'a str>,
    /// `(display name, address)` for From and Reply-To.
    pub sender: (&'a str, &'a str),
    pub subject: &'a str,
    pub body: &'a str,
    /// `(file name, bytes)` of the feedback workbook, when there is one.
    pub attachment: Option<(&'a str, &'a [u8])>,
    /// The run's as-of date (from the returns, never the clock).
    pub date: NaiveDate,
}

impl Draft<'_> {
    /// The message's bytes: the same draft always gives the same bytes.
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        // The builder would take the clock and a random-looking boundary and
        // Message-ID; all three come from the content instead, so a rerun on
        // the same returns writes the same file.
        let id = self.content_hash();
        let (name, sender) = self.sender;
        let domain = sender.rsplit_once('@').map_or("localhost", |(_, d)| d);
        let mut m = MessageBuilder::new()
            .from(Address::new_address(Some(header_text(name)), sender))
            .reply_to(Address::new_address(Some(header_text(name)), sender));
        if let Some(to) = self.to {
            m = m.to(to);
        }
        let mut parts = vec![MimePart::new(ContentType::new("text/plain"), self.body)];
        if let Some((file, bytes)) = self.attachment {
            parts.push(MimePart::new(ContentType::new(XLSX), bytes).attachment(header_text(file)));
        }
        let boundary = format!("kinbench-{}", &id[..32]);
        let mixed = ContentType::new("multipart/mixed").attribute("boundary", boundary);
        m.subject(header_text(self.subject))
            .date(self.timestamp())
            .message_id(format!("{}@{domain}", &id[..32]))
            .header("X-Unsent", Raw::new("1"))
            .body(MimePart::new(mixed, BodyPart::Multipart(parts)))
            .write_to_vec()
    }

    fn timestamp(&self) -> i64 {
        self.date
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp())
    }

    fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for part in [self.to.unwrap_or(""), self.subject, self.body] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        if let Some((file, bytes)) = self.attachment {
            h.update(file.as_bytes());
            h.update([0]);
            h.update(bytes);
        }
        h.update(self.date.to_string().as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Header text built from data (an LA's name comes from an editable lookup):
/// every control character, line breaks above all, becomes a space, so no
/// value can end a header and start another. mail-builder encodes the rest.
pub fn header_text(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{header_text, Draft};

    fn draft<'a>(subject: &'a str, to: Option<&'a str>) -> Draft<'a> {
        Draft {
            to,
            sender: ("SE benchmarking", "kb@network.example"),
            subject,
            body: "Dear colleague,\n\nAll fine.\n",
            attachment: Some(("886 Kent.xlsx", b"PK\x03\x04 bytes")),
            date: chrono::NaiveDate::from_ymd_opt(2025, 10, 14).unwrap(),
        }
    }

    #[test]
    fn the_same_draft_gives_the_same_bytes_and_a_line_break_cannot_add_a_header() {
        let a = draft("Kent\r\nBcc: x@evil.example", Some("a@kent.gov.uk"));
        let bytes = a.to_bytes().unwrap();
        assert_eq!(bytes, a.to_bytes().unwrap());
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("\r\nBcc:"), "{text}");
        assert!(text.contains("\r\nX-Unsent: 1\r\n"), "{text}");
        assert!(
            text.contains("Date: Tue, 14 Oct 2025 00:00:00 +0000"),
            "{text}"
        );
        assert_eq!(header_text(" a\tb\u{7}\n c "), "a b c");
    }
}
