//! Stage 7: reports for people and tools.

pub mod github;
pub mod human;
pub mod json;
pub mod languages;
pub mod outline;
pub mod rules_doc;
pub mod sarif;
pub mod statistics;
pub mod table;
