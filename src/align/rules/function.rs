//! `align-function`: aligned clauses that do different things.

use crate::lint::{RuleMeta, Scope, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "align-function",
    severity: Severity::Error,
    summary: "Aligned clauses do different things (AICINA = call vs BENADRUKT = stress).",
    rationale: "Aligned clauses must have the same function: a call in one version and a statement in another change what the Council says.",
    bad: "AICINA ES … / BENADRUKT de EU …",
    good: "AICINA ES … / VERZOEKT de EU …",
    fixable: false,
    scope: Scope::Pair,
};
