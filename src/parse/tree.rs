//! The passes after the document grammar: footnote references resolved and
//! attached, clauses found in every unit, the document kind decided,
//! containers stretched over their children; then the draft is frozen into
//! the arena with spans of the original file.

use super::clauses::{self, Context};
use super::footnotes::{self, Definition};
use crate::ast::{ClauseValues, DocKind, Kind, NodeId, NodeValues, Span, Tree};
use crate::lexicon::Language;
use crate::normalize::Normalized;
use crate::refs::{RefCandidate, RefStyle};
use crate::syntax::draft::Draft;
use crate::syntax::{self, SyntaxError};

/// Builds the draft tree and decides the document kind.
pub fn build(norm: &Normalized, lang: &'static Language) -> Built {
    let skeleton = syntax::build(norm);
    let mut root = Draft::new(Kind::Document, (0, norm.text.len()));
    root.children = skeleton.top;
    let ref_candidates = resolve_footnotes(&mut root, norm);
    let clause_units = add_clauses(&mut root, norm, lang, false);
    for n in &mut root.children {
        share_head(n, &norm.text);
    }
    let kind = super::kind::decide(&root, norm, lang, skeleton.has_formula, clause_units);
    if kind == DocKind::Other {
        strip_clauses(&mut root);
    }
    finish(&mut root);
    Built {
        draft: root,
        kind,
        errors: skeleton.errors,
        ref_candidates,
    }
}

/// What the passes give: the finished draft, the document kind, grammar
/// errors and every footnote reference candidate (sorted).
pub struct Built {
    pub draft: Draft,
    pub kind: DocKind,
    pub errors: Vec<SyntaxError>,
    pub ref_candidates: Vec<RefCandidate>,
}

/// Finds footnote references in every unit, heading and title, and attaches
/// them to the node whose own text holds them. The text is scanned here
/// once; the candidates are kept for the later stages.
fn resolve_footnotes(root: &mut Draft, norm: &Normalized) -> Vec<RefCandidate> {
    let mut defs = Vec::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    root.walk(&mut |n| match n.kind {
        Kind::Footnote => defs.push(Definition {
            number: n.number.unwrap_or(0),
            pos: n.norm.0,
        }),
        k if k.owns_refs() => owners.push(n.own),
        _ => {}
    });
    owners.sort();
    let mut cands = Vec::new();
    for &(s, e) in &owners {
        // The syntax pass gives char ranges of the text; any other owner
        // would hold no reference.
        let Some(owned) = norm.text.get(s..e) else {
            continue;
        };
        for mut c in crate::refs::candidates(owned) {
            c.start += s;
            c.end += s;
            cands.push(c);
        }
    }
    cands.sort_by_key(|c| c.start);
    drop_superscript_names(&mut cands, &defs, &norm.text);
    let refs = footnotes::resolve(&cands, &defs);
    attach_refs(root, &refs);
    cands
}

/// A superscript that is part of a name ("IRIS²", the EU's secure
/// connectivity programme) is not a footnote reference: a word in capitals
/// that carries the same superscript more than once, with no definition of
/// that number, names something (a note is referred to once).
fn drop_superscript_names(cands: &mut Vec<RefCandidate>, defs: &[Definition], text: &str) {
    use std::collections::HashMap;
    let defined: std::collections::HashSet<u32> = defs.iter().map(|d| d.number).collect();
    let name_of = |c: &RefCandidate| -> Option<&str> {
        if c.style != RefStyle::Superscript || defined.contains(&c.number) {
            return None;
        }
        let before = text.get(..c.start)?;
        let word = before.rsplit(|ch: char| !ch.is_alphanumeric()).next()?;
        (word.chars().filter(|ch| ch.is_uppercase()).count() >= 2
            && !word.chars().any(char::is_lowercase))
        .then(|| text.get(c.start.checked_sub(word.len())?..c.end))
        .flatten()
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in cands.iter() {
        if let Some(name) = name_of(c) {
            *seen.entry(name).or_default() += 1;
        }
    }
    if seen.values().any(|&n| n >= 2) {
        cands.retain(|c| name_of(c).is_none_or(|n| seen.get(n).copied().unwrap_or(0) < 2));
    }
}

fn attach_refs(node: &mut Draft, refs: &[RefCandidate]) {
    if node.kind.owns_refs() {
        let (s, e) = node.own;
        let from = refs.partition_point(|r| r.start < s);
        for r in refs.iter().skip(from).take_while(|r| r.start < e) {
            let mut n = Draft::new(Kind::FootnoteRef, (r.start, r.end));
            n.number = Some(r.number);
            n.style = Some(r.style);
            node.children.push(n);
        }
    }
    for c in &mut node.children {
        if c.kind != Kind::FootnoteRef {
            attach_refs(c, refs);
        }
    }
}

/// Adds clause nodes to every unit. Items of a list whose lead-in is a bare
/// subject (`The Council:` / `– expresses …;`) are clauses of that subject
/// (`subject_items`). Returns the number of units that have one.
fn add_clauses(
    node: &mut Draft,
    norm: &Normalized,
    lang: &'static Language,
    subject_items: bool,
) -> usize {
    let mut count = 0;
    let (s, e) = node.own;
    // A unit's own range is a char range of the text (syntax pass); any other
    // would have no clause.
    if let Some(text) = node.kind.is_unit().then(|| norm.text.get(s..e)).flatten() {
        let ctx = match node.kind {
            Kind::ListItem if subject_items => Context::Operative,
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
            let mut c = Draft::new(Kind::Clause, (s + h.start, end));
            c.own = (s + h.verb_start, s + h.verb_end);
            let addressees = h.form.function.takes_addressees().then(|| {
                let (os, oe) = h.object;
                // Object bounds are token bounds of `text` (clauses::find),
                // `os <= text.len()`: `get` never fails.
                super::addressees::find(lang, text.get(os..oe.max(os)).unwrap_or_default())
            });
            c.clause = Some(ClauseValues {
                form: h.form,
                runs: h.runs.iter().map(|&(a, b)| (s + a, s + b)).collect(),
                addressees,
                misspelt: h.misspelt,
                subject: h.subject.map(|(a, b)| (s + a, s + b)),
            });
            node.children.push(c);
        }
    }
    // A list passes its lead-in's subject on to its items: the unit it
    // stands in, or a formula-like subject just before it (`The Council:`).
    let own_lead = match node.kind {
        Kind::List => subject_items,
        k => {
            k.is_unit()
                && norm
                    .text
                    .get(s..e)
                    .is_some_and(|t| is_subject_lead(lang, t))
        }
    };
    let mut sibling_lead = false;
    for c in &mut node.children {
        if !matches!(c.kind, Kind::Clause | Kind::FootnoteRef) {
            let lead = own_lead || (sibling_lead && c.kind == Kind::List);
            count += add_clauses(c, norm, lang, lead);
        }
        sibling_lead = c.kind == Kind::OpeningFormula
            && norm
                .text
                .get(c.own.0..c.own.1)
                .is_some_and(|t| is_subject_lead(lang, t));
    }
    count
}

/// A unit that is only a narrative subject and a colon (`The Council:`).
fn is_subject_lead(lang: &Language, text: &str) -> bool {
    let Some(t) = text.trim().strip_suffix(':') else {
        return false;
    };
    let toks = crate::verbs::tokens(t);
    crate::verbs::subject_len(lang, &toks, 0) == Some(toks.len()) && !toks.is_empty()
}

/// A head over numbered units (`RECOGNISING THAT:` / `1.` …, `INVITES
/// THE MEMBER STATES TO:` / `21. foster …`) lends each unit that has no verb
/// of its own the head's clause; the head is then not a clause itself. A
/// sentence with a narrative subject inside such a unit ("ONDERSTREEPT DE
/// VOLGENDE BEGINSELEN:" / "2. … De lidstaten moeten …") is part of what the
/// head says, not a clause of its own; so is a verb in ordinary case at the
/// start of a point ("INVITE THE MEMBER STATES TO:" / "6. support …": the
/// infinitive reads like a plural verb form).
fn share_head(head: &mut Draft, text: &str) {
    if !head.shares_head {
        return;
    }
    let Some((pos, lent)) = head
        .children
        .iter()
        .enumerate()
        .find(|(_, c)| c.kind == Kind::Clause)
        .map(|(pos, c)| (pos, c.clone()))
    else {
        return;
    };
    let mut lent_any = false;
    for item in head.children.iter_mut().filter(|c| c.number.is_some()) {
        item.children.retain(|c| {
            c.kind != Kind::Clause
                || c.clause.as_ref().is_none_or(|v| v.subject.is_none())
                    && text
                        .get(c.own.0..c.own.1)
                        .and_then(|v| v.split_whitespace().next())
                        .is_some_and(crate::text::is_all_caps)
        });
        if item.children.iter().any(|c| c.kind == Kind::Clause) {
            continue;
        }
        let mut c = Draft::new(Kind::Clause, item.own);
        // The clause's verb is the head's, as written there.
        c.own = lent.own;
        c.clause = lent.clause.clone();
        item.children.push(c);
        lent_any = true;
    }
    if lent_any {
        head.children.remove(pos);
        // A participle inside the head ("INVITES THE MEMBER STATES, TAKING
        // INTO ACCOUNT …, TO:") qualifies the head's verb: no clause.
        let lent_role = lent.clause.as_ref().map(|v| v.form.role);
        head.children.retain(|c| {
            c.kind != Kind::Clause
                || c.clause.as_ref().map(|v| v.form.role) == lent_role
                || lent_role != Some(crate::lexicon::Role::Operative)
        });
    }
}

fn strip_clauses(node: &mut Draft) {
    node.children.retain(|c| c.kind != Kind::Clause);
    for c in &mut node.children {
        strip_clauses(c);
    }
}

/// Orders children, and stretches containers over their children.
fn finish(node: &mut Draft) {
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

/// Freezes the draft into the arena; `span` maps a normalised range to the
/// original file and `line` gives the line of an original offset.
pub fn freeze(
    root: &Draft,
    language: &'static str,
    kind: DocKind,
    source_len: usize,
    span: &dyn Fn(usize, usize) -> (usize, usize),
    line: &dyn Fn(usize) -> usize,
) -> Tree {
    fn go(
        t: &mut Tree,
        d: &Draft,
        parent: Option<NodeId>,
        span: &dyn Fn(usize, usize) -> (usize, usize),
        line: &dyn Fn(usize) -> usize,
    ) {
        let (start, end) = span(d.norm.0, d.norm.1);
        let v = NodeValues {
            norm: d.norm,
            own: d.own,
            span: Span { start, end },
            line: line(start),
            number: d.number,
            label: d.label,
            field: d.field,
            bullet: d.bullet,
            style: d.style,
        };
        let id = t.open(d.kind, parent, &v);
        if let Some(c) = &d.clause {
            t.set_clause(id, c.clone());
        }
        for c in &d.children {
            go(t, c, Some(id), span, line);
        }
        t.close(id);
    }
    fn count(d: &Draft) -> usize {
        1 + d.children.iter().map(count).sum::<usize>()
    }
    let mut t = Tree::new(language, kind);
    // Sized once: grown by doubling, the arena would reach twice the tree
    // while the draft is still alive.
    t.reserve(count(root));
    let v = NodeValues {
        norm: root.norm,
        own: root.own,
        span: Span {
            start: 0,
            end: source_len,
        },
        line: 1,
        ..NodeValues::default()
    };
    let id = t.open(Kind::Document, None, &v);
    for c in &root.children {
        go(&mut t, c, Some(id), span, line);
    }
    t.close(id);
    t.shrink_to_fit();
    t
}
