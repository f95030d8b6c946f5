//! The pest line grammar (`grammar/line.pest`) and typed wrappers around it.
//!
//! Each function answers one question about the start (or the whole) of a
//! line, so callers never handle pest pairs.

use pest::Parser;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/line.pest"]
struct LineGrammar;

/// Byte length of the text matched by `rule` at the start of `s`, if any.
/// Every label rule is anchored at `SOI`, so this is the end of a match that
/// starts at 0: a char boundary of `s` (callers still slice with `get`).
///
/// Callers check the first character before calling: a failed pest parse
/// builds a rich error value (line, column, expected rules), and most lines
/// fail most shapes, so the guards keep the hot path cheap.
fn match_len(rule: Rule, s: &str) -> Option<usize> {
    LineGrammar::parse(rule, s)
        .ok()
        .and_then(|mut pairs| pairs.next())
        .map(|p| p.as_str().len())
}

fn matches_whole(rule: Rule, s: &str) -> bool {
    LineGrammar::parse(rule, s).is_ok()
}

/// A numbered point label (`12. `): (number, label length).
pub fn point_label(s: &str) -> Option<(u32, usize)> {
    // An opening quotation mark may stand before the number (line.pest).
    let quote = s
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '“' | '„' | '«'))
        .map_or(0, char::len_utf8);
    let number = s.get(quote..)?;
    if !number.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let len = match_len(Rule::point_label, s)?;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    Some((number.get(..digits)?.parse().ok()?, len))
}

/// A multi-level section label (`1.1. `): its text and length.
pub fn section_label(s: &str) -> Option<(&str, usize)> {
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }

    let len = match_len(Rule::section_label, s)?;
    Some((s.get(..len)?.trim_end(), len))
}

/// A Roman section label (`IV. `): (value, label length).
pub fn roman_label(s: &str) -> Option<(u32, usize)> {
    if !s
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'I' | b'V' | b'X'))
    {
        return None;
    }

    let len = match_len(Rule::roman_label, s)?;
    let numeral = s.get(..len)?.trim_end().trim_end_matches('.');
    Some((roman_value(numeral)?, len))
}

/// A sub-point label (`a) `, `(ii) `, `b. `): (label without punctuation, label length).
pub fn subpoint_label(s: &str) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    if !(b.first() == Some(&b'(')
        || s.chars().next().is_some_and(char::is_lowercase)
            && b.iter().take(8).any(|&c| c == b')' || c == b'.'))
    {
        return None;
    }

    let len = match_len(Rule::subpoint_label, s)?;
    let inner = s
        .get(..len)?
        .trim()
        .trim_matches(|c| c == '(' || c == ')' || c == '.');
    Some((inner, len))
}

/// A capital letter label (`A. `): (letter, label length).
pub fn letter_label(s: &str) -> Option<(char, usize)> {
    if !(s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && s.as_bytes().get(1) == Some(&b'.'))
    {
        return None;
    }

    let len = match_len(Rule::letter_label, s)?;
    Some((s.chars().next()?, len))
}

/// A bracketed number (`(12) `): (the digits, label length).
pub fn recital_number_label(s: &str) -> Option<(&str, usize)> {
    if !(s.starts_with('(') && s.as_bytes().get(1).is_some_and(u8::is_ascii_digit)) {
        return None;
    }

    let len = match_len(Rule::recital_number_label, s)?;
    Some((s.get(1..len)?.trim_end().trim_end_matches(')'), len))
}

/// A bullet (`- `, `– `, `• `…): (bullet character, label length).
pub fn bullet(s: &str) -> Option<(char, usize)> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if c.is_alphanumeric() || !chars.as_str().starts_with([' ', '\t']) {
        return None;
    }

    let len = match_len(Rule::bullet, s)?;
    Some((s.chars().next()?, len))
}

/// A footnote definition label (`¹ `, `12 `): (number, is superscript, label length).
pub fn footnote_label(s: &str) -> Option<(u32, bool, usize)> {
    let c = s.chars().next()?;
    if !c.is_ascii_digit() && crate::text::superscript_value(c).is_none() {
        return None;
    }

    let len = match_len(Rule::footnote_label, s)?;
    if let Some((v, _)) = crate::text::leading_superscript(s) {
        return Some((v, true, len));
    }
    let (v, _) = crate::text::leading_number(s)?;
    Some((v, false, len))
}

/// A whole-line shape, tried only when the line is short enough and starts
/// (after blanks) with a byte the shape can start with.
fn whole_line(rule: Rule, s: &str, max_len: usize, first: fn(u8) -> bool) -> bool {
    s.len() <= max_len
        && s.trim_start().as_bytes().first().is_some_and(|&b| first(b))
        && matches_whole(rule, s)
}

pub fn is_or_line(s: &str) -> bool {
    whole_line(Rule::or_line, s, 20, |b| b == b'(')
}

pub fn is_doc_number_line(s: &str) -> bool {
    whole_line(Rule::doc_number_line, s, 40, |b| {
        b.is_ascii_digit() || b.is_ascii_uppercase()
    })
}

/// `REV 1` (or `COR 1`, `ADD 2`) alone on a line.
pub fn is_suffix_line(s: &str) -> bool {
    whole_line(Rule::suffix_line, s, 12, |b| {
        matches!(b, b'R' | b'C' | b'A')
    })
}

/// A distribution marking (`LIMITE`) alone on a line.
pub fn is_marking_line(s: &str) -> bool {
    whole_line(Rule::marking_line, s, 30, |b| {
        matches!(b, b'L' | b'P' | b'R')
    })
}

pub fn is_interinstitutional_line(s: &str) -> bool {
    whole_line(Rule::interinstitutional_line, s, 40, |b| b.is_ascii_digit())
}

pub fn is_subject_code_line(s: &str) -> bool {
    s.trim_end()
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_digit)
        && whole_line(Rule::subject_code_line, s, 40, |b| b.is_ascii_uppercase())
}

/// A running footer with document number, typist code and page number.
pub fn is_footer_line(s: &str) -> bool {
    // The gap before the page number is as wide as the page: not counted.
    let words = s.split_whitespace().map(str::len).sum::<usize>();
    s.contains('/')
        && words <= 40
        && s.len() <= 200
        && whole_line(Rule::footer_line, s, 200, |b| {
            b.is_ascii_digit() || b.is_ascii_uppercase()
        })
}

/// A running footer naming the directorate (`ANNEX RELEX.2.B LIMITE EN`).
pub fn is_dg_line(s: &str) -> bool {
    if s.len() > 60
        || !s
            .trim_end()
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_uppercase)
        // The annex word is the language's own ("PRÍLOHA LIFE.4 SK").
        || s.chars().any(|c| c.is_lowercase() || !(c.is_ascii() || c.is_uppercase()))
    {
        return false;
    }

    if !matches_whole(Rule::dg_line, s) {
        return false;
    }
    let tokens: Vec<&str> = s
        .split([' ', '\t', '.'])
        .filter(|t| !t.is_empty())
        .collect();
    let last = tokens.last().copied().unwrap_or("");
    tokens.len() >= 2
        && tokens.len() <= 8
        && last.len() == 2
        && last.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn is_page_number_line(s: &str) -> bool {
    whole_line(Rule::page_number_line, s, 8, |b| b.is_ascii_digit())
}

/// Value of an upper- or lower-case Roman numeral up to 39.
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(point_label("12. UZSVER"), Some((12, 4)));
        assert_eq!(point_label("2016.gada"), None);
        assert_eq!(roman_label("IV. UZLABOT"), Some((4, 4)));
        assert_eq!(subpoint_label("(ii) text"), Some(("ii", 5)));
        assert_eq!(subpoint_label("a) text"), Some(("a", 3)));
        assert_eq!(bullet("– par"), Some(('–', 4)));
        assert_eq!(bullet("-par"), None);
        assert_eq!(footnote_label("¹ Dok."), Some((1, true, 3)));
        assert_eq!(footnote_label("12 15585/14."), Some((12, false, 3)));
    }

    #[test]
    fn header_lines() {
        assert!(is_or_line("(OR. en)"));
        assert!(is_doc_number_line("15315/1/25 REV 1"));
        assert!(is_doc_number_line("6122/15"));
        assert!(!is_doc_number_line("6122/15 text"));
        assert!(is_doc_number_line("EUCO 1/25"));
        assert!(!is_doc_number_line("Article 1/25"));
        assert!(is_subject_code_line("CYBER 5"));
        assert!(is_subject_code_line("PE-CONS 12"));
        assert!(!is_subject_code_line("CYBER"));
    }

    #[test]
    fn footers() {
        assert!(is_footer_line("6122/15 ard/AR/ps 3"));
        assert!(is_footer_line("15315/1/25 REV 1 JJ/ab 2"));
        assert!(is_footer_line("EUCO 7/24                   2"));
        assert!(!is_footer_line("EUCO 7/24"));
        assert!(!is_footer_line("Regulation 2024/12 3 and"));
        assert!(is_dg_line("ANNEX RELEX.2.B LIMITE EN"));
        assert!(is_dg_line("DG C 1 LV"));
        assert!(is_dg_line("PRÍLOHA   LIFE.4   SK"));
        assert!(!is_dg_line("Príloha LIFE SK"));
        assert!(!is_dg_line("UN"));
        assert!(!is_dg_line("AR ŠO"));
    }
}
