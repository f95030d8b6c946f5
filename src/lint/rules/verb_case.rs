//! `verb-case`: a clause-head verb not written fully in capitals.

use crate::ast::{ClauseRef, Kind, NodeRef};
use crate::lexicon::{Function, Role};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::collections::HashMap;

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

/// Which words of a clause head are in capitals (have no lower-case
/// letter): read once per clause, for the document-wide tallies and the
/// clause's own check.
#[derive(Clone, Copy, Default)]
struct HeadCase {
    words: usize,
    /// The first word is in capitals (false when there are no words).
    first_caps: bool,
    caps_words: usize,
    /// A word after the first is not in capitals.
    later_lower: bool,
}

impl HeadCase {
    fn of(text: &str) -> HeadCase {
        let mut h = HeadCase::default();
        for (k, w) in crate::text::words(text).enumerate() {
            let caps = !w.text.chars().any(char::is_lowercase);
            if k == 0 {
                h.first_caps = caps;
            } else {
                h.later_lower |= !caps;
            }
            h.caps_words += usize::from(caps);
            h.words += 1;
        }
        h
    }

    /// The first word is in ordinary case.
    fn first_ordinary(self) -> bool {
        self.words > 0 && !self.first_caps
    }
}

fn check(cx: &Cx, clauses: &[NodeRef], out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    // A narrative clause's verb is in ordinary case by right.
    let headed: Vec<(NodeRef, ClauseRef, HeadCase)> = clauses
        .iter()
        .filter_map(|n| {
            n.clause()
                .filter(|c| c.subject().is_none())
                .map(|c| (*n, c, HeadCase::of(n.text())))
        })
        .collect();
    // What the document itself does. Heads of one role written mostly in
    // ordinary case (`Gelet op`, `Overwegende`, `1) verwelkomt`) are its
    // layout, not a slip; so are particles in ordinary case after heads in
    // capitals (`HERINNERT eraan`, `BEVESTIGT opnieuw`) where the text
    // writes its multi-word heads that way more often than not.
    let ordinary_role = |role: Role| {
        let of_role = headed.iter().filter(|(_, c, _)| c.role() == role);
        let (all, ordinary) = of_role.fold((0, 0), |(all, ordinary), (_, _, h)| {
            (all + 1, ordinary + usize::from(h.first_ordinary()))
        });
        ordinary * 2 > all
    };
    let (pre, op) = (
        ordinary_role(Role::Preamble),
        ordinary_role(Role::Operative),
    );
    let multi = headed
        .iter()
        .filter(|(_, _, h)| h.words > 1 && h.first_caps);
    let mixed = multi.clone().filter(|(_, _, h)| h.later_lower).count();
    let particle_style = mixed >= 2 && mixed * 2 > multi.count();
    // Whether a first word in capitals is a verb form by itself, per word
    // as written: clause heads repeat, and the lexicon lookup needs the
    // word upper-cased.
    let mut one_word_form: HashMap<&str, bool> = HashMap::new();
    for &(clause, c, h) in &headed {
        if (c.role() == Role::Preamble && pre) || (c.role() == Role::Operative && op) {
            continue;
        }
        // Citations of the legal basis (`Having regard to`, `Gelet op`) are
        // written in ordinary case in the Official Journal.
        if c.function() == Function::Basis {
            continue;
        }
        if h.first_caps && (particle_style || particle_tail(cx, &clause, h, &mut one_word_form)) {
            continue;
        }
        check_one(cx, clause, out);
    }
}

/// The words in ordinary case after a head in capitals are particles or
/// adverbs (`HERINNERT eraan`, `IS VERHEUGD over`, `NEEMT er NOTA van`):
/// the capitals make a verb of their own (two words or more, or one that is
/// a form by itself). `ATZINĪGI vērtē` is not: `vērtē` is the verb.
fn particle_tail<'t>(
    cx: &Cx,
    clause: &NodeRef<'t>,
    h: HeadCase,
    one_word_form: &mut HashMap<&'t str, bool>,
) -> bool {
    if h.caps_words >= 2 {
        return true;
    }
    let Some(first) = crate::text::words(clause.text()).next() else {
        return false;
    };
    *one_word_form.entry(first.text).or_insert_with(|| {
        let up = crate::lexicon::upper(first.text);
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
        assert_eq!(DOC.get(f[1].start..f[1].end), Some("ATZINĪGI vērtē"));
        let fix = f[1].fix.as_ref().unwrap();
        assert_eq!(
            (DOC.get(fix.start..fix.end), fix.replacement.as_str()),
            (Some("vērtē"), "VĒRTĒ")
        );
    }
}
