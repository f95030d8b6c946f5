//! `bullet-style`: bullet characters mixed within a list or across the document.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::collections::BTreeMap;

pub const META: RuleMeta = RuleMeta {
    name: "bullet-style",
    severity: Severity::Warning,
    summary: "Bullet characters are mixed within one list (warning) or one list uses a rare style (info).",
    rationale: "A list uses one bullet character, and a document uses few styles. A different \
bullet inside a list is a copy-paste slip (fixable); a list whose bullet appears nowhere else \
in the document was usually pasted from another text.",
    bad: "– item,\n- item,\n– item;",
    good: "– item,\n– item,\n– item;",
    fixable: true,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::List];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, lists: &[NodeRef], out: &mut Vec<Finding>) {
    let mut doc_counts: BTreeMap<char, usize> = BTreeMap::new();
    for list in lists {
        let items: Vec<NodeRef> = list
            .children()
            .filter(|c| c.kind() == Kind::ListItem)
            .collect();
        let mut counts: BTreeMap<char, usize> = BTreeMap::new();
        for i in &items {
            *counts.entry(i.bullet().unwrap_or('-')).or_default() += 1;
        }
        let Some((&main, _)) = counts.iter().max_by_key(|(_, n)| **n) else {
            continue;
        };
        *doc_counts.entry(main).or_default() += 1;
        for i in &items {
            let b = i.bullet().unwrap_or('-');
            if b != main {
                let range = (i.norm().0, i.norm().0 + b.len_utf8());
                let mut f =
                    cx.finding(range, format!("bullet `{b}` in a list of `{main}` bullets"));
                f.help = Some(format!("use `{main}`"));
                f.fix = cx.fix(range, main.to_string());
                out.push(f);
            }
        }
    }
    // Across the document: a style used by far fewer lists than the commonest.
    let Some(&most) = doc_counts.values().max() else {
        return;
    };
    for list in lists {
        let Some(first) = list.children().find(|c| c.kind() == Kind::ListItem) else {
            continue;
        };
        let b = first.bullet().unwrap_or('-');
        let uses = doc_counts.get(&b).copied().unwrap_or(0);
        if uses * 2 < most {
            let main = doc_counts
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(c, _)| *c)
                .unwrap_or(b);
            let mut f = cx.finding(
                (first.norm().0, first.norm().0 + b.len_utf8()),
                format!("this list uses `{b}` bullets; the document mostly uses `{main}`"),
            );
            f.severity = Severity::Info;
            f.help = Some(format!("use `{main}` as in the other lists"));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn mixed_within_and_rare_across() {
        let text = "AICINA:\n\n– a,\n\n- b,\n\n– c;\n\nMUDINA:\n\n– d,\n\n– e;\n\nUZSVER:\n\n– f,\n\n– g;\n\nATZĪST:\n\n• h,\n\n• i;\n";
        assert_eq!(lines("bullet-style", "lv", text), [5, 23]);
    }
}
