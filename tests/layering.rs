//! The layering of `src/`: no dependency cycles between modules, no source
//! file over 700 lines, no clap outside the binary's command line.
//!
//! The module graph is built from the source text, not from a list: a new
//! module is checked as soon as it exists. Two graphs are checked:
//!
//! - the top-level modules (`src/x.rs` or `src/x/`), edges from every
//!   `crate::x…` / `conclint::x…` / `super::…` path in any of their files;
//! - inside each directory `src/d/`, its submodules (`src/d/y.rs` or
//!   `src/d/y/`) among themselves.
//!
//! A directory's `mod.rs` is its interface: it declares and re-exports its
//! submodules and they use its shared types, so edges between `d` and `d::y`
//! are containment, not layering, and are not counted. Comments, strings and
//! `#[cfg(test)]` items are ignored (tests may reach anywhere).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 700;

/// A module path below the crate root: `["lint", "rules", "verb_case"]`.
type ModPath = Vec<String>;

/// One source file: its path relative to `src/` and its text.
struct Source {
    rel: String,
    text: String,
}

/// A dependency between two modules, with the first place that shows it.
#[derive(Default)]
struct Graph {
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

impl Graph {
    fn add(&mut self, from: &str, to: &str, evidence: String) {
        if from != to {
            self.edges
                .entry(from.to_string())
                .or_default()
                .entry(to.to_string())
                .or_insert(evidence);
        }
    }

    fn reaches(&self, from: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for next in self.edges.get(&n).into_iter().flat_map(|e| e.keys()) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    }

    /// One cycle per strongly connected component, each edge with its evidence.
    fn cycles(&self) -> Vec<String> {
        let mut reported: BTreeSet<String> = BTreeSet::new();
        let mut out = Vec::new();
        for start in self.edges.keys() {
            if reported.contains(start) || !self.reaches(start).contains(start) {
                continue;
            }
            // Shortest way back to `start` (breadth first).
            let mut prev: BTreeMap<String, String> = BTreeMap::new();
            let mut queue = VecDeque::from([start.clone()]);
            'search: while let Some(n) = queue.pop_front() {
                for next in self.edges.get(&n).into_iter().flat_map(|e| e.keys()) {
                    if next == start {
                        prev.insert(start.clone(), n.clone());
                        break 'search;
                    }
                    if !prev.contains_key(next) {
                        prev.insert(next.clone(), n.clone());
                        queue.push_back(next.clone());
                    }
                }
            }
            let mut chain = vec![start.clone()];
            let mut at = prev[start].clone();
            while &at != start {
                chain.push(at.clone());
                at = prev[&at].clone();
            }
            chain.push(start.clone());
            chain.reverse();
            let mut text = chain.join(" → ");
            for w in chain.windows(2) {
                text.push_str(&format!(
                    "\n    {} → {}: {}",
                    w[0], w[1], self.edges[&w[0]][&w[1]]
                ));
            }
            let component = self.reaches(start);
            reported.extend(
                component
                    .into_iter()
                    .filter(|n| self.reaches(n).contains(start)),
            );
            out.push(text);
        }
        out
    }
}

/// The module a file defines: `lint/rules/mod.rs` → `lint::rules`; the crate
/// roots (`lib.rs`, `main.rs`) are the empty path.
fn module_of(rel: &str) -> ModPath {
    let mut segs: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if segs.last().is_some_and(|s| s == "mod") {
        segs.pop();
    }
    if segs.len() == 1 && (segs[0] == "lib" || segs[0] == "main") {
        segs.clear();
    }
    segs
}

/// The text with comments, string and character literals blanked out, so
/// that only code is searched for paths.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let after_ident = |k: usize| k > 0 && ident(c[k - 1]);
        // `r"…"` or `br"…"`, but not the end of an identifier like `bar"`.
        let raw_start = c[i] == 'r' && (!after_ident(i) || c[i - 1] == 'b' && !after_ident(i - 1));
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if raw_start && matches!(c.get(i + 1), Some('"' | '#')) {
            // Raw string `r#"…"#`: ends at a quote followed by as many hashes.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' {
            // A character literal (`'x'`, `'\n'`, `'\u{2026}'`) or a lifetime.
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push('\'');
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    without_test_items(&out)
}

/// Removes every item marked `#[cfg(test)]` (a `mod tests { … }`, a `use`, a
/// function): the text up to the end of its first brace block or its `;`.
fn without_test_items(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let item = &rest[at + MARK.len()..];
        let mut depth = 0;
        let mut end = item.len();
        for (k, ch) in item.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Sep, // `::`
    Open,
    Close,
    Comma,
    Star,
    Other,
}

fn tokens(code: &str) -> Vec<Tok> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
            continue;
        }
        i += 1;
        out.push(match ch {
            ':' if c.get(i) == Some(&':') => {
                i += 1;
                Tok::Sep
            }
            '{' => Tok::Open,
            '}' => Tok::Close,
            ',' => Tok::Comma,
            '*' => Tok::Star,
            c if c.is_whitespace() => continue,
            _ => Tok::Other,
        });
    }
    out
}

/// Reads one path or use tree (`a::b::{c, d::e}`) from `toks[i]`, pushing
/// every full path; returns the index after it.
fn use_tree(toks: &[Tok], mut i: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match toks.get(i) {
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                i += 1;
                if toks.get(i) == Some(&Tok::Sep) {
                    i += 1;
                    continue;
                }
                out.push(path);
                return i;
            }
            Some(Tok::Open) => {
                i += 1;
                loop {
                    if toks.get(i) == Some(&Tok::Close) {
                        return i + 1;
                    }
                    i = use_tree(toks, i, &path, out);
                    match toks.get(i) {
                        Some(Tok::Comma) => i += 1,
                        Some(Tok::Close) => return i + 1,
                        _ => return i,
                    }
                }
            }
            _ => {
                out.push(path);
                return i + usize::from(toks.get(i) == Some(&Tok::Star));
            }
        }
    }
}

/// Every module path a file names, made absolute: `crate::`, the library's
/// own name (from the binary), `super::` and `self::` are resolved.
fn referenced(module: &[String], code: &str, lib: &str) -> Vec<ModPath> {
    let toks = tokens(code);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Tok::Ident(head) = &toks[i] else { continue };
        let starts = matches!(head.as_str(), "crate" | "super" | "self") || head == lib;
        let continues = i > 0 && toks[i - 1] == Tok::Sep;
        if !starts || continues || toks.get(i + 1) != Some(&Tok::Sep) {
            continue;
        }
        let mut paths = Vec::new();
        use_tree(&toks, i, &[], &mut paths);
        for p in paths {
            let mut abs: ModPath = Vec::new();
            let mut segs = p.iter().peekable();
            match segs.peek().map(|s| s.as_str()) {
                Some("crate") => {
                    segs.next();
                }
                Some(s) if s == lib => {
                    segs.next();
                }
                _ => abs = module.to_vec(),
            }
            for s in segs {
                match s.as_str() {
                    "self" => {}
                    "super" => {
                        abs.pop();
                    }
                    _ => abs.push(s.clone()),
                }
            }
            out.push(abs);
        }
    }
    out
}

/// The problems of a source tree: cycles, long files, clap in the library.
fn problems(sources: &[Source], lib: &str) -> Vec<String> {
    let modules: BTreeSet<ModPath> = sources.iter().map(|s| module_of(&s.rel)).collect();
    // Top-level modules the binary declares itself (its command line).
    let binary_only: BTreeSet<String> = sources
        .iter()
        .filter(|s| s.rel == "main.rs")
        .flat_map(|s| {
            let t = tokens(&code_only(&s.text));
            t.windows(2)
                .filter_map(|w| match (&w[0], &w[1]) {
                    (Tok::Ident(m), Tok::Ident(name)) if m == "mod" => Some(name.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut top = Graph::default();
    let mut inner: BTreeMap<String, Graph> = BTreeMap::new();
    let mut out = Vec::new();
    for s in sources {
        let lines = s.text.lines().count();
        if lines > MAX_LINES {
            out.push(format!(
                "src/{} has {lines} lines (at most {MAX_LINES})",
                s.rel
            ));
        }
        let module = module_of(&s.rel);
        let code = code_only(&s.text);
        let in_binary = (module.is_empty() && s.rel == "main.rs")
            || module.first().is_some_and(|m| binary_only.contains(m));
        if !in_binary && tokens(&code).contains(&Tok::Ident("clap".into())) {
            out.push(format!(
                "src/{} uses clap: only the command line may (src/main.rs and its modules)",
                s.rel
            ));
        }
        if module.is_empty() {
            continue;
        }
        for target in referenced(&module, &code, lib) {
            // The longest known module the path goes through.
            let Some(len) = (1..=target.len())
                .rev()
                .find(|&n| modules.contains(&target[..n]))
            else {
                continue;
            };
            let target = &target[..len];
            let evidence = format!("src/{} names {}", s.rel, target.join("::"));
            top.add(&module[0], &target[0], evidence.clone());
            if module[0] == target[0] && module.len() > 1 && target.len() > 1 {
                inner.entry(module[0].clone()).or_default().add(
                    &module[..2].join("::"),
                    &target[..2].join("::"),
                    evidence,
                );
            }
        }
    }
    for c in top.cycles() {
        out.push(format!("cycle between top-level modules: {c}"));
    }
    for g in inner.values() {
        for c in g.cycles() {
            out.push(format!("cycle inside a directory: {c}"));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn modules_form_no_cycles_and_files_stay_short() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let sources: Vec<Source> = files
        .iter()
        .map(|p| Source {
            rel: p
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            text: std::fs::read_to_string(p).unwrap(),
        })
        .collect();
    assert!(sources.len() > 10, "src/ was not read");
    let lib = env!("CARGO_PKG_NAME").replace('-', "_");
    let problems = problems(&sources, &lib);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// The checker itself, on small made-up trees.

fn tree(files: &[(&str, &str)]) -> Vec<Source> {
    files
        .iter()
        .map(|(rel, text)| Source {
            rel: rel.to_string(),
            text: text.to_string(),
        })
        .collect()
}

#[test]
fn a_cycle_is_found_and_shown_with_its_evidence() {
    let p = problems(
        &tree(&[
            ("lib.rs", "pub mod a; pub mod b; pub mod c;"),
            ("a.rs", "use crate::b::thing;"),
            ("b/mod.rs", "pub mod x;"),
            ("b/x.rs", "pub fn f() { crate::c::g() }"),
            ("c.rs", "use crate::{lexicon, a::{self, Y}};"),
        ]),
        "conclint",
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("a → b → c → a"), "{}", p[0]);
    assert!(p[0].contains("src/b/x.rs names c"), "{}", p[0]);
}

#[test]
fn sibling_cycles_count_but_the_directory_interface_does_not() {
    let files = [
        ("lib.rs", "pub mod d;"),
        ("d/mod.rs", "mod x; mod y; pub use x::X; pub struct Shared;"),
        ("d/x.rs", "use super::Shared; use super::y::Y;"),
        ("d/y.rs", "use crate::d::Shared;"),
    ];
    assert!(problems(&tree(&files), "conclint").is_empty());
    let mut files = files.to_vec();
    files[3] = ("d/y.rs", "use super::super::d::x::X;");
    let p = problems(&tree(&files), "conclint");
    assert!(p.len() == 1 && p[0].contains("d::x → d::y → d::x"), "{p:?}");
}

#[test]
fn comments_strings_and_test_code_are_not_dependencies() {
    let p = problems(
        &tree(&[
            ("lib.rs", "pub mod a; pub mod b;"),
            ("a.rs", "use crate::b::B;"),
            (
                "b.rs",
                r##"
                // crate::a::f()
                /* crate::a /* nested */ crate::a */
                const S: &str = "crate::a::f";
                const R: &str = r#"crate::a "quoted" crate::a"#;
                const C: char = '"'; fn f<'a>(x: &'a str) {}
                #[cfg(test)]
                mod tests { use crate::a::f; fn g() { crate::a::f() } }
                "##,
            ),
        ]),
        "conclint",
    );
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn the_binary_reaches_the_library_by_name_and_alone_may_use_clap() {
    let p = problems(
        &tree(&[
            ("lib.rs", "pub mod core;"),
            ("main.rs", "mod cli; fn main() { cli::run() }"),
            ("cli/mod.rs", "use clap::Parser; use conclint::core::X;"),
            (
                "core.rs",
                "use crate::cli::Y; #[derive(clap::ValueEnum)] enum E {}",
            ),
        ]),
        "conclint",
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].contains("src/core.rs uses clap"), "{p:?}");
    assert!(p[1].contains("cli → core → cli"), "{p:?}");
}

#[test]
fn long_files_are_reported() {
    let long = "\n".repeat(MAX_LINES + 1);
    let p = problems(&tree(&[("lib.rs", ""), ("big.rs", &long)]), "conclint");
    assert!(
        p.len() == 1 && p[0].contains("src/big.rs has 701 lines"),
        "{p:?}"
    );
}
