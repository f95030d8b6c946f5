//! `footnote-order`: footnote numbers must run 1, 2, 3… in reference order.

use crate::ast::Kind;
use crate::lint::{Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "footnote-order",
    severity: Severity::Warning,
    summary: "Footnote numbers do not run 1, 2, 3… in the order of their references (gap, duplicate or out of order).",
    rationale: "Footnotes are numbered in the order they are referred to, without gaps or \
repeats. A gap or a repeat means a footnote was added, moved or deleted without renumbering.",
    bad: "x¹ … y³ … (no ²)",
    good: "x¹ … y² …",
    fixable: false,
};

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    for kind in [Kind::FootnoteRef, Kind::Footnote] {
        let what = if kind == Kind::Footnote {
            "footnote"
        } else {
            "reference to footnote"
        };
        let mut expected = 1u32;
        let mut seen = std::collections::HashSet::new();
        for (n, _) in cx.nodes(&[kind]) {
            let num = n.attrs.number.unwrap_or(0);
            let range = if kind == Kind::Footnote {
                (n.norm.0, n.own.0.max(n.norm.0))
            } else {
                n.norm
            };
            if !seen.insert(num) {
                out.push(cx.finding(range, format!("{what} {num} appears twice")));
            } else if num != expected {
                out.push(cx.finding(range, format!("{what} {num} where {expected} was expected")));
            }
            expected = expected.max(num + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn gaps_and_duplicates() {
        let text = "UZSVER x¹ un y³;\n\n¹ Dok. 1/15.\n\n³ Dok. 3/15.\n";
        assert_eq!(lines("footnote-order", "lv", text), [1, 5]);
        assert!(lines("footnote-order", "lv", "UZSVER x¹ un y²;\n\n¹ A.\n\n² B.\n").is_empty());
    }
}
