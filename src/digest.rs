//! SHA-256 as lower-case hex: how a run names the exact bytes it read (each
//! return, each schema file) and wrote (the manifest's outputs).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

/// The SHA-256 of a file's bytes, read in chunks (a file too large to read as
/// a return is still identified).
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// The SHA-256 of bytes in memory, as [`sha256_file`] gives it for a file.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_and_its_bytes_have_one_digest() {
        let dir = std::env::temp_dir().join(format!("kinbench-digest-{}", std::process::id()));
        std::fs::write(&dir, b"abc").unwrap();
        let from_file = super::sha256_file(&dir).unwrap();
        std::fs::remove_file(&dir).unwrap();
        assert_eq!(
            from_file,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(super::sha256_bytes(b"abc"), from_file);
    }
}
