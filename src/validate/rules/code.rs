//! Rule codes as values the compiler checks: a finding can only carry a code
//! the catalogue has, and every code has exactly one catalogue entry.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use super::{Rule, RULES};

/// Declares [`Code`] with one variant per code, each named as the code is
/// written, so a search for `VAL007` finds every place that raises it.
macro_rules! codes {
    ($($code:ident),* $(,)?) => {
        /// A rule's stable code. Variants are in catalogue order.
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($code),*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// The code as written in findings, docs and the CSV: `VAL007`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }
        }
    };
}

codes! {
    FILE001, FILE002, FILE003, FILE004, FILE005, FILE006, FILE007, FILE008,
    FILE009, FILE010, FILE011, FILE012, FILE013, FILE014, FILE015, FILE016,
    FILE017, FILE018, FILE019, FILE020, FILE021, FILE022, FILE023, FILE024,
    VAL001, VAL002, VAL003, VAL004, VAL005, VAL006, VAL007, VAL008,
    VAL009, VAL010, VAL011, VAL012, VAL013, VAL014, VAL015, VAL016,
    PAIR001, PAIR002, PAIR003, PAIR004,
    SUM001, SUM002,
    PLAUS001, PLAUS002, PLAUS003, PLAUS004,
}

impl Code {
    /// The catalogue entry: always there (checked when compiling the catalogue).
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The code written as `text`, if the catalogue has it.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

/// Padded like a `str`, so tables line codes up with `{:<8}`.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Codes sort as their text (`FILE` < `PAIR` < `PLAUS` < `SUM` < `VAL`), as
/// they did when they were strings, so orders of findings do not move.
impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
