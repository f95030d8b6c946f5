//! Near misses of lexicon verbs: a lost or wrong diacritic, a dropped, doubled
//! or swapped letter (`UZSVĒR` for `UZSVER`). Used to keep a misspelt verb in
//! the structure (it still heads its paragraph) and to suggest the fix.

use crate::lexicon::{Language, VerbForm};

// Folding lives in `text` so that the lexicon can index folded forms without
// depending on this module (the matcher depends on the lexicon, not back);
// it is re-exported because callers think of it as part of near-miss matching.
pub use crate::text::fold;

/// The lexicon form whose first word is closest to `word_upper`, when close
/// enough to be a misspelling rather than another word or an acronym.
pub fn near_miss<'l>(lang: &'l Language, word_upper: &str) -> Option<&'l VerbForm> {
    near_misses(lang, word_upper).0
}

/// True when exactly one lexicon verb is at the smallest distance from
/// `word_upper` (so that replacing the word cannot pick the wrong verb).
pub fn near_miss_is_unique(lang: &Language, word_upper: &str) -> bool {
    near_misses(lang, word_upper).1 == 1
}

/// The closest form and how many distinct verbs share that distance.
fn near_misses<'l>(lang: &'l Language, word_upper: &str) -> (Option<&'l VerbForm>, usize) {
    let len = word_upper.chars().count();
    if len < 4 || lang.is_verb_start(word_upper) {
        return (None, 0);
    }
    let first_char = word_upper.chars().next();
    let folded = fold(word_upper);
    let allowed = if len >= 9 {
        2
    } else if len >= 5 {
        1
    } else {
        0
    };
    let mut best: Option<(usize, usize)> = None; // (distance, verb index)
    let mut ties = 0;
    for (first, first_folded, idx) in &lang.first_words {
        let d = if *first_folded == folded {
            // Same letters, other diacritics: the commonest defect.
            0
        } else {
            // The first letter is almost never the one mistyped, and checking
            // it keeps acronyms (`EDSO`, `NATO`) away from verbs.
            if allowed == 0
                || first.chars().next() != first_char
                || first.chars().count().abs_diff(len) > allowed
            {
                continue;
            }
            let d = strsim::damerau_levenshtein(first, word_upper);
            if d > allowed {
                continue;
            }
            d
        };
        match best {
            Some((bd, _)) if d == bd => ties += 1,
            Some((bd, _)) if d > bd => {}
            _ => {
                best = Some((d, *idx));
                ties = 1;
            }
        }
    }
    (best.and_then(|(_, i)| lang.verbs.get(i)), ties)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_and_acronyms() {
        let lv = Language::get("lv").unwrap();
        assert_eq!(
            near_miss(lv, "UZSVĒR").map(|f| f.form.as_str()),
            Some("UZSVER")
        );
        assert!(near_miss(lv, "EDSO").is_none());
        assert!(near_miss(lv, "NATO").is_none());
        assert!(near_miss(lv, "ASEAN").is_none());
        assert!(near_miss(lv, "UZSVER").is_none());
    }
}
