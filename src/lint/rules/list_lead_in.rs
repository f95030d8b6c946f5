//! `list-lead-in`: a list not introduced by a lead-in ending with `:`.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "list-lead-in",
    severity: Severity::Warning,
    summary: "A bullet list is not introduced by a lead-in that ends with a colon.",
    rationale: "Each item of a list completes the sentence of its lead-in (`AICINA ES un \
dalībvalstis:`); without the colon the items read as loose fragments. A participle alone on \
its line (`ATGĀDINOT`) is a valid lead-in.",
    bad: "AICINA ES un dalībvalstis;\n- sadarboties …",
    good: "AICINA ES un dalībvalstis:\n- sadarboties …",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::List];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, list: NodeRef, out: &mut Vec<Finding>) {
    // In flattened text the lists were rebuilt from cues (`- ` after any
    // mark): where one starts and ends says nothing about the draft.
    if !cx.is_conclusions() || cx.doc.norm.is_flattened() {
        return;
    }
    {
        let Some(parent) = list.parent().filter(|p| p.kind() != Kind::Document) else {
            return;
        };
        let lead = cx.strip_trailing_refs(parent.own());
        // The endings the language allows (`:`; also `,` or none in some).
        let last_char = lead.trim_end().chars().next_back();
        let allowed = cx.lang.conventions.list_lead_in_endings.iter().any(|e| {
            if e.is_empty() {
                last_char.is_some_and(char::is_alphabetic)
            } else {
                lead.trim_end().ends_with(e.as_str())
            }
        });
        if allowed {
            return;
        }
        // A participle alone on its line: `ATGĀDINOT`.
        let only_verb = parent
            .children()
            .find(|c| c.kind() == Kind::Clause)
            .is_some_and(|c| c.text().trim() == lead.trim());
        if only_verb {
            return;
        }
        let end = parent.own().0 + lead.len();
        let last = lead.chars().next_back().map_or(0, char::len_utf8);
        let mut f = cx.finding(
            (end - last, end),
            "the lead-in of this list does not end with `:`",
        );
        f.help = Some("end the lead-in with a colon".into());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn lead_in_needs_a_colon() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT\n- a,\n- b;\n\nAICINA ES un dalībvalstis;\n- sadarboties,\n- ziņot;\n\nMUDINA dalībvalstis:\n- a,\n- b;\n";
        assert_eq!(lines("list-lead-in", "lv", text), [7]);
    }
}
