//! `footnote-unused`: a footnote definition nothing refers to.

use crate::ast::Kind;
use crate::lint::{Cx, Finding, RuleMeta, Severity};
use std::collections::HashSet;

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

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    let referred: HashSet<u32> = cx
        .nodes(&[Kind::FootnoteRef])
        .iter()
        .filter_map(|(n, _)| n.attrs.number)
        .collect();
    for (f, _) in cx.nodes(&[Kind::Footnote]) {
        let n = f.attrs.number.unwrap_or(0);
        if !referred.contains(&n) {
            let label_end = (f.norm.0 + n.to_string().len().max(1)).min(f.norm.1);
            out.push(cx.finding(
                (f.norm.0, label_end.max(f.norm.0)),
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
