//! One analysis of an open document: its tree and its findings, made with
//! the `conclint.toml` that applies to the file (rules, severities and the
//! language), exactly as `conclint lint` would.

use super::settings::{self, Stamp};
use crate::lexicon::Language;
use crate::lint::{self, config::Config, Finding};
use crate::parse::Document;

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

impl Analysis {
    /// Parses and lints `text` (slow for a large document: the server runs
    /// this off its message loop). An unknown language in the configuration
    /// falls back to detection.
    pub fn new(text: String, version: i32, config: &Config, stamp: Stamp) -> Analysis {
        let lang = config.lang.as_deref().and_then(Language::get);
        let doc = crate::parse::parse(text, lang);
        let findings = lint::lint(&doc, config);
        Analysis {
            version,
            doc,
            findings,
            config: stamp,
        }
    }

    /// False when the `conclint.toml` that applies has changed (edited,
    /// created or removed) since the analysis was made.
    pub fn config_unchanged(&self, uri: &str) -> bool {
        self.config == settings::stamp(uri)
    }
}
