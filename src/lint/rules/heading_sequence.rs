//! `heading-sequence`: Roman-numbered (or lettered) section headings out of sequence.

use crate::ast::Kind;
use crate::lint::{Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "heading-sequence",
    severity: Severity::Warning,
    summary: "Roman-numbered or lettered section headings are out of sequence.",
    rationale: "Section headings I., II., III. (or A., B., C.) are cross-referenced like \
points; a skipped or repeated numeral means a section was moved or deleted without renumbering.",
    bad: "I. STIPRINĀT …  III. POPULARIZĒT …",
    good: "I. STIPRINĀT …  II. POPULARIZĒT …",
    fixable: false,
};

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    let mut roman: Option<u32> = None;
    let mut letter: Option<char> = None;
    for (h, _) in cx.nodes(&[Kind::Heading]) {
        let first_line = (h.norm.0, h.norm.0 + cx.text(h.norm).find(' ').unwrap_or(0));
        if let Some(n) = h.attrs.number {
            let expected = roman.map_or(1, |r| r + 1);
            if n != expected {
                out.push(cx.finding(
                    first_line,
                    format!(
                        "section {} where {} was expected",
                        roman_str(n),
                        roman_str(expected)
                    ),
                ));
            }
            roman = Some(n);
        } else if let Some(l) = h
            .attrs
            .label
            .as_deref()
            .and_then(|l| l.chars().next())
            .filter(|c| c.is_ascii_uppercase())
        {
            let expected = letter.map_or('A', |c| (c as u8 + 1) as char);
            if l != expected {
                out.push(cx.finding(
                    first_line,
                    format!("section {l} where {expected} was expected"),
                ));
            }
            letter = Some(l);
        }
    }
}

fn roman_str(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn skipped_roman_numeral() {
        let text = "I. PIRMĀ DAĻA\n\n1. UZSVER a.\n\nIII. TREŠĀ DAĻA\n\n2. AICINA b.\n";
        assert_eq!(lines("heading-sequence", "lv", text), [5]);
    }
}
