//! How a heading or a lone participle lead-in goes on over the lines after it.

use super::Open;
use crate::shape::Shape;
use crate::text::starts_upper;

/// A Roman heading goes on in its own case: in lower case, or in capitals
/// after capitals ("II. UZTICAMAS …" / "VEICINĀŠANA"); a sentence in
/// ordinary case after it is the first paragraph of its section ("I.
/// Ukraine" / "Rappelant ses conclusions …").
pub(super) fn roman_heading_goes_on(heading_line: &str, t: &str) -> bool {
    let caps_heading = !heading_line.chars().any(char::is_lowercase);
    let first_word = t.split_whitespace().next().unwrap_or_default();
    let caps_line = !first_word.chars().any(char::is_lowercase);
    !starts_upper(t) || caps_heading && caps_line
}

/// A participle alone on its line (`ATGĀDINOT`), or a head wholly in
/// capitals (`1. UPPMANAR MEDLEMSSTATERNA ATT`, as Swedish writes it),
/// introduces a list without a colon.
pub(super) fn lone_capitals_lead_in(open: &Open, prev: &str) -> bool {
    open.lines.len() == 1
        && matches!(
            open.shape,
            Shape::Verb { caps: true, .. } | Shape::Point { .. }
        )
        && prev.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !prev.chars().any(char::is_lowercase)
}

/// A head in capitals that introduces numbered points, on its line or
/// wrapped onto the next one ("INVITE THE MEMBER STATES, WHILE RESPECTING
/// … THE AUTONOMY OF" / "SPORT, TO:"): it starts a block even inside a
/// point that has no end punctuation.
pub(super) fn capitals_lead_in(t: &str, next: Option<&str>) -> bool {
    use super::super::line_ends::{is_capitals_lead_in, is_lead_in};
    let capitals = |s: &str| !s.chars().any(char::is_lowercase);
    if !capitals(t) {
        return false;
    }
    if is_lead_in(t) || is_capitals_lead_in(t) {
        return true;
    }
    next.is_some_and(|n| {
        let joined = format!("{} {}", t.trim_end(), n.trim());
        capitals(n) && (is_lead_in(&joined) || is_capitals_lead_in(&joined))
    })
}
