//! The threads beside the message loop: the stdin reader, and one thread
//! per analysis (parsing a large document takes long; the loop must not
//! wait for it).

use super::analysis::Analysis;
use super::framing::{Frame, FrameReader};
use super::message::{self, code, Incoming};
use super::settings::Stamp;
use super::Event;
use crate::lint::config::Config;
use crossbeam_channel::Sender;
use std::time::Duration;

/// For tests only: `CONCLINT_LSP_TEST_DELAY=<text>=<ms>` makes every
/// analysis of a document whose URI contains `<text>` sleep `<ms>` first,
/// to stand for a slow document (read at each analysis).
pub const TEST_DELAY_VAR: &str = "CONCLINT_LSP_TEST_DELAY";

/// Reads frames from stdin until it ends, passing each message (or the
/// error a bad frame is answered with) to the message loop.
pub fn read_stdin(events: &Sender<Event>) {
    let mut reader = FrameReader::new(std::io::stdin().lock());
    loop {
        let event = match reader.next_frame() {
            Ok(Frame::Body(body)) => Event::Message(message::classify(&body)),
            Ok(Frame::Bad(why)) => Event::Message(Incoming::Invalid {
                id: serde_json::Value::Null,
                code: code::PARSE_ERROR,
                message: format!("bad frame: {why}"),
            }),
            Ok(Frame::Eof) | Err(_) => Event::Eof,
        };
        let end = matches!(event, Event::Eof);
        if events.send(event).is_err() || end {
            return;
        }
    }
}

/// What an analysis thread needs.
pub struct Job {
    pub uri: String,
    pub generation: u64,
    pub text: String,
    pub version: i32,
    pub config: Config,
    pub stamp: Stamp,
}

/// Runs an analysis on a thread of its own and sends the result back. A
/// panic in the analysis comes back as an error; if no thread can be
/// started, the analysis runs here.
pub fn spawn(job: Job, events: Sender<Event>) {
    let delay = test_delay(&job.uri);
    let run = move || {
        if let Some(d) = delay {
            std::thread::sleep(d);
        }
        let Job {
            uri,
            generation,
            text,
            version,
            config,
            stamp,
        } = job;
        let analyse = || Box::new(Analysis::new(text, version, &config, stamp));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse))
            .map_err(|_| format!("the analysis of {uri} failed"));
        let _ = events.send(Event::Analysed {
            uri,
            generation,
            result,
        });
    };
    let shared = std::sync::Arc::new(std::sync::Mutex::new(Some(run)));
    let in_thread = shared.clone();
    let started = std::thread::Builder::new()
        .name("lsp-analysis".into())
        .spawn(move || take_and_run(&in_thread));
    if started.is_err() {
        take_and_run(&shared);
    }
}

/// Runs the closure once, whichever side gets it.
fn take_and_run<F: FnOnce()>(slot: &std::sync::Mutex<Option<F>>) {
    let f = slot.lock().ok().and_then(|mut s| s.take());
    if let Some(f) = f {
        f();
    }
}

fn test_delay(uri: &str) -> Option<Duration> {
    let spec = std::env::var(TEST_DELAY_VAR).ok()?;
    let (needle, ms) = spec.rsplit_once('=')?;
    let ms: u64 = ms.parse().ok()?;
    uri.contains(needle).then(|| Duration::from_millis(ms))
}
