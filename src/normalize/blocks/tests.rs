//! Unit tests of block rebuilding on small texts.

use super::*;

fn blocks(code: &str, text: &str) -> Vec<(String, Shape)> {
    let lang = Language::get(code).unwrap();
    let (out, _, blocks) = rebuild(text, lang, false);
    blocks
        .iter()
        .map(|b| (out.get(b.start..b.end).unwrap().to_string(), b.shape))
        .collect()
}

#[test]
fn hyphenated_words_are_joined_but_suspended_hyphens_stay() {
    let b = blocks(
        "nl",
        "ONDERKENNEND dat de inter-\n\nnationale netwerk-\nen informatie, EU-\nactieplan,\n",
    );
    assert_eq!(
        b[0].0,
        "ONDERKENNEND dat de internationale netwerk- en informatie, EU-actieplan,"
    );
}

#[test]
fn wrapped_year_lines_continue_the_point() {
    let text = "1. UZSVER, ka pasākumi tika pieņemti\n\n2016. gada Varšavas sanāksmē un\n\n42. panta 7. punktu.\n\n2. AICINA Komisiju.\n";
    let b = blocks("lv", text);
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!(b[1].1, Shape::Point { number: 2 });
}

#[test]
fn footnote_block_inside_a_paragraph_is_moved_after_it() {
    let text = "ONDERSTREPEND dat de conclusies over Europa1 en de\n\n1 documenten 10130/10.\n\n betreffende kwesties,\n\nHERHALEND dat x,\n";
    let b = blocks("nl", text);
    assert_eq!(
        b[0].0,
        "ONDERSTREPEND dat de conclusies over Europa1 en de betreffende kwesties,"
    );
    assert_eq!(b[1].1, Shape::Footnote { number: 1 });
    assert!(matches!(b[2].1, Shape::Verb { .. }));
}

#[test]
fn footers_disappear_from_the_text() {
    let text = "1. UZSVER, ka pasākumi\n6122/15 ard/AR/ps 2\nDG C 1 LIMITE LV\n tika pieņemti.\n";
    let b = blocks("lv", text);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].0, "1. UZSVER, ka pasākumi tika pieņemti.");
}

#[test]
fn a_recital_after_the_items_of_a_shared_head_is_a_block_of_its_own() {
    // Official Journal layout: the items carry the head's verb, in ordinary
    // case or not ("COVID-19 …" is no verb head); the capitalised recital
    // after a finished item starts the next block.
    let text = "RECALLING THAT:\n\n1.\n\nthe strategy recognises mental health;\n\n2.\n\nCOVID-19 hit young people hard;\n\nTAKING INTO ACCOUNT the communication,\n";
    let b = blocks("en", text);
    assert_eq!(b.len(), 4, "{b:?}");
    assert_eq!(b[3].0, "TAKING INTO ACCOUNT the communication,");
    // A point headed by its own verb goes on over a second verb head.
    let text = "1. STRESSES that mental health matters;\nCALLS ON the Member States to act;\n\n2. WELCOMES the plan.\n";
    let b = blocks("en", text);
    assert_eq!(b.len(), 2, "{b:?}");
}

#[test]
fn a_note_rule_is_not_text_of_the_point_above_it() {
    let text = "6. The European Council welcomes the deal.\n_________________\n1 See also the conclusions of 2025.\n";
    let b = blocks("en", text);
    assert_eq!(
        b[0].0, "6. The European Council welcomes the deal.",
        "{b:?}"
    );
    assert_eq!(b[1].1, Shape::Footnote { number: 1 }, "{b:?}");
}

#[test]
fn a_lettered_recital_is_a_lettered_unit_not_a_sub_point() {
    let b = blocks(
        "en",
        "(a) RECALLING that equality is a core value,\n\n(b) to ensure that it is respected;\n",
    );
    assert_eq!(
        b[0].1,
        Shape::Letter {
            verb: Some(crate::lexicon::Role::Preamble)
        }
    );
    assert_eq!(b[1].1, Shape::SubPoint);
}
