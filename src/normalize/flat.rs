//! Flattened text: a document whose line breaks were lost at the source (a
//! web page saved as one line, a PDF pasted into a form). Before blocks are
//! rebuilt, every very long line gets its block breaks back from the cues
//! that remain: the opening formula, a transition, a capitalised verb head or
//! a dash item after clause punctuation, the next numbered point, a sentence
//! that opens with a narrative subject or a capital after a full stop, and a
//! run of capitals (a title) after ordinary words. Each break replaces one
//! space with a blank line, so the source map keeps every span exact.
//!
//! Lines of ordinary length are left alone: this pass changes nothing in a
//! text that kept its line breaks.

use super::source_map::{MappedBuilder, SourceMap};
use crate::lexicon::{upper, Language};
use crate::text::{is_all_caps, words};

/// A line this long holds more than one block (the longest real paragraphs
/// of Council texts stay well under it).
const FLAT_LINE: usize = 1500;

/// A shorter line is flattened too when it is most of the text: an excerpt
/// copied onto one line (a web page, a PDF) is short, and a draft with line
/// breaks never has one paragraph holding most of its text and this much.
const SHORT_FLAT_LINE: usize = 80;

/// Whether `line` of `text` holds more than one block: it is too long for a
/// paragraph, or it is a short text's whole body.
fn is_flat(line: &str, text: &str) -> bool {
    let line = line.trim();
    line.len() > FLAT_LINE
        || line.len() > SHORT_FLAT_LINE && line.len() * 10 >= text.trim().len() * 6
}

/// Splits the flattened lines of `text`; `None` when no line is flattened.
pub fn split(text: &str, lang: &Language) -> Option<(String, SourceMap)> {
    if !text.split('\n').any(|l| is_flat(l, text)) {
        return None;
    }
    let mut b = MappedBuilder::with_capacity(text.len() + text.len() / 50);
    let mut copied = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if is_flat(line, text) {
            for at in breaks(line, lang) {
                let at = line_start + at;
                b.copy(text, copied, at);
                if text.as_bytes().get(at) == Some(&b' ') {
                    b.replace(at, at + 1, "\n\n");
                    copied = at + 1;
                } else {
                    // No space to stand for the break (`EUROPESE GEMEENSCHAPPEN,Gelet`).
                    b.replace(at, at, "\n\n");
                    copied = at;
                }
            }
        }
        line_start += line.len();
    }
    b.copy(text, copied, text.len());
    Some(b.finish())
}

/// Offsets in `line` where a new block starts: the space before it, or
/// (where no space stands) the block's first byte.
fn breaks(line: &str, lang: &Language) -> Vec<usize> {
    let formula = phrase_words(&lang.structure.formula);
    let transitions = phrase_words(&lang.structure.transitions);
    let subjects = phrase_words(&lang.narrative.subjects);
    // The first words of those phrases: a word that opens none of them needs
    // no upper-casing of the words after it (most candidates are that).
    let openers: std::collections::HashSet<&str> = [&formula, &transitions, &subjects]
        .into_iter()
        .flatten()
        .filter_map(|p| p.first().map(String::as_str))
        .collect();
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    // A line that opens with a point or a bracketed label continues from it.
    let lead = line.trim_start();
    let mut next_point = point_number(lead).map_or(1, |n| n.saturating_add(1));
    let mut next_bracketed = lead
        .strip_prefix('(')
        .and_then(point_number)
        .map_or(1, |n| n.saturating_add(1));
    let mut next_roman = 1u32;
    // Right after a section heading split off: its last word in capitals
    // may stand before the first point ("II. UKRAINA 4. …").
    let mut in_heading = false;
    let mut label_end = usize::MAX;
    let mut prev_caps_word = words(line)
        .next()
        .is_some_and(|w| w.start == 0 && is_all_caps(w.text));
    for (sp, rest_start) in candidates(bytes) {
        // Around ASCII bytes: char boundaries, so both are `Some`.
        let (Some(before), Some(rest)) = (line.get(..sp), line.get(rest_start..)) else {
            continue;
        };
        if rest.is_empty() || rest.starts_with(' ') {
            continue;
        }
        let before = before.trim_end_matches(' ');
        let prev = before.chars().next_back();
        let after_clause = matches!(prev, Some(',' | ';' | ':' | '.'));
        let sentence_end =
            matches!(prev, Some('.' | ';' | ':')) && !ends_with_abbreviation(before, lang);
        let was_caps = std::mem::replace(
            &mut prev_caps_word,
            words(rest)
                .next()
                .is_some_and(|w| w.start == 0 && is_all_caps(w.text)),
        );
        // A dash item: "…: - invoering …; - uitbreiding …".
        if (rest.starts_with("- ") || rest.starts_with("– ")) && after_clause {
            push(&mut out, sp);
            continue;
        }
        // The next section: "… Konkluzje I. ROZSZERZENIE 1. …", "… inwestycją.
        // II. UKRAINA": its Roman number in sequence, a word in capitals after it.
        if let Some((n, len)) = crate::grammar::roman_label(rest) {
            let heading = rest
                .get(len..)
                .and_then(|r| words(r).next())
                .is_some_and(|w| {
                    w.start == 0 && w.text.chars().count() >= 3 && is_all_caps(w.text)
                });
            if n == next_roman && heading {
                push(&mut out, sp);
                next_roman += 1;
                in_heading = true;
                // The space after the label (`III. `) is inside the heading.
                label_end = rest_start + rest.find(' ').unwrap_or_default();
                continue;
            }
        }
        // The next numbered point: "…; 2. De Raad" or "… 3) verwelkomt", or
        // one after a section heading ("I. ROZSZERZENIE 1. Rada").
        if let Some(n) = point_number(rest) {
            // The first point may follow a title with no end punctuation
            // ("Neuvoston päätelmät Myanmarista 1. EU on …"), its text
            // opening with a capital.
            let first_after_title = n == 1
                && next_point == 1
                && rest
                    .split_once(' ')
                    .is_some_and(|(_, r)| crate::text::starts_upper(r));
            if n == next_point
                && (sentence_end
                    || first_after_title
                    || in_heading && was_caps
                    || matches!(prev, Some(':' | ',') | None))
            {
                in_heading = false;
                push(&mut out, sp);
                next_point += 1;
                // The space after the label (`2. `) is inside the point.
                label_end = rest_start + rest.find(' ').unwrap_or_default();
            }
            continue;
        }
        if sp == label_end {
            continue;
        }
        // The next bracketed label, numbered recitals mostly: "…, (2) Overwegende".
        if let Some(n) = rest.strip_prefix('(').and_then(point_number) {
            if n == next_bracketed && (after_clause || prev.is_none()) {
                push(&mut out, sp);
                next_bracketed += 1;
            }
            continue;
        }
        if !rest.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // The Official Journal number closes the title: "… (98/C 390/01) De Raad".
        // What follows may be a formula, split further below.
        if prev == Some(')') && ends_with_journal_number(before) {
            push(&mut out, sp);
        }
        let ws: Vec<crate::text::Word> = words(rest).take(12).collect();
        let Some(first) = ws.first().filter(|w| w.start == 0) else {
            continue;
        };
        let first_up = upper(first.text);
        let up: Vec<String> = if openers.contains(first_up.as_str()) {
            ws.iter().map(|w| upper(w.text)).collect()
        } else {
            vec![first_up]
        };
        // The text after the first `n` words (a phrase matched in `up`, so
        // `1 <= n <= ws.len()`), and where it starts: the end of a word, a
        // char boundary of `rest`. `None` never happens.
        let after_words = |n: usize| {
            let end = ws.get(n.checked_sub(1)?)?.end;
            Some((n, end, rest.get(end..)?))
        };
        if let Some((_, end, tail)) = matches_any(&up, &formula).and_then(after_words) {
            // The formula ends with its punctuation and is a block of its own.
            let punct = tail.len()
                - tail
                    .trim_start_matches([',', ':', '—', '–', '-', ' '])
                    .len();
            // The rest of `tail` starts at a char boundary.
            let marks = tail.get(..punct).unwrap_or_default();
            if marks.contains([',', ':', '—', '–']) || marks.trim() == "-" {
                push(&mut out, sp);
                let after = rest_start + end + marks.len();
                if after < line.len() {
                    // The space before the next block, or its first byte.
                    push(
                        &mut out,
                        marks.rfind(' ').map_or(after, |k| rest_start + end + k),
                    );
                }
                continue;
            }
        }
        if let Some((n, end, tail)) = matches_any(&up, &transitions)
            .filter(|_| is_all_caps(first.text))
            .and_then(after_words)
        {
            if tail.starts_with(": ") || tail.starts_with(' ') && n > 1 {
                push(&mut out, sp);
                let colon = usize::from(tail.starts_with(':'));
                push(&mut out, rest_start + end + colon);
                continue;
            }
        }
        let verb_start = up.first().is_some_and(|u| lang.is_verb_start(u));
        if verb_start && is_all_caps(first.text) && (after_clause || prev.is_none()) {
            push(&mut out, sp);
        } else if verb_start && matches!(prev, Some(',' | ';')) {
            // A recital head in ordinary case after the formula or the
            // previous recital: "…, Gelet op", "…;Overwegende dat".
            push(&mut out, sp);
        } else if sentence_end && (prev == Some('.') || matches_any(&up, &subjects).is_some()) {
            push(&mut out, sp);
        } else if !after_clause && !was_caps && caps_run(&ws) {
            // A title in capitals after ordinary words: "… 0004 CONCLUSIES VAN DE RAAD".
            push(&mut out, sp);
        }
    }
    out
}

/// Where a block may start, in order: after each space (`(space, space + 1)`),
/// and right after clause punctuation glued to the next word, where the line
/// break stood before it was lost (`GEMEENSCHAPPEN,Gelet`, `zijn;1. is`):
/// `(at, at)`, a break inserted without a space to stand for it.
fn candidates(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        if b == b' ' {
            return Some((i, i + 1));
        }
        if !matches!(b, b',' | b';' | b':' | b'.') {
            return None;
        }
        let next = *bytes.get(i + 1)?;
        // An upper-case letter, a digit, a dash or a non-ASCII lead byte.
        let glued =
            next.is_ascii_uppercase() || next.is_ascii_digit() || next == b'-' || next >= 0xC0;
        // A decimal or a number group (`1,5`, `2.3`) is not a lost break.
        let number = next.is_ascii_digit()
            && i.checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit);
        (glued && !number).then_some((i + 1, i + 1))
    })
}

fn push(out: &mut Vec<usize>, at: usize) {
    if out.last().is_none_or(|&l| l < at) {
        out.push(at);
    }
}

fn phrase_words(list: &[String]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = list
        .iter()
        .map(|p| words(p).map(|w| upper(w.text)).collect::<Vec<_>>())
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect();
    // Longest first: "DE RAAD VAN DE EUROPESE UNIE" before "DE RAAD".
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
}

/// Number of words of the first phrase of `list` that `up` starts with.
fn matches_any(up: &[String], list: &[Vec<String>]) -> Option<usize> {
    list.iter()
        .find(|p| p.len() <= up.len() && p.iter().zip(up).all(|(a, b)| a == b))
        .map(Vec::len)
}

/// Two or more words in capitals with at least ten letters: a title.
fn caps_run(ws: &[crate::text::Word]) -> bool {
    let run: Vec<_> = ws
        .iter()
        .take_while(|w| is_all_caps(w.text) && w.text.chars().any(char::is_alphabetic))
        .take(6)
        .collect();
    run.len() >= 3
        && run
            .iter()
            .zip(run.iter().skip(1))
            .all(|(a, b)| a.end < b.start)
        && run.iter().map(|w| w.text.chars().count()).sum::<usize>() >= 12
}

/// `12. ` or `12) ` at the start of `s`: the number.
fn point_number(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    // `digits` ASCII bytes: a char boundary, so this always splits.
    let (number, rest) = s.split_at_checked(digits)?;
    (rest.starts_with(". ") || rest.starts_with(") "))
        .then(|| number.parse().ok())
        .flatten()
}

/// `before` ends with an Official Journal number in brackets: `(98/C 390/01)`,
/// `( 84/C 175/01 )`, `(2014/C 183/08)` — year, series letter, number.
fn ends_with_journal_number(before: &str) -> bool {
    let Some(inner) = before
        .strip_suffix(')')
        .and_then(|b| b.rsplit_once('('))
        .map(|(_, inner)| inner.trim())
    else {
        return false;
    };
    let mut parts = inner.split('/');
    let (Some(year), Some(series_number), Some(item), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    let Some((series, number)) = series_number.split_once(' ') else {
        return false;
    };
    digits(year, 4)
        && series.len() == 1
        && series.bytes().all(|b| b.is_ascii_uppercase())
        && digits(number.trim(), 4)
        && digits(item, 3)
}

/// The text before a full stop ends with an abbreviation or a single
/// letter or number (`blz.`, `Nr.`, `C.`, `2.`): not a sentence end.
fn ends_with_abbreviation(before: &str, lang: &Language) -> bool {
    let tail = before.rsplit_once(' ').map_or(before, |(_, t)| t);
    let core = tail.trim_end_matches(['.', ';', ':']);
    core.chars().count() <= 2
        || core.chars().all(|c| c.is_ascii_digit())
        || lang
            .structure
            .abbreviations
            .iter()
            .any(|a| a.eq_ignore_ascii_case(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks `split` gives a text that is flattened as it stands.
    fn split_blocks(code: &str, text: &str) -> Vec<String> {
        let (out, _) = split(text, Language::get(code).unwrap()).expect("split");
        out.split("\n\n").map(str::to_string).collect()
    }

    fn blocks(code: &str, text: &str) -> Vec<String> {
        let lang = Language::get(code).unwrap();
        let padded = format!("{text} {}", "z".repeat(FLAT_LINE));
        let (out, _) = split(&padded, lang).expect("a flattened line");
        out.split("\n\n")
            .map(|s| s.trim().to_string())
            .map(|s| s.trim_end_matches(['z', ' ']).to_string())
            .collect()
    }

    #[test]
    fn a_short_excerpt_on_one_line_is_split_but_a_paragraph_of_a_draft_is_not() {
        // A narrative excerpt copied from a web page, far under FLAT_LINE.
        let t = "1. The Council deeply regrets the decision. It condemns the violence. 2. The EU stands ready to help. 3. The Council welcomes the plan.";
        let b = split_blocks("en", t);
        assert_eq!(
            b,
            [
                "1. The Council deeply regrets the decision.",
                "It condemns the violence.",
                "2. The EU stands ready to help.",
                "3. The Council welcomes the plan."
            ]
        );
        // The same sentences as one paragraph among others are left alone.
        let draft = format!(
            "THE COUNCIL OF THE EUROPEAN UNION,\n\nRECALLING its conclusions of 2020 on the matter and on the many matters that it has since addressed in its conclusions,\n\n{t}\n\nRECALLING its conclusions of 2021 on the matter and on the many matters that it has since addressed,\n"
        );
        assert!(split(&draft, Language::get("en").unwrap()).is_none());
    }

    #[test]
    fn european_council_sections_and_their_points() {
        let t = "Posiedzenie Rady Europejskiej (19 i 20 marca 2026 r.) – Konkluzje I. ROZSZERZENIE 1. Rada Europejska ponownie potwierdza wsparcie. II. UKRAINA 2. Rada Europejska potępia ataki. III. BLISKI WSCHÓD 3. Rada Europejska apeluje o dostęp.";
        let b = split_blocks("pl", t);
        assert_eq!(
            b,
            [
                "Posiedzenie Rady Europejskiej (19 i 20 marca 2026 r.) – Konkluzje",
                "I. ROZSZERZENIE",
                "1. Rada Europejska ponownie potwierdza wsparcie.",
                "II. UKRAINA",
                "2. Rada Europejska potępia ataki.",
                "III. BLISKI WSCHÓD",
                "3. Rada Europejska apeluje o dostęp."
            ]
        );
    }

    #[test]
    fn the_first_point_after_a_title_with_no_end_mark() {
        let t = "Neuvoston päätelmät Myanmarista/Burmasta 1. EU on edelleen syvästi huolissaan tilanteesta. 2. EU tuomitsee jyrkästi ilmaiskut.";
        let b = split_blocks("fi", t);
        assert_eq!(
            b,
            [
                "Neuvoston päätelmät Myanmarista/Burmasta",
                "1. EU on edelleen syvästi huolissaan tilanteesta.",
                "2. EU tuomitsee jyrkästi ilmaiskut."
            ]
        );
        // A "1." inside a sentence is no point: "Article 1. of" is not split.
        let t = "The Council recalls Article 1. of the Treaty on the matter and on many matters that it addressed in its conclusions over many years.";
        let (out, _) = split(t, Language::get("en").unwrap()).expect("split");
        assert!(!out.contains("\n\n1."), "{out}");
    }

    #[test]
    fn journal_numbers_close_a_title() {
        assert!(ends_with_journal_number("de volksgezondheid (98/C 390/01)"));
        assert!(ends_with_journal_number(
            "op middellange termijn ( 84/C 175/01 )"
        ));
        assert!(ends_with_journal_number("Europa (2014/C 183/08)"));
        assert!(!ends_with_journal_number("artikel 3, onder o)"));
        assert!(!ends_with_journal_number("(PB C 390 van 15.12.1998)"));
        assert!(!ends_with_journal_number("(zie punt 2/3/4)"));
    }

    #[test]
    fn a_one_line_classic_text_gets_its_blocks_back() {
        let t = "Publicatieblad Nr. C 195 blz. 0004 - 0004 CONCLUSIES VAN DE RAAD van 8 juni 1999 betreffende gezondheid DE RAAD VAN DE EUROPESE UNIE, Gelet op het Verdrag, BEVESTIGT OPNIEUW zijn resoluties; VERZOEKT de Commissie om a; - eerst b; - dan c.";
        let b = blocks("nl", t);
        assert_eq!(
            b,
            [
                "Publicatieblad Nr. C 195 blz. 0004 - 0004",
                "CONCLUSIES VAN DE RAAD van 8 juni 1999 betreffende gezondheid",
                "DE RAAD VAN DE EUROPESE UNIE,",
                "Gelet op het Verdrag,",
                "BEVESTIGT OPNIEUW zijn resoluties;",
                "VERZOEKT de Commissie om a;",
                "- eerst b;",
                "- dan c."
            ]
        );
    }

    #[test]
    fn numbered_points_and_sentences() {
        let t = "DE RAAD: 1. De Raad is verheugd over het verslag. Hij acht dit noodzakelijk. 2. De Raad verzoekt de Commissie het, blz. 3 en art. 4.";
        let b = blocks("nl", t);
        assert_eq!(
            b,
            [
                "DE RAAD:",
                "1. De Raad is verheugd over het verslag.",
                "Hij acht dit noodzakelijk.",
                "2. De Raad verzoekt de Commissie het, blz. 3 en art. 4."
            ]
        );
    }

    #[test]
    fn breaks_glued_to_the_punctuation_before_them() {
        let t = "DE RAAD VAN DE EUROPESE GEMEENSCHAPPEN,Gelet op het Verdrag,Overwegende dat het gaat;Overwegende dat 1,5 miljoen telt;1. verzoekt de Commissie:- te werken;- te melden;2. ZAL beslissen.";
        assert_eq!(
            blocks("nl", t),
            [
                "DE RAAD VAN DE EUROPESE GEMEENSCHAPPEN,",
                "Gelet op het Verdrag,",
                "Overwegende dat het gaat;",
                "Overwegende dat 1,5 miljoen telt;",
                "1. verzoekt de Commissie:",
                "- te werken;",
                "- te melden;",
                "2. ZAL beslissen."
            ]
        );
    }

    #[test]
    fn bracketed_recital_numbers_in_sequence() {
        let t = "DE RAAD VAN DE EUROPESE UNIE, Gelet op artikel 126, (1) Gezien de actie III.3.1, (2) Overwegende dat (3) punten; (3) Overwegende dat c;";
        assert_eq!(
            blocks("nl", t),
            [
                "DE RAAD VAN DE EUROPESE UNIE,",
                "Gelet op artikel 126,",
                "(1) Gezien de actie III.3.1,",
                "(2) Overwegende dat (3) punten;",
                "(3) Overwegende dat c;"
            ]
        );
    }

    #[test]
    fn ordinary_lines_are_left_alone() {
        let lang = Language::get("nl").unwrap();
        assert!(split("BENADRUKT x; VERZOEKT y.\n", lang).is_none());
    }
}
