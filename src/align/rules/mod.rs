//! The alignment rules, one file each like the lint rules: each holds the
//! rule's [`RuleMeta`]. The comparisons themselves live in `align/mod.rs`
//! because one pass over the alignment serves all four rules; findings take
//! their name and severity from these metas.

use crate::lint::RuleMeta;

pub mod footnote;
pub mod function;
pub mod number;
pub mod structure;

/// The alignment rules, in the order `conclint rules` lists them.
pub static METAS: &[&RuleMeta] = &[
    &structure::META,
    &function::META,
    &number::META,
    &footnote::META,
];
