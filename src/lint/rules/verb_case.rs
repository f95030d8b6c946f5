//! `verb-case`: a clause-head verb not written fully in capitals.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "verb-case",
    severity: Severity::Warning,
    summary: "A clause-head verb is not written fully in capitals.",
    rationale: "Council conclusions write every verb that heads a clause in capitals \
(`AICINA`, `ATZINĪGI VĒRTĒ`, `STRESSES`): readers and translators find the clauses by them, \
and tools align language versions by them. A verb in ordinary or mixed case is a drafting slip.",
    bad: "Aicina Komisiju …; ATZINĪGI vērtē to …",
    good: "AICINA Komisiju …; ATZINĪGI VĒRTĒ to …",
    fixable: true,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Clause];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, clauses: &[NodeRef], out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    // A narrative clause's verb is in ordinary case by right.
    let headed: Vec<NodeRef> = clauses
        .iter()
        .copied()
        .filter(|n| n.clause().is_some_and(|c| c.subject().is_none()))
        .collect();
    // A text whose clause heads are mostly in ordinary case (`1) verwelkomt
    // …`) is written that way: that is its layout, not a slip.
    let lower = headed
        .iter()
        .filter(|n| n.text().chars().any(char::is_lowercase))
        .count();
    if lower * 2 > headed.len() {
        return;
    }
    for &clause in &headed {
        check_one(cx, clause, out);
    }
}

fn check_one(cx: &Cx, clause: NodeRef, out: &mut Vec<Finding>) {
    {
        let Some(c) = clause.clause() else {
            return;
        };
        if c.verb().chars().all(|c| !c.is_lowercase()) {
            return;
        }
        // The head run of the verb (a discontinuous verb's particles are
        // capitals by construction).
        let range = clause.own();
        let written = cx.text(range);
        if written.chars().all(|c| !c.is_lowercase()) {
            return;
        }
        let upper: String = crate::text::words(written)
            .map(|w| w.text.to_uppercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut f = cx.finding(
            range,
            format!(
                "verb `{}` should be written in capitals",
                written.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        );
        f.help = Some(format!("write `{upper}`"));
        // Fix only the words that are not in capitals: the line breaks and
        // spaces between the parts of the verb stay as they are.
        let lower: Vec<_> = crate::text::words(written)
            .filter(|w| w.text.chars().any(char::is_lowercase))
            .collect();
        if let (Some(first), Some(last)) = (lower.first(), lower.last()) {
            let fix_range = (range.0 + first.start, range.0 + last.end);
            f.fix = cx.fix(fix_range, cx.text(fix_range).to_uppercase());
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{lines, run};

    const DOC: &str = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nUZSVER, ka y;\n\nAicina Komisiju z;\n\nATZINĪGI vērtē to un šajā sakarā mudina dalībvalstis;\n\nAR ŠO\n";

    #[test]
    fn mixed_case_heads_are_found_lower_case_mid_sentence_verbs_are_not() {
        assert_eq!(lines("verb-case", "lv", DOC), [7, 9]);
    }

    #[test]
    fn the_fix_capitalises_only_the_verb() {
        let f = run("verb-case", "lv", DOC);
        assert_eq!(f[0].fix.as_ref().unwrap().replacement, "AICINA");
        assert_eq!(&DOC[f[1].start..f[1].end], "ATZINĪGI vērtē");
        let fix = f[1].fix.as_ref().unwrap();
        assert_eq!(
            (&DOC[fix.start..fix.end], fix.replacement.as_str()),
            ("vērtē", "VĒRTĒ")
        );
    }
}
