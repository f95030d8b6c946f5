#![no_main]
//! The normaliser: no panic, and every mapped offset lies in the input on a
//! character boundary.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in conclint::lexicon::Language::all() {
        let n = conclint::normalize::normalize(text, lang);
        for b in &n.blocks {
            let (s, e) = n.span_to_original(text, b.start, b.end);
            assert!(s <= e && e <= text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }
});
