//! Stage 1: reading. Bytes in, UTF-8 text out, or an error that names the
//! file and the position (exit code 2 in the CLI). Never panics.

use miette::Diagnostic;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a file cannot be read as a document.
#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    #[diagnostic(code(conclint::io))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    #[diagnostic(
        code(conclint::empty),
        help("conclint reads the text of a Council document; this file has none")
    )]
    Empty { path: PathBuf },
    #[error("{path}: not valid UTF-8 at byte {offset}")]
    #[diagnostic(
        code(conclint::encoding),
        help("save the text as UTF-8 (for example `iconv -f WINDOWS-1257 -t UTF-8`)")
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: not a regular file (a folder, device, pipe or socket); not read")]
    #[diagnostic(code(conclint::not_a_file))]
    NotAFile { path: PathBuf },
    #[error("{path}: larger than the limit of {limit} bytes; not read")]
    #[diagnostic(
        code(conclint::too_large),
        help("no Council text is this large; raise the limit with --max-file-size if it really is one")
    )]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{path}: looks like a binary file (NUL byte at byte {offset})")]
    #[diagnostic(
        code(conclint::binary),
        help("conclint reads plain text extracted from PDF or Word")
    )]
    Binary { path: PathBuf, offset: usize },
    /// A Word document that cannot be read: the Word reader says why (the file, the
    /// part and the position). Kept as its message so that this lowest layer
    /// does not depend on the Word reader above it.
    #[error("{message}")]
    #[diagnostic(code(conclint::word))]
    Docx { message: String },
}

/// Decodes bytes read from `path` into text.
///
/// UTF-8 (with or without BOM) is read as is; UTF-16 with a BOM is decoded.
/// Spans then refer to the decoded UTF-8 text.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    let path_buf = || path.to_path_buf();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty { path: path_buf() });
    }
    if let Some(text) = decode_utf16(&bytes) {
        return text.ok_or_else(|| InputError::InvalidUtf8 {
            path: path_buf(),
            offset: 0,
        });
    }
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(InputError::Binary {
            path: path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// `Some(Some(text))` for valid UTF-16 with a BOM, `Some(None)` for invalid.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let (le, body) = if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (true, body)
    } else if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (false, body)
    } else {
        return None;
    };
    let (pairs, []) = body.as_chunks::<2>() else {
        return Some(None);
    };
    let units = pairs.iter().map(|&c| {
        if le {
            u16::from_le_bytes(c)
        } else {
            u16::from_be_bytes(c)
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok(),
    )
}

/// The default limit on one input: far above any real text (the longest
/// Council documents are a few MB), far below what would exhaust memory.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The largest input any limit can allow (2 GiB): offsets of the text and
/// of its normalised forms are kept in 32 bits, with room to spare for
/// what normalisation inserts.
pub const HARD_MAX_BYTES: u64 = 1 << 31;

/// Reads and decodes a file of at most [`DEFAULT_MAX_BYTES`].
pub fn read_file(path: &Path) -> Result<String, InputError> {
    read_file_limited(path, DEFAULT_MAX_BYTES)
}

/// Reads and decodes a regular file of at most `limit` bytes. A pipe, a
/// device (`/dev/zero`) or a socket is refused before it is opened, so it
/// can neither hang the run nor grow without end.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<String, InputError> {
    decode(path, read_bytes_limited(path, limit)?)
}

/// The bytes of a regular file of at most `limit` bytes (see
/// [`read_file_limited`]).
pub fn read_bytes_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The file's size (if it says) sizes the buffer once: grown by
    // doubling, it would take up to twice the file at its peak.
    let size = file.metadata().map_or(0, |m| m.len());
    read_into(file, path, limit, size)
}

/// Reads at most `limit` bytes from `reader` (standard input, a file), and
/// says so when there is more.
pub fn read_limited(
    reader: impl std::io::Read,
    path: &Path,
    limit: u64,
) -> Result<Vec<u8>, InputError> {
    read_into(reader, path, limit, 0)
}

fn read_into(
    reader: impl std::io::Read,
    path: &Path,
    limit: u64,
    size_hint: u64,
) -> Result<Vec<u8>, InputError> {
    let limit = limit.min(HARD_MAX_BYTES);
    // One byte more than the limit shows that the file is over it.
    let capacity = usize::try_from(size_hint.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    std::io::Read::read_to_end(&mut reader.take(limit.saturating_add(1)), &mut bytes).map_err(
        |source| InputError::Io {
            path: path.to_path_buf(),
            source,
        },
    )?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_position() {
        let p = Path::new("x.txt");
        assert!(matches!(decode(p, vec![]), Err(InputError::Empty { .. })));
        assert!(matches!(
            decode(p, b"ab\0c".to_vec()),
            Err(InputError::Binary { offset: 2, .. })
        ));
        match decode(p, b"abc\xffdef".to_vec()) {
            Err(InputError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "AICINA".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(Path::new("x"), bytes).unwrap(), "AICINA");
    }
}
