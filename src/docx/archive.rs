//! The `.docx` container: a zip archive from a stranger. Only the named parts
//! are ever decompressed, each through a bounded reader, so a zip bomb stops
//! at a limit with an error instead of filling memory.

use super::DocxError;
use std::io::{Cursor, Read};

/// Largest decompressed size of one part (a 5 MB document's `document.xml`
/// is about 40 MB; ten times the largest Council text ever seen).
pub const PART_LIMIT: u64 = 128 * 1024 * 1024;
/// Largest decompressed size of all the parts read together.
pub const TOTAL_LIMIT: u64 = 256 * 1024 * 1024;
/// Archives with more entries than this are not Word documents we read.
const ENTRY_LIMIT: usize = 10_000;

/// Bytes start like a zip archive (a local file header).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An opened archive with a budget of decompressed bytes.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    file: String,
    read_total: u64,
    part_limit: u64,
    total_limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens the central directory (nothing is decompressed yet).
    pub fn open(file: &str, bytes: &'a [u8]) -> Result<Self, DocxError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Archive {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
        if zip.len() > ENTRY_LIMIT {
            return Err(DocxError::Archive {
                file: file.to_string(),
                reason: format!("{} entries (at most {ENTRY_LIMIT} are read)", zip.len()),
            });
        }
        Ok(Archive {
            zip,
            file: file.to_string(),
            read_total: 0,
            part_limit: PART_LIMIT,
            total_limit: TOTAL_LIMIT,
        })
    }

    /// Lower limits, for tests of the limits themselves.
    pub fn with_limits(mut self, part: u64, total: u64) -> Self {
        self.part_limit = part;
        self.total_limit = total;
        self
    }

    /// Whether the archive has an entry of that name.
    pub fn has(&self, part: &str) -> bool {
        self.zip.index_for_name(part).is_some()
    }

    /// Reads one part as UTF-8 text; `None` when the archive has no such part.
    pub fn part(&mut self, part: &str) -> Result<Option<String>, DocxError> {
        let Some(index) = self.zip.index_for_name(part) else {
            return Ok(None);
        };
        let err = |reason: String| DocxError::Part {
            file: self.file.clone(),
            part: part.to_string(),
            reason,
        };
        let mut entry = self.zip.by_index(index).map_err(|e| err(e.to_string()))?;
        let remaining = self.total_limit.saturating_sub(self.read_total);
        let limit = self.part_limit.min(remaining);
        // The declared size is a claim, not a promise: the bounded reader
        // below enforces the limit whatever the header says.
        let mut bytes = Vec::with_capacity(entry.size().min(limit).min(1 << 24) as usize);
        let read = (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| err(format!("cannot decompress: {e}")))?;
        if read as u64 > limit {
            return Err(DocxError::TooLarge {
                file: self.file.clone(),
                part: part.to_string(),
                limit: if limit == self.part_limit {
                    format!("{} MiB for one part", self.part_limit >> 20)
                } else {
                    format!("{} MiB for the whole document", self.total_limit >> 20)
                },
            });
        }
        self.read_total += read as u64;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        String::from_utf8(bytes).map(Some).map_err(|e| {
            err(format!(
                "not UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ))
        })
    }

    /// Reads a part that must be there.
    pub fn required(&mut self, part: &str) -> Result<String, DocxError> {
        self.part(part)?.ok_or_else(|| DocxError::MissingPart {
            file: self.file.clone(),
            part: part.to_string(),
        })
    }
}
