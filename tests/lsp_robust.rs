//! The language server against hostile and careless clients: every kind of
//! malformed frame is answered and the next request still is, the lifecycle
//! follows the LSP specification, a slow analysis can be cancelled and does
//! not hold up other documents, a broken `conclint.toml` is reported.

mod common;
use common::apply_edits;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine, short enough to fail a hang.
const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_conclint"))
            .arg("lsp")
            .current_dir(std::env::temp_dir())
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("server starts");
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = std::sync::mpsc::channel();
        // A thread reads, so a test waits with a timeout instead of hanging.
        std::thread::spawn(move || loop {
            let mut len = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    len = v.parse().ok();
                }
            }
            let mut buf = vec![0; len.expect("the server sends Content-Length")];
            if stdout.read_exact(&mut buf).is_err() {
                return;
            }
            let msg = serde_json::from_slice(&buf).expect("the server sends JSON");
            if tx.send(msg).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    /// A started and initialized server.
    fn ready(env: &[(&str, &str)], options: Value) -> Client {
        let mut c = Client::start(env);
        let init = c.request(
            "initialize",
            json!({"capabilities": {}, "processId": null, "rootUri": null, "initializationOptions": options}),
        );
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_for(|m| m["id"] == json!(id))
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `pick` accepts (others are dropped).
    fn wait_for(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if pick(&m) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("no such message within {WAIT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server is gone"),
            }
        }
    }

    /// A normal request is answered: the server is alive and in sync.
    fn assert_alive(&mut self) {
        let r = self.request("conclint/analysisCount", Value::Null);
        assert!(r["result"].is_u64(), "{r}");
    }

    /// The exit code once stdin is closed (or after `exit`).
    fn exit_code(mut self) -> Option<i32> {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the server did not exit");
    }
}

fn error_code(m: &Value) -> i64 {
    m["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("an error: {m}"))
}

/// The next error answered with a null id (what a bad frame gets).
fn null_id_error(c: &mut Client) -> i64 {
    error_code(&c.wait_for(|m| m["id"].is_null() && m["error"].is_object()))
}

#[test]
fn every_malformed_frame_is_answered_and_the_next_request_too() {
    let mut c = Client::ready(&[], Value::Null);
    let body = r#"{"jsonrpc":"2.0","id":99,"method":"conclint/analysisCount"}"#;
    // Frames the reader cannot take: a ParseError each, then resynchronised.
    let frames: Vec<Vec<u8>> = vec![
        format!("Content-Length: 8000000000\r\n\r\n{body}").into_bytes(),
        format!("Content-Length: 1e12\r\n\r\n{body}").into_bytes(),
        format!("Content-Length: 18446744073709551615\r\n\r\n{body}").into_bytes(),
        format!("Content-Length: 99999999999999999999999\r\n\r\n{body}").into_bytes(),
        format!("Content-Length: -5\r\n\r\n{body}").into_bytes(),
        b"this is not a header\r\n".to_vec(),
        b"Content-Type: application/vscode-jsonrpc\r\n\r\n".to_vec(),
        vec![b'x'; 100_000],
        [
            b"Content-Length: 3\r\n".as_slice(),
            &[0xff; 5000],
            b"\r\n\r\n",
        ]
        .concat(),
    ];
    for frame in &frames {
        c.raw(frame);
        assert_eq!(
            null_id_error(&mut c),
            -32700,
            "{:?}",
            String::from_utf8_lossy(&frame[..40.min(frame.len())])
        );
        c.assert_alive();
    }
    // Whole frames whose bodies are not messages.
    let bodies: Vec<(&[u8], i64)> = vec![
        (b"{not json", -32700),
        (b"\xff\xfe\x00", -32700),
        (
            br#"{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"x":"\ud800"}}"#,
            -32700,
        ),
        (b"[1, 2]", -32600),
        (b"42", -32600),
        (br#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, -32600),
        (br#"{"jsonrpc":"1.0","method":"x"}"#, -32600),
        (br#"{"jsonrpc":"2.0"}"#, -32600),
        (&[b'['; 10_000], -32700),
    ];
    for (bad, code) in bodies {
        let mut frame = format!("Content-Length: {}\r\n\r\n", bad.len()).into_bytes();
        frame.extend_from_slice(bad);
        c.raw(&frame);
        assert_eq!(
            null_id_error(&mut c),
            code,
            "{:?}",
            String::from_utf8_lossy(bad)
        );
        c.assert_alive();
    }
    // A request the server does not know, and any id JSON allows.
    let r = c.request("no/suchMethod", json!({}));
    assert_eq!(error_code(&r), -32601);
    c.send(json!({"jsonrpc": "2.0", "id": 18446744073709551615u64, "method": "shutdown"}));
    let r = c.wait_for(|m| m["id"] == json!(18446744073709551615u64));
    assert!(r["error"].is_null() && r.get("result").is_some(), "{r}");
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(0));
}

#[test]
fn lifecycle_as_the_specification_says() {
    // Before `initialize`: requests are refused, notifications dropped.
    let mut c = Client::start(&[]);
    let r = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": "file:///a.txt"}}),
    );
    assert_eq!(error_code(&r), -32002);
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": "file:///a.txt", "languageId": "plaintext", "version": 1, "text": "x"}}));
    let init = c.request("initialize", json!({"capabilities": {}}));
    assert!(
        init["result"]["capabilities"]["codeActionProvider"].is_object(),
        "{init}"
    );
    // Messages before `initialized` are served.
    c.assert_alive();
    assert_eq!(
        c.request("conclint/analysisCount", Value::Null)["result"],
        0,
        "the early didOpen was dropped"
    );
    assert_eq!(
        error_code(&c.request("initialize", json!({"capabilities": {}}))),
        -32600
    );
    c.notify("initialized", json!({}));
    // After `shutdown`: requests are invalid; `exit` ends with 0.
    assert!(c.request("shutdown", Value::Null)["error"].is_null());
    assert_eq!(
        error_code(&c.request("conclint/analysisCount", Value::Null)),
        -32600
    );
    assert_eq!(error_code(&c.request("shutdown", Value::Null)), -32600);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(0));

    // `exit` without `shutdown`: 1, before or after `initialize`.
    let mut c = Client::start(&[]);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(1));
    let mut c = Client::ready(&[], Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(1));
    // The client going away without either: 1.
    let c = Client::ready(&[], Value::Null);
    assert_eq!(c.exit_code(), Some(1));
}

fn open(c: &mut Client, uri: &str, text: &str) {
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
}

fn symbols(uri: &str) -> Value {
    json!({"textDocument": {"uri": uri}})
}

const DOC: &str = "Council conclusions on cyber security\n\nTHE COUNCIL OF THE EUROPEAN UNION,\n\n1. STRESSES the importance of cyber resilience;\n\n2. welcomes the progress made.\n";

#[test]
fn a_slow_analysis_blocks_nothing_else_and_can_be_cancelled() {
    let delay = [("CONCLINT_LSP_TEST_DELAY", "slow-doc=4000")];
    let mut c = Client::ready(&delay, json!({"analysisBudgetMs": 1500}));
    let slow = "file:///tmp/conclint-lsp/slow-doc.txt";
    let fast = "file:///tmp/conclint-lsp/fast-doc.txt";
    open(&mut c, slow, DOC);
    let started = Instant::now();
    let waiting = c.send_request("textDocument/documentSymbol", symbols(slow));
    let cancelled = c.send_request("textDocument/documentSymbol", symbols(slow));

    // Another document is analysed and answered meanwhile.
    open(&mut c, fast, DOC);
    let r = c.request("textDocument/documentSymbol", symbols(fast));
    assert!(!r["result"].as_array().unwrap().is_empty(), "{r}");
    let d = c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == fast
    });
    assert!(!d["params"]["diagnostics"].as_array().unwrap().is_empty());
    assert!(
        started.elapsed() < Duration::from_millis(3000),
        "waited for the slow document"
    );

    // `$/cancelRequest` answers a pending request with RequestCancelled.
    c.notify("$/cancelRequest", json!({"id": cancelled}));
    let r = c.wait_for(|m| m["id"] == json!(cancelled));
    assert_eq!(error_code(&r), -32800);
    // Past the budget, the other gets RequestFailed.
    let r = c.wait_for(|m| m["id"] == json!(waiting));
    assert_eq!(error_code(&r), -32803);
    assert!(started.elapsed() < Duration::from_millis(4000));
    // The analysis still finishes: diagnostics, then answers from it.
    let d = c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == slow
    });
    assert!(!d["params"]["diagnostics"].as_array().unwrap().is_empty());
    let r = c.request("textDocument/documentSymbol", symbols(slow));
    assert!(!r["result"].as_array().unwrap().is_empty(), "{r}");
    // Cancelling what is answered already changes nothing.
    c.notify("$/cancelRequest", json!({"id": waiting}));
    c.assert_alive();
    assert_eq!(
        c.request("conclint/analysisCount", Value::Null)["result"],
        2
    );
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(0));
}

#[test]
fn a_broken_config_is_shown_and_the_last_good_one_stays() {
    let dir = std::env::temp_dir().join(format!("conclint-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let toml = dir.join("conclint.toml");
    std::fs::write(&toml, "ignore = [\"verb-case\"]\n").unwrap();
    let uri = format!("file://{}/doc.txt", dir.display());
    let mut c = Client::ready(&[], Value::Null);
    open(&mut c, &uri, DOC);
    let rules = |d: &Value| -> Vec<String> {
        d["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let first = c.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
    assert!(!rules(&first).contains(&"verb-case".to_string()), "{first}");

    std::fs::write(
        &toml,
        "ignore = [\"verb-case\"]\n\n[severity\nverb-case = \"error\"\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(text.contains(&format!("{}:3:", toml.display())), "{text}");
    let after = c.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        rules(&after),
        rules(&first),
        "the last good config stays in force"
    );

    // A mistyped rule name is reported at its line too.
    std::fs::write(&toml, "fail-on = \"error\"\nignore = [\"verb-cse\"]\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(text.contains(":2:") && text.contains("verb-case"), "{text}");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fix_all_gives_what_one_fix_pass_gives() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/lv-2022-cyber-posture.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = "file:///tmp/conclint-lsp-fixall/lv.txt";
    let mut c = Client::ready(&[], Value::Null);
    open(&mut c, uri, &text);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = r["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{r}");
    assert_eq!(actions[0]["kind"], "source.fixAll.conclint");
    let edits = actions[0]["edit"]["changes"][uri].as_array().unwrap();
    assert!(edits.len() >= 3);
    let fixed = apply_edits(&text, edits);
    let (by_cli, _) =
        conclint::fix::fix_text(&text, None, &conclint::lint::config::Config::default());
    assert_eq!(fixed, by_cli);
    // `only: quickfix` leaves it out.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert!(
        r["result"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] == "quickfix"),
        "{r}"
    );
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), Some(1));
}
