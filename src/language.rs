//! Detecting the language of a document.
//!
//! Council conclusions carry their own strongest signal: capitalised verbs of
//! the lexicon at the start of lines. Where those are too few (a narrative
//! text, a communication) a statistical detector (whatlang) decides.

use crate::lexicon::{upper, Language};
use crate::text::{is_all_caps, words};
use whatlang::{Detector, Lang};

/// Picks the supported language of `text`.
pub fn detect(text: &str) -> &'static Language {
    let langs = Language::all();
    // Count capitalised lexicon words at line starts, per language.
    let mut scores = vec![0usize; langs.len()];
    for line in text.lines().take(20_000) {
        let Some(w) = words(line).next() else {
            continue;
        };
        if w.start > 8 || !is_all_caps(w.text) {
            continue;
        }
        let u = upper(w.text);
        // The whole form must match, not only its first word: `ES` opens
        // Spanish `ES CONSCIENTE` and countless Latvian lines (`ES` = EU).
        let mut toks: Option<Vec<crate::verbs::Token>> = None;
        for (i, l) in langs.iter().enumerate() {
            if l.is_verb_start(&u) {
                let head = &line[w.start..crate::text::floor_char_boundary(line, w.start + 80)];
                let t = toks.get_or_insert_with(|| crate::verbs::tokens(head));
                if crate::verbs::match_at(l, t, 0, head).is_some() {
                    scores[i] += 1;
                }
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = scores.iter().copied().enumerate().collect();
    ranked.sort_by_key(|&(i, s)| (std::cmp::Reverse(s), i));
    let (best, best_score) = ranked[0];
    let runner_up = ranked.get(1).map_or(0, |r| r.1);
    // A clear lexicon winner decides alone: statistics are slow and only
    // needed for texts with few capitalised verbs.
    if best_score >= 3 && best_score > runner_up * 2 {
        return langs[best];
    }
    match statistical(text) {
        Some(stat)
            if best_score < 3
                || scores[langs
                    .iter()
                    .position(|l| l.code == stat.code)
                    .unwrap_or(best)]
                    * 2
                    >= best_score =>
        {
            stat
        }
        _ if best_score >= 3 => langs[best],
        other => other.unwrap_or(langs[0]),
    }
}

fn statistical(text: &str) -> Option<&'static Language> {
    let langs = Language::all();
    let allow: Vec<Lang> = langs
        .iter()
        .filter_map(|l| l.whatlang.as_deref().and_then(Lang::from_code))
        .collect();
    if allow.is_empty() {
        return None;
    }
    let detector = Detector::with_allowlist(allow);
    // A sample is enough and keeps detection linear and cheap on huge inputs.
    let sample = &text[..crate::text::floor_char_boundary(text, 30_000)];
    let lang = detector.detect_lang(sample)?;
    langs
        .iter()
        .find(|l| l.whatlang.as_deref() == Some(lang.code()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_capitalised_verbs() {
        let lv = "ATGĀDINOT x;\nUZSVER y;\nAICINA z;\n";
        assert_eq!(detect(lv).code, "lv");
        let nl = "HERINNEREND aan x,\nBENADRUKT y,\nVERZOEKT de lidstaten z,\n";
        assert_eq!(detect(nl).code, "nl");
    }

    #[test]
    fn falls_back_to_statistics() {
        let en = "The Commission has published a communication on the strategy for the internal market and the digital economy.";
        assert_eq!(detect(en).code, "en");
    }
}
