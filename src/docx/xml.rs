//! A thin layer over quick-xml for the WordprocessingML parts: local names
//! only (`w:p` is `p`), entities resolved, and no DTD at all: a part with a
//! `<!DOCTYPE` is refused, so no external entity can ever be fetched or
//! expanded (quick-xml itself expands nothing but the five predefined
//! entities and character references).

use super::DocxError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// What the walkers see.
pub enum Ev<'a> {
    Start(BytesStart<'a>),
    End(Vec<u8>),
    Text(Cow<'a, str>),
    Eof,
}

/// A pull reader over one part.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    file: &'a str,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub fn new(file: &'a str, part: &'a str, text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        Xml { reader, file, part }
    }

    /// An error at the reader's position.
    pub fn error(&self, reason: impl Into<String>) -> DocxError {
        DocxError::Xml {
            file: self.file.to_string(),
            part: self.part.to_string(),
            position: self.reader.buffer_position(),
            reason: reason.into(),
        }
    }

    /// The next event that matters (declarations, comments and processing
    /// instructions are dropped).
    pub fn next(&mut self) -> Result<Ev<'a>, DocxError> {
        loop {
            let ev = self.reader.read_event().map_err(|e| DocxError::Xml {
                file: self.file.to_string(),
                part: self.part.to_string(),
                position: self.reader.error_position(),
                reason: e.to_string(),
            })?;
            return Ok(match ev {
                Event::Start(e) => Ev::Start(e),
                Event::End(e) => Ev::End(e.local_name().as_ref().as_bytes().to_vec()),
                Event::Text(t) => Ev::Text(t.into_inner()),
                Event::CData(t) => Ev::Text(Cow::Owned(
                    t.xml_content(quick_xml::XmlVersion::Implicit1_0)
                        .into_owned(),
                )),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match predefined(&r) {
                            Some(c) => c,
                            None => return Err(self.error(format!("unknown entity `&{};`", &*r))),
                        },
                        Err(e) => return Err(self.error(e.to_string())),
                    };
                    Ev::Text(Cow::Owned(c.to_string()))
                }
                Event::DocType(_) => {
                    return Err(self.error("a DOCTYPE declaration (DTDs are not processed)"))
                }
                Event::Eof => Ev::Eof,
                Event::Empty(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
            });
        }
    }

    /// Skips the rest of the element just started.
    pub fn skip(&mut self, start: &BytesStart) -> Result<(), DocxError> {
        let name = start.name().as_ref().to_string();
        self.reader
            .read_to_end(quick_xml::name::QName(&name))
            .map(|_| ())
            .map_err(|e| self.error(e.to_string()))
    }
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// The local name of an element (`w:p` → `p`).
pub fn local<'b>(e: &'b BytesStart) -> &'b [u8] {
    let full = e.name().into_inner().as_bytes();
    match full.iter().position(|&b| b == b':') {
        Some(i) => full.get(i + 1..).unwrap_or(full),
        None => full,
    }
}

/// An attribute by local name (`w:val` → `val`), unescaped.
pub fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.into_inner().as_bytes();
        let key_local = match key.iter().position(|&b| b == b':') {
            Some(i) => key.get(i + 1..).unwrap_or(key),
            None => key,
        };
        (key_local == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.to_string())
        })
    })
}

/// A boolean property (`<w:vanish/>`, `<w:vanish w:val="false"/>`).
pub fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}
