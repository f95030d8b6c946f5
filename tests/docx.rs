//! Word documents: fixtures made by pandoc and LibreOffice (see
//! tests/docx/README.md), read through the real binary. Each fixture has a
//! parse and a diagnostics snapshot, and a plain-text twin that must give the
//! same tree, clauses and findings.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &[&str] = &["en-numbered", "en-tracked-table", "fr-header-footer"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_conclint"))
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(dir())
        .output()
        .expect("binary runs")
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).expect("UTF-8 output")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON output")
}

/// A JSON value without the keys that name positions in the text (lines,
/// columns, spans, Word locations): what must agree between a Word document
/// and its plain twin.
fn without_positions(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "line"
                            | "column"
                            | "end_line"
                            | "end_column"
                            | "span"
                            | "word"
                            | "path"
                            | "fix"
                    )
                })
                .map(|(k, v)| (k.clone(), without_positions(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_positions).collect()),
        other => other.clone(),
    }
}

fn diagnostics(file: &str, extra: &[&str]) -> Value {
    let mut args = vec!["lint", file, "--format", "json"];
    args.extend_from_slice(extra);
    json(&args)["files"].clone()
}

#[test]
fn fixtures_parse_and_lint_as_snapshotted() {
    for name in FIXTURES {
        let file = format!("{name}.docx");
        common::snapshots_in("docx").bind(|| {
            insta::assert_snapshot!(format!("{name}-text"), stdout(&["text", &file]));
            insta::assert_snapshot!(format!("{name}-parse"), stdout(&["parse", &file]));
            insta::assert_json_snapshot!(format!("{name}-diagnostics"), diagnostics(&file, &[]));
        });
    }
}

#[test]
fn a_word_document_and_its_plain_twin_agree() {
    for name in FIXTURES {
        let docx = format!("{name}.docx");
        let txt = format!("{name}.txt");
        let tree = |f: &str| {
            let v = json(&["parse", f, "--format", "json"]);
            without_positions(&v)
        };
        assert_eq!(tree(&docx), tree(&txt), "{name}: tree");
        let clauses = |f: &str| without_positions(&json(&["classify", f, "--format", "json"]));
        assert_eq!(clauses(&docx), clauses(&txt), "{name}: clauses");
        let findings = |f: &str| without_positions(&diagnostics(f, &[]));
        assert_eq!(findings(&docx), findings(&txt), "{name}: findings");
    }
}

#[test]
fn word_numbering_footnotes_and_tables_are_rendered() {
    let text = stdout(&["text", "en-numbered.docx"]);
    // Labels come from numbering.xml: they are not in document.xml at all.
    let raw = docx_part("en-numbered.docx", "word/document.xml");
    assert!(!raw.contains("2. CALLS ON") && text.contains("\n2. CALLS ON"));
    assert!(text.contains("\na) to present") && text.contains("\nb) to consult"));
    // Footnote references and definitions, linked by number.
    assert!(text.contains("diplomacy¹ and") && text.contains("governance²,"));
    assert!(text.contains("\n¹ Doc. 6122/15.\n² Doc. 16200/14 of [date].\n"));
    let tree = stdout(&["parse", "en-numbered.docx"]);
    assert!(tree.contains("footnote_ref 1") && tree.contains("footnote 2"));
    // A table is read row by row, cells separated by tabs.
    let table = stdout(&["text", "en-tracked-table.docx"]);
    assert!(table.contains("\nDigital Europe\t1 600\n"));
    // LibreOffice's numbering, bullets and a note; headers and footers are
    // separate parts and never read.
    let fr = stdout(&["text", "fr-header-footer.docx"]);
    assert!(fr.contains("\n– la désinformation ;") && fr.contains("\nb) à consulter"));
    assert!(!fr.contains("LIMITE") && !fr.contains("Page"));
    assert!(docx_part("fr-header-footer.docx", "word/header1.xml").contains("LIMITE"));
}

#[test]
fn tracked_changes_accepted_by_default_and_rejected_on_request() {
    let accepted = stdout(&["text", "en-tracked-table.docx"]);
    let rejected = stdout(&["text", "en-tracked-table.docx", "--revisions", "rejected"]);
    assert!(accepted.contains("RECALLING the Cybersecurity Act,"));
    assert!(rejected.contains("RECALLING the Regulation (EU) 2019/881 [pending],"));
    assert!(accepted.contains("by June 2027.") && !accepted.contains("XXX"));
    assert!(rejected.contains("Invites the Commission to report by XXX."));
    // Deleted text never gives findings in the default view.
    let rules = |extra: &[&str]| -> Vec<String> {
        diagnostics("en-tracked-table.docx", extra)[0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert!(rules(&[]).is_empty(), "{:?}", rules(&[]));
    let original = rules(&["--revisions", "rejected"]);
    assert!(
        original.contains(&"placeholder".to_string()),
        "{original:?}"
    );
    assert!(original.contains(&"verb-case".to_string()), "{original:?}");
}

#[test]
fn findings_name_the_word_paragraph_point_and_heading() {
    let files = diagnostics("en-numbered.docx", &[]);
    let d = files[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "placeholder")
        .expect("placeholder finding")
        .clone();
    let word = &d["word"];
    // `4. Underlines … by XXX.` is the 11th w:p of the body (the label is
    // not counted in the offset: "Underlines the need for a common approach by " is 45 chars).
    assert_eq!(word["part"], "body");
    assert_eq!(word["paragraph"], 11);
    assert_eq!(word["offset"], 45);
    assert_eq!(word["point"], "4");
    assert_eq!(word["heading"], "Council conclusions on cyber diplomacy");
    // The line of the finding is that line of `conclint text`.
    let text = stdout(&["text", "en-numbered.docx"]);
    let line = d["line"].as_u64().expect("line") as usize;
    let shown = text.lines().nth(line - 1).expect("the line exists");
    assert!(shown.ends_with("by XXX."), "{shown}");
    // SARIF carries the same location; the human report quotes the paragraph.
    let sarif = json(&["lint", "en-numbered.docx", "--format", "sarif"]);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "placeholder")
        .expect("placeholder result");
    assert_eq!(r["properties"]["word"], *word);
    assert_eq!(
        r["locations"][0]["logicalLocations"][0]["name"],
        "paragraph 11"
    );
    let human = stdout(&["lint", "en-numbered.docx"]);
    assert!(
        human.contains("in Word: paragraph 11, character 46, point 4"),
        "{human}"
    );
    assert!(human.contains("“4. Underlines the need for a common approach by XXX.”"));
    // A finding in a footnote names the note; plain text has no Word location.
    let note = files[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["word"]["part"] == "footnote")
        .expect("a finding in a footnote");
    assert_eq!(note["word"]["paragraph"], 2);
    assert_eq!(note["rule"], "placeholder");
    let plain = diagnostics("en-numbered.txt", &[]);
    assert!(plain[0]["diagnostics"][0].get("word").is_none());
}

#[test]
fn fix_refuses_word_documents_and_writes_nothing() {
    let tmp = std::env::temp_dir().join(format!("conclint-docx-fix-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let copy = tmp.join("draft.docx");
    std::fs::copy(dir().join("en-numbered.docx"), &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    let out = run(&["lint", "--fix", copy.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--fix does not edit Word documents (nothing written)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&copy).expect("read"), before);
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn hostile_word_files_are_exit_2_with_a_message_naming_file_and_part() {
    let cases = [
        (
            "bomb.docx",
            "part `word/document.xml` decompresses to more than 128 MiB",
        ),
        ("truncated.docx", "not a readable Word document"),
        (
            "malformed.docx",
            "malformed XML in part `word/document.xml` at byte",
        ),
        (
            "no-body.docx",
            "part `word/document.xml` has no document body",
        ),
        ("doctype.docx", "DTDs are not processed"),
        ("no-document.docx", "has no part `word/document.xml`"),
    ];
    for (file, message) in cases {
        let path = format!("hostile/{file}");
        for cmd in ["lint", "parse", "text"] {
            let out = run(&[cmd, &path]);
            assert_eq!(out.status.code(), Some(2), "{cmd} {file}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(&path) && err.contains(message),
                "{cmd} {file}: {err}"
            );
        }
    }
}

#[test]
fn size_limits_hold_for_the_whole_document_too() {
    let bytes = std::fs::read(dir().join("en-numbered.docx")).expect("fixture");
    let r = conclint::docx::extract_with_limits(
        "x.docx",
        &bytes,
        conclint::docx::Revisions::Accepted,
        1 << 20,
        2_000,
    );
    let e = r.expect_err("over the total limit");
    assert!(e.to_string().contains("for the whole document"), "{e}");
}

/// One part of a fixture, read with the zip crate directly.
fn docx_part(file: &str, part: &str) -> String {
    let bytes = std::fs::read(dir().join(file)).expect("fixture");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).expect("part"), &mut s).expect("text");
    s
}
