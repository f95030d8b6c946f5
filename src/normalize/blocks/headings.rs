//! How a heading goes on over the lines after it.

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
