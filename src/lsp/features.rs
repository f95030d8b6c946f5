//! The answers to editor requests, computed from a document's [`Analysis`]
//! (never from its text, so that no request parses again).

use super::analysis::Analysis;
use super::convert::{diagnostic, offset, range};
use super::tree::{self, UnitKind};
use crate::lexicon::Language;
use lsp_types as lt;
use std::collections::HashMap;

/// The kind of the "fix all" action (`editor.codeActionsOnSave` in VS Code).
pub const FIX_ALL: &str = "source.fixAll.conclint";

/// Whether the client asked only for kinds that exclude `kind` (`only` lists
/// kinds and their parents: `source` covers `source.fixAll.conclint`).
fn wanted(only: Option<&Vec<lt::CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|k| {
            let k = k.as_str();
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// Quick fixes for the findings touching `r`, and one "fix all" action with
/// every fix that does not overlap an earlier one (as one `--fix` pass).
#[allow(clippy::mutable_key_type)] // see `quick_fixes`
pub fn code_actions(
    a: &Analysis,
    uri: &lt::Uri,
    r: lt::Range,
    only: Option<&Vec<lt::CodeActionKind>>,
) -> Vec<lt::CodeAction> {
    let mut out = Vec::new();
    if wanted(only, "quickfix") {
        out.extend(quick_fixes(a, uri, r));
    }
    if wanted(only, FIX_ALL) {
        let mut fixes: Vec<&crate::lint::Fix> =
            a.findings.iter().filter_map(|f| f.fix.as_ref()).collect();
        fixes.sort_by_key(|f| (f.start, f.end));
        let mut edits = Vec::new();
        let mut pos = 0;
        for fix in fixes {
            if fix.start < pos {
                continue; // overlaps: left for the next "fix all", as --fix does
            }
            pos = fix.end;
            edits.push(lt::TextEdit {
                range: range(&a.doc, fix.start, fix.end),
                new_text: fix.replacement.clone(),
            });
        }
        if !edits.is_empty() {
            let n = edits.len();
            out.push(lt::CodeAction {
                title: format!(
                    "conclint: fix all ({n} fix{})",
                    if n == 1 { "" } else { "es" }
                ),
                kind: Some(lt::CodeActionKind::new(FIX_ALL)),
                edit: Some(lt::WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..Default::default()
                }),
                ..Default::default()
            });
        }
    }
    out
}

/// A quick fix for every finding with a fix that touches `r`.
// `WorkspaceEdit::changes` is keyed by lsp-types' `Uri`, whose cached
// parse makes clippy call it a mutable key; the type is not ours to choose.
#[allow(clippy::mutable_key_type)]
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
            let changes = HashMap::from([(uri.clone(), vec![edit])]);
            Some(lt::CodeAction {
                title: f.help.clone().unwrap_or_else(|| format!("fix {}", f.rule)),
                kind: Some(lt::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(doc, f)]),
                edit: Some(lt::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            })
        })
        .collect()
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
#[allow(deprecated)] // DocumentSymbol::deprecated is a required field
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
