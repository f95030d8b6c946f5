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
        for (i, l) in langs.iter().enumerate() {
            if l.is_verb_start(&u) {
                scores[i] += 1;
            }
        }
    }
    let best = scores.iter().enumerate().max_by_key(|(_, s)| **s);
    let statistical = statistical(text);
    match best {
        Some((i, &s)) if s >= 3 => {
            // Short capital words are shared between languages (EN "NOTE", FR
            // "NOTE"): when the statistical guess also scored well, prefer it.
            if let Some(stat) = statistical {
                let j = langs.iter().position(|l| l.code == stat.code).unwrap_or(i);
                if scores[j] * 2 >= s {
                    return stat;
                }
            }
            &langs[i]
        }
        _ => statistical.unwrap_or(&langs[0]),
    }
}

fn statistical(text: &str) -> Option<&'static Language> {
    let allow = vec![Lang::Lav, Lang::Nld, Lang::Eng, Lang::Fra, Lang::Deu];
    let detector = Detector::with_allowlist(allow);
    // A sample is enough and keeps detection linear and cheap on huge inputs.
    let sample = &text[..crate::text::floor_char_boundary(text, 200_000)];
    let lang = detector.detect_lang(sample)?;
    let code = match lang {
        Lang::Lav => "lv",
        Lang::Nld => "nl",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        _ => return None,
    };
    Language::get(code)
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
