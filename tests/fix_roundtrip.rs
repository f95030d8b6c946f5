//! `--fix` round trips on real documents and on every input the
//! `fix_roundtrip` fuzz target ever broke (`tests/regressions/`): fixing
//! loses no text and adds no finding.

mod common;

use std::path::Path;

fn texts_under(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&root)
        .expect("folder reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = conclint::input::read_file(&p).expect("text reads");
            (p.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fuzz_regressions_round_trip() {
    let texts = texts_under("regressions");
    assert!(!texts.is_empty(), "tests/regressions holds the fuzz finds");
    for (path, text) in texts {
        eprintln!("{path}");
        common::roundtrip::check(&text);
    }
}

#[test]
fn corpus_documents_round_trip() {
    let mut texts = texts_under("corpus");
    texts.extend(texts_under("eurlex"));
    assert!(texts.len() > 40, "the corpus is copied into tests/");
    for (path, text) in texts {
        eprintln!("{path}");
        common::roundtrip::check(&text);
    }
}
