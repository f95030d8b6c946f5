//! Data-driven tests of the document grammar: each file in `tests/parser/ok/`
//! (`<case>.<lang>.txt`, a small realistic text exercising one branch of
//! `grammar/document.pest`) is parsed and its token string and outline are
//! snapshotted under `snapshots/parser/`. Adding a case is adding a file.
//!
//! Also: the lexer's tokens tile the normalised text of every test document.

mod common;

use conclint::lexicon::Language;
use conclint::parse::{parse, Document};
use std::path::Path;

fn lang_of(path: &Path) -> Option<&'static Language> {
    let name = path.file_name()?.to_str()?;
    let code = name.strip_suffix(".txt")?.rsplit('.').next()?;
    Language::get(code)
}

#[test]
fn grammar_branches() {
    common::snapshots_in("parser").bind(|| {
        insta::glob!("parser/ok/*.txt", |path| {
            let lang = lang_of(path).expect("file named <case>.<lang>.txt");
            let doc = parse(conclint::input::read_file(path).unwrap(), Some(lang));
            let tokens = conclint::syntax::shape_string(&doc.norm.blocks);
            let dump = format!(
                "tokens: {tokens}\n{}",
                conclint::render::outline::render(&doc)
            );
            insta::assert_snapshot!("parse", dump);
        });
    });
}

/// Blocks follow each other in order, separated by exactly one newline, and
/// cover the normalised text from its first byte to its last.
fn assert_tokens_tile(doc: &Document, name: &str) {
    let text = &doc.norm.text;
    let mut at = 0;
    for (i, b) in doc.norm.blocks.iter().enumerate() {
        if i > 0 {
            assert_eq!(&text[at..b.start], "\n", "{name}: gap before block {i}");
        } else {
            assert_eq!(b.start, 0, "{name}: text before the first block");
        }
        assert!(
            b.start <= b.head && b.head <= b.end,
            "{name}: head of block {i}"
        );
        at = b.end;
    }
    assert_eq!(at, text.len(), "{name}: text after the last block");
}

#[test]
fn tokens_tile_the_normalised_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut seen = 0;
    for dir in ["corpus", "fixtures", "parser/ok", "eurlex"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let doc = parse(conclint::input::read_file(&p).unwrap(), lang_of(&p));
                assert_tokens_tile(&doc, &p.display().to_string());
                assert_eq!(doc.tree.len(), doc.root().descendants().count());
                seen += 1;
            }
        }
    }
    assert!(seen >= 15, "{seen} documents");
}
