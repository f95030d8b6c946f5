//! Hooks for the benchmarks in `benches/` (not part of the API).

/// Number of nodes of the document's tree.
#[doc(hidden)]
pub fn node_count(doc: &crate::parse::Document) -> usize {
    doc.tree.len()
}

/// Drops the document's tree (to measure the memory it held).
#[doc(hidden)]
pub fn drop_tree(doc: &mut crate::parse::Document) {
    doc.tree = crate::ast::Tree::default();
}
