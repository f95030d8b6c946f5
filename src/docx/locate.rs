//! From an offset of the extracted text back to the Word document: which
//! paragraph (or note), which character in it, the point and the heading it
//! is under. The reports add this to every finding of a Word document.

use super::{Mapped, Origin, Part};
use crate::ast::Kind;
use crate::lint::Finding;
use crate::parse::Document;
use serde::Serialize;

/// Where a finding is in the Word document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordLocation {
    /// `body`, `footnote` or `endnote`.
    pub part: Part,
    /// 1-based paragraph of the body (counting every `w:p`, table cells
    /// included); for a note, the note's number.
    pub paragraph: usize,
    /// 0-based character offset in the paragraph's text (after its label).
    pub offset: usize,
    /// The point (and sub-point) it is under: `3`, `2 a`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
    /// The heading it is under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub table_row: bool,
}

fn mapped_at(origin: &Origin, offset: usize) -> Option<&Mapped> {
    let i = origin
        .paragraphs
        .partition_point(|m| m.start <= offset)
        .checked_sub(1)?;
    origin.paragraphs.get(i)
}

/// The Word location of an offset of `doc.source`; `None` for plain text.
pub fn locate(doc: &Document, offset: usize) -> Option<WordLocation> {
    let origin = doc.origin.as_ref()?;
    let m = mapped_at(origin, offset)?;
    let from = m.text_start.min(offset);
    let offset_chars = doc
        .source
        .get(from..offset.min(m.end).max(from))
        .map_or(0, |s| s.chars().count());
    Some(WordLocation {
        part: m.part,
        paragraph: m.number,
        offset: offset_chars,
        point: point_at(doc, offset),
        heading: m.heading.clone(),
        table_row: m.table_row,
    })
}

/// The labels of the points and sub-points whose span holds `offset`,
/// outermost first.
fn point_at(doc: &Document, offset: usize) -> Option<String> {
    let labels: Vec<String> = doc
        .points_at(offset)
        .into_iter()
        .filter_map(|n| match n.number() {
            Some(k) if n.kind() == Kind::Point => Some(k.to_string()),
            _ => n.label().map(|l| l.trim().to_string()),
        })
        .collect();
    (!labels.is_empty()).then(|| labels.join(" "))
}

/// Longest quotation of a paragraph in the human report (characters).
const QUOTE_CHARS: usize = 160;

/// The human report's line for a finding in a Word document: the location
/// and the paragraph quoted. Empty for plain text.
pub fn human_note(doc: &Document, f: &Finding) -> String {
    let Some(origin) = doc.origin.as_ref() else {
        return String::new();
    };
    let (Some(loc), Some(m)) = (locate(doc, f.start), mapped_at(origin, f.start)) else {
        return String::new();
    };
    let place = match loc.part {
        Part::Body if loc.table_row => format!("table row at paragraph {}", loc.paragraph),
        Part::Body => format!("paragraph {}", loc.paragraph),
        Part::Footnote => format!("footnote {}", loc.paragraph),
        Part::Endnote => format!("endnote {}", loc.paragraph),
    };
    let mut line = format!("  in Word: {place}, character {}", loc.offset + 1);
    if let Some(p) = &loc.point {
        line.push_str(&format!(", point {p}"));
    }
    if let Some(h) = &loc.heading {
        line.push_str(&format!(", under “{}”", cut(h, 60)));
    }
    let quote = doc.source.get(m.start..m.end).unwrap_or_default();
    line.push_str(&format!(
        "\n  “{}”\n",
        cut(&quote.replace('\n', " "), QUOTE_CHARS)
    ));
    line
}

fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(s)),
        None => s.to_string(),
    }
}

/// Adds the Word location to a SARIF result: a logical location (the
/// paragraph, for viewers) and the full location in the property bag.
pub fn add_to_sarif(result: &mut serde_json::Value, doc: &Document, offset: usize) {
    let Some(loc) = locate(doc, offset) else {
        return;
    };
    let part = match loc.part {
        Part::Body => "paragraph",
        Part::Footnote => "footnote",
        Part::Endnote => "endnote",
    };
    let logical = serde_json::json!([{
        "name": format!("{part} {}", loc.paragraph),
        "fullyQualifiedName": format!("{part}[{}]/char[{}]", loc.paragraph, loc.offset),
        "kind": "element",
    }]);
    if let Some(first) = result
        .get_mut("locations")
        .and_then(|l| l.get_mut(0))
        .and_then(serde_json::Value::as_object_mut)
    {
        first.insert("logicalLocations".into(), logical);
    }
    if let (Some(obj), Ok(word)) = (result.as_object_mut(), serde_json::to_value(&loc)) {
        obj.insert("properties".into(), serde_json::json!({ "word": word }));
    }
}
