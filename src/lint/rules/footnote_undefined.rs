//! `footnote-undefined`: a footnote reference with no definition.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "footnote-undefined",
    severity: Severity::Error,
    summary: "A footnote reference points to a footnote that is not defined.",
    rationale: "A marker with no footnote sends the reader nowhere; the reference (a document \
number, an OJ citation) was lost in editing. Restore the footnote or remove the marker.",
    bad: "Padomes secinājumiem par interneta pārvaldību⁸ … (no footnote 8)",
    good: "Padomes secinājumiem par interneta pārvaldību⁸ … ⁸ Dok. 16200/14.",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Footnote, Kind::FootnoteRef];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let defined = crate::lint::numbers(nodes, Kind::Footnote);
    for r in nodes.iter().filter(|n| n.kind() == Kind::FootnoteRef) {
        let n = r.number().unwrap_or(0);
        if !defined.contains(&n) {
            out.push(cx.finding(
                r.norm(),
                format!("footnote {n} is referred to but not defined"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn superscript_without_definition() {
        let text = "UZSVER, ka x¹ un y²;\n\n¹ Dok. 1/15.\n";
        assert_eq!(lines("footnote-undefined", "lv", text), [1]);
        assert!(lines(
            "footnote-undefined",
            "lv",
            "UZSVER, ka x¹;\n\n¹ Dok. 1/15.\n"
        )
        .is_empty());
    }
}
