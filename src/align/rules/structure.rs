//! `align-structure`: a unit missing in one version or of another kind.

use crate::lint::{RuleMeta, Scope, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "align-structure",
    severity: Severity::Error,
    summary: "A unit (recital, paragraph, point, list, item, heading, transition) is missing in one version or of a different kind.",
    rationale: "Language versions of one text have the same units in the same order. A unit present in one version only was added or lost in translation or editing.",
    bad: "LV: 39 list items; NL: 38",
    good: "LV: 39 list items; NL: 39",
    fixable: false,
    scope: Scope::Pair,
};
