//! `conclint lsp`: a language server over stdio (lsp-server + lsp-types).
//!
//! Full-document sync; diagnostics after open, change (debounced) and save;
//! code actions for every fix; hover on a clause verb (its function and its
//! equivalents in the other languages of the lexicon); document symbols for
//! the outline. Positions are UTF-16, as LSP requires. A malformed request
//! gets an error response; the server keeps running.

use crate::ast::Kind;
use crate::lexicon::Language;
use crate::lint::{self, config::Config, Finding, Severity};
use crate::parse::Document;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lt;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long to wait after the last change before linting again.
const DEBOUNCE: Duration = Duration::from_millis(150);

struct Open {
    text: String,
    version: i32,
    /// Changed since diagnostics were last published.
    dirty_since: Option<Instant>,
}

/// Runs the server until `exit`.
pub fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io_threads) = Connection::stdio();
    let caps = lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::FULL),
                save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(lt::OneOf::Left(true)),
        position_encoding: Some(lt::PositionEncodingKind::UTF16),
        ..Default::default()
    };
    connection.initialize(serde_json::to_value(caps)?)?;
    let mut server = Server {
        conn: &connection,
        docs: HashMap::new(),
    };
    server.main_loop()?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

struct Server<'c> {
    conn: &'c Connection,
    docs: HashMap<String, Open>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        loop {
            let timeout = if self.docs.values().any(|d| d.dirty_since.is_some()) {
                DEBOUNCE
            } else {
                Duration::from_secs(3600)
            };
            match self.conn.receiver.recv_timeout(timeout) {
                Ok(Message::Request(req)) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let resp = self.request(req);
                    self.conn.sender.send(Message::Response(resp))?;
                }
                Ok(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return Ok(());
                    }
                    self.notification(n)?;
                }
                Ok(Message::Response(_)) => {}
                Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => {}
                Err(_) => return Ok(()), // the client went away
            }
            self.publish_due()?;
        }
    }

    fn notification(
        &mut self,
        n: Notification,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.docs.insert(
                        uri.clone(),
                        Open {
                            text: p.text_document.text,
                            version: p.text_document.version,
                            dirty_since: None,
                        },
                    );
                    self.publish(&uri)?;
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    if let (Some(doc), Some(change)) = (
                        self.docs.get_mut(&uri),
                        p.content_changes.into_iter().last(),
                    ) {
                        doc.text = change.text;
                        doc.version = p.text_document.version;
                        doc.dirty_since = Some(Instant::now());
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<lt::DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    if let (Some(doc), Some(text)) = (self.docs.get_mut(&uri), p.text) {
                        doc.text = text;
                    }
                    self.publish(&uri)?;
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lt::DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.docs.remove(&uri);
                    self.send_diagnostics(&uri, Vec::new(), None)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Publishes diagnostics of documents whose last change has settled.
    fn publish_due(&mut self) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty_since.is_some_and(|t| t.elapsed() >= DEBOUNCE))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.publish(&uri)?;
        }
        Ok(())
    }

    fn publish(&mut self, uri: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        open.dirty_since = None;
        let version = open.version;
        let (doc, findings) = analyse(uri, &open.text);
        let diags = findings.iter().map(|f| diagnostic(&doc, f)).collect();
        self.send_diagnostics(uri, diags, Some(version))
    }

    fn send_diagnostics(
        &self,
        uri: &str,
        diagnostics: Vec<lt::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let params =
            serde_json::json!({ "uri": uri, "diagnostics": diagnostics, "version": version });
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                "textDocument/publishDiagnostics".into(),
                params,
            )))?;
        Ok(())
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(req)));
        match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, msg))) => Response::new_err(id, code as i32, msg),
            Err(_) => {
                Response::new_err(id, ErrorCode::InternalError as i32, "internal error".into())
            }
        }
    }

    fn dispatch(&mut self, req: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        match req.method.as_str() {
            "textDocument/codeAction" => {
                let p: lt::CodeActionParams = serde_json::from_value(req.params).map_err(bad)?;
                Ok(serde_json::to_value(self.code_actions(&p)).unwrap_or_default())
            }
            "textDocument/hover" => {
                let p: lt::HoverParams = serde_json::from_value(req.params).map_err(bad)?;
                Ok(serde_json::to_value(self.hover(&p)).unwrap_or_default())
            }
            "textDocument/documentSymbol" => {
                let p: lt::DocumentSymbolParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                Ok(serde_json::to_value(self.symbols(&p)).unwrap_or_default())
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("unsupported method {other}"),
            )),
        }
    }

    fn text_of(&self, uri: &lt::Uri) -> Option<&str> {
        self.docs.get(uri.as_str()).map(|d| d.text.as_str())
    }

    // `WorkspaceEdit::changes` is keyed by lsp-types' `Uri`, whose cached
    // parse makes clippy call it a mutable key; the type is not ours to choose.
    #[allow(clippy::mutable_key_type)]
    fn code_actions(&self, p: &lt::CodeActionParams) -> Vec<lt::CodeAction> {
        let Some(text) = self.text_of(&p.text_document.uri) else {
            return Vec::new();
        };
        let (doc, findings) = analyse(p.text_document.uri.as_str(), text);
        let start = offset(&doc, p.range.start);
        let end = offset(&doc, p.range.end);
        findings
            .iter()
            .filter(|f| f.fix.is_some() && f.start <= end && start <= f.end)
            .map(|f| {
                let fix = f.fix.as_ref().expect("filtered");
                let edit = lt::TextEdit {
                    range: range(&doc, fix.start, fix.end),
                    new_text: fix.replacement.clone(),
                };
                let mut changes = HashMap::new();
                changes.insert(p.text_document.uri.clone(), vec![edit]);
                lt::CodeAction {
                    title: f.help.clone().unwrap_or_else(|| format!("fix {}", f.rule)),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic(&doc, f)]),
                    edit: Some(lt::WorkspaceEdit {
                        changes: Some(changes),
                        ..Default::default()
                    }),
                    is_preferred: Some(true),
                    ..Default::default()
                }
            })
            .collect()
    }

    fn hover(&self, p: &lt::HoverParams) -> Option<lt::Hover> {
        let pos = &p.text_document_position_params;
        let text = self.text_of(&pos.text_document.uri)?;
        let doc = crate::parse::parse(text.to_string(), None);
        let at = offset(&doc, pos.position);
        let mut found = None;
        doc.root.walk(&mut |n, _| {
            if n.kind == Kind::Clause {
                let (s, e) = doc.original_span(n.own.0, n.own.1);
                if s <= at && at <= e {
                    found = Some((n.clone(), s, e));
                }
            }
        });
        let (clause, s, e) = found?;
        let function = clause.attrs.function?;
        let role = clause.attrs.role?;
        let mut md = format!(
            "**{}** — `{}` ({})\n\nlexicon form: `{}`\n\n",
            clause.attrs.verb.as_deref().unwrap_or(""),
            function.as_str(),
            role.as_str(),
            clause.attrs.lexicon_form.as_deref().unwrap_or("")
        );
        for lang in Language::all() {
            let forms: Vec<&str> = lang
                .verbs
                .iter()
                .filter(|v| v.function == function && v.role == role)
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
            range: Some(range(&doc, s, e)),
        })
    }

    #[allow(deprecated)] // DocumentSymbol::deprecated is a required field
    fn symbols(&self, p: &lt::DocumentSymbolParams) -> Vec<lt::DocumentSymbol> {
        let Some(text) = self.text_of(&p.text_document.uri) else {
            return Vec::new();
        };
        let doc = crate::parse::parse(text.to_string(), None);
        let mut out: Vec<lt::DocumentSymbol> = Vec::new();
        for n in &doc.root.children {
            let (kind, name) = match n.kind {
                Kind::Title => (
                    lt::SymbolKind::FILE,
                    n.attrs.text.clone().unwrap_or_default(),
                ),
                Kind::Heading => (
                    lt::SymbolKind::NAMESPACE,
                    n.attrs.text.clone().unwrap_or_default(),
                ),
                Kind::Recital => (lt::SymbolKind::FIELD, format!("recital: {}", first_verb(n))),
                Kind::Paragraph => (
                    lt::SymbolKind::METHOD,
                    format!("paragraph: {}", first_verb(n)),
                ),
                Kind::Point => (
                    lt::SymbolKind::METHOD,
                    format!("{}. {}", n.attrs.number.unwrap_or(0), first_verb(n)),
                ),
                Kind::Transition => (
                    lt::SymbolKind::OPERATOR,
                    n.attrs.text.clone().unwrap_or_default(),
                ),
                _ => continue,
            };
            let r = range(&doc, n.span.start, n.span.end);
            let sym = lt::DocumentSymbol {
                name: if name.trim().is_empty() {
                    n.kind.as_str().to_string()
                } else {
                    crate::render::outline::excerpt(&name)
                },
                detail: None,
                kind,
                tags: None,
                deprecated: None,
                range: r,
                selection_range: range(&doc, n.span.start, n.span.start),
                children: None,
            };
            // Units go under the heading that precedes them.
            match out.last_mut() {
                Some(h)
                    if h.kind == lt::SymbolKind::NAMESPACE
                        && kind != lt::SymbolKind::NAMESPACE
                        && kind != lt::SymbolKind::FILE =>
                {
                    h.range.end = sym.range.end;
                    h.children.get_or_insert_with(Vec::new).push(sym);
                }
                _ => out.push(sym),
            }
        }
        out
    }
}

fn first_verb(n: &crate::ast::Node) -> String {
    n.children
        .iter()
        .find(|c| c.kind == Kind::Clause)
        .and_then(|c| c.attrs.verb.clone())
        .unwrap_or_default()
}

/// The file path behind a `file://` URI (for finding `conclint.toml`).
fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

/// Parses and lints a document with the `conclint.toml` that applies to it.
fn analyse(uri: &str, text: &str) -> (Document, Vec<Finding>) {
    let dir = uri_path(uri)
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .or_else(|| std::env::current_dir().ok());
    let config = dir
        .and_then(|d| Config::discover(&d))
        .and_then(|p| Config::from_file(&p).ok())
        .unwrap_or_default();
    let lang = config.lang.as_deref().and_then(Language::get);
    let doc = crate::parse::parse(text.to_string(), lang);
    let findings = lint::lint(&doc, &config);
    (doc, findings)
}

fn diagnostic(doc: &Document, f: &Finding) -> lt::Diagnostic {
    lt::Diagnostic {
        range: range(doc, f.start, f.end),
        severity: Some(match f.severity {
            Severity::Error => lt::DiagnosticSeverity::ERROR,
            Severity::Warning => lt::DiagnosticSeverity::WARNING,
            Severity::Info => lt::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lt::NumberOrString::String(f.rule.to_string())),
        source: Some("conclint".into()),
        message: match &f.help {
            Some(h) => format!("{}\n{h}", f.message),
            None => f.message.clone(),
        },
        ..Default::default()
    }
}

/// An LSP position (UTF-16 code units) of a byte offset.
pub fn position(doc: &Document, offset: usize) -> lt::Position {
    let offset = crate::text::floor_char_boundary(&doc.source, offset.min(doc.source.len()));
    let line = doc.line_of(offset);
    let start = doc.line_start(line);
    let character: usize = doc.source[start..offset].chars().map(char::len_utf16).sum();
    lt::Position {
        line: (line - 1) as u32,
        character: character as u32,
    }
}

fn range(doc: &Document, start: usize, end: usize) -> lt::Range {
    lt::Range {
        start: position(doc, start),
        end: position(doc, end),
    }
}

/// The byte offset of an LSP position (clamped to the line and the text).
pub fn offset(doc: &Document, pos: lt::Position) -> usize {
    let line_start = doc.line_start(pos.line as usize + 1);
    let mut units = 0usize;
    for (i, c) in doc.source[line_start.min(doc.source.len())..].char_indices() {
        if units >= pos.character as usize || c == '\n' || c == '\r' {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    doc.source.len()
}
