#![no_main]
//! The linter: no panic, findings in bounds, every output format renders.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = conclint::input::decode(std::path::Path::new("fuzz"), data.to_vec()) else { return };
    let doc = conclint::parse::parse(text.clone(), None);
    let findings = conclint::lint::lint(&doc, &conclint::lint::config::Config::default());
    for f in &findings {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    let _ = conclint::render::human::render(
        &doc,
        "fuzz.txt",
        &findings,
        conclint::render::human::Style { color: false, width: 80, show_fixes: true },
    );
    let json = serde_json::to_string(&conclint::render::json::file(&doc, "fuzz.txt", &findings)).unwrap();
    let _: serde_json::Value = serde_json::from_str(&json).unwrap();
});
