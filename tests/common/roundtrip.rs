//! The `--fix` round trip, shared by `tests/fix_roundtrip.rs` and the
//! `fix_roundtrip` fuzz target: fixing adds no finding (no rule has more
//! findings after the fix than before) and loses no text: every fix offered
//! keeps the letters and digits of the bytes it replaces (case aside), except
//! a verb misspelling, which may change only a few of them.

use conclint::lint::{config::Config, lint, Finding};
use std::collections::BTreeMap;

/// Letters and digits, lower-cased: what a case, bullet or spacing fix keeps.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn counts(findings: &[Finding]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for f in findings {
        *m.entry(f.rule).or_insert(0) += 1;
    }
    m
}

/// Panics, naming the rule, if fixing `text` loses text or adds a finding.
pub fn check(text: &str) {
    let config = Config::default();
    let before = lint(&conclint::parse::parse(text.to_string(), None), &config);
    // Replay the passes `fix_text` makes, checking every fix offered.
    let mut current = text.to_string();
    for _ in 0..4 {
        let findings = lint(&conclint::parse::parse(current.clone(), None), &config);
        let mut fixes = Vec::new();
        for f in findings {
            let (Some(fix), rule) = (f.fix, f.rule) else {
                continue;
            };
            let Some(old) = current.get(fix.start..fix.end) else {
                panic!(
                    "{rule}: fix span {}..{} is not in the text",
                    fix.start, fix.end
                )
            };
            let (a, b) = (letters(old), letters(&fix.replacement));
            if rule == "verb-unknown" {
                let allowed = 2.max(a.chars().count() / 3);
                assert!(
                    strsim::levenshtein(&a, &b) <= allowed,
                    "{rule}: {old:?} -> {:?} changes too much",
                    fix.replacement
                );
            } else {
                assert_eq!(a, b, "{rule}: {old:?} -> {:?} loses text", fix.replacement);
            }
            fixes.push(fix);
        }
        let (next, n) = conclint::fix::apply(&current, &fixes);
        if n == 0 || next == current {
            break;
        }
        current = next;
    }
    let (fixed, _) = conclint::fix::fix_text(text, None, &config);
    assert_eq!(fixed, current, "fix_text and the replay agree");
    let after = lint(&conclint::parse::parse(fixed, None), &config);
    let (was, now) = (counts(&before), counts(&after));
    for (rule, n) in &now {
        let old = was.get(rule).copied().unwrap_or(0);
        assert!(
            *n <= old,
            "{rule}: {old} findings before the fix, {n} after"
        );
    }
}
