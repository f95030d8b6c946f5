//! One analysis of an open document: its tree and its findings, made with
//! the `conclint.toml` that applies to the file (rules, severities and the
//! language), exactly as `conclint lint` would.

use crate::lexicon::Language;
use crate::lint::{self, config::Config, Finding};
use crate::parse::Document;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The configurations the server has read: the last good one of each file
/// (kept in force while the file is broken, so an editor keeps working as it
/// is being edited) and the errors to tell the user.
#[derive(Default)]
pub struct Configs {
    last_good: HashMap<PathBuf, Config>,
    /// The error last reported for each file, so it is said once, not on
    /// every keystroke.
    reported: HashMap<PathBuf, String>,
    /// Errors not yet shown (`window/showMessage`).
    pub to_show: Vec<String>,
}

impl Configs {
    fn load(&mut self, path: &Path) -> Config {
        match crate::registry::load_config(path) {
            Ok(c) => {
                self.reported.remove(path);
                self.last_good.insert(path.to_path_buf(), c.clone());
                c
            }
            Err(e) => {
                if self.reported.get(path) != Some(&e) {
                    let kept = if self.last_good.contains_key(path) {
                        "the last valid version stays in force"
                    } else {
                        "the defaults apply"
                    };
                    self.to_show.push(format!("conclint: {e} ({kept})"));
                    self.reported.insert(path.to_path_buf(), e);
                }
                self.last_good.get(path).cloned().unwrap_or_default()
            }
        }
    }
}

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
    pub fn new(uri: &str, text: &str, version: i32, configs: &mut Configs) -> Analysis {
        let config = stamp(uri);
        let settings = config
            .as_ref()
            .map(|(p, ..)| configs.load(p))
            .unwrap_or_default();
        let lang = settings.lang.as_deref().and_then(Language::get);
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
