//! `placeholder`: drafting placeholders (`XXX`, `19XX`, `[date]`, `…/…`, `dd.mm.yyyy`).

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

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

/// Byte ranges of placeholders in `text`.
fn placeholders(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // Runs of X standing for digits or words: XXX, 19XX, 20XX, XX/XX.
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'X' && (i == 0 || !b[i - 1].is_ascii_alphabetic()) {
            let mut j = i;
            while j < b.len() && b[j] == b'X' {
                j += 1;
            }
            let mut s = i;
            while s > 0 && b[s - 1].is_ascii_digit() {
                s -= 1;
            }
            let run = j - i;
            let word_end = j >= b.len() || !b[j].is_ascii_alphabetic();
            // "XX" after digits (19XX) or three or more X: not a Roman numeral.
            if word_end && (run >= 3 || (s < i && run >= 2)) {
                // `s..j` is ASCII digits and `X`: both ends are char boundaries.
                out.push((s, j, text[s..j].to_string()));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    for pat in [
        "…/…",
        ".../...",
        "dd.mm.yyyy",
        "DD.MM.YYYY",
        "dd/mm/yyyy",
        "[date]",
        "[datums]",
        "[datum]",
        "[date]",
        "[…/…]",
    ] {
        for (k, _) in text.match_indices(pat) {
            out.push((k, k + pat.len(), pat.to_string()));
        }
    }
    // Bracketed lower-case single words standing for a value: [datums], [number].
    // Each `[` is paired with the first `]` after it in one pass, and only
    // short texts are read, so this is linear however many `[` there are.
    let taken: std::collections::HashSet<usize> = out.iter().map(|o| o.0).collect();
    for (k, close) in crate::text::first_closers(text, b'[', b']') {
        if close - k - 1 > 20 || taken.contains(&k) {
            continue;
        }
        // `[` and `]` are ASCII: both ends are char boundaries.
        let (Some(inner), Some(whole)) = (text.get(k + 1..close), text.get(k..close + 1)) else {
            continue;
        };
        if !inner.is_empty() && inner.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
            out.push((k, close + 1, whole.to_string()));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
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
