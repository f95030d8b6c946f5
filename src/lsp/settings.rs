//! The `conclint.toml` that applies to each open document, read as `lint`
//! reads it, with one difference an editor needs: a broken file does not
//! switch the rules back to the defaults mid-edit. Its error is reported once
//! (file and line) and the last good version of that file stays in force.

use crate::lint::config::Config;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A configuration file with its modification time and length (`None`: no
/// file). The length catches rewrites within the file system's time grain.
pub type Stamp = Option<(PathBuf, Option<SystemTime>, u64)>;

/// What one file last gave.
struct Entry {
    stamp: Stamp,
    /// The last version of the file that loaded (none yet: the defaults).
    good: Option<Config>,
}

#[derive(Default)]
pub struct Settings {
    files: HashMap<PathBuf, Entry>,
}

/// The configuration for a document, the stamp it was made with, and an
/// error to show when the file has just become unreadable.
pub struct Resolved {
    pub config: Config,
    pub stamp: Stamp,
    pub error: Option<String>,
}

impl Settings {
    pub fn resolve(&mut self, uri: &str) -> Resolved {
        let stamp = stamp(uri);
        let Some((path, ..)) = stamp.clone() else {
            return Resolved {
                config: Config::default(),
                stamp,
                error: None,
            };
        };
        if let Some(e) = self.files.get(&path).filter(|e| e.stamp == stamp) {
            return Resolved {
                config: e.good.clone().unwrap_or_default(),
                stamp,
                error: None,
            };
        }
        let entry = self.files.entry(path.clone()).or_insert(Entry {
            stamp: None,
            good: None,
        });
        entry.stamp = stamp.clone();
        let error = match load(&path) {
            Ok(c) => {
                entry.good = Some(c);
                None
            }
            Err(e) => Some(format!(
                "{e} ({})",
                if entry.good.is_some() {
                    "the last good version stays in force"
                } else {
                    "the defaults apply until it is fixed"
                }
            )),
        };
        Resolved {
            config: entry.good.clone().unwrap_or_default(),
            stamp,
            error,
        }
    }
}

/// The stamp of the `conclint.toml` for a document now.
pub fn stamp(uri: &str) -> Stamp {
    let dir = uri_path(uri)
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .or_else(|| std::env::current_dir().ok())?;
    let path = Config::discover(&dir)?;
    let meta = std::fs::metadata(&path).ok();
    let modified = meta.as_ref().and_then(|m| m.modified().ok());
    let len = meta.map_or(0, |m| m.len());
    Some((path, modified, len))
}

/// Reads and validates a config file; an error is `path:line: message`.
fn load(path: &Path) -> Result<Config, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(&text, s.start));
        format!("{shown}:{line}: {}", e.message().trim().replace('\n', "; "))
    })?;
    crate::registry::validate(&config).map_err(|e| {
        // The unknown rule name is what is wrong; its line is where.
        let line = config
            .rule_names()
            .find(|n| crate::registry::find(n).is_none())
            .and_then(|n| text.lines().position(|l| l.contains(n)))
            .map_or(1, |i| i + 1);
        format!("{shown}:{line}: {e}")
    })?;
    Ok(config)
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let upto = text.get(..offset).unwrap_or(text);
    upto.matches('\n').count() + 1
}

/// The file path behind a `file://` URI (for finding `conclint.toml`).
fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            // Bytes, not a `str` slice: `%` may be followed by any character.
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_the_last_good_file_stays() {
        let dir = std::env::temp_dir().join(format!("conclint-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let toml = dir.join("conclint.toml");
        let uri = format!("file://{}/a.txt", dir.display());
        let mut s = Settings::default();
        std::fs::write(&toml, "ignore = [\"elision\"]\n").unwrap();
        let r = s.resolve(&uri);
        assert!(r.error.is_none() && r.config.ignore.len() == 1);
        std::fs::write(&toml, "fail-on = \"error\"\n\nignore = [\"elison\"]\n").unwrap();
        let r = s.resolve(&uri);
        assert!(
            r.error.as_deref().unwrap().contains("conclint.toml:3:"),
            "{:?}",
            r.error
        );
        assert_eq!(r.config.ignore, vec!["elision".to_string()]);
        std::fs::write(&toml, "ignore = [\n\"elision\",\nbroken\n").unwrap();
        let r = s.resolve(&uri);
        assert!(
            r.error.as_deref().unwrap().contains("conclint.toml:3:"),
            "{:?}",
            r.error
        );
        // Reported once per change of the file.
        assert!(s.resolve(&uri).error.is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
