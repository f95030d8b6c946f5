//! Matching lexicon verb forms against the words of a text, including
//! multi-word (`ATZINĪGI VĒRTĒ`) and discontinuous forms (`ROEPT … ERTOE OP`).

use crate::lexicon::{upper, Language, Part, VerbForm};
use crate::text::{is_all_caps, words};

/// A word of a block. Comparisons with lexicon words are case-insensitive
/// and allocation-free ([`eq_upper`]): most words of a text are never verbs.
#[derive(Debug, Clone, Copy)]
pub struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// Written fully in capitals (at least two letters, no lower case).
    pub caps: bool,
}

impl Token<'_> {
    /// The upper-case form (allocates; use for look-ups only).
    pub fn upper(&self) -> String {
        upper(self.text)
    }
}

/// Tokenises a block.
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    words(s)
        .map(|w| Token {
            start: w.start,
            end: w.end,
            text: w.text,
            caps: is_all_caps(w.text),
        })
        .collect()
}

/// True when `word`, upper-cased as [`upper`] does, equals `upper_word`.
pub fn eq_upper(word: &str, upper_word: &str) -> bool {
    let mut u = upper_word.chars();
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        for uc in c.to_uppercase() {
            if u.next() != Some(crate::text::capital_form(uc)) {
                return false;
            }
        }
    }
    u.next().is_none()
}

/// A verb form found in a text.
#[derive(Debug, Clone)]
pub struct VerbMatch<'l> {
    pub form: &'l VerbForm,
    /// Indices of the matched tokens (the head first, particles last).
    pub tokens: Vec<usize>,
}

/// How far (in words) a discontinuous form may stretch over its gap.
const GAP_LIMIT: usize = 30;

/// Finds the longest lexicon form that starts at token `i`.
///
/// Words after a gap (`… AAN`) must be written in capitals when the head is,
/// so that an ordinary preposition later in the sentence is not mistaken for
/// the particle.
pub fn match_at<'l>(
    lang: &'l Language,
    toks: &[Token],
    i: usize,
    text: &str,
) -> Option<VerbMatch<'l>> {
    let first = toks.get(i)?;
    // Verbs start with a letter that has a case; skip the look-up otherwise.
    if !first
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_lowercase())
    {
        return None;
    }
    // A head in capitals first tries the forms whose words are all in
    // capitals in the text (`REAFFIRMS its commitment` is `REAFFIRMS`, not
    // the form `REAFFIRMS ITS`); only when none fits may a form run on into
    // ordinary case (`EXPRESSES its concern`).
    let passes: &[bool] = if first.caps { &[true, false] } else { &[false] };
    for &caps_only in passes {
        if let Some(m) = match_forms(lang, toks, i, text, caps_only) {
            return Some(m);
        }
    }
    None
}

/// [`match_at`] over the forms starting with token `i`'s word; with
/// `caps_only`, every word of the form must be written in capitals.
fn match_forms<'l>(
    lang: &'l Language,
    toks: &[Token],
    i: usize,
    text: &str,
    caps_only: bool,
) -> Option<VerbMatch<'l>> {
    let first = toks.get(i)?;
    'forms: for form in lang.forms_starting_with(&first.upper()) {
        let mut matched = vec![i];
        let mut pos = i; // index of the last matched token
        let mut last = first; // the last matched token, `toks[pos]`
        let mut after_gap = false;
        for part in form.parts.iter().skip(1) {
            match part {
                Part::Gap => after_gap = true,
                Part::Word(w) => {
                    if after_gap {
                        // The tokens `pos + 1 ..= pos + GAP_LIMIT` that exist.
                        // A head in ordinary case (`dringt er … op aan`) has
                        // its particles in ordinary case too.
                        let found =
                            toks.iter()
                                .enumerate()
                                .skip(pos + 1)
                                .take(GAP_LIMIT)
                                .find(|(_, t)| {
                                    (t.caps || !first.caps)
                                        && eq_upper(t.text, w)
                                        && !crosses_sentence_end(text, last.end, t.start)
                                });
                        match found {
                            Some((j, t)) => (pos, last) = (j, t),
                            None => continue 'forms,
                        }
                        after_gap = false;
                    } else {
                        match toks.get(pos + 1) {
                            Some(t)
                                if (!caps_only || !t.text.chars().any(char::is_lowercase))
                                    && eq_upper(t.text, w)
                                    && only_space_between(text, last.end, t.start) =>
                            {
                                pos += 1;
                                last = t;
                            }
                            _ => continue 'forms,
                        }
                    }
                    matched.push(pos);
                }
            }
        }
        return Some(VerbMatch {
            form,
            tokens: matched,
        });
    }
    None
}

/// The operative form that starts at token `j`.
pub fn operative_at<'l>(
    lang: &'l Language,
    toks: &[Token],
    j: usize,
    text: &str,
) -> Option<VerbMatch<'l>> {
    match_at(lang, toks, j, text).filter(|m| m.form.role == crate::lexicon::Role::Operative)
}

/// The operative verb of a subject that stands inside it, the verb second
/// after a fronted word ("Endvidere glæder Rådet sig over …", "Dessutom
/// åtar sig rådet …", "Seetõttu on nõukogu valmis …"): a form that starts
/// one or two words before the subject (`toks[subject]`) and may go on after
/// it, read as if the subject were not there. The longest such form; its
/// token indices are those of `toks`.
pub fn verb_around_subject<'l>(
    lang: &'l Language,
    toks: &[Token],
    subject: std::ops::Range<usize>,
    text: &str,
) -> Option<(usize, VerbMatch<'l>)> {
    const FORM_WORDS: usize = 8;
    let (s, e) = (subject.start, subject.end);
    let mut best: Option<(usize, VerbMatch<'l>)> = None;
    for back in 1..=2 {
        let Some(j) = s.checked_sub(back) else { break };
        // The words before the subject, then those after it, the first of
        // which is read as standing where the subject starts (so that only
        // the space before the subject is between it and the verb).
        let mut window: Vec<Token> = toks.get(j..s)?.to_vec();
        let after = toks
            .get(e..(e + FORM_WORDS).min(toks.len()))
            .unwrap_or_default();
        window.extend(after.iter().enumerate().map(|(k, t)| Token {
            start: if k == 0 {
                toks.get(s).map_or(t.start, |f| f.start)
            } else {
                t.start
            },
            ..*t
        }));
        // The form covers every word up to the subject ("in te dienen bij
        // de Raad" has no verb before its "de Raad").
        let over = operative_at(lang, &window, 0, text)
            .filter(|m| (0..back).all(|k| m.tokens.contains(&k)))
            .map(|m| VerbMatch {
                form: m.form,
                tokens: m
                    .tokens
                    .iter()
                    .map(|&k| if k < back { j + k } else { k - back + e })
                    .collect(),
            });
        // As written: the form reaches the subject ("åtar sig rådet") or
        // jumps over it by its own gap ("fordert der Rat … auf").
        let before = operative_at(lang, toks, j, text).filter(|m| {
            m.tokens
                .iter()
                .max()
                .is_some_and(|&last| last + 1 == s || last >= e)
        });
        for m in [over, before].into_iter().flatten() {
            if best
                .as_ref()
                .is_none_or(|(_, b)| m.tokens.len() > b.tokens.len())
            {
                best = Some((j, m));
            }
        }
    }
    best
}

fn only_space_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|s| s.chars().all(char::is_whitespace))
}

fn crosses_sentence_end(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| s.contains(['.', ';', ':']))
}

/// How many words may stand between a narrative subject and its verb ("De
/// Raad van Ministers van Volksgezondheid prijst zich …").
pub const SUBJECT_REACH: usize = 8;

/// Words of the narrative subject phrase (or pronoun) at token `i`.
pub fn subject_len(lang: &Language, toks: &[Token], i: usize) -> Option<usize> {
    phrase_len(&lang.subject_words, toks, i)
}

/// The number of words of a linking adverb that opens a sentence with its
/// subject left out ("Ponadto", "De asemenea") at token `i`.
pub fn adverb_len(lang: &Language, toks: &[Token], i: usize) -> Option<usize> {
    phrase_len(&lang.adverb_words, toks, i)
}

/// The words of the first of `phrases` (upper-cased words) at token `i`.
fn phrase_len(phrases: &[Vec<String>], toks: &[Token], i: usize) -> Option<usize> {
    let rest = toks.get(i..)?;
    phrases
        .iter()
        .find(|s| s.len() <= rest.len() && s.iter().zip(rest).all(|(w, t)| eq_upper(t.text, w)))
        .map(Vec::len)
}

/// The operative verb of the narrative subject ending before token `from`:
/// the first within [`SUBJECT_REACH`] words, before the sentence ends.
pub fn subject_verb<'l>(
    lang: &'l Language,
    toks: &[Token],
    from: usize,
    text: &str,
) -> Option<(usize, VerbMatch<'l>)> {
    let gap_before = |j: usize| {
        let prev = j.checked_sub(1).and_then(|k| toks.get(k));
        let tok = toks.get(j);
        match (prev, tok) {
            (Some(p), Some(t)) => text.get(p.end..t.start).unwrap_or(""),
            _ => "",
        }
    };
    let ends_sentence = |gap: &str| gap.contains(['.', ';', ':', '?', '!']);
    let limit = from + SUBJECT_REACH + RELATIVE_REACH;
    let mut words = 0;
    // Words outside commas between the subject and its verb are adverbs
    // ("also", "further", "strongly", "w pełni"); a longer run means the
    // subject's verb was not a known one ("Il reste préoccupé par la
    // charge …"): the search stops rather than take a noun for it. Words
    // between commas ("The Council, in its conclusions of May, recalls")
    // do not count.
    let (mut bare_words, mut bare_allowed) = (0, BARE_REACH);
    let mut between_commas = false;
    let mut j = from;
    while words <= SUBJECT_REACH && j < limit {
        let tok = toks.get(j)?;
        let gap = gap_before(j);
        if ends_sentence(gap) {
            return None;
        }
        if gap.contains(',') {
            between_commas = !between_commas;
        }
        // "decided that … must": the subject's verb came before, if at all.
        if lang
            .subordinator_words
            .iter()
            .any(|w| eq_upper(tok.text, w))
        {
            return None;
        }
        // ", which the Council notes": the verb of a relative or
        // subordinate clause is not the subject's; look on after it.
        if gap.contains(',') && lang.relative_words.iter().any(|w| eq_upper(tok.text, w)) {
            // The word after the next comma of this sentence.
            let mut k = j + 1;
            loop {
                if toks.get(k).is_none() || k >= limit || ends_sentence(gap_before(k)) {
                    return None;
                }
                if gap_before(k).contains(',') {
                    break;
                }
                k += 1;
            }
            j = k;
            continue;
        }
        if let Some(m) =
            match_at(lang, toks, j, text).filter(|m| m.form.role == crate::lexicon::Role::Operative)
        {
            return Some((j, m));
        }
        if !between_commas {
            // A coordinated subject ("L'Unione europea e i suoi Stati
            // membri continueranno") runs on over its second part.
            let conjunction = || {
                lang.structure
                    .conjunctions
                    .iter()
                    .any(|c| eq_upper(tok.text, &upper(c)))
            };
            if bare_words == 0 && conjunction() {
                bare_allowed += COORDINATED_REACH;
            }
            bare_words += 1;
            if bare_words > bare_allowed {
                return None;
            }
        }
        words += 1;
        j += 1;
    }
    None
}

/// How many words outside commas may stand between a subject and its verb.
const BARE_REACH: usize = 3;
/// How many more a coordinated subject's second part may have.
const COORDINATED_REACH: usize = 5;

/// How many words a relative clause between a subject and its verb may
/// hold ("The Council, which met on 5 May, recalls …").
const RELATIVE_REACH: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    fn verb(code: &str, s: &str) -> Option<String> {
        let lang = Language::get(code).unwrap();
        let toks = tokens(s);
        match_at(lang, &toks, 0, s).map(|m| m.form.form.clone())
    }

    #[test]
    fn multi_word_and_discontinuous_forms() {
        assert_eq!(
            verb("lv", "ATZINĪGI VĒRTĒ darbu").as_deref(),
            Some("ATZINĪGI VĒRTĒ")
        );
        assert_eq!(
            verb("lv", "ATZINĪGI vērtē to").as_deref(),
            Some("ATZINĪGI VĒRTĒ")
        );
        assert_eq!(
            verb("nl", "ROEPT de EU en haar lidstaten ERTOE OP:").as_deref(),
            Some("ROEPT … ERTOE OP")
        );
        assert_eq!(
            verb("nl", "MOEDIGT de EU en haar lidstaten STERK AAN:").as_deref(),
            Some("MOEDIGT … STERK AAN")
        );
        assert_eq!(
            verb("nl", "MOEDIGT hen AAN door").as_deref(),
            Some("MOEDIGT … AAN")
        );
    }

    #[test]
    fn particles_must_be_capitalised_and_in_the_same_sentence() {
        assert_eq!(
            verb("nl", "MOEDIGT de lidstaten aan. AAN").as_deref(),
            Some("MOEDIGT")
        );
        assert_eq!(verb("lv", "ES konkurētspējas"), None);
    }

    #[test]
    fn a_head_in_capitals_prefers_the_form_written_in_capitals() {
        // The form `EXPRESSES ITS SUPPORT` exists, and so does `REAFFIRMS`:
        // the words in ordinary case after a head in capitals are its object.
        assert_eq!(
            verb("en", "REAFFIRMS its commitment to").as_deref(),
            Some("REAFFIRMS")
        );
        // Only when no form fits the capitals does one run on into them.
        assert_eq!(
            verb("en", "EXPRESSES its concern at").as_deref(),
            Some("EXPRESSES ITS CONCERN")
        );
        assert_eq!(
            verb("en", "expresses its deep concern at").as_deref(),
            Some("EXPRESSES ITS DEEP CONCERN")
        );
    }
}
