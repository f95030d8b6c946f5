//! Stage 6: linting. Rules read the typed tree (and the normalised text it
//! points into) and report findings with byte spans of the original file.
//!
//! Each rule is one file in `rules/` with its metadata ([`RuleMeta`]: name,
//! default severity, rationale, examples, scope) and its check. `rules/mod.rs`
//! lists the checks; the metadata of every rule, lint and align alike, is
//! read through [`crate::registry`].

pub mod config;
pub mod rules;
pub mod sequence;

use crate::ast::{Kind, NodeRef};
use crate::lexicon::Language;
use crate::parse::Document;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's documentation and defaults.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case name (a contract: tools refer to it).
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// One paragraph: why it matters and how to fix it.
    pub rationale: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
    /// The rule offers a safe automatic fix.
    pub fixable: bool,
    /// What the rule reads: one document, or two language versions.
    pub scope: Scope,
}

/// What a rule reads. Shown by `conclint rules` and the docs, because it
/// decides which command reports the rule (`lint` or `align`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One document (`conclint lint`).
    Document,
    /// A pair of language versions of one text (`conclint align`).
    Pair,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Document => "document",
            Scope::Pair => "pair",
        }
    }

    /// What the scope means, for the rule documentation.
    pub fn describe(self) -> &'static str {
        match self {
            Scope::Document => "one document (`conclint lint`)",
            Scope::Pair => "a pair of language versions (`conclint align`)",
        }
    }
}

/// A replacement of a byte range of the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// Another place a finding refers to (the other language version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

/// One finding, with a span of the original file.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
}

/// What a rule sees.
pub struct Cx<'a> {
    pub doc: &'a Document,
    pub lang: &'a Language,
    pub meta: &'a RuleMeta,
}

impl<'a> Cx<'a> {
    /// Normalised text of a range (empty for a range that does not fall on
    /// char boundaries).
    pub fn text(&self, range: (usize, usize)) -> &'a str {
        let t = &self.doc.norm.text;
        let s = range.0.min(t.len());
        t.get(s..range.1.clamp(s, t.len())).unwrap_or_default()
    }

    /// A finding on a normalised range.
    pub fn finding(&self, range: (usize, usize), message: impl Into<String>) -> Finding {
        let (start, end) = self.doc.original_span(range.0, range.1);
        Finding {
            rule: self.meta.name,
            severity: self.meta.severity,
            message: message.into(),
            start,
            end,
            help: None,
            fix: None,
            related: Vec::new(),
        }
    }

    /// A fix replacing the original text of a normalised range, offered only
    /// when the original bytes are exactly the normalised ones (so the fix
    /// cannot touch anything it does not name).
    pub fn fix(&self, range: (usize, usize), replacement: String) -> Option<Fix> {
        let (start, end) = self.doc.original_span(range.0, range.1);
        (self.doc.source.get(start..end) == Some(self.text(range))).then_some(Fix {
            start,
            end,
            replacement,
        })
    }

    /// Text of a range (a unit's own text) without trailing blanks and
    /// footnote reference candidates, read from the table the parser
    /// collected once rather than by scanning the text again.
    pub fn strip_trailing_refs(&self, range: (usize, usize)) -> &'a str {
        let (s, end) = range;
        let mut t = self.text((s, end)).trim_end();
        let cands = &self.doc.ref_candidates;
        loop {
            let before = t.len();
            t = t
                .trim_end_matches(|c: char| crate::text::superscript_value(c).is_some())
                .trim_end();
            let at = s + t.len();
            // Candidates do not overlap, so sorted by start they are sorted by end.
            let k = cands.partition_point(|c| c.end < at);
            if let Some(c) = cands.get(k).filter(|c| {
                c.end == at && c.start >= s && c.style != crate::refs::RefStyle::GluedToYear
            }) {
                // `s <= c.start <= c.end = s + t.len()`, and `c.start` is a
                // candidate's start, a char boundary of the text `t` starts in.
                t = t.get(..c.start - s).map_or(t, str::trim_end);
            }
            if t.len() == before {
                return t;
            }
        }
    }

    /// True for Council conclusions (conclusions-specific rules stay silent
    /// on other documents).
    pub fn is_conclusions(&self) -> bool {
        self.doc.kind.is_council_text()
    }
}

/// Nodes with running text of their own (what quote and bracket balance is
/// checked in): the scanned kinds without transitions and plain text.
pub const TEXT_NODES: &[Kind] = rules::SCANNED.split_at(8).0;

/// The numbers carried by the nodes of `kind` among `nodes` (footnote
/// definitions, references).
pub fn numbers(nodes: &[NodeRef], kind: Kind) -> std::collections::HashSet<u32> {
    nodes
        .iter()
        .filter(|n| n.kind() == kind)
        .filter_map(|n| n.number())
        .collect()
}

/// How a rule reads the nodes it subscribes to.
#[derive(Clone, Copy)]
pub enum Check {
    /// Called on each node of its kinds, during the walk.
    EachNode(for<'a> fn(&Cx<'a>, NodeRef<'a>, &mut Vec<Finding>)),
    /// Called once after the walk with every node of its kinds, in
    /// document order (rules that compare nodes: sequences, pairs, sets).
    AllNodes(for<'a> fn(&Cx<'a>, &[NodeRef<'a>], &mut Vec<Finding>)),
}

/// A lint rule: its documentation, the node kinds it inspects and its check.
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub kinds: &'static [Kind],
    pub check: Check,
}

/// Runs the selected rules on a document in one walk over the tree: each
/// node is handed to the rules that subscribe to its kind. Findings are
/// sorted by position.
pub fn lint(doc: &Document, config: &config::Config) -> Vec<Finding> {
    let active: Vec<&Rule> = rules::REGISTRY
        .iter()
        .filter(|r| config.severity_of(r.meta).is_some())
        .collect();
    let cxs: Vec<Cx> = active
        .iter()
        .map(|r| Cx {
            doc,
            lang: doc.language,
            meta: r.meta,
        })
        .collect();
    let mut by_kind: Vec<Vec<usize>> = vec![Vec::new(); Kind::COUNT];
    for (k, r) in active.iter().enumerate() {
        for &kind in r.kinds {
            #[expect(
                clippy::indexing_slicing,
                reason = "`Kind` is fieldless with implicit discriminants, `Text` last, so \
                          `kind as usize < Kind::COUNT = by_kind.len()`"
            )]
            by_kind[kind as usize].push(k);
        }
    }
    let mut collected: Vec<Vec<NodeRef>> = vec![Vec::new(); active.len()];
    let mut found: Vec<Vec<Finding>> = vec![Vec::new(); active.len()];
    for node in doc.nodes() {
        #[expect(
            clippy::indexing_slicing,
            reason = "`kind as usize < Kind::COUNT = by_kind.len()` (fieldless enum, `Text` \
                      last); `k` is an index of `active` (pushed above), and `cxs`, \
                      `collected` and `found` have one entry per active rule"
        )]
        for &k in &by_kind[node.kind() as usize] {
            match active[k].check {
                Check::EachNode(f) => f(&cxs[k], node, &mut found[k]),
                Check::AllNodes(_) => collected[k].push(node),
            }
        }
    }
    let mut out = Vec::new();
    for ((r, cx), (nodes, found)) in active
        .iter()
        .zip(&cxs)
        .zip(collected.iter().zip(&mut found))
    {
        if let Check::AllNodes(f) = r.check {
            f(cx, nodes, found);
        }
        let overridden = config.severity.get(r.meta.name).copied();
        for mut f in found.drain(..) {
            // A rule may report some findings at another level than its
            // default (bullet-style: within a list vs across the document);
            // a configured severity applies to all of them.
            if let Some(s) = overridden {
                f.severity = s;
            }
            out.push(f);
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
    out
}
