//! `elision`: `[...]`, `[…]`, `(...)`, `(…)` left in the text.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "elision",
    severity: Severity::Error,
    summary: "An elision mark ([...], (…)) is left in the text.",
    rationale: "Drafters mark text cut from a quotation or not yet written with an elision. \
In a text that circulates it means words are missing: restore them or remove the mark.",
    bad: "kas vēl vairāk veicina [...] un aizsargā tiesības",
    good: "kas vēl vairāk veicina un aizsargā tiesības",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// Every mark opens with `[` or `(`, and none can overlap itself (none
/// ends the way it starts), so each one found at a bracket is a match that
/// a search for the whole mark would find too.
const MARKS: &[&str] = &["[...]", "[…]", "(...)", "(…)", "[ ... ]", "[ … ]"];

pub const KINDS: &[Kind] = super::SCANNED;
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    let text = n.text();
    for i in memchr::memchr2_iter(b'[', b'(', text.as_bytes()) {
        // `[` and `(` are ASCII: `i` is a char boundary.
        let rest = text.get(i..).unwrap_or("");
        for m in MARKS.iter().filter(|m| rest.starts_with(**m)) {
            let at = n.own().0 + i;
            let mut f = cx.finding(
                (at, at + m.len()),
                format!("elision `{m}` left in the text"),
            );
            f.help = Some("restore the missing words or delete the mark".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn finds_elisions_and_nothing_else() {
        let text =
            "UZSVER, ka [...] ir svarīgi;\n\nAICINA (…) dalībvalstis;\n\nUZSVER (2015) un [ES];\n";
        assert_eq!(lines("elision", "lv", text), [1, 3]);
    }
}
