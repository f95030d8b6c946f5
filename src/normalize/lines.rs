//! Line-level facts: content ranges, running page footers and the register
//! header zone at the top of the file.

use crate::ast::HeaderField;
use crate::grammar;
use crate::lexicon::{Language, Phrases};
use std::collections::HashMap;

/// One physical line of the cleaned text.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Content range (leading and trailing blanks trimmed).
    pub start: usize,
    pub end: usize,
    /// Leading blanks: a single leading space marks a new page in the
    /// register's PDF extractions.
    pub indent: usize,
    pub blank: bool,
    /// A running footer or page header to leave out.
    pub dropped: bool,
}

impl Line {
    /// The line's content in `text`, the text [`split`] made it from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        // `split` puts `start` and `end` on char boundaries of that text (a
        // piece of `split('\n')` trimmed of ASCII blanks), so `get` never
        // fails there; another text gets an empty line, not a panic.
        text.get(self.start..self.end).unwrap_or_default()
    }
}

/// Splits the cleaned text (which has only `\n` line breaks) into lines.
pub fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let content = raw.trim_matches([' ', '\t']);
        let start = pos + lead;
        out.push(Line {
            start,
            end: start + content.len(),
            indent: lead,
            blank: content.is_empty(),
            dropped: false,
        });
        pos += raw.len() + 1;
    }
    out
}

/// Marks running footers and headers: `6122/15 ard/AR/ps 3`, the directorate
/// line below it (`ANNEX RELEX.2.B LIMITE EN`), bare page numbers and other
/// short code lines that repeat on every page.
pub fn mark_footers(text: &str, lines: &mut [Line], lang: &Language) {
    let mut repeats: HashMap<String, usize> = HashMap::new();
    // Every short line, digits folded: what repeats on page after page is
    // running furniture, whatever office or document wrote it.
    let mut furniture: HashMap<String, (usize, usize)> = HashMap::new();
    let mut page_numbers = 0;
    for (i, l) in lines.iter().enumerate() {
        let t = l.text(text);
        if l.blank || t.len() > 80 {
            continue;
        }
        let e = furniture.entry(digits_folded(t)).or_insert((0, usize::MAX));
        // Occurrences on different pages: not on neighbouring lines.
        if e.1 == usize::MAX || i > e.1 + 5 {
            e.0 += 1;
        }
        e.1 = i;
        if grammar::is_page_number_line(t) {
            page_numbers += 1;
        }
        if grammar::is_dg_line(t)
            || grammar::is_doc_number_line(t)
            || lang.line_is(Phrases::AnnexMarker, t)
        {
            *repeats.entry(digits_folded(t)).or_default() += 1;
        }
    }
    let mut after_footer = false;
    let mut seen_once: HashMap<String, bool> = HashMap::new();
    for l in lines.iter_mut() {
        if l.blank {
            continue;
        }
        let t = l.text(text);
        let drop = if grammar::is_footer_line(t) {
            true
        } else if t.len() > 80 {
            false
        } else if after_footer && is_language_code(t) {
            // "EUCO 7/24   2" / "FR": the language of the version under it.
            true
        } else if grammar::is_dg_line(t) {
            after_footer || repeats.get(&digits_folded(t)).copied().unwrap_or(0) >= 2
        } else if grammar::is_page_number_line(t) {
            page_numbers >= 3 || after_footer
        } else if grammar::is_doc_number_line(t) || lang.line_is(Phrases::AnnexMarker, t) {
            // Keep the first occurrence (header or annex marker), drop the repeats.
            let key = digits_folded(t);
            let repeated = repeats.get(&key).copied().unwrap_or(0) >= 2;
            let first = !seen_once.contains_key(&key);
            seen_once.insert(key, true);
            repeated && !first
        } else {
            repeated_furniture(t, &furniture, lang)
        };
        // What follows a footer on its page end goes with it: the page
        // number and the language code under "EUCO 1/25".
        after_footer = drop
            && (grammar::is_footer_line(t)
                || grammar::is_doc_number_line(t)
                || grammar::is_page_number_line(t));
        l.dropped = drop;
    }
    drop_running_heads(text, lines);
}

/// A two-letter language code alone on its line (`EN`, `FR`).
fn is_language_code(t: &str) -> bool {
    let t = t.trim();
    t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// The line set apart right above a page footer that names the text and its
/// date ("Conclusions – 21 and 22 March 2024" over "EUCO 7/24   2"): the
/// running head of a European Council page, dropped even where it stands
/// only once. A blank line before it and a year in it, with no end
/// punctuation, tell it from the last line of the page's text.
fn drop_running_heads(text: &str, lines: &mut [Line]) {
    for i in 1..lines.len() {
        let footer = lines
            .get(i)
            .is_some_and(|l| l.dropped && grammar::is_footer_line(l.text(text)));
        let set_apart = i < 2 || lines.get(i - 2).is_some_and(|l| l.blank);
        let Some(above) = lines.get_mut(i - 1) else {
            continue;
        };
        let t = above.text(text).trim();
        if footer
            && set_apart
            && !above.blank
            && t.chars().count() <= 80
            && crate::text::starts_upper(t)
            && !t.ends_with([',', ';', ':', '.'])
            && has_year(t)
        {
            above.dropped = true;
        }
    }
}

fn has_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit())
        .any(crate::text::is_year)
}

/// A short plain line (no verb, label, bullet, transition or formula) that
/// stands on three pages or more, its digits aside (a page number, a date).
fn repeated_furniture(t: &str, seen: &HashMap<String, (usize, usize)>, lang: &Language) -> bool {
    const PAGES: usize = 3;
    let t = t.trim();
    // Furniture ends without punctuation and does not continue a sentence.
    // The cheap tests first: most short lines are wrapped text.
    !t.ends_with([',', ';', ':', '.'])
        && !crate::text::starts_lower(t)
        && t.chars().any(char::is_alphanumeric)
        && seen
            .get(&digits_folded(t))
            .is_some_and(|&(n, _)| n >= PAGES)
        && crate::shape::classify(lang, t, &crate::shape::PointCounter::any())
            == crate::shape::Shape::Text
}

fn digits_folded(t: &str) -> String {
    t.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Kinds of header line, in the order a register header usually has them.
pub fn is_header_line(t: &str, lang: &Language) -> bool {
    grammar::is_or_line(t)
        || grammar::is_doc_number_line(t)
        || grammar::is_interinstitutional_line(t)
        || grammar::is_subject_code_line(t)
        || grammar::is_suffix_line(t)
        || grammar::is_marking_line(t)
        || is_date_line(t)
        || lang.line_is(Phrases::DocumentType, t)
        || header_field(t, lang).is_some()
}

/// `Sūtītājs:` / `From:` … : the field name when `t` starts with one.
pub fn header_field<'l>(t: &str, lang: &'l Language) -> Option<&'l str> {
    lang.structure
        .header_fields
        .iter()
        .map(String::as_str)
        .find(|f| {
            t.strip_prefix(*f)
                .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
        })
}

/// The field a header line gives (`document_number`, `subject`, `date`…)
/// and, for a named field (`Subject:`), the byte length of its name.
pub fn header_field_kind(t: &str, lang: &Language) -> (HeaderField, Option<usize>) {
    let field = if grammar::is_or_line(t) {
        HeaderField::OriginalLanguage
    } else if grammar::is_doc_number_line(t) {
        HeaderField::DocumentNumber
    } else if grammar::is_interinstitutional_line(t) {
        HeaderField::InterinstitutionalFile
    } else if grammar::is_suffix_line(t) {
        HeaderField::Revision
    } else if grammar::is_marking_line(t) {
        HeaderField::Marking
    } else if grammar::is_subject_code_line(t) {
        HeaderField::SubjectCode
    } else if is_date_line(t) {
        HeaderField::Date
    } else if lang.line_is(crate::lexicon::Phrases::DocumentType, t) {
        HeaderField::DocumentType
    } else if let Some(name) = header_field(t, lang) {
        let kind = if lang.structure.subject_fields.iter().any(|f| f == name) {
            HeaderField::Subject
        } else {
            HeaderField::Field
        };
        return (kind, Some(name.len()));
    } else {
        HeaderField::Register
    };
    (field, None)
}

/// `Briselē, 2015. gada 11. februārī`, `Brussels, 10 February 2015`.
pub fn is_date_line(t: &str) -> bool {
    if t.len() > 60 {
        return false;
    }
    let Some((place, rest)) = t.split_once(',') else {
        return false;
    };
    let place_ok = !place.is_empty()
        && place.split(' ').count() <= 2
        && crate::text::starts_upper(place)
        && place.chars().any(char::is_lowercase)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let year_ok = has_year(rest);
    place_ok && year_ok
}

/// The header zone: indices of the lines at the top of the file that belong
/// to the register header (with wrapped field values), or empty.
pub fn header_zone(text: &str, lines: &[Line], lang: &Language) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut strong = false;
    let mut last_was_field = false;
    for (i, l) in lines.iter().enumerate() {
        if l.blank || l.dropped {
            continue;
        }
        let t = l.text(text);
        if is_header_line(t, lang) {
            strong |= !is_date_line(t)
                && !grammar::is_subject_code_line(t)
                && !grammar::is_marking_line(t);
            last_was_field = header_field(t, lang).is_some();
            groups.push(vec![i]);
        } else if let Some(group) = groups.last_mut().filter(|_| last_was_field && l.indent > 0) {
            // A wrapped field value (indented by the word processor).
            group.push(i);
        } else if groups.is_empty()
            && (lang.line_is(Phrases::RegisterName, t) || lang.line_is(Phrases::Formula, t))
            && !t.ends_with(',')
        {
            // The register's name above the header ("COUNCIL OF THE EUROPEAN UNION").
            groups.push(vec![i]);
        } else {
            break;
        }
    }
    if strong {
        groups
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_furniture_is_learned_from_repetition() {
        let lang = Language::get("en").unwrap();
        let mut text = String::new();
        for page in 1..=3 {
            text.push_str(&format!(
                "1. STRESSES point {page} of the text that runs on;\n\nand more text here;\n\nmore lines;\n\nAND\n\nCDP/FB/nj {page}\n9156/22\nANNEX COMPET.2 LIMITE EN\n\n"
            ));
        }
        let mut lines = split(&text);
        mark_footers(&text, &mut lines, lang);
        let dropped: Vec<&str> = lines
            .iter()
            .filter(|l| l.dropped)
            .map(|l| l.text(&text))
            .collect();
        assert!(dropped.contains(&"CDP/FB/nj 2"), "{dropped:?}");
        assert!(!dropped.iter().any(|d| d.starts_with("1.") || *d == "AND"));
    }

    /// The lines `mark_footers` drops from `text`.
    fn dropped_lines<'t>(text: &'t str, lang: &Language) -> Vec<&'t str> {
        let mut lines = split(text);
        mark_footers(text, &mut lines, lang);
        lines
            .iter()
            .filter(|l| l.dropped)
            .map(|l| l.text(text))
            .collect()
    }

    #[test]
    fn a_european_council_page_end_is_dropped_even_once() {
        let en = Language::get("en").unwrap();
        let text = "6. The European Council welcomes the plan.\n\nConclusions – 21 and 22 March 2024\nEUCO 7/24                                        2\nEN\n\n7. It will revert to the matter in June 2024\n";
        let mut lines = split(text);
        mark_footers(text, &mut lines, en);
        let dropped: Vec<&str> = lines
            .iter()
            .filter(|l| l.dropped)
            .map(|l| l.text(text).split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(dropped, ["Conclusions", "EUCO", "EN"]);
    }

    #[test]
    fn a_page_number_on_its_own_line_goes_with_the_footer_above_it() {
        let el = Language::get("el").unwrap();
        let text = "EUCO 1/25\n\n1. Το Ευρωπαϊκό Συμβούλιο χαιρετίζει.\n\nEUCO 1/25\n\n2\n\nEL\n\n2. Το Ευρωπαϊκό Συμβούλιο καλεί.\n\nEUCO 1/25\n\n3\n\nEL\n";
        let dropped = dropped_lines(text, el);
        assert_eq!(dropped, ["EUCO 1/25", "2", "EL", "EUCO 1/25", "3", "EL"]);
    }

    #[test]
    fn footers_are_dropped_and_repeated_doc_numbers_after_the_first() {
        let lv = Language::get("en").unwrap();
        let text = "6122/15\nBody text one\n6122/15 ard/AR/ps 2\nANNEX DG C 1 LIMITE EN\nmore body\n6122/15 ard/AR/ps 3\nANNEX DG C 1 LIMITE EN\n";
        let dropped = dropped_lines(text, lv);
        assert_eq!(
            dropped,
            [
                "6122/15 ard/AR/ps 2",
                "ANNEX DG C 1 LIMITE EN",
                "6122/15 ard/AR/ps 3",
                "ANNEX DG C 1 LIMITE EN"
            ]
        );
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Briselē, 2015. gada 11. februārī"));
        assert!(is_date_line("Brussels, 10 February 2015"));
        assert!(!is_date_line("ATZĪST, ka 2015. gadā"));
    }
}
