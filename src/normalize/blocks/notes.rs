//! Footnote definitions among the lines: where one starts (its number
//! confirmed by a reference, a run of notes or the foot of a page) and which
//! lines go on with it.

use super::{ends_terminated, Assembler, Open};
use crate::grammar;
use crate::shape::Shape;
use crate::text::{last_char, starts_lower};
use std::collections::HashSet;

/// The rule that opens a page's footnotes (`_________________`): no text of
/// the block it interrupts, which may go on after the notes.
pub(super) fn is_note_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'_')
}

impl Assembler<'_> {
    /// Is line `i` the start of footnote definition? Returns its number.
    pub(super) fn footnote_start(
        &self,
        i: usize,
        blank_before: bool,
        in_footnotes: bool,
        prev_line: Option<usize>,
        expected: u32,
        ref_values: &HashSet<u32>,
    ) -> Option<u32> {
        let t = self.content(i);
        let (n, superscript, len) = grammar::footnote_label(t)?;
        let rest = t.get(len..)?; // a label's length: a char boundary
        if rest.trim().is_empty() {
            return None;
        }
        // The rule that opens a page's notes ("_____") ends the text above.
        let prev_terminated = prev_line.is_some_and(|p| {
            let prev = self.content(p).trim();
            ends_terminated(prev) || is_note_rule(prev)
        });
        let indented = self.lines.get(i).is_some_and(|l| l.indent > 0);
        let boundary = blank_before || in_footnotes || prev_terminated || indented;
        if !boundary {
            return None;
        }
        if superscript {
            return Some(n);
        }
        // A plain number must continue the definitions' sequence, have been
        // referred to in the text above, and not be a date ("30 januari").
        let rest_trim = rest.trim_start();
        let first_word = crate::text::words(rest_trim)
            .next()
            .filter(|w| w.start == 0)
            .map(|w| w.text.to_lowercase());
        let is_follower = first_word.is_some_and(|w| {
            self.lang
                .structure
                .number_followers
                .iter()
                .any(|f| f.to_lowercase() == w)
        });
        if is_follower || n < expected || n > expected.saturating_add(5) {
            return None;
        }
        // Confirmed by a reference above it, by the definitions around it (a
        // run of notes), or by standing at the foot of a page (the next line
        // starts a new page). A note whose reference was lost is still a note.
        let referred = ref_values.contains(&n);
        let in_run = n == expected && in_footnotes;
        let followed = n == expected && self.note_followed_by_note_or_page(i, n.saturating_add(1));
        (referred || in_run || followed).then_some(n)
    }

    /// After this note's own continuation lines comes note `next` or a new
    /// page (a line with a leading space, or the end of the text).
    fn note_followed_by_note_or_page(&self, i: usize, next: u32) -> bool {
        let mut j = i;
        for _ in 0..8 {
            let Some((k, line)) = self.next_content(j) else {
                return true;
            };
            if line.indent > 0 {
                return true;
            }
            if let Some((m, _, _)) = grammar::footnote_label(self.content(k)) {
                return m == next;
            }
            if self.shape_of_raw(k) != Shape::Text {
                return false;
            }
            j = k;
        }
        false
    }

    pub(super) fn continues_footnote(&self, f: &Open, i: usize, blank_before: bool) -> bool {
        if self.lines.get(i).is_some_and(|l| l.indent > 0) {
            return false;
        }
        let t = self.content(i);
        // An `Open` is made with a line and only ever gains more.
        let Some(&last) = f.lines.last() else {
            return false;
        };
        let last = self.content(last);
        if !blank_before {
            return matches!(self.shape_of(i), Shape::Text);
        }
        // After a blank line only the continuation of an unfinished sentence
        // (on the same page, not a structural line) still belongs to it.
        !matches!(last_char(last), Some('.' | ';'))
            && (starts_lower(t) || self.shape_of_raw(i) == Shape::Text)
    }
}
