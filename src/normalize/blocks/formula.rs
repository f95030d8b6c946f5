//! An opening formula wrapped over two lines, as PDF extraction leaves the
//! long joint one ("THE COUNCIL OF THE EUROPEAN UNION AND THE
//! REPRESENTATIVES OF THE GOVERNMENTS OF THE" / "MEMBER STATES, MEETING
//! WITHIN THE COUNCIL,").

use super::super::lines::Line;
use crate::lexicon::{Language, Phrases};
use crate::shape::Shape;
use std::collections::HashSet;

/// Marks the first line of each wrapped formula as a formula in `shapes`;
/// returns the lines that continue one (the next non-blank line).
pub(super) fn mark_wrapped(
    text: &str,
    lines: &[Line],
    lang: &Language,
    shapes: &mut [Shape],
) -> HashSet<usize> {
    // A formula is written in capitals; most lines have a lower-case letter
    // and are never joined.
    let capitals = |l: &Line| {
        let t = l.text(text);
        !l.blank && !l.dropped && t.len() >= 8 && !t.chars().any(char::is_lowercase)
    };
    let mut tails = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if !capitals(line) || shapes.get(i) == Some(&Shape::Formula) {
            continue;
        }
        let Some(j) =
            (i + 1..lines.len().min(i + 3)).find(|&j| lines.get(j).is_some_and(|l| !l.blank))
        else {
            continue;
        };
        let Some(next) = lines.get(j).filter(|l| capitals(l)) else {
            continue;
        };
        let joined = format!("{} {}", line.text(text).trim(), next.text(text).trim());
        if lang.line_is(Phrases::Formula, &joined) {
            if let Some(s) = shapes.get_mut(i) {
                *s = Shape::Formula;
            }
            tails.insert(j);
        }
    }
    tails
}
