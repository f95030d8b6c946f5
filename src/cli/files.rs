//! Which files a run checks, and the one name each is reported under.
//!
//! Folders are walked as ripgrep walks them (the `ignore` crate):
//! `.gitignore`, `.ignore` and hidden files and folders are honoured,
//! symbolic links are not followed (a link loop cannot trap the walk), and
//! only regular `*.txt` and `*.docx` files are taken (a pipe, device or socket is skipped
//! with a note: reading it could hang the run). `--exclude` and the config's
//! `exclude` leave out walked files, as in ruff; a file named on the command
//! line is always checked. A pattern the shell did not expand (`'drafts/*.txt'`)
//! is expanded here. Every name is normalised, so `nl.txt`, `./nl.txt` and
//! the absolute path are one file to baselines and per-file ignores.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Component, Path, PathBuf};

/// What the selection found.
#[derive(Default)]
pub struct Selection {
    pub files: Vec<PathBuf>,
    /// Things skipped on purpose, said on standard error.
    pub notes: Vec<String>,
    pub errors: Vec<String>,
}

/// Compiles globs (from `--exclude`, `exclude` or `[per-file-ignores]`).
pub fn globs<'a>(patterns: impl IntoIterator<Item = &'a String>) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(glob(p)?);
    }
    b.build().map_err(|e| e.to_string())
}

fn glob(pattern: &str) -> Result<Glob, String> {
    globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("bad glob `{pattern}`: {e}"))
}

/// Whether a glob names this path: the whole (normalised) path, its file
/// name, or one of its folders (`--exclude archive` leaves out all below).
pub fn matches(set: &GlobSet, path: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let path = normalize(path);
    path.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| set.is_match(a))
        || path.file_name().is_some_and(|n| set.is_match(n))
}

/// The lexically cleaned path (`.` and `a/..` removed), relative to the
/// current folder when it is under it.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    if out.is_absolute() {
        if let Some(rel) = std::env::current_dir().ok().and_then(|cwd| {
            out.strip_prefix(normalize_abs(&cwd))
                .ok()
                .map(Path::to_path_buf)
        }) {
            if !rel.as_os_str().is_empty() {
                return rel;
            }
        }
    }
    out
}

fn normalize_abs(p: &Path) -> PathBuf {
    p.components().filter(|c| *c != Component::CurDir).collect()
}

fn has_glob_chars(p: &Path) -> bool {
    p.to_str().is_some_and(|s| s.contains(['*', '?', '[']))
}

/// The files to check: named files as given (normalised), folders walked,
/// unexpanded patterns expanded.
pub fn collect(paths: &[PathBuf], exclude: &GlobSet) -> Selection {
    let mut sel = Selection::default();
    for p in paths {
        if p.as_os_str() == "-" {
            sel.files.push(p.clone());
        } else if p.is_dir() {
            walk(p, None, exclude, &mut sel);
        } else if !p.exists() && has_glob_chars(p) {
            expand(p, exclude, &mut sel);
        } else {
            sel.files.push(normalize(p));
        }
    }
    sel.files
        .sort_by(|a, b| (a.as_os_str() != "-", a).cmp(&(b.as_os_str() != "-", b)));
    sel.files.dedup();
    sel
}

/// Expands a pattern from its literal folder prefix (`drafts/*.txt` walks
/// `drafts`).
fn expand(pattern: &Path, exclude: &GlobSet, sel: &mut Selection) {
    let text = pattern.to_string_lossy();
    let matcher = match glob(&normalize(pattern).to_string_lossy()) {
        Ok(g) => g.compile_matcher(),
        Err(e) => {
            sel.errors.push(e);
            return;
        }
    };
    let base: PathBuf = pattern
        .components()
        .take_while(|c| !has_glob_chars(Path::new(c.as_os_str())))
        .collect();
    let base = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    let before = sel.files.len();
    walk(&base, Some(&matcher), exclude, sel);
    if sel.files.len() == before {
        sel.notes
            .push(format!("{text}: the pattern matches no file"));
    }
}

fn walk(root: &Path, only: Option<&globset::GlobMatcher>, exclude: &GlobSet, sel: &mut Selection) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                sel.errors.push(e.to_string());
                continue;
            }
        };
        let path = normalize(entry.path());
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || kind.is_symlink() {
            continue;
        }
        if path.extension().is_none_or(|e| e != "txt" && e != "docx") {
            continue;
        }
        if only.is_some_and(|m| !m.is_match(&path)) || matches(exclude, &path) {
            continue;
        }
        if !kind.is_file() {
            sel.notes.push(format!(
                "{}: skipped: not a regular file (a pipe, device or socket)",
                path.display()
            ));
            continue;
        }
        sel.files.push(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalize(Path::new("./nl.txt")), PathBuf::from("nl.txt"));
        assert_eq!(
            normalize(Path::new("a/./b/../nl.txt")),
            PathBuf::from("a/nl.txt")
        );
        let abs = std::env::current_dir().unwrap().join("x").join("nl.txt");
        assert_eq!(normalize(&abs), PathBuf::from("x/nl.txt"));
    }

    #[test]
    fn globs_match_paths_names_and_folders() {
        let set = globs(&["archive".to_string(), "*.old.txt".to_string()]).unwrap();
        assert!(matches(&set, Path::new("archive/2020/a.txt")));
        assert!(matches(&set, Path::new("drafts/x.old.txt")));
        assert!(!matches(&set, Path::new("drafts/x.txt")));
        assert!(globs(&["[".to_string()]).is_err());
    }
}
