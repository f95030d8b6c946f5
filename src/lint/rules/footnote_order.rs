//! `footnote-order`: footnote numbers must run 1, 2, 3… in reference order.

use crate::ast::{Kind, NodeRef};
use crate::lint::sequence::{self, Break};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "footnote-order",
    severity: Severity::Warning,
    summary: "Footnote numbers do not run 1, 2, 3… in the order of their references (gap, duplicate or out of order).",
    rationale: "Footnotes are numbered in the order they are referred to, without gaps or \
repeats. A gap or a repeat means a footnote was added, moved or deleted without renumbering.",
    bad: "x¹ … y³ … (no ²)",
    good: "x¹ … y² …",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Footnote, Kind::FootnoteRef];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let defs: Vec<NodeRef> = nodes
        .iter()
        .copied()
        .filter(|n| n.kind() == Kind::Footnote)
        .collect();
    let refs: Vec<NodeRef> = nodes
        .iter()
        .copied()
        .filter(|n| n.kind() == Kind::FootnoteRef)
        .collect();
    let defined = crate::lint::numbers(nodes, Kind::Footnote);
    let referred = crate::lint::numbers(nodes, Kind::FootnoteRef);
    // A reference without a definition is `footnote-undefined`'s finding and
    // a definition without a reference `footnote-unused`'s: neither counts here.
    let refs: Vec<NodeRef> = refs
        .into_iter()
        .filter(|n| n.number().is_some_and(|x| defined.contains(&x)))
        .collect();
    let defs: Vec<NodeRef> = defs
        .into_iter()
        .filter(|n| n.number().is_some_and(|x| referred.contains(&x)))
        .collect();
    // Numbers left out above do not make gaps: close them up (a real gap,
    // a number used nowhere, stays).
    let mut excluded: Vec<u32> = defined.symmetric_difference(&referred).copied().collect();
    excluded.sort_unstable();
    // Sorted, so the numbers below `n` are found by bisection; they are
    // distinct and below `n`, so there are at most `n` of them.
    let close_up = |n: u32| n - excluded.partition_point(|&x| x < n) as u32;
    for (nodes, what) in [(refs, "reference to footnote"), (defs, "footnote")] {
        // Two readings: plain, and with unused numbers closed up. The one
        // that breaks the sequence less explains the text better (a deleted
        // marker vs a renumbered one); on a tie, the plain reading.
        let raw: Vec<u32> = nodes.iter().map(|n| n.number().unwrap_or(0)).collect();
        let closed: Vec<u32> = raw.iter().map(|&n| close_up(n)).collect();
        let (plain_breaks, closed_breaks) = (sequence::breaks(&raw), sequence::breaks(&closed));
        let breaks = if closed_breaks.len() < plain_breaks.len() {
            closed_breaks
        } else {
            plain_breaks
        };
        for (i, b) in breaks {
            // `breaks` indexes `raw`/`closed`, one number per node: never skipped.
            let Some(&n) = nodes.get(i) else {
                continue;
            };
            let range = if n.kind() == Kind::Footnote {
                (n.norm().0, n.own().0.max(n.norm().0))
            } else {
                n.norm()
            };
            let num = n.number().unwrap_or(0);
            let message = match b {
                Break::Misfit { expected } => format!("{what} {num} where {expected} was expected"),
                Break::Duplicate => format!("{what} {num} appears twice"),
                Break::Gap { from, to } => format!(
                    "{what} {num}: {} missing",
                    if from == to {
                        from.to_string()
                    } else {
                        format!("{from} to {to}")
                    }
                ),
                Break::Backwards { previous } => format!("{what} {num} after {previous}"),
            };
            out.push(cx.finding(range, message));
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
        let swapped = "UZSVER x² un y¹ un z³;\n\n¹ A.\n\n² B.\n\n³ C.\n";
        assert_eq!(lines("footnote-order", "lv", swapped), [1, 1]);
        // An undefined marker is footnote-undefined's, not an order problem.
        assert!(lines(
            "footnote-order",
            "lv",
            "UZSVER x¹ un ⁷ y²;\n\n¹ A.\n\n² B.\n"
        )
        .is_empty());
        // A footnote whose marker was lost is footnote-unused's, not a gap.
        assert!(lines(
            "footnote-order",
            "lv",
            "UZSVER x¹ un y³;\n\n¹ A.\n\n² B.\n\n³ C.\n"
        )
        .is_empty());
        assert!(lines("footnote-order", "lv", "UZSVER x¹ un y²;\n\n¹ A.\n\n² B.\n").is_empty());
    }
}
