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
    // Each locked registry package whose sources are on this machine (all
    // that the build used; packages for other platforms are never fetched).
    let lock: toml::Table =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
            .expect("Cargo.lock")
            .parse()
            .expect("Cargo.lock is TOML");
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cargo")))
        .expect("a cargo home");
    let registries: Vec<std::path::PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    let mut needed: Vec<([u64; 3], String)> = Vec::new();
    let mut checked = 0;
    for p in lock["package"].as_array().expect("packages") {
        let (Some(name), Some(version)) = (p["name"].as_str(), p["version"].as_str()) else {
            continue;
        };
        if p.get("source").is_none() {
            continue; // this package
        }
        let Some(manifest) = registries
            .iter()
            .map(|r| r.join(format!("{name}-{version}/Cargo.toml")))
            .find(|m| m.is_file())
        else {
            continue;
        };
        checked += 1;
        let m: toml::Table = std::fs::read_to_string(&manifest)
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or_default();
        if let Some(rv) = m
            .get("package")
            .and_then(|p| p.get("rust-version"))
            .and_then(|v| v.as_str())
        {
            needed.push((version_tuple(rv), format!("{name} {rv}")));
        }
    }
    assert!(checked > 20, "dependency sources found: {checked}");
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
