//! Word documents (`.docx`) as one more source of text. The reader writes
//! the plain text the rest of conclint already reads (paragraphs separated
//! by blank lines, Word's automatic numbering as labels, notes as footnote
//! definitions under superscript marks) and keeps a map from that text back
//! to the Word paragraphs, so a finding can be named as "paragraph 12,
//! character 40". Nothing after this stage knows the text came from Word.
//!
//! - `archive.rs`: the zip, read part by part under size limits;
//! - `xml.rs`: quick-xml without DTDs;
//! - `numbering.rs`: `numbering.xml` + `styles.xml` → labels;
//! - `body.rs`: the paragraph walk (runs, tracked changes, fields, tables);
//! - `notes.rs`: footnotes and endnotes;
//! - `locate.rs`: offsets of the text → Word locations for the reports.

mod archive;
mod body;
mod locate;
mod notes;
mod numbering;
mod xml;

pub use archive::{looks_like_zip, PART_LIMIT, TOTAL_LIMIT};
pub use locate::{add_to_sarif, human_note, locate, WordLocation};

use body::{NoteKind, NoteNumbers, Walker};
use miette::Diagnostic;
use thiserror::Error;
use xml::{local, Ev, Xml};

const DOCUMENT: &str = "word/document.xml";
const FOOTNOTES: &str = "word/footnotes.xml";
const ENDNOTES: &str = "word/endnotes.xml";

/// Which text of a document under tracked changes is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revisions {
    /// As it would read with every change accepted (deleted text is gone).
    #[default]
    Accepted,
    /// The original: every change rejected.
    Rejected,
}

/// Why a Word document cannot be read (exit code 2 in the CLI).
#[derive(Debug, Error, Diagnostic)]
pub enum DocxError {
    #[error("{file}: not a readable Word document: {reason}")]
    #[diagnostic(code(conclint::docx))]
    Archive { file: String, reason: String },
    #[error("{file}: the Word document has no part `{part}`")]
    #[diagnostic(code(conclint::docx))]
    MissingPart { file: String, part: String },
    #[error("{file}: part `{part}` cannot be read: {reason}")]
    #[diagnostic(code(conclint::docx))]
    Part {
        file: String,
        part: String,
        reason: String,
    },
    #[error("{file}: part `{part}` decompresses to more than {limit} (a zip bomb?)")]
    #[diagnostic(code(conclint::docx))]
    TooLarge {
        file: String,
        part: String,
        limit: String,
    },
    #[error("{file}: malformed XML in part `{part}` at byte {position}: {reason}")]
    #[diagnostic(code(conclint::docx))]
    Xml {
        file: String,
        part: String,
        position: u64,
        reason: String,
    },
    #[error("{file}: part `{part}` has no document body (`w:body`)")]
    #[diagnostic(code(conclint::docx))]
    NoBody { file: String, part: String },
}

pub use crate::origin::{Mapped, Origin, Part};

/// A Word document read as text.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: String,
    pub origin: Origin,
}

/// What a command reads: plain text, or a Word document's text with its
/// way back to the document.
#[derive(Debug, Clone)]
pub struct Source {
    pub text: String,
    pub origin: Option<Origin>,
}

impl Source {
    /// Reads bytes by their content: a zip archive (`PK\x03\x04`) is read
    /// as a Word document, anything else is decoded as text.
    pub fn from_bytes(
        path: &std::path::Path,
        bytes: Vec<u8>,
        view: Revisions,
    ) -> Result<Source, crate::input::InputError> {
        if looks_like_zip(&bytes) {
            let name = path.display().to_string();
            let e = extract(&name, &bytes, view).map_err(|e| crate::input::InputError::Docx {
                message: e.to_string(),
            })?;
            return Ok(Source {
                text: e.text,
                origin: Some(e.origin),
            });
        }
        Ok(Source {
            text: crate::input::decode(path, bytes)?,
            origin: None,
        })
    }

    /// Parses the text and keeps the way back to the Word document.
    pub fn parse(self, lang: Option<&'static crate::lexicon::Language>) -> crate::parse::Document {
        let mut doc = crate::parse::parse(self.text, lang);
        doc.origin = self.origin;
        doc
    }
}

/// Whether bytes are a Word document: a zip with a `word/document.xml`.
pub fn is_docx(bytes: &[u8]) -> bool {
    looks_like_zip(bytes) && archive::Archive::open("", bytes).is_ok_and(|a| a.has(DOCUMENT))
}

/// Reads a Word document; `file` names it in errors.
pub fn extract(file: &str, bytes: &[u8], view: Revisions) -> Result<Extracted, DocxError> {
    extract_from(archive::Archive::open(file, bytes)?, file, view)
}

/// Like [`extract`] with lower size limits (tests of the limits).
pub fn extract_with_limits(
    file: &str,
    bytes: &[u8],
    view: Revisions,
    part_limit: u64,
    total_limit: u64,
) -> Result<Extracted, DocxError> {
    let archive = archive::Archive::open(file, bytes)?.with_limits(part_limit, total_limit);
    extract_from(archive, file, view)
}

fn extract_from(
    mut zip: archive::Archive,
    file: &str,
    view: Revisions,
) -> Result<Extracted, DocxError> {
    let document = zip.required(DOCUMENT)?;
    let numbering_xml = zip.part("word/numbering.xml")?;
    let styles_xml = zip.part("word/styles.xml")?;
    let mut numbering =
        numbering::Numbering::read(file, numbering_xml.as_deref(), styles_xml.as_deref())?;
    let mut numbers = NoteNumbers::default();
    let body = {
        let mut walker = Walker::new(&mut numbering, &mut numbers, view, false);
        let mut x = Xml::new(file, DOCUMENT, &document);
        read_body(&mut x, &mut walker, file)?;
        walker.take()
    };
    let mut notes = std::collections::HashMap::new();
    for (kind, part) in [
        (NoteKind::Footnote, FOOTNOTES),
        (NoteKind::Endnote, ENDNOTES),
    ] {
        if !numbers.order.iter().any(|(k, _)| *k == kind) {
            continue;
        }
        let Some(text) = zip.part(part)? else {
            continue;
        };
        let mut unused = NoteNumbers::default();
        let mut walker = Walker::new(&mut numbering, &mut unused, view, true);
        let mut x = Xml::new(file, part, &text);
        for (id, paras) in notes::read(&mut x, &mut walker)? {
            notes.insert((kind, id), paras);
        }
    }
    Ok(assemble(&body, &numbers, &notes))
}

/// The body's events until its end; a `document.xml` without `w:body` is
/// not a document.
fn read_body(x: &mut Xml, walker: &mut Walker, file: &str) -> Result<(), DocxError> {
    let mut in_body = false;
    let mut seen_body = false;
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Start(e) if !in_body && local(&e) == b"body" => {
                in_body = true;
                seen_body = true;
            }
            Ev::End(name) if in_body && name == b"body" => in_body = false,
            ev if in_body => walker.event(x, ev)?,
            _ => {}
        }
    }
    if !seen_body {
        return Err(DocxError::NoBody {
            file: file.to_string(),
            part: DOCUMENT.to_string(),
        });
    }
    Ok(())
}

/// Writes the text: body paragraphs separated by blank lines, then one
/// footnote definition a line (`¹ text`), in the order of the references.
fn assemble(
    body: &[body::Para],
    numbers: &NoteNumbers,
    notes: &std::collections::HashMap<(NoteKind, String), Vec<body::Para>>,
) -> Extracted {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut heading: Option<String> = None;
    for p in body {
        if p.text.trim().is_empty() {
            continue;
        }
        let start = text.len();
        if let Some(l) = &p.label {
            text.push_str(l);
            text.push(' ');
        }
        let text_start = text.len();
        text.push_str(&p.text);
        #[expect(
            clippy::string_slice,
            reason = "start was text.len() before the pushes above, and text has only \
                      grown since: a char boundary"
        )]
        if p.heading {
            heading = Some(text[start..].trim().to_string());
        }
        paragraphs.push(Mapped {
            part: Part::Body,
            number: p.index,
            start,
            end: text.len(),
            text_start,
            table_row: p.table_row,
            heading: heading.clone(),
        });
        text.push_str("\n\n");
    }
    for (k, key) in numbers.order.iter().enumerate() {
        let Some(paras) = notes.get(key) else {
            continue;
        };
        let n = k + 1;
        let start = text.len();
        text.push_str(&body::superscript(n));
        text.push(' ');
        let text_start = text.len();
        let joined: Vec<&str> = paras
            .iter()
            .map(|p| p.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        // A note is one definition line: its paragraphs joined.
        text.push_str(&joined.join(" ").replace('\n', " "));
        paragraphs.push(Mapped {
            part: if key.0 == NoteKind::Footnote {
                Part::Footnote
            } else {
                Part::Endnote
            },
            number: n,
            start,
            end: text.len(),
            text_start,
            table_row: false,
            heading: None,
        });
        text.push('\n');
    }
    Extracted {
        text,
        origin: Origin { paragraphs },
    }
}

#[cfg(test)]
mod tests;
