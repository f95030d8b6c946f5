//! Finding verb-headed clauses in a unit's text.
//!
//! A clause head is a lexicon verb (or a near miss of one) that
//! - opens the unit (any case: `Aicina Komisiju` is a head, with a case defect);
//! - opens a sentence inside it: an operative verb in any case, a preamble
//!   participle only in capitals (`Atzīmējot, ka …, MUDINA` is a subordinate
//!   phrase, not a clause);
//! - or stands anywhere written in capitals (`…, un MUDINA dalībvalstis`).
//!
//! Inside list items only capitalised verbs count: `- recognising that …` is
//! part of the item's sentence.

use crate::lexicon::{Language, Part, Role, VerbForm};
use crate::text::starts_upper;
use crate::verbs::{self, Token};

/// A clause head found in a text (offsets relative to that text).
#[derive(Debug, Clone)]
pub struct Hit<'l> {
    /// Start of the clause (its subject, or its verb), start of the verb
    /// and end of the verb's last part.
    pub start: usize,
    pub verb_start: usize,
    pub verb_end: usize,
    /// The verb as written: runs of the text (more than one for a
    /// discontinuous verb).
    pub runs: Vec<(usize, usize)>,
    pub form: &'l VerbForm,
    pub misspelt: bool,
    /// Where the object (and the addressees) of the verb can be read.
    pub object: (usize, usize),
    /// The subject of a narrative clause (`The Council` recalls …), when
    /// the clause is headed by one instead of by its verb.
    pub subject: Option<(usize, usize)>,
}

/// Where the text comes from: list items only take capitalised heads; an
/// operative unit opened by a participle in ordinary case (`Pamatojoties uz
/// …, UZSVER`) opens with an adverbial phrase, not a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Recital,
    Operative,
    ListItem,
}

/// Finds the clause heads of `text`, in order.
pub fn find<'l>(lang: &'l Language, text: &str, ctx: Context) -> Vec<Hit<'l>> {
    let toks = verbs::tokens(text);
    let mut used = vec![false; toks.len()];
    let mut hits = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if used.get(i) == Some(&true) {
            continue;
        }
        let at_start = i == 0 && only_non_alphanumeric_before(text, t);
        // Only a capitalised word, or one opening the unit or a sentence,
        // can head a clause: skip the rest without a look-up.
        if !t.caps && !at_start && !crate::text::starts_upper(t.text) {
            continue;
        }
        let at_sentence = !at_start && opens_sentence(lang, text, t.start);
        // A near miss only where a head can start: not inside a run of
        // capitals ("DEN HOHEN VERTRETER", "PARTIES PRENANTES").
        let inside_capitals = i > 0 && toks.get(i - 1).is_some_and(|p| p.caps);
        let found = verbs::match_at(lang, &toks, i, text)
            .map(|m| (m.form, m.tokens, false))
            .or_else(|| {
                (at_start || at_sentence || !inside_capitals)
                    .then(|| fuzzy_match(lang, &toks, i, text).map(|(f, ts)| (f, ts, true)))
                    .flatten()
            });
        let Some((form, matched, misspelt)) = found else {
            continue;
        };
        let operative_form = form.role == Role::Operative;
        let accepted = match ctx {
            Context::ListItem => t.caps,
            Context::Recital if at_start => true,
            Context::Operative if at_start => {
                t.caps || operative_form || fronts_a_subject(lang, text, &toks, i)
            }
            _ if at_sentence => {
                t.caps
                    || starts_upper(t.text)
                        && (operative_form || fronts_a_subject(lang, text, &toks, i))
            }
            _ => t.caps,
        };
        if !accepted || qualifies_the_head(&hits, &toks, text, form, i) {
            continue;
        }
        // Both matchers return the head `i` first and only indices of `toks`:
        // the `else` is never taken.
        let Some(last) = matched.last().and_then(|&k| toks.get(k)) else {
            continue;
        };
        for &k in &matched {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
        let runs = verb_runs(text, &toks, &matched);
        let head_run_end = contiguous_run_end(&toks, &matched, text);
        let object_end = if matched.len() > 1 && head_run_end < last.start {
            last.start
        } else {
            text.len()
        };
        hits.push(Hit {
            start: t.start,
            verb_start: t.start,
            verb_end: last.end,
            runs,
            form,
            misspelt,
            object: (head_run_end, object_end),
            subject: None,
        });
    }
    if ctx != Context::ListItem {
        narrative(lang, text, &toks, &mut used, &mut hits);
    }
    // The object of a clause ends where the next clause starts.
    for k in 1..hits.len() {
        if let Some([prev, next]) = hits.get_mut(k - 1..=k) {
            prev.object.1 = prev.object.1.min(next.start).max(prev.object.0);
        }
    }
    hits
}

/// True when nothing alphanumeric stands in `text` before the token `t`.
fn only_non_alphanumeric_before(text: &str, t: &Token) -> bool {
    // `t.start` is a char boundary of `text` (from `text::words`): never `None`.
    text.get(..t.start)
        .is_some_and(|before| before.chars().all(|c| !c.is_alphanumeric()))
}

/// A capitalised word close to a lexicon verb (`UZSVĒR`), with the rest of
/// the form matched exactly after it where the form has more words.
fn fuzzy_match<'l>(
    lang: &'l Language,
    toks: &[Token],
    i: usize,
    text: &str,
) -> Option<(&'l VerbForm, Vec<usize>)> {
    let t = toks.get(i)?;
    if !t.caps {
        return None;
    }
    let form = crate::fuzzy::near_miss(lang, &t.upper())?;
    let mut matched = vec![i];
    // The last matched token, `toks[i + k - 1]` for the part `k`.
    let mut prev = t;
    // Only contiguous following words; a gap form falls back to its head.
    for (k, part) in form.parts.iter().enumerate().skip(1) {
        match part {
            Part::Word(w) => match toks.get(i + k) {
                Some(n)
                    if verbs::eq_upper(n.text, w)
                        && text
                            .get(prev.end..n.start)
                            .is_some_and(|s| s.trim().is_empty()) =>
                {
                    matched.push(i + k);
                    prev = n;
                }
                _ => break,
            },
            Part::Gap => break,
        }
    }
    Some((form, matched))
}

/// A participle inside an operative head written wholly in capitals
/// ("INVITES THE MEMBER STATES, TAKING INTO ACCOUNT …, TO:") qualifies that
/// head's verb: it is not a clause of its own.
fn qualifies_the_head(hits: &[Hit], toks: &[Token], text: &str, form: &VerbForm, i: usize) -> bool {
    if form.role != Role::Preamble {
        return false;
    }
    let Some(head) = hits.last().filter(|h| h.form.role == Role::Operative) else {
        return false;
    };
    // Every word between the head's verb and this one in capitals, and no
    // sentence or clause end between them.
    let between = toks
        .iter()
        .skip_while(|t| t.start < head.verb_end)
        .take_while(|t| t.start < toks.get(i).map_or(0, |c| c.start));
    let gap = text
        .get(head.verb_end..toks.get(i).map_or(0, |c| c.start))
        .unwrap_or(";");
    toks.get(i).is_some_and(|t| t.caps)
        && !gap.contains(['.', ';', ':'])
        && between
            .clone()
            .all(|t| t.caps || t.text.chars().count() == 1)
}

/// A participle opening a sentence whose subject follows after a comma
/// ("Rappelant ses conclusions, le Conseil européen réitère …"): a recital
/// clause inside narrative text.
fn fronts_a_subject(lang: &Language, text: &str, toks: &[Token], i: usize) -> bool {
    const PHRASE_REACH: usize = 40;
    let mut prev = match toks.get(i) {
        Some(t) => t,
        None => return false,
    };
    for (j, t) in toks.iter().enumerate().skip(i + 1).take(PHRASE_REACH) {
        let gap = text.get(prev.end..t.start).unwrap_or_default();
        if gap.contains(['.', ';', ':', '?', '!']) {
            return false;
        }
        if gap.contains(',') && verbs::subject_len(lang, toks, j).is_some() {
            return true;
        }
        prev = t;
    }
    false
}

/// True when the word at `pos` opens a sentence: the previous non-blank
/// character ends one, and the word before it is not an abbreviation.
fn opens_sentence(lang: &Language, text: &str, pos: usize) -> bool {
    // `pos` is a token start, a char boundary of `text`: never `None`.
    let Some(before) = text.get(..pos).map(str::trim_end) else {
        return false;
    };
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if !matches!(last, '.' | '!' | '?') {
        return false;
    }
    // The last word before the mark (which may stand apart: "versterkt ."),
    // after the last blank, which may be wider than a byte.
    let core = before.trim_end_matches(['.', '!', '?']).trim_end();
    let tail = core
        .rsplit_once(char::is_whitespace)
        .map_or(core, |(_, tail)| tail);
    if !tail.is_empty() && tail.len() <= 2 && tail.bytes().all(|b| b.is_ascii_digit()) {
        // "… chapters 23 and 24. The Council …" ends a sentence; "21. maj",
        // "2. gada" do not: the word after the number tells.
        let next = text.get(pos..).and_then(|r| r.split_whitespace().next());
        return next.is_some_and(|w| {
            crate::text::starts_upper(w)
                && !lang
                    .structure
                    .number_followers
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w.trim_end_matches(['.', ','])))
        });
    }
    // "… do lutego 2027 r. Podkreśla …", "… 2025 г. Той …": the year's
    // abbreviation ends the sentence when a verb opens the next one (its
    // subject left out); before a noun it may be mid-sentence.
    let before_tail = core
        .get(..core.len() - tail.len())
        .unwrap_or_default()
        .trim_end();
    let after_year = before_tail
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|y| {
            y.len() == 4 && y.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
        });
    if after_year && tail.chars().count() <= 3 {
        let next = text.get(pos..).and_then(|r| crate::text::words(r).next());
        return next.is_some_and(|w| {
            w.start == 0
                && crate::text::starts_upper(w.text)
                && lang.is_verb_start(&crate::lexicon::upper(w.text))
        });
    }
    if tail.chars().filter(|c| c.is_alphabetic()).count() <= 1 && tail.len() <= 2 {
        return false; // "u. c.", initials
    }
    // The whole last word is the abbreviation ("s. 12"), not its ending: a
    // word that ends like one ("-n.", "-s.") still ends its sentence.
    !lang
        .structure
        .abbreviations
        .iter()
        .any(|a| a.trim_end_matches('.') == tail.trim_end_matches('.'))
}

impl Hit<'_> {
    /// The verb as written in `text`, runs joined by a space.
    pub fn verb(&self, text: &str) -> String {
        self.runs
            .iter()
            .flat_map(|&(s, e)| text.get(s..e).into_iter().flat_map(str::split_whitespace))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The verb as written: contiguous parts as one run.
fn verb_runs(text: &str, toks: &[Token], matched: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &k in matched {
        // `matched` holds indices of `toks`: never skipped.
        let Some(t) = toks.get(k) else {
            continue;
        };
        match runs.last_mut() {
            Some(r)
                if text.get(r.1..t.start).is_some_and(|s| s.trim().is_empty())
                    && k.checked_sub(1)
                        .and_then(|p| toks.get(p))
                        .is_some_and(|p| p.end == r.1) =>
            {
                r.1 = t.end
            }
            _ => runs.push((t.start, t.end)),
        }
    }
    runs
}

/// End of the first contiguous run of matched tokens (the head of the verb).
/// `matched` is non-empty and holds indices of `toks` (0 otherwise).
fn contiguous_run_end(toks: &[Token], matched: &[usize], text: &str) -> usize {
    let mut run = matched.iter().filter_map(|&k| toks.get(k).map(|t| (k, t)));
    let Some((mut k, mut last)) = run.next() else {
        return 0;
    };
    for (n, t) in run {
        if n == k + 1
            && text
                .get(last.end..t.start)
                .is_some_and(|s| s.trim().is_empty())
        {
            (k, last) = (n, t);
        } else {
            break;
        }
    }
    last.end
}

// The narrative layout: clauses headed by their subject, not by a
// capitalised verb ("The Council recalls …", "1. De Raad is verheugd over
// …", "Le Conseil européen invite …", "It reaffirms …"). A sentence that
// opens with a subject of the language pack (`[narrative]`: the Council,
// the European Council, the Member States…, or a pronoun that takes one
// up) has a clause at its first operative verb, in any case, within a few
// words and before the sentence ends. A relative or subordinate clause has
// no subject of its own at a sentence start, and a second verb under the
// same subject is not looked for, so neither becomes a clause.

/// Adds the narrative clauses of `text` to `hits` (kept sorted by start).
/// Tokens already heading a clause are `used`; a sentence whose verb is one
/// of them gets its subject recorded instead of a second clause.
fn narrative<'l>(
    lang: &'l Language,
    text: &str,
    toks: &[Token],
    used: &mut [bool],
    hits: &mut Vec<Hit<'l>>,
) {
    if lang.subject_words.is_empty() && lang.adverb_words.is_empty() {
        return;
    }
    let mut added = false;
    let mut sentence = 0; // the first token of the current sentence
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        let at_start = i == 0 && only_non_alphanumeric_before(text, t);
        let starts = at_start || opens_sentence(lang, text, t.start);
        if starts {
            sentence = i;
        }
        // The subject first: the cheaper test, and most words fail it.
        let subject_n = (starts || i - sentence <= FRONT_REACH)
            .then(|| verbs::subject_len(lang, toks, i))
            .flatten();
        // A linking adverb opening a sentence stands where its left-out
        // subject would: its verb is a clause with no subject.
        let adverb_n = subject_n
            .is_none()
            .then(|| starts.then(|| verbs::adverb_len(lang, toks, i)).flatten())
            .flatten();
        let n = subject_n.or(adverb_n);
        let opening = n.and_then(|n| {
            if starts {
                let capital = t.text.chars().next().is_some_and(char::is_uppercase);
                capital.then_some(Opening::Sentence)
            } else {
                fronted(lang, text, toks, used, sentence, i, n)
            }
        });
        let (Some(opening), Some(n)) = (opening, n) else {
            i += 1;
            continue;
        };
        // `subject_len` fits the subject's `n >= 1` words in `toks[i..]`
        // (subject phrases with no word are dropped when the pack loads).
        let Some(subject_end) = toks.get(i..i + n).and_then(<[Token]>::last) else {
            i += 1;
            continue;
        };
        let subject = (t.start, subject_end.end);
        // A capitalised verb already heading a clause in reach: it has this subject.
        // Only in this sentence: a verb that opens the next one ("… the
        // report. Stresses that …", a subject left out) is that sentence's.
        let end = (i + n + verbs::SUBJECT_REACH + 1).min(toks.len());
        let in_reach = (i + n..end).take_while(|&j| {
            toks.get(j)
                .is_some_and(|v| !opens_sentence(lang, text, v.start))
        });
        if let Some(j) = in_reach.clone().find(|&j| used.get(j) == Some(&true)) {
            let verb_start = toks.get(j).map(|v| v.start);
            if let Some(h) = hits.iter_mut().find(|h| Some(h.verb_start) == verb_start) {
                h.subject = subject_n.map(|_| subject).or(h.subject);
            }
            i = j + 1;
            continue;
        }
        let found = match opening {
            Opening::Inverted => verbs::verb_around_subject(lang, toks, i..i + n, text),
            Opening::Sentence | Opening::AfterComma => verbs::subject_verb(lang, toks, i + n, text),
            // With no comma to mark the phrase off, only a verb right
            // after the subject is its.
            Opening::Fronted => (used.get(i + n) == Some(&false))
                .then(|| verbs::operative_at(lang, toks, i + n, text).map(|m| (i + n, m)))
                .flatten(),
        };
        // After a linking adverb only a verb right after it ("Ponadto
        // wzywa"): "Asimismo, el Consejo invita" has its subject.
        let found = found.filter(|&(j, _)| subject_n.is_some() || j == i + n);
        let Some((j, m)) = found else {
            i += n;
            continue;
        };
        // `j` and the matched tokens are indices of `toks`: never `None`.
        let last = m.tokens.iter().copied().max().unwrap_or(j);
        let (Some(verb), Some(last)) = (toks.get(j), toks.get(last)) else {
            i = j + 1;
            continue;
        };
        for &k in &m.tokens {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
        let runs = verb_runs(text, toks, &m.tokens);
        let head_end = runs.first().map_or(verb.end, |r| r.1).max(subject.1);
        hits.push(Hit {
            start: subject.0.min(verb.start),
            verb_start: verb.start,
            verb_end: last.end,
            runs,
            form: m.form,
            misspelt: false,
            object: (head_end, text.len()),
            subject: subject_n.map(|_| subject),
        });
        added = true;
        i = j.max(i + n - 1) + 1;
    }
    if added {
        hits.sort_by_key(|h| h.start);
    }
}

/// Where a narrative subject stands in its sentence.
#[derive(Clone, Copy)]
enum Opening {
    /// At the start: "The Council recalls …".
    Sentence,
    /// After a fronted phrase and a comma: "In this context, the Council
    /// stresses …", "Dans ce contexte, le Conseil invite …".
    AfterComma,
    /// Right after its verb, the verb second after a fronted phrase: "In
    /// dit verband verwelkomt de Raad …", "Ferner begrüßt der Rat …".
    Inverted,
    /// After a fronted phrase with no comma, its verb right after it:
    /// "Therefore the Council calls …", "Todėl Taryba ragina …".
    Fronted,
}

/// How many words a fronted phrase before a narrative subject may have.
const FRONT_REACH: usize = 12;
/// How many words a fronted phrase with no comma after it may have
/// ("Therefore", "V této souvislosti"): a longer run before a subject is
/// more likely the sentence's own subject ("The measures taken by Member
/// States should …").
const UNMARKED_FRONT_REACH: usize = 3;

/// Whether token `i`, inside the sentence that starts at token `sentence`,
/// may open a narrative subject after a fronted phrase: near the start of
/// the sentence, with no clause verb before it in the sentence (then the
/// subject would be a second one, or inside a subordinate clause).
fn fronted(
    lang: &Language,
    text: &str,
    toks: &[Token],
    used: &[bool],
    sentence: usize,
    i: usize,
    n: usize,
) -> Option<Opening> {
    if i <= sentence || i - sentence > FRONT_REACH {
        return None;
    }
    // A verb before the subject heads this sentence, unless it is a
    // participle in ordinary case that opens the sentence, a fronted phrase
    // of its own ("Rappelant ses conclusions, le Conseil européen réitère …").
    let front = toks.get(sentence..i)?;
    // The words of that participle's form (`Alla luce`, `Tendo em conta`):
    // the used words the sentence opens with.
    let form_words = used.get(sentence..i)?.iter().take_while(|&&u| u).count();
    let opening_participle = |k: usize| {
        k < form_words
            && front.first().is_some_and(|w| !w.caps)
            && verbs::operative_at(lang, toks, sentence, text).is_none()
    };
    if used
        .get(sentence..i)?
        .iter()
        .enumerate()
        .any(|(k, &u)| u && !opening_participle(k))
    {
        return None;
    }
    // Nor is a subject after "that" the text's ("RECALLS that, in 2016, the
    // Council adopted …"); a verb second is a main clause's own order.
    let after_that = || {
        front
            .iter()
            .any(|w| lang.subordinator_words.contains(&w.upper()))
    };
    let (prev, t) = (toks.get(i - 1)?, toks.get(i)?);
    let gap = text.get(prev.end..t.start)?;
    if gap.contains(',') && !gap.contains(['.', ';', ':', '?', '!']) {
        return (!after_that()).then_some(Opening::AfterComma);
    }
    if !gap.chars().all(char::is_whitespace) {
        return None;
    }
    // The verb second: a fronted phrase of one word or more before it (the
    // verb may be a form of several words around the subject).
    if lang.narrative.verb_second
        && verbs::verb_around_subject(lang, toks, i..i + n, text).is_some_and(|(j, _)| j > sentence)
    {
        return Some(Opening::Inverted);
    }
    // No comma after the fronted phrase: no punctuation in it and no word
    // that opens a subordinate clause ("Although the Council stresses").
    let phrase = text.get(toks.get(sentence)?.start..t.start)?;
    let subordinate = toks.get(sentence..i)?.iter().any(|w| {
        let up = w.upper();
        lang.relative_words.contains(&up) || lang.subordinator_words.contains(&up)
    });
    (i - sentence <= UNMARKED_FRONT_REACH
        && !subordinate
        && !phrase.contains([',', ';', ':', '(', ')', '"', '“', '„', '«']))
    .then_some(Opening::Fronted)
}

#[cfg(test)]
mod tests;
