//! One analysis of an open document: its tree and its findings, made with
//! the `conclint.toml` that applies to the file (rules, severities and the
//! language), exactly as `conclint lint` would.

use crate::lexicon::Language;
use crate::lint::{self, config::Config, Finding};
use crate::parse::Document;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The result of parsing and linting one version of a document. Every
/// request about that version reads it; nothing parses again.
pub struct Analysis {
    /// The document version it was made from (sent with the diagnostics).
    pub version: i32,
    pub doc: Document,
    pub findings: Vec<Finding>,
    /// The configuration file it was made with, to notice when it changes.
    config: Stamp,
}

/// A configuration file with its modification time and length (`None`: no
/// file). The length catches rewrites within the file system's time grain.
type Stamp = Option<(PathBuf, Option<SystemTime>, u64)>;

impl Analysis {
    pub fn new(uri: &str, text: &str, version: i32) -> Analysis {
        let config = stamp(uri);
        let (settings, lang) = settings(config.as_ref().map(|(p, ..)| p.as_path()));
        let doc = crate::parse::parse(text.to_string(), lang);
        let findings = lint::lint(&doc, &settings);
        Analysis {
            version,
            doc,
            findings,
            config,
        }
    }

    /// False when the `conclint.toml` that applies has changed (edited,
    /// created or removed) since the analysis was made.
    pub fn config_unchanged(&self, uri: &str) -> bool {
        self.config == stamp(uri)
    }
}

/// The `conclint.toml` for a document: in its directory or above, else in
/// the server's working directory or above.
fn stamp(uri: &str) -> Stamp {
    let dir = uri_path(uri)
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .or_else(|| std::env::current_dir().ok())?;
    let path = Config::discover(&dir)?;
    let meta = std::fs::metadata(&path).ok();
    let modified = meta.as_ref().and_then(|m| m.modified().ok());
    let len = meta.map_or(0, |m| m.len());
    Some((path, modified, len))
}

/// The configuration and the language it sets. An unreadable file or an
/// unknown language falls back to the defaults and detection: an editor must
/// keep working while the file is being edited.
fn settings(path: Option<&Path>) -> (Config, Option<&'static Language>) {
    let config = path
        .and_then(|p| crate::registry::load_config(p).ok())
        .unwrap_or_default();
    let lang = config.lang.as_deref().and_then(Language::get);
    (config, lang)
}

/// The file path behind a `file://` URI (for finding `conclint.toml`).
fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Bytes, not a `str` slice: `%` may be followed by any character.
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}
