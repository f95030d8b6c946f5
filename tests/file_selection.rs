//! Which files a run checks, as ruff and ripgrep users expect: ignore files
//! and hidden folders honoured, `--exclude` and config `exclude`,
//! `[per-file-ignores]`, one name per file for baselines, patterns the shell
//! left alone, standard input under a name, and a clear error when nothing
//! matched. Runs the binary.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A text with a `verb-case` finding and an `elision` finding.
const DOC: &str =
    "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nAicina Komisiju [...] ziņot;\n\nUZSVER z.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    common::run_in(dir, args)
}

fn tmp(name: &str) -> PathBuf {
    common::fresh_dir("select", name)
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).unwrap();
    std::fs::write(p, text).unwrap();
}

/// The paths a JSON report names.
fn linted(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!("JSON: {}", String::from_utf8_lossy(&out.stderr));
    });
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or("").to_string())
        .collect()
}

fn rules_of(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn folder_walks_honour_ignore_files_hidden_folders_and_excludes() {
    let dir = tmp("walk");
    write(&dir, "a.txt", DOC);
    write(&dir, "drafts/b.txt", DOC);
    write(&dir, "build/out.txt", DOC);
    write(&dir, "notes/skip.txt", DOC);
    write(&dir, ".hidden/c.txt", DOC);
    write(&dir, "archive/2020/old.txt", DOC);
    write(&dir, ".gitignore", "build/\n");
    write(&dir, ".ignore", "skip.txt\n");
    let all = linted(&run(&dir, &["lint", "--format", "json", "."]));
    assert_eq!(
        all,
        ["a.txt", "archive/2020/old.txt", "drafts/b.txt"],
        "{all:?}"
    );
    let some = linted(&run(
        &dir,
        &[
            "lint",
            "--format",
            "json",
            "--exclude",
            "archive",
            "--exclude",
            "drafts/*.txt",
            ".",
        ],
    ));
    assert_eq!(some, ["a.txt"]);
    write(&dir, "conclint.toml", "exclude = [\"archive/**\"]\n");
    let cfg = linted(&run(&dir, &["lint", "--format", "json", "."]));
    assert_eq!(cfg, ["a.txt", "drafts/b.txt"]);
    // A file named on the command line is checked whatever the excludes say.
    let named = linted(&run(
        &dir,
        &["lint", "--format", "json", "archive/2020/old.txt"],
    ));
    assert_eq!(named, ["archive/2020/old.txt"]);
}

#[test]
fn per_file_ignores_silence_rules_on_matching_files() {
    let dir = tmp("per-file");
    write(&dir, "a.txt", DOC);
    write(&dir, "drafts/b.txt", DOC);
    write(
        &dir,
        "conclint.toml",
        "[per-file-ignores]\n\"drafts/*.txt\" = [\"elision\"]\n",
    );
    let out = run(&dir, &["lint", "--format", "json", "./drafts/b.txt"]);
    let rules = rules_of(&out);
    assert!(rules.contains(&"verb-case".to_string()), "{rules:?}");
    assert!(!rules.contains(&"elision".to_string()), "{rules:?}");
    let rules = rules_of(&run(&dir, &["lint", "--format", "json", "a.txt"]));
    assert!(rules.contains(&"elision".to_string()));
    // Through standard input, under the name given.
    let out = Command::new(env!("CARGO_BIN_EXE_conclint"))
        .args([
            "lint",
            "--format",
            "json",
            "--stdin-filename",
            "drafts/x.txt",
            "-",
        ])
        .current_dir(&dir)
        .stdin(std::fs::File::open(dir.join("a.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(linted(&out), ["drafts/x.txt"]);
    assert!(!rules_of(&out).contains(&"elision".to_string()));
    // The name's folder gives the configuration, as it would for the file.
    write(&dir, "sub/conclint.toml", "ignore = [\"verb-case\"]\n");
    let out = Command::new(env!("CARGO_BIN_EXE_conclint"))
        .args([
            "lint",
            "--format",
            "json",
            "--stdin-filename",
            "sub/x.txt",
            "-",
        ])
        .current_dir(&dir)
        .stdin(std::fs::File::open(dir.join("a.txt")).unwrap())
        .output()
        .unwrap();
    let rules = rules_of(&out);
    assert!(!rules.contains(&"verb-case".to_string()), "{rules:?}");
    assert!(rules.contains(&"elision".to_string()), "{rules:?}");
    // An unknown rule in the table is an error, with a suggestion.
    write(
        &dir,
        "conclint.toml",
        "[per-file-ignores]\n\"*.txt\" = [\"elisoin\"]\n",
    );
    let out = run(&dir, &["lint", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("elision"));
}

#[test]
fn a_baseline_knows_a_file_by_any_of_its_names() {
    let dir = tmp("baseline");
    write(&dir, "nl.txt", DOC);
    let abs = dir.join("nl.txt").display().to_string();
    for (recorded, checked) in [
        ("nl.txt", "./nl.txt"),
        ("./nl.txt", abs.as_str()),
        (abs.as_str(), "nl.txt"),
    ] {
        let out = run(&dir, &["lint", "--write-baseline", "base.json", recorded]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = run(
            &dir,
            &[
                "lint",
                "--format",
                "json",
                "--baseline",
                "base.json",
                checked,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{recorded} vs {checked}");
        assert!(rules_of(&out).is_empty(), "{recorded} vs {checked}");
    }
}

#[test]
fn unexpanded_patterns_are_expanded_and_nothing_matched_is_an_error() {
    let dir = tmp("globs");
    write(&dir, "drafts/a.txt", DOC);
    write(&dir, "drafts/b.txt", DOC);
    write(&dir, "drafts/deep/c.txt", DOC);
    let out = run(&dir, &["lint", "--format", "json", "drafts/*.txt"]);
    assert_eq!(linted(&out), ["drafts/a.txt", "drafts/b.txt"]);
    let out = run(&dir, &["lint", "--format", "json", "drafts/**/*.txt"]);
    assert_eq!(linted(&out).len(), 3);
    for args in [&["lint", "nothing/*.txt"][..], &["lint", "empty"][..]] {
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        let out = run(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "nothing on stdout for {args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no file to check"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
