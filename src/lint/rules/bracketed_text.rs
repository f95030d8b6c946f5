//! `bracketed-text`: square-bracketed wording (text not yet agreed).

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "bracketed-text",
    severity: Severity::Warning,
    summary: "Wording in square brackets (text not yet agreed) is left in the text.",
    rationale: "In negotiation drafts, square brackets hold wording a delegation has not yet \
accepted. An adopted text must have none: agree the wording and remove the brackets, or delete it.",
    bad: "AICINA Komisiju [līdz 2023. gada beigām] iesniegt priekšlikumu;",
    good: "AICINA Komisiju līdz 2023. gada beigām iesniegt priekšlikumu;",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = super::SCANNED;
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    let at = n.own().0;
    for (k, close) in bracketed(n.text()) {
        let mut f = cx.finding(
            (at + k, at + close + 1),
            "bracketed wording: text not yet agreed",
        );
        f.help = Some("agree the wording and remove the brackets, or delete the text".into());
        out.push(f);
    }
}

/// `(open, close)` byte offsets of every `[` whose text up to the first `]`
/// after it has a word and is neither an elision nor a one-word placeholder
/// (those are other rules' findings).
///
/// Opens that share a close (`[a [b]`) are read from the innermost out, so
/// each byte is looked at once however deep they nest: an outer text holds
/// the inner `[`, so it is never an elision nor a placeholder, and it has a
/// word when its own stretch or the text inside it has one.
fn bracketed(text: &str) -> Vec<(usize, usize)> {
    let pairs = crate::text::first_closers(text, b'[', b']');
    let mut out = Vec::new();
    // The pairs not yet read; the last group of them shares the last close.
    let mut rest = pairs.as_slice();
    while let Some(&(_, close)) = rest.last() {
        let group_start = rest.partition_point(|p| p.1 < close);
        let Some((before, group)) = rest.split_at_checked(group_start) else {
            break; // never: `partition_point` is at most `rest.len()`
        };
        let mut has_word = false;
        let mut next = close;
        for (i, &(k, _)) in group.iter().enumerate().rev() {
            // `[` and `]` are ASCII, so `k + 1` and `next` are char boundaries.
            let stretch = text.get(k + 1..next).unwrap_or("");
            has_word = has_word || stretch.chars().any(char::is_alphabetic);
            let innermost = i + 1 == group.len();
            let agreed_elsewhere = innermost && (is_elision(stretch) || is_placeholder(stretch));
            if has_word && !agreed_elsewhere {
                out.push((k, close));
            }
            next = k;
        }
        rest = before;
    }
    out.reverse();
    out
}

fn is_elision(inner: &str) -> bool {
    inner
        .trim()
        .chars()
        .all(|c| c == '.' || c == '…' || c == ' ')
}

/// One lower-case word (`[datums]`): the `placeholder` rule reports it.
fn is_placeholder(inner: &str) -> bool {
    !inner.is_empty() && inner.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn brackets_with_words_only() {
        let text =
            "AICINA Komisiju [līdz 2023. gada beigām] iesniegt;\n\nUZSVER [...] un [datums];\n";
        assert_eq!(lines("bracketed-text", "lv", text), [1]);
    }

    #[test]
    fn nested_opens_share_the_first_close() {
        // `[a [b]`: both opens end at the one `]`; `[[[` alone has no close.
        assert_eq!(super::bracketed("x [a [Bb] [[["), [(2, 8), (5, 8)]);
        assert_eq!(super::bracketed("x [a [b]"), [(2, 7)]);
        assert_eq!(super::bracketed("[[datums]"), [(0, 8)]);
        assert!(super::bracketed("[[...] [datums]").is_empty());
    }
}
