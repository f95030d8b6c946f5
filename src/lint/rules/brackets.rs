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

/// The first bracket left unbalanced: its byte offset. Only the bracket
/// bytes are visited (all ASCII, so each offset is a char boundary).
fn unbalanced(text: &str) -> Option<usize> {
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let b = text.as_bytes();
    for i in crate::text::memchr4_iter(b'(', b'[', b')', b']', b) {
        let c = b.get(i).copied().unwrap_or(0);
        if c == b'(' || c == b'[' {
            stack.push((c, i));
            continue;
        }
        let want = if c == b')' { b'(' } else { b'[' };
        match stack.pop() {
            Some((o, _)) if o == want => {}
            None if c == b')' && is_enumeration_label(text.get(..i).unwrap_or("")) => {}
            _ => return Some(i),
        }
    }
    stack.first().map(|&(_, i)| i)
}

/// "a)" as an enumeration label inside a text is not a bracket: `before`
/// (the text before the `)`) ends with one alphanumeric character at the
/// start of the text or after a space.
fn is_enumeration_label(before: &str) -> bool {
    let mut back = before.chars().rev();
    back.next().is_some_and(char::is_alphanumeric) && back.next().is_none_or(|p| p == ' ')
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
        assert!(unbalanced("a) b, 1) c; (x)").is_none());
        assert_eq!(unbalanced("x a) b, xa) c"), Some(10));
    }
}
