//! `--format tree`: a readable outline of the parse.

use crate::ast::{Kind, Node};
use crate::parse::Document;
use std::fmt::Write;

const EXCERPT: usize = 60;

/// Renders the tree as an indented outline, one node per line.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "document ({}, {}) lines 1-{}",
        doc.language.code,
        doc.kind.as_str(),
        doc.line_of(doc.source.len().saturating_sub(1))
    );
    for c in &doc.root.children {
        node(&mut out, doc, c, 1);
    }
    out
}

fn node(out: &mut String, doc: &Document, n: &Node, depth: usize) {
    let indent = "  ".repeat(depth);
    let mut head = n.kind.as_str().to_string();
    if let Some(num) = n.attrs.number {
        let _ = write!(head, " {num}");
    }
    if let Some(l) = &n.attrs.label {
        let _ = write!(head, " {l}");
    }
    if let Some(f) = n.attrs.field {
        let _ = write!(head, " [{f}]");
    }
    if let Some(b) = n.attrs.bullet {
        let _ = write!(head, " {b}");
    }
    let detail = match n.kind {
        Kind::Clause => {
            let mut d = format!(
                "{} → {} ({})",
                n.attrs.verb.as_deref().unwrap_or(""),
                n.attrs.function.map_or("", |f| f.as_str()),
                n.attrs.role.map_or("", |r| r.as_str())
            );
            if let Some(a) = n.attrs.addressees.as_ref().filter(|a| !a.is_empty()) {
                let _ = write!(d, " → {}", a.join(", "));
            }
            if n.attrs.misspelt == Some(true) {
                let _ = write!(
                    d,
                    " [near miss of {}]",
                    n.attrs.lexicon_form.as_deref().unwrap_or("")
                );
            }
            d
        }
        Kind::FootnoteRef => {
            format!("{:?}", n.attrs.style.unwrap_or(crate::refs::RefStyle::Bare)).to_lowercase()
        }
        _ => excerpt(
            &doc.norm.text[n.own.0.min(doc.norm.text.len())..n.own.1.min(doc.norm.text.len())],
        ),
    };
    let _ = writeln!(out, "{indent}{head} @{}: {detail}", n.line);
    for c in &n.children {
        node(out, doc, c, depth + 1);
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
