//! Resolving footnote references against footnote definitions.
//!
//! Superscript digits are references wherever they stand. Plain digits
//! (`Europa1`, `over 20136`, `kibertelpa" 1,`) are references only when a
//! definition with that number exists and the reference fits the sequence:
//! the reference to note N lies after the reference to note N-1 and before
//! the definition of N. Among several candidates the clearest form wins
//! (glued to a word, then glued to a year, then standing alone), then the
//! first.

use crate::refs::{RefCandidate, RefStyle};

/// A footnote definition: its number and where it starts (normalised offset).
#[derive(Debug, Clone, Copy)]
pub struct Definition {
    pub number: u32,
    pub pos: usize,
}

/// How many candidates one definition may look through: keeps hostile input
/// (many definitions, no references) linear.
const SCAN_LIMIT: usize = 5_000;

/// Picks the references among `candidates` (sorted by position). Returns them
/// sorted by position.
pub fn resolve(candidates: &[RefCandidate], defs: &[Definition]) -> Vec<RefCandidate> {
    let mut out: Vec<RefCandidate> = candidates
        .iter()
        .copied()
        .filter(|c| c.style == RefStyle::Superscript)
        .collect();
    let mut from = 0usize; // index of the first candidate after the last reference
    let mut used = vec![false; candidates.len()];
    let mut unresolved = Vec::new();
    for def in defs {
        let mut best: Option<(usize, RefCandidate)> = None;
        for (k, c) in candidates.iter().enumerate().skip(from).take(SCAN_LIMIT) {
            if c.start >= def.pos {
                break;
            }
            if c.number != def.number {
                continue;
            }
            if best.is_none_or(|(_, b)| c.style < b.style) {
                best = Some((k, *c));
            }
        }
        if let Some((k, c)) = best {
            if c.style != RefStyle::Superscript {
                out.push(c);
            }
            // `k` enumerates `candidates`, as long as `used`.
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
            from = k + 1;
        } else {
            unresolved.push(def);
        }
    }
    // A reference out of sequence (`…Decade2 … posture1`): take the nearest
    // unused candidate with the note's number before its definition, so that
    // `footnote-order` can report it instead of the note looking unused.
    for def in unresolved {
        let found = candidates
            .iter()
            .zip(&used)
            .enumerate()
            .take_while(|(_, (c, _))| c.start < def.pos)
            .filter(|&(_, (c, &u))| {
                !u && c.number == def.number
                    && c.style != RefStyle::Superscript
                    && c.style != RefStyle::Bare
            })
            .map(|(k, (c, _))| (k, c))
            .last();
        if let Some((k, c)) = found {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
            out.push(*c);
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refs::candidates;

    #[test]
    fn year_glued_reference_is_found_through_the_sequence() {
        let text = "over Europa1 en 2014 over 20136, G7 en\nD";
        let cands = candidates(text);
        let def_pos = text.len() - 1;
        let defs = [
            Definition {
                number: 1,
                pos: def_pos,
            },
            Definition {
                number: 6,
                pos: def_pos,
            },
        ];
        let refs = resolve(&cands, &defs);
        let found: Vec<(u32, &str)> = refs
            .iter()
            .map(|r| (r.number, text.get(r.start..r.end).unwrap()))
            .collect();
        assert_eq!(found, [(1, "1"), (6, "6")]);
        assert_eq!(text.get(refs[1].start - 4..refs[1].start), Some("2013"));
    }

    #[test]
    fn swapped_glued_references_are_still_found() {
        let text = "Decade2 and posture1,\nD";
        let pos = text.len() - 1;
        let defs = [Definition { number: 1, pos }, Definition { number: 2, pos }];
        let refs = resolve(&candidates(text), &defs);
        assert_eq!(refs.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 1]);
    }

    #[test]
    fn digits_without_definition_are_not_references() {
        let text = "de G7 en EU27, en COVID19.";
        assert!(resolve(&candidates(text), &[]).is_empty());
    }
}
