//! The `.xls` compound file: its workbook stream, read as calamine reads it but
//! with every sector chain bounded by the number of sectors the file has.

use super::IngestError;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
/// calamine follows the DIFAT chain while the next id is below this.
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
/// calamine reads streams under this size from the mini stream.
const MINI_STREAM_CUTOFF: u64 = 4096;

fn corrupt(why: &str) -> IngestError {
    IngestError::Corrupt(format!("its compound-file structure is broken ({why})"))
}

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
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

/// The compound file's `Workbook` (or `Book`) stream, read as calamine reads it but with
/// every sector chain bounded by the number of sectors the file has.
pub(super) fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, IngestError> {
    let Some(h) = Header::read(bytes) else {
        return Ok(None);
    };
    let sectors = Sectors {
        bytes,
        size: h.sector,
        maxid: (bytes.len() / h.sector) as u32,
    };
    let get = |id: u32| sectors.get(id);
    let fats = sector_table(bytes, h.difat_start, &sectors)?;
    let dirs = directory(&chain(h.dir_start, &fats, u64::MAX, &get)?, h.sector);
    if dirs.is_empty() || (h.version != 3 && dirs[0].start == ENDOFCHAIN) {
        return Ok(None);
    }
    // calamine reads the mini stream and its table while opening any compound file.
    let (ministream, minifat) = if h.mini_fat_len > 0 {
        let ministream = chain(dirs[0].start, &fats, dirs[0].len, &get)?;
        let minifat = chain(
            h.mini_fat_start,
            &fats,
            (h.mini_fat_len as u64).saturating_mul(h.sector as u64),
            &get,
        )?;
        (ministream, words(&minifat))
    } else {
        (Vec::new(), Vec::new())
    };
    let find = |name: &str| dirs.iter().find(|d| d.name.eq_ignore_ascii_case(name));
    let Some(&Entry { start, len, .. }) = find("Workbook").or_else(|| find("Book")) else {
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

/// The compound file header's fields calamine reads.
struct Header {
    /// Sector size in bytes.
    sector: usize,
    version: u16,
    dir_start: u32,
    mini_fat_start: u32,
    /// Sectors of the mini stream's table.
    mini_fat_len: usize,
    difat_start: u32,
}

impl Header {
    /// None when the file is no compound file calamine would read.
    fn read(bytes: &[u8]) -> Option<Header> {
        if bytes.len() < 512 {
            return None;
        }
        let sector = match u16_at(bytes, 30) {
            Some(9) => 512usize,
            Some(12) => 4096,
            _ => return None,
        };
        if bytes.len() < sector || u16_at(bytes, 32) != Some(6) {
            return None;
        }
        Some(Header {
            sector,
            version: u16_at(bytes, 26).unwrap_or(0),
            dir_start: u32_at(bytes, 48).unwrap_or(ENDOFCHAIN),
            mini_fat_start: u32_at(bytes, 60).unwrap_or(ENDOFCHAIN),
            mini_fat_len: u32_at(bytes, 64).unwrap_or(0) as usize,
            difat_start: u32_at(bytes, 68).unwrap_or(ENDOFCHAIN),
        })
    }
}

/// The file's sectors by id.
struct Sectors<'a> {
    bytes: &'a [u8],
    size: usize,
    maxid: u32,
}

impl<'a> Sectors<'a> {
    /// Sector `id`, which follows the header, itself one sector.
    fn get(&self, id: u32) -> Result<&'a [u8], IngestError> {
        if id > self.maxid {
            return Err(corrupt("a sector lies beyond the end of the file"));
        }
        let start = (id as usize + 1) * self.size;
        let end = (start + self.size).min(self.bytes.len());
        Ok(self.bytes.get(start..end).unwrap_or(&[]))
    }
}

fn words(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// The sector table (FAT): the sectors the DIFAT lists, the DIFAT's chain
/// starting in the header and going on from `difat_start`.
fn sector_table(
    bytes: &[u8],
    difat_start: u32,
    sectors: &Sectors,
) -> Result<Vec<u32>, IngestError> {
    let mut difat = words(&bytes[76..512]);
    let mut id = difat_start;
    let mut steps = 0u32;
    while id < RESERVED_SECTORS {
        steps += 1;
        if steps > sectors.maxid.saturating_add(1) {
            return Err(corrupt("its sector table chain loops"));
        }
        difat.extend(words(sectors.get(id)?));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fats = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        fats.extend(words(sectors.get(id)?));
    }
    Ok(fats)
}

/// One directory entry: a stream's name, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: u64,
}

/// The directory's entries, 128 bytes each; a 512-byte-sector file keeps 32-bit lengths.
fn directory(dirs: &[u8], sector: usize) -> Vec<Entry> {
    dirs.chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = d[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|u| *u != 0)
                .collect();
            let len = if sector == 512 {
                u64::from(u32_at(d, 120).unwrap_or(0))
            } else {
                u64_at(d, 120).unwrap_or(0)
            };
            Entry {
                name: String::from_utf16_lossy(&units),
                start: u32_at(d, 116).unwrap_or(ENDOFCHAIN),
                len,
            }
        })
        .collect()
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
