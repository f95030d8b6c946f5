//! Helpers shared by the integration tests.

use conclint::parse::{parse, Document};
use std::path::Path;

/// Reads and parses a file under `tests/` (language detected).
#[allow(dead_code)] // not every test file loads corpus files
pub fn load(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel);
    parse(
        conclint::input::read_file(&path).expect("test file reads"),
        None,
    )
}

/// Insta settings that write snapshots under the top-level `snapshots/`
/// folder (`sub`: a folder below it, or "" for the folder itself).
#[allow(dead_code)] // not every test file takes snapshots
pub fn snapshots_in(sub: &str) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(format!("../snapshots/{sub}"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}
