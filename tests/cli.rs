//! The binary: exit codes, bad input, configuration errors, output formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_conclint"));
    c.env("NO_COLOR", "1");
    c
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("conclint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn findings_exit_1_clean_exit_0_and_fail_on_never() {
    let dir = tmp("codes");
    let f = corpus("lv-6122-15-cyber-diplomacy.txt");
    let out = run(&["lint", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("elision") && text.contains("file checked"),
        "{text}"
    );
    let out = run(&["lint", "--fail-on", "never", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["lint", "--select", "header", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn json_output_has_the_documented_shape() {
    let dir = tmp("json");
    let f = corpus("lv-2022-cyber-posture.txt");
    let out = run(&["lint", "--format", "json", f.to_str().unwrap()], &dir);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let d = &v["files"][0]["diagnostics"][0];
    for key in [
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "span",
        "help",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(v["files"][0]["language"], "lv");
    assert!(v["summary"]["findings"].as_u64().unwrap() > 0);
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let dir = tmp("bad");
    std::fs::write(dir.join("latin1.txt"), b"UZSVER \xe9t\xe9").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("binary.txt"), b"AB\0CD").unwrap();
    let out = run(&["lint", "latin1.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt") && err.contains("byte 7"),
        "{err}"
    );
    for (f, word) in [("empty.txt", "empty"), ("binary.txt", "binary")] {
        let out = run(&["parse", f], &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(word));
        assert!(out.stdout.is_empty(), "nothing is written on error");
    }
    let out = run(&["lint", "missing.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn directories_are_walked_and_unreadable_files_do_not_stop_the_others() {
    let dir = tmp("walk");
    std::fs::create_dir_all(dir.join("docs/sub")).unwrap();
    std::fs::copy(
        corpus("lv-2022-cyber-posture.txt"),
        dir.join("docs/sub/a.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("docs/b.txt"), b"\xff\xfe\xfd").unwrap();
    std::fs::write(dir.join("docs/ignored.md"), b"# not linted").unwrap();
    let out = run(&["lint", "--format", "json", "docs"], &dir);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file failed: exit 2 at the end"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["summary"]["failed"], 1);
}

#[test]
fn config_file_is_found_and_checked() {
    let dir = tmp("config");
    std::fs::write(dir.join("conclint.toml"), "ignore = [\"elision\", \"draft-marker\", \"verb-unknown\", \"verb-case\", \"clause-terminator\", \"footnote-spacing\", \"subject-title-mismatch\", \"verb-consistency\"]\n").unwrap();
    let f = corpus("lv-6122-15-cyber-diplomacy.txt");
    let out = run(&["lint", "--format", "json", f.to_str().unwrap()], &dir);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 0, "{v}");
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(dir.join("conclint.toml"), "ignore = [\"no-such-rule\"]\n").unwrap();
    let out = run(&["lint", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-rule"));
    std::fs::write(dir.join("conclint.toml"), "colour = \"red\"\n").unwrap();
    let out = run(&["lint", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_and_explain_and_rules() {
    let dir = tmp("stdin");
    let mut child = bin()
        .args(["lint", "--format", "json", "-"])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all("EIROPAS SAVIENĪBAS PADOME,\n\nUZSVER [...] nozīmi;\n".as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "elision");
    let out = run(&["explain", "verb-case"], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bad:"));
    assert_eq!(run(&["explain", "nope"], &dir).status.code(), Some(2));
    let out = run(&["rules"], &dir);
    let listed = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(listed.lines().count() >= 27);
    assert!(listed.contains("align-function"), "align rules are listed");
    for rule in conclint::registry::all() {
        let out = run(&["explain", rule.name], &dir);
        assert_eq!(out.status.code(), Some(0), "explain {}", rule.name);
    }
    let out = run(&["explain", "align-fuction"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `align-function`?"));
}

#[test]
fn align_rule_names_are_valid_in_the_lint_config() {
    let dir = tmp("config-align");
    std::fs::write(
        dir.join("conclint.toml"),
        "ignore = [\"align-number\"]\n[severity]\nalign-footnote = \"error\"\n",
    )
    .unwrap();
    let f = corpus("lv-6122-15-cyber-diplomacy.txt");
    let out = run(&["lint", "--format", "json", f.to_str().unwrap()], &dir);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &["lint", "--ignore", "align-structure", f.to_str().unwrap()],
        &dir,
    );
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
            .unwrap();
    assert_eq!(
        committed,
        conclint::render::rules_doc::markdown(),
        "run `conclint rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn fix_writes_in_place_keeps_permissions_and_is_idempotent() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp("fix");
    let f = dir.join("doc.txt");
    let original = std::fs::read_to_string(corpus("lv-2022-cyber-posture.txt")).unwrap();
    std::fs::write(&f, &original).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(&["lint", "--fix", "--fail-on", "never", "doc.txt"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 fixes applied"));
    let fixed = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        fixed,
        original
            .replace("ATKĀRTOTI \n\npauž", "ATKĀRTOTI \n\nPAUŽ")
            .replace("Aicina Komisiju", "AICINA Komisiju")
            .replace("līmenī. Uzsver", "līmenī. UZSVER")
    );
    assert_eq!(
        std::fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let out = run(&["lint", "--diff", "doc.txt"], &dir);
    assert!(out.stdout.is_empty(), "nothing left to fix");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_dir(&dir).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("tmp")),
        "no temporary file left"
    );
}

#[test]
fn baseline_from_the_command_line() {
    let dir = tmp("baseline");
    std::fs::copy(
        corpus("lv-6122-15-cyber-diplomacy.txt"),
        dir.join("doc.txt"),
    )
    .unwrap();
    let out = run(&["lint", "--write-baseline", "base.json", "doc.txt"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        &[
            "lint",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "doc.txt",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 0);
    let text = std::fs::read_to_string(dir.join("doc.txt"))
        .unwrap()
        .replace("TURPINA popularizēt", "TURPINA [...] popularizēt");
    std::fs::write(dir.join("doc.txt"), text).unwrap();
    let out = run(
        &[
            "lint",
            "--baseline",
            "base.json",
            "--format",
            "github",
            "doc.txt",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("::error file=doc.txt,line=152,") && text.contains("title=elision::"),
        "{text}"
    );
}

#[test]
fn a_pack_folder_overrides_the_compiled_packs() {
    let dir = tmp("pack-dir");
    let packs = dir.join("packs");
    std::fs::create_dir_all(&packs).unwrap();
    let en = include_str!("../rules/lang/en.toml").replacen(
        "note = [\"NOTES\",",
        "note = [\"JOTS DOWN\", \"NOTES\",",
        1,
    );
    assert_ne!(
        en,
        include_str!("../rules/lang/en.toml"),
        "the edit applies"
    );
    std::fs::write(packs.join("en.toml"), en).unwrap();
    let text = dir.join("doc.txt");
    std::fs::write(
        &text,
        "Council conclusions on tests\n\nTHE COUNCIL OF THE EUROPEAN UNION,\n\n1. JOTS DOWN the progress made;\n\n2. STRESSES the need to act.\n",
    )
    .unwrap();
    let classify = |pack_dir: Option<&Path>| {
        let mut c = bin();
        c.args(["classify", "--lang", "en", text.to_str().unwrap()]);
        if let Some(p) = pack_dir {
            c.env("CONCLINT_PACK_DIR", p);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert!(!classify(None).contains("JOTS DOWN"));
    let with_dir = classify(Some(&packs));
    assert!(
        with_dir.contains("JOTS DOWN") && with_dir.contains("note"),
        "{with_dir}"
    );
    // An invalid pack is said on stderr and the compiled one is used.
    std::fs::write(packs.join("en.toml"), "code = [").unwrap();
    let out = bin()
        .args(["classify", "--lang", "en", text.to_str().unwrap()])
        .env("CONCLINT_PACK_DIR", &packs)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("is invalid"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("STRESSES"));
}
