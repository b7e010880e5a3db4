//! A zip archive of uncompressed ("stored") parts, built from parts already
//! unpacked. The zip check unpacks every part of a workbook to measure it;
//! keeping what it unpacked in this form lets calamine read the same bytes
//! without inflating each part a second time.

use std::io::{self, Read};

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0: the lowest that stored parts in folders need.
const VERSION: u16 = 20;
/// Bit 11: the part's name is UTF-8, as the zip reader gave it.
const UTF8_NAMES: u16 = 0x0800;
/// 1980-01-01, the earliest date a zip can hold: no clock time in the copy.
const DOS_DATE: u16 = 0x0021;

/// The archive as it is built: parts with their local headers, then the directory.
#[derive(Default)]
pub(crate) struct StoredZip {
    bytes: Vec<u8>,
    directory: Vec<u8>,
    entries: u16,
}

impl StoredZip {
    /// Room for `size` unpacked bytes in `entries` parts, so the buffer grows once.
    pub(crate) fn with_capacity(size: usize, entries: usize) -> StoredZip {
        StoredZip {
            bytes: Vec::with_capacity(size + entries * 80),
            directory: Vec::with_capacity(entries * 80),
            entries: 0,
        }
    }

    /// Appends a part named `name` with all that `data` gives, and says how many
    /// bytes that was. `crc32` is the checksum the original archive declared: the
    /// zip reader has checked `data` against it by the time `data` ends. The
    /// caller keeps the whole within `u32` sizes and `u16` entries.
    pub(crate) fn add(&mut self, name: &str, crc32: u32, data: &mut impl Read) -> io::Result<u64> {
        let offset = self.bytes.len() as u32;
        let name = name.as_bytes();
        let name_len = u16::try_from(name.len()).map_err(io::Error::other)?;
        let b = &mut self.bytes;
        put32(b, LOCAL_HEADER);
        for v in [VERSION, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(b, v);
        }
        put32(b, crc32);
        let sizes_at = b.len();
        put32(b, 0);
        put32(b, 0);
        put16(b, name_len);
        put16(b, 0);
        b.extend_from_slice(name);
        let start = b.len();
        data.read_to_end(b)?;
        let size = u32::try_from(b.len() - start).map_err(io::Error::other)?;
        b[sizes_at..sizes_at + 4].copy_from_slice(&size.to_le_bytes());
        b[sizes_at + 4..sizes_at + 8].copy_from_slice(&size.to_le_bytes());
        let d = &mut self.directory;
        put32(d, CENTRAL_HEADER);
        for v in [VERSION, VERSION, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(d, v);
        }
        for v in [crc32, size, size] {
            put32(d, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(d, v);
        }
        put32(d, 0);
        put32(d, offset);
        d.extend_from_slice(name);
        self.entries += 1;
        Ok(u64::from(size))
    }

    /// The archive's bytes: the parts, the directory, and its end record.
    pub(crate) fn finish(self) -> Vec<u8> {
        let StoredZip {
            mut bytes,
            directory,
            entries,
        } = self;
        let directory_at = bytes.len() as u32;
        bytes.extend_from_slice(&directory);
        put32(&mut bytes, END_OF_DIRECTORY);
        for v in [0, 0, entries, entries] {
            put16(&mut bytes, v);
        }
        put32(&mut bytes, directory.len() as u32);
        put32(&mut bytes, directory_at);
        put16(&mut bytes, 0);
        bytes
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn the_zip_reader_reads_back_every_part_as_added() {
        let parts: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/", b""),
            ("xl/worksheets/sheet1.xml", &[b'x'; 70_000]),
        ];
        let mut z = StoredZip::with_capacity(70_008, 3);
        for (name, data) in parts {
            let crc = crc_of(data);
            assert_eq!(z.add(name, crc, &mut &data[..]).unwrap(), data.len() as u64);
        }
        let bytes = z.finish();
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, (name, data)) in parts.iter().enumerate() {
            let mut entry = archive.by_index(i).unwrap();
            assert_eq!(entry.name().unwrap(), *name);
            assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
            let mut back = Vec::new();
            entry.read_to_end(&mut back).unwrap();
            assert_eq!(&back[..], *data);
        }
    }

    #[test]
    fn a_wrong_checksum_is_caught_on_reading() {
        let mut z = StoredZip::default();
        z.add("a.xml", 1, &mut &b"abc"[..]).unwrap();
        let bytes = z.finish();
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut back = Vec::new();
        assert!(archive.by_index(0).unwrap().read_to_end(&mut back).is_err());
    }

    /// The checksum as the zip writer computes it, by writing one deflated part.
    fn crc_of(data: &[u8]) -> u32 {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("p", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let crc = archive.by_index(0).unwrap().crc32();
        crc
    }
}
