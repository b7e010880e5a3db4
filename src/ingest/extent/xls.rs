//! The `.xls` scan: BIFF records of the workbook stream, sized as calamine would
//! lay out each sheet's grids.

use super::cfb::{u16_at, u32_at, workbook_stream};
use super::{check_text, check_total, IngestError, Limits};

/// The most cells a BIFF8 sheet has: 65,536 rows by 256 columns.
const XLS_SHEET_CELLS: u64 = 65_536 * 256;

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
    let mut lens = Vec::new();
    let Some(d) = data.get(8..) else {
        return lens;
    };
    let mut sst = Sst {
        d,
        cont: cont.into(),
    };
    loop {
        if sst.d.is_empty() && !sst.next() {
            return lens;
        }
        if sst.d.is_empty() {
            lens.push(0);
            continue;
        }
        match sst.string() {
            Some(cch) => lens.push(cch),
            None => return lens,
        }
    }
}

/// The shared strings' bytes: the record's data, read on into its `Continue` records.
struct Sst<'a> {
    d: &'a [u8],
    cont: std::collections::VecDeque<&'a [u8]>,
}

impl Sst<'_> {
    /// On to the next `Continue` record; false when there is none.
    fn next(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(c) => {
                self.d = c;
                true
            }
            None => false,
        }
    }

    /// Passes over one string, giving its character count; None where calamine fails.
    fn string(&mut self) -> Option<u64> {
        if self.d.len() < 3 {
            return None;
        }
        let d = self.d;
        let cch = u64::from(u16::from_le_bytes([d[0], d[1]]));
        let flags = d[2];
        self.d = &d[3..];
        let mut runs = 0u64;
        let mut ext = 0u64;
        if flags & 0x8 != 0 {
            runs = u64::from(u16_at(self.d, 0)?) * 4;
            self.d = &self.d[2..];
        }
        if flags & 0x4 != 0 {
            let n = u32_at(self.d, 0)?;
            // calamine reads an i32 and casts it: a negative length cannot be skipped.
            ext = if n > i32::MAX as u32 {
                u64::MAX
            } else {
                u64::from(n)
            };
            self.d = &self.d[4..];
        }
        self.chars(cch, flags & 0x1 != 0)?;
        self.skip(runs.saturating_add(ext))?;
        Some(cch)
    }

    /// Passes over `cch` characters, one or two bytes each (`high`); a `Continue`
    /// record starts with its own width flag.
    fn chars(&mut self, cch: u64, mut high: bool) -> Option<()> {
        let mut left = cch;
        loop {
            let width = if high { 2 } else { 1 };
            let l = (self.d.len() as u64 / width).min(left);
            self.d = &self.d[(l * width) as usize..];
            left -= l;
            if left == 0 {
                return Some(());
            }
            if !self.next() || self.d.is_empty() {
                return None;
            }
            high = self.d[0] & 0x1 != 0;
            self.d = &self.d[1..];
        }
    }

    /// Passes over `n` bytes (rich-text runs, extended data).
    fn skip(&mut self, mut n: u64) -> Option<()> {
        while n > 0 {
            if self.d.is_empty() && !self.next() {
                return None;
            }
            let l = (self.d.len() as u64).min(n);
            self.d = &self.d[l as usize..];
            n -= l;
        }
        Some(())
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

/// Cells and text bytes calamine would allocate for one sheet; its substreams
/// (a chart's records, between a nested BOF and its EOF) are passed over.
fn sheet_cells(sheet: &[u8], sst: &[u64]) -> (u64, u64) {
    let mut scan = SheetScan::default();
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
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            _ => scan.record(typ, r, sst),
        }
    }
    scan.cells()
}

/// One sheet's records so far, as calamine would lay out its grids.
#[derive(Default)]
struct SheetScan {
    /// Text bytes: a decoded character takes up to 3.
    text: u64,
    values: Extent,
    formulas: Extent,
    records_held: u64,
    /// Cells the `Dimensions` records reserve.
    reserved: u64,
    /// The last formula's cell, which a following `String` record holds the result of.
    formula_at: (u32, u32),
}

impl SheetScan {
    fn chars(&mut self, n: u64) {
        self.text = self.text.saturating_add(n.saturating_mul(3));
    }

    /// A cell record, counted when it is at least `min_len` bytes long, as calamine requires.
    fn cell(&mut self, pos: Option<(u32, u32)>, r: &[u8], min_len: usize) {
        if let Some((row, col)) = pos.filter(|_| r.len() >= min_len) {
            self.values.add(row, col);
            self.records_held += 1;
        }
    }

    fn record(&mut self, typ: u16, r: &[u8], sst: &[u64]) {
        let at = u16_at(r, 0).zip(u16_at(r, 2));
        let at = at.map(|(row, col)| (u32::from(row), u32::from(col)));
        match typ {
            0x0200 => self.reserved = self.reserved.saturating_add(dimensions(r)),
            0x0203 => self.cell(at, r, 14),
            0x0204 | 0x00D6 => {
                self.cell(at, r, 6);
                self.chars(u64::from(u16_at(r, 6).unwrap_or(0)));
            }
            0x0205 => self.cell(at, r, 8),
            0x027E => self.cell(at, r, 10),
            0x00FD => {
                self.cell(at, r, 10);
                let shared = u32_at(r, 6).and_then(|i| sst.get(i as usize));
                self.chars(shared.copied().unwrap_or(0));
            }
            0x0207 => {
                self.cell(Some(self.formula_at), r, 0);
                self.chars(u64::from(u16_at(r, 0).unwrap_or(0)));
            }
            0x00BD if r.len() >= 6 => self.mul_cells(r),
            0x0006 if r.len() >= 20 => {
                if let Some(pos) = at {
                    self.formula_at = pos;
                    self.values.add(pos.0, pos.1);
                    self.formulas.add(pos.0, pos.1);
                    self.records_held += 2;
                }
            }
            _ => {}
        }
    }

    /// A `MulRk` record: one row's cells from its first column to its last.
    fn mul_cells(&mut self, r: &[u8]) {
        let (Some(row), Some(first), Some(last)) =
            (u16_at(r, 0), u16_at(r, 2), u16_at(r, r.len() - 2))
        else {
            return;
        };
        if last >= first {
            self.values.add(u32::from(row), u32::from(first));
            self.values.add(u32::from(row), u32::from(last));
            self.records_held += u64::from(last - first) + 1;
        }
    }

    /// The sheet's cells (the largest of its measures) and text bytes.
    fn cells(&self) -> (u64, u64) {
        // The reservation is address space, not memory, until cells fill it: a sheet's worth
        // (Excel writes Dimensions over every formatted blank cell) costs nothing, but one
        // no BIFF8 sheet can have may be more than the machine can give, which aborts.
        let reserved = if self.reserved > XLS_SHEET_CELLS {
            self.reserved
        } else {
            0
        };
        let cells = reserved
            .max(self.records_held)
            .max(self.values.cells())
            .max(self.formulas.cells());
        (cells, self.text)
    }
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
