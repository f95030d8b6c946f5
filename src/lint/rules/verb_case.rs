//! `verb-case`: a clause-head verb not written fully in capitals.

use crate::ast::{ClauseRef, Kind, NodeRef};
use crate::lexicon::{Function, Role};
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
    let headed: Vec<(NodeRef, ClauseRef)> = clauses
        .iter()
        .filter_map(|n| {
            n.clause()
                .filter(|c| c.subject().is_none())
                .map(|c| (*n, c))
        })
        .collect();
    let words = |n: &NodeRef| {
        crate::text::words(n.text())
            .map(|w| !w.text.chars().any(char::is_lowercase))
            .collect::<Vec<bool>>()
    };
    // What the document itself does. Heads of one role written mostly in
    // ordinary case (`Gelet op`, `Overwegende`, `1) verwelkomt`) are its
    // layout, not a slip; so are particles in ordinary case after heads in
    // capitals (`HERINNERT eraan`, `BEVESTIGT opnieuw`) where the text
    // writes its multi-word heads that way more often than not.
    let ordinary_role = |role: Role| {
        let of_role: Vec<_> = headed.iter().filter(|(_, c)| c.role() == role).collect();
        let ordinary = of_role
            .iter()
            .filter(|(n, _)| words(n).first() == Some(&false))
            .count();
        ordinary * 2 > of_role.len()
    };
    let (pre, op) = (
        ordinary_role(Role::Preamble),
        ordinary_role(Role::Operative),
    );
    let multi: Vec<Vec<bool>> = headed
        .iter()
        .map(|(n, _)| words(n))
        .filter(|w| w.len() > 1 && w[0])
        .collect();
    let mixed = multi.iter().filter(|w| w[1..].contains(&false)).count();
    let particle_style = mixed >= 2 && mixed * 2 > multi.len();
    for &(clause, c) in &headed {
        if (c.role() == Role::Preamble && pre) || (c.role() == Role::Operative && op) {
            continue;
        }
        // Citations of the legal basis (`Having regard to`, `Gelet op`) are
        // written in ordinary case in the Official Journal.
        if c.function() == Function::Basis {
            continue;
        }
        let w = words(&clause);
        if w.first() == Some(&true) && (particle_style || particle_tail(cx, &clause, &w)) {
            continue;
        }
        check_one(cx, clause, out);
    }
}

/// The words in ordinary case after a head in capitals are particles or
/// adverbs (`HERINNERT eraan`, `IS VERHEUGD over`, `NEEMT er NOTA van`):
/// the capitals make a verb of their own (two words or more, or one that is
/// a form by itself). `ATZINĪGI vērtē` is not: `vērtē` is the verb.
fn particle_tail(cx: &Cx, clause: &NodeRef, caps: &[bool]) -> bool {
    let caps_words = caps.iter().filter(|&&c| c).count();
    let first = crate::text::words(clause.text()).next();
    caps_words >= 2
        || first.is_some_and(|w| {
            let up = crate::lexicon::upper(w.text);
            cx.lang.forms_starting_with(&up).any(|f| f.parts.len() == 1)
        })
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
