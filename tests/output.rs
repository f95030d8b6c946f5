//! What a ruff or ESLint user expects of the report: `file:line:col` with the
//! real character column, multi-line findings shown or said to be cut,
//! severity in words, and the output options (`--quiet`, `--statistics`,
//! `--show-fixes`, deterministic JSON, trackable SARIF). Runs the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_conclint"));
    c.env("NO_COLOR", "1");
    c
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("conclint-out-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A text whose elision `[...]` sits at a known character column of a long
/// line with multi-byte letters before it.
fn long_line_text() -> (String, usize, usize) {
    let lead = "ATGĀDINOT, ka ".to_string() + &"ļoti garš teikums ar garumzīmēm, ".repeat(8);
    let line = format!("{lead}[...] un vēl;");
    let text = format!("EIROPAS SAVIENĪBAS PADOME,\n\n{line}\n\nUZSVER, ka viss ir labi.\n");
    // 1-based line and character column of `[`.
    (text, 3, lead.chars().count() + 1)
}

fn json_findings(out: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(&stdout(out)).expect("JSON output");
    v["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn human_location_is_the_character_column_in_the_file() {
    let dir = tmp("column");
    let (text, line, col) = long_line_text();
    std::fs::write(dir.join("lv.txt"), &text).unwrap();
    let human = stdout(&run_in(&dir, &["lint", "lv.txt"]));
    assert!(
        human.contains(&format!("[lv.txt:{line}:{col}]")),
        "expected lv.txt:{line}:{col} in\n{human}"
    );
    assert!(human.contains("error[elision]"), "severity in words:\n{human}");
    // JSON and GitHub annotations name the same place.
    let json = json_findings(&run_in(&dir, &["lint", "--format", "json", "lv.txt"]));
    let elision = json.iter().find(|f| f["rule"] == "elision").expect("elision");
    assert_eq!(elision["line"], line);
    assert_eq!(elision["column"], col);
    let gh = stdout(&run_in(&dir, &["lint", "--format", "github", "lv.txt"]));
    assert!(gh.contains(&format!("line={line},col={col},")), "{gh}");
}

#[test]
fn utf16_input_reports_the_same_columns() {
    let dir = tmp("utf16");
    let (text, line, col) = long_line_text();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("lv16.txt"), bytes).unwrap();
    let human = stdout(&run_in(&dir, &["lint", "lv16.txt"]));
    assert!(
        human.contains(&format!("[lv16.txt:{line}:{col}]")),
        "{human}"
    );
}

#[test]
fn a_long_finding_is_shown_whole_or_says_where_it_ends() {
    let dir = tmp("multiline");
    // An unbalanced quotation running over many wrapped lines.
    let body: String = (0..12)
        .map(|i| format!("rindiņa {i} turpina teikumu\n"))
        .collect();
    let text = format!(
        "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT „dokumentu {body}bez beigām;\n\nUZSVER, ka viss ir labi.\n"
    );
    std::fs::write(dir.join("q.txt"), &text).unwrap();
    let json = json_findings(&run_in(&dir, &["lint", "--format", "json", "q.txt"]));
    let long = json
        .iter()
        .find(|f| f["end_line"].as_u64() > f["line"].as_u64().map(|l| l + 6))
        .expect("a finding over more than six lines");
    let human = stdout(&run_in(&dir, &["lint", "q.txt"]));
    let end = long["end_line"].as_u64().unwrap();
    assert!(
        human.contains(&format!("the finding goes on to line {end}")),
        "{human}"
    );
    // A short multi-line finding shows every one of its lines.
    let short = format!(
        "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT „dokumentu\nrindiņa\nbez beigām;\n\nUZSVER, ka viss ir labi.\n"
    );
    std::fs::write(dir.join("s.txt"), &short).unwrap();
    let human = stdout(&run_in(&dir, &["lint", "s.txt"]));
    for l in ["ATGĀDINOT „dokumentu", "rindiņa", "bez beigām;"] {
        assert!(human.contains(l), "line `{l}` missing:\n{human}");
    }
    assert!(!human.contains("goes on to line"), "{human}");
}
