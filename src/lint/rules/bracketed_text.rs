//! `bracketed-text`: square-bracketed wording (text not yet agreed).

use crate::lint::{Cx, Finding, RuleMeta, Severity};

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

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    for range in super::scanned_ranges(cx) {
        let text = cx.text(range);
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
                    (range.0 + k, range.0 + k + close + 1),
                    "bracketed wording: text not yet agreed",
                );
                f.help =
                    Some("agree the wording and remove the brackets, or delete the text".into());
                out.push(f);
            }
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
