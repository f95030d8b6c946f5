//! `placeholder`: drafting placeholders (`XXX`, `19XX`, `[date]`, `…/…`, `dd.mm.yyyy`).

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use memchr::memmem;
use std::sync::LazyLock;

pub const META: RuleMeta = RuleMeta {
    name: "placeholder",
    severity: Severity::Error,
    summary: "A drafting placeholder (XXX, 19XX, [date], …/…, dd.mm.yyyy) is left in the text.",
    rationale: "Placeholders stand for numbers, dates or references nobody has filled in yet. \
A text that still has one cannot be adopted as it stands: fill in the value.",
    bad: "Padomes secinājumi (dok. …/…) par 20XX. gada programmu",
    good: "Padomes secinājumi (dok. 6122/15) par 2016. gada programmu",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = super::SCANNED;
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    let at = n.own().0;
    for (s, e, what) in placeholders(n.text()) {
        let mut f = cx.finding(
            (at + s, at + e),
            format!("placeholder `{what}` left in the text"),
        );
        f.help = Some("fill in the missing value".into());
        out.push(f);
    }
}

/// A placeholder found: byte range and text.
type Found = (usize, usize, String);

/// Byte ranges of placeholders in `text`, one per start (the shortest).
fn placeholders(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // One pass over the bytes that X runs and fixed spellings are found by.
    let mut fixed_ends = [0usize; FIXED.len()];
    let mut run_end = 0;
    let mut has_bracket = false;
    for p in memchr::memchr3_iter(b'X', b'/', b'[', b) {
        match b.get(p) {
            // Each `X` after the end of the last run starts a run.
            Some(b'X') if p >= run_end => run_end = x_run(text, p, &mut out),
            Some(b'X') => {}
            byte => {
                has_bracket |= byte == Some(&b'[');
                fixed_at(b, p, &mut fixed_ends, &mut out);
            }
        }
    }
    dot_dates(b, &mut out);
    out.sort();
    if has_bracket {
        bracketed_words(text, &mut out);
        out.sort();
    }
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// A run of X starting at `i` standing for digits or words (XXX, 19XX,
/// 20XX, XX/XX), into `out`. Returns the end of the run.
fn x_run(text: &str, i: usize, out: &mut Vec<Found>) -> usize {
    let b = text.as_bytes();
    let run = b
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|&&c| c == b'X').count());
    let j = i + run;
    // `XI`, `MAX`: a run inside a word is not a placeholder.
    if i.checked_sub(1)
        .and_then(|k| b.get(k))
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return j;
    }
    let digits = b.get(..i).map_or(0, |before| {
        before
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    });
    let s = i - digits;
    let word_end = b.get(j).is_none_or(|c| !c.is_ascii_alphabetic());
    // "XX" after digits (19XX) or three or more X: not a Roman numeral.
    if word_end && (run >= 3 || (digits > 0 && run >= 2)) {
        // `s..j` is ASCII digits and `X`: both ends are char boundaries.
        if let Some(what) = text.get(s..j) {
            out.push((s, j, what.to_string()));
        }
    }
    j
}

/// Placeholders of fixed spelling, each with the offset of the byte it is
/// found by (`/` or `[`): only those bytes are visited, and the text is
/// matched around them.
const FIXED: &[(&str, usize)] = &[
    ("…/…", 3),
    (".../...", 3),
    ("dd/mm/yyyy", 2),
    ("[date]", 0),
    ("[datums]", 0),
    ("[datum]", 0),
    ("[…/…]", 0),
];

/// The fixed placeholders around byte `p` (a `/` or `[`), as a
/// left-to-right search for each would find them: `ends` holds where the
/// last occurrence of each ended, and one overlapping it (`…/…/…`) is not
/// a second one.
fn fixed_at(b: &[u8], p: usize, ends: &mut [usize; FIXED.len()], out: &mut Vec<Found>) {
    let byte = b.get(p);
    for (&(pat, off), end) in FIXED.iter().zip(ends.iter_mut()) {
        // Only the placeholders found by this byte.
        if pat.as_bytes().get(off) != byte {
            continue;
        }
        let Some(start) = p.checked_sub(off).filter(|s| *s >= *end) else {
            continue;
        };
        // The pattern is whole UTF-8, so a byte match starts and ends on
        // char boundaries.
        if b.get(start..)
            .is_some_and(|r| r.starts_with(pat.as_bytes()))
        {
            *end = start + pat.len();
            out.push((start, *end, pat.to_string()));
        }
    }
}

/// Dates written with dots: a `.` is too common a byte to visit each one,
/// so these are found by substring search (the searchers built once).
static DOT_DATES: LazyLock<[(memmem::Finder<'static>, &str); 2]> =
    LazyLock::new(|| ["dd.mm.yyyy", "DD.MM.YYYY"].map(|pat| (memmem::Finder::new(pat), pat)));

fn dot_dates(b: &[u8], out: &mut Vec<Found>) {
    // `find_iter` reports non-overlapping matches, as `match_indices` does.
    for (finder, pat) in DOT_DATES.iter() {
        for start in finder.find_iter(b) {
            out.push((start, start + pat.len(), pat.to_string()));
        }
    }
}

/// Bracketed lower-case single words standing for a value: [datums], [number].
/// Each `[` is paired with the first `]` after it in one pass, and only
/// short texts are read, so this is linear however many `[` there are.
/// `out` (sorted by start) holds what was found so far: a start already
/// taken is not read again.
fn bracketed_words(text: &str, out: &mut Vec<Found>) {
    let mut words = Vec::new();
    for (k, close) in crate::text::first_closers(text, b'[', b']') {
        let taken = out.binary_search_by_key(&k, |o| o.0).is_ok();
        if close - k - 1 > 20 || taken {
            continue;
        }
        // `[` and `]` are ASCII: both ends are char boundaries.
        let (Some(inner), Some(whole)) = (text.get(k + 1..close), text.get(k..close + 1)) else {
            continue;
        };
        if !inner.is_empty() && inner.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
            words.push((k, close + 1, whole.to_string()));
        }
    }
    out.append(&mut words);
}

#[cfg(test)]
mod tests {
    use super::placeholders;
    use crate::lint::rules::testing::lines;

    #[test]
    fn finds_placeholders() {
        let found: Vec<String> = placeholders("dok. …/… of 19XX, XXX, [datums] un dd.mm.yyyy")
            .into_iter()
            .map(|p| p.2)
            .collect();
        assert_eq!(found, ["…/…", "19XX", "XXX", "[datums]", "dd.mm.yyyy"]);
    }

    #[test]
    fn roman_numerals_and_real_words_are_not_placeholders() {
        assert!(placeholders("XX gadsimts, IX, Max, XXI").is_empty());
        assert_eq!(lines("placeholder", "lv", "UZSVER, ka 20XX. gadā;\n"), [1]);
    }
}
