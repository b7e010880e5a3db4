//! Numbers typed as text: never a panic, never a non-finite value.
#![no_main]

use kinbench::validate::typed_number;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(n) = typed_number(text) {
        assert!(n.is_finite(), "{text:?} typed as {n}");
    }
});
