//! From the pairs of the document grammar to tree nodes: one function per
//! grammar rule that makes a node. Footnote definitions that stand inside a
//! unit (the page ended there) are lifted to the document level, after the
//! unit; those inside a list stay there unless they end it.

use super::draft::Draft;
use super::{shape_string, DocumentGrammar, Rule, SyntaxError};
use crate::ast::Kind;
use crate::normalize::{Block, Normalized};
use crate::shape::Shape;
use pest::iterators::Pair;
use pest::Parser;

/// The document's top-level nodes, before references and clauses are added.
#[derive(Debug, Default)]
pub struct Skeleton {
    pub top: Vec<Draft>,
    pub has_formula: bool,
    pub errors: Vec<SyntaxError>,
}

/// Parses the blocks of `norm` with the document grammar.
pub fn build(norm: &Normalized) -> Skeleton {
    let blocks = &norm.blocks;
    let shapes = shape_string(blocks);
    let mut b = Builder {
        norm,
        blocks,
        out: Skeleton::default(),
    };
    match DocumentGrammar::parse(Rule::document, &shapes) {
        Ok(mut pairs) => {
            if let Some(doc) = pairs.next() {
                b.document(doc);
            }
        }
        Err(e) => b.fallback(e),
    }
    b.out
}

struct Builder<'a> {
    norm: &'a Normalized,
    blocks: &'a [Block],
    out: Skeleton,
}

impl<'a> Builder<'a> {
    /// The block a token pair stands for: pest offsets are block indices.
    #[expect(
        clippy::indexing_slicing,
        reason = "only called on pairs of rules whose match begins with a token (one \
                  byte of the shape string, which has one byte per block), so the \
                  pair's start is the index of a block and `blocks` is not empty"
    )]
    fn block(&self, p: &Pair<Rule>) -> Block {
        let i = p.as_span().start();
        self.blocks[i.min(self.blocks.len().saturating_sub(1))]
    }

    fn leaf(&self, kind: Kind, b: &Block) -> Draft {
        Draft::new(kind, (b.start, b.end))
    }

    /// A unit whose own text starts after its label or bullet.
    fn unit_node(&self, kind: Kind, b: &Block) -> Draft {
        let mut n = Draft::new(kind, (b.start, b.end));
        n.own = (b.head.min(b.end), b.end);
        n
    }

    fn document(&mut self, doc: Pair<Rule>) {
        for p in doc.into_inner() {
            match p.as_rule() {
                Rule::header => {
                    let mut h = Draft::new(Kind::Header, (0, 0));
                    for line in p.into_inner() {
                        let b = self.block(&line);
                        let mut n = self.leaf(Kind::HeaderLine, &b);
                        if let Shape::Header { field } = b.shape {
                            n.field = Some(field);
                        }
                        n.label = b.label;
                        h.children.push(n);
                    }
                    self.out.top.push(h);
                }
                Rule::cover_before_annex
                | Rule::cover_before_formula
                | Rule::cover_before_unit
                | Rule::cover_before_named
                | Rule::cover_before_named_unit => {
                    let texts: Vec<Draft> = p
                        .into_inner()
                        .map(|c| self.leaf(Kind::Text, &self.block(&c)))
                        .collect();
                    let (Some(first), Some(last)) = (texts.first(), texts.last()) else {
                        continue;
                    };
                    let mut cover = Draft::new(Kind::CoverNote, (first.norm.0, last.norm.1));
                    cover.children = texts;
                    self.out.top.push(cover);
                }
                Rule::annex_marker => self.push_leaf(Kind::AnnexMarker, &p),
                Rule::title | Rule::named_title => self.push_leaf(Kind::Title, &p),
                Rule::front_text => self.push_leaf(Kind::Text, &p),
                Rule::opening_formula => {
                    self.out.has_formula = true;
                    self.push_leaf(Kind::OpeningFormula, &p);
                }
                Rule::preamble | Rule::operative_part => {
                    for q in p.into_inner() {
                        self.body_part(q);
                    }
                }
                _ => {}
            }
        }
    }

    fn push_leaf(&mut self, kind: Kind, p: &Pair<Rule>) {
        let n = self.leaf(kind, &self.block(p));
        self.out.top.push(n);
    }

    fn body_part(&mut self, p: Pair<Rule>) {
        match p.as_rule() {
            Rule::recital | Rule::finite_recital | Rule::numbered_recital_point => {
                self.unit(Kind::Recital, p)
            }
            Rule::verb_paragraph
            | Rule::narrative_paragraph
            | Rule::subpoint_paragraph
            | Rule::text_paragraph => self.unit(Kind::Paragraph, p),
            Rule::point => self.unit(Kind::Point, p),
            Rule::shared_recitals | Rule::shared_finite_recitals => {
                self.shared(Kind::Recital, Kind::Recital, p)
            }
            Rule::shared_points => self.shared(Kind::Paragraph, Kind::Point, p),
            Rule::transition => self.push_leaf(Kind::Transition, &p),
            Rule::stray => self.push_leaf(Kind::Text, &p),
            Rule::footnote => {
                let f = self.footnote(&p);
                self.out.top.push(f);
            }
            Rule::plain_heading
            | Rule::roman_heading
            | Rule::section_heading
            | Rule::letter_heading => {
                let b = self.block(&p);
                let mut h = self.leaf(Kind::Heading, &b);
                if let Shape::Roman { number } = b.shape {
                    h.number = Some(number);
                }
                h.label = b.label;
                self.out.top.push(h);
            }
            Rule::loose_list => {
                let (list, trailing) = self.list(p);
                self.out.top.push(list);
                self.out.top.extend(trailing);
            }
            _ => {}
        }
    }

    fn footnote(&self, p: &Pair<Rule>) -> Draft {
        let b = self.block(p);
        let mut f = self.unit_node(Kind::Footnote, &b);
        if let Shape::Footnote { number } = b.shape {
            f.number = Some(number);
        }
        f
    }

    /// A recital, paragraph or point with what its tail holds.
    fn unit(&mut self, kind: Kind, p: Pair<Rule>) {
        if let Some((node, lifted)) = self.unit_draft(kind, p) {
            self.out.top.push(node);
            self.out.top.extend(lifted);
        }
    }

    /// A head over numbered units (`RECOGNISING THAT:` / `1.` …): the
    /// numbered units are its children, and it lends them its verb.
    fn shared(&mut self, head_kind: Kind, item_kind: Kind, p: Pair<Rule>) {
        let mut inner = p.into_inner();
        let Some(head) = inner.next() else { return };
        let mut node = self.unit_node(head_kind, &self.block(&head));
        node.shares_head = true;
        let mut lifted = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::footnote => lifted.push(self.footnote(&part)),
                _ => {
                    if let Some((item, notes)) = self.unit_draft(item_kind, part) {
                        node.children.push(item);
                        lifted.extend(notes);
                    }
                }
            }
        }
        self.out.top.push(node);
        self.out.top.extend(lifted);
    }

    /// A unit and the footnotes lifted out of it.
    fn unit_draft(&self, kind: Kind, p: Pair<Rule>) -> Option<(Draft, Vec<Draft>)> {
        let mut inner = p.into_inner();
        let head = inner.next()?;
        let b = self.block(&head);
        let mut node = self.unit_node(kind, &b);
        match b.shape {
            Shape::Point { number } => node.number = Some(number),
            Shape::SubPoint | Shape::Letter { .. } => node.label = b.label,
            _ => {}
        }
        let mut lifted = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::continuation | Rule::point_sentence => {
                    let end = self.block(&part).end;
                    node.norm.1 = end;
                    node.own.1 = end;
                }
                Rule::footnote => lifted.push(self.footnote(&part)),
                Rule::subpoint | Rule::bare_subpoint => {
                    let sub = self.subpoint(part, &mut lifted);
                    node.children.push(sub);
                }
                Rule::list | Rule::bare_list => {
                    let (list, trailing) = self.list(part);
                    node.children.push(list);
                    lifted.extend(trailing);
                }
                _ => {}
            }
        }
        Some((node, lifted))
    }

    fn subpoint(&self, p: Pair<Rule>, lifted: &mut Vec<Draft>) -> Draft {
        let mut inner = p.into_inner();
        let head = inner.next().map(|h| self.block(&h));
        let Some(b) = head else {
            return Draft::new(Kind::Subpoint, (0, 0));
        };
        let mut node = self.unit_node(Kind::Subpoint, &b);
        node.label = b.label;
        for part in inner {
            match part.as_rule() {
                Rule::footnote => lifted.push(self.footnote(&part)),
                Rule::list | Rule::bare_list => {
                    let (list, trailing) = self.list(part);
                    node.children.push(list);
                    lifted.extend(trailing);
                }
                _ => {}
            }
        }
        node
    }

    /// A list and the footnotes that end it (they belong after the list).
    fn list(&self, p: Pair<Rule>) -> (Draft, Vec<Draft>) {
        // A list's own text is its first item's block, as written.
        let first = self.block(&p);
        let mut list = Draft::new(Kind::List, (first.start, first.end));
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::footnote => list.children.push(self.footnote(&part)),
                Rule::item | Rule::bare_item => {
                    let mut notes = Vec::new();
                    let mut item: Option<Draft> = None;
                    for q in part.into_inner() {
                        let b = self.block(&q);
                        match q.as_rule() {
                            Rule::bullet => {
                                let mut n = self.unit_node(Kind::ListItem, &b);
                                if let Shape::Bullet { bullet } = b.shape {
                                    n.bullet = Some(bullet);
                                }
                                item = Some(n);
                            }
                            Rule::continuation => {
                                if let Some(n) = item.as_mut() {
                                    n.norm.1 = b.end;
                                    n.own.1 = b.end;
                                }
                            }
                            Rule::footnote => notes.push(self.footnote(&q)),
                            _ => {}
                        }
                    }
                    list.children.extend(item);
                    list.children.extend(notes);
                }
                _ => {}
            }
        }
        let mut trailing = Vec::new();
        while list
            .children
            .last()
            .is_some_and(|c| c.kind == Kind::Footnote)
        {
            trailing.extend(list.children.pop());
        }
        trailing.reverse();
        (list, trailing)
    }

    /// The grammar failed (it is meant to be total): report where, and keep
    /// every block as a paragraph of its own so that nothing is lost.
    fn fallback(&mut self, e: pest::error::Error<Rule>) {
        let at = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        let norm = self
            .blocks
            .get(at)
            .map_or((self.norm.text.len(), self.norm.text.len()), |b| {
                (b.start, b.end)
            });
        self.out.errors.push(SyntaxError {
            norm,
            message: format!("the document grammar stopped at block {}", at + 1),
        });
        for b in self.blocks {
            let n = self.unit_node(Kind::Paragraph, b);
            self.out.top.push(n);
        }
    }
}
