//! Character-level clean-up: line endings, BOM, invisible and space-like
//! characters, `*italic*` markers and Unicode composition (NFC).
//!
//! Output lines are separated by `\n` only, so the line stage never has to
//! think about `\r`.

use super::source_map::{MappedBuilder, SourceMap};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Cleans `src` character by character. Returns the cleaned text and its map.
pub fn clean(src: &str) -> (String, SourceMap) {
    let mut b = MappedBuilder::with_capacity(src.len());
    let mut line_start = 0;
    let bytes = src.as_bytes();
    while line_start <= src.len() {
        // Find the end of this line and the length of its terminator.
        let Some(rest) = bytes.get(line_start..) else {
            break; // never: `line_start <= src.len()`
        };
        let (line_end, term_len) = match memchr_cr_lf(rest) {
            Some(i) => {
                let at = line_start + i;
                if rest.get(i) == Some(&b'\r') && rest.get(i + 1) == Some(&b'\n') {
                    (at, 2)
                } else {
                    (at, 1)
                }
            }
            None => (src.len(), 0),
        };
        // Both ends are char boundaries: 0 or just after an ASCII `\n` /
        // `\r`, and at one or at the end of `src`.
        let Some(line) = src.get(line_start..line_end) else {
            break;
        };
        clean_line(src, line_start, line, &mut b);
        if term_len == 0 {
            break;
        }
        if term_len == 1 && bytes.get(line_end) == Some(&b'\n') {
            b.copy(src, line_end, line_end + 1);
        } else {
            b.replace(line_end, line_end + term_len, "\n");
        }
        line_start = line_end + term_len;
    }
    b.finish()
}

fn memchr_cr_lf(hay: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', hay)
}

/// An ASCII byte that is kept as it is (not a control character): most of
/// any text, skipped without decoding.
fn plain_ascii(b: u8) -> bool {
    (0x20..0x7F).contains(&b) || b == b'\t'
}

/// What to do with one character.
enum Action {
    Keep,
    Drop,
    Replace(&'static str),
}

fn action_for(c: char, at_file_start: bool) -> Action {
    match c {
        '\u{FEFF}' if at_file_start => Action::Drop,
        '\u{FEFF}' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => Action::Drop,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => {
            Action::Replace(" ")
        }
        // Form feed is how pdftotext marks a page break.
        '\u{000C}' => Action::Replace("\n"),
        '\t' => Action::Keep,
        c if c.is_control() => Action::Replace(" "),
        _ => Action::Keep,
    }
}

/// Cleans `line`, the text of `src` from byte `start`.
fn clean_line(src: &str, start: usize, line: &str, b: &mut MappedBuilder) {
    let end = start + line.len();
    let italics = italic_marker_positions(line);
    // Fast path: a line of plain ASCII without italics is copied as it is.
    if italics.is_empty() && line.bytes().all(plain_ascii) {
        b.copy(src, start, end);
        return;
    }
    let needs_nfc = !line.is_ascii() && is_nfc_quick(line.chars()) != IsNormalized::Yes;
    let mut run_start = start; // start of the pending verbatim run
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = start + i;
        // Plain ASCII (not an italic marker) is kept, and composes with
        // nothing NFC would change unless combining marks follow it.
        if c.is_ascii()
            && plain_ascii(c as u8)
            && (c != '*' || italics.is_empty())
            && !(needs_nfc && iter.peek().is_some_and(|&(_, n)| !n.is_ascii()))
        {
            continue;
        }
        let is_italic = c == '*' && italics.binary_search(&i).is_ok();
        let action = if is_italic {
            Action::Drop
        } else {
            action_for(c, at == 0)
        };
        // A base character followed by combining marks that NFC would change.
        let mut cluster_end = at + c.len_utf8();
        if needs_nfc {
            while let Some(&(j, n)) = iter.peek() {
                if canonical_combining_class(n) == 0 {
                    break;
                }
                cluster_end = start + j + n.len_utf8();
                iter.next();
            }
        }
        #[expect(
            clippy::string_slice,
            reason = "at = start + i and cluster_end = start + the end of a char, i and the \
                      char from line.char_indices(), and line is src from the char boundary \
                      start: both are char boundaries of src"
        )]
        let cluster = &src[at..cluster_end];
        let composed: Option<String> = if needs_nfc && cluster.len() > c.len_utf8() {
            let nfc: String = cluster.nfc().collect();
            (nfc != cluster).then_some(nfc)
        } else {
            None
        };
        match (action, composed) {
            (Action::Keep, None) => continue,
            (Action::Keep, Some(nfc)) => {
                b.copy(src, run_start, at);
                b.replace(at, cluster_end, &nfc);
            }
            (Action::Drop, _) => {
                b.copy(src, run_start, at);
                b.replace(at, cluster_end, "");
            }
            (Action::Replace(r), _) => {
                b.copy(src, run_start, at);
                b.replace(at, cluster_end, r);
            }
        }
        run_start = cluster_end;
    }
    b.copy(src, run_start, end);
}

/// Byte positions (within `line`) of `*` characters that mark italics: a `*`
/// opening a run that starts with a non-space character and a matching `*`
/// closing it after a non-space character, on the same line. A lone `*` (a
/// footnote-like asterisk, a multiplication) is left alone.
fn italic_marker_positions(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !line.contains('*') {
        return out;
    }
    let bytes = line.as_bytes();
    let mut open: Option<usize> = None;
    for (i, &c) in bytes.iter().enumerate() {
        if c != b'*' {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .copied()
            .unwrap_or(b' ');
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        match open {
            None => {
                if !next.is_ascii_whitespace() && next != b'*' {
                    open = Some(i);
                }
            }
            Some(o) => {
                if !prev.is_ascii_whitespace() && i > o + 1 {
                    out.push(o);
                    out.push(i);
                    open = None;
                } else if !next.is_ascii_whitespace() {
                    open = Some(i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::source_map::Bias;

    #[test]
    fn crlf_and_lone_cr_become_newlines_with_exact_spans() {
        let (out, map) = clean("a\r\nb\rc");
        assert_eq!(out, "a\nb\nc");
        assert_eq!(map.to_original(2, Bias::Start), 3);
        assert_eq!(map.to_original(4, Bias::Start), 5);
    }

    #[test]
    fn italic_markers_are_removed_but_lone_asterisks_stay() {
        let (out, map) = clean("x *inter alia* y (*ASEAN*) 2 * 3");
        assert_eq!(out, "x inter alia y (ASEAN) 2 * 3");
        let asean = out.find("ASEAN").unwrap();
        assert_eq!(map.to_original(asean, Bias::Start), 19);
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let src = "UZSVE\u{0304}R";
        let (out, map) = clean(src);
        assert_eq!(out, "UZSVĒR");
        assert_eq!(map.to_original(out.len(), Bias::End), src.len());
    }

    #[test]
    fn bom_soft_hyphen_and_nbsp() {
        let (out, _) = clean("\u{FEFF}a\u{00AD}b\u{00A0}c");
        assert_eq!(out, "ab c");
    }
}
