//! Stage 7: reports for people and tools.

pub mod outline;
pub mod table;
