//! The typed syntax tree: an arena of compact nodes in document (pre-)order.
//!
//! Every node has a [`Kind`], a span of the *original* file (bytes), the
//! 1-based line of its start, its ranges in the normalised text and a few
//! kind-specific values; clause data lives in a side table. Nodes hold no
//! text: labels, verbs and the text of leaves are ranges read through a
//! [`NodeRef`], which pairs a node with the tree and the normalised text.
//! Because nodes are stored in pre-order with the index past their subtree,
//! a walk over the whole tree is a scan of one vector.
//!
//! The JSON form of a [`NodeRef`] is the contract of `conclint parse`:
//! `kind`, `span`, `line`, the attributes a kind has, and `children`.

use crate::lexicon::{Function, Role, VerbForm};
use crate::refs::RefStyle;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::borrow::Cow;

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
    /// Number of kinds (for tables indexed by `kind as usize`).
    pub const COUNT: usize = Kind::Text as usize + 1;

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

    /// Nodes with text of their own in which footnote references stand.
    pub fn owns_refs(self) -> bool {
        self.is_unit() || matches!(self, Kind::Heading | Kind::Title | Kind::Transition)
    }

    /// Leaves whose JSON carries their text (`text` attribute).
    fn shows_text(self) -> bool {
        matches!(
            self,
            Kind::HeaderLine
                | Kind::Title
                | Kind::Text
                | Kind::AnnexMarker
                | Kind::OpeningFormula
                | Kind::Heading
                | Kind::Transition
                | Kind::Footnote
        )
    }
}

/// The field a register header line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderField {
    OriginalLanguage,
    DocumentNumber,
    InterinstitutionalFile,
    Revision,
    Marking,
    SubjectCode,
    Date,
    DocumentType,
    Subject,
    Field,
    Register,
}

impl HeaderField {
    pub const ALL: [HeaderField; 11] = [
        HeaderField::OriginalLanguage,
        HeaderField::DocumentNumber,
        HeaderField::InterinstitutionalFile,
        HeaderField::Revision,
        HeaderField::Marking,
        HeaderField::SubjectCode,
        HeaderField::Date,
        HeaderField::DocumentType,
        HeaderField::Subject,
        HeaderField::Field,
        HeaderField::Register,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HeaderField::OriginalLanguage => "original_language",
            HeaderField::DocumentNumber => "document_number",
            HeaderField::InterinstitutionalFile => "interinstitutional_file",
            HeaderField::Revision => "revision",
            HeaderField::Marking => "marking",
            HeaderField::SubjectCode => "subject_code",
            HeaderField::Date => "date",
            HeaderField::DocumentType => "document_type",
            HeaderField::Subject => "subject",
            HeaderField::Field => "field",
            HeaderField::Register => "register",
        }
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
    CouncilResolution,
    EuropeanCouncilConclusions,
    /// Conclusions of the Council and the Representatives of the
    /// Governments of the Member States, meeting within the Council.
    CouncilAndRepresentativesConclusions,
    Other,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::CouncilConclusions => "council_conclusions",
            DocKind::CouncilResolution => "council_resolution",
            DocKind::EuropeanCouncilConclusions => "european_council_conclusions",
            DocKind::CouncilAndRepresentativesConclusions => {
                "council_and_representatives_conclusions"
            }
            DocKind::Other => "other",
        }
    }

    /// A text of the Council (or the European Council) with clauses:
    /// everything but `other`.
    pub fn is_council_text(self) -> bool {
        self != DocKind::Other
    }
}

/// Index of a node in its tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// "No value" for the optional numbers of a node.
const NONE: u32 = u32::MAX;

/// Offsets are stored as `u32`: inputs are limited well below 4 GiB, and a
/// larger offset saturates rather than wraps.
pub(crate) fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(NONE - 1)
}

/// One node: 56 bytes, no heap.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// Header field or reference style, by kind.
    tag: u8,
    parent: u32,
    /// Index one past the last node of this node's subtree.
    end: u32,
    norm: [u32; 2],
    own: [u32; 2],
    span: [u32; 2],
    line: u32,
    number: u32,
    label: [u32; 2],
    /// Bullet character (list items) or clause index (clauses).
    extra: u32,
}

/// A clause's data beyond its node.
#[derive(Debug, Clone)]
pub struct ClauseData {
    pub form: &'static VerbForm,
    /// The verb as written: runs of the normalised text (more than one for
    /// a discontinuous verb such as `MOEDIGT … AAN`).
    runs: [u32; 2],
    /// Addressee ids, when the verb's function takes addressees.
    addressees: Option<[u32; 2]>,
    pub misspelt: bool,
    subject: Option<[u32; 2]>,
}

/// The values a node is built from (everything but its place in the tree).
#[derive(Debug, Clone, Default)]
pub struct NodeValues {
    pub norm: (usize, usize),
    pub own: (usize, usize),
    pub span: Span,
    pub line: usize,
    pub number: Option<u32>,
    pub label: Option<(usize, usize)>,
    pub field: Option<HeaderField>,
    pub bullet: Option<char>,
    pub style: Option<RefStyle>,
}

/// A clause as the builder gives it.
#[derive(Debug, Clone)]
pub struct ClauseValues {
    pub form: &'static VerbForm,
    pub runs: Vec<(usize, usize)>,
    pub addressees: Option<Vec<&'static str>>,
    pub misspelt: bool,
    /// The subject of a narrative clause (`The Council` recalls …).
    pub subject: Option<(usize, usize)>,
}

/// The arena.
#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    clauses: Vec<ClauseData>,
    runs: Vec<[u32; 2]>,
    addressees: Vec<&'static str>,
    pub language: &'static str,
    pub document_kind: Option<DocKind>,
}

impl Tree {
    pub fn new(language: &'static str, document_kind: DocKind) -> Tree {
        Tree {
            language,
            document_kind: Some(document_kind),
            ..Tree::default()
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Opens a node as the last child of `parent` (`None`: the root). Nodes
    /// must be opened in pre-order and closed with [`Tree::close`].
    pub fn open(&mut self, kind: Kind, parent: Option<NodeId>, v: &NodeValues) -> NodeId {
        let id = to_u32(self.nodes.len());
        let (tag, extra) = match (v.field, v.style, v.bullet) {
            (Some(f), _, _) => (f as u8, NONE),
            (_, Some(s), _) => (s as u8, NONE),
            (_, _, Some(b)) => (0, b as u32),
            _ => (0, NONE),
        };
        self.nodes.push(Node {
            kind,
            tag,
            parent: parent.map_or(NONE, |p| p.0),
            end: id + 1,
            norm: [to_u32(v.norm.0), to_u32(v.norm.1)],
            own: [to_u32(v.own.0), to_u32(v.own.1)],
            span: [to_u32(v.span.start), to_u32(v.span.end)],
            line: to_u32(v.line),
            number: v.number.unwrap_or(NONE),
            label: v.label.map_or([NONE; 2], |(s, e)| [to_u32(s), to_u32(e)]),
            extra,
        });
        NodeId(id)
    }

    /// Attaches clause data to a clause node just opened.
    pub fn set_clause(&mut self, id: NodeId, c: ClauseValues) {
        let runs_at = to_u32(self.runs.len());
        self.runs
            .extend(c.runs.iter().map(|&(s, e)| [to_u32(s), to_u32(e)]));
        let addressees = c.addressees.map(|a| {
            let at = to_u32(self.addressees.len());
            self.addressees.extend(a.iter().copied());
            [at, to_u32(a.len())]
        });
        let index = to_u32(self.clauses.len());
        self.clauses.push(ClauseData {
            form: c.form,
            runs: [runs_at, to_u32(c.runs.len())],
            addressees,
            misspelt: c.misspelt,
            subject: c.subject.map(|(s, e)| [to_u32(s), to_u32(e)]),
        });
        if let Some(n) = self.nodes.get_mut(id.0 as usize) {
            n.extra = index;
        }
    }

    /// Closes a node: its subtree is every node opened since.
    pub fn close(&mut self, id: NodeId) {
        let end = to_u32(self.nodes.len());
        if let Some(n) = self.nodes.get_mut(id.0 as usize) {
            n.end = end;
        }
    }

    /// Gives back the spare capacity of the arena once it is built (the
    /// vectors grew by doubling).
    /// Room for `nodes` more nodes.
    pub fn reserve(&mut self, nodes: usize) {
        self.nodes.reserve_exact(nodes);
    }

    pub fn shrink_to_fit(&mut self) {
        self.nodes.shrink_to_fit();
        self.clauses.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.addressees.shrink_to_fit();
    }

    /// The node `id` with the normalised text it points into.
    pub fn get<'t>(&'t self, text: &'t str, id: NodeId) -> NodeRef<'t> {
        NodeRef {
            tree: self,
            text,
            id,
        }
    }
}

/// A node with its tree and the normalised text: what every later stage reads.
#[derive(Clone, Copy)]
pub struct NodeRef<'t> {
    tree: &'t Tree,
    text: &'t str,
    id: NodeId,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} @{} {:?}",
            self.kind().as_str(),
            self.line(),
            self.norm()
        )
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.id == other.id
    }
}

fn range(r: [u32; 2]) -> (usize, usize) {
    (r[0] as usize, r[1] as usize)
}

impl<'t> NodeRef<'t> {
    #[expect(
        clippy::indexing_slicing,
        reason = "ids are only made for a tree's own nodes: the root NodeId(0) of a \
                  built tree (parse::tree::build opens the document node first), \
                  parent links (an earlier node), and ids below a node's `end`, \
                  which Tree::close sets to the node count at that time"
    )]
    fn node(&self) -> &'t Node {
        &self.tree.nodes[self.id.0 as usize]
    }

    fn at(&self, id: u32) -> NodeRef<'t> {
        NodeRef {
            tree: self.tree,
            text: self.text,
            id: NodeId(id),
        }
    }

    fn slice(&self, (s, e): (usize, usize)) -> &'t str {
        let s = s.min(self.text.len());
        self.text.get(s..e.clamp(s, self.text.len())).unwrap_or("")
    }

    pub fn id(&self) -> NodeId {
        self.id
    }

    pub fn kind(&self) -> Kind {
        self.node().kind
    }

    pub fn span(&self) -> Span {
        let (start, end) = range(self.node().span);
        Span { start, end }
    }

    pub fn line(&self) -> usize {
        self.node().line as usize
    }

    /// Range in the normalised text (the node and all its children).
    pub fn norm(&self) -> (usize, usize) {
        range(self.node().norm)
    }

    /// Range of the node's own text in the normalised text (without nested
    /// lists or sub-points, and after its label): where its clauses and
    /// references are found.
    pub fn own(&self) -> (usize, usize) {
        range(self.node().own)
    }

    /// A point's label (`12. `): the text before its own text.
    pub fn label_text(&self) -> &'t str {
        self.slice((self.norm().0, self.own().0))
    }

    pub fn text(&self) -> &'t str {
        self.slice(self.own())
    }

    /// Point, footnote or footnote reference number; Roman heading value.
    pub fn number(&self) -> Option<u32> {
        Some(self.node().number).filter(|&n| n != NONE)
    }

    /// Sub-point or letter label (`a`, `ii`, `A`), section label, header field name.
    pub fn label(&self) -> Option<&'t str> {
        let l = self.node().label;
        (l[0] != NONE).then(|| self.slice(range(l)))
    }

    pub fn field(&self) -> Option<HeaderField> {
        (self.kind() == Kind::HeaderLine)
            .then(|| HeaderField::ALL.get(self.node().tag as usize).copied())
            .flatten()
    }

    pub fn bullet(&self) -> Option<char> {
        (self.kind() == Kind::ListItem)
            .then(|| char::from_u32(self.node().extra))
            .flatten()
    }

    pub fn style(&self) -> Option<RefStyle> {
        (self.kind() == Kind::FootnoteRef).then(|| RefStyle::from_index(self.node().tag))
    }

    /// Clause data, for clause nodes.
    pub fn clause(&self) -> Option<ClauseRef<'t>> {
        if self.kind() != Kind::Clause {
            return None;
        }
        let data = self.tree.clauses.get(self.node().extra as usize)?;
        Some(ClauseRef { node: *self, data })
    }

    pub fn parent(&self) -> Option<NodeRef<'t>> {
        let p = self.node().parent;
        (p != NONE).then(|| self.at(p))
    }

    /// Enclosing nodes, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'t>> {
        std::iter::successors(self.parent(), |p| p.parent())
    }

    /// Direct children, in document order.
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'t>> {
        let me = *self;
        let end = self.node().end;
        let mut next = self.id.0 + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let c = me.at(next);
                next = c.node().end;
                c
            })
        })
    }

    pub fn has_children(&self) -> bool {
        self.node().end > self.id.0 + 1
    }

    /// This node and every node below it, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'t>> {
        let me = *self;
        (self.id.0..self.node().end).map(move |i| me.at(i))
    }

    /// Number of nodes of `kind` in this subtree (this node included).
    pub fn count(&self, kind: Kind) -> usize {
        self.descendants().filter(|n| n.kind() == kind).count()
    }
}

/// A clause node with its data.
#[derive(Clone, Copy)]
pub struct ClauseRef<'t> {
    node: NodeRef<'t>,
    data: &'t ClauseData,
}

impl<'t> ClauseRef<'t> {
    pub fn form(&self) -> &'static VerbForm {
        self.data.form
    }

    /// The lexicon form the verb was matched to.
    pub fn lexicon_form(&self) -> &'static str {
        &self.data.form.form
    }

    pub fn function(&self) -> Function {
        self.data.form.function
    }

    pub fn role(&self) -> Role {
        self.data.form.role
    }

    /// The subject of a narrative clause, as written (`The Council`).
    pub fn subject(&self) -> Option<&'t str> {
        self.data.subject.map(|r| self.node.slice(range(r)))
    }

    /// The verb is a near miss of its lexicon form, not the form itself.
    pub fn misspelt(&self) -> bool {
        self.data.misspelt
    }

    /// The verb as written, runs joined by a space and blanks inside a run
    /// made single (`MOEDIGT AAN`).
    pub fn verb(&self) -> Cow<'t, str> {
        let [at, n] = self.data.runs;
        let runs = self
            .node
            .tree
            .runs
            .get(at as usize..(at + n) as usize)
            .unwrap_or(&[]);
        let texts = runs.iter().map(|&r| self.node.slice(range(r)));
        if let [r] = runs {
            let t = self.node.slice(range(*r));
            if !t.contains(char::is_whitespace) || t.split_whitespace().count() == 1 {
                return Cow::Borrowed(t.trim());
            }
        }
        Cow::Owned(
            texts
                .flat_map(str::split_whitespace)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// Who the clause is addressed to (`commission`, `member_states`), for
    /// verbs whose function takes addressees.
    pub fn addressees(&self) -> Option<&'t [&'static str]> {
        let [at, n] = self.data.addressees?;
        self.node
            .tree
            .addressees
            .get(at as usize..(at + n) as usize)
    }
}

impl Serialize for NodeRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind())?;
        m.serialize_entry("span", &self.span())?;
        m.serialize_entry("line", &self.line())?;
        if self.kind() == Kind::Document {
            m.serialize_entry("language", self.tree.language)?;
            if let Some(k) = self.tree.document_kind {
                m.serialize_entry("document_kind", &k)?;
            }
        }
        if let Some(n) = self.number() {
            m.serialize_entry("number", &n)?;
        }
        if let Some(l) = self.label() {
            m.serialize_entry("label", l)?;
        }
        if let Some(f) = self.field() {
            m.serialize_entry("field", &f)?;
        }
        if let Some(b) = self.bullet() {
            m.serialize_entry("bullet", &b)?;
        }
        if let Some(c) = self.clause() {
            m.serialize_entry("verb", &c.verb())?;
            if let Some(s) = c.subject() {
                m.serialize_entry("subject", s)?;
            }
            m.serialize_entry("lexicon_form", c.lexicon_form())?;
            m.serialize_entry("function", &c.function())?;
            m.serialize_entry("role", &c.role())?;
            if let Some(a) = c.addressees() {
                m.serialize_entry("addressees", a)?;
            }
            if c.misspelt() {
                m.serialize_entry("misspelt", &true)?;
            }
        }
        if let Some(st) = self.style() {
            m.serialize_entry("style", &st)?;
        }
        if self.kind().shows_text() {
            m.serialize_entry("text", self.text())?;
        }
        if self.has_children() {
            m.serialize_entry("children", &Children(*self))?;
        }
        m.end()
    }
}

struct Children<'t>(NodeRef<'t>);

impl Serialize for Children<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.children())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_is_small() {
        assert!(std::mem::size_of::<Node>() <= 56);
    }

    #[test]
    fn children_and_ancestors_follow_the_preorder_layout() {
        let mut t = Tree::new("en", DocKind::Other);
        let v = NodeValues::default();
        let root = t.open(Kind::Document, None, &v);
        let a = t.open(Kind::Paragraph, Some(root), &v);
        let a1 = t.open(Kind::List, Some(a), &v);
        t.close(a1);
        t.close(a);
        let b = t.open(Kind::Heading, Some(root), &v);
        t.close(b);
        t.close(root);
        let r = t.get("", root);
        let kinds: Vec<Kind> = r.children().map(|c| c.kind()).collect();
        assert_eq!(kinds, [Kind::Paragraph, Kind::Heading]);
        let list = t.get("", a1);
        let up: Vec<Kind> = list.ancestors().map(|c| c.kind()).collect();
        assert_eq!(up, [Kind::Paragraph, Kind::Document]);
        assert_eq!(r.descendants().count(), 4);
        assert_eq!(r.count(Kind::List), 1);
    }
}
