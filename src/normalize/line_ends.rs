//! How the lines of a block meet: whether a line-final hyphen is removed
//! (`inter-` / `nationale`) or kept (`netwerk- en`, `EU-`), and what a line's
//! end says about the block (terminated, ends with a reference, a lead-in).

use crate::lexicon::Language;
use crate::refs;
use crate::text::{last_char, starts_lower};

pub enum Join {
    RemoveHyphen,
    KeepHyphen,
    Space,
}

/// How to join a line to the next one of the same block.
pub fn join_kind(lang: &Language, this: &str, next: &str) -> Join {
    let Some(stem) = this.strip_suffix('-') else {
        return Join::Space;
    };
    let Some(before) = stem.chars().next_back() else {
        return Join::Space;
    };
    if before.is_whitespace() {
        return Join::Space; // a dash, not a hyphen
    }
    let next_word = crate::text::words(next).next().map(|w| w.text);
    if next_word.is_some_and(|w| lang.structure.conjunctions.iter().any(|c| c == w)) {
        return Join::Space; // "netwerk- en": a suspended hyphen
    }
    if before.is_lowercase() && starts_lower(next) {
        Join::RemoveHyphen
    } else {
        Join::KeepHyphen // "EU-", "COVID-"
    }
}

/// How long a lead-in may be, in characters: a Greek or Bulgarian head
/// takes two bytes a letter, and Official Journal heads run to two lines
/// ("INVITES THE MEMBER STATES, WITH DUE REGARD FOR … AND IN ACCORDANCE WITH
/// …, TO:").
const LEAD_IN_CHARS: usize = 240;

/// `t` (trimmed) ends with `mark` and is short enough for a lead-in.
fn short_head_ending(t: &str, mark: char) -> bool {
    t.ends_with(mark) && t.len() <= 4 * LEAD_IN_CHARS && t.chars().count() <= LEAD_IN_CHARS
}

/// A short head that ends with a colon (`RECOGNISING THAT:`, `INVITES THE
/// MEMBER STATES TO:`): it introduces what follows.
pub fn is_lead_in(text: &str) -> bool {
    short_head_ending(text.trim_end(), ':')
}

/// A head wholly in capitals that ends with a comma over numbered points
/// (German Official Journal: `ERSUCHEN DIE MITGLIEDSTAATEN,` / `5.` / `… zu
/// fördern;`): a lead-in as one with a colon is.
pub fn is_capitals_lead_in(text: &str) -> bool {
    let t = text.trim_end();
    short_head_ending(t, ',') && !t.chars().any(char::is_lowercase)
}

/// A head wholly in capitals with no punctuation at all, alone on its line
/// (`UNTER HINWEIS AUF` / `1.` / `die …`, `RECALLING` / `1.`): it has no text
/// of its own, so it introduces what follows as a lead-in does.
pub fn is_bare_capitals_head(text: &str) -> bool {
    const BARE_HEAD_CHARS: usize = 60;
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= BARE_HEAD_CHARS
        && !t
            .chars()
            .any(|c| c.is_lowercase() || c.is_ascii_punctuation())
}

/// Ends with clause or sentence punctuation (footnote digits after it ignored).
pub fn ends_terminated(s: &str) -> bool {
    let t = s.trim_end();
    let t = t.trim_end_matches(|c: char| crate::text::superscript_value(c).is_some());
    // `·`: the Greek ano teleia (a semicolon) after NFC.
    matches!(last_char(t), Some(',' | ';' | ':' | '.' | '!' | '?' | '·'))
}

/// Ends with a footnote reference (an item whose terminator is missing).
pub fn ends_with_reference(s: &str) -> bool {
    refs::candidates(s)
        .last()
        .is_some_and(|c| c.end == s.trim_end().len())
}
