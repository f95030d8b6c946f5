//! `align-number`: a number, date or reference of one aligned unit missing
//! from the other (values are compared in `align/numbers.rs`).

use crate::lint::{RuleMeta, Scope, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "align-number",
    severity: Severity::Warning,
    summary: "A number, year, date or document reference of one aligned unit is missing from the other.",
    rationale: "Numbers are compared by value (`2013. gada` = `over 2013`; `9981/10` ≠ `9981/1/10 REV 1`). A number in one version only is a translation or copy error.",
    bad: "2013. gada ziņojums / verslag over 2012",
    good: "2013. gada ziņojums / verslag over 2013",
    fixable: false,
    scope: Scope::Pair,
};
