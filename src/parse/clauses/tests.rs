use super::*;

fn heads(code: &str, s: &str, ctx: Context) -> Vec<String> {
    find(Language::get(code).unwrap(), s, ctx)
        .into_iter()
        .map(|h| h.verb(s))
        .collect()
}

#[test]
fn capitals_inside_and_lower_case_in_the_middle() {
    let s = "ATKĀRTOTI ATGĀDINA apņemšanos, un šajā sakarā mudina dalībvalstis, un MUDINA tās;";
    assert_eq!(
        heads("lv", s, Context::Operative),
        ["ATKĀRTOTI ATGĀDINA", "MUDINA"]
    );
}

#[test]
fn sentence_starts() {
    let s = "UZSVER nozīmi. Aicina Komisiju ziņot. Atzīmējot, ka tā ir, AICINA dalībvalstis. Katra dalībvalsts tiek mudināta.";
    assert_eq!(
        heads("lv", s, Context::Operative),
        ["UZSVER", "Aicina", "AICINA"]
    );
}

#[test]
fn discontinuous_dutch_verbs() {
    let s = "BENADRUKT de rol, en MOEDIGT hen AAN door te gaan,";
    assert_eq!(
        heads("nl", s, Context::Operative),
        ["BENADRUKT", "MOEDIGT AAN"]
    );
}

#[test]
fn list_items_take_only_capitals() {
    assert!(heads("en", "recognising that the Union", Context::ListItem).is_empty());
    assert_eq!(
        heads(
            "lv",
            "sadarbību ar partneriem. AICINA Komisiju",
            Context::ListItem
        ),
        ["AICINA"]
    );
}

#[test]
fn a_blank_wider_than_a_byte_before_a_sentence_end() {
    // U+2005 (three bytes, kept by normalisation) before the sentence's
    // last word: its tail used to be sliced from inside the blank.
    let s = "UZSVER nozīmi\u{2005}šeit. AICINA dalībvalstis; Komisija\u{3000}u. Aicina";
    assert_eq!(heads("lv", s, Context::Operative), ["UZSVER", "AICINA"]);
}

#[test]
fn narrative_subjects_after_a_fronted_phrase() {
    let op = Context::Operative;
    assert_eq!(
        heads(
            "en",
            "In this context, the Council stresses the role of the Union.",
            op
        ),
        ["stresses"]
    );
    assert_eq!(
        heads(
            "fr",
            "Dans ce contexte, le Conseil invite la Commission à agir.",
            op
        ),
        ["invite"]
    );
    // The verb second, its subject after it.
    assert_eq!(
        heads(
            "nl",
            "Voorts verwelkomt de Raad de mededeling van de Commissie.",
            op
        ),
        ["verwelkomt"]
    );
    assert_eq!(
        heads(
            "de",
            "Ferner begrüßt der Rat die Mitteilung der Kommission.",
            op
        ),
        ["begrüßt"]
    );
    // A fronted phrase with no comma, as several languages write it.
    assert_eq!(
        heads(
            "en",
            "Therefore the Council calls on the Member States to act.",
            op
        ),
        ["calls on"]
    );
    assert!(heads(
        "en",
        "The measures taken by Member States should be notified.",
        op
    )
    .is_empty());
    // A verb that opens the next sentence, its subject left out, is that
    // sentence's clause, not this subject's.
    assert_eq!(
        heads(
            "en",
            "The Council notes the progress. Calls on the Member States to act.",
            op
        ),
        ["notes", "Calls on"]
    );
    // Neither a subject inside a subordinate clause nor a second one.
    assert!(heads(
        "en",
        "Although the Council stresses it, the report is late.",
        op
    )
    .is_empty());
    assert_eq!(
        heads(
            "en",
            "The Council recalls that, in this context, the Member States must act.",
            op
        ),
        ["recalls"]
    );
}

#[test]
fn narrative_verbs_outside_relative_and_subordinate_clauses() {
    let op = Context::Operative;
    assert!(heads(
        "en",
        "The Member States face risks, which the Council notes with concern.",
        op
    )
    .is_empty());
    assert_eq!(
        heads(
            "en",
            "The Council, which met on 5 May, recalls its conclusions.",
            op
        ),
        ["recalls"]
    );
    assert!(heads(
        "nl",
        "De Raad heeft bepaald dat voorrang moet worden gegeven aan kanker.",
        op
    )
    .is_empty());
    assert_eq!(
        heads(
            "en",
            "The Council has decided that Member States must act.",
            op
        ),
        ["has decided"]
    );
}

#[test]
fn modal_constructions_with_a_narrative_subject() {
    let op = Context::Operative;
    assert_eq!(
        heads("en", "Member States must step up their efforts.", op),
        ["must"]
    );
    assert_eq!(
        heads(
            "nl",
            "De lidstaten, die de Raad steunt, moeten meer doen.",
            op
        ),
        ["moeten"]
    );
    // A modal with another subject is not a clause.
    assert!(heads("en", "The Commission must step up its efforts.", op).is_empty());
}

#[test]
fn misspelt_verbs_still_head_clauses() {
    let hits = find(
        Language::get("lv").unwrap(),
        "UZSVĒR, ka ES ir jāattīsta",
        Context::Operative,
    );
    assert_eq!(hits.len(), 1);
    assert!(hits[0].misspelt);
    assert_eq!(hits[0].form.form, "UZSVER");
}

#[test]
fn a_participle_fronting_a_subject_and_a_noun_far_from_it() {
    let op = Context::Operative;
    assert_eq!(
        heads(
            "fr",
            "Rappelant ses conclusions de mars, le Conseil européen réitère son soutien.",
            op
        ),
        ["Rappelant", "réitère"]
    );
    // A participle form of several words fronts its subject the same way.
    assert_eq!(
        heads(
            "it",
            "Alla luce di quanto precede, il Consiglio europeo invita la Commissione.",
            op
        ),
        ["Alla luce", "invita"]
    );
    // The subject's own verb is not in the lexicon: no word four words on
    // is taken for it.
    assert!(heads("fr", "Il demeure attentif à la charge administrative.", op).is_empty());
    // A coordinated subject runs on over its second part.
    assert_eq!(
        heads(
            "it",
            "L'Unione europea e i suoi Stati membri continueranno a contribuire.",
            op
        ),
        ["continueranno"]
    );
}

#[test]
fn a_sentence_may_end_with_a_number() {
    let op = Context::Operative;
    assert_eq!(
        heads(
            "en",
            "The Council welcomes the opening of chapters 23 and 24. It calls on the authorities to act.",
            op
        ),
        ["welcomes", "calls on"]
    );
    // A date's day is not a sentence end: "21. maj" in Danish.
    assert_eq!(
        heads(
            "da",
            "Rådet minder om sine konklusioner af 21. maj 2014.",
            op
        ),
        ["minder om"]
    );
}

#[test]
fn a_participle_inside_a_head_in_capitals_qualifies_it() {
    let op = Context::Operative;
    assert_eq!(
        heads(
            "en",
            "INVITES THE MEMBER STATES, TAKING INTO ACCOUNT NATIONAL CIRCUMSTANCES, TO:",
            op
        ),
        ["INVITES"]
    );
    // Outside the head's capitals a participle is a clause (or a defect).
    assert_eq!(
        heads("en", "STRESSES the role, RECALLING its conclusions.", op),
        ["STRESSES", "RECALLING"]
    );
}

#[test]
fn a_verb_of_several_words_around_an_inverted_subject() {
    // The verb second after a fronted word: the subject stands inside the
    // form, which is read as if it were not there.
    let op = Context::Operative;
    assert_eq!(
        heads(
            "da",
            "Rådet fordømmer angrebene. Endvidere glæder Rådet sig over aftalen. Samtidig er Rådet rede til at handle.",
            op
        ),
        ["fordømmer", "glæder sig over", "er rede til"]
    );
    assert_eq!(
        heads(
            "sv",
            "Rådet fördömer attackerna. Dessutom åtar sig rådet att stödja regionen.",
            op
        ),
        ["fördömer", "åtar sig"]
    );
    // A relative clause has no subject of its own after its verb.
    assert!(!heads(
        "da",
        "Rådet ser positivt på aftalen, som parterne ser frem til.",
        op
    )
    .contains(&"ser frem til".to_string()));
}

#[test]
fn a_year_abbreviation_ends_a_sentence_before_a_verb() {
    let op = Context::Operative;
    assert_eq!(
        heads(
            "pl",
            "Rada przypomina, że mandat misji przedłużono do lutego 2027 r. Podkreśla znaczenie delimitacji granicy.",
            op
        ),
        ["przypomina", "Podkreśla"]
    );
    // Before a noun the abbreviation does not end the sentence.
    assert_eq!(
        heads(
            "pl",
            "Rada przypomina, że w 2027 r. Komisja przedstawi sprawozdanie.",
            op
        ),
        ["przypomina"]
    );
}
