//! The alignable units of a document: its structure flattened in order, each
//! with what must match across languages (kind, clause functions, numbers,
//! footnote references).

use crate::ast::{Kind, NodeRef};
use crate::lexicon::Function;
use crate::parse::Document;
use std::collections::BTreeSet;

/// One unit of a document.
#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: Kind,
    /// Point number, footnote number, Roman heading value.
    pub number: Option<u32>,
    /// Functions of its clauses, in order, each with the other functions its
    /// verb may stand for.
    pub functions: Vec<(Function, Vec<Function>)>,
    /// Verbs as written (for messages).
    pub verbs: Vec<String>,
    /// Numbers, years and references in its own text.
    pub values: BTreeSet<String>,
    /// Numbers of the footnotes it refers to.
    pub refs: Vec<u32>,
    /// Length of its own text in characters (translations keep relative length).
    pub chars: usize,
    /// Cognate stems of its longer words (see [`stems`]).
    pub stems: BTreeSet<String>,
    /// Index (in the unit list) of the top-level unit this one belongs to:
    /// itself for recitals, paragraphs, points, headings and transitions; the
    /// introducing unit for lists, items and sub-points.
    pub top: usize,
    /// Number of units below it (its lists, items, sub-points).
    pub below: usize,
    /// Original byte span and line.
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

const ALIGNED: &[Kind] = &[
    Kind::Recital,
    Kind::Transition,
    Kind::Heading,
    Kind::Paragraph,
    Kind::Point,
    Kind::Subpoint,
    Kind::List,
    Kind::ListItem,
];

/// Units that stand at the top level of the body.
pub fn is_top_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Recital | Kind::Transition | Kind::Heading | Kind::Paragraph | Kind::Point
    )
}

/// The units of the body (in document order) and the footnotes.
pub fn extract(doc: &Document) -> (Vec<Unit>, Vec<Unit>) {
    let mut body: Vec<Unit> = Vec::new();
    let mut notes = Vec::new();
    let mut top: Option<usize> = None;
    for n in doc.nodes() {
        if ALIGNED.contains(&n.kind()) {
            let mut u = unit(n);
            let inside_top = n.ancestors().any(|p| is_top_kind(p.kind()));
            let idx = body.len();
            u.top = match top {
                Some(t) if inside_top && !is_top_kind(n.kind()) => t,
                _ => {
                    top = Some(idx);
                    idx
                }
            };
            // `u.top` is `idx` or an earlier unit's index.
            if let Some(t) = body.get_mut(u.top).filter(|_| u.top != idx) {
                t.below += 1;
            }
            body.push(u);
        } else if n.kind() == Kind::Footnote {
            notes.push(unit(n));
        }
    }
    (body, notes)
}

fn unit(n: NodeRef) -> Unit {
    let mut functions = Vec::new();
    let mut verbs = Vec::new();
    let mut refs = Vec::new();
    let mut ref_ranges = Vec::new();
    for c in n.children() {
        match c.kind() {
            Kind::Clause => {
                if let Some(data) = c.clause() {
                    functions.push((data.function(), data.form().also.clone()));
                    verbs.push(data.verb().into_owned());
                }
            }
            Kind::FootnoteRef => {
                refs.push(c.number().unwrap_or(0));
                ref_ranges.push(c.norm());
            }
            _ => {}
        }
    }
    let (s, e) = n.own();
    let own = n.text();
    let chars = own.chars().count();
    // Blank out footnote markers so that `20136` reads as the year 2013.
    let mut text: String = own.to_string();
    for &(rs, re) in ref_ranges.iter().rev() {
        if rs >= s && re <= e && text.is_char_boundary(rs - s) && text.is_char_boundary(re - s) {
            text.replace_range(rs - s..re - s, &" ".repeat(re - rs));
        }
    }
    Unit {
        kind: n.kind(),
        number: n.number(),
        functions,
        verbs,
        values: super::numbers::values(&text),
        refs,
        chars,
        stems: stems(own),
        top: 0,
        below: 0,
        start: n.span().start,
        end: n.span().end,
        line: n.line(),
    }
}

/// Cognate stems: the first four letters of each word of six letters or
/// more, lower-cased, without diacritics, with `k`→`c`, `y`→`i`, `z`→`s`, so
/// that `diplomātiskus` and `diplomatieke` or `kiberdrošība` and
/// `cyberveiligheid` share a stem. Shared stems tell look-alike units apart.
pub fn stems(text: &str) -> BTreeSet<String> {
    crate::text::words(text)
        .filter(|w| w.text.chars().count() >= 6)
        .map(|w| {
            crate::fuzzy::fold(&w.text.to_lowercase())
                .chars()
                .take(4)
                .map(|c| match c {
                    'k' => 'c',
                    'y' => 'i',
                    'z' => 's',
                    c => c,
                })
                .collect()
        })
        .collect()
}
