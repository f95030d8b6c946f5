//! What a ruff or ESLint user expects of the report: `file:line:col` with the
//! real character column, multi-line findings shown or said to be cut,
//! severity in words, and the output options (`--quiet`, `--statistics`,
//! `--show-fixes`, deterministic JSON, trackable SARIF). Runs the binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    common::run_in(dir, args)
}

fn tmp(name: &str) -> PathBuf {
    common::fresh_dir("out", name)
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_conclint"));
    c.env("NO_COLOR", "1");
    c
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
    assert!(
        human.contains("error[elision]"),
        "severity in words:\n{human}"
    );
    // JSON and GitHub annotations name the same place.
    let json = json_findings(&run_in(&dir, &["lint", "--format", "json", "lv.txt"]));
    let elision = json
        .iter()
        .find(|f| f["rule"] == "elision")
        .expect("elision");
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
    let short = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT „dokumentu\nrindiņa\nbez beigām;\n\nUZSVER, ka viss ir labi.\n";
    std::fs::write(dir.join("s.txt"), short).unwrap();
    let human = stdout(&run_in(&dir, &["lint", "s.txt"]));
    for l in ["ATGĀDINOT „dokumentu", "rindiņa", "bez beigām;"] {
        assert!(human.contains(l), "line `{l}` missing:\n{human}");
    }
    assert!(!human.contains("goes on to line"), "{human}");
}

fn corpus(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let dir = tmp("quiet");
    let f = corpus("lv-6122-15-cyber-diplomacy.txt");
    let loud = stdout(&run_in(&dir, &["lint", &f]));
    let quiet = run_in(&dir, &["lint", "--quiet", &f]);
    assert_eq!(quiet.status.code(), Some(1), "findings still fail the run");
    let quiet = stdout(&quiet);
    assert!(loud.contains("file checked"), "{loud}");
    assert!(!quiet.contains("file checked"), "{quiet}");
    assert!(quiet.contains("error[elision]"));
    assert!(
        loud.starts_with(&quiet),
        "the same findings, without the summary"
    );
}

#[test]
fn statistics_count_each_rule_most_first() {
    let dir = tmp("stats");
    let f = corpus("lv-6122-15-cyber-diplomacy.txt");
    let json = json_findings(&run_in(&dir, &["lint", "--format", "json", &f]));
    let out = run_in(&dir, &["lint", "--statistics", &f]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let rows: Vec<(usize, String, String)> = text
        .lines()
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "count, rule, mark and summary: `{l}`");
            (
                cols[0].trim().parse().expect("a count"),
                cols[1].trim().to_string(),
                cols[2].to_string(),
            )
        })
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.windows(2).all(|w| w[0].0 >= w[1].0),
        "most first:\n{text}"
    );
    for (count, rule, mark) in &rows {
        let of_rule: Vec<_> = json.iter().filter(|d| d["rule"] == rule.as_str()).collect();
        assert_eq!(of_rule.len(), *count, "{rule}");
        let fixable = of_rule.iter().filter(|d| !d["fix"].is_null()).count();
        let expected = match fixable {
            0 => "[ ]",
            n if n == *count => "[*]",
            _ => "[-]",
        };
        assert!(mark.starts_with(expected), "{rule}: {mark}");
    }
    let as_json: serde_json::Value = serde_json::from_str(&stdout(&run_in(
        &dir,
        &["lint", "--statistics", "--format", "json", &f],
    )))
    .expect("statistics as JSON");
    assert_eq!(as_json.as_array().map(Vec::len), Some(rows.len()));
    assert_eq!(as_json[0]["rule"], rows[0].1.as_str());
}

#[test]
fn show_fixes_names_each_edit() {
    let dir = tmp("showfix");
    let text =
        "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nAicina Komisiju ziņot;\n\nUZSVER z.\n";
    std::fs::write(dir.join("f.txt"), text).unwrap();
    let plain = stdout(&run_in(&dir, &["lint", "f.txt"]));
    let shown = stdout(&run_in(&dir, &["lint", "--show-fixes", "f.txt"]));
    assert!(!plain.contains("fix: "), "{plain}");
    assert!(
        shown.contains("fix: replace `Aicina` at 5:1 with `AICINA`"),
        "{shown}"
    );
    assert!(plain.contains("fixable with --fix"), "{plain}");
}

#[test]
fn json_output_is_the_same_bytes_every_run_unless_timing_is_asked() {
    let dir = tmp("determinism");
    let f = corpus("nl-6122-15-cyber-diplomacy.txt");
    let g = corpus("lv-2022-cyber-posture.txt");
    let args = ["lint", "--format", "json", &f, &g];
    let a = run_in(&dir, &args).stdout;
    let b = run_in(
        &dir,
        &["lint", "--format", "json", "--threads", "1", &f, &g],
    )
    .stdout;
    assert_eq!(a, b, "two runs, different thread counts, same bytes");
    assert!(!String::from_utf8_lossy(&a).contains("seconds"));
    let timed = stdout(&run_in(&dir, &["lint", "--format", "json", "--timing", &f]));
    let v: serde_json::Value = serde_json::from_str(&timed).expect("JSON");
    assert!(v["summary"]["seconds"].is_number(), "{timed}");
}

fn sarif_of(dir: &Path, file: &str) -> serde_json::Value {
    let out = run_in(dir, &["lint", "--format", "sarif", file]);
    serde_json::from_str(&stdout(&out)).expect("SARIF is JSON")
}

fn prints(log: &serde_json::Value) -> Vec<(String, String, u64)> {
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or("").to_string(),
                r["partialFingerprints"]["conclintFinding/v1"]
                    .as_str()
                    .expect("a fingerprint")
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprints_survive_lines_inserted_above() {
    let dir = tmp("sarif");
    let original = std::fs::read_to_string(corpus("lv-6122-15-cyber-diplomacy.txt")).unwrap();
    std::fs::write(dir.join("doc.txt"), &original).unwrap();
    let before = prints(&sarif_of(&dir, "doc.txt"));
    // Three blank lines inserted after the first paragraph: every finding
    // moves down, none changes.
    let at = original.find("\n\n").expect("a blank line") + 1;
    let edited = format!("{}\n\n\n{}", &original[..at], &original[at..]);
    std::fs::write(dir.join("doc.txt"), &edited).unwrap();
    let after = prints(&sarif_of(&dir, "doc.txt"));
    assert_eq!(before.len(), after.len());
    assert!(before.len() > 3);
    let mut unique: Vec<&String> = before.iter().map(|p| &p.1).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        before.len(),
        "fingerprints tell findings apart"
    );
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.0, a.0);
        assert_eq!(b.1, a.1, "fingerprint of {} moved with its line", b.0);
        assert_eq!(a.2, b.2 + 3);
    }
}

#[test]
fn sarif_says_what_ran_and_whether_it_succeeded() {
    let dir = tmp("sarif-run");
    let log = sarif_of(&dir, &corpus("lv-6122-15-cyber-diplomacy.txt"));
    let run = &log["runs"][0];
    assert_eq!(run["automationDetails"]["id"], "conclint/lint/");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let out = run_in(&dir, &["lint", "--format", "sarif", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = inv["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap_or("");
    assert!(note.contains("missing.txt"), "{note}");
}

#[test]
fn align_reads_the_config_and_the_rule_options() {
    let dir = tmp("align-config");
    let lv = corpus("lv-6122-15-cyber-diplomacy.txt");
    let nl = corpus("nl-6122-15-cyber-diplomacy.txt");
    let count = |out: &Output| -> usize {
        let v: serde_json::Value = serde_json::from_str(&stdout(out)).expect("JSON");
        v["summary"]["findings"].as_u64().unwrap_or(0) as usize
    };
    let all = run_in(&dir, &["align", "--format", "json", &lv, &nl]);
    assert!(count(&all) > 0, "the pair has findings to filter");
    assert_eq!(all.status.code(), Some(1));
    std::fs::write(dir.join("conclint.toml"), "ignore = [\"align-number\"]\n").unwrap();
    let none = run_in(&dir, &["align", "--format", "json", &lv, &nl]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&none)).unwrap();
    assert!(v["summary"]["by_rule"].get("align-number").is_none());
    // The same config is accepted by lint.
    let lint = run_in(&dir, &["lint", "--quiet", &lv]);
    assert_eq!(
        lint.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    // --severity and --fail-on as for lint; an explicit --config wins.
    std::fs::write(dir.join("empty.toml"), "").unwrap();
    let info = run_in(
        &dir,
        &[
            "align",
            "--config",
            "empty.toml",
            "--severity",
            "align-number=info",
            "--format",
            "json",
            &lv,
            &nl,
        ],
    );
    assert_eq!(info.status.code(), Some(0), "info does not fail the run");
    assert_eq!(count(&info), count(&all));
    let bad = run_in(&dir, &["align", "--select", "align-nmber", &lv, &nl]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("align-number"));
}

#[test]
fn version_names_the_package_version() {
    let out = bin().arg("--version").output().expect("runs");
    assert_eq!(
        stdout(&out).trim(),
        format!("conclint {}", env!("CARGO_PKG_VERSION"))
    );
}
