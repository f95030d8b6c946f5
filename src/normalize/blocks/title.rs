//! Whether a block names the text it belongs to: a title.

use crate::lexicon::Language;
use crate::text::starts_upper;

/// A title is short, does not end as a sentence does, and names its kind in
/// its first words, after capitalised or short words only ("Draft Council
/// conclusions on", "Padomes secinājumi", "Ontwerpconclusies van de Raad",
/// "Progetto di conclusioni"; not "In diezelfde resolutie formuleert …").
pub(super) fn names_text(lang: &Language, text: &str) -> bool {
    const TITLE_BYTES: usize = 600;
    const KIND_WITHIN: usize = 4;
    const SHORT_WORD: usize = 3;
    let trimmed = text.trim_end();
    if trimmed.len() > TITLE_BYTES || !starts_upper(trimmed) || trimmed.ends_with(['.', ';']) {
        return false;
    }
    let kinds: Vec<String> = lang
        .structure
        .conclusions_words
        .iter()
        .chain(&lang.kinds.resolution)
        .map(|w| crate::lexicon::upper(w))
        .collect();
    for w in crate::text::words(trimmed).take(KIND_WITHIN) {
        let up = crate::lexicon::upper(w.text);
        if kinds.iter().any(|k| up.ends_with(k.as_str())) {
            return true;
        }
        if !starts_upper(w.text) && w.text.chars().count() > SHORT_WORD {
            return false;
        }
    }
    false
}
