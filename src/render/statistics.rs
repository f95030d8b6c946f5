//! `lint --statistics`: how many findings each rule gave, most first, in
//! ruff's layout (count, rule, `[*]` when `--fix` can fix them all, summary).

use super::json::Summary;
use serde::Serialize;

/// One rule's count.
#[derive(Debug, Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    pub count: usize,
    /// How many of them `--fix` can fix.
    pub fixable: usize,
    pub summary: &'static str,
}

/// The counts, most frequent first (ties by rule name).
pub fn counts(summary: &Summary) -> Vec<RuleCount> {
    let mut out: Vec<RuleCount> = summary
        .by_rule
        .iter()
        .map(|(&rule, &count)| RuleCount {
            rule,
            count,
            fixable: summary.fixable_by_rule.get(rule).copied().unwrap_or(0),
            summary: crate::registry::find(rule).map_or("", |m| m.summary),
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    out
}

/// The text table: one line per rule, columns aligned.
pub fn text(summary: &Summary) -> String {
    let rows = counts(summary);
    let count_width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &rows {
        let mark = match r.fixable {
            0 => "[ ]",
            n if n == r.count => "[*]",
            _ => "[-]",
        };
        out.push_str(&format!(
            "{:>count_width$}\t{:<rule_width$}\t{mark} {}\n",
            r.count, r.rule, r.summary
        ));
    }
    out
}
