//! `numbering`: numbered points with a gap, a duplicate or out of order.

use crate::ast::Kind;
use crate::lint::{Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "numbering",
    severity: Severity::Error,
    summary: "Numbered points skip a number, repeat one or run out of order.",
    rationale: "Points are cited by number in later texts and in the other language versions; \
a gap or a repeat after an edit breaks every such reference. Renumber the points.",
    bad: "1. UZSVER …  2. AICINA …  4. ATZĪST …",
    good: "1. UZSVER …  2. AICINA …  3. ATZĪST …",
    fixable: false,
};

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    let mut prev: Option<u32> = None;
    for (p, _) in cx.nodes(&[Kind::Point]) {
        let n = p.attrs.number.unwrap_or(0);
        let label = (p.norm.0, p.own.0.max(p.norm.0));
        let label = (label.0, cx.text(label).trim_end().len() + label.0);
        match prev {
            None if n != 1 => {
                out.push(cx.finding(label, format!("the first point is numbered {n}, not 1")))
            }
            Some(m) if n == m => {
                out.push(cx.finding(label, format!("point {n} is numbered twice")))
            }
            Some(m) if n < m => {
                out.push(cx.finding(label, format!("point {n} comes after point {m}")))
            }
            Some(m) if n > m + 1 => out.push(cx.finding(
                label,
                format!("point {n} follows point {m}: {} is missing", m + 1),
            )),
            _ => {}
        }
        prev = Some(prev.map_or(n, |m| m.max(n)));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn gaps_and_repeats() {
        let text = "1. UZSVER a.\n\n2. AICINA b.\n\n4. ATZĪST c.\n\n4. UZSVER d.\n";
        assert_eq!(lines("numbering", "lv", text), [5, 7]);
        assert!(lines(
            "numbering",
            "lv",
            "1. UZSVER a\n\n2016. gada b.\n\n2. AICINA c.\n"
        )
        .is_empty());
    }
}
