//! Lint acceptance: the findings the issue names on the corpus, silence on
//! clean text full of traps, and snapshots of the human and JSON output of
//! every corpus file.

mod common;
use common::load;
use conclint::lint::{config::Config, lint, Finding, Severity};
use conclint::parse::{parse, Document};

fn findings(doc: &Document) -> Vec<(&'static str, usize, usize)> {
    lint(doc, &Config::default())
        .iter()
        .map(|f| (f.rule, doc.line_of(f.start), doc.line_of(f.end)))
        .collect()
}

fn has(found: &[(&str, usize, usize)], rule: &str, line: usize) -> bool {
    found
        .iter()
        .any(|&(r, s, e)| r == rule && s <= line && line <= e)
}

#[test]
fn latvian_6122_findings() {
    let f = findings(&load("corpus/lv-6122-15-cyber-diplomacy.txt"));
    for (rule, line) in [
        ("elision", 64),
        ("draft-marker", 24),
        ("verb-case", 100),
        ("verb-unknown", 118),
        ("verb-unknown", 124),
        ("verb-unknown", 126),
        ("verb-unknown", 148),
        ("verb-unknown", 171),
        ("clause-terminator", 128),
    ] {
        assert!(has(&f, rule, line), "{rule} @{line} missing in {f:?}");
    }
}

#[test]
fn dutch_6122_findings() {
    let f = findings(&load("corpus/nl-6122-15-cyber-diplomacy.txt"));
    assert!(has(&f, "draft-marker", 6), "{f:?}");
    assert!(has(&f, "clause-terminator", 66), "{f:?}");
    assert!(
        f.iter()
            .any(|&(r, s, _)| r == "bullet-style" && (267..=278).contains(&s)),
        "{f:?}"
    );
}

#[test]
fn latvian_2022_findings() {
    let f = findings(&load("corpus/lv-2022-cyber-posture.txt"));
    assert!(
        f.iter()
            .any(|&(r, s, e)| r == "quotes" && s == 9 && e == 11),
        "{f:?}"
    );
    assert!(has(&f, "quotes", 306), "{f:?}");
    assert!(
        f.iter()
            .any(|&(r, s, e)| r == "list-item-terminator" && s == 69 && e == 71),
        "{f:?}"
    );
    for line in [279, 281, 341, 730] {
        assert!(has(&f, "verb-case", line), "verb-case @{line} in {f:?}");
    }
}

fn loud(fs: Vec<Finding>) -> Vec<Finding> {
    fs.into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

#[test]
fn clean_text_with_traps_gives_no_errors_or_warnings() {
    for name in [
        "fixtures/clean-lv-numbered.txt",
        "fixtures/clean-en-cover.txt",
    ] {
        let doc = load(name);
        assert_eq!(
            doc.kind,
            conclint::ast::DocKind::CouncilConclusions,
            "{name}"
        );
        let f = loud(lint(&doc, &Config::default()));
        assert!(f.is_empty(), "{name}: {f:#?}");
    }
}

#[test]
fn clean_fixtures_parse_as_intended() {
    let lv = load("fixtures/clean-lv-numbered.txt");
    let c = conclint::classify::classify(&lv);
    let points: Vec<Option<u32>> = c.clauses.iter().map(|r| r.point).collect();
    assert_eq!(
        points,
        [None, Some(1), Some(1), Some(2), Some(2), Some(3), Some(3)]
    );
    let en = load("fixtures/clean-en-cover.txt");
    assert_eq!(
        en.root().count(conclint::ast::Kind::Point),
        3,
        "the cover note's numbering is not the conclusions'"
    );
    assert_eq!(en.root().count(conclint::ast::Kind::Subpoint), 2);
    let c = conclint::classify::classify(&en);
    let calls: Vec<_> = c.clauses.iter().filter(|r| r.verb == "CALLS ON").collect();
    assert_eq!(calls[0].addressees, ["commission", "high_representative"]);
}

#[test]
fn snapshots_of_human_and_json_output() {
    common::snapshots_in("").bind(|| {
        insta::glob!("corpus/*.txt", |path| {
            let doc = parse(conclint::input::read_file(path).unwrap(), None);
            let found = lint(&doc, &Config::default());
            let name = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
            insta::assert_snapshot!(
                "lint-human",
                conclint::render::human::render(
                    &doc,
                    &name,
                    &found,
                    conclint::render::human::Style {
                        color: false,
                        width: 100,
                        show_fixes: false,
                    },
                )
            );
            let json = conclint::render::json::file(&doc, &name, &found);
            insta::assert_json_snapshot!("lint-json", json);
        });
    });
}

#[test]
fn a_draft_with_a_foreign_cover_note_and_page_footers() {
    use conclint::ast::Kind;
    let doc = load("fixtures/draft-en-cover-footers.txt");
    assert_eq!(doc.language.code, "en");
    let counts = [
        Kind::HeaderLine,
        Kind::CoverNote,
        Kind::Recital,
        Kind::Transition,
        Kind::Heading,
        Kind::Point,
        Kind::Subpoint,
        Kind::Footnote,
        Kind::FootnoteRef,
    ]
    .map(|k| doc.root().count(k));
    assert_eq!(counts, [13, 1, 2, 1, 2, 4, 2, 3, 3]);
    // The footers between points 2 and 3 are not in any node's text.
    let mut texts = String::new();
    for n in doc.nodes() {
        if n.kind().is_unit() {
            texts.push_str(n.text());
        }
    }
    assert!(!texts.contains("JJ/ab") && !texts.contains("LIMITE EN"));
    let c = conclint::classify::classify(&doc);
    let rows: Vec<(usize, &str, Option<u32>)> = c
        .clauses
        .iter()
        .map(|r| (r.line, r.function.as_str(), r.point))
        .collect();
    assert_eq!(
        rows,
        [
            (30, "recall", None),
            (33, "stress", None),
            (40, "stress", Some(1)),
            (42, "stress", Some(1)),
            (45, "call", Some(2)),
            (46, "call", Some(2)),
            (55, "welcome", Some(3)),
            (56, "encourage", Some(3)),
            (62, "note", Some(4)),
            (62, "expect", Some(4))
        ]
    );
}
