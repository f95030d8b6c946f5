//! `verb-consistency`: one verb written in more than one way in a document.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

pub const META: RuleMeta = RuleMeta {
    name: "verb-consistency",
    severity: Severity::Info,
    summary: "The same verb is written in more than one way in one document.",
    rationale: "A document spells each verb one way: `RECOGNISES` in one paragraph and \
`RECOGNIZES` in another (or two accepted spellings with different diacritics) is an \
inconsistency a reader notices. The less common spelling is reported. Case slips are \
`verb-case` findings and misspellings `verb-unknown` findings, not this rule's.",
    bad: "RECOGNISES …; RECOGNISES …; RECOGNIZES …",
    good: "RECOGNISES …; RECOGNISES …; RECOGNISES …",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// Where one spelling of a verb is written: the clauses' own ranges.
type Places = Vec<(usize, usize)>;

pub const KINDS: &[Kind] = &[Kind::Clause];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, clauses: &[NodeRef], out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    // spelling key → spelling (upper case) → clauses written that way
    // Clause heads repeat: each verb as written is upper-cased once, and
    // each spelling folded to its group key once.
    let mut spelling_of: HashMap<Cow<str>, usize> = HashMap::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut places: Vec<(String, Places)> = Vec::new();
    for n in clauses {
        let Some(c) = n.clause().filter(|c| !c.misspelt()) else {
            continue;
        };
        let verb = c.verb();
        let k = match spelling_of.get(verb.as_ref()) {
            Some(&k) => k,
            None => {
                let upper = crate::lexicon::upper(&verb);
                let k = *index_of.entry(upper.clone()).or_insert_with(|| {
                    places.push((upper, Vec::new()));
                    places.len() - 1
                });
                spelling_of.insert(verb, k);
                k
            }
        };
        // Every index handed out is that of a pushed entry: never skipped.
        if let Some((_, p)) = places.get_mut(k) {
            p.push(n.own());
        }
    }
    let mut groups: BTreeMap<String, BTreeMap<&str, &Places>> = BTreeMap::new();
    for (upper, ranges) in &places {
        groups
            .entry(key(upper))
            .or_default()
            .insert(upper.as_str(), ranges);
    }
    for spellings in groups.values() {
        if spellings.len() < 2 {
            continue;
        }
        let Some((main, _)) = spellings.iter().max_by_key(|(_, v)| v.len()) else {
            continue;
        };
        for (spelling, ranges) in spellings {
            if spelling == main {
                continue;
            }
            for &r in ranges.iter() {
                out.push(cx.finding(
                    r,
                    format!("`{spelling}` is spelt `{main}` elsewhere in this document"),
                ));
            }
        }
    }
}

/// Spellings of one verb share this key: diacritics folded, `z` as `s`.
fn key(upper: &str) -> String {
    crate::fuzzy::fold(upper).replace('Z', "S")
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn minority_spelling_is_reported() {
        let text = "THE COUNCIL OF THE EUROPEAN UNION,\n\nRECOGNISES a;\n\nRECOGNISES b;\n\nRECOGNIZES c;\n\nRecognises d;\n";
        assert_eq!(lines("verb-consistency", "en", text), [7]);
    }
}
