//! Writing files without losing a byte: the one way conclint writes (`--fix`,
//! baselines, `--output-file`).
//!
//! The new text goes to a temporary file created in the target's folder with
//! a random name and an exclusive create (`O_CREAT|O_EXCL` through the
//! `tempfile` crate: a link planted at that name makes the create fail, it is
//! never followed), is flushed to disk, given the target's mode and, where
//! permitted, its owner, and then renamed over the target, so a reader sees
//! the old text or the new one, never half of either. Refused, with the
//! reason: a target that is not a regular file, that has other hard links (a
//! rename would silently split them), that is read-only, or that changed
//! since it was read. A symbolic link is never replaced: the file it points
//! to is written, and the link stays. Paths stay `Path`s throughout (no
//! lossy conversion), so two names that differ only in invalid UTF-8 are two
//! files.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `new` to `path`. With `expected`, the file must exist and still
/// hold exactly those bytes (what was read and checked); without, it may be
/// created.
pub fn write(path: &Path, new: &[u8], expected: Option<&[u8]>) -> Result<(), String> {
    let shown = path.display();
    let target = resolve(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && expected.is_none() => None,
        Err(e) => return Err(format!("{shown}: cannot write: {e}")),
    };
    if let Some(meta) = &existing {
        refuse_unsafe_target(path, meta)?;
    }
    let unchanged = || -> Result<(), String> {
        let Some(expected) = expected else {
            return Ok(());
        };
        let now = std::fs::read(&target).map_err(|e| format!("{shown}: cannot re-read: {e}"))?;
        if now != expected {
            return Err(format!(
                "{shown}: the file changed while it was being checked; not overwritten"
            ));
        }
        Ok(())
    };
    unchanged()?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".conclint-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| format!("{shown}: cannot create a temporary file beside it: {e}"))?;
    let write_all = |tmp: &mut tempfile::NamedTempFile| -> std::io::Result<()> {
        tmp.write_all(new)?;
        if let Some(meta) = &existing {
            tmp.as_file().set_permissions(meta.permissions())?;
            keep_owner(tmp.as_file(), meta);
        }
        tmp.as_file().sync_all()
    };
    write_all(&mut tmp).map_err(|e| format!("{shown}: cannot write: {e}"))?;
    // Checked again just before the rename: an edit made while we worked is
    // not lost (the temporary file is removed when `tmp` drops).
    unchanged()?;
    tmp.persist(&target)
        .map_err(|e| format!("{shown}: cannot replace: {}", e.error))?;
    // The rename itself reaches the disk when the folder is synced.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The file a path names: a symbolic link's target (so the link stays a
/// link), the path itself otherwise.
fn resolve(path: &Path) -> Result<PathBuf, String> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            format!(
                "{}: a link to nothing that can be written: {e}",
                path.display()
            )
        }),
        _ => Ok(path.to_path_buf()),
    }
}

fn refuse_unsafe_target(path: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    let shown = path.display();
    if !meta.is_file() {
        return Err(format!("{shown}: not a regular file; not written"));
    }
    if meta.permissions().readonly() {
        return Err(format!("{shown}: the file is read-only; not written"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!(
                "{shown}: the file has {} hard links, which replacing it would break; not written",
                meta.nlink()
            ));
        }
    }
    Ok(())
}

/// Gives the new file the old one's owner and group where the system lets us
/// (root, or a group we are in); otherwise it stays ours, as a copy would.
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    #[cfg(not(unix))]
    let _ = (file, meta);
}

/// Whether two paths name the same file (both must exist), so that a report
/// or a baseline is never written over an input.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        assert!(write(&p, b"new", Some(b"other")).is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        write(&p, b"new", Some(b"old")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let fresh = dir.path().join("b.txt");
        write(&fresh, b"x", None).unwrap();
        assert!(write(&dir.path().join("c.txt"), b"x", Some(b"")).is_err());
    }
}
