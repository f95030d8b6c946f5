// Input reaches almost every index and slice in this crate: a panic there
// is a crash on somebody's file. So panicking access is refused, and each
// place that keeps one states its proof of bounds in
// `#[expect(clippy::…, reason = "…")]`. Tests fail by panicking, so
// `#[cfg(test)]` code is exempt (clippy.toml).
#![warn(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes_without_reason
)]

pub mod align;
pub mod ast;
pub mod baseline;
#[doc(hidden)]
pub mod bench_support;
pub mod classify;
pub mod docx;
pub mod fix;
pub mod fuzzy;
pub mod grammar;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod lint;
pub mod lsp;
pub mod normalize;
pub mod origin;
pub mod parse;
pub mod refs;
pub mod registry;
pub mod render;
pub mod safe_write;
pub mod shape;
pub mod syntax;
pub mod text;
pub mod verbs;
