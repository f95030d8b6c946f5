//! `verb-role`: a preamble form heading an operative unit, or the reverse.

use crate::ast::{Kind, NodeRef};
use crate::lexicon::Role;
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "verb-role",
    severity: Severity::Warning,
    summary: "A preamble participle heads an operative paragraph or point, or an operative verb heads a recital.",
    rationale: "Recitals give the reasons (`RECALLING`, `HERINNEREND`); operative paragraphs say \
what the Council does (`RECALLS`, `HERINNERT`). A point that only has a participle says \
nothing operative; a recital headed by a finite verb reads as a decision.",
    bad: "7. ATZĪSTOT, ka investīcijām ir būtiska nozīme;",
    good: "7. ATZĪST, ka investīcijām ir būtiska nozīme;",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Recital, Kind::Paragraph, Kind::Point];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, unit: NodeRef, out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    let clauses: Vec<_> = unit
        .children()
        .filter_map(|c| c.clause().map(|data| (c, data)))
        .collect();
    let Some(&(first, head)) = clauses.first() else {
        return;
    };
    // Only a verb that opens the unit.
    if first.own().0 != unit.own().0 + leading_blank(unit.text()) {
        return;
    }
    let verb = head.verb();
    match (unit.kind(), head.role()) {
        (Kind::Recital, Role::Operative) if !cx.lang.conventions.finite_recitals => {
            out.push(cx.finding(
                first.own(),
                format!(
                    "recital headed by the operative verb `{verb}`; a recital needs a participle"
                ),
            ));
        }
        (Kind::Paragraph | Kind::Point, Role::Preamble)
            if !clauses.iter().any(|(_, c)| c.role() == Role::Operative) =>
        {
            out.push(cx.finding(
                first.own(),
                format!(
                    "operative {} headed only by the participle `{verb}`",
                    unit.kind().as_str()
                ),
            ));
        }
        _ => {}
    }
}

fn leading_blank(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn participle_points_and_finite_recitals() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINA x;\n\nATZĪSTOT y;\n\n1. ATZĪSTOT, ka z, UZSVER w.\n\n2. ATZĪSTOT, ka v.\n";
        assert_eq!(lines("verb-role", "lv", text), [3, 9]);
    }
}
