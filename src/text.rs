//! Small text helpers shared by every stage: word tokens, letter case,
//! diacritic folding, superscript digits.

use unicode_normalization::UnicodeNormalization;

/// A word of a text: letters (and apostrophes or hyphens between letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑')
}

/// `a` and `b` are the same word but for case (compared without allocating).
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// The character at byte `i` of `s` (a char boundary) and its length;
/// ASCII without decoding. `None` at the end.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A number in Roman numerals (section headings, Word's Roman list
/// labels); past 3999 (which Roman numerals do
/// not write, and which only a pathological text reaches) in digits, so a
/// message stays short however far a sequence runs.
pub fn roman_numeral(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Iterates over the words of `s`, with byte offsets.
pub fn words(s: &str) -> impl Iterator<Item = Word<'_>> {
    // `i` always stands on a char boundary: it moves by whole characters.
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip to the next letter.
        let start = loop {
            let (c, len) = char_at(s, i)?;
            if is_word_char(c) {
                break i;
            }
            i += len;
        };
        let mut end = start;
        while let Some((c, len)) = char_at(s, i) {
            if is_word_char(c) {
                i += len;
                end = i;
            } else if is_inner_joiner(c)
                && char_at(s, i + len).is_some_and(|(n, _)| is_word_char(n))
            {
                // An apostrophe or hyphen is kept only when a letter follows.
                i += len;
            } else {
                break;
            }
        }
        Some(Word {
            start,
            end,
            text: s.get(start..end).unwrap_or_default(),
        })
    })
}

/// True when the word has at least two letters and none of them is lower case.
/// A capital as capitals are printed: Greek capitals drop the tonos
/// (`υπενθυμίζει` is written `ΥΠΕΝΘΥΜΙΖΕΙ` in a head), keeping the
/// dialytika. Other scripts keep their accents in capitals.
pub fn capital_form(c: char) -> char {
    match c {
        'Ά' => 'Α',
        'Έ' => 'Ε',
        'Ή' => 'Η',
        'Ί' => 'Ι',
        'Ό' => 'Ο',
        'Ύ' => 'Υ',
        'Ώ' => 'Ω',
        c => c,
    }
}

pub fn is_all_caps(word: &str) -> bool {
    // A lower-case mutation prefix before a capital (Irish `tAONTAS`,
    // `nEORPACH`) is part of a word in capitals.
    let prefix = word
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_lowercase())
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = match word.get(prefix..) {
        Some(rest)
            if (1..=2).contains(&prefix) && rest.chars().next().is_some_and(char::is_uppercase) =>
        {
            rest
        }
        _ => word,
    };
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True when the first letter is upper case.
pub fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// True when the first letter is lower case.
pub fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// The value of a superscript digit (`¹` → 1).
pub fn superscript_value(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// Parses a run of superscript digits at the start of `s`: (value, byte length).
pub fn leading_superscript(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        match superscript_value(c) {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(d);
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (len > 0).then_some((value, len))
}

/// Parses a run of ASCII digits at the start of `s`: (value, byte length).
pub fn leading_number(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 6 {
        return None;
    }
    s.get(..len)?.parse().ok().map(|v| (v, len))
}

/// The last non-whitespace character of `s`.
pub fn last_char(s: &str) -> Option<char> {
    s.trim_end().chars().next_back()
}

/// Index of the char boundary at or before `i`.
/// A year as Council texts write it: four ASCII digits, 1900–2099.
pub fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
}

pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every ASCII `open` byte of `text` paired with the first `close` byte after
/// it, as byte offsets `(open, close)` in order of `open`; opens with no close
/// after them are left out. One pass: the opens still waiting are all paired
/// with the next close, so pairs sharing a close are consecutive.
pub fn first_closers(text: &str, open: u8, close: u8) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut waiting = 0;
    // Only the two bytes matter: SIMD search skips the text between them.
    for i in memchr::memchr2_iter(open, close, text.as_bytes()) {
        if text.as_bytes().get(i) == Some(&open) {
            pairs.push((i, usize::MAX));
            waiting += 1;
        } else if waiting > 0 {
            for p in pairs.iter_mut().rev().take(waiting) {
                p.1 = i;
            }
            waiting = 0;
        }
    }
    // The last `waiting` opens found no close.
    pairs.truncate(pairs.len() - waiting);
    pairs
}

/// Offsets of the bytes `a`, `b`, `c` and `d` in `hay`, in order: a SIMD
/// scan for three of them merged with one for the fourth (`memchr` has no
/// four-byte search), so the bytes between are never looked at one by one.
pub fn memchr4_iter<'h>(
    a: u8,
    b: u8,
    c: u8,
    d: u8,
    hay: &'h [u8],
) -> impl Iterator<Item = usize> + 'h {
    let mut three = memchr::memchr3_iter(a, b, c, hay).peekable();
    let mut one = memchr::memchr_iter(d, hay).peekable();
    std::iter::from_fn(move || match (three.peek(), one.peek()) {
        (Some(i), Some(j)) if i > j => one.next(),
        (Some(_), _) => three.next(),
        (None, _) => one.next(),
    })
}

/// Counts the characters before any byte offset of one text in bounded time:
/// the count is kept at a character boundary every [`CharCounts::STRIDE`]
/// bytes, and only the text after the nearest one is counted. (Columns of
/// many findings on one long line were each a count from the line start.)
#[derive(Debug, Default, Clone)]
pub struct CharCounts {
    /// `at[k]`: the first char boundary at or after `k * STRIDE`, and the
    /// characters before it.
    at: Vec<(usize, usize)>,
}

impl CharCounts {
    const STRIDE: usize = 1024;

    pub fn new(s: &str) -> Self {
        let mut at = Vec::with_capacity(s.len() / Self::STRIDE + 2);
        let (mut byte, mut count) = (0, 0);
        for k in 0..=s.len() / Self::STRIDE {
            let next = ceil_char_boundary(s, k * Self::STRIDE);
            count += s.get(byte..next).map_or(0, |t| t.chars().count());
            byte = next;
            at.push((byte, count));
        }
        CharCounts { at }
    }

    /// Characters of `s` (the text this was made from) before byte
    /// `offset`, which is clamped to the text and floored to a boundary.
    pub fn before(&self, s: &str, offset: usize) -> usize {
        let offset = floor_char_boundary(s, offset);
        let k = offset / Self::STRIDE;
        // The checkpoint of `k` may lie past `offset` (inside the character
        // that straddles `k * STRIDE`): then the one before it is used.
        let (byte, count) = match self.at.get(k) {
            Some(&(b, c)) if b <= offset => (b, c),
            _ => k
                .checked_sub(1)
                .and_then(|k| self.at.get(k).copied())
                .unwrap_or((0, 0)),
        };
        count + s.get(byte..offset).map_or(0, |t| t.chars().count())
    }
}

/// Index of the char boundary at or after `i` (`s.len()` past the end).
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Folds diacritics away (`Ē` → `E`).
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<_> = words("Regio's EU-kader, -ontwikkeling")
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["Regio's", "EU-kader", "ontwikkeling"]);
    }

    #[test]
    fn caps() {
        assert!(is_all_caps("UZSVĒR"));
        assert!(!is_all_caps("Aicina"));
        assert!(!is_all_caps("A"));
    }

    #[test]
    fn each_open_gets_the_first_close_after_it() {
        assert_eq!(first_closers("[a [b] c] [", b'[', b']'), [(0, 5), (3, 5)]);
        assert!(first_closers("[[[", b'[', b']').is_empty());
    }

    #[test]
    fn four_bytes_in_order() {
        let found: Vec<_> = memchr4_iter(b'(', b')', b'[', b']', b"a(b]c)[]]x").collect();
        assert_eq!(found, [1, 3, 5, 6, 7, 8]);
    }

    #[test]
    fn char_counts_match_a_scan() {
        let s = "ā".repeat(5000) + "b" + &"€".repeat(3000);
        let counts = CharCounts::new(&s);
        for offset in [
            0,
            1,
            2,
            4095,
            4096,
            4097,
            10_000,
            10_001,
            s.len() - 1,
            s.len(),
            s.len() + 9,
        ] {
            let scan = s
                .get(..floor_char_boundary(&s, offset))
                .unwrap()
                .chars()
                .count();
            assert_eq!(counts.before(&s, offset), scan, "at {offset}");
        }
        let empty = CharCounts::new("");
        assert_eq!(empty.before("", 0), 0);
        let exact = "a".repeat(8192);
        assert_eq!(CharCounts::new(&exact).before(&exact, 8192), 8192);
    }

    #[test]
    fn superscripts() {
        assert_eq!(leading_superscript("¹²x"), Some((12, 4)));
        assert_eq!(leading_number("20136,"), Some((20136, 5)));
    }
}
