//! Period spellings: parsing never panics, and what parses prints back canonically.
#![no_main]

use kinbench::period::{Period, Spelling};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((period, _)) = Period::parse(text) {
        let canonical = period.to_string();
        assert_eq!(
            Period::parse(&canonical),
            Some((period, Spelling::Canonical)),
            "{canonical:?} from {text:?}"
        );
        let _ = (period.first_day(), period.last_day(), period.months_label());
        let _ = (period.next(), period.prev(), period.year_before(), period.slug());
    }
});
