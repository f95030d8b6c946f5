//! `numbering`: numbered points with a gap, a duplicate or out of order.

use crate::ast::{Kind, NodeRef};
use crate::lint::sequence::{self, Break};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "numbering",
    severity: Severity::Error,
    summary: "Numbered points skip a number, repeat one or run out of order.",
    rationale: "Points are cited by number in later texts and in the other language versions; \
a gap or a repeat after an edit breaks every such reference. Renumber the points.",
    bad: "1. UZSVER …  2. AICINA …  4. ATZĪST …",
    good: "1. UZSVER …  2. AICINA …  3. ATZĪST …",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Point, Kind::Recital];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    // Numbered recitals (`RECOGNISING THAT:` / `1.` …) and points form one
    // sequence when the first point goes on from the last recital, as in
    // the Official Journal; otherwise the points are numbered on their own.
    let recitals = nodes
        .iter()
        .filter(|n| n.kind() == Kind::Recital && n.number().is_some());
    let mut points = nodes.iter().filter(|n| n.kind() == Kind::Point);
    let run_on = match (recitals.clone().next_back(), points.next()) {
        (Some(r), Some(p)) => p.number() == r.number().map(|n| n.saturating_add(1)),
        _ => false,
    };
    let points: Vec<NodeRef> = nodes
        .iter()
        .copied()
        .filter(|n| {
            n.kind() == Kind::Point || run_on && n.kind() == Kind::Recital && n.number().is_some()
        })
        .collect();
    let numbers: Vec<u32> = points.iter().map(|p| p.number().unwrap_or(0)).collect();
    for (i, b) in sequence::breaks(&numbers) {
        // `breaks` indexes `numbers`, one per point: never skipped.
        let (Some(p), Some(&n)) = (points.get(i), numbers.get(i)) else {
            continue;
        };
        let (start, own) = (p.norm().0, p.own().0);
        let label = (
            start,
            start + cx.text((start, own.max(start))).trim_end().len(),
        );
        let message = match b {
            Break::Misfit { expected } => format!("point {n} should be point {expected}"),
            Break::Duplicate => format!("point {n} is numbered twice"),
            Break::Gap { from, to } if from == to => {
                format!("point {n} follows point {}: {from} is missing", from - 1)
            }
            Break::Gap { from, to } => format!(
                "point {n} follows point {}: {from} to {to} are missing",
                from - 1
            ),
            Break::Backwards { previous } => format!("point {n} comes after point {previous}"),
        };
        out.push(cx.finding(label, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn gaps_and_repeats() {
        let text = "1. UZSVER a.\n\n2. AICINA b.\n\n4. ATZĪST c.\n\n4. UZSVER d.\n";
        assert_eq!(
            lines("numbering", "lv", text),
            [5],
            "one renumbered point, one finding"
        );
        let text = "1. UZSVER a.\n\n2. AICINA b.\n\n4. ATZĪST c.\n\n5. UZSVER d.\n";
        assert_eq!(lines("numbering", "lv", text), [5], "a missing point");
        let text = "1. UZSVER a.\n\n2. AICINA b.\n\n2. ATZĪST c.\n\n3. UZSVER d.\n";
        assert_eq!(lines("numbering", "lv", text), [5], "a duplicate");
        assert!(lines(
            "numbering",
            "lv",
            "1. UZSVER a\n\n2016. gada b.\n\n2. AICINA c.\n"
        )
        .is_empty());
    }

    #[test]
    fn numbered_recitals_and_points_in_one_run() {
        let text = "THE COUNCIL OF THE EUROPEAN UNION,\n\nRECOGNISING THAT:\n\n1.\n\nyouth work matters;\n\n2.\n\nit helps;\n\nHEREBY:\n\n3. AGREES a;\n\n5. INVITES b.\n";
        assert_eq!(lines("numbering", "en", text), [17], "only the gap");
    }
}
