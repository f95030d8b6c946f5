//! Baselines: record today's findings, report only new ones later.
//!
//! A finding's fingerprint is its rule, its own text and a little context on
//! each side (whitespace folded), never its line: lines inserted or deleted
//! elsewhere in the document leave it unchanged.

use crate::lint::Finding;
use crate::parse::Document;
use serde::{Deserialize, Serialize};

/// Characters of context on each side of a finding.
const CONTEXT: usize = 24;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// Where it was when recorded (for people; not used for matching).
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// FNV-1a, 64 bits: small, stable across Rust versions and platforms.
fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of a finding in a document (also SARIF's
/// `partialFingerprints`, so a baseline and code scanning agree on what is
/// the same finding).
#[expect(
    clippy::string_slice,
    reason = "s and e come from floor_char_boundary of src: char boundaries at \
              most src.len(), and e >= s by the max"
)]
pub fn fingerprint(doc: &Document, f: &Finding) -> String {
    let src = &doc.source;
    let s = crate::text::floor_char_boundary(src, f.start.min(src.len()));
    let e = crate::text::floor_char_boundary(src, f.end.min(src.len())).max(s);
    let before: String = src[..s]
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = src[e..].chars().take(CONTEXT).collect();
    let key = format!(
        "{}\0{}\0{}\0{}",
        f.rule,
        folded(&before),
        folded(&src[s..e]),
        folded(&after)
    );
    format!("{:016x}", fnv1a(key.as_bytes()))
}

impl Baseline {
    pub fn add(&mut self, path: &str, doc: &Document, findings: &[Finding]) {
        self.version = 1;
        for f in findings {
            self.entries.push(Entry {
                path: path.to_string(),
                rule: f.rule.to_string(),
                fingerprint: fingerprint(doc, f),
                line: doc.line_of(f.start),
            });
        }
    }

    /// Removes the findings the baseline knows (each entry absorbs one finding).
    pub fn filter(&self, path: &str, doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
        let mut known: Vec<(&str, &str)> = self
            .entries
            .iter()
            .filter(|e| e.path == path)
            .map(|e| (e.rule.as_str(), e.fingerprint.as_str()))
            .collect();
        findings
            .into_iter()
            .filter(|f| {
                let fp = fingerprint(doc, f);
                match known.iter().position(|k| k.0 == f.rule && k.1 == fp) {
                    Some(i) => {
                        known.swap_remove(i);
                        false
                    }
                    None => true,
                }
            })
            .collect()
    }
}
