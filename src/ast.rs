//! The typed syntax tree.
//!
//! Every node has a [`Kind`], a span of the *original* file (bytes), the
//! 1-based line of its start, kind-specific attributes and children in
//! document order. This is the JSON contract of `conclint parse`.

use crate::lexicon::{Function, Role};
use crate::refs::RefStyle;
use serde::Serialize;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Document,
    Header,
    HeaderLine,
    CoverNote,
    AnnexMarker,
    Title,
    OpeningFormula,
    Recital,
    Transition,
    Heading,
    Paragraph,
    Point,
    Subpoint,
    Clause,
    List,
    ListItem,
    Footnote,
    FootnoteRef,
    Text,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Header => "header",
            Kind::HeaderLine => "header_line",
            Kind::CoverNote => "cover_note",
            Kind::AnnexMarker => "annex_marker",
            Kind::Title => "title",
            Kind::OpeningFormula => "opening_formula",
            Kind::Recital => "recital",
            Kind::Transition => "transition",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Point => "point",
            Kind::Subpoint => "subpoint",
            Kind::Clause => "clause",
            Kind::List => "list",
            Kind::ListItem => "list_item",
            Kind::Footnote => "footnote",
            Kind::FootnoteRef => "footnote_ref",
            Kind::Text => "text",
        }
    }

    /// Units that carry clauses: recitals, paragraphs, points, sub-points, items.
    pub fn is_unit(self) -> bool {
        matches!(
            self,
            Kind::Recital | Kind::Paragraph | Kind::Point | Kind::Subpoint | Kind::ListItem
        )
    }
}

/// A byte range of the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    CouncilConclusions,
    Other,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::CouncilConclusions => "council_conclusions",
            DocKind::Other => "other",
        }
    }
}

/// Kind-specific attributes. Only the ones a kind uses are set (and serialised).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Attrs {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_kind: Option<DocKind>,
    /// Point, footnote or footnote reference number; Roman heading value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Sub-point or letter label (`a`, `ii`, `A`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Header line field (`document_number`, `subject`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bullet: Option<char>,
    /// Clause verb as written (parts of a discontinuous verb joined by a space).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// The lexicon form the verb was matched to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon_form: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<Function>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressees: Option<Vec<String>>,
    /// The verb is a near miss of `lexicon_form`, not the form itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub misspelt: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style: Option<RefStyle>,
    /// Normalised text (titles, headings, header lines, footnotes, transitions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A node of the tree.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub kind: Kind,
    pub span: Span,
    pub line: usize,
    #[serde(flatten)]
    pub attrs: Attrs,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Range in the normalised text (for rules that read the text itself).
    #[serde(skip)]
    pub norm: (usize, usize),
    /// Range of the node's own text in the normalised text (without nested
    /// lists or sub-points): what its clauses and references are found in.
    #[serde(skip)]
    pub own: (usize, usize),
}

impl Node {
    pub fn new(kind: Kind, norm: (usize, usize)) -> Node {
        Node {
            kind,
            span: Span::default(),
            line: 0,
            attrs: Attrs::default(),
            children: Vec::new(),
            norm,
            own: norm,
        }
    }

    /// Depth-first, pre-order walk.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node, &[&'a Node])) {
        fn go<'a>(n: &'a Node, path: &mut Vec<&'a Node>, f: &mut dyn FnMut(&'a Node, &[&'a Node])) {
            f(n, path);
            path.push(n);
            for c in &n.children {
                go(c, path, f);
            }
            path.pop();
        }
        go(self, &mut Vec::new(), f);
    }

    /// Number of nodes of `kind` anywhere below (and including) this node.
    pub fn count(&self, kind: Kind) -> usize {
        let mut n = 0;
        self.walk(&mut |node, _| {
            if node.kind == kind {
                n += 1;
            }
        });
        n
    }
}
