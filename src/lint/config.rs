//! `conclint.toml`. The command line maps its own options onto [`Config`].
//!
//! ```toml
//! select = ["elision", "verb-case"]   # only these rules (default: all)
//! ignore = ["bullet-style"]           # never these
//! fail-on = "warning"                 # error | warning | info | never
//! lang = "lv"                         # force a language
//! exclude = ["archive/**", "*.old.txt"] # left out of folder walks
//! max-file-size = 268435456           # bytes; larger inputs are refused
//! [severity]
//! quotes = "error"                    # override a rule's default severity
//! [per-file-ignores]
//! "drafts/*.txt" = ["draft-marker"]   # these rules never report on these files
//! ```

use super::{RuleMeta, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The level at or above which findings make the run fail (exit code 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    #[default]
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// Settings from `conclint.toml` and the command line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub lang: Option<String>,
    /// Globs of paths that folder walks leave out (as `--exclude`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Globs of paths mapped to rules that never report on them.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// The largest input read, in bytes.
    #[serde(default)]
    pub max_file_size: Option<u64>,
}

impl Config {
    /// The severity a rule runs at, or `None` when it is not selected.
    pub fn severity_of(&self, meta: &RuleMeta) -> Option<Severity> {
        if !self.select.is_empty() && !self.select.iter().any(|s| s == meta.name) {
            return None;
        }
        if self.ignore.iter().any(|s| s == meta.name) {
            return None;
        }
        Some(
            self.severity
                .get(meta.name)
                .copied()
                .unwrap_or(meta.severity),
        )
    }

    /// Every rule name the config mentions, for validation against the
    /// registry (`crate::registry::validate`: this module sits below it).
    pub fn rule_names(&self) -> impl Iterator<Item = &str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.keys())
            .chain(self.per_file_ignores.values().flatten())
            .map(String::as_str)
    }

    /// Reads a config file (rule names unchecked: see
    /// `crate::registry::load_config`).
    pub fn parse_file(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Finds `conclint.toml` in `start` or its ancestors.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join("conclint.toml");
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }
}
