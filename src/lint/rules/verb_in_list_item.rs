//! `verb-in-list-item`: an operative sentence with its own capitalised verb inside a list item.

use crate::ast::{Kind, NodeRef};
use crate::lexicon::Role;
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "verb-in-list-item",
    severity: Severity::Warning,
    summary: "A bullet item contains an operative clause with its own capitalised verb.",
    rationale: "A list item completes the sentence of its lead-in. When an item carries a \
capitalised operative verb (`- … partneriem. AICINA Komisiju …`), a paragraph of its own was \
swallowed by the list: move it out. Lettered sub-points each headed by a verb are fine.",
    bad: "- sadarboties ar partneriem. AICINA Komisiju ziņot,",
    good: "- sadarboties ar partneriem;\n\nAICINA Komisiju ziņot;",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Clause];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    if !cx.is_conclusions() {
        return;
    }
    let Some(c) = n.clause() else { return };
    {
        let item = n.ancestors().find(|p| p.kind() == Kind::ListItem);
        // `The Council:` / `– welcomes …;`: a verb in ordinary case opening
        // the item is the item's own clause under a shared subject.
        let subject_item = item.is_some_and(|i| {
            n.own().0 == i.own().0 + (i.text().len() - i.text().trim_start().len())
                && n.text().chars().next().is_some_and(char::is_lowercase)
        });
        if item.is_some() && !subject_item && c.role() == Role::Operative {
            let verb = c.verb();
            let mut f = cx.finding(
                n.own(),
                format!("list item contains the operative verb `{verb}`"),
            );
            f.help = Some("make this clause a paragraph or point of its own".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn capitalised_operative_verbs_in_items() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nAICINA dalībvalstis:\n\n- sadarboties ar partneriem. AICINA Komisiju ziņot,\n- veicināt to;\n";
        assert_eq!(lines("verb-in-list-item", "lv", text), [5]);
    }
}
