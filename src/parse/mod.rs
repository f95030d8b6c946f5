//! Stages 3–5: from normalised blocks to the typed tree, with footnote
//! references resolved and clauses classified.
//!
//! The document grammar ([`crate::syntax`]) decides the structure; the
//! passes in `tree.rs` add footnote references and clauses to it.

pub mod addressees;
pub mod clauses;
pub mod footnotes;
mod kind;
mod tree;

use crate::ast::{DocKind, Kind, NodeId, NodeRef, Tree};
use crate::lexicon::Language;
use crate::normalize::{self, Normalized};

/// A parsed document: the original text, its normalised form and the tree.
#[derive(Debug)]
pub struct Document {
    pub source: String,
    pub language: &'static Language,
    pub kind: DocKind,
    pub tree: Tree,
    pub norm: Normalized,
    /// Block sequences the document grammar could not parse.
    pub syntax_errors: Vec<crate::syntax::SyntaxError>,
    /// Every footnote reference candidate in the text that can hold
    /// references, sorted: collected once by the parser.
    pub ref_candidates: Vec<crate::refs::RefCandidate>,
    /// The way back to a Word document the text was read from (set by the
    /// reader after parsing; `None` for plain text).
    pub origin: Option<crate::origin::Origin>,
    /// The language of the cover note when it is not the conclusions' own
    /// (an English register cover page before a Czech annex): said in the
    /// reports, so that a mixed text is not taken for one language.
    pub cover_language: Option<&'static str>,
    line_starts: Vec<usize>,
    /// Character counts at checkpoints of `source`, so that a column is
    /// found in bounded time however long its line is.
    char_counts: crate::text::CharCounts,
    /// Points and sub-points by span, built on first use (see
    /// [`Document::points_at`]).
    points: std::sync::OnceLock<Vec<PointSpan>>,
}

/// A point's or sub-point's span, and the nearest one that encloses it.
#[derive(Debug, Clone, Copy)]
struct PointSpan {
    start: usize,
    end: usize,
    node: NodeId,
    parent: Option<usize>,
}

impl Document {
    /// The points and sub-points whose span holds `offset`, outermost first,
    /// in bounded time per call (a report asks this for every finding).
    ///
    /// Spans of points nest, so the ones holding `offset` all enclose the
    /// last one to start at or before it: a bisection, then a walk up.
    pub fn points_at(&self, offset: usize) -> Vec<NodeRef<'_>> {
        let index = self.points.get_or_init(|| {
            let mut spans: Vec<PointSpan> = self
                .nodes()
                .filter(|n| matches!(n.kind(), Kind::Point | Kind::Subpoint))
                .map(|n| PointSpan {
                    start: n.span().start,
                    // An empty span still holds its own start.
                    end: n.span().end.max(n.span().start + 1),
                    node: n.id(),
                    parent: None,
                })
                .collect();
            spans.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
            // The open spans: index and end, each index below `i`.
            let mut open: Vec<(usize, usize)> = Vec::new();
            for (i, span) in spans.iter_mut().enumerate() {
                while open.last().is_some_and(|&(_, end)| end < span.end) {
                    open.pop();
                }
                span.parent = open.last().map(|&(o, _)| o);
                open.push((i, span.end));
            }
            spans
        });
        let mut at = index.partition_point(|p| p.start <= offset).checked_sub(1);
        let mut out = Vec::new();
        while let Some(i) = at {
            // `i` is an index of `index`: from the bisection or a parent link,
            // so the `else` is never taken.
            let Some(&p) = index.get(i) else {
                break;
            };
            if offset < p.end {
                out.push(self.tree.get(&self.norm.text, p.node));
            }
            at = p.parent;
        }
        out.reverse();
        out
    }

    /// The root of the tree.
    pub fn root(&self) -> NodeRef<'_> {
        self.tree.get(&self.norm.text, NodeId(0))
    }

    /// Every node, in document order (a scan of the arena).
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> {
        self.root().descendants()
    }

    /// 1-based line of an original byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// 1-based column (in characters) of an original byte offset.
    pub fn column_of(&self, offset: usize) -> usize {
        let line = self.line_of(offset);
        // `line >= 1` (line 1 starts at 0 <= offset) and `line_starts` has a
        // start for every line it counts.
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let offset = crate::text::floor_char_boundary(&self.source, offset.min(self.source.len()));
        let counts = &self.char_counts;
        counts.before(&self.source, offset) - counts.before(&self.source, start.min(offset)) + 1
    }

    /// Start offset of a 1-based line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.source.len())
    }

    /// Maps a normalised range to the original (on char boundaries).
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.span_to_original(&self.source, start, end)
    }
}

/// Parses `source` as a document in `lang` (detected when `None`).
pub fn parse(source: String, lang: Option<&'static Language>) -> Document {
    let language = lang.unwrap_or_else(|| crate::language::detect(&source));
    let norm = normalize::normalize(&source, language);
    let line_starts = line_starts(&source);
    let char_counts = crate::text::CharCounts::new(&source);
    let built = tree::build(&norm, language);
    let cover_language = cover_language(&built.draft, &norm.text, language);
    let mut doc = Document {
        source,
        language,
        kind: built.kind,
        tree: Tree::default(),
        norm,
        syntax_errors: built.errors,
        ref_candidates: built.ref_candidates,
        origin: None,
        cover_language,
        line_starts,
        char_counts,
        points: std::sync::OnceLock::new(),
    };
    doc.tree = tree::freeze(
        &built.draft,
        &language.code,
        built.kind,
        doc.source.len(),
        &|s, e| doc.original_span(s, e),
        &|o| doc.line_of(o),
    );
    doc
}

/// The language of the cover note, when it has enough words to tell and is
/// not `language`.
fn cover_language(
    root: &crate::syntax::draft::Draft,
    text: &str,
    language: &Language,
) -> Option<&'static str> {
    const MIN_LETTERS: usize = 200;
    let cover = root.children.iter().find(|n| n.kind == Kind::CoverNote)?;
    let cover_text = text.get(cover.norm.0..cover.norm.1)?;
    if cover_text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let found = crate::language::detect(cover_text);
    (found.code != language.code).then_some(found.code.as_str())
}

fn line_starts(s: &str) -> Vec<usize> {
    let mut v = vec![0];
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            v.push(i + 1);
        }
    }
    v
}
