//! `footnotes.xml` and `endnotes.xml`: each note's paragraphs, by id. The
//! separator notes Word keeps there (`w:type="separator"`, …) are not notes.

use super::body::{Para, Walker};
use super::xml::{attr, local, Ev, Xml};
use super::DocxError;
use std::collections::HashMap;

/// Reads every real note of a notes part into its paragraphs.
pub fn read(x: &mut Xml, walker: &mut Walker) -> Result<HashMap<String, Vec<Para>>, DocxError> {
    let mut notes = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match x.next()? {
            Ev::Eof => return Ok(notes),
            Ev::Start(e) if matches!(local(&e), b"footnote" | b"endnote") => {
                let separator = attr(&e, b"type").is_some_and(|t| t != "normal");
                if separator {
                    x.skip(&e)?;
                } else {
                    walker.take();
                    current = Some(attr(&e, b"id").unwrap_or_default());
                }
            }
            Ev::End(name) if matches!(name.as_slice(), b"footnote" | b"endnote") => {
                if let Some(id) = current.take() {
                    notes.insert(id, walker.take());
                }
            }
            ev if current.is_some() => walker.event(x, ev)?,
            _ => {}
        }
    }
}
