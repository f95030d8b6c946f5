//! `--format tree`: a readable outline of the parse.

use crate::ast::{Kind, NodeRef};
use crate::parse::Document;
use std::fmt::Write;

const EXCERPT: usize = 60;

/// Renders the tree as an indented outline, one node per line.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let cover = doc
        .cover_language
        .map(|l| format!(", cover note {l}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "document ({}{cover}, {}) lines 1-{}",
        doc.language.code,
        doc.kind.as_str(),
        doc.line_of(doc.source.len().saturating_sub(1))
    );
    for c in doc.root().children() {
        node(&mut out, c, 1);
    }
    out
}

fn node(out: &mut String, n: NodeRef, depth: usize) {
    let indent = "  ".repeat(depth);
    let mut head = n.kind().as_str().to_string();
    if let Some(num) = n.number() {
        let _ = write!(head, " {num}");
    }
    if let Some(l) = n.label() {
        let _ = write!(head, " {l}");
    }
    if let Some(f) = n.field() {
        let _ = write!(head, " [{}]", f.as_str());
    }
    if let Some(b) = n.bullet() {
        let _ = write!(head, " {b}");
    }
    let detail = match (n.kind(), n.clause()) {
        (_, Some(c)) => {
            let mut d = format!(
                "{} → {} ({})",
                c.verb(),
                c.function().as_str(),
                c.role().as_str()
            );
            if let Some(a) = c.addressees().filter(|a| !a.is_empty()) {
                let _ = write!(d, " → {}", a.join(", "));
            }
            if c.misspelt() {
                let _ = write!(d, " [near miss of {}]", c.lexicon_form());
            }
            d
        }
        (Kind::FootnoteRef, _) => {
            format!("{:?}", n.style().unwrap_or(crate::refs::RefStyle::Bare)).to_lowercase()
        }
        _ => excerpt(n.text()),
    };
    let _ = writeln!(out, "{indent}{head} @{}: {detail}", n.line());
    for c in n.children() {
        node(out, c, depth + 1);
    }
}

/// The first words of a text, on one line.
pub fn excerpt(s: &str) -> String {
    let s = s.trim();
    let mut e: String = s.chars().take(EXCERPT).collect();
    if s.chars().count() > EXCERPT {
        e.push('…');
    }
    e.replace('\n', " ⏎ ")
}
