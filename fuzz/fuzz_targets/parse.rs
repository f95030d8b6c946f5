#![no_main]
//! The parser: no panic, spans in bounds on character boundaries, JSON valid.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = conclint::input::decode(std::path::Path::new("fuzz"), data.to_vec()) else { return };
    let doc = conclint::parse::parse(text.clone(), None);
    doc.root.walk(&mut |n, _| {
        assert!(n.span.start <= n.span.end && n.span.end <= text.len());
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
    });
    let json = serde_json::to_string(&doc.root).unwrap();
    let _: serde_json::Value = serde_json::from_str(&json).unwrap();
});
