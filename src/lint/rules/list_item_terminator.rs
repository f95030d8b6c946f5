//! `list-item-terminator`: an item without a terminator, or with another one than its siblings.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::collections::BTreeMap;

pub const META: RuleMeta = RuleMeta {
    name: "list-item-terminator",
    severity: Severity::Warning,
    summary: "A list item lacks its terminator or ends differently from its siblings.",
    rationale: "Items of one list end alike (`,` or `;`), and the last item closes the \
sentence. An item with no terminator, or a different one, usually lost or gained punctuation \
in editing. The last item may close the sentence differently.",
    bad: "- par drošību 18,\n- par krīzēm 19\n- par kompasu 20,",
    good: "- par drošību 18,\n- par krīzēm 19,\n- par kompasu 20,",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// The terminator of an item's text (stripped of trailing references).
/// The mark that ends an item: a comma, semicolon, full stop or colon, or
/// the language's own (the Greek ano teleia `·`).
fn terminator(text: &str, conventions: &crate::lexicon::Conventions) -> Option<char> {
    text.trim_end_matches(['"', '”', '»', ')'])
        .chars()
        .next_back()
        .filter(|&c| matches!(c, ',' | ';' | '.' | ':') || conventions.terminates(c))
}

pub const KINDS: &[Kind] = &[Kind::List];
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, list: NodeRef, out: &mut Vec<Finding>) {
    // In flattened text the lists were rebuilt from cues (`- ` after any
    // mark): where one starts and ends says nothing about the draft.
    if !cx.is_conclusions() || cx.doc.norm.is_flattened() {
        return;
    }
    {
        let items: Vec<_> = list
            .children()
            .filter(|c| c.kind() == Kind::ListItem)
            .collect();
        if items.len() < 2 {
            return;
        }
        // Each item's text without trailing references, read once.
        let texts: Vec<&str> = items
            .iter()
            .map(|i| cx.strip_trailing_refs(i.own()))
            .collect();
        let ends: Vec<Option<char>> = texts
            .iter()
            .map(|t| terminator(t, &cx.lang.conventions))
            .collect();
        // The usual terminator of the items before the last.
        let mut counts: BTreeMap<char, usize> = BTreeMap::new();
        let before_last = ends.split_last().map_or(&[][..], |(_, before)| before);
        for t in before_last.iter().flatten() {
            *counts.entry(*t).or_default() += 1;
        }
        let usual = counts.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c);
        for (k, ((item, text), &item_end)) in items.iter().zip(&texts).zip(&ends).enumerate() {
            let end = item.own().0 + text.len();
            let last = text.chars().next_back().map_or(0, char::len_utf8);
            // The finding covers the item, so that it names the item's lines.
            let start = item.norm().0;
            let at = (start, end.max(start + last));
            let is_last = k + 1 == items.len();
            match (item_end, usual) {
                (None, _) => out.push(cx.finding(at, "list item has no terminator")),
                (Some(t), Some(u))
                    if !is_last && t != u && counts.get(&u).copied().unwrap_or(0) >= 2 =>
                {
                    out.push(cx.finding(
                        at,
                        format!("list item ends with `{t}`; its siblings end with `{u}`"),
                    ))
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn missing_and_odd_terminators() {
        let text =
            "EIROPAS SAVIENĪBAS PADOME,\nAICINA dalībvalstis:\n- a,\n- b\n- c;\n- d,\n- e;\n";
        assert_eq!(lines("list-item-terminator", "lv", text), [4, 5]);
        assert!(lines(
            "list-item-terminator",
            "lv",
            "EIROPAS SAVIENĪBAS PADOME,\nAICINA:\n- a,\n- b,\n- c;\n"
        )
        .is_empty());
        // The Greek ano teleia ends items (read as `·` after NFC).
        assert!(lines(
            "list-item-terminator",
            "el",
            "ΤΟ ΣΥΜΒΟΥΛΙΟ ΤΗΣ ΕΥΡΩΠΑΪΚΗΣ ΕΝΩΣΗΣ,\nΚΑΛΕΙ τα κράτη μέλη:\n— α·\n— β·\n— γ.\n"
        )
        .is_empty());
    }
}
