//! Property tests: any text parses without panicking, and every span of the
//! tree lies inside the input on character boundaries, with the right line.

use conclint::ast::NodeRef;
use conclint::parse::parse;
use proptest::prelude::*;

fn check_spans(source: &str, node: NodeRef, doc: &conclint::parse::Document) {
    let s = node.span();
    assert!(
        s.start <= s.end && s.end <= source.len(),
        "{:?} {:?}",
        node.kind(),
        s
    );
    assert!(source.is_char_boundary(s.start) && source.is_char_boundary(s.end));
    assert_eq!(node.line(), doc.line_of(s.start));
    for c in node.children() {
        check_spans(source, c, doc);
    }
}

/// Text made of the pieces Council documents are made of, in random order.
fn council_like() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("UZSVER, ka ".to_string()),
            Just("ATGĀDINOT ".to_string()),
            Just("- item,\n".to_string()),
            Just("• punkts\r\n".to_string()),
            Just("1. AICINA Komisiju".to_string()),
            Just("2016. gada\n\n".to_string()),
            Just("¹ Dok. 123/45.\n".to_string()),
            Just("Europa1 over 20136, ".to_string()),
            Just("inter-\n\nnationale ".to_string()),
            Just(" BIJLAGE \n".to_string()),
            Just("6122/15 ard/AR/ps 3\nDG C 1 LIMITE LV\n".to_string()),
            Just("EIROPAS SAVIENĪBAS PADOME,\n".to_string()),
            Just("UZSVE\u{0304}R *x* ".to_string()),
            Just("\u{FEFF}\t\u{00A0}\u{000C}".to_string()),
            "[a-zA-ZĀČĒĢĪĶĻŅŠŪŽāēīū .,;:()\"'\n-]{0,40}",
        ],
        0..40,
    );
    pieces.prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics_and_spans_stay_in_bounds(s in "\\PC{0,400}") {
        let doc = parse(s.clone(), None);
        check_spans(&s, doc.root(), &doc);
    }

    #[test]
    fn fixing_is_idempotent(s in council_like()) {
        let config = conclint::lint::config::Config::default();
        let (fixed, _) = conclint::fix::fix_text(&s, conclint::lexicon::Language::get("lv"), &config);
        let (again, n) = conclint::fix::fix_text(&fixed, conclint::lexicon::Language::get("lv"), &config);
        prop_assert_eq!(n, 0);
        prop_assert_eq!(again, fixed);
    }

    #[test]
    fn findings_stay_in_bounds_and_json_is_valid(s in council_like()) {
        let doc = parse(s.clone(), None);
        let findings = conclint::lint::lint(&doc, &conclint::lint::config::Config::default());
        for f in &findings {
            prop_assert!(f.start <= f.end && f.end <= s.len());
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        }
        let json = serde_json::to_string(&conclint::render::json::file(&doc, "x", &findings)).unwrap();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn council_like_text_never_panics_and_spans_stay_in_bounds(s in council_like()) {
        for lang in ["lv", "nl", "en"] {
            let doc = parse(s.clone(), conclint::lexicon::Language::get(lang));
            check_spans(&s, doc.root(), &doc);
            let json = serde_json::to_string(&doc.root()).unwrap();
            prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        }
    }
}

/// Text that piles up what once made work quadratic or reached a panic:
/// long runs of one bracket, quotation mark, digit, capital or slash, deep
/// nesting, numbers at the top of `u32`, many footnote markers, labels and
/// headings, and multi-byte characters next to all of them.
fn pathological() -> impl Strategy<Value = String> {
    let run = (
        prop_oneof![
            Just("["),
            Just("]"),
            Just("("),
            Just("«"),
            Just("»"),
            Just("\""),
            Just("„"),
            Just("“"),
            Just("”"),
            Just("''"),
            Just("X"),
            Just("9"),
            Just("/"),
            Just("A"),
            Just("¹"),
            Just("ā"),
            Just("\u{200B}"),
            Just("[(«"),
            Just("»)]"),
            Just("[...] "),
            Just("1/"),
            Just("COM("),
        ],
        1..300usize,
    )
        .prop_map(|(unit, n)| unit.repeat(n));
    let pieces = prop::collection::vec(
        prop_oneof![
            run,
            Just("\n\n4294967295. UZSVER, ka ".to_string()),
            Just("\n\n4294967294. AICINA ".to_string()),
            Just("\n\nZ. VIRSRAKSTS\n\n".to_string()),
            Just("\n\nXXXIX. DAĻA\n\n".to_string()),
            Just("\n\n999999 Piezīme.\n".to_string()),
            Just("\n\n1. a;\n\n1. a;\n\n".to_string()),
            Just(" 2013. gada ".to_string()),
            "[a-zA-ZĀāē0-9 .,;:()\\[\\]\"/\n-]{0,30}",
        ],
        1..12,
    );
    pieces.prop_map(|v| format!("PADOMES SECINĀJUMI\n\n{}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    #[test]
    fn pathological_text_never_panics_and_findings_stay_in_bounds(s in pathological()) {
        let doc = parse(s.clone(), conclint::lexicon::Language::get("lv"));
        check_spans(&s, doc.root(), &doc);
        let findings = conclint::lint::lint(&doc, &conclint::lint::config::Config::default());
        for f in &findings {
            prop_assert!(f.start <= f.end && f.end <= s.len());
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
            prop_assert!(doc.column_of(f.start) >= 1 && doc.column_of(f.end) >= 1);
        }
        // Aligning the text with itself pairs every unit with itself.
        let a = conclint::align::Version::new("a".into(), parse(s.clone(), doc.language.into()));
        let b = conclint::align::Version::new("b".into(), parse(s.clone(), doc.language.into()));
        let al = conclint::align::align(&a, &b);
        prop_assert!(al.steps.iter().all(|st| matches!(st, conclint::align::Step::Both(i, j) if i == j)));
    }

    #[test]
    fn column_counts_agree_with_a_scan(s in "\\PC{0,3000}", at in 0usize..4000) {
        let doc = parse(s.clone(), conclint::lexicon::Language::get("en"));
        let at = at.min(s.len());
        let mut floor = at;
        while !s.is_char_boundary(floor) {
            floor -= 1;
        }
        let start = doc.line_start(doc.line_of(at));
        prop_assert_eq!(doc.column_of(at), s[start..floor].chars().count() + 1);
    }
}
