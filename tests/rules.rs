//! One fixture folder per rule, `tests/rules/<rule-id>/`, lint and align
//! rules alike.
//!
//! - Lint rules: `bad-<lang>-<case>.txt` has the defect, `good-<lang>-<case>.txt`
//!   is clean text of the same shape (with the traps the rule must not fall
//!   into). Each file is linted as it stands, in the language its name
//!   gives, with only its folder's rule selected.
//! - Align rules: pairs `<bad|good>-<case>.a.<lang>.txt` and
//!   `<bad|good>-<case>.b.<lang>.txt`, aligned with each other; only the
//!   folder's rule's findings count.
//!
//! The findings (and, for fixable rules, the text after fixing) are insta
//! snapshots in `snapshots/rules/`. The checks below make a missing or
//! toothless fixture fail: every registered rule has a folder, every `bad-`
//! case produces a finding of that rule, every `good-` case none, and every
//! folder is a registered rule. Notes on how the fixtures were made are in
//! each folder's `README.md`, never in the fixtures (they are linted as-is).

use conclint::align::{align, Version};
use conclint::lexicon::Language;
use conclint::lint::{config::Config, lint, Finding, Scope};
use conclint::parse::{parse, Document};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// What a fixture's file name says about it.
struct Fixture {
    rule: String,
    path: PathBuf,
    file: String,
    /// `bad-` (the defect is present) or `good-`.
    positive: bool,
    lang: &'static Language,
    /// For the first file of an align pair: the second one.
    partner: Option<PathBuf>,
    /// The second file of an align pair (reported with the first).
    is_second: bool,
}

fn fixture(path: &Path) -> Fixture {
    let rule = path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .expect("fixture in a rule folder");
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .expect("fixture has a name");
    let positive = file.starts_with("bad-");
    assert!(
        positive || file.starts_with("good-"),
        "{rule}/{file}: a fixture name starts with `bad-` or `good-`"
    );
    let stem = file.strip_suffix(".txt").expect("a .txt fixture");
    // `bad-lv-gap` for lint rules; `bad-moved.a.lv` for align pairs.
    let parts: Vec<&str> = stem.split('.').collect();
    let (lang, partner, is_second) = match parts.as_slice() {
        [name] => {
            let lang = name.split('-').nth(1).unwrap_or("");
            (lang, None, false)
        }
        [case, side @ ("a" | "b"), lang] => {
            let partner = (*side == "a").then(|| second_of(path, case));
            (*lang, partner, *side == "b")
        }
        _ => panic!("{rule}/{file}: name it <bad|good>-<lang>-<case>.txt or <bad|good>-<case>.<a|b>.<lang>.txt"),
    };
    let lang = Language::get(lang)
        .unwrap_or_else(|| panic!("{rule}/{file}: `{lang}` is not a language code"));
    Fixture {
        rule,
        path: path.to_path_buf(),
        file,
        positive,
        lang,
        partner,
        is_second,
    }
}

/// `<case>.b.<lang>.txt` next to `<case>.a.*.txt`.
fn second_of(first: &Path, case: &str) -> PathBuf {
    let dir = first.parent().expect("fixture in a folder");
    let prefix = format!("{case}.b.");
    files(dir)
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .unwrap_or_else(|| panic!("{}: no `{prefix}*.txt` partner", first.display()))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

fn read(path: &Path) -> String {
    conclint::input::read_file(path).unwrap_or_else(|e| panic!("{e}"))
}

fn only(rule: &str) -> Config {
    Config {
        select: vec![rule.to_string()],
        ..Config::default()
    }
}

/// One side of a result: the file, its parse and its findings.
struct Side {
    file: String,
    doc: Document,
    findings: Vec<Finding>,
}

/// Lints (or aligns) a fixture; `None` for the second file of a pair.
fn run(fx: &Fixture) -> Option<Vec<Side>> {
    if fx.is_second {
        return None;
    }
    let text = read(&fx.path);
    let Some(second) = &fx.partner else {
        let doc = parse(text, Some(fx.lang));
        let findings = lint(&doc, &only(&fx.rule));
        return Some(vec![Side {
            file: fx.file.clone(),
            doc,
            findings,
        }]);
    };
    let other = fixture(second);
    let a = Version::new(fx.file.clone(), parse(text, Some(fx.lang)));
    let b = Version::new(other.file.clone(), parse(read(second), Some(other.lang)));
    let al = align(&a, &b);
    let mut sides = Vec::new();
    for (v, found) in [a, b].into_iter().zip(al.findings) {
        sides.push(Side {
            file: v.path,
            doc: v.doc,
            findings: found.into_iter().filter(|f| f.rule == fx.rule).collect(),
        });
    }
    Some(sides)
}

/// The first line of a finding's span, cut to a readable length.
fn excerpt(doc: &Document, f: &Finding) -> String {
    let s = doc.source.get(f.start..f.end).unwrap_or("");
    let first = s.lines().next().unwrap_or("");
    let cut: String = first.chars().take(70).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn render(fx: &Fixture, sides: &[Side]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "rule {} · {} · expected: {}",
        fx.rule,
        fx.lang.code,
        if fx.positive { "findings" } else { "none" }
    );
    for side in sides {
        let _ = writeln!(out, "\n{}: {} finding(s)", side.file, side.findings.len());
        for f in &side.findings {
            let _ = writeln!(
                out,
                "{}:{} {} {}: {}",
                side.doc.line_of(f.start),
                side.doc.column_of(f.start),
                f.severity.as_str(),
                f.rule,
                f.message
            );
            let _ = writeln!(out, "    | {}", excerpt(&side.doc, f));
            if let Some(h) = &f.help {
                let _ = writeln!(out, "    help: {h}");
            }
            for r in &f.related {
                let _ = writeln!(out, "    related: {}:{}:{}", r.path, r.line, r.column);
            }
        }
    }
    let fixable = conclint::registry::find(&fx.rule).is_some_and(|m| m.fixable);
    if fixable && fx.partner.is_none() {
        let source = &sides[0].doc.source;
        let config = only(&fx.rule);
        let (fixed, n) = conclint::fix::fix_text(source, Some(fx.lang), &config);
        // Fixing is idempotent: a second round finds nothing left to change.
        let (again, m) = conclint::fix::fix_text(&fixed, Some(fx.lang), &config);
        assert_eq!((m, &again), (0, &fixed), "{}: fixing twice", fx.file);
        let _ = writeln!(out, "\nafter fixes ({n} applied):");
        if n == 0 {
            let _ = writeln!(out, "(unchanged)");
        } else {
            out.push_str(&fixed);
        }
    }
    out
}

#[test]
fn fixtures_match_their_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots/rules");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("rules/*/*.txt", |path| {
            let fx = fixture(path);
            if let Some(sides) = run(&fx) {
                insta::assert_snapshot!("rule", render(&fx, &sides));
            }
        });
    });
}

#[test]
fn every_rule_has_fixtures_with_teeth_and_every_folder_is_a_rule() {
    let mut problems = Vec::new();
    for dir in files(&root()) {
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        if !dir.is_dir() {
            problems.push(format!("tests/rules/{name}: only rule folders belong here"));
        } else if conclint::registry::find(&name).is_none() {
            problems.push(format!("tests/rules/{name}: not a registered rule"));
        }
    }
    for meta in conclint::registry::all() {
        let dir = root().join(meta.name);
        if !dir.is_dir() {
            problems.push(format!("{}: no folder tests/rules/{0}/", meta.name));
            continue;
        }
        let (mut bad, mut good) = (0, 0);
        for path in files(&dir) {
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let file = file.unwrap_or_default();
            if file == "README.md" {
                continue;
            }
            if !file.ends_with(".txt") {
                problems.push(format!("{}/{file}: fixtures are .txt files", meta.name));
                continue;
            }
            let fx = fixture(&path);
            if meta.scope == Scope::Pair && fx.partner.is_none() && !fx.is_second {
                problems.push(format!(
                    "{}/{file}: align fixtures come in pairs",
                    meta.name
                ));
                continue;
            }
            let Some(sides) = run(&fx) else { continue };
            let n: usize = sides.iter().map(|s| s.findings.len()).sum();
            if fx.positive {
                bad += 1;
                if n == 0 {
                    problems.push(format!("{}/{file}: a bad case with no finding", meta.name));
                }
            } else {
                good += 1;
                if n > 0 {
                    problems.push(format!(
                        "{}/{file}: a good case with {n} finding(s)",
                        meta.name
                    ));
                }
            }
        }
        if bad == 0 || good == 0 {
            problems.push(format!(
                "{}: needs a bad and a good case ({bad} bad, {good} good)",
                meta.name
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
