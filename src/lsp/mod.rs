//! `conclint lsp`: a language server over stdio that no input can stop.
//!
//! Full-document sync; diagnostics after open, change (debounced) and save;
//! code actions for every fix and a `source.fixAll.conclint` action; hover
//! on a clause verb; document symbols for the outline. Positions are UTF-16.
//!
//! Three kinds of thread: one reads stdin (bounded frames, [`framing`]) and
//! classifies each body ([`message`]); the message loop (here) keeps the
//! open documents and the lifecycle and is the only writer of stdout; each
//! analysis runs on a thread of its own ([`jobs`]), so a slow document never
//! holds up requests about other documents. A request whose document is
//! still being analysed waits as a pending request, answered when the
//! analysis arrives, cancelled by `$/cancelRequest` (RequestCancelled), or
//! failed (RequestFailed) once the per-document time budget has passed.
//!
//! Lifecycle as the LSP specification says: before `initialize`, requests
//! get ServerNotInitialized and notifications are dropped; after `shutdown`,
//! requests get InvalidRequest; `exit` ends with 0 after `shutdown` and 1
//! without (the end of stdin counts as an `exit`).
//!
//! Each open document keeps one [`Analysis`] of its current text, shared by
//! diagnostics, code actions, hover and symbols, so all four agree. For
//! tests, the request `conclint/analysisCount` answers how many analyses the
//! server has started, and [`jobs::TEST_DELAY_VAR`] slows analyses down.

mod analysis;
mod convert;
mod documents;
mod features;
pub mod framing;
mod jobs;
pub mod message;
mod requests;
mod settings;
mod tree;

use analysis::Analysis;
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_types as lt;
use message::{code, Incoming};
use requests::{Pending, Query};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How long to wait after the last change before linting again, unless the
/// client sets `initializationOptions.debounceMs` (0: at once).
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);
/// How long a request may wait for its document's analysis, unless the
/// client sets `initializationOptions.analysisBudgetMs`.
const DEFAULT_BUDGET: Duration = Duration::from_secs(10);

/// What the message loop reacts to.
pub(crate) enum Event {
    Message(Incoming),
    /// stdin ended (or failed).
    Eof,
    /// An analysis finished (`Err`: it panicked).
    Analysed {
        uri: String,
        generation: u64,
        result: Result<Box<Analysis>, String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lifecycle {
    Uninitialized,
    Running,
    ShutDown,
}

struct Open {
    text: String,
    version: i32,
    /// Counts changes of the text (or of its configuration): an analysis
    /// made for an older generation is discarded.
    generation: u64,
    /// Changed since diagnostics were last published.
    dirty_since: Option<Instant>,
    /// Diagnostics are to be published when the analysis is ready.
    publish_wanted: bool,
    /// The analysis of `text`; `None` after a change until one arrives.
    analysis: Option<Analysis>,
    /// The generation an analysis thread is working on.
    job: Option<u64>,
}

/// Runs the server until `exit` or the end of stdin; the exit code.
pub fn run() -> Result<i32, Box<dyn std::error::Error + Send + Sync>> {
    let (tx, rx) = crossbeam_channel::unbounded();
    let reader = tx.clone();
    std::thread::Builder::new()
        .name("lsp-stdin".into())
        .spawn(move || jobs::read_stdin(&reader))?;
    let mut server = Server::new(tx, io::stdout().lock());
    Ok(server.main_loop(&rx)?)
}

struct Server<W: Write> {
    out: W,
    /// Where analysis threads send their results.
    events: Sender<Event>,
    state: Lifecycle,
    docs: HashMap<String, Open>,
    pending: Vec<Pending>,
    settings: settings::Settings,
    budget: Duration,
    debounce: Duration,
    /// Analyses started so far (answered to `conclint/analysisCount`).
    analyses: usize,
}

impl<W: Write> Server<W> {
    fn new(events: Sender<Event>, out: W) -> Self {
        Server {
            out,
            events,
            state: Lifecycle::Uninitialized,
            docs: HashMap::new(),
            pending: Vec::new(),
            settings: settings::Settings::default(),
            budget: DEFAULT_BUDGET,
            debounce: DEFAULT_DEBOUNCE,
            analyses: 0,
        }
    }

    fn main_loop(&mut self, rx: &Receiver<Event>) -> io::Result<i32> {
        loop {
            let wait = self.next_wakeup().map_or(Duration::from_secs(3600), |t| {
                t.saturating_duration_since(Instant::now())
            });
            match rx.recv_timeout(wait) {
                Ok(Event::Message(m)) => {
                    if let Some(code) = self.message(m)? {
                        return Ok(code);
                    }
                }
                Ok(Event::Analysed {
                    uri,
                    generation,
                    result,
                }) => self.analysed(&uri, generation, result)?,
                Ok(Event::Eof) | Err(RecvTimeoutError::Disconnected) => return Ok(self.exit_code()),
                Err(RecvTimeoutError::Timeout) => {}
            }
            self.publish_due()?;
            self.expire_pending()?;
        }
    }

    fn exit_code(&self) -> i32 {
        if self.state == Lifecycle::ShutDown {
            0
        } else {
            1
        }
    }

    /// The next time something is due: a debounced publish or a deadline.
    fn next_wakeup(&self) -> Option<Instant> {
        let debounced = self
            .docs
            .values()
            .filter_map(|d| d.dirty_since.map(|t| t + self.debounce));
        let deadlines = self.pending.iter().map(|p| p.deadline);
        debounced.chain(deadlines).min()
    }

    fn send(&mut self, msg: &Value) -> io::Result<()> {
        framing::write_frame(&mut self.out, msg.to_string().as_bytes())
    }

    fn reply(&mut self, id: Value, result: Result<Value, requests::Failure>) -> io::Result<()> {
        match result {
            Ok(v) => self.send(&message::ok(id, v)),
            Err((c, msg)) => self.send(&message::error(id, c, msg)),
        }
    }

    /// One message; `Some(code)` when the server is to exit.
    fn message(&mut self, m: Incoming) -> io::Result<Option<i32>> {
        match m {
            Incoming::Invalid { id, code, message } => {
                self.send(&message::error(id, code, message))?
            }
            Incoming::Response => {}
            Incoming::Notification { method, .. } if method == "exit" => {
                return Ok(Some(self.exit_code()))
            }
            Incoming::Notification { method, params } => {
                if self.state == Lifecycle::Running {
                    self.notification(&method, params)?;
                }
            }
            Incoming::Request { id, method, params } => {
                let not = |c: i64, m: &str| Err((c, m.to_string()));
                let result = match (self.state, method.as_str()) {
                    (Lifecycle::Uninitialized, "initialize") => {
                        self.state = Lifecycle::Running;
                        Ok(self.initialize(&params))
                    }
                    (Lifecycle::Uninitialized, _) => {
                        not(code::SERVER_NOT_INITIALIZED, "initialize first")
                    }
                    (Lifecycle::ShutDown, _) => {
                        not(code::INVALID_REQUEST, "the server is shut down")
                    }
                    (Lifecycle::Running, "initialize") => {
                        not(code::INVALID_REQUEST, "already initialized")
                    }
                    (Lifecycle::Running, "shutdown") => {
                        self.state = Lifecycle::ShutDown;
                        Ok(Value::Null)
                    }
                    (Lifecycle::Running, _) => {
                        return self.request(id, &method, params).map(|_| None)
                    }
                };
                self.reply(id, result)?;
            }
        }
        Ok(None)
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let option = |name: &str| {
            params
                .get("initializationOptions")
                .and_then(|o| o.get(name))
                .and_then(Value::as_u64)
        };
        if let Some(ms) = option("analysisBudgetMs") {
            self.budget = Duration::from_millis(ms.clamp(1, 3_600_000));
        }
        if let Some(ms) = option("debounceMs") {
            self.debounce = Duration::from_millis(ms.min(10_000));
        }
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
                        lt::CodeActionKind::from(features::FIX_ALL),
                    ]),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
            document_symbol_provider: Some(lt::OneOf::Left(true)),
            position_encoding: Some(lt::PositionEncodingKind::UTF16),
            ..Default::default()
        };
        json!({
            "capabilities": caps,
            "serverInfo": { "name": "conclint", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    fn request(&mut self, id: Value, method: &str, params: Value) -> io::Result<()> {
        if method == "conclint/analysisCount" {
            return self.reply(id, Ok(json!(self.analyses)));
        }
        let query = match Query::parse(method, params) {
            Ok(Some(q)) => q,
            Ok(None) => {
                let msg = format!("unsupported method {method}");
                return self.reply(id, Err((code::METHOD_NOT_FOUND, msg)));
            }
            Err(e) => return self.reply(id, Err(e)),
        };
        let uri = query.uri().to_string();
        match self.docs.get(&uri) {
            None => self.reply(id, query.answer(None)),
            Some(Open {
                analysis: Some(a), ..
            }) => {
                let answer = query.answer(Some(a));
                self.reply(id, answer)
            }
            Some(_) => {
                self.pending.push(Pending {
                    id,
                    uri: uri.clone(),
                    query,
                    deadline: Instant::now() + self.budget,
                });
                self.want(&uri)
            }
        }
    }
}
