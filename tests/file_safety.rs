//! `--fix`, baselines and report files as an attacker or an unlucky user
//! meets them: planted links at temporary names, names that differ only in
//! invalid UTF-8, links, hard links, read-only files, outputs named like
//! inputs, pipes and endless devices. Runs the binary (Unix only).
#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A text with two fixable findings (`Aicina`, `UZSVĒR`).
const FIXABLE: &str =
    "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nAicina Komisiju ziņot;\n\nUZSVĒR, ka y;\n\nUZSVER z.\n";

fn fixed() -> String {
    FIXABLE
        .replace("Aicina", "AICINA")
        .replace("UZSVĒR", "UZSVER")
}

fn run(dir: &Path, args: &[&OsStr]) -> Output {
    common::run_in(dir, args)
}

fn tmp(name: &str) -> PathBuf {
    common::fresh_dir("safety", name)
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn links_planted_at_temporary_names_are_never_followed() {
    let dir = tmp("planted");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::fs::write(dir.join("doc.txt"), FIXABLE).unwrap();
    // Every name an older conclint would have picked, and a spread of
    // others: the writer's names are random and exclusively created.
    for pid in 0..2000u32 {
        let _ =
            std::os::unix::fs::symlink(&victim, dir.join(format!(".doc.txt.conclint-{pid}.tmp")));
    }
    let out = run(&dir, &[os("lint"), os("--fix"), os("doc.txt")]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(
        std::fs::read_to_string(dir.join("doc.txt")).unwrap(),
        fixed()
    );
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().as_bytes().starts_with(b".conclint-"))
        .count();
    assert_eq!(leftovers, 0, "no temporary file is left behind");
}

#[test]
fn names_that_differ_only_in_invalid_bytes_are_two_files() {
    let dir = tmp("bytes");
    let a = PathBuf::from(OsStr::from_bytes(b"doc-\xff.txt"));
    let b = PathBuf::from(OsStr::from_bytes(b"doc-\xfe.txt"));
    let other_a = FIXABLE.replace("x;", "a;");
    let other_b = FIXABLE.replace("x;", "b;");
    for _ in 0..20 {
        std::fs::write(dir.join(&a), &other_a).unwrap();
        std::fs::write(dir.join(&b), &other_b).unwrap();
        let out = run(
            &dir,
            &[
                os("lint"),
                os("--fix"),
                os("--threads"),
                os("2"),
                a.as_os_str(),
                b.as_os_str(),
            ],
        );
        assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
        let fa = std::fs::read_to_string(dir.join(&a)).unwrap();
        let fb = std::fs::read_to_string(dir.join(&b)).unwrap();
        assert!(fa.contains("a;") && fa.contains("AICINA"), "{fa}");
        assert!(fb.contains("b;") && fb.contains("AICINA"), "{fb}");
    }
}

#[test]
fn a_symlink_stays_a_link_and_its_target_is_fixed() {
    let dir = tmp("symlink");
    std::fs::write(dir.join("real.txt"), FIXABLE).unwrap();
    std::os::unix::fs::symlink("real.txt", dir.join("link.txt")).unwrap();
    let out = run(&dir, &[os("lint"), os("--fix"), os("link.txt")]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(dir.join("link.txt")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(
        std::fs::read_to_string(dir.join("real.txt")).unwrap(),
        fixed()
    );
}

#[test]
fn hard_links_read_only_files_and_modes() {
    let dir = tmp("modes");
    std::fs::write(dir.join("a.txt"), FIXABLE).unwrap();
    std::fs::hard_link(dir.join("a.txt"), dir.join("b.txt")).unwrap();
    let out = run(&dir, &[os("lint"), os("--fix"), os("a.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("hard links"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.join("b.txt")).unwrap(), FIXABLE);
    assert_eq!(std::fs::metadata(dir.join("a.txt")).unwrap().nlink(), 2);

    std::fs::write(dir.join("ro.txt"), FIXABLE).unwrap();
    std::fs::set_permissions(dir.join("ro.txt"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(&dir, &[os("lint"), os("--fix"), os("ro.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("ro.txt")).unwrap(),
        FIXABLE
    );

    std::fs::write(dir.join("mode.txt"), FIXABLE).unwrap();
    std::fs::set_permissions(dir.join("mode.txt"), std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::metadata(dir.join("mode.txt")).unwrap();
    let out = run(&dir, &[os("lint"), os("--fix"), os("mode.txt")]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let after = std::fs::metadata(dir.join("mode.txt")).unwrap();
    assert_eq!(after.permissions().mode() & 0o777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(
        std::fs::read_to_string(dir.join("mode.txt")).unwrap(),
        fixed()
    );
}

#[test]
fn reports_and_baselines_are_never_written_over_an_input() {
    let dir = tmp("outputs");
    std::fs::write(dir.join("doc.txt"), FIXABLE).unwrap();
    for flag in ["--write-baseline", "--output-file"] {
        let out = run(
            &dir,
            &[os("lint"), os(flag), os("./doc.txt"), os("doc.txt")],
        );
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(stderr(&out).contains("also an input"), "{}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(dir.join("doc.txt")).unwrap(),
            FIXABLE
        );
    }
    let out = run(
        &dir,
        &[
            os("lint"),
            os("--output-file"),
            os("report.txt"),
            os("doc.txt"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "the report went to the file");
    let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
    assert!(
        report.contains("verb-case") && report.contains("doc.txt"),
        "{report}"
    );
}

#[test]
fn pipes_and_endless_devices_neither_hang_nor_grow() {
    let dir = tmp("fifo");
    std::fs::write(dir.join("a.txt"), "UZSVER x.\n").unwrap();
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let t = Instant::now();
    let out = run(&dir, &[os("lint"), os("--format"), os("json"), os(".")]);
    assert!(t.elapsed() < Duration::from_secs(20));
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pipe.txt: skipped"),
        "{}",
        stderr(&out)
    );
    let out = run(&dir, &[os("lint"), os("pipe.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    let out = run(&dir, &[os("lint"), os("/dev/zero")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/dev/zero"), "{}", stderr(&out));
    // A size limit, from the command line.
    std::fs::write(dir.join("big.txt"), "UZSVER x.\n".repeat(1000)).unwrap();
    let out = run(
        &dir,
        &[os("lint"), os("--max-file-size"), os("1000"), os("big.txt")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("larger than the limit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_huge_thread_count_is_capped() {
    let dir = tmp("threads");
    std::fs::write(dir.join("a.txt"), "UZSVER x.\n").unwrap();
    let out = run(
        &dir,
        &[os("lint"), os("--threads"), os("100000000"), os("a.txt")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
