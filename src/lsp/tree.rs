//! What the language server reads from the syntax tree, in plain data: the
//! clause at a position (hover) and the outline units (document symbols).
//! Only this file reads `ast::NodeRef`, so a change of the tree type is ported
//! here and nowhere else in the server.

use crate::ast::{Kind, NodeRef};
use crate::lexicon::{Function, Role};
use crate::parse::Document;

/// A clause with a lexicon verb, and where it is (original bytes).
pub struct ClauseAt {
    pub verb: String,
    pub lexicon_form: String,
    pub function: Function,
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// The clause whose own text contains byte `at` (the last in tree order, so
/// the innermost), if it has a verb the lexicon knows.
pub fn clause_at(doc: &Document, at: usize) -> Option<ClauseAt> {
    let mut found = None;
    for n in doc.nodes() {
        if let Some(c) = n.clause() {
            let (s, e) = doc.original_span(n.own().0, n.own().1);
            if s <= at && at <= e {
                found = Some((c, s, e));
            }
        }
    }
    let (clause, start, end) = found?;
    Some(ClauseAt {
        function: clause.function(),
        role: clause.role(),
        verb: clause.verb().into_owned(),
        lexicon_form: clause.lexicon_form().to_string(),
        start,
        end,
    })
}

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Title,
    Heading,
    Recital,
    Paragraph,
    Point,
    Transition,
}

/// A top-level unit of the document for the outline.
pub struct Unit {
    pub kind: UnitKind,
    /// Its text or its first verb; the node kind when it has neither.
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// The outline units in document order (the tree's top level only).
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    for n in doc.root().children() {
        let text = || n.text().to_string();
        let (kind, name) = match n.kind() {
            Kind::Title => (UnitKind::Title, text()),
            Kind::Heading => (UnitKind::Heading, text()),
            Kind::Recital => (UnitKind::Recital, format!("recital: {}", first_verb(n))),
            Kind::Paragraph => (UnitKind::Paragraph, format!("paragraph: {}", first_verb(n))),
            Kind::Point => (
                UnitKind::Point,
                format!("{}. {}", n.number().unwrap_or(0), first_verb(n)),
            ),
            Kind::Transition => (UnitKind::Transition, text()),
            _ => continue,
        };
        out.push(Unit {
            kind,
            name: if name.trim().is_empty() {
                n.kind().as_str().to_string()
            } else {
                crate::render::outline::excerpt(&name)
            },
            start: n.span().start,
            end: n.span().end,
        });
    }
    out
}

fn first_verb(n: NodeRef) -> String {
    n.children()
        .find_map(|c| c.clause().map(|c| c.verb().into_owned()))
        .unwrap_or_default()
}
