//! Helpers shared by the integration tests.

use conclint::parse::{parse, Document};
use std::path::Path;

/// Reads and parses a file under `tests/` (language detected).
pub fn load(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel);
    parse(
        conclint::input::read_file(&path).expect("test file reads"),
        None,
    )
}
