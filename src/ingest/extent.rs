//! How big a grid calamine would build, worked out before it builds it.
//!
//! calamine reads `.xls` and `.ods` into dense grids (every cell from the first used
//! one to the last), and does so while the workbook is opened, before kinbench can
//! count anything. A small file can therefore ask for an enormous grid: two cells at
//! `A1` and `IV65536` in an `.xls`, or one filled cell repeated 16,384 columns by a
//! million rows in an `.ods`. These scans read the file's own layout (BIFF records;
//! `content.xml` tags) with small, bounded state, and refuse the file with
//! [`IngestError::TooLarge`] when the grids calamine would allocate hold more than
//! [`Limits::max_grid_cells`] cells. They over-estimate rather than under-estimate: a cell
//! that calamine might count is counted.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{IngestError, Limits};

/// calamine's caps on an `.ods` sheet (`ods.rs`).
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;
/// Most bytes of one attribute value kept while scanning; repeat counts are a few digits.
const ATTR_VALUE_KEPT: usize = 32;

fn too_many(cells: u64, limits: &Limits) -> IngestError {
    IngestError::TooLarge(format!(
        "its sheets span {cells} cells from the first used cell to the last, more than the limit of {}",
        limits.max_grid_cells
    ))
}

fn check_total(cells: u64, limits: &Limits) -> Result<(), IngestError> {
    if cells > limits.max_grid_cells as u64 {
        Err(too_many(cells, limits))
    } else {
        Ok(())
    }
}

fn check_text(bytes: u64, limits: &Limits) -> Result<(), IngestError> {
    if bytes > limits.max_text_bytes as u64 {
        Err(IngestError::TooLarge(format!(
            "its cells hold {bytes} bytes of text with every repeated or shared copy counted, more than the limit of {}",
            limits.max_text_bytes
        )))
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------- ods

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

/// One table's extent, as calamine's `read_table` and `get_range` would lay it out.
#[derive(Debug, Default)]
struct Table {
    /// Rows so far, repeats expanded and capped as calamine caps them.
    rows: u64,
    /// Text bytes of the table's cells, every copy counted.
    text: u64,
    /// Row elements so far.
    elements: u64,
    /// Cells calamine pushes while reading, before expanding repeated rows.
    raw: u64,
    /// Expanded row range and element range of rows with a filled cell; column range.
    first_row: Option<u64>,
    end_row: u64,
    first_element: u64,
    last_element: u64,
    col_min: u64,
    col_max: u64,
}

impl Table {
    fn cells(&self) -> u64 {
        let Some(first) = self.first_row else {
            return self.raw;
        };
        let width = (self.col_max + 1).saturating_sub(self.col_min);
        let dense = self.end_row.saturating_sub(first).saturating_mul(width);
        let elements = (self.last_element + 1 - self.first_element).saturating_mul(width);
        self.raw.max(dense).max(elements)
    }
}

/// The row being read: calamine pushes cells up to its last filled one.
#[derive(Debug, Default)]
struct Row {
    repeats: u64,
    /// Text bytes of the row's cells, column repeats counted.
    text: u64,
    col: u64,
    pending_empty: u64,
    first: Option<u64>,
    last: u64,
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
            Lex::Tag => match b {
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
            },
            Lex::Quoted(q) => {
                if b == q {
                    self.tag.push(b);
                    self.value_lens.push(self.value_len);
                    self.lex = Lex::Tag;
                    return Ok(());
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
        let (closing, body) = match tag.strip_prefix(b"/") {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let self_closing = !closing && body.last() == Some(&b'/');
        let name_end = body
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(body.len());
        let name = &body[..name_end];
        let attrs = &body[name_end..];

        match self.skip {
            Some(Skip::Same(skipped, depth)) => {
                if name == skipped.as_bytes() && !self_closing {
                    self.skip = match (closing, depth) {
                        (true, 0) => None,
                        (true, d) => Some(Skip::Same(skipped, d - 1)),
                        (false, d) => Some(Skip::Same(skipped, d + 1)),
                    };
                }
                return Ok(());
            }
            Some(Skip::Text { annotation: true }) => {
                if name == b"office:annotation" && closing {
                    self.skip = Some(Skip::Text { annotation: false });
                }
                return Ok(());
            }
            Some(Skip::Text { annotation: false }) => {
                let cell = name == b"table:table-cell" || name == b"table:covered-table-cell";
                if cell && (closing || self_closing) {
                    self.skip = None;
                    if let (Some((copies, bytes)), Some(row)) =
                        (self.text_cell.take(), self.row.as_mut())
                    {
                        row.text = row.text.saturating_add(copies.saturating_mul(bytes));
                    }
                } else if name == b"office:annotation" && !closing && !self_closing {
                    self.skip = Some(Skip::Text { annotation: true });
                } else if !closing {
                    // calamine writes `text:c` spaces for `text:s`, one character for
                    // a tab, a line break or a new paragraph.
                    let added = match name {
                        b"text:s" => repeat(attrs, b"text:c").unwrap_or(1),
                        b"text:tab" | b"text:line-break" | b"text:p" => 1,
                        _ => 0,
                    };
                    if let Some((_, bytes)) = self.text_cell.as_mut() {
                        *bytes = bytes.saturating_add(added);
                    }
                }
                return Ok(());
            }
            None => {}
        }

        match (name, closing) {
            (b"table:table", false) if self.table.is_none() && !self_closing => {
                self.table = Some(Table::default());
            }
            (b"table:table", true) => self.finish_table(),
            (b"table:table-row", false) if self.table.is_some() && self.row.is_none() => {
                let repeats = repeat(attrs, b"table:number-rows-repeated")?;
                self.row = Some(Row {
                    repeats,
                    ..Row::default()
                });
                if self_closing {
                    self.finish_row();
                }
            }
            (b"table:table-row", true) => self.finish_row(),
            (b"table:table-cell" | b"table:covered-table-cell", false) if self.row.is_some() => {
                let repeats = repeat(attrs, b"table:number-columns-repeated")?;
                let (filled, text) = cell_kind(attrs);
                let attr_text = text_attrs(attrs, &self.value_lens);
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
                if !self_closing {
                    if text {
                        self.text_cell = Some((copies, 0));
                    }
                    self.skip = Some(if text {
                        Skip::Text { annotation: false }
                    } else if name == b"table:table-cell" {
                        Skip::Same("table:table-cell", 0)
                    } else {
                        Skip::Same("table:covered-table-cell", 0)
                    });
                }
            }
            _ => {}
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

/// A tag's attributes in order, as (name, value) pairs of the text the scanner kept.
fn attrs(text: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        rest = &rest[start..];
        let eq = rest.iter().position(|b| *b == b'=')?;
        let key = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let close = after[1..].iter().position(|b| *b == quote)?;
        let value = &after[1..1 + close];
        rest = &after[close + 2..];
        Some((key, value))
    })
}

fn attr<'a>(text: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attrs(text).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Bytes of the values calamine copies into every repeat of a cell: its string,
/// date or time value and its formula, at their full length in the file.
fn text_attrs(text: &[u8], lens: &[u64]) -> u64 {
    attrs(text)
        .zip(lens)
        .filter(|((k, _), _)| {
            matches!(
                *k,
                b"office:string-value"
                    | b"office:date-value"
                    | b"office:time-value"
                    | b"table:formula"
            )
        })
        .map(|(_, len)| *len)
        .fold(0, u64::saturating_add)
}

/// A repeat count, 1 when absent. calamine parses it with `str::parse::<usize>`, so
/// anything else (entities, an over-long count) would fail there too: refused here.
fn repeat(attrs: &[u8], name: &[u8]) -> Result<u64, IngestError> {
    let Some(v) = attr(attrs, name) else {
        return Ok(1);
    };
    let digits = v.strip_prefix(b"+").unwrap_or(v);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(IngestError::Corrupt(format!(
            "content.xml has a repeat count that is not a number ({})",
            String::from_utf8_lossy(v)
        )));
    }
    Ok(digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// Whether calamine sees a value or formula in the cell, and whether it reads the
/// cell's content as its text: `get_datatype`'s reading of the attributes, in order.
fn cell_kind(text: &[u8]) -> (bool, bool) {
    let (mut set, mut string, mut error, mut empty_string, mut formula) =
        (false, false, false, false, false);
    for (key, value) in attrs(text) {
        match key {
            b"office:value"
            | b"office:date-value"
            | b"office:time-value"
            | b"office:boolean-value"
                if !set =>
            {
                set = true;
            }
            b"office:string-value" if !set => {
                set = true;
                empty_string = value.is_empty();
            }
            b"office:value-type" if !set => string = value == b"string",
            b"calcext:value-type" => error = value == b"error",
            b"table:formula" => formula = !value.is_empty(),
            _ => {}
        }
    }
    let text = (!set && string) || (error && set && empty_string);
    (set || text || formula, text)
}

// ---------------------------------------------------------------- xls

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// calamine follows the DIFAT chain while the next id is below this.
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
/// The most cells a BIFF8 sheet has: 65,536 rows by 256 columns.
const XLS_SHEET_CELLS: u64 = 65_536 * 256;
/// calamine reads streams under this size from the mini stream.
const MINI_STREAM_CUTOFF: u64 = 4096;

fn corrupt(why: &str) -> IngestError {
    IngestError::Corrupt(format!("its compound-file structure is broken ({why})"))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 8).map(|s| {
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        u64::from_le_bytes(a)
    })
}

/// Refuses an `.xls` whose sheets would make calamine allocate more than
/// `limits.max_grid_cells` cells, or whose compound file would make it read without end
/// (a sector chain that loops). Run before calamine sees any compound file.
/// A file calamine would refuse for other reasons passes: calamine reports it.
pub(crate) fn check_xls(bytes: &[u8], limits: &Limits) -> Result<(), IngestError> {
    let Some(stream) = workbook_stream(bytes)? else {
        return Ok(());
    };
    let (cells, text) = biff_cells(&stream);
    check_total(cells, limits)?;
    check_text(text, limits)
}

/// The compound file's `Workbook` (or `Book`) stream, read as calamine reads it but with
/// every sector chain bounded by the number of sectors the file has.
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, IngestError> {
    if bytes.len() < 512 {
        return Ok(None);
    }
    let sector = match u16_at(bytes, 30) {
        Some(9) => 512usize,
        Some(12) => 4096,
        _ => return Ok(None),
    };
    if bytes.len() < sector || u16_at(bytes, 32) != Some(6) {
        return Ok(None);
    }
    let version = u16_at(bytes, 26).unwrap_or(0);
    let dir_start = u32_at(bytes, 48).unwrap_or(ENDOFCHAIN);
    let mini_fat_start = u32_at(bytes, 60).unwrap_or(ENDOFCHAIN);
    let mini_fat_len = u32_at(bytes, 64).unwrap_or(0) as usize;
    let difat_start = u32_at(bytes, 68).unwrap_or(ENDOFCHAIN);
    let maxid = (bytes.len() / sector) as u32;
    // Sector `id` follows the header, which takes one sector.
    let get = |id: u32| -> Result<&[u8], IngestError> {
        if id > maxid {
            return Err(corrupt("a sector lies beyond the end of the file"));
        }
        let start = (id as usize + 1) * sector;
        let end = (start + sector).min(bytes.len());
        Ok(bytes.get(start..end).unwrap_or(&[]))
    };
    let words = |b: &[u8]| -> Vec<u32> {
        b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    };

    let mut difat = words(&bytes[76..512]);
    let mut id = difat_start;
    let mut steps = 0u32;
    while id < RESERVED_SECTORS {
        steps += 1;
        if steps > maxid.saturating_add(1) {
            return Err(corrupt("its sector table chain loops"));
        }
        difat.extend(words(get(id)?));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fats = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        fats.extend(words(get(id)?));
    }

    let dirs = chain(dir_start, &fats, u64::MAX, &get)?;
    let dirs: Vec<(String, u32, u64)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = d[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|u| *u != 0)
                .collect();
            let start = u32_at(d, 116).unwrap_or(ENDOFCHAIN);
            let len = if sector == 512 {
                u64::from(u32_at(d, 120).unwrap_or(0))
            } else {
                u64_at(d, 120).unwrap_or(0)
            };
            (String::from_utf16_lossy(&units), start, len)
        })
        .collect();
    if dirs.is_empty() || (version != 3 && dirs[0].1 == ENDOFCHAIN) {
        return Ok(None);
    }
    // calamine reads the mini stream and its table while opening any compound file.
    let (ministream, minifat) = if mini_fat_len > 0 {
        let ministream = chain(dirs[0].1, &fats, dirs[0].2, &get)?;
        let minifat = chain(
            mini_fat_start,
            &fats,
            (mini_fat_len as u64).saturating_mul(sector as u64),
            &get,
        )?;
        (ministream, words(&minifat))
    } else {
        (Vec::new(), Vec::new())
    };
    let find = |name: &str| dirs.iter().find(|d| d.0.eq_ignore_ascii_case(name));
    let Some(&(_, start, len)) = find("Workbook").or_else(|| find("Book")) else {
        return Ok(None);
    };
    if len >= MINI_STREAM_CUTOFF {
        return chain(start, &fats, len, &get).map(Some);
    }
    let mini_get = |id: u32| -> Result<&[u8], IngestError> {
        let start = id as usize * 64;
        ministream
            .get(start..(start + 64).min(ministream.len()))
            .filter(|s| !s.is_empty())
            .ok_or_else(|| corrupt("a mini sector lies beyond the mini stream"))
    };
    chain(start, &minifat, len, &mini_get).map(Some)
}

/// A stream's bytes along its sector chain, at most `len`, refusing a chain that loops.
fn chain<'a>(
    start: u32,
    fats: &[u32],
    len: u64,
    get: &dyn Fn(u32) -> Result<&'a [u8], IngestError>,
) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    let mut id = start;
    let mut steps = 0usize;
    while id != ENDOFCHAIN && (out.len() as u64) < len {
        steps += 1;
        if steps > fats.len() + 1 {
            return Err(corrupt("a sector chain loops"));
        }
        let s = get(id)?;
        let take = (s.len() as u64).min(len - out.len() as u64) as usize;
        out.extend_from_slice(&s[..take]);
        id = *fats
            .get(id as usize)
            .ok_or_else(|| corrupt("a sector chain leaves the sector table"))?;
    }
    Ok(out)
}

/// BIFF records as calamine's `RecordIter` yields them: type and data, `Continue`
/// records skipped over. Stops at the first malformed record, as calamine does.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8], Vec<&[u8]>)> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = u16_at(rest, 2)? as usize;
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        let mut cont = Vec::new();
        while rest.len() > 4 && u16_at(rest, 0) == Some(0x003C) {
            let len = u16_at(rest, 2)? as usize;
            cont.push(rest.get(4..4 + len)?);
            rest = &rest[4 + len..];
        }
        Some((typ, data, cont))
    })
}

/// The character count of each shared string, read as calamine's `parse_sst` reads
/// them (`Continue` records included). Stops where calamine would fail.
fn sst_lengths<'a>(data: &'a [u8], cont: Vec<&'a [u8]>) -> Vec<u64> {
    let mut cont = std::collections::VecDeque::from(cont);
    let mut lens = Vec::new();
    let Some(mut d) = data.get(8..) else {
        return lens;
    };
    let mut next = |d: &mut &'a [u8]| match cont.pop_front() {
        Some(c) => {
            *d = c;
            true
        }
        None => false,
    };
    loop {
        if d.is_empty() && !next(&mut d) {
            return lens;
        }
        if d.is_empty() {
            lens.push(0);
            continue;
        }
        if d.len() < 3 {
            return lens;
        }
        let cch = u64::from(u16::from_le_bytes([d[0], d[1]]));
        let flags = d[2];
        d = &d[3..];
        let mut runs = 0u64;
        let mut ext = 0u64;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(d, 0) else { return lens };
            runs = u64::from(n) * 4;
            d = &d[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(d, 0) else { return lens };
            // calamine reads an i32 and casts it: a negative length cannot be skipped.
            ext = if n > i32::MAX as u32 {
                u64::MAX
            } else {
                u64::from(n)
            };
            d = &d[4..];
        }
        let mut high = flags & 0x1 != 0;
        let mut left = cch;
        loop {
            let width = if high { 2 } else { 1 };
            let l = (d.len() as u64 / width).min(left);
            d = &d[(l * width) as usize..];
            left -= l;
            if left == 0 {
                break;
            }
            if !next(&mut d) || d.is_empty() {
                return lens;
            }
            high = d[0] & 0x1 != 0;
            d = &d[1..];
        }
        let mut skip = runs.saturating_add(ext);
        while skip > 0 {
            if d.is_empty() && !next(&mut d) {
                return lens;
            }
            let l = (d.len() as u64).min(skip);
            d = &d[l as usize..];
            skip -= l;
        }
        lens.push(cch);
    }
}

/// Cells calamine would allocate for every sheet: the larger of the cells a sheet's
/// `Dimensions` record reserves (when more than a sheet can hold), the cell records it
/// holds, and the dense grids of its values and formulas. Sheets are counted as often as the workbook lists them.
/// Also the bytes of text they would hold: each shared string is copied into every
/// cell that shows it, and a decoded character takes up to 3 bytes.
fn biff_cells(stream: &[u8]) -> (u64, u64) {
    let mut sheets = Vec::new();
    let mut sst = Vec::new();
    for (typ, data, cont) in records(stream) {
        match typ {
            0x0085 => sheets.extend(u32_at(data, 0)),
            0x00FC => sst = sst_lengths(data, cont),
            0x000A => break,
            _ => {}
        }
    }
    sheets
        .into_iter()
        .filter_map(|pos| stream.get(pos as usize..))
        .map(|sheet| sheet_cells(sheet, &sst))
        .fold((0, 0), |(c, t), (sc, st)| {
            (c.saturating_add(sc), t.saturating_add(st))
        })
}

#[derive(Default)]
struct Extent(Option<(u32, u32, u32, u32)>);

impl Extent {
    fn add(&mut self, row: u32, col: u32) {
        let e = self.0.get_or_insert((row, row, col, col));
        *e = (e.0.min(row), e.1.max(row), e.2.min(col), e.3.max(col));
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1).saturating_mul(u64::from(c1 - c0 + 1))
        })
    }
}

fn sheet_cells(sheet: &[u8], sst: &[u64]) -> (u64, u64) {
    let mut text = 0u64;
    let mut chars = |n: u64| text = text.saturating_add(n.saturating_mul(3));
    let mut values = Extent::default();
    let mut formulas = Extent::default();
    let mut records_held = 0u64;
    let mut reserved = 0u64;
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, r, _) in records(sheet) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || Some((u32::from(u16_at(r, 0)?), u32::from(u16_at(r, 2)?)));
        let mut cell = |pos: Option<(u32, u32)>, min_len: usize| {
            if let Some((row, col)) = pos.filter(|_| r.len() >= min_len) {
                values.add(row, col);
                records_held += 1;
            }
        };
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => reserved = reserved.saturating_add(dimensions(r)),
            0x0203 => cell(at(), 14),
            0x0204 | 0x00D6 => {
                cell(at(), 6);
                chars(u64::from(u16_at(r, 6).unwrap_or(0)));
            }
            0x0205 => cell(at(), 8),
            0x027E => cell(at(), 10),
            0x00FD => {
                cell(at(), 10);
                let shared = u32_at(r, 6).and_then(|i| sst.get(i as usize));
                chars(shared.copied().unwrap_or(0));
            }
            0x0207 => {
                cell(Some(formula_at), 0);
                chars(u64::from(u16_at(r, 0).unwrap_or(0)));
            }
            0x00BD if r.len() >= 6 => {
                let (Some(row), Some(first), Some(last)) =
                    (u16_at(r, 0), u16_at(r, 2), u16_at(r, r.len() - 2))
                else {
                    continue;
                };
                if last >= first {
                    values.add(u32::from(row), u32::from(first));
                    values.add(u32::from(row), u32::from(last));
                    records_held += u64::from(last - first) + 1;
                }
            }
            0x0006 if r.len() >= 20 => {
                if let Some(pos) = at() {
                    formula_at = pos;
                    values.add(pos.0, pos.1);
                    formulas.add(pos.0, pos.1);
                    records_held += 2;
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    // The reservation is address space, not memory, until cells fill it: a sheet's worth
    // (Excel writes Dimensions over every formatted blank cell) costs nothing, but one
    // no BIFF8 sheet can have may be more than the machine can give, which aborts.
    let reserved = if reserved > XLS_SHEET_CELLS {
        reserved
    } else {
        0
    };
    let cells = reserved
        .max(records_held)
        .max(values.cells())
        .max(formulas.cells());
    (cells, text)
}

/// Cells calamine reserves for a `Dimensions` record, parsed as calamine parses it.
fn dimensions(r: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0).unwrap_or(0)),
            u32::from(u16_at(r, 2).unwrap_or(0)),
            u32::from(u16_at(r, 4).unwrap_or(0)),
            u32::from(u16_at(r, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(r, 0).unwrap_or(0),
            u32_at(r, 4).unwrap_or(0),
            u32::from(u16_at(r, 8).unwrap_or(0)),
            u32::from(u16_at(r, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    if rl >= 1 && cl >= 1 {
        let rows = u64::from((rl - 1).wrapping_sub(rf)).wrapping_add(1) & 0xFFFF_FFFF;
        let cols = u64::from((cl - 1).wrapping_sub(cf)).wrapping_add(1) & 0xFFFF_FFFF;
        rows.saturating_mul(cols)
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str) -> u64 {
        let mut s = OdsScan::default();
        for b in xml.bytes() {
            s.byte(b).unwrap();
        }
        s.finish_table();
        s.total()
    }

    #[test]
    fn ods_extent_counts_repeats_of_filled_cells_only() {
        let t = |rows: &str| {
            format!("<office:body><table:table table:name=\"S\">{rows}</table:table></office:body>")
        };
        // Two filled cells: 1 row x 2 columns.
        assert_eq!(
            scan(&t(
                r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
            )),
            2
        );
        // One filled cell repeated across and down.
        assert_eq!(
            scan(&t(
                r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="300" office:value-type="float" office:value="1"/></table:table-row>"#
            )),
            300_000
        );
        // A filled cell far right, after empty repeats: calamine pushes the empties too.
        assert_eq!(
            scan(&t(
                r#"<table:table-row><table:table-cell table:number-columns-repeated="9999"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#
            )),
            10_000
        );
        // Cells inside comments and a cell's content are not cells.
        assert_eq!(
            scan(&t(
                r#"<!-- <table:table-cell office:value-type="float" table:number-columns-repeated="99"> --><table:table-row><table:table-cell office:value-type="string"><text:p>a &gt; b</text:p><office:annotation><text:p>x</text:p></office:annotation></table:table-cell></table:table-row>"#
            )),
            1
        );
    }

    #[test]
    fn ods_repeat_counts_must_be_numbers() {
        let mut s = OdsScan::default();
        let r = r#"<table:table><table:table-row table:number-rows-repeated="1e9">"#
            .bytes()
            .try_for_each(|b| s.byte(b));
        assert!(matches!(r, Err(IngestError::Corrupt(m)) if m.contains("1e9")));
    }

    #[test]
    fn xls_dimensions_are_read_as_calamine_reads_them() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut r = Vec::new();
            r.extend(rf.to_le_bytes());
            r.extend(rl.to_le_bytes());
            r.extend(cf.to_le_bytes());
            r.extend(cl.to_le_bytes());
            r.extend([0, 0]);
            r
        };
        assert_eq!(dimensions(&biff8(0, 65536, 0, 256)), 65536 * 256);
        assert_eq!(dimensions(&biff8(0, 10, 0, 4)), 40);
        assert_eq!(dimensions(&biff8(0, 0, 0, 0)), 1);
    }
}
