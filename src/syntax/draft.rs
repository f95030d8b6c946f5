//! The tree while it is being built: nodes that own their children, so that
//! the passes after the grammar (footnote references, clauses) can insert
//! nodes anywhere. [`crate::parse`] freezes a draft into the arena
//! ([`crate::ast::Tree`]) once, at the end.

use crate::ast::{ClauseValues, HeaderField, Kind};
use crate::refs::RefStyle;

#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: Kind,
    /// Range in the normalised text (stretched over the children at the end).
    pub norm: (usize, usize),
    /// Range of the node's own text (after its label, without its children).
    pub own: (usize, usize),
    pub number: Option<u32>,
    /// Range of the label's value in the normalised text.
    pub label: Option<(usize, usize)>,
    pub field: Option<HeaderField>,
    pub bullet: Option<char>,
    pub style: Option<RefStyle>,
    pub clause: Option<ClauseValues>,
    /// A head over numbered units that lends them its verb.
    pub shares_head: bool,
    pub children: Vec<Draft>,
}

impl Draft {
    pub fn new(kind: Kind, norm: (usize, usize)) -> Draft {
        Draft {
            kind,
            norm,
            own: norm,
            number: None,
            label: None,
            field: None,
            bullet: None,
            style: None,
            clause: None,
            shares_head: false,
            children: Vec::new(),
        }
    }

    /// Walks the draft in pre-order, calling `f` on every node.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Draft)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}
