//! The passes after the document grammar: footnote references resolved and
//! attached, clauses found in every unit, the document kind decided, and
//! containers stretched over their children.

use super::clauses::{self, Context};
use super::footnotes::{self, Definition};
use super::Document;
use crate::ast::{DocKind, Kind, Node, Span};
use crate::lexicon::Language;
use crate::normalize::Normalized;
use crate::syntax::{self, SyntaxError};

/// Builds the tree and decides the document kind.
pub fn build(norm: &Normalized, lang: &Language) -> (Node, DocKind, Vec<SyntaxError>) {
    let skeleton = syntax::build(norm);
    let mut root = Node::new(Kind::Document, (0, norm.text.len()));
    root.attrs.language = Some(lang.code.clone());
    root.children = skeleton.top;
    resolve_footnotes(&mut root, norm);
    let clause_units = add_clauses(&mut root, norm, lang);
    let kind = document_kind(&root, skeleton.has_formula, clause_units);
    if kind == DocKind::Other {
        strip_clauses(&mut root);
    }
    root.attrs.document_kind = Some(kind);
    finish(&mut root);
    (root, kind, skeleton.errors)
}

/// Finds footnote references in every unit, heading and title, and attaches
/// them to the node whose own text holds them.
fn resolve_footnotes(root: &mut Node, norm: &Normalized) {
    let mut defs = Vec::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    root.walk(&mut |n, _| match n.kind {
        Kind::Footnote => defs.push(Definition {
            number: n.attrs.number.unwrap_or(0),
            pos: n.norm.0,
        }),
        k if k.is_unit() || matches!(k, Kind::Heading | Kind::Title | Kind::Transition) => {
            owners.push(n.own)
        }
        _ => {}
    });
    owners.sort();
    let mut cands = Vec::new();
    for &(s, e) in &owners {
        for mut c in crate::refs::candidates(&norm.text[s..e]) {
            c.start += s;
            c.end += s;
            cands.push(c);
        }
    }
    cands.sort_by_key(|c| c.start);
    let refs = footnotes::resolve(&cands, &defs);
    attach_refs(root, &refs);
}

fn attach_refs(node: &mut Node, refs: &[crate::refs::RefCandidate]) {
    let owns_text =
        node.kind.is_unit() || matches!(node.kind, Kind::Heading | Kind::Title | Kind::Transition);
    if owns_text {
        let (s, e) = node.own;
        let from = refs.partition_point(|r| r.start < s);
        for r in refs[from..].iter().take_while(|r| r.start < e) {
            let mut n = Node::new(Kind::FootnoteRef, (r.start, r.end));
            n.attrs.number = Some(r.number);
            n.attrs.style = Some(r.style);
            node.children.push(n);
        }
    }
    for c in &mut node.children {
        if c.kind != Kind::FootnoteRef {
            attach_refs(c, refs);
        }
    }
}

/// Adds clause nodes to every unit. Returns the number of units that have one.
fn add_clauses(node: &mut Node, norm: &Normalized, lang: &Language) -> usize {
    let mut count = 0;
    if node.kind.is_unit() {
        let (s, e) = node.own;
        let text = &norm.text[s..e];
        let ctx = match node.kind {
            Kind::ListItem => Context::ListItem,
            Kind::Recital => Context::Recital,
            _ => Context::Operative,
        };
        let hits = clauses::find(lang, text, ctx);
        if !hits.is_empty() {
            count += 1;
        }
        for (k, h) in hits.iter().enumerate() {
            let end = hits.get(k + 1).map_or(e, |n| s + n.start);
            let mut c = Node::new(Kind::Clause, (s + h.start, end));
            c.own = (s + h.start, s + h.verb_end);
            c.attrs.verb = Some(h.verb.clone());
            c.attrs.lexicon_form = Some(h.form.form.clone());
            c.attrs.function = Some(h.form.function);
            c.attrs.role = Some(h.form.role);
            if h.misspelt {
                c.attrs.misspelt = Some(true);
            }
            if h.form.function.takes_addressees() {
                let (os, oe) = h.object;
                c.attrs.addressees = Some(super::addressees::find(lang, &text[os..oe.max(os)]));
            }
            node.children.push(c);
        }
    }
    for c in &mut node.children {
        if !matches!(c.kind, Kind::Clause | Kind::FootnoteRef) {
            count += add_clauses(c, norm, lang);
        }
    }
    count
}

/// Council conclusions have an opening formula, or most of their units are
/// headed by lexicon verbs.
fn document_kind(root: &Node, has_formula: bool, clause_units: usize) -> DocKind {
    let units = root.count(Kind::Recital) + root.count(Kind::Paragraph) + root.count(Kind::Point);
    if has_formula || (clause_units >= 3 && clause_units * 2 >= units) {
        DocKind::CouncilConclusions
    } else {
        DocKind::Other
    }
}

fn strip_clauses(node: &mut Node) {
    node.children.retain(|c| c.kind != Kind::Clause);
    for c in &mut node.children {
        strip_clauses(c);
    }
}

/// Orders children, and stretches containers over their children.
fn finish(node: &mut Node) {
    for c in &mut node.children {
        finish(c);
    }
    node.children
        .sort_by_key(|c| (c.norm.0, c.kind == Kind::Clause));
    for c in &node.children {
        node.norm.0 = node.norm.0.min(c.norm.0);
        node.norm.1 = node.norm.1.max(c.norm.1);
    }
}

/// Maps every node's normalised range to the original file.
pub fn assign_original_spans(doc: &mut Document) {
    fn go(n: &mut Node, doc: &Document) {
        let (s, e) = doc.original_span(n.norm.0, n.norm.1);
        n.span = Span { start: s, end: e };
        n.line = doc.line_of(s);
        for c in &mut n.children {
            go(c, doc);
        }
    }
    let mut root = std::mem::replace(&mut doc.root, Node::new(Kind::Document, (0, 0)));
    go(&mut root, doc);
    root.span = Span {
        start: 0,
        end: doc.source.len(),
    };
    root.line = 1;
    doc.root = root;
}
