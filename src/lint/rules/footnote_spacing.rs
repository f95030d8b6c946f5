//! `footnote-spacing`: a space before footnote markers used inconsistently.

use crate::ast::Kind;
use crate::lint::{Cx, Finding, RuleMeta, Severity};
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
};

pub fn check(cx: &Cx, out: &mut Vec<Finding>) {
    let text = &cx.doc.norm.text;
    let refs: Vec<_> = cx
        .nodes(&[Kind::FootnoteRef])
        .into_iter()
        .filter(|(r, _)| r.attrs.style == Some(RefStyle::Superscript))
        .map(|(r, _)| {
            let spaced = text[..r.norm.0].ends_with(' ');
            (r.norm, spaced)
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
}
