//! The answers to editor requests, computed from a document's [`Analysis`]
//! (never from its text, so that no request parses again).

use super::analysis::Analysis;
use super::convert::{diagnostic, offset, range};
use super::tree::{self, UnitKind};
use crate::lexicon::Language;
use lsp_types as lt;
use std::collections::HashMap;

/// The kind of the action that applies every fix in the document.
pub const FIX_ALL: &str = "source.fixAll.conclint";

/// A quick fix for every finding with a fix that touches `r`, and one
/// `source.fixAll.conclint` action with all the document's fixes, each as
/// the client's `only` filter allows.
pub fn code_actions(
    a: &Analysis,
    uri: &lt::Uri,
    r: lt::Range,
    context: &lt::CodeActionContext,
) -> Vec<lt::CodeAction> {
    // `only` lists kinds or their parents (`source`, `source.fixAll`).
    let wanted = |kind: &str| {
        context.only.as_ref().is_none_or(|only| {
            only.iter().any(|k| {
                let k = k.as_str();
                kind == k
                    || kind
                        .strip_prefix(k)
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let mut out = Vec::new();
    if wanted(lt::CodeActionKind::QUICKFIX.as_str()) {
        out.extend(quick_fixes(a, uri, r));
    }
    if wanted(FIX_ALL) {
        out.extend(fix_all(a, uri));
    }
    out
}

fn quick_fixes(a: &Analysis, uri: &lt::Uri, r: lt::Range) -> Vec<lt::CodeAction> {
    let doc = &a.doc;
    let start = offset(doc, r.start);
    let end = offset(doc, r.end);
    a.findings
        .iter()
        .filter(|f| f.start <= end && start <= f.end)
        .filter_map(|f| {
            let fix = f.fix.as_ref()?;
            let edit = lt::TextEdit {
                range: range(doc, fix.start, fix.end),
                new_text: fix.replacement.clone(),
            };
            Some(lt::CodeAction {
                title: f.help.clone().unwrap_or_else(|| format!("fix {}", f.rule)),
                kind: Some(lt::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(doc, f)]),
                edit: Some(edit_of(uri, vec![edit])),
                is_preferred: Some(true),
                ..Default::default()
            })
        })
        .collect()
}

/// Every fix of the document at once, as one pass of `conclint lint --fix`
/// applies them: in order, a fix overlapping an earlier one left for later
/// (it is still a diagnostic after the edit).
fn fix_all(a: &Analysis, uri: &lt::Uri) -> Option<lt::CodeAction> {
    let doc = &a.doc;
    let mut fixes: Vec<_> = a.findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.start, f.end));
    let mut edits = Vec::new();
    let mut pos = 0;
    for f in fixes {
        if f.start < pos || f.end > doc.source.len() {
            continue;
        }
        edits.push(lt::TextEdit {
            range: range(doc, f.start, f.end),
            new_text: f.replacement.clone(),
        });
        pos = f.end;
    }
    if edits.is_empty() {
        return None;
    }
    Some(lt::CodeAction {
        title: format!("conclint: fix all ({})", edits.len()),
        kind: Some(lt::CodeActionKind::from(FIX_ALL)),
        edit: Some(edit_of(uri, edits)),
        ..Default::default()
    })
}

#[allow(
    clippy::mutable_key_type,
    reason = "`WorkspaceEdit::changes` is keyed by lsp-types' `Uri`, whose cached \
              parse makes some clippy versions call it a mutable key; the type is not \
              ours to choose"
)]
fn edit_of(uri: &lt::Uri, edits: Vec<lt::TextEdit>) -> lt::WorkspaceEdit {
    lt::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// On a clause verb: its function and role, and the forms of the same
/// function in every language of the lexicon.
pub fn hover(a: &Analysis, pos: lt::Position) -> Option<lt::Hover> {
    let clause = tree::clause_at(&a.doc, offset(&a.doc, pos))?;
    let mut md = format!(
        "**{}** — `{}` ({})\n\nlexicon form: `{}`\n\n",
        clause.verb,
        clause.function.as_str(),
        clause.role.as_str(),
        clause.lexicon_form
    );
    for lang in Language::all() {
        let forms: Vec<&str> = lang
            .verbs
            .iter()
            .filter(|v| v.function == clause.function && v.role == clause.role)
            .map(|v| v.form.as_str())
            .take(4)
            .collect();
        if !forms.is_empty() {
            md.push_str(&format!("- {}: {}\n", lang.code, forms.join(", ")));
        }
    }
    Some(lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value: md,
        }),
        range: Some(range(&a.doc, clause.start, clause.end)),
    })
}

/// The outline: title, headings with the units under them, recitals,
/// paragraphs, points, transitions.
#[expect(deprecated, reason = "DocumentSymbol::deprecated is a required field")]
pub fn symbols(a: &Analysis) -> Vec<lt::DocumentSymbol> {
    let doc = &a.doc;
    let mut out: Vec<lt::DocumentSymbol> = Vec::new();
    for u in tree::units(doc) {
        let kind = match u.kind {
            UnitKind::Title => lt::SymbolKind::FILE,
            UnitKind::Heading => lt::SymbolKind::NAMESPACE,
            UnitKind::Recital => lt::SymbolKind::FIELD,
            UnitKind::Paragraph | UnitKind::Point => lt::SymbolKind::METHOD,
            UnitKind::Transition => lt::SymbolKind::OPERATOR,
        };
        let sym = lt::DocumentSymbol {
            name: u.name,
            detail: None,
            kind,
            tags: None,
            deprecated: None,
            range: range(doc, u.start, u.end),
            selection_range: range(doc, u.start, u.start),
            children: None,
        };
        // Units go under the heading that precedes them.
        match out.last_mut() {
            Some(h)
                if h.kind == lt::SymbolKind::NAMESPACE
                    && !matches!(u.kind, UnitKind::Heading | UnitKind::Title) =>
            {
                h.range.end = sym.range.end;
                h.children.get_or_insert_with(Vec::new).push(sym);
            }
            _ => out.push(sym),
        }
    }
    out
}
