//! `bracketed-text`: square-bracketed wording (text not yet agreed).

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "bracketed-text",
    severity: Severity::Warning,
    summary: "Wording in square brackets (text not yet agreed) is left in the text.",
    rationale: "In negotiation drafts, square brackets hold wording a delegation has not yet \
accepted. An adopted text must have none: agree the wording and remove the brackets, or delete it.",
    bad: "AICINA Komisiju [līdz 2023. gada beigām] iesniegt priekšlikumu;",
    good: "AICINA Komisiju līdz 2023. gada beigām iesniegt priekšlikumu;",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = super::SCANNED;
pub const CHECK: Check = Check::EachNode(check);

fn check(cx: &Cx, n: NodeRef, out: &mut Vec<Finding>) {
    let at = n.own().0;
    let text = n.text();
    for (k, _) in text.match_indices('[') {
        let Some(close) = text[k..].find(']') else {
            continue;
        };
        let inner = &text[k + 1..k + close];
        // Elisions and one-word placeholders are other rules' findings.
        let words = crate::text::words(inner).count();
        let is_elision = inner
            .trim()
            .chars()
            .all(|c| c == '.' || c == '…' || c == ' ');
        let is_placeholder =
            words == 1 && inner.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
        if words >= 1 && !is_elision && !is_placeholder {
            let mut f = cx.finding(
                (at + k, at + k + close + 1),
                "bracketed wording: text not yet agreed",
            );
            f.help = Some("agree the wording and remove the brackets, or delete the text".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn brackets_with_words_only() {
        let text =
            "AICINA Komisiju [līdz 2023. gada beigām] iesniegt;\n\nUZSVER [...] un [datums];\n";
        assert_eq!(lines("bracketed-text", "lv", text), [1]);
    }
}
