#![no_main]
//! The fixer: no panic, and fixing is idempotent.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let config = conclint::lint::config::Config::default();
    let (fixed, _) = conclint::fix::fix_text(text, None, &config);
    let (again, n) = conclint::fix::fix_text(&fixed, None, &config);
    assert_eq!(n, 0, "a second pass still fixed something");
    assert_eq!(again, fixed);
});
