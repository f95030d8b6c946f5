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
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let t = &toks[i];
        let at_start = i == 0 && text[..t.start].chars().all(|c| !c.is_alphanumeric());
        // Only a capitalised word, or one opening the unit or a sentence,
        // can head a clause: skip the rest without a look-up.
        if !t.caps && !at_start && !crate::text::starts_upper(t.text) {
            i += 1;
            continue;
        }
        let at_sentence = !at_start && opens_sentence(lang, text, t.start);
        let found = verbs::match_at(lang, &toks, i, text)
            .map(|m| (m.form, m.tokens, false))
            .or_else(|| fuzzy_match(lang, &toks, i, text).map(|(f, ts)| (f, ts, true)));
        let Some((form, matched, misspelt)) = found else {
            i += 1;
            continue;
        };
        let operative_form = form.role == Role::Operative;
        let accepted = match ctx {
            Context::ListItem => t.caps,
            Context::Recital if at_start => true,
            Context::Operative if at_start => t.caps || operative_form,
            _ if at_sentence => t.caps || (operative_form && starts_upper(&text[t.start..t.end])),
            _ => t.caps,
        };
        if !accepted {
            i += 1;
            continue;
        }
        for &k in &matched {
            used[k] = true;
        }
        let runs = verb_runs(text, &toks, &matched);
        let head_run_end = contiguous_run_end(&toks, &matched, text);
        let object_end = if matched.len() > 1
            && head_run_end < toks[*matched.last().expect("non-empty")].start
        {
            toks[*matched.last().expect("non-empty")].start
        } else {
            text.len()
        };
        hits.push(Hit {
            start: t.start,
            verb_start: t.start,
            verb_end: toks[*matched.last().expect("non-empty")].end,
            runs,
            form,
            misspelt,
            object: (head_run_end, object_end),
            subject: None,
        });
        i += 1;
    }
    if ctx != Context::ListItem {
        narrative(lang, text, &toks, &mut used, &mut hits);
    }
    // The object of a clause ends where the next clause starts.
    for k in 1..hits.len() {
        let next_start = hits[k].start;
        let prev = &mut hits[k - 1];
        prev.object.1 = prev.object.1.min(next_start).max(prev.object.0);
    }
    hits
}

/// A capitalised word close to a lexicon verb (`UZSVĒR`), with the rest of
/// the form matched exactly after it where the form has more words.
fn fuzzy_match<'l>(
    lang: &'l Language,
    toks: &[Token],
    i: usize,
    text: &str,
) -> Option<(&'l VerbForm, Vec<usize>)> {
    let t = &toks[i];
    if !t.caps {
        return None;
    }
    let form = crate::fuzzy::near_miss(lang, &t.upper())?;
    let mut matched = vec![i];
    // Only contiguous following words; a gap form falls back to its head.
    for (k, part) in form.parts.iter().enumerate().skip(1) {
        match part {
            Part::Word(w) => match toks.get(i + k) {
                Some(n)
                    if verbs::eq_upper(n.text, w)
                        && text[toks[i + k - 1].end..n.start].trim().is_empty() =>
                {
                    matched.push(i + k)
                }
                _ => break,
            },
            Part::Gap => break,
        }
    }
    Some((form, matched))
}

/// True when the word at `pos` opens a sentence: the previous non-blank
/// character ends one, and the word before it is not an abbreviation.
fn opens_sentence(lang: &Language, text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    if !matches!(last, '.' | '!' | '?') {
        return false;
    }
    let tail_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let tail = &before[tail_start..];
    if tail.chars().filter(|c| c.is_alphabetic()).count() <= 1 && tail.len() <= 3 {
        return false; // "u. c.", initials
    }
    !lang
        .structure
        .abbreviations
        .iter()
        .any(|a| before.ends_with(a.as_str()))
}

impl Hit<'_> {
    /// The verb as written in `text`, runs joined by a space.
    pub fn verb(&self, text: &str) -> String {
        self.runs
            .iter()
            .flat_map(|&(s, e)| text[s..e].split_whitespace())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The verb as written: contiguous parts as one run.
fn verb_runs(text: &str, toks: &[Token], matched: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &k in matched {
        match runs.last_mut() {
            Some(r)
                if text[r.1..toks[k].start].trim().is_empty()
                    && k > 0
                    && toks[k - 1].end == r.1 =>
            {
                r.1 = toks[k].end
            }
            _ => runs.push((toks[k].start, toks[k].end)),
        }
    }
    runs
}

/// End of the first contiguous run of matched tokens (the head of the verb).
fn contiguous_run_end(toks: &[Token], matched: &[usize], text: &str) -> usize {
    let mut end = toks[matched[0]].end;
    for w in matched.windows(2) {
        if w[1] == w[0] + 1 && text[toks[w[0]].end..toks[w[1]].start].trim().is_empty() {
            end = toks[w[1]].end;
        } else {
            break;
        }
    }
    end
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
    if lang.subject_words.is_empty() {
        return;
    }
    let mut added = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let at_start = i == 0 && text[..t.start].chars().all(|c| !c.is_alphanumeric());
        let starts_sentence = at_start || opens_sentence(lang, text, t.start);
        if !starts_sentence || !t.text.chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let Some(n) = verbs::subject_len(lang, toks, i) else {
            i += 1;
            continue;
        };
        let subject = (t.start, toks[i + n - 1].end);
        // A capitalised verb already heading a clause in reach: it has this subject.
        let end = (i + n + verbs::SUBJECT_REACH + 1).min(toks.len());
        if let Some(j) = (i + n..end).find(|&j| used[j]) {
            if let Some(h) = hits.iter_mut().find(|h| h.verb_start == toks[j].start) {
                h.subject = Some(subject);
            }
            i = j + 1;
            continue;
        }
        let Some((j, m)) = verbs::subject_verb(lang, toks, i + n, text) else {
            i += n;
            continue;
        };
        for &k in &m.tokens {
            used[k] = true;
        }
        let last = m.tokens.last().map_or(j, |&k| k);
        let runs = verb_runs(text, toks, &m.tokens);
        let head_end = runs.first().map_or(toks[j].end, |r| r.1);
        hits.push(Hit {
            start: subject.0,
            verb_start: toks[j].start,
            verb_end: toks[last].end,
            runs,
            form: m.form,
            misspelt: false,
            object: (head_end, text.len()),
            subject: Some(subject),
        });
        added = true;
        i = j + 1;
    }
    if added {
        hits.sort_by_key(|h| h.start);
    }
}

#[cfg(test)]
mod tests {
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
}
