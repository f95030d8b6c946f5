#![no_main]
//! The parser: no panic, spans in bounds on character boundaries, JSON valid.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = conclint::input::decode(std::path::Path::new("fuzz"), data.to_vec()) else { return };
    let doc = conclint::parse::parse(text.clone(), None);
    let root = doc.root();
    for n in std::iter::once(root).chain(root.descendants()) {
        let span = n.span();
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
    let json = serde_json::to_string(&root).unwrap();
    let _: serde_json::Value = serde_json::from_str(&json).unwrap();
});
