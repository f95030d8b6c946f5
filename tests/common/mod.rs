//! Helpers shared by the integration tests.

#[allow(dead_code)] // only the round-trip tests and fuzz target use it
pub mod roundtrip;

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

/// Applies LSP text edits (non-overlapping, in order) to a text.
#[allow(dead_code)] // only the language-server tests apply edits
pub fn apply_edits(text: &str, edits: &[serde_json::Value]) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let offset = |p: &serde_json::Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = lines[..line].iter().map(|l| l.len() + 1).sum();
        let mut units = 0;
        for (i, c) in lines[line].char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + lines[line].len()
    };
    let mut out = String::new();
    let mut pos = 0;
    for e in edits {
        let (s, t) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.push_str(&text[pos..s]);
        out.push_str(e["newText"].as_str().unwrap());
        pos = t;
    }
    out.push_str(&text[pos..]);
    out
}

/// The binary, colours off, run in `dir` with no standard input.
#[allow(dead_code)] // not every test file runs the binary
pub fn run_in<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_conclint"))
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("binary runs")
}

/// A fresh, empty temporary folder for one test (`suite` keeps test files
/// apart, the process id keeps concurrent runs apart).
#[allow(dead_code)] // not every test file needs one
pub fn fresh_dir(suite: &str, name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("conclint-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}
