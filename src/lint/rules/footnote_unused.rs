//! `footnote-unused`: a footnote definition nothing refers to.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "footnote-unused",
    severity: Severity::Warning,
    summary: "A footnote is defined but no reference points to it.",
    rationale: "A footnote whose marker was deleted hangs in the text without context. Restore \
the marker where the reference belongs or delete the footnote.",
    bad: "UZSVER, ka x; … ¹ Dok. 10130/10.",
    good: "UZSVER, ka x¹; … ¹ Dok. 10130/10.",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Footnote, Kind::FootnoteRef];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let referred = crate::lint::numbers(nodes, Kind::FootnoteRef);
    for f in nodes.iter().filter(|n| n.kind() == Kind::Footnote) {
        let n = f.number().unwrap_or(0);
        if !referred.contains(&n) {
            let norm = f.norm();
            let label_end = (norm.0 + n.to_string().len().max(1)).min(norm.1);
            out.push(cx.finding(
                (norm.0, label_end.max(norm.0)),
                format!("footnote {n} is defined but never referred to"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn definition_without_reference() {
        let text = "UZSVER, ka x¹;\n\n¹ Dok. 1/15.\n\n² Dok. 2/15.\n";
        assert_eq!(lines("footnote-unused", "lv", text), [5]);
    }
}
