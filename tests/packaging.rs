//! Packaging: the declared minimum Rust version is one the dependencies
//! allow and this toolchain meets, the licence file matches the manifest,
//! and the changelog has an entry for the version `--version` prints.

use std::process::Command;

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .expect("Cargo.toml");
    text.parse().expect("Cargo.toml is TOML")
}

/// `1.89` and `1.89.0` compare equal: missing parts are zero.
fn version_tuple(v: &str) -> [u64; 3] {
    let mut out = [0; 3];
    for (slot, part) in out.iter_mut().zip(v.split('.')) {
        *slot = part.parse().unwrap_or(0);
    }
    out
}

#[test]
fn rust_version_is_what_dependencies_need_and_the_toolchain_has() {
    let m = manifest();
    let declared = m["package"]["rust-version"]
        .as_str()
        .expect("rust-version is declared");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let mut needed: Vec<([u64; 3], String)> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| p["name"] != "conclint")
        .filter_map(|p| {
            let rv = p["rust_version"].as_str()?;
            Some((version_tuple(rv), format!("{} {rv}", p["name"])))
        })
        .collect();
    needed.sort();
    if let Some((highest, who)) = needed.last() {
        assert!(
            version_tuple(declared) >= *highest,
            "rust-version {declared} is below what {who} needs"
        );
    }
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .expect("rustc runs");
    let rustc = String::from_utf8_lossy(&rustc.stdout).into_owned();
    let have = rustc.split_whitespace().nth(1).unwrap_or("0");
    assert!(
        version_tuple(have) >= version_tuple(declared),
        "{rustc} is older than rust-version {declared}"
    );
}

#[test]
fn licence_and_changelog_match_the_manifest() {
    let m = manifest();
    let root = env!("CARGO_MANIFEST_DIR");
    let licence = std::fs::read_to_string(format!("{root}/LICENSE")).expect("LICENSE");
    assert_eq!(m["package"]["license"].as_str(), Some("MIT"));
    assert!(licence.starts_with("MIT License"));
    let changelog = std::fs::read_to_string(format!("{root}/CHANGELOG.md")).expect("CHANGELOG.md");
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        changelog
            .lines()
            .any(|l| l.starts_with("## ") && l.contains(version)),
        "CHANGELOG.md has no `## {version}` entry"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_conclint"))
        .arg("--version")
        .output()
        .expect("binary runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("conclint {version}")
    );
}
