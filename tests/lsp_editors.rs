//! The editor recipes under `editors/`, run with the real editor against
//! `conclint lsp` where it is installed (skipped with a note where not, so
//! CI without the editor stays green), and checked for the keys each editor
//! requires everywhere.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `nvim --version`'s (major, minor), or `None` when Neovim is missing.
fn neovim_version() -> Option<(u32, u32)> {
    let out = Command::new("nvim").arg("--version").output().ok()?;
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()?
        .to_string();
    let v = first.strip_prefix("NVIM v")?;
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

/// A scratch directory with a copy of a corpus file in it.
fn scratch(name: &str) -> (PathBuf, PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("conclint-editor-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(repo("tests/corpus/lv-2022-cyber-posture.txt")).unwrap();
    let file = dir.join("doc.txt");
    std::fs::write(&file, &text).unwrap();
    (dir, file, text)
}

/// `line:byte-column:rule` of every finding, as `conclint lint` reports them
/// (what Neovim's `vim.diagnostic` holds: 0-based line, byte column).
fn lint_findings(file: &Path, text: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_conclint"))
        .args(["lint", "--format", "json"])
        .arg(file)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<String> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let line = d["line"].as_u64().unwrap() as usize;
            let col = d["column"].as_u64().unwrap() as usize;
            let l = text.split('\n').nth(line - 1).unwrap();
            let bytes: usize = l.chars().take(col - 1).map(char::len_utf8).sum();
            format!("{}:{bytes}:{}", line - 1, d["rule"].as_str().unwrap())
        })
        .collect();
    found.sort();
    found
}

/// Runs Neovim headless with a recipe on a document: waits for the server's
/// diagnostics, writes them (and, with `fix`, the buffer after
/// `:ConclintFixAll`) next to the document.
fn run_neovim(recipe: &str, dir: &Path, file: &Path, fix: bool) -> (Vec<String>, Option<String>) {
    let probe = dir.join("probe.lua");
    let out = dir.join("diagnostics");
    let fixed = dir.join("fixed.txt");
    let fix_step = if fix {
        format!(
            "vim.cmd('ConclintFixAll')\nvim.cmd('write! {}')\n",
            fixed.display()
        )
    } else {
        String::new()
    };
    std::fs::write(
        &probe,
        format!(
            "local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)\n\
             local lines = {{}}\n\
             for _, d in ipairs(vim.diagnostic.get(0)) do\n\
               local lsp = d.user_data and d.user_data.lsp or {{}}\n\
               table.insert(lines, string.format('%d:%d:%s', d.lnum, d.col, tostring(d.code or lsp.code)))\n\
             end\n\
             vim.fn.writefile(lines, '{}')\n\
             {fix_step}vim.cmd('qa!')\n",
            out.display()
        ),
    )
    .unwrap();
    let cmd = format!(
        "let g:conclint_cmd = ['{}', 'lsp']",
        env!("CARGO_BIN_EXE_conclint")
    );
    let status = Command::new("timeout")
        .args(["60", "nvim", "--headless", "--cmd", &cmd, "-u"])
        .arg(repo(recipe))
        .arg("-c")
        .arg(format!("luafile {}", probe.display()))
        .arg(file)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "nvim: {status}");
    let mut got: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    got.sort();
    (got, std::fs::read_to_string(&fixed).ok())
}

#[test]
fn neovim_07_recipe_shows_diagnostics_and_fixes_all() {
    let Some(version) = neovim_version() else {
        eprintln!("note: nvim is not installed; the Neovim recipe is not run");
        return;
    };
    let (dir, file, text) = scratch("nvim07");
    let (got, fixed) = run_neovim("editors/neovim/conclint.lua", &dir, &file, true);
    assert_eq!(got, lint_findings(&file, &text), "Neovim {version:?}");
    let (by_cli, n) =
        conclint::fix::fix_text(&text, None, &conclint::lint::config::Config::default());
    assert!(n > 0);
    // Vim ends the file with a newline on write.
    let fixed = fixed.expect("the fixed buffer was written");
    assert_eq!(fixed.trim_end_matches('\n'), by_cli.trim_end_matches('\n'));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn neovim_011_recipe_shows_diagnostics() {
    match neovim_version() {
        Some(v) if v >= (0, 11) => {}
        v => {
            eprintln!(
                "note: Neovim 0.11 or later is not installed ({v:?}); the 0.11 recipe is not run"
            );
            return;
        }
    }
    let (dir, file, text) = scratch("nvim011");
    let (got, _) = run_neovim("editors/neovim/0.11.lua", &dir, &file, false);
    assert_eq!(got, lint_findings(&file, &text));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn helix_recipe_has_what_helix_requires() {
    let text = std::fs::read_to_string(repo("editors/helix/languages.toml")).unwrap();
    let toml: toml::Value = toml::from_str(&text).unwrap();
    let server = &toml["language-server"]["conclint"];
    assert_eq!(server["command"].as_str(), Some("conclint"));
    assert_eq!(
        server["args"].as_array().unwrap(),
        &vec![toml::Value::from("lsp")]
    );
    let lang = &toml["language"].as_array().unwrap()[0];
    // A language Helix does not know needs all of these, or the file is refused.
    for key in ["name", "scope", "file-types", "roots", "language-servers"] {
        assert!(lang.get(key).is_some(), "missing {key}");
    }
    assert!(lang["file-types"]
        .as_array()
        .unwrap()
        .contains(&toml::Value::from("txt")));
    assert_eq!(
        lang["language-servers"].as_array().unwrap(),
        &vec![toml::Value::from("conclint")]
    );

    // With Helix installed, its own check reads the file.
    let Ok(out) = Command::new("hx").arg("--version").output() else {
        eprintln!("note: Helix (hx) is not installed; its health check is not run");
        return;
    };
    assert!(out.status.success());
    let config = std::env::temp_dir().join(format!("conclint-helix-{}", std::process::id()));
    std::fs::create_dir_all(config.join("helix")).unwrap();
    std::fs::write(config.join("helix/languages.toml"), &text).unwrap();
    let health = Command::new("hx")
        .args(["--health", "council-text"])
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&health.stdout);
    assert!(
        health.status.success() && report.contains("conclint"),
        "{report}"
    );
    std::fs::remove_dir_all(&config).unwrap();
}

#[test]
fn vscode_extension_is_complete() {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("editors/vscode/package.json")).unwrap(),
    )
    .unwrap();
    let main = manifest["main"].as_str().unwrap();
    let script = repo("editors/vscode").join(main);
    let source = std::fs::read_to_string(&script).unwrap();
    assert!(manifest["dependencies"]["vscode-languageclient"].is_string());
    assert!(manifest["engines"]["vscode"].is_string());
    assert!(source.contains("'lsp'") && source.contains("plaintext"));
    match Command::new("node").arg("--check").arg(&script).status() {
        Ok(status) => assert!(status.success(), "extension.js does not parse"),
        Err(_) => eprintln!("note: node is not installed; extension.js is not syntax-checked"),
    }
}
