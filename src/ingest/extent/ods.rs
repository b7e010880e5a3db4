//! The `.ods` scan: `content.xml` read tag by tag, as calamine lays out its tables.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::ods_table::{Row, Table};
use super::xml_attrs::{cell_kind, repeat, text_attrs};
use super::{check_text, check_total, IngestError, Limits};

/// calamine's caps on an `.ods` sheet (`ods.rs`).
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;
/// Most bytes of one attribute value kept while scanning; repeat counts are a few digits.
const ATTR_VALUE_KEPT: usize = 32;

/// Refuses an `.ods` whose tables would expand to more than `limits.max_grid_cells` cells.
pub(crate) fn check_ods(bytes: &[u8], limits: &Limits) -> Result<(), IngestError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IngestError::Corrupt(format!("the zip structure is broken ({e})")))?;
    let Some(i) = archive.index_for_name("content.xml") else {
        // calamine refuses it as corrupt; nothing is expanded.
        return Ok(());
    };
    let entry = archive
        .by_index(i)
        .map_err(|e| IngestError::Corrupt(format!("content.xml is unreadable ({e})")))?;
    let mut reader = entry.take(limits.max_uncompressed_bytes);
    let mut scan = OdsScan::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader
            .read(&mut buf)
            .map_err(|e| IngestError::Corrupt(format!("content.xml is unreadable ({e})")))?;
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            scan.byte(b)?;
        }
        check_total(scan.total(), limits)?;
        check_text(scan.text(), limits)?;
    }
    // calamine's table loop, and its loop over a cell comment, wait for their end tag
    // through end-of-file forever: a content.xml cut short inside either hangs the run.
    if matches!(scan.skip, Some(Skip::Text { annotation: true })) {
        return Err(IngestError::Corrupt(
            "content.xml ends inside a cell comment (the file is cut short)".into(),
        ));
    }
    if scan.table.is_some() {
        return Err(IngestError::Corrupt(
            "content.xml ends inside a sheet (the file is cut short)".into(),
        ));
    }
    check_text(scan.text(), limits)?;
    check_total(scan.total(), limits)
}

/// Where the tokenizer is in the XML text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Lex {
    #[default]
    Text,
    /// After `<`, collecting the tag (name and attributes) into `tag`.
    Tag,
    /// Inside a quoted attribute value of a tag; the quote byte.
    Quoted(u8),
    /// `<!-- ... -->`, `<![CDATA[ ... ]]>`, `<? ... ?>`: until the two bytes before `>` match.
    Until([u8; 2]),
    /// `<!DOCTYPE ...>` and other declarations, with `[...]` nesting.
    Decl(u32),
}

/// How calamine passes over a cell's content (`get_datatype`, `read_row`).
#[derive(Debug, Clone, Copy)]
enum Skip {
    /// To the end tag of the same name, nesting counted (`read_to_end_into`).
    Same(&'static str, u32),
    /// A string cell's text: to the first end of any cell, except inside an annotation.
    Text { annotation: bool },
}

#[derive(Debug, Default)]
struct OdsScan {
    lex: Lex,
    tag: Vec<u8>,
    /// Bytes of the current quoted value kept in `tag`, and its full length.
    kept: usize,
    value_len: u64,
    /// The full length of each quoted value of the tag, in order.
    value_lens: Vec<u64>,
    last_two: [u8; 2],
    /// Tables already finished, their cells summed, and their text.
    done: u64,
    done_text: u64,
    /// A text cell being read: its column repeats and the text bytes so far.
    text_cell: Option<(u64, u64)>,
    table: Option<Table>,
    row: Option<Row>,
    /// Inside a cell's content, skipped as calamine skips it.
    skip: Option<Skip>,
}

impl OdsScan {
    fn total(&self) -> u64 {
        let open = self.table.as_ref().map_or(0, Table::cells);
        let row = self.row.as_ref().map_or(0, |r| r.col);
        self.done.saturating_add(open).saturating_add(row)
    }

    /// Bytes of text calamine would hold: every copy of each string, date and formula.
    fn text(&self) -> u64 {
        let open = self.table.as_ref().map_or(0, |t| t.text);
        let row = self.row.as_ref().map_or(0, |r| r.text);
        let cell = self
            .text_cell
            .map_or(0, |(reps, bytes)| reps.saturating_mul(bytes));
        self.done_text
            .saturating_add(open)
            .saturating_add(row)
            .saturating_add(cell)
    }

    fn byte(&mut self, b: u8) -> Result<(), IngestError> {
        match self.lex {
            Lex::Text => {
                if b == b'<' {
                    self.lex = Lex::Tag;
                    self.tag.clear();
                    self.value_lens.clear();
                } else if let Some((_, bytes)) = self.text_cell.as_mut() {
                    if matches!(self.skip, Some(Skip::Text { annotation: false })) {
                        *bytes += 1;
                    }
                }
            }
            Lex::Tag => return self.tag_byte(b),
            Lex::Quoted(q) => self.quoted_byte(q, b),
            Lex::Until(end) => {
                if b == b'>'
                    && (self.last_two == end || (end == *b"??" && self.last_two[1] == b'?'))
                {
                    self.lex = Lex::Text;
                }
                self.last_two = [self.last_two[1], b];
            }
            Lex::Decl(depth) => match b {
                b'[' => self.lex = Lex::Decl(depth + 1),
                b']' => self.lex = Lex::Decl(depth.saturating_sub(1)),
                b'>' if depth == 0 => self.lex = Lex::Text,
                _ => {}
            },
        }
        Ok(())
    }

    /// A byte of a tag: a quote opens a value, `>` ends the tag, and the first
    /// bytes tell a comment, CDATA, processing instruction or declaration.
    fn tag_byte(&mut self, b: u8) -> Result<(), IngestError> {
        match b {
            b'"' | b'\'' => {
                self.tag.push(b);
                self.kept = 0;
                self.value_len = 0;
                self.lex = Lex::Quoted(b);
            }
            b'>' => {
                self.lex = Lex::Text;
                self.tag_done()?;
            }
            _ => {
                self.tag.push(b);
                if self.tag.len() > 64 * 1024 {
                    return Err(IngestError::Corrupt(
                        "content.xml has a tag too long to be a spreadsheet's".into(),
                    ));
                }
                match self.tag.as_slice() {
                    b"!--" => self.enter_until(*b"--"),
                    b"![CDATA[" => self.enter_until(*b"]]"),
                    [b'?'] => self.enter_until(*b"??"),
                    t if t.len() == 2 && t[0] == b'!' && t[1] != b'-' && t[1] != b'[' => {
                        self.lex = Lex::Decl(0)
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// A byte of a quoted attribute value, closed by `q`: only its first bytes are kept.
    fn quoted_byte(&mut self, q: u8, b: u8) {
        if b == q {
            self.tag.push(b);
            self.value_lens.push(self.value_len);
            self.lex = Lex::Tag;
            return;
        }
        self.value_len += 1;
        if self.kept < ATTR_VALUE_KEPT {
            self.tag.push(b);
            self.kept += 1;
        } else if self.kept == ATTR_VALUE_KEPT {
            // A marker no number parses: an over-long repeat count is refused.
            self.tag.push(b'~');
            self.kept += 1;
        }
    }

    fn enter_until(&mut self, end: [u8; 2]) {
        self.last_two = [0, 0];
        self.lex = Lex::Until(end);
    }

    fn tag_done(&mut self) -> Result<(), IngestError> {
        let tag = std::mem::take(&mut self.tag);
        let result = self.element(&tag);
        self.tag = tag;
        result
    }

    fn element(&mut self, tag: &[u8]) -> Result<(), IngestError> {
        let t = Tag::parse(tag);
        if self.skipped(&t) {
            return Ok(());
        }
        match (t.name, t.closing) {
            (b"table:table", false) if self.table.is_none() && !t.self_closing => {
                self.table = Some(Table::default());
            }
            (b"table:table", true) => self.finish_table(),
            (b"table:table-row", false) if self.table.is_some() && self.row.is_none() => {
                let repeats = repeat(t.attrs, b"table:number-rows-repeated")?;
                self.row = Some(Row {
                    repeats,
                    ..Row::default()
                });
                if t.self_closing {
                    self.finish_row();
                }
            }
            (b"table:table-row", true) => self.finish_row(),
            (b"table:table-cell" | b"table:covered-table-cell", false) if self.row.is_some() => {
                self.start_cell(&t)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Moves the skip over a cell's content on by the tag `t`; false when not skipping.
    fn skipped(&mut self, t: &Tag) -> bool {
        match self.skip {
            Some(Skip::Same(skipped, depth)) => {
                if t.name == skipped.as_bytes() && !t.self_closing {
                    self.skip = match (t.closing, depth) {
                        (true, 0) => None,
                        (true, d) => Some(Skip::Same(skipped, d - 1)),
                        (false, d) => Some(Skip::Same(skipped, d + 1)),
                    };
                }
            }
            Some(Skip::Text { annotation: true }) => {
                if t.name == b"office:annotation" && t.closing {
                    self.skip = Some(Skip::Text { annotation: false });
                }
            }
            Some(Skip::Text { annotation: false }) => self.in_text(t),
            None => return false,
        }
        true
    }

    /// A tag inside a string cell's text: the cell's end, an annotation's start,
    /// or markup calamine turns into characters.
    fn in_text(&mut self, t: &Tag) {
        let cell = t.name == b"table:table-cell" || t.name == b"table:covered-table-cell";
        if cell && (t.closing || t.self_closing) {
            self.skip = None;
            if let (Some((copies, bytes)), Some(row)) = (self.text_cell.take(), self.row.as_mut()) {
                row.text = row.text.saturating_add(copies.saturating_mul(bytes));
            }
        } else if t.name == b"office:annotation" && !t.closing && !t.self_closing {
            self.skip = Some(Skip::Text { annotation: true });
        } else if !t.closing {
            // calamine writes `text:c` spaces for `text:s`, one character for
            // a tab, a line break or a new paragraph.
            let added = match t.name {
                b"text:s" => repeat(t.attrs, b"text:c").unwrap_or(1),
                b"text:tab" | b"text:line-break" | b"text:p" => 1,
                _ => 0,
            };
            if let Some((_, bytes)) = self.text_cell.as_mut() {
                *bytes = bytes.saturating_add(added);
            }
        }
    }

    /// A cell's start tag in a row: its columns counted (empty ones only once a
    /// filled one follows), its text begun, and its content skipped.
    fn start_cell(&mut self, t: &Tag) -> Result<(), IngestError> {
        let repeats = repeat(t.attrs, b"table:number-columns-repeated")?;
        let (filled, text) = cell_kind(t.attrs);
        let attr_text = text_attrs(t.attrs, &self.value_lens);
        let mut copies = 0;
        if let Some(row) = self.row.as_mut() {
            row.col = (row.col + row.pending_empty).min(ODS_MAX_COLUMNS);
            row.pending_empty = 0;
            let repeats = repeats.min(ODS_MAX_COLUMNS - row.col);
            if filled {
                if repeats > 0 {
                    row.first.get_or_insert(row.col);
                    row.last = row.col + repeats - 1;
                }
                row.col += repeats;
                copies = repeats;
                row.text = row.text.saturating_add(repeats.saturating_mul(attr_text));
            } else {
                row.pending_empty = repeats;
            }
        }
        if !t.self_closing {
            if text {
                self.text_cell = Some((copies, 0));
            }
            self.skip = Some(if text {
                Skip::Text { annotation: false }
            } else if t.name == b"table:table-cell" {
                Skip::Same("table:table-cell", 0)
            } else {
                Skip::Same("table:covered-table-cell", 0)
            });
        }
        Ok(())
    }

    fn finish_row(&mut self) {
        let (Some(row), Some(table)) = (self.row.take(), self.table.as_mut()) else {
            return;
        };
        let repeats = row.repeats.min(ODS_MAX_ROWS.saturating_sub(table.rows));
        // calamine pushes the row's cells up to its last filled one, once per element.
        let pushed = row.first.map_or(0, |_| row.last + 1);
        table.raw = table.raw.saturating_add(pushed);
        // The row as read, then a copy per repeat when the grid is laid out.
        table.text = table
            .text
            .saturating_add(row.text.saturating_mul(repeats.saturating_add(1)));
        if let Some(first) = row.first {
            if table.first_row.is_none() {
                table.first_row = Some(table.rows);
                table.first_element = table.elements;
                table.col_min = first;
            }
            table.col_min = table.col_min.min(first);
            table.col_max = table.col_max.max(row.last);
            table.end_row = table.rows + repeats;
            table.last_element = table.elements;
        }
        table.rows += repeats;
        table.elements += 1;
    }

    fn finish_table(&mut self) {
        self.finish_row();
        if let Some(table) = self.table.take() {
            self.done = self.done.saturating_add(table.cells());
            self.done_text = self.done_text.saturating_add(table.text);
        }
    }
}

/// One tag's text split up: `/name attrs` or `name attrs /`.
struct Tag<'t> {
    name: &'t [u8],
    attrs: &'t [u8],
    closing: bool,
    self_closing: bool,
}

impl<'t> Tag<'t> {
    fn parse(tag: &'t [u8]) -> Tag<'t> {
        let (closing, body) = match tag.strip_prefix(b"/") {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let self_closing = !closing && body.last() == Some(&b'/');
        let name_end = body
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(body.len());
        Tag {
            name: &body[..name_end],
            attrs: &body[name_end..],
            closing,
            self_closing,
        }
    }
}

#[cfg(test)]
#[path = "ods_tests.rs"]
mod tests;
