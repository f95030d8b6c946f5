//! The language server, driven over stdio with JSON-RPC like an editor does.

mod common;
use common::apply_edits;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_conclint"))
            .arg("lsp")
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn read(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.stdout.read_exact(&mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.read();
            if msg.get("id") == Some(&json!(id)) {
                return msg;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn diagnostics(&mut self) -> Value {
        loop {
            let msg = self.read();
            if msg["method"] == "textDocument/publishDiagnostics" {
                return msg["params"].clone();
            }
        }
    }
}

fn utf16_col(text: &str, line: usize, char_col: usize) -> usize {
    let l = text.split('\n').nth(line - 1).unwrap();
    l.chars().take(char_col - 1).map(char::len_utf16).sum()
}

#[test]
fn an_editor_session() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/lv-2022-cyber-posture.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = "file:///tmp/conclint-lsp-test/lv-2022.txt";
    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({"capabilities": {}, "processId": null, "rootUri": null}),
    );
    assert!(init["result"]["capabilities"]["hoverProvider"]
        .as_bool()
        .unwrap());
    c.notify("initialized", json!({}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    let diags = c.diagnostics();
    let diags = diags["diagnostics"].as_array().unwrap().clone();

    // The same findings as `lint --format json`, at the same places in UTF-16.
    let out = Command::new(env!("CARGO_BIN_EXE_conclint"))
        .args(["lint", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let lint: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = lint["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), expected.len());
    for (d, e) in diags.iter().zip(expected) {
        assert_eq!(d["code"], e["rule"]);
        let line = e["line"].as_u64().unwrap() as usize;
        assert_eq!(
            d["range"]["start"]["line"].as_u64().unwrap() as usize,
            line - 1
        );
        let col = utf16_col(&text, line, e["column"].as_u64().unwrap() as usize);
        assert_eq!(
            d["range"]["start"]["character"].as_u64().unwrap() as usize,
            col
        );
    }

    // Code actions, applied, give what `--fix` gives.
    let mut edits = Vec::new();
    for d in &diags {
        let resp = c.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}
            }),
        );
        for action in resp["result"].as_array().unwrap() {
            for e in action["edit"]["changes"][uri].as_array().unwrap() {
                edits.push(e.clone());
            }
        }
    }
    edits.sort_by_key(|e| {
        (
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        )
    });
    edits.dedup();
    assert!(edits.len() >= 3);
    let fixed_by_lsp = apply_edits(&text, &edits);
    let (fixed_by_cli, _) =
        conclint::fix::fix_text(&text, None, &conclint::lint::config::Config::default());
    assert_eq!(fixed_by_lsp, fixed_by_cli);

    // Hover on a verb: its function and other languages' forms.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 88, "character": 5}}),
    );
    let md = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("stress") && md.contains("nl:") && md.contains("en:"),
        "{md}"
    );

    // The outline: the title, the recital, five sections with their points.
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let syms = syms["result"].as_array().unwrap();
    let sections: Vec<_> = syms.iter().filter(|s| s["kind"] == 3).collect();
    assert_eq!(sections.len(), 5);
    let points: usize = syms
        .iter()
        .map(|s| s["children"].as_array().map_or(0, |c| c.len()))
        .sum::<usize>()
        + syms.iter().filter(|s| s["kind"] == 6).count();
    assert_eq!(points, 30);

    // A malformed request gets an error, and the server goes on.
    let bad = c.request("textDocument/hover", json!({"nonsense": true}));
    assert!(bad["error"].is_object());
    c.send_raw("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didChange\", \"params\": 42}");

    // An edit: the diagnostics follow (debounced).
    let changed = text.replace("Aicina Komisiju", "AICINA Komisiju");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let after = c.diagnostics();
    assert_eq!(after["version"], 2);
    assert_eq!(
        after["diagnostics"].as_array().unwrap().len(),
        diags.len() - 1
    );

    let shutdown = c.request("shutdown", Value::Null);
    assert!(shutdown["error"].is_null());
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

/// How many analyses the server has made (a request documented as for tests).
fn count(c: &mut Client) -> u64 {
    let r = c.request("conclint/analysisCount", Value::Null);
    r["result"].as_u64().expect("a count")
}

#[test]
fn one_analysis_per_version_in_the_configured_language() {
    // Mostly English verbs, so detection says English; `conclint.toml` says
    // Latvian, and then only `UZSVER` heads a clause.
    let text = "Padomes secinājumi par kiberdrošību\n\nEIROPAS SAVIENĪBAS PADOME,\n\n\
        1. UZSVER kiberdrošības nozīmi;\n\n\
        2. STRESSES the importance of cyber resilience;\n\n\
        3. WELCOMES the progress made by the Member States;\n\n\
        4. CALLS ON the Commission to act.\n";
    let dir = std::env::temp_dir().join(format!("conclint-lsp-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let toml = dir.join("conclint.toml");
    std::fs::write(&toml, "lang = \"lv\"\n").unwrap();
    let uri = format!("file://{}/doc.txt", dir.display());
    let uzsver = json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 5}});

    let mut c = Client::start();
    c.request(
        "initialize",
        json!({"capabilities": {}, "processId": null, "rootUri": null}),
    );
    c.notify("initialized", json!({}));
    assert_eq!(count(&mut c), 0);
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    assert_eq!(c.diagnostics()["version"], 1);
    assert_eq!(count(&mut c), 1);

    // Hover and the outline read the Latvian tree that was linted.
    let hover = c.request("textDocument/hover", uzsver.clone());
    let md = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(
        md.contains("**UZSVER**") && md.contains("stress"),
        "{hover}"
    );
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = syms["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&"1. UZSVER"), "{names:?}");
    assert!(
        names.contains(&"Padomes secinājumi par kiberdrošību"),
        "{names:?}"
    );
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}}),
    );
    // None of them analysed the document again; nor does a plain save.
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    c.diagnostics();
    assert_eq!(count(&mut c), 1);

    // A change: the first request after it analyses the new version, once;
    // the debounced diagnostics reuse that analysis.
    let changed = text.replace("nozīmi;", "lielo nozīmi;");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let hover = c.request("textDocument/hover", uzsver.clone());
    assert!(hover["result"]["contents"]["value"].is_string(), "{hover}");
    assert_eq!(count(&mut c), 2);
    assert_eq!(c.diagnostics()["version"], 2);
    c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(count(&mut c), 2);

    // An edited `conclint.toml` is picked up at the next save.
    std::fs::write(&toml, "lang = \"en\"\nfail-on = \"error\"\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    c.diagnostics();
    assert_eq!(count(&mut c), 3);
    let hover = c.request("textDocument/hover", uzsver);
    assert!(hover["result"].is_null(), "{hover}");

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
    std::fs::remove_dir_all(&dir).unwrap();
}
