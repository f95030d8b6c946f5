//! Hostile input: none of it may panic, hang or make spans inexact.

use conclint::lint::{config::Config, lint};
use conclint::parse::parse;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_conclint"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("conclint-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Lints `text` and returns the original bytes of each finding of `rule`.
fn spans(text: &str, rule: &str) -> Vec<String> {
    let doc = parse(text.to_string(), conclint::lexicon::Language::get("lv"));
    lint(&doc, &Config::default())
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[test]
fn crlf_lone_cr_and_bom_keep_spans_exact() {
    let lf = "EIROPAS SAVIENĪBAS PADOME,\n\nUZSVER [...] nozīmi;\n\nAicina Komisiju ziņot;\n";
    for text in [
        lf.to_string(),
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
        format!("\u{FEFF}{}", lf.replace('\n', "\r\n")),
    ] {
        assert_eq!(spans(&text, "elision"), ["[...]"], "{text:?}");
        assert_eq!(spans(&text, "verb-case"), ["Aicina"], "{text:?}");
    }
}

#[test]
fn utf16_nul_empty_and_binary_files() {
    let dir = tmp("enc");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "EIROPAS SAVIENĪBAS PADOME,\n\nUZSVER [...] nozīmi;\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    let out = bin()
        .args(["lint", "--format", "json", "utf16.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "elision");
    for (name, bytes) in [
        ("nul.txt", &b"UZSVER\0x"[..]),
        ("bin.txt", &[0x89, 0x50, 0x4e, 0x47, 0, 0, 1][..]),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
        let out = bin()
            .args(["lint", "--format", "json", name])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(name));
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("valid JSON even on errors");
        assert_eq!(v["summary"]["failed"], 1);
    }
    // Empty and blank files have nothing to report: exit 0 (a pre-commit
    // hook must not fail on them).
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b" \n\t\n"[..])] {
        std::fs::write(dir.join(name), bytes).unwrap();
        let out = bin()
            .args(["lint", "--format", "json", name])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["summary"]["files"], 1);
        assert_eq!(v["summary"]["findings"], 0);
    }
}

#[test]
fn symlink_loops_and_directories() {
    let dir = tmp("links");
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::write(dir.join("d/a.txt"), "UZSVER x;\n").unwrap();
    std::os::unix::fs::symlink(dir.join("d"), dir.join("d/loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("x.txt"), dir.join("y.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("y.txt"), dir.join("x.txt")).unwrap();
    let out = bin()
        .args(["lint", "--format", "json", "."])
        .current_dir(&dir)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["files"].as_array().unwrap().len(),
        1,
        "links are not followed in folder walks (as ripgrep): the real file is linted"
    );
    assert_eq!(out.status.code(), Some(0));
    // Named on the command line, a looping link is an error naming it.
    let out = bin()
        .args(["lint", "x.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.txt"));
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut child = bin()
        .args(["lint", "--format", "json"])
        .arg(&corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

fn lint_within(text: String, limit: Duration) -> usize {
    let t = Instant::now();
    let doc = parse(text, None);
    let n = lint(&doc, &Config::default()).len();
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
    n
}

#[test]
fn many_footnotes_deep_bullets_and_a_long_line_of_capitals() {
    let limit = Duration::from_secs(60);
    let mut t = String::from("EIROPAS SAVIENĪBAS PADOME,\n\nUZSVER");
    for i in 1..=100_000 {
        t.push_str(&format!(" x{i}"));
    }
    t.push_str(";\n\n");
    for i in 1..=100_000 {
        t.push_str(&format!("{i} Dok. {i}/15.\n"));
    }
    lint_within(t, limit);
    let deep: String = (0..10_000)
        .map(|d| format!("{}- punkts {d},\n", "  ".repeat(d % 50)))
        .collect();
    lint_within(format!("AICINA:\n{deep}"), limit);
    let deep_dashes = format!("AICINA:\n{}x\n", "- ".repeat(10_000));
    lint_within(deep_dashes, limit);
    let caps: String = "ABCDEFGHIJ UZSVĒR NATO ".repeat(10_000_000 / 23);
    lint_within(caps, limit);
}

#[test]
fn closed_stdin_is_an_empty_input_with_nothing_to_report() {
    let out = bin()
        .args(["lint", "--format", "json", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["summary"]["findings"], 0);
}
