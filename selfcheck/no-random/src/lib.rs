//! No randomness: see Cargo.toml for why the self-check build needs none.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no random numbers in the self-check page")
    }
}

impl std::error::Error for Error {}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> std::io::Error {
        std::io::Error::other(e)
    }
}

pub fn fill(_dest: &mut [u8]) -> Result<(), Error> {
    Err(Error)
}

pub fn u32() -> Result<u32, Error> {
    Err(Error)
}

pub fn u64() -> Result<u64, Error> {
    Err(Error)
}
