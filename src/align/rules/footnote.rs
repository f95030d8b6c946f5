//! `align-footnote`: footnotes that differ in number or attachment.

use crate::lint::{RuleMeta, Scope, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "align-footnote",
    severity: Severity::Warning,
    summary: "Footnote counts differ, or a footnote is attached to a different unit.",
    rationale: "Footnotes are part of the text: the same notes, referred to from the same units, in every version.",
    bad: "LV: note 5 in the first paragraph; NL: in the second",
    good: "LV and NL: note 5 in the first paragraph",
    fixable: false,
    scope: Scope::Pair,
};
