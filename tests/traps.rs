//! Script and typography traps of the 24 languages, each on a small
//! realistic text (constructed for these tests).

use conclint::ast::Kind;
use conclint::lexicon::Language;
use conclint::lint::{config::Config, lint};
use conclint::parse::parse;

fn doc(code: &str, text: &str) -> conclint::parse::Document {
    parse(text.to_string(), Language::get(code))
}

#[test]
fn greek_ano_teleia_is_punctuation_not_a_bullet() {
    // U+0387 becomes U+00B7 under NFC; a wrapped line that starts with it
    // continues the point.
    let text = "ΤΟ ΣΥΜΒΟΥΛΙΟ ΤΗΣ ΕΥΡΩΠΑΪΚΗΣ ΕΝΩΣΗΣ,\n\n1. ΚΑΛΕΙ τα κράτη μέλη να ενισχύσουν τη συνεργασία\n\u{0387} ιδίως στον τομέα της κυβερνοασφάλειας.\n";
    let d = doc("el", text);
    assert_eq!(d.root().count(Kind::ListItem), 0);
    assert_eq!(d.root().count(Kind::Point), 1);
}

#[test]
fn greek_capitals_and_lower_case_compare_without_accents() {
    // A head with a stray tonos, and a narrative sentence in lower case.
    let text = "ΤΟ ΣΥΜΒΟΥΛΙΟ ΤΗΣ ΕΥΡΩΠΑΪΚΗΣ ΕΝΩΣΗΣ,\n\nΥΠΕΝΘΥΜΊΖΟΝΤΑΣ τα συμπεράσματά του,\n\n1. Το Συμβούλιο υπενθυμίζει τη σημασία της πολιτιστικής κληρονομιάς.\n";
    let c = conclint::classify::classify(&doc("el", text));
    let functions: Vec<&str> = c.clauses.iter().map(|r| r.function.as_str()).collect();
    assert_eq!(functions, ["recall", "recall"], "{:?}", c.clauses);
}

#[test]
fn irish_mutation_prefixes_are_capitals() {
    assert!(conclint::text::is_all_caps("tAONTAS"));
    assert!(conclint::text::is_all_caps("nEORPACH"));
    assert!(!conclint::text::is_all_caps("iPhone"));
    assert!(!conclint::text::is_all_caps("tAontas"));
}

#[test]
fn greek_and_cyrillic_letter_labels_are_sub_points() {
    let el = "ΤΟ ΣΥΜΒΟΥΛΙΟ ΤΗΣ ΕΥΡΩΠΑΪΚΗΣ ΕΝΩΣΗΣ,\n\n1. ΚΑΛΕΙ τα κράτη μέλη:\n\nα) να ενισχύσουν τη συνεργασία·\n\nβ) να υποβάλουν έκθεση.\n";
    let bg = "СЪВЕТЪТ НА ЕВРОПЕЙСКИЯ СЪЮЗ,\n\n1. ПРИКАНВА държавите членки:\n\nа) да засилят сътрудничеството;\n\nб) да докладват.\n";
    for (code, text, labels) in [("el", el, ["α", "β"]), ("bg", bg, ["а", "б"])] {
        let d = doc(code, text);
        let found: Vec<String> = d
            .nodes()
            .filter(|n| n.kind() == Kind::Subpoint)
            .filter_map(|n| n.label().map(str::to_string))
            .collect();
        assert_eq!(found, labels, "{code}");
    }
}

#[test]
fn every_quotation_style_balances() {
    let cases = [
        ("de", "DER RAT DER EUROPÄISCHEN UNION —\n\n1. BETONT die „Agenda 2030“ und die ‚neue‘ Strategie;\n\n2. BEGRÜSST den Bericht „Kultur in Europa“.\n"),
        ("de", "DER RAT DER EUROPÄISCHEN UNION —\n\n1. BETONT die »Agenda 2030«;\n\n2. BEGRÜSST den Bericht »Kultur in Europa«.\n"),
        ("fr", "LE CONSEIL DE L'UNION EUROPÉENNE,\n\n1. SOULIGNE le « programme Europe créative » ;\n\n2. SALUE le rapport « Culture ».\n"),
        ("da", "RÅDET FOR DEN EUROPÆISKE UNION,\n\n1. UNDERSTREGER »den europæiske kulturarv«;\n\n2. OPFORDRER medlemsstaterne til at handle.\n"),
    ];
    for (code, text) in cases {
        let d = doc(code, text);
        let quotes: Vec<String> = lint(&d, &Config::default())
            .into_iter()
            .filter(|f| f.rule == "quotes")
            .map(|f| f.message)
            .collect();
        assert!(quotes.is_empty(), "{code}: {quotes:?}");
    }
    // And an unbalanced reversed quotation is still found.
    let d = doc(
        "da",
        "RÅDET FOR DEN EUROPÆISKE UNION,\n\n1. UNDERSTREGER »den europæiske kulturarv;\n",
    );
    assert!(lint(&d, &Config::default())
        .iter()
        .any(|f| f.rule == "quotes"));
}

#[test]
fn a_mixed_bullet_after_an_unfinished_item_is_the_next_item() {
    // The first item was cut off (no terminator); the second has the other
    // dash. Set off by a blank line it is an item of its own, so fixing the
    // bullet does not change what the list holds.
    let items = |bullet: &str| {
        let text = format!(
            "THE COUNCIL OF THE EUROPEAN UNION,\n\n1. ENCOURAGES the Member States:\n\n\
             – to strengthen their cooperation on\n\n{bullet} to share information;\n\n\
             – to report by 2027.\n"
        );
        doc("en", &text).root().count(Kind::ListItem)
    };
    assert_eq!(items("–"), 3);
    assert_eq!(items("-"), 3);
    // Without the blank line a dash at the start of a line is still read as
    // running text of the item before.
    let text = "THE COUNCIL OF THE EUROPEAN UNION,\n\n1. ENCOURAGES the Member States:\n\n\
                – to strengthen their cooperation on\n- to share information;\n\n\
                – to report by 2027.\n";
    assert_eq!(doc("en", text).root().count(Kind::ListItem), 2);
}

#[test]
fn the_points_holding_an_offset_are_found_outermost_first() {
    let text = "THE COUNCIL OF THE EUROPEAN UNION,\n\n1. STRESSES that:\n\n(a) trust matters;\n\n(b) so does speed.\n\n2. CALLS ON the Member States to act.\n";
    let d = doc("en", text);
    let labels = |needle: &str| -> Vec<String> {
        let at = d.source.find(needle).unwrap_or(0);
        d.points_at(at)
            .iter()
            .map(|n| match n.number() {
                Some(k) => k.to_string(),
                None => n.label().unwrap_or_default().trim().to_string(),
            })
            .collect()
    };
    assert_eq!(labels("speed"), ["1", "b"]);
    assert_eq!(labels("trust"), ["1", "a"]);
    assert_eq!(labels("Member States"), ["2"]);
    assert!(labels("COUNCIL").is_empty());
}
