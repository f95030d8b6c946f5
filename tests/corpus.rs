//! The corpus documents: node counts from the acceptance table, clause
//! counts of the 6122/15 pair, and snapshots of the outline and of the
//! classification table of every corpus file.

mod common;
use common::load;
use conclint::ast::Kind;
use conclint::classify::classify;
use conclint::lexicon::Role;
use conclint::parse::{parse, Document};

/// (recital, transition, paragraph, point, heading, list, list_item, footnote, footnote_ref)
fn counts(doc: &Document) -> [usize; 9] {
    [
        Kind::Recital,
        Kind::Transition,
        Kind::Paragraph,
        Kind::Point,
        Kind::Heading,
        Kind::List,
        Kind::ListItem,
        Kind::Footnote,
        Kind::FootnoteRef,
    ]
    .map(|k| doc.root().count(k))
}

#[test]
fn node_counts_match_the_acceptance_table() {
    assert_eq!(
        counts(&load("corpus/lv-6122-15-cyber-diplomacy.txt")),
        [9, 3, 32, 0, 6, 8, 39, 9, 9]
    );
    assert_eq!(
        counts(&load("corpus/nl-6122-15-cyber-diplomacy.txt")),
        [9, 3, 32, 0, 6, 8, 39, 9, 9]
    );
    assert_eq!(
        counts(&load("corpus/lv-2022-cyber-posture.txt")),
        [1, 0, 0, 30, 5, 1, 20, 20, 20]
    );
}

#[test]
fn the_6122_pair_has_47_clauses_each() {
    for name in [
        "lv-6122-15-cyber-diplomacy.txt",
        "nl-6122-15-cyber-diplomacy.txt",
    ] {
        let c = classify(&load(&format!("corpus/{name}")));
        let preamble = c
            .clauses
            .iter()
            .filter(|r| r.role == Role::Preamble)
            .count();
        let operative = c
            .clauses
            .iter()
            .filter(|r| r.role == Role::Operative)
            .count();
        assert_eq!((preamble, operative), (10, 37), "{name}");
    }
}

#[test]
fn the_6122_pair_has_the_same_functions_in_the_same_order() {
    let lv = classify(&load("corpus/lv-6122-15-cyber-diplomacy.txt"));
    let nl = classify(&load("corpus/nl-6122-15-cyber-diplomacy.txt"));
    let lv_f: Vec<_> = lv.clauses.iter().map(|c| c.role).collect();
    let nl_f: Vec<_> = nl.clauses.iter().map(|c| c.role).collect();
    assert_eq!(lv_f, nl_f);
}

#[test]
fn document_kinds_and_languages() {
    let join = load("corpus/lv-join-2013-1-cybersecurity-strategy.txt");
    assert_eq!(join.kind, conclint::ast::DocKind::Other);
    assert!(
        classify(&join).clauses.is_empty(),
        "no verb classification for a communication"
    );
    assert_eq!(
        load("corpus/nl-6122-15-cyber-diplomacy.txt").language.code,
        "nl"
    );
    assert_eq!(load("corpus/lv-2022-cyber-posture.txt").language.code, "lv");
}

#[test]
fn glued_footnote_digits_are_resolved_not_guessed() {
    let doc = load("corpus/nl-6122-15-cyber-diplomacy.txt");
    let mut refs = Vec::new();
    for n in doc.nodes() {
        if n.kind() == Kind::FootnoteRef {
            refs.push((
                n.number().unwrap(),
                n.line(),
                &doc.source[n.span().start..n.span().end],
            ));
        }
    }
    // `over 20136` is the year 2013 followed by note 6, on line 245.
    assert!(refs.contains(&(6, 245, "6")), "{refs:?}");
    let numbers: Vec<u32> = refs.iter().map(|r| r.0).collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
}

#[test]
fn numbered_points_ignore_wrapped_year_and_article_lines() {
    let doc = load("corpus/lv-2022-cyber-posture.txt");
    let mut numbers = Vec::new();
    for n in doc.nodes() {
        if n.kind() == Kind::Point {
            numbers.push(n.number().unwrap());
        }
    }
    assert_eq!(numbers, (1..=30).collect::<Vec<_>>());
}

#[test]
fn snapshots_of_outline_and_classification() {
    common::snapshots_in("").bind(|| {
        insta::glob!("corpus/*.txt", |path| {
            let doc = parse(conclint::input::read_file(path).unwrap(), None);
            insta::assert_snapshot!("outline", conclint::render::outline::render(&doc));
            insta::assert_snapshot!(
                "classification",
                conclint::render::table::render(&classify(&doc))
            );
        });
    });
}
