//! `conclint lsp`: a language server over stdio (lsp-server + lsp-types).
//!
//! Full-document sync; diagnostics after open, change (debounced) and save;
//! code actions for every fix; hover on a clause verb (its function and its
//! equivalents in the other languages of the lexicon); document symbols for
//! the outline. Positions are UTF-16, as LSP requires. A malformed request
//! gets an error response; the server keeps running.
//!
//! Each open document keeps one [`Analysis`] of its current version, made
//! when first needed after a change and shared by diagnostics, code actions,
//! hover and symbols, so all four agree (same configuration, same language)
//! and a request never parses again. A save analyses again only when the
//! text it carries differs or the `conclint.toml` that applies has changed.
//!
//! For tests, the request `conclint/analysisCount` answers how many analyses
//! the server has made since it started.

mod analysis;
mod convert;
mod features;
mod tree;

use analysis::{Analysis, Configs};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lt;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long to wait after the last change before linting again.
const DEBOUNCE: Duration = Duration::from_millis(150);

struct Open {
    text: String,
    version: i32,
    /// Changed since diagnostics were last published.
    dirty_since: Option<Instant>,
    /// The analysis of `text`; `None` after a change until something needs it.
    analysis: Option<Analysis>,
}

impl Open {
    fn new(text: String, version: i32) -> Open {
        Open {
            text,
            version,
            dirty_since: None,
            analysis: None,
        }
    }
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
        code_action_provider: Some(lt::CodeActionProviderCapability::Options(
            lt::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lt::CodeActionKind::QUICKFIX,
                    lt::CodeActionKind::new(features::FIX_ALL),
                ]),
                ..Default::default()
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        document_symbol_provider: Some(lt::OneOf::Left(true)),
        position_encoding: Some(lt::PositionEncodingKind::UTF16),
        ..Default::default()
    };
    connection.initialize(serde_json::to_value(caps)?)?;
    let mut server = Server {
        conn: &connection,
        docs: HashMap::new(),
        analyses: 0,
        configs: Configs::default(),
    };
    server.main_loop()?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

struct Server<'c> {
    conn: &'c Connection,
    docs: HashMap<String, Open>,
    /// Analyses made so far (answered to `conclint/analysisCount`).
    analyses: usize,
    configs: Configs,
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
            self.show_config_errors()?;
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
                    let open = Open::new(p.text_document.text, p.text_document.version);
                    self.docs.insert(uri.clone(), open);
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
                        doc.analysis = None;
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<lt::DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    if let Some(doc) = self.docs.get_mut(&uri) {
                        if let Some(text) = p.text.filter(|t| *t != doc.text) {
                            doc.text = text;
                            doc.analysis = None;
                        }
                        // A save is when the user expects a fresh lint: the
                        // version may be the same, the configuration not.
                        if !doc
                            .analysis
                            .as_ref()
                            .is_some_and(|a| a.config_unchanged(&uri))
                        {
                            doc.analysis = None;
                        }
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

    /// Tells the user of a broken `conclint.toml` (file, line and what is
    /// wrong), once per distinct error.
    fn show_config_errors(&mut self) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        for message in std::mem::take(&mut self.configs.to_show) {
            let params = lt::ShowMessageParams {
                typ: lt::MessageType::ERROR,
                message,
            };
            self.conn
                .sender
                .send(Message::Notification(Notification::new(
                    "window/showMessage".into(),
                    params,
                )))?;
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

    /// The analysis of a document's current text, made now if there is none.
    fn analysis(&mut self, uri: &str) -> Option<&Analysis> {
        let open = self.docs.get_mut(uri)?;
        if open.analysis.is_none() {
            self.analyses += 1;
            open.analysis = Some(Analysis::new(
                uri,
                &open.text,
                open.version,
                &mut self.configs,
            ));
        }
        open.analysis.as_ref()
    }

    fn publish(&mut self, uri: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        open.dirty_since = None;
        let Some(a) = self.analysis(uri) else {
            return Ok(());
        };
        let diags = a
            .findings
            .iter()
            .map(|f| convert::diagnostic(&a.doc, f))
            .collect();
        let version = a.version;
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
        let value = match req.method.as_str() {
            "textDocument/codeAction" => {
                let p: lt::CodeActionParams = serde_json::from_value(req.params).map_err(bad)?;
                let uri = &p.text_document.uri;
                let actions = self
                    .analysis(uri.as_str())
                    .map(|a| features::code_actions(a, uri, p.range, p.context.only.as_ref()))
                    .unwrap_or_default();
                serde_json::to_value(actions)
            }
            "textDocument/hover" => {
                let p: lt::HoverParams = serde_json::from_value(req.params).map_err(bad)?;
                let pos = p.text_document_position_params;
                let hover = self
                    .analysis(pos.text_document.uri.as_str())
                    .and_then(|a| features::hover(a, pos.position));
                serde_json::to_value(hover)
            }
            "textDocument/documentSymbol" => {
                let p: lt::DocumentSymbolParams =
                    serde_json::from_value(req.params).map_err(bad)?;
                let symbols = self
                    .analysis(p.text_document.uri.as_str())
                    .map(features::symbols)
                    .unwrap_or_default();
                serde_json::to_value(symbols)
            }
            "conclint/analysisCount" => serde_json::to_value(self.analyses),
            other => {
                return Err((
                    ErrorCode::MethodNotFound,
                    format!("unsupported method {other}"),
                ))
            }
        };
        Ok(value.unwrap_or_default())
    }
}
