//! `brackets`: unbalanced parentheses or square brackets within a unit.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "brackets",
    severity: Severity::Warning,
    summary: "Parentheses or square brackets are unbalanced within a paragraph or item.",
    rationale: "An opening bracket that is never closed (or the reverse) usually means part \
of a reference was cut: `(COM(2010) 245 final` lost its closing bracket.",
    bad: "(Komisijas paziņojums (COM(2010) 245 final)",
    good: "(Komisijas paziņojums (COM(2010) 245 final))",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// The first bracket left unbalanced: its byte offset.
fn unbalanced(text: &str) -> Option<usize> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => stack.push((c, i)),
            ')' | ']' => {
                let want = if c == ')' { '(' } else { '[' };
                match stack.pop() {
                    Some((o, _)) if o == want => {}
                    // "a)" as an enumeration label inside a text is not a bracket.
                    None if c == ')'
                        && i > 0
                        && text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(|p| p.is_alphanumeric())
                        && text[..i].chars().rev().nth(1).is_none_or(|p| p == ' ') => {}
                    _ => return Some(i),
                }
            }
            _ => {}
        }
    }
    stack.first().map(|&(_, i)| i)
}

pub const KINDS: &[Kind] = crate::lint::TEXT_NODES;
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    if let Some(i) = unbalanced(n.text()) {
        let at = n.own().0 + i;
        let mut f = cx.finding((at, at + 1), "unbalanced bracket");
        f.help = Some("close every bracket that is opened".into());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::unbalanced;

    #[test]
    fn balance() {
        assert!(unbalanced("(COM(2010) 245 final) [x]").is_none());
        assert_eq!(unbalanced("(COM(2010) 245 final"), Some(0));
        assert_eq!(unbalanced("a ] b"), Some(2));
    }
}
