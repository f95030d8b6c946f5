//! The classification view: every clause of a document, flattened, with its
//! function, role, enclosing point and addressees.

use crate::ast::Kind;
use crate::lexicon::{Function, Role};
use crate::parse::Document;
use serde::Serialize;

/// One classified clause.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseRow {
    pub line: usize,
    pub column: usize,
    pub role: Role,
    /// The verb as written, without its subject.
    pub verb: String,
    /// The narrative subject as written (`The Council`, `It`), when the
    /// clause is headed by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub function: Function,
    /// Number of the enclosing numbered point, if any.
    pub point: Option<u32>,
    pub in_list_item: bool,
    pub addressees: Vec<String>,
    /// The unit the clause stands in (`recital`, `paragraph`, `point`…).
    pub unit: Kind,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub misspelt: bool,
}

/// The output of `conclint classify`.
#[derive(Debug, Clone, Serialize)]
pub struct Classification {
    pub language: String,
    /// The cover note's language where it differs (see
    /// [`Document::cover_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover_language: Option<String>,
    pub kind: crate::ast::DocKind,
    pub clauses: Vec<ClauseRow>,
}

/// The clause that opens a recital (not one of a narrative subject).
fn heads_recital(clause: crate::ast::NodeRef) -> bool {
    clause.parent().is_some_and(|u| {
        u.kind() == Kind::Recital
            && u.children().find(|c| c.clause().is_some()).map(|c| c.id()) == Some(clause.id())
    }) && clause.clause().is_some_and(|c| c.subject().is_none())
}

/// Flattens the clauses of `doc`, in document order.
pub fn classify(doc: &Document) -> Classification {
    let mut clauses = Vec::new();
    for n in doc.nodes() {
        let Some(c) = n.clause() else {
            continue;
        };
        // A numbered point, or a numbered recital under a shared head.
        let point = n
            .ancestors()
            .find(|p| p.kind() == Kind::Point || p.kind() == Kind::Recital && p.number().is_some())
            .and_then(|p| p.number());
        let unit = n
            .ancestors()
            .find(|p| p.kind().is_unit())
            .map_or(Kind::Paragraph, |p| p.kind());
        clauses.push(ClauseRow {
            line: n.line(),
            column: doc.column_of(n.span().start),
            // Where recitals are headed by the finite verb, the form cannot
            // tell the role: the recital it heads does.
            role: if doc.language.conventions.finite_recitals && heads_recital(n) {
                Role::Preamble
            } else {
                c.role()
            },
            verb: c.verb().into_owned(),
            subject: c.subject().map(str::to_string),
            function: c.function(),
            point,
            in_list_item: n.ancestors().any(|p| p.kind() == Kind::ListItem),
            addressees: c
                .addressees()
                .unwrap_or_default()
                .iter()
                .map(|a| a.to_string())
                .collect(),
            unit,
            misspelt: c.misspelt(),
        });
    }
    Classification {
        language: doc.language.code.clone(),
        cover_language: doc.cover_language.map(str::to_string),
        kind: doc.kind,
        clauses,
    }
}
