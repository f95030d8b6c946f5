//! The tree builder: blocks in, typed nodes out.

use super::clauses::{self, Context};
use super::footnotes::{self, Definition};
use super::Document;
use crate::ast::{DocKind, Kind, Node, Span};
use crate::grammar;
use crate::lexicon::{Language, Phrases, Role};
use crate::normalize::lines::{header_field, is_date_line};
use crate::normalize::{Block, Normalized};
use crate::shape::{self, Shape};

/// Which part of the document the builder is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Preamble,
    Operative,
}

/// Builds the tree and decides the document kind.
pub fn build(norm: &Normalized, lang: &Language) -> (Node, DocKind) {
    let mut b = Builder {
        norm,
        lang,
        children: Vec::new(),
        unit: None,
        unit_verb_headed: false,
        sub: None,
        list_open: false,
        phase: Phase::Preamble,
        next_role: None,
    };
    let blocks = &norm.blocks;
    let mut i = 0;
    // Header.
    let mut header = Node::new(Kind::Header, (0, 0));
    while i < blocks.len() && blocks[i].shape == Shape::Header {
        header.children.push(b.header_line(&blocks[i]));
        i += 1;
    }
    if !header.children.is_empty() {
        b.children.push(header);
    }
    let has_formula = b.front_matter(&mut i);
    let next_roles = next_verb_roles(blocks);
    for (k, blk) in blocks.iter().enumerate().skip(i) {
        b.next_role = next_roles[k];
        b.block(blk);
    }
    b.close_list();
    let mut root = Node::new(Kind::Document, (0, norm.text.len()));
    root.attrs.language = Some(lang.code.clone());
    root.children = b.children;
    resolve_footnotes(&mut root, norm);
    let clause_units = add_clauses(&mut root, norm, lang);
    let kind = document_kind(&root, has_formula, clause_units);
    if kind == DocKind::Other {
        strip_clauses(&mut root);
    }
    root.attrs.document_kind = Some(kind);
    finish(&mut root);
    (root, kind)
}

struct Builder<'a> {
    norm: &'a Normalized,
    lang: &'a Language,
    children: Vec<Node>,
    /// Index in `children` of the open recital, paragraph or point.
    unit: Option<usize>,
    unit_verb_headed: bool,
    /// Index in the unit's children of the open sub-point.
    sub: Option<usize>,
    list_open: bool,
    phase: Phase,
    /// What follows the current block: the role of the next verb-headed
    /// block, or the transition that closes the preamble. An operative verb
    /// followed by more recitals (or by `HEREBY:`) is a recital with the
    /// wrong verb, not the start of the operative part.
    next_role: Option<Next>,
}

impl<'a> Builder<'a> {
    fn text(&self, b: &Block) -> &'a str {
        &self.norm.text[b.start..b.end]
    }

    fn leaf(&self, kind: Kind, b: &Block) -> Node {
        let mut n = Node::new(kind, (b.start, b.end));
        n.attrs.text = Some(self.text(b).to_string());
        n
    }

    fn header_line(&self, b: &Block) -> Node {
        let t = self.text(b);
        let mut n = self.leaf(Kind::HeaderLine, b);
        let field = if grammar::is_or_line(t) {
            "original_language"
        } else if grammar::is_doc_number_line(t) {
            "document_number"
        } else if grammar::is_interinstitutional_line(t) {
            "interinstitutional_file"
        } else if grammar::is_suffix_line(t) {
            "revision"
        } else if grammar::is_marking_line(t) {
            "marking"
        } else if grammar::is_subject_code_line(t) {
            "subject_code"
        } else if is_date_line(t) {
            "date"
        } else if self.lang.line_is(Phrases::DocumentType, t) {
            "document_type"
        } else if let Some(name) = header_field(t, self.lang) {
            n.attrs.label = Some(name.to_string());
            if self.lang.structure.subject_fields.iter().any(|f| f == name) {
                "subject"
            } else {
                "field"
            }
        } else {
            "register"
        };
        n.attrs.field = Some(field);
        n
    }

    /// Cover note, annex marker, title and opening formula. Advances `i` to
    /// the first block of the body. Returns whether a formula was found.
    fn front_matter(&mut self, i: &mut usize) -> bool {
        let blocks = &self.norm.blocks;
        let n = blocks.len();
        let is_unit = |s: Shape| {
            matches!(
                s,
                Shape::Verb { .. }
                    | Shape::Point { .. }
                    | Shape::Roman { .. }
                    | Shape::Section
                    | Shape::Transition
                    | Shape::Letter
                    | Shape::Bullet { .. }
                    | Shape::SubPoint
                    | Shape::Footnote { .. }
            )
        };
        let first_unit = |from: usize| (from..n).find(|&k| is_unit(blocks[k].shape));
        let annex = (*i..n).find(|&k| blocks[k].shape == Shape::Annex);
        let formula = (*i..n).find(|&k| blocks[k].shape == Shape::Formula);
        let start = *i;
        let body_start;
        if let Some(a) =
            annex.filter(|&a| formula.is_some_and(|f| f > a) || first_unit(a + 1).is_some())
        {
            // Everything before the annex marker is the cover note, whatever
            // it looks like (it may have its own numbering, in any language).
            self.cover_note(start, a);
            self.children.push(self.leaf(Kind::AnnexMarker, &blocks[a]));
            body_start = formula
                .filter(|&f| f > a)
                .or_else(|| first_unit(a + 1))
                .unwrap_or(n);
            for (k, blk) in blocks.iter().enumerate().take(body_start).skip(a + 1) {
                let kind = if k == a + 1 { Kind::Title } else { Kind::Text };
                self.children.push(self.leaf(kind, blk));
            }
        } else {
            body_start = formula.or_else(|| first_unit(start)).unwrap_or(n);
            if body_start > start {
                self.cover_note(start, body_start - 1);
                self.children
                    .push(self.leaf(Kind::Title, &blocks[body_start - 1]));
            }
        }
        *i = body_start;
        if body_start < n && blocks[body_start].shape == Shape::Formula {
            self.children
                .push(self.leaf(Kind::OpeningFormula, &blocks[body_start]));
            *i += 1;
            return true;
        }
        false
    }

    fn cover_note(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let blocks = &self.norm.blocks;
        let mut cover = Node::new(Kind::CoverNote, (blocks[from].start, blocks[to - 1].end));
        for blk in &blocks[from..to] {
            cover.children.push(self.leaf(Kind::Text, blk));
        }
        self.children.push(cover);
    }

    /// A unit node whose own text starts after a label of `label_len` bytes.
    fn unit_node(&self, kind: Kind, b: &Block, label_len: usize) -> Node {
        let mut n = Node::new(kind, (b.start, b.end));
        n.own = ((b.start + label_len).min(b.end), b.end);
        n
    }

    fn push_unit(&mut self, node: Node, verb_headed: bool) {
        self.close_list();
        self.children.push(node);
        self.unit = Some(self.children.len() - 1);
        self.unit_verb_headed = verb_headed;
        self.sub = None;
    }

    fn push_top(&mut self, node: Node) {
        self.close_list();
        self.children.push(node);
        self.unit = None;
        self.sub = None;
    }

    /// The node that receives lists and sub-points: the open sub-point, or unit.
    fn list_parent(&mut self) -> Option<&mut Node> {
        let u = self.unit?;
        let unit = &mut self.children[u];
        match self.sub {
            Some(s) => unit.children.get_mut(s),
            None => Some(unit),
        }
    }

    /// Closes an open list; footnotes that ended it move out to the top level.
    fn close_list(&mut self) {
        if !self.list_open {
            return;
        }
        self.list_open = false;
        let mut trailing = Vec::new();
        let list = if self.unit.is_some() {
            self.list_parent().and_then(|p| p.children.last_mut())
        } else {
            self.children.last_mut()
        };
        if let Some(list) = list.filter(|l| l.kind == Kind::List) {
            while list
                .children
                .last()
                .is_some_and(|c| c.kind == Kind::Footnote)
            {
                trailing.push(list.children.pop().expect("checked"));
            }
        }
        trailing.reverse();
        self.children.extend(trailing);
    }

    fn open_list_mut(&mut self) -> Option<&mut Node> {
        if !self.list_open {
            return None;
        }
        let list = if self.unit.is_some() {
            self.list_parent().and_then(|p| p.children.last_mut())
        } else {
            self.children.last_mut()
        };
        list.filter(|l| l.kind == Kind::List)
    }

    fn block(&mut self, b: &Block) {
        let t = self.text(b);
        match b.shape {
            Shape::Footnote { number } => {
                let mut f = self.leaf(Kind::Footnote, b);
                f.attrs.number = Some(number);
                let label = grammar::footnote_label(t).map_or(0, |(_, _, l)| l);
                f.own = (b.start + label, b.end);
                f.attrs.text = Some(t[label..].to_string());
                match self.open_list_mut() {
                    Some(list) => list.children.push(f),
                    None => self.children.push(f),
                }
            }
            Shape::Bullet { bullet } => {
                let len = grammar::bullet(t).map_or(0, |(_, l)| l);
                let mut item = self.unit_node(Kind::ListItem, b, len);
                item.attrs.bullet = Some(bullet);
                if let Some(list) = self.open_list_mut() {
                    list.children.push(item);
                    return;
                }
                let mut list = Node::new(Kind::List, (b.start, b.end));
                list.children.push(item);
                match self.list_parent() {
                    Some(p) => p.children.push(list),
                    None => {
                        self.children.push(list);
                        self.unit = None;
                    }
                }
                self.list_open = true;
            }
            Shape::SubPoint => {
                let (label, len) = grammar::subpoint_label(t).map_or(("", 0), |(l, n)| (l, n));
                let mut node = self.unit_node(Kind::Subpoint, b, len);
                node.attrs.label = Some(label.to_string());
                self.close_list();
                match self.unit {
                    Some(u) => {
                        let unit = &mut self.children[u];
                        unit.children.push(node);
                        self.sub = Some(unit.children.len() - 1);
                    }
                    None => {
                        node.kind = Kind::Paragraph;
                        self.push_unit(node, true);
                    }
                }
            }
            Shape::Point { number } => {
                let len = grammar::point_label(t).map_or(0, |(_, l)| l);
                let mut node = self.unit_node(Kind::Point, b, len);
                node.attrs.number = Some(number);
                self.phase = Phase::Operative;
                self.push_unit(node, true);
            }
            Shape::Roman { number } => {
                let mut h = self.leaf(Kind::Heading, b);
                h.attrs.number = Some(number);
                self.phase = Phase::Operative;
                self.push_top(h);
            }
            Shape::Heading => {
                let h = self.leaf(Kind::Heading, b);
                self.push_top(h);
            }
            Shape::Section => {
                let mut h = self.leaf(Kind::Heading, b);
                h.attrs.label = grammar::section_label(t)
                    .map(|(l, _)| l)
                    .or_else(|| grammar::point_label(t).map(|(_, n)| t[..n].trim_end()))
                    .map(str::to_string);
                self.push_top(h);
            }
            Shape::Letter => {
                let (letter, len) = grammar::letter_label(t).map_or(('?', 0), |(c, l)| (c, l));
                match shape::head_verb(self.lang, &t[len..]) {
                    Some((role, _)) => self.verb_unit(b, role, len, Some(letter)),
                    None => {
                        let mut h = self.leaf(Kind::Heading, b);
                        h.attrs.label = Some(letter.to_string());
                        self.push_top(h);
                    }
                }
            }
            Shape::Verb { role, .. } => self.verb_unit(b, role, 0, None),
            Shape::Transition => {
                let tr = self.leaf(Kind::Transition, b);
                self.phase = Phase::Operative;
                self.push_top(tr);
            }
            Shape::Text => self.text_block(b),
            Shape::Formula | Shape::Annex | Shape::Header => {
                let n = self.leaf(Kind::Text, b);
                self.push_top(n);
            }
        }
    }

    fn verb_unit(&mut self, b: &Block, role: Role, label_len: usize, letter: Option<char>) {
        let in_preamble = self.phase == Phase::Preamble;
        let recital = in_preamble
            && (role == Role::Preamble
                || matches!(
                    self.next_role,
                    Some(Next::Verb(Role::Preamble)) | Some(Next::Transition)
                ));
        let kind = if recital {
            Kind::Recital
        } else {
            Kind::Paragraph
        };
        if !recital && role == Role::Operative {
            self.phase = Phase::Operative;
        }
        let mut node = self.unit_node(kind, b, label_len);
        node.attrs.label = letter.map(|c| c.to_string());
        self.push_unit(node, true);
    }

    /// A block with no structural start: the continuation of a verb-headed
    /// unit (a sentence split off by a blank line), or a paragraph of its own.
    fn text_block(&mut self, b: &Block) {
        if self.unit.is_some() && self.unit_verb_headed {
            if let Some(list) = self.open_list_mut() {
                if let Some(item) = list
                    .children
                    .iter_mut()
                    .rev()
                    .find(|c| c.kind == Kind::ListItem)
                {
                    item.norm.1 = b.end;
                    item.own.1 = b.end;
                    return;
                }
            }
            let u = self.unit.expect("checked");
            let unit = &mut self.children[u];
            if unit.children.is_empty() {
                unit.norm.1 = b.end;
                unit.own.1 = b.end;
                return;
            }
        }
        let node = self.unit_node(Kind::Paragraph, b, 0);
        self.push_unit(node, false);
    }
}

/// What comes after a block (lists and footnotes skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Verb(Role),
    Transition,
}

/// For each block, what the next unit after it is, unless a heading or
/// numbered point comes first.
fn next_verb_roles(blocks: &[Block]) -> Vec<Option<Next>> {
    let mut out = vec![None; blocks.len()];
    let mut next: Option<Next> = None;
    for k in (0..blocks.len()).rev() {
        out[k] = next;
        match blocks[k].shape {
            Shape::Verb { role, .. } => next = Some(Next::Verb(role)),
            Shape::Transition => next = Some(Next::Transition),
            Shape::Heading | Shape::Roman { .. } | Shape::Point { .. } | Shape::Section => {
                next = None
            }
            _ => {}
        }
    }
    out
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
