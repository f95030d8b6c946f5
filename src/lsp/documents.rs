//! The open documents: their notifications, when they are analysed, and
//! when their diagnostics and their waiting requests are answered.

use super::message::{self, code};
use super::{convert, jobs, Analysis, Event, Open, Server};
use lsp_types as lt;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::time::Instant;

/// `window/showMessage` types.
const MESSAGE_ERROR: u8 = 1;

impl<W: Write> Server<W> {
    pub(super) fn notification(&mut self, method: &str, params: Value) -> io::Result<()> {
        match method {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.fail_pending(&uri, code::CONTENT_MODIFIED, "the document was reopened")?;
                    let open = Open {
                        text: p.text_document.text,
                        version: p.text_document.version,
                        generation: 0,
                        dirty_since: None,
                        publish_wanted: false,
                        analysis: None,
                        job: None,
                    };
                    // A job for the document as it was before is discarded.
                    let generation = self.docs.get(&uri).map_or(0, |d| d.generation + 1);
                    self.docs.insert(uri.clone(), Open { generation, ..open });
                    self.publish(&uri)?;
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    let Some(doc) = self.docs.get_mut(&uri) else {
                        return Ok(());
                    };
                    let Some(change) = p.content_changes.into_iter().last() else {
                        return Ok(());
                    };
                    doc.text = change.text;
                    doc.version = p.text_document.version;
                    doc.dirty_since = Some(Instant::now());
                    doc.publish_wanted = false; // until the change settles
                    Self::invalidate(doc);
                    self.fail_pending(&uri, code::CONTENT_MODIFIED, "the document changed")?;
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<lt::DidSaveTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    let Some(doc) = self.docs.get_mut(&uri) else {
                        return Ok(());
                    };
                    if let Some(text) = p.text.filter(|t| *t != doc.text) {
                        doc.text = text;
                        Self::invalidate(doc);
                    }
                    // A save is when the user expects a fresh lint: the
                    // version may be the same, the configuration not.
                    if doc
                        .analysis
                        .as_ref()
                        .is_some_and(|a| !a.config_unchanged(&uri))
                    {
                        Self::invalidate(doc);
                    }
                    self.publish(&uri)?;
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lt::DidCloseTextDocumentParams>(params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.docs.remove(&uri);
                    self.answer_pending(&uri)?;
                    self.send_diagnostics(&uri, Vec::new(), None)?;
                }
            }
            "$/cancelRequest" => {
                if let Ok(p) = serde_json::from_value::<lt::CancelParams>(params) {
                    let id = serde_json::to_value(p.id).unwrap_or_default();
                    if let Some(i) = self.pending.iter().position(|q| q.id == id) {
                        let q = self.pending.swap_remove(i);
                        self.send(&message::error(q.id, code::REQUEST_CANCELLED, "cancelled"))?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The text or its configuration changed: the analysis is out of date.
    fn invalidate(doc: &mut Open) {
        doc.analysis = None;
        doc.generation += 1;
    }

    /// Publishes diagnostics of documents whose last change has settled.
    pub(super) fn publish_due(&mut self) -> io::Result<()> {
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty_since.is_some_and(|t| t.elapsed() >= self.debounce))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.publish(&uri)?;
        }
        Ok(())
    }

    /// Publishes a document's diagnostics now if its analysis is ready, else
    /// when it arrives.
    fn publish(&mut self, uri: &str) -> io::Result<()> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        open.dirty_since = None;
        open.publish_wanted = true;
        if open.analysis.is_some() {
            self.send_published(uri)
        } else {
            self.want(uri)
        }
    }

    fn send_published(&mut self, uri: &str) -> io::Result<()> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        let Some(a) = open.analysis.as_ref() else {
            return Ok(());
        };
        open.publish_wanted = false;
        let diags = a
            .findings
            .iter()
            .map(|f| convert::diagnostic(&a.doc, f))
            .collect();
        let version = Some(a.version);
        self.send_diagnostics(uri, diags, version)
    }

    fn send_diagnostics(
        &mut self,
        uri: &str,
        diagnostics: Vec<lt::Diagnostic>,
        version: Option<i32>,
    ) -> io::Result<()> {
        let params = json!({ "uri": uri, "diagnostics": diagnostics, "version": version });
        self.send(&message::notification(
            "textDocument/publishDiagnostics",
            params,
        ))
    }

    /// Starts an analysis of a document's current text unless one is ready
    /// or running. One thread per document at most: a newer text waits for
    /// the running analysis to end and is then analysed in turn.
    pub(super) fn want(&mut self, uri: &str) -> io::Result<()> {
        let Some(open) = self.docs.get(uri) else {
            return Ok(());
        };
        if open.analysis.is_some() || open.job.is_some() {
            return Ok(());
        }
        let resolved = self.settings.resolve(uri);
        if let Some(error) = resolved.error {
            let params = json!({ "type": MESSAGE_ERROR, "message": format!("conclint: {error}") });
            self.send(&message::notification("window/showMessage", params))?;
        }
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        open.job = Some(open.generation);
        self.analyses += 1;
        let job = jobs::Job {
            uri: uri.to_string(),
            generation: open.generation,
            text: open.text.clone(),
            version: open.version,
            config: resolved.config,
            stamp: resolved.stamp,
        };
        jobs::spawn(job, self.events.clone());
        Ok(())
    }

    /// An analysis arrived: keep it if it is of the current text, answer
    /// what waits for it, and start the next one if the text moved on.
    pub(super) fn analysed(
        &mut self,
        uri: &str,
        generation: u64,
        result: Result<Box<Analysis>, String>,
    ) -> io::Result<()> {
        let Some(open) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        if open.job == Some(generation) {
            open.job = None;
        }
        if generation != open.generation {
            let needed = open.publish_wanted || self.pending.iter().any(|p| p.uri == uri);
            return if needed { self.want(uri) } else { Ok(()) };
        }
        match result {
            Ok(a) => {
                open.analysis = Some(*a);
                let publish = open.publish_wanted;
                self.answer_pending(uri)?;
                if publish {
                    self.send_published(uri)?;
                }
                Ok(())
            }
            Err(why) => {
                open.publish_wanted = false;
                self.fail_pending(uri, code::INTERNAL_ERROR, &why)
            }
        }
    }

    /// Answers the requests waiting for a document (from its analysis, or
    /// as for a document that is not open).
    fn answer_pending(&mut self, uri: &str) -> io::Result<()> {
        let (ready, rest) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.uri == uri);
        self.pending = rest;
        for p in ready {
            let a = self.docs.get(uri).and_then(|d| d.analysis.as_ref());
            let answer = p.query.answer(a);
            self.reply(p.id, answer)?;
        }
        Ok(())
    }

    fn fail_pending(&mut self, uri: &str, code: i64, why: &str) -> io::Result<()> {
        let (failed, rest) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.uri == uri);
        self.pending = rest;
        for p in failed {
            self.send(&message::error(p.id, code, why))?;
        }
        Ok(())
    }

    /// Requests past the time budget get RequestFailed; their analysis goes
    /// on and serves the requests that come after it.
    pub(super) fn expire_pending(&mut self) -> io::Result<()> {
        let now = Instant::now();
        let (late, rest) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.deadline <= now);
        self.pending = rest;
        for p in late {
            let why = format!(
                "the analysis of {} is taking longer than {} ms",
                p.uri,
                self.budget.as_millis()
            );
            self.send(&message::error(p.id, code::REQUEST_FAILED, why))?;
        }
        Ok(())
    }
}

// The message loop's state is only touched from its own thread; events are
// what crosses threads.
const _: fn() = || {
    fn is_send<T: Send>() {}
    is_send::<Event>();
};
