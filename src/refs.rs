//! Candidate footnote references in running text.
//!
//! A superscript digit is always a reference. Plain digits are only
//! *candidates* (`Europa1`, `over 20136`, `kibertelpa" 1,`): the parser keeps
//! those that the footnote definitions and their expected sequence confirm.

use crate::text::superscript_value;

/// How a candidate reference is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefStyle {
    /// `¹`, `⁸`: unambiguous.
    Superscript,
    /// Digits glued to a word: `Europa1`, `OVSE7`.
    Glued,
    /// Digits glued to a year: `20136` = 2013 + note 6.
    GluedToYear,
    /// Digits standing alone after a word: `kibertelpa" 1,`.
    Bare,
}

impl RefStyle {
    /// The style stored as `self as u8`.
    pub fn from_index(i: u8) -> RefStyle {
        match i {
            0 => RefStyle::Superscript,
            1 => RefStyle::Glued,
            2 => RefStyle::GluedToYear,
            _ => RefStyle::Bare,
        }
    }
}

/// A candidate reference: its value and byte range in the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefCandidate {
    pub number: u32,
    pub start: usize,
    pub end: usize,
    pub style: RefStyle,
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '“' | '»' | '\'' | '’')
}

/// Scans `s` for candidate references, in order.
pub fn candidates(s: &str) -> Vec<RefCandidate> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // Only a digit or a superscript starts a reference: skip to the next
        // byte that can (superscripts are U+00B2/B3/B9, lead byte 0xC2, and
        // U+2070–2079, lead byte 0xE2) without decoding what lies between.
        match bytes.get(i..).and_then(|r| {
            r.iter()
                .position(|&b| b.is_ascii_digit() || b == 0xC2 || b == 0xE2)
        }) {
            Some(k) => i += k,
            None => break,
        }
        // `i` is at an ASCII digit or a lead byte: a char boundary.
        let Some((before, from)) = s.split_at_checked(i) else {
            break;
        };
        let Some(c) = from.chars().next() else {
            break;
        };
        if superscript_value(c).is_some() {
            let (v, len) = crate::text::leading_superscript(from).unwrap_or((0, c.len_utf8()));
            // An exponent after a unit (`km²`, `m³`), not a note.
            let unit = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| matches!(w, "m" | "km" | "cm" | "mm" | "dm"));
            if unit && matches!(c, '²' | '³') {
                i += len;
                continue;
            }
            out.push(RefCandidate {
                number: v,
                start: i,
                end: i + len,
                style: RefStyle::Superscript,
            });
            i += len;
            continue;
        }
        if !c.is_ascii_digit() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let len = from.bytes().take_while(u8::is_ascii_digit).count();
        // `len` ASCII bytes: a char boundary, so this always splits.
        let Some((digits, rest)) = from.split_at_checked(len) else {
            break;
        };
        let end = start + len;
        i = end;
        let prev = before.chars().next_back();
        let next = rest.chars().next();
        let next_ok = match next {
            None => true,
            // The ano teleia (`·` after NFC) ends a Greek clause as `;` does.
            Some(n) => {
                n.is_whitespace()
                    || matches!(
                        n,
                        ',' | ';' | '.' | ':' | ')' | '"' | '”' | '·' | '\u{387}' | '!' | '?' | '»'
                    )
            }
        };
        // "10130/10", "2.5", "3,5": parts of a number, not references. (After
        // the one-byte `.` or `,`, an ASCII digit is the byte at 1.)
        let next_is_number_part = matches!(next, Some('/') | Some('-'))
            || (matches!(next, Some('.') | Some(','))
                && rest.as_bytes().get(1).is_some_and(u8::is_ascii_digit));
        if !next_ok || next_is_number_part {
            continue;
        }
        match prev {
            // Glued to a word or to a closing bracket or quote: `Europa1`, `(TID)9`.
            Some(p) if (p.is_alphabetic() || p == ')' || is_closing_quote(p)) && len <= 3 => {
                out.push(RefCandidate {
                    number: digits.parse().unwrap_or(0),
                    start,
                    end,
                    style: RefStyle::Glued,
                });
            }
            Some(p) if (len == 5 || len == 6) && !p.is_ascii_digit() && p != '/' => {
                // Five or six ASCII digits: the split at 4 always succeeds.
                if let Some((year, note)) = digits.split_at_checked(4) {
                    if crate::text::is_year(year) {
                        out.push(RefCandidate {
                            number: note.parse().unwrap_or(0),
                            start: start + 4,
                            end,
                            style: RefStyle::GluedToYear,
                        });
                    }
                }
            }
            // After the full stop of a sentence (`investment.1`), or of a
            // year written with its dot (`veljači 2025.2,`): not after the
            // dot inside a number or date (`3.1`, `12.5.2021`).
            Some('.') if len <= 2 && dot_ends_a_word_or_year(before) => {
                out.push(RefCandidate {
                    number: digits.parse().unwrap_or(0),
                    start,
                    end,
                    style: RefStyle::Glued,
                });
            }
            Some(p) if p.is_whitespace() && len <= 3 => {
                let before = before.trim_end().chars().next_back();
                let after_word =
                    before.is_some_and(|b| b.is_alphabetic() || is_closing_quote(b) || b == ')');
                // Only before punctuation or at the end: "izmantot 145 delegācijas"
                // is a count, "gada 3. decembra" an ordinal.
                let ends_here = rest.trim_end().is_empty();
                let before_punct = next.is_some_and(|n| matches!(n, ',' | ';' | ':' | ')'))
                    || rest
                        .strip_prefix('.')
                        .is_some_and(|r| !crate::text::starts_lower(r));
                if after_word && (ends_here || before_punct) {
                    out.push(RefCandidate {
                        number: digits.parse().unwrap_or(0),
                        start,
                        end,
                        style: RefStyle::Bare,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// `before` ends with a dot that follows a word, a closing bracket or
/// quote, or a year (four digits, 1900–2099, after a non-digit).
fn dot_ends_a_word_or_year(before: &str) -> bool {
    let Some(head) = before.strip_suffix('.') else {
        return false;
    };
    let Some(last) = head.chars().next_back() else {
        return false;
    };
    if last.is_alphabetic() || last == ')' || is_closing_quote(last) {
        return true;
    }
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let year = head.get(head.len() - digits..);
    let before_year = head
        .get(..head.len() - digits)
        .and_then(|b| b.chars().next_back());
    year.is_some_and(crate::text::is_year)
        && before_year.is_none_or(|c| !c.is_ascii_digit() && !matches!(c, '.' | '/' | ','))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(s: &str) -> Vec<(u32, RefStyle)> {
        candidates(s)
            .into_iter()
            .map(|c| (c.number, c.style))
            .collect()
    }

    #[test]
    fn glued_and_year_glued_digits() {
        assert_eq!(styles("voor Europa1, over"), [(1, RefStyle::Glued)]);
        assert_eq!(
            styles("verslag over 20136, en"),
            [(6, RefStyle::GluedToYear)]
        );
        assert_eq!(styles("March 20187 and"), [(7, RefStyle::GluedToYear)]);
    }

    #[test]
    fn digits_after_a_full_stop_or_a_dotted_year() {
        assert_eq!(styles("private investment.1\n"), [(1, RefStyle::Glued)]);
        assert_eq!(styles("veljači 2025.2, i"), [(2, RefStyle::Glued)]);
        assert_eq!(styles("δικτύου Europe2· και"), [(2, RefStyle::Glued)]);
        // Dots inside numbers and dates.
        assert!(styles("article 3.1 and").is_empty());
        assert!(styles("L 170 of 12.5.2021, p").is_empty());
        assert!(styles("on 1.12.2024.").is_empty());
    }

    #[test]
    fn bare_digits_after_a_word_or_quote() {
        assert_eq!(styles("kibertelpa\" 1,"), [(1, RefStyle::Bare)]);
        assert_eq!(styles("krīzēm\" 19"), [(19, RefStyle::Bare)]);
        assert!(styles("izmantot 145 delegācijas").is_empty());
    }

    #[test]
    fn numbers_that_are_not_references() {
        assert!(styles("dok. 10130/10 un 2013. gada 3. decembra").is_empty());
        assert!(styles("COM(2010) 245 final").is_empty());
        assert!(styles("in 2015").is_empty());
        // Exponents of units.
        assert!(styles("10 000 km² of forest and 5 m³").is_empty());
        assert_eq!(styles("the strategy² and"), [(2, RefStyle::Superscript)]);
    }

    #[test]
    fn glued_to_a_bracket() {
        assert_eq!(
            styles("(TID)9. un (EFMS)14 kontekstā"),
            [(9, RefStyle::Glued), (14, RefStyle::Glued)]
        );
    }

    #[test]
    fn superscripts() {
        assert_eq!(
            styles("Eiropai ¹, un ¹²"),
            [(1, RefStyle::Superscript), (12, RefStyle::Superscript)]
        );
    }
}
