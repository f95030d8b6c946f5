//! Detecting the language of a document.
//!
//! Council conclusions carry their own strongest signal: capitalised verbs of
//! the lexicon at the start of lines. Where those are too few (a narrative
//! text, a communication) a statistical detector (whatlang) decides.

use crate::lexicon::{upper, Language};
use crate::text::{is_all_caps, words};
use std::collections::HashSet;
use whatlang::{Detector, Lang};

/// Picks the supported language of `text`.
///
/// Only the packs a line's first word could open a verb of are loaded (and
/// the one statistics name): a short run in one language parses a few packs,
/// not all of them.
pub fn detect(text: &str) -> &'static Language {
    let count = Language::codes().len();
    // Count capitalised lexicon words at line starts, per language.
    let mut scores = vec![0usize; count];
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
        let head = line
            .get(w.start..crate::text::floor_char_boundary(line, w.start + 80))
            .unwrap_or_default();
        for &i in Language::verb_start_candidates(&u) {
            let (Some(l), Some(score)) = (Language::nth(i), scores.get_mut(i)) else {
                continue;
            };
            let t = toks.get_or_insert_with(|| crate::verbs::tokens(head));
            if crate::verbs::match_at(l, t, 0, head).is_some() {
                *score += 1;
            }
        }
    }
    // The best score, the lowest index among equals.
    let (best, best_score) = scores
        .iter()
        .copied()
        .enumerate()
        .fold((0, 0), |top, (i, s)| if s > top.1 { (i, s) } else { top });
    let runner_up = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &s)| s)
        .max()
        .unwrap_or(0);
    // A clear lexicon winner decides alone: statistics are slow and only
    // needed for texts with few capitalised verbs.
    let choice = if best_score >= 3 && best_score > runner_up * 2 {
        best
    } else if let Some(marked) = by_marker_words(text) {
        marked
    } else {
        match statistical(text) {
            Some(stat)
                if best_score < 3 || scores.get(stat).copied().unwrap_or(0) * 2 >= best_score =>
            {
                stat
            }
            _ => best,
        }
    };
    Language::nth(choice).unwrap_or_else(first_language)
}

#[expect(
    clippy::expect_used,
    reason = "build.rs embeds every rules/lang/*.toml, and the tests require \
              the packs to be there and valid, so pack 0 exists"
)]
fn first_language() -> &'static Language {
    Language::nth(0).expect("at least one language pack")
}

/// How much of a text's words a language's marker words must make up.
const MARKER_SHARE: f64 = 0.12;

/// A language the statistical detector does not know, told by the share of
/// its marker words (pack `[detection]`) in the start of the text (a few
/// hundred words tell; every file of an archive may come here).
fn by_marker_words(text: &str) -> Option<usize> {
    const SAMPLE_BYTES: usize = 6_000;
    let sample = text
        .get(..crate::text::floor_char_boundary(text, SAMPLE_BYTES))
        .unwrap_or(text);
    // Exact words and prefixes (`il-`, `ta'`) of each such language.
    let unknown: Vec<(usize, HashSet<&str>, Vec<&str>)> = Language::codes()
        .iter()
        .enumerate()
        .filter(|&(i, _)| Language::whatlang_codes().all(|(j, _)| j != i))
        .filter_map(|(i, _)| Some((i, Language::nth(i)?)))
        .filter(|(_, l)| !l.marker_words.is_empty())
        .map(|(i, l)| {
            let (prefixes, words): (Vec<&str>, Vec<&str>) = l
                .marker_words
                .iter()
                .map(String::as_str)
                .partition(|m| m.ends_with(['-', '\'']));
            (i, words.into_iter().collect(), prefixes)
        })
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let mut hits = vec![0usize; unknown.len()];
    let mut total = 0usize;
    let mut lower = String::new();
    for w in sample.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’'));
        if w.is_empty() {
            continue;
        }
        total += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        for (h, (_, words, prefixes)) in hits.iter_mut().zip(&unknown) {
            let marks =
                words.contains(lower.as_str()) || prefixes.iter().any(|p| lower.starts_with(p));
            *h += usize::from(marks);
        }
    }
    let (k, &best) = hits.iter().enumerate().max_by_key(|&(_, h)| *h)?;
    #[expect(clippy::cast_precision_loss, reason = "word counts of a 6 KB sample")]
    let share = best as f64 / total.max(1) as f64;
    (share >= MARKER_SHARE)
        .then(|| unknown.get(k).map(|(i, _, _)| *i))
        .flatten()
}

fn statistical(text: &str) -> Option<usize> {
    let allow: Vec<(usize, Lang)> = Language::whatlang_codes()
        .filter_map(|(i, code)| Some((i, Lang::from_code(code)?)))
        .collect();
    if allow.is_empty() {
        return None;
    }
    let detector = Detector::with_allowlist(allow.iter().map(|&(_, l)| l).collect());
    // The detector costs about 40 µs per KB, more than all the rest of a
    // run, and a couple of KB of running text decide it as well as the whole.
    // The window is taken from the middle of the text: the start is where a
    // web-page header, a register cover page or a cover note in another
    // language stands, the middle is the conclusions themselves.
    let sample = middle_window(text, 2_000);
    let lang = detector.detect_lang(sample)?;
    allow.iter().find(|&&(_, l)| l == lang).map(|&(i, _)| i)
}

/// At most `len` bytes from the middle of `text`, on character boundaries.
fn middle_window(text: &str, len: usize) -> &str {
    let start = crate::text::floor_char_boundary(text, text.len().saturating_sub(len) / 2);
    let end = crate::text::floor_char_boundary(text, start + len);
    text.get(start..end).unwrap_or(text)
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
