//! `footnote-spacing`: a space before footnote markers used inconsistently.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use crate::refs::RefStyle;

pub const META: RuleMeta = RuleMeta {
    name: "footnote-spacing",
    severity: Severity::Info,
    summary: "Footnote markers are written with a space before them in some places and without in others.",
    rationale: "A document attaches its footnote markers one way: directly to the word \
(`pārvaldību⁸`) or after a space (`pārvaldību ⁸`). Mixing the two is a formatting slip; the \
less common form is reported.",
    bad: "Eiropai ¹, … pārvaldību⁸",
    good: "Eiropai¹, … pārvaldību⁸",
    fixable: true,
    scope: crate::lint::Scope::Document,
};

pub const KINDS: &[Kind] = &[Kind::FootnoteRef];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let src = &cx.doc.source;
    // Judged on the original bytes, and only for markers that follow text on
    // the same line: a marker at the start of a line has no spacing to fix
    // (and a space inserted there would vanish on the next read).
    let refs: Vec<_> = nodes
        .iter()
        .filter(|r| r.style() == Some(RefStyle::Superscript))
        .filter_map(|r| {
            // A span starts on a char boundary of the source: never skipped.
            let head = src.get(..r.span().start)?;
            let before = head.trim_end_matches([' ', '\t']);
            let on_own_line = before.is_empty() || before.ends_with(['\n', '\r']);
            (!on_own_line).then(|| (r.norm(), head.ends_with([' ', '\t'])))
        })
        .collect();
    let spaced = refs.iter().filter(|r| r.1).count();
    let glued = refs.len() - spaced;
    if spaced == 0 || glued == 0 {
        return;
    }
    let minority_spaced = spaced < glued;
    for &(range, is_spaced) in &refs {
        if is_spaced != minority_spaced {
            continue;
        }
        if is_spaced {
            let space = (range.0 - 1, range.0);
            let mut f = cx.finding(
                space,
                "space before a footnote marker; most markers in this document have none",
            );
            f.help = Some("remove the space".into());
            f.fix = cx.fix(space, String::new());
            out.push(f);
        } else {
            let mut f = cx.finding(
                range,
                "no space before this footnote marker; most markers in this document have one",
            );
            f.help = Some("insert a space before the marker".into());
            f.fix = cx.fix((range.0, range.0), " ".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{lines, run};

    #[test]
    fn minority_spacing_is_reported_and_fixed() {
        let text = "UZSVER a ¹, b ², c³;\n\n¹ A.\n\n² B.\n\n³ C.\n";
        assert_eq!(lines("footnote-spacing", "lv", text), [1]);
        let f = &run("footnote-spacing", "lv", text)[0];
        assert_eq!(f.fix.as_ref().unwrap().replacement, " ");
    }

    #[test]
    fn a_marker_at_the_start_of_a_line_is_left_alone() {
        // Found by the fix-idempotence property test: a space inserted before
        // a line-initial marker vanished on the next read, forever.
        let text =
            "1. AICINA Komisiju2016. gada\n\n¹ Dok. 123/45.\nEuropa1 over 20136, ¹ Dok. 123/45.\n";
        assert!(run("footnote-spacing", "lv", text)
            .iter()
            .all(|f| f.fix.is_none()));
    }
}
