#![no_main]
//! `--fix` round trip: the check of `tests/common/roundtrip.rs` on any text.
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/roundtrip.rs"]
mod roundtrip;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        roundtrip::check(text);
    }
});
