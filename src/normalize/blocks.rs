//! Rebuilding logical blocks (paragraphs, points, items, footnotes, header
//! lines) from hard-wrapped text.
//!
//! PDF extraction wraps lines, separates them with blank lines, breaks words
//! with hyphens and drops footnote blocks in the middle of paragraphs and
//! lists. This stage decides, line by line, whether a line starts a new block
//! or continues the open one, joins continued lines (removing line-break
//! hyphens), and emits one block per output line. A paragraph interrupted by a
//! footnote block is emitted whole, followed by its footnotes.

use super::line_ends::{
    ends_terminated, ends_with_reference, is_bare_capitals_head, is_capitals_lead_in, is_lead_in,
    join_kind, Join,
};
use super::lines::{self, Line};
use super::source_map::MappedBuilder;
use crate::grammar;
use crate::lexicon::Language;
use crate::refs;
use crate::shape::{self, PointCounter, Shape};
use crate::text::{last_char, starts_lower, starts_upper};
use headings::{capitals_lead_in, lone_capitals_lead_in, roman_heading_goes_on};
use std::collections::HashSet;
use title::names_text;

mod formula;
mod headings;
mod notes;
mod title;

/// A block of the normalised text: one logical unit on one output line. This
/// is the lexer's token: its shape says what the block is, `head` where its
/// own text starts after a label or bullet, and `label` where the label's
/// value stands (`a` of `(a)`, `1.1.` of a section, a header field's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    pub head: usize,
    pub label: Option<(usize, usize)>,
    /// A verb head that ends with a colon and introduces what follows.
    pub lead_in: bool,
    /// A short text block that names the text ("Council conclusions on …",
    /// "RESOLUTIE VAN DE RAAD …"): a title, wherever the front matter has it.
    pub names_text: bool,
    /// A numbered point headed by a recital participle (`1. HERINNEREND`).
    pub recital_point: bool,
    /// A numbered point headed by its own operative verb in capitals
    /// (`4. ATZĪST, ka …`): no item of a shared head above it.
    pub verb_point: bool,
}

/// A block being assembled: the indices of its lines.
#[derive(Debug)]
struct Open {
    lines: Vec<usize>,
    shape: Shape,
    /// A blank line stood between two of its lines (double-spaced extraction).
    spaced: bool,
}

/// Rebuilds blocks from cleaned text. Returns the normalised text (one block
/// per line), its map back to `text`, and the blocks. In `flat` text (line
/// breaks restored by [`super::flat`]) every line starts a block: the breaks
/// were put exactly where blocks start.
pub fn rebuild(
    text: &str,
    lang: &Language,
    flat: bool,
) -> (String, super::source_map::SourceMap, Vec<Block>) {
    let mut lines = lines::split(text);
    lines::mark_footers(text, &mut lines, lang);
    let header = lines::header_zone(text, &lines, lang);
    let mut raw_shapes: Vec<Shape> = lines
        .iter()
        .map(|l| {
            if l.blank || l.dropped {
                Shape::Text
            } else {
                shape::classify(lang, l.text(text), &PointCounter::any())
            }
        })
        .collect();
    let formula_tails = formula::mark_wrapped(text, &lines, lang, &mut raw_shapes);
    let mut asm = Assembler {
        text,
        lang,
        lines: &lines,
        raw_shapes,
        formula_tails,
        b: MappedBuilder::with_capacity(text.len()),
        blocks: Vec::new(),
        points: PointCounter::default(),
        flat,
        in_lead_points: false,
    };
    let body_from = header.last().and_then(|g| g.last()).map_or(0, |&i| i + 1);
    for group in header {
        asm.emit(Open {
            lines: group,
            shape: Shape::Header {
                field: crate::ast::HeaderField::Register,
            },
            spaced: false,
        });
    }
    asm.body(body_from);
    let (out, map) = asm.b.finish();
    (out, map, asm.blocks)
}

struct Assembler<'a> {
    text: &'a str,
    lang: &'a Language,
    lines: &'a [Line],
    /// Each line's shape, computed once, with any point number accepted; the
    /// point counter is applied in [`Assembler::shape_of`].
    raw_shapes: Vec<Shape>,
    /// Lines that go on with the formula of the line before (`formula.rs`).
    formula_tails: HashSet<usize>,
    b: MappedBuilder,
    blocks: Vec<Block>,
    points: PointCounter,
    flat: bool,
    /// The open block is a numbered point in ordinary case under a head
    /// that ends with a colon; more such points may follow.
    in_lead_points: bool,
}

impl<'a> Assembler<'a> {
    // Line indices (`i`, `Open::lines`) all come from enumerating
    // `self.lines` (here or in `lines::header_zone`), and `raw_shapes` has a
    // shape for each line: a look-up never misses, and would give an empty
    // line of text rather than panic.

    fn content(&self, i: usize) -> &'a str {
        self.lines.get(i).map_or("", |l| l.text(self.text))
    }

    fn shape_of(&self, i: usize) -> Shape {
        match self.shape_of_raw(i) {
            Shape::Point { number } if !self.points.accepts(number) => {
                // Out of sequence: not a point (`2016. Gada…`); what else is it?
                shape::classify(self.lang, self.content(i), &self.points)
            }
            s => s,
        }
    }

    fn body(&mut self, from: usize) {
        let mut cur: Option<Open> = None;
        let mut held: Option<Open> = None;
        let mut foot: Option<Open> = None;
        let mut pending: Vec<Open> = Vec::new();
        let mut blank_before = false;
        let mut expected_def = 1u32;
        let mut ref_values: HashSet<u32> = HashSet::new();
        let mut prev_line: Option<usize> = None;

        for (i, line) in self.lines.iter().enumerate().skip(from) {
            if line.dropped {
                continue;
            }
            if line.blank {
                blank_before = true;
                continue;
            }
            let t = self.content(i);
            if notes::is_note_rule(t) {
                // Left out like a blank line; the notes under it see it.
                blank_before = true;
                prev_line = Some(i);
                continue;
            }

            // A footnote definition?
            if let Some(number) = self.footnote_start(
                i,
                blank_before,
                foot.is_some(),
                prev_line,
                expected_def,
                &ref_values,
            ) {
                if let Some(f) = foot.take() {
                    pending.push(f);
                }
                if cur.is_some() {
                    held = cur.take();
                }
                foot = Some(Open {
                    lines: vec![i],
                    shape: Shape::Footnote { number },
                    spaced: false,
                });
                expected_def = number.saturating_add(1); // a label may be as large as u32::MAX
                blank_before = false;
                prev_line = Some(i);
                continue;
            }
            if let Some(f) = foot.as_mut() {
                if self.continues_footnote(f, i, blank_before) {
                    f.lines.push(i);
                    blank_before = false;
                    prev_line = Some(i);
                    continue;
                }
            }
            // The footnote did not go on: it is complete.
            pending.extend(foot.take());

            for c in refs::candidates(t) {
                ref_values.insert(c.number);
            }

            if cur.is_none() {
                if let Some(h) = held.take() {
                    if self.starts_block(&h, i, false) {
                        self.emit(h);
                        self.flush(&mut pending);
                    } else {
                        cur = Some(h);
                    }
                }
            }
            match cur.as_mut() {
                Some(open) if !self.starts_block(open, i, blank_before) => {
                    open.spaced |= blank_before;
                    open.lines.push(i)
                }
                _ => {
                    if let Some(open) = cur.take() {
                        self.emit(open);
                        self.flush(&mut pending);
                    }
                    let shape = match self.lead_point(i, prev_line) {
                        Some(number) => {
                            self.points.last = number;
                            Shape::Point { number }
                        }
                        None => self.start_shape(i, blank_before),
                    };
                    self.in_lead_points = matches!(shape, Shape::Point { .. })
                        && (self.in_lead_points || self.lead_point(i, prev_line).is_some());
                    cur = Some(Open {
                        lines: vec![i],
                        shape,
                        spaced: false,
                    });
                }
            }
            blank_before = false;
            prev_line = Some(i);
        }
        if let Some(open) = cur.or(held) {
            self.emit(open);
        }
        self.flush(&mut pending);
        if let Some(f) = foot {
            self.emit(f);
        }
    }

    /// The shape a new block takes, updating the point counter.
    /// A numbered point in ordinary case under a head that ends with a
    /// colon (`INVITES THE MEMBER STATES TO:` / `1. foster …;` / `2. support
    /// …`): its number, when it continues the sequence. Elsewhere a point
    /// must start with a capital or a verb (`2016. gada` is no point).
    fn lead_point(&self, i: usize, prev_line: Option<usize>) -> Option<u32> {
        let t = self.content(i);
        let (n, len) = grammar::point_label(t)?;
        let rest = t.get(len..)?; // a label's length: a char boundary
        let word = crate::text::words(rest).next()?;
        let follower = self
            .lang
            .structure
            .number_followers
            .iter()
            .any(|f| crate::text::eq_ignore_case(f, word.text));
        let after_lead = prev_line.is_some_and(|p| self.content(p).trim_end().ends_with(':'));
        (word.start == 0
            && starts_lower(rest)
            && !follower
            && self.points.accepts(n)
            && (after_lead || self.in_lead_points))
            .then_some(n)
    }

    fn start_shape(&mut self, i: usize, _blank_before: bool) -> Shape {
        let shape = self.shape_of(i);
        match shape {
            Shape::Point { number } => self.points.last = number,
            // Numbering restarts in the annex (a cover note may have its own).
            Shape::Annex | Shape::Formula => self.points.last = 0,
            Shape::Text if self.is_heading_start(i, false) => return Shape::Heading,
            _ => {}
        }
        shape
    }

    fn flush(&mut self, pending: &mut Vec<Open>) {
        for f in pending.drain(..) {
            self.emit(f);
        }
    }

    /// The raw shape of line `i` (see [`Assembler::raw_shapes`]).
    fn shape_of_raw(&self, i: usize) -> Shape {
        self.raw_shapes.get(i).copied().unwrap_or(Shape::Text)
    }
    /// The first line after `i` with content: its index and the line.
    fn next_content(&self, i: usize) -> Option<(usize, &'a Line)> {
        self.lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, l)| !l.blank && !l.dropped)
    }

    /// The text of the open point `open` does not open with a verb in
    /// capitals after its label (on the label's line, or on the next when
    /// the label stands alone): no verb head of its own, a point that
    /// carries a shared head's verb.
    fn point_in_ordinary_case(&self, open: &Open) -> bool {
        let mut lines = open.lines.iter().map(|&l| self.content(l));
        let Some(first) = lines.next() else {
            return false;
        };
        let after_label = match grammar::point_label(first) {
            Some((_, len)) => first.get(len..).unwrap_or_default(),
            None if shape::bare_point_label(first).is_some() => "",
            None => first,
        };
        let text = if after_label.trim().is_empty() {
            lines.next().unwrap_or_default()
        } else {
            after_label
        };
        crate::text::words(text).next().is_some_and(|w| {
            !crate::text::is_all_caps(w.text)
                || !self.lang.is_verb_start(&crate::lexicon::upper(w.text))
        })
    }

    /// Does line `i` start a new block after the open block `open`?
    fn starts_block(&self, open: &Open, i: usize, blank_before: bool) -> bool {
        if self.flat {
            return true;
        }
        // An `Open` is made with a line and only ever gains more.
        let (Some(&first_line), Some(&last_line)) = (open.lines.first(), open.lines.last()) else {
            return true;
        };
        if self.lead_point(i, Some(last_line)).is_some()
            && (self.in_lead_points || self.content(first_line).trim_end().ends_with(':'))
        {
            return true;
        }
        // A label alone on its line (`1.`, `a)`): its text is the next line.
        let label_line = self.content(first_line);
        if open.lines.len() == 1
            && matches!(open.shape, Shape::Point { .. } | Shape::SubPoint)
            && (shape::bare_point_label(label_line).is_some()
                || shape::is_bare_subpoint_label(label_line))
        {
            return !matches!(
                self.shape_of(i),
                Shape::Text | Shape::Verb { .. } | Shape::Narrative | Shape::Bullet { .. }
            );
        }
        let t = self.content(i);
        let prev = self.content(last_line);
        let term = ends_terminated(prev);
        let shape = self.shape_of(i);
        if open.shape == Shape::Formula && self.formula_tails.contains(&i) {
            return false;
        }
        if matches!(
            open.shape,
            Shape::Transition
                | Shape::Formula
                | Shape::Annex
                | Shape::Header { .. }
                | Shape::Footnote { .. }
        ) {
            return true;
        }
        let numbered = matches!(open.shape, Shape::Point { .. } | Shape::SubPoint);
        match shape {
            Shape::Transition | Shape::Formula | Shape::Annex | Shape::Point { .. } => true,
            Shape::Roman { .. } | Shape::Section => {
                term || blank_before || open.shape == Shape::Heading
            }
            Shape::Letter { .. } | Shape::SubPoint => term,
            Shape::Bullet { bullet } => {
                matches!(open.shape, Shape::Bullet { bullet: b } if b == bullet)
                    // Set off by a blank line from an item, a bullet of
                    // another style is the next item (with a mixed bullet),
                    // not a dash that wrapped: otherwise fixing the bullet
                    // would change what the list holds.
                    || blank_before && matches!(open.shape, Shape::Bullet { .. })
                    // A heading never runs on into a list item.
                    || matches!(
                        open.shape,
                        Shape::Heading | Shape::Roman { .. } | Shape::Section
                    )
                    || term
                    || ends_with_reference(prev)
                    || lone_capitals_lead_in(open, prev)
            }
            Shape::Verb { caps, .. } => {
                // A shared head (`UNTER BETONUNG, DASS:`) after a finished
                // point heads the next points.
                // So does one written wholly in capitals after a point that
                // has no end punctuation (Danish Official Journal items).
                let next = self
                    .lines
                    .get(i + 1)
                    .filter(|l| !l.blank)
                    .map(|l| l.text(self.text));
                if numbered && caps && (term && is_lead_in(t) || capitals_lead_in(t, next)) {
                    return true;
                }
                if matches!(open.shape, Shape::Roman { .. }) && !term {
                    return !roman_heading_goes_on(prev, t);
                }
                if numbered {
                    // In numbered points a capitalised verb starts a sentence
                    // of the same point, not a new block; but a point in
                    // ordinary case (an item of a shared head: "1." / "the
                    // strategy recognises …;") has no verb of its own to go
                    // on from, so a finished one ends at a capitalised head
                    // ("TAKING INTO ACCOUNT …,", the recital after the items).
                    return caps && term && self.point_in_ordinary_case(open);
                }
                open.shape == Shape::Heading || (term && (caps || starts_upper(t)))
            }
            // A narrative sentence ("The Council recalls …") starts a
            // paragraph after a sentence end; in a numbered point it is the
            // point's next sentence.
            Shape::Narrative => {
                open.shape == Shape::Heading
                    || !numbered && matches!(last_char(prev), Some('.' | ';' | ':'))
            }
            Shape::Text | Shape::Heading | Shape::Footnote { .. } | Shape::Header { .. } => {
                if open.shape == Shape::Heading {
                    // A heading wrapped over two lines goes on in lower case;
                    // a capital that heads units of its own is the next heading.
                    return starts_upper(t) && self.is_heading_start(i, numbered);
                }
                if matches!(open.shape, Shape::Roman { .. }) {
                    return !roman_heading_goes_on(prev, t);
                }
                if open.shape == Shape::Section {
                    // "1.1. Konteksts" stands on its own line, wrapped sections don't.
                    return !starts_lower(t);
                }
                if blank_before && !open.spaced && open.lines.len() >= 2 && !starts_lower(t) {
                    // Single-spaced text: a blank line ends the paragraph.
                    return true;
                }
                if term && starts_upper(t) && self.is_heading_start(i, numbered) {
                    return true;
                }
                if numbered {
                    return false;
                }
                // A list item that ended with its terminator is complete: a
                // capitalised line after a blank one starts something new.
                let item_done =
                    matches!(open.shape, Shape::Bullet { .. }) && last_char(prev) == Some(';');
                // After a clause's `;`, a word in capitals opens the next
                // block ("HEREBY AGREE:"), not a wrapped line.
                let first_word = t.split_whitespace().next().unwrap_or_default();
                let clause_done =
                    last_char(prev) == Some(';') && crate::text::is_all_caps(first_word);
                blank_before
                    && (item_done
                        || clause_done
                        || matches!(last_char(prev), Some('.' | ':' | '!' | '?')))
                    && starts_upper(t)
            }
        }
    }

    /// Is line `i` the first line of a plain heading? It starts with a capital,
    /// it and its wrapped lines end without punctuation, and a verb-headed
    /// block, a numbered point or another heading follows. Between numbered
    /// points (`numbered`) only a numbered point or section may follow: a
    /// capitalised verb there continues the point.
    fn is_heading_start(&self, i: usize, numbered: bool) -> bool {
        self.is_heading_start_at(i, numbered, 0)
    }

    fn is_heading_start_at(&self, i: usize, numbered: bool, depth: u8) -> bool {
        let t = self.content(i);
        if !starts_upper(t) {
            return false;
        }
        let mut group_len = 0;
        let mut last = i;
        for (j, l) in self.lines.iter().enumerate().skip(i) {
            if l.blank || l.dropped {
                continue;
            }
            if j > i {
                let s = self.shape_of(j);
                // Only a short group, set off by a blank line, can end as a
                // heading without a unit right after it.
                // (`last < j`: `last` is `i` or an earlier `j`.)
                let short_group = last <= i + 2
                    && group_len <= 200
                    && self
                        .lines
                        .get(last + 1..j)
                        .is_some_and(|gap| gap.iter().any(|l| l.blank));
                let last_open = !ends_terminated(self.content(last)) && short_group;
                // A footnote block right under a heading (the page ended).
                // Each line of the group followed by a blank one (double spacing).
                let spaced_lines = self.lines.get(i..=last).is_some_and(|group| {
                    group
                        .windows(2)
                        .all(|pair| matches!(pair, [a, b] if a.blank || b.blank))
                });
                if last_open
                    && (last == i || spaced_lines)
                    && s == Shape::Text
                    && grammar::footnote_label(self.content(j)).is_some()
                {
                    return true;
                }
                // Another heading right under this one (a capital after an
                // unfinished line): this heading ends here.
                if last_open && s == Shape::Text && starts_upper(self.content(j)) && depth < 1 {
                    return self.is_heading_start_at(j, numbered, depth + 1);
                }
                if s != Shape::Text {
                    let follows = if numbered {
                        matches!(s, Shape::Point { .. } | Shape::Roman { .. })
                    } else {
                        matches!(
                            s,
                            Shape::Verb { .. }
                                | Shape::Narrative
                                | Shape::Point { .. }
                                | Shape::Roman { .. }
                                | Shape::Letter { .. }
                                | Shape::Section
                        )
                    };
                    return !ends_terminated(self.content(last)) && follows;
                }
                if ends_terminated(self.content(last)) {
                    return false;
                }
            }
            group_len += l.end - l.start;
            last = j;
            if group_len > 300 || j > i + 8 {
                return false;
            }
        }
        false
    }

    /// Writes one block: its lines joined into one output line.
    fn emit(&mut self, open: Open) {
        let lines = self.lines;
        if !self.blocks.is_empty() {
            if let Some(first) = open.lines.first().and_then(|&i| lines.get(i)) {
                self.b.replace(first.start, first.start, "\n");
            }
        }
        let start = self.b.out().len();
        // Each line but the last, joined to the next one (line indices
        // increase along a block, so `this_i < next_i`).
        for pair in open.lines.windows(2) {
            let &[this_i, next_i] = pair else {
                continue;
            };
            let (Some(line), Some(next)) = (lines.get(this_i), lines.get(next_i)) else {
                continue;
            };
            let adjacent = lines
                .get(this_i + 1..next_i)
                .is_some_and(|gap| gap.iter().all(|l| l.blank || l.dropped));
            let gap_end = if adjacent { next.start } else { line.end };
            let this = line.text(self.text);
            let next_text = next.text(self.text);
            match join_kind(self.lang, this, next_text) {
                Join::RemoveHyphen => {
                    self.b.copy(self.text, line.start, line.end - 1);
                    self.b.replace(line.end - 1, gap_end.max(line.end), "");
                }
                Join::KeepHyphen => {
                    self.b.copy(self.text, line.start, line.end);
                    self.b.replace(line.end, gap_end, "");
                }
                Join::Space => {
                    self.b.copy(self.text, line.start, line.end);
                    self.b.replace(line.end, gap_end, " ");
                }
            }
        }
        if let Some(last) = open.lines.last().and_then(|&i| lines.get(i)) {
            self.b.copy(self.text, last.start, last.end);
        }
        let end = self.b.out().len();
        // `start` was the length of the output, which only grew since: a
        // char boundary, so `get` never fails.
        let text = self.b.out().get(start..).unwrap_or_default();
        let (shape, head) = match open.shape {
            Shape::Header { .. } => {
                let (field, name_len) = lines::header_field_kind(text, self.lang);
                let label = name_len.map(|n| (0, n));
                (Shape::Header { field }, shape::Head { len: 0, label })
            }
            s => (s, shape::head(s, text)),
        };
        let lead_in = matches!(shape, Shape::Verb { .. })
            && (is_lead_in(text) || is_capitals_lead_in(text) || is_bare_capitals_head(text));
        let names_text = shape == Shape::Text && names_text(self.lang, text);
        let point_verb = matches!(shape, Shape::Point { .. })
            .then(|| shape::head_verb(self.lang, text.get(head.len..).unwrap_or_default()))
            .flatten();
        let recital_point =
            point_verb.is_some_and(|(role, _)| role == crate::lexicon::Role::Preamble);
        let verb_point = point_verb == Some((crate::lexicon::Role::Operative, true));
        self.blocks.push(Block {
            start,
            end,
            shape,
            head: start + head.len,
            label: head.label.map(|(s, e)| (start + s, start + e)),
            lead_in,
            names_text,
            recital_point,
            verb_point,
        });
    }
}

#[cfg(test)]
mod tests;
