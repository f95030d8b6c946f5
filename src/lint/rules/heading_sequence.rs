//! `heading-sequence`: Roman-numbered (or lettered) section headings out of sequence.

use crate::ast::{Kind, NodeRef};
use crate::lint::sequence::{self, Break};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "heading-sequence",
    severity: Severity::Warning,
    summary: "Roman-numbered or lettered section headings are out of sequence.",
    rationale: "Section headings I., II., III. (or A., B., C.) are cross-referenced like \
points; a skipped or repeated numeral means a section was moved or deleted without renumbering.",
    bad: "I. STIPRINĀT …  III. POPULARIZĒT …",
    good: "I. STIPRINĀT …  II. POPULARIZĒT …",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::Heading];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, headings: &[NodeRef], out: &mut Vec<Finding>) {
    // Headings of flattened text were rebuilt from cues; a missing one is
    // more likely a heading the cues did not show than a numbering defect.
    if cx.doc.norm.is_flattened() {
        return;
    }
    let roman: Vec<_> = headings.iter().filter(|h| h.number().is_some()).collect();
    let lettered: Vec<_> = headings
        .iter()
        .filter(|h| {
            h.number().is_none()
                && h.label()
                    .is_some_and(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
        })
        .collect();
    let value = |h: &&NodeRef| -> u32 {
        h.number().unwrap_or_else(|| {
            h.label()
                .and_then(|l| l.bytes().next())
                // The label is one ASCII capital (the filter above).
                .map_or(0, |b| u32::from(b.saturating_sub(b'A')) + 1)
        })
    };
    let show = |n: u32, is_roman: bool| {
        if is_roman {
            crate::text::roman_numeral(n)
        } else {
            letter_str(n)
        }
    };
    for (group, is_roman) in [(roman, true), (lettered, false)] {
        let numbers: Vec<u32> = group.iter().map(value).collect();
        for (i, b) in sequence::breaks(&numbers) {
            // `breaks` indexes `numbers`, one per heading of `group`: never skipped.
            let (Some(h), Some(&number)) = (group.get(i), numbers.get(i)) else {
                continue;
            };
            let norm = h.norm();
            let label = (norm.0, norm.0 + cx.text(norm).find(' ').unwrap_or(0));
            let n = show(number, is_roman);
            let message = match b {
                Break::Misfit { expected } => format!(
                    "section {n} where {} was expected",
                    show(expected, is_roman)
                ),
                Break::Duplicate => format!("section {n} appears twice"),
                Break::Gap { from, .. } => format!(
                    "section {n} follows {}",
                    if from > 1 {
                        show(from - 1, is_roman)
                    } else {
                        "nothing".into()
                    }
                ),
                Break::Backwards { previous } => {
                    format!("section {n} comes after {}", show(previous, is_roman))
                }
            };
            out.push(cx.finding(label, message));
        }
    }
}

/// A section letter (1 = A … 26 = Z); past Z in digits.
fn letter_str(n: u32) -> String {
    match u8::try_from(n) {
        Ok(k @ 1..=26) => char::from(b'A' + k - 1).to_string(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn numerals_stay_short() {
        assert_eq!(crate::text::roman_numeral(1994), "MCMXCIV");
        assert_eq!(crate::text::roman_numeral(49), "XLIX");
        assert_eq!(crate::text::roman_numeral(40_000), "40000");
        assert_eq!(super::letter_str(26), "Z");
        assert_eq!(super::letter_str(300), "300");
    }

    #[test]
    fn skipped_roman_numeral() {
        let text = "I. PIRMĀ DAĻA\n\n1. UZSVER a.\n\nIII. TREŠĀ DAĻA\n\n2. AICINA b.\n";
        assert_eq!(lines("heading-sequence", "lv", text), [5]);
        let text = "I. A\n\n1. UZSVER a.\n\nIII. B\n\n2. AICINA b.\n\nIII. C\n\n3. AICINA c.\n";
        assert_eq!(
            lines("heading-sequence", "lv", text),
            [5],
            "one renumbered section, one finding"
        );
    }
}
