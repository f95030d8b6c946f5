//! The 24 language packs: each loads, and each language's fixture (a
//! constructed snippet, `tests/fixtures/lang/README.md`) is detected as that
//! language and classified: two recitals, two operative points.

mod common;

use conclint::lexicon::{Language, Role};
use conclint::parse::parse;
use std::path::Path;

const EU_LANGUAGES: [&str; 24] = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
];

#[test]
fn every_official_language_has_a_pack() {
    let mut codes: Vec<&str> = Language::all().iter().map(|l| l.code.as_str()).collect();
    codes.sort();
    assert_eq!(codes, EU_LANGUAGES);
    for l in Language::all() {
        assert!(!l.structure.formula.is_empty(), "{}: formula", l.code);
        assert!(
            l.verbs.iter().any(|v| v.role == Role::Preamble)
                && l.verbs.iter().any(|v| v.role == Role::Operative),
            "{}: verbs",
            l.code
        );
        assert!(
            !l.narrative.subjects.is_empty(),
            "{}: narrative subjects",
            l.code
        );
    }
}

#[test]
fn fixtures_are_detected_and_classified() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang");
    let mut problems = Vec::new();
    for code in EU_LANGUAGES {
        let path = dir.join(format!("{code}.txt"));
        let Ok(text) = conclint::input::read_file(&path) else {
            continue; // the corpus languages have real texts instead
        };
        let doc = parse(text, None);
        if doc.language.code != code {
            problems.push(format!("{code}: detected as {}", doc.language.code));
        }
        let c = conclint::classify::classify(&doc);
        let roles: Vec<Role> = c.clauses.iter().map(|r| r.role).collect();
        if roles
            != [
                Role::Preamble,
                Role::Preamble,
                Role::Operative,
                Role::Operative,
            ]
        {
            problems.push(format!("{code}: clauses {roles:?}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn snapshots_of_classification() {
    common::snapshots_in("lang").bind(|| {
        insta::glob!("fixtures/lang/*.txt", |path| {
            let doc = parse(conclint::input::read_file(path).unwrap(), None);
            let table = conclint::render::table::render(&conclint::classify::classify(&doc));
            insta::assert_snapshot!("classification", table);
        });
    });
}
