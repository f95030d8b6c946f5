use super::*;

/// Detection trusts build.rs's hints instead of the parsed packs: they
/// must say the same.
#[test]
fn detection_hints_agree_with_the_packs() {
    for (i, code) in Language::codes().into_iter().enumerate() {
        let lang = Language::nth(i).unwrap();
        assert_eq!(lang.code, code);
        for word in lang.by_first_word.keys() {
            assert!(
                Language::verb_start_candidates(word).contains(&i),
                "{code} {word}"
            );
        }
        let hinted = verb_start_index()
            .iter()
            .filter(|(_, packs)| packs.contains(&i))
            .count();
        assert_eq!(hinted, lang.by_first_word.len(), "{code}");
        let whatlang = Language::whatlang_codes()
            .find(|&(j, _)| j == i)
            .map(|w| w.1);
        assert_eq!(whatlang, lang.whatlang.as_deref(), "{code}");
    }
    assert!(Language::nth(Language::codes().len()).is_none());
}

#[test]
fn every_language_file_loads() {
    assert!(Language::all().len() >= 5);
    for code in Language::codes() {
        // A pack is found by its file name: it must be its code.
        assert_eq!(Language::get(code).map(|l| l.code.as_str()), Some(code));
    }
    for l in Language::all() {
        assert!(!l.verbs.is_empty(), "{} has no verbs", l.code);
    }
}

#[test]
fn longest_form_is_tried_first() {
    let nl = Language::get("nl").unwrap();
    let first = nl.forms_starting_with("MOEDIGT").next().unwrap();
    assert_eq!(first.form, "MOEDIGT … STERK AAN");
}

#[test]
fn duplicate_forms_are_rejected() {
    let bad = include_str!("../../rules/lang/lv.toml").replace(
        "recall = [\"ATGĀDINA\",",
        "recall = [\"ATGĀDINA\", \"ATGĀDINA\",",
    );
    assert!(Language::from_toml(&bad).is_err());
}
