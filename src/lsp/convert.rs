//! Between byte offsets of the original text and LSP positions (UTF-16 code
//! units, as LSP requires), and findings as LSP diagnostics.

use crate::lint::{Finding, Severity};
use crate::parse::Document;
use lsp_types as lt;

/// An LSP position of a byte offset.
pub fn position(doc: &Document, offset: usize) -> lt::Position {
    let offset = crate::text::floor_char_boundary(&doc.source, offset.min(doc.source.len()));
    let line = doc.line_of(offset);
    let start = doc.line_start(line);
    // `start` is the start of the line holding `offset`: at most `offset`,
    // and 0 or just after an ASCII line break (a char boundary).
    let character: usize = doc
        .source
        .get(start..offset)
        .map_or(0, |s| s.chars().map(char::len_utf16).sum());
    lt::Position {
        line: (line - 1) as u32,
        character: character as u32,
    }
}

pub fn range(doc: &Document, start: usize, end: usize) -> lt::Range {
    lt::Range {
        start: position(doc, start),
        end: position(doc, end),
    }
}

/// The byte offset of an LSP position (clamped to the line and the text).
pub fn offset(doc: &Document, pos: lt::Position) -> usize {
    let line_start = doc.line_start(pos.line as usize + 1);
    let mut units = 0usize;
    // A line start is 0, just after an ASCII line break, or the text's length.
    let line = doc.source.get(line_start..).unwrap_or_default();
    for (i, c) in line.char_indices() {
        if units >= pos.character as usize || c == '\n' || c == '\r' {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    doc.source.len()
}

pub fn diagnostic(doc: &Document, f: &Finding) -> lt::Diagnostic {
    lt::Diagnostic {
        range: range(doc, f.start, f.end),
        severity: Some(match f.severity {
            Severity::Error => lt::DiagnosticSeverity::ERROR,
            Severity::Warning => lt::DiagnosticSeverity::WARNING,
            Severity::Info => lt::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lt::NumberOrString::String(f.rule.to_string())),
        source: Some("conclint".into()),
        message: match &f.help {
            Some(h) => format!("{}\n{h}", f.message),
            None => f.message.clone(),
        },
        ..Default::default()
    }
}
