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
    /// Start of the verb and end of its last part.
    pub start: usize,
    pub verb_end: usize,
    /// The verb as written: runs of the text (more than one for a
    /// discontinuous verb).
    pub runs: Vec<(usize, usize)>,
    pub form: &'l VerbForm,
    pub misspelt: bool,
    /// Where the object (and the addressees) of the verb can be read.
    pub object: (usize, usize),
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
            verb_end: toks[*matched.last().expect("non-empty")].end,
            runs,
            form,
            misspelt,
            object: (head_run_end, object_end),
        });
        i += 1;
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
