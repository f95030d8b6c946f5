//! `classify --format table`: the clauses as an aligned text table.

use crate::classify::Classification;
use std::fmt::Write;

pub fn render(c: &Classification) -> String {
    let mut out = String::new();
    let cover = c
        .cover_language
        .as_ref()
        .map(|l| format!(" (cover note: {l})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "language: {}{cover}  kind: {}  clauses: {}",
        c.language,
        c.kind_str(),
        c.clauses.len()
    );
    let verb_w = c
        .clauses
        .iter()
        .map(|r| r.verb.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let _ = writeln!(
        out,
        "{:>5}  {:<9}  {:<verb_w$}  {:<9}  {:>5}  {:<4}  addressees",
        "line", "role", "verb", "function", "point", "item"
    );
    for r in &c.clauses {
        let _ = writeln!(
            out,
            "{:>5}  {:<9}  {:<verb_w$}  {:<9}  {:>5}  {:<4}  {}",
            r.line,
            r.role.as_str(),
            r.verb,
            r.function.as_str(),
            r.point.map_or("-".to_string(), |p| p.to_string()),
            if r.in_list_item { "yes" } else { "no" },
            r.addressees.join(", ")
        );
    }
    out
}

impl Classification {
    fn kind_str(&self) -> &'static str {
        self.kind.as_str()
    }
}
