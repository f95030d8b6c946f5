//! Maps byte offsets of a normalised text back to the original file.
//!
//! The normaliser never edits text in place: it builds its output from
//! segments that either copy a range of its input verbatim or replace a range
//! of its input with other text. Every later stage works on normalised text
//! and reports spans through [`SourceMap::to_original`], so diagnostics always
//! point at the bytes the user wrote.

/// One piece of the output: `out` bytes that stand for `src` bytes of the input.
///
/// Offsets are stored in 32 bits (a map has a segment or two per line, so
/// this halves what it weighs); input is limited to
/// [`crate::input::HARD_MAX_BYTES`], well below `u32::MAX`, so they fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    out_start: u32,
    out_end: u32,
    src_start: u32,
    src_end: u32,
    /// The output bytes are an exact copy of the source bytes (offsets map 1:1).
    exact: bool,
}

/// A segment with its offsets widened, to compute with.
#[derive(Clone, Copy)]
struct Wide {
    out_start: usize,
    out_end: usize,
    src_start: usize,
    src_end: usize,
    exact: bool,
}

impl Segment {
    fn new(out: (usize, usize), src: (usize, usize), exact: bool) -> Segment {
        // Saturating: unreachable below the input limit, and never a panic.
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Segment {
            out_start: n(out.0),
            out_end: n(out.1),
            src_start: n(src.0),
            src_end: n(src.1),
            exact,
        }
    }

    fn wide(self) -> Wide {
        Wide {
            out_start: self.out_start as usize,
            out_end: self.out_end as usize,
            src_start: self.src_start as usize,
            src_end: self.src_end as usize,
            exact: self.exact,
        }
    }
}

/// A list of segments sorted by output offset.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

/// Which side of a replaced range an offset inside it maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    /// Map to the start of the replaced source range (use for span starts).
    Start,
    /// Map to the end of the replaced source range (use for span ends).
    End,
}

impl SourceMap {
    /// Maps an output offset back to an input offset.
    pub fn to_original(&self, offset: usize, bias: Bias) -> usize {
        // Last segment whose out_start <= offset; zero-length segments at the same
        // offset are skipped in favour of the following non-empty one when biased
        // to Start, so that a span start never falls into a deleted range.
        let idx = self
            .segments
            .partition_point(|s| s.out_start as usize <= offset);
        let idx = idx.saturating_sub(1);
        // `None` only for an empty map, which maps every offset to itself.
        let Some(seg) = self.segments.get(idx) else {
            return offset;
        };
        let mut seg = seg.wide();
        if bias == Bias::End && offset == seg.out_start {
            // An end offset at a segment boundary belongs to the previous non-empty
            // segment: a span that ends before a deleted hyphen must not swallow it.
            for prev in self.segments.iter().take(idx).rev() {
                let prev = prev.wide();
                if prev.out_end == offset && prev.out_start < prev.out_end {
                    seg = prev;
                    break;
                }
                if prev.out_end < offset {
                    break;
                }
            }
        }
        if offset >= seg.out_end && offset != seg.out_start {
            // Past the last byte of the output: clamp to the end of the source.
            return seg.src_end;
        }
        if seg.exact {
            seg.src_start + (offset - seg.out_start).min(seg.src_end - seg.src_start)
        } else if offset == seg.out_start && bias == Bias::Start {
            seg.src_start
        } else if offset >= seg.out_end || bias == Bias::End {
            seg.src_end
        } else {
            seg.src_start
        }
    }

    /// Number of segments (for tests and statistics).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// True when the map has no segments.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

/// Builds an output string together with its [`SourceMap`].
#[derive(Debug, Default)]
pub struct MappedBuilder {
    out: String,
    segments: Vec<Segment>,
}

impl MappedBuilder {
    pub fn with_capacity(cap: usize) -> Self {
        MappedBuilder {
            out: String::with_capacity(cap),
            segments: Vec::new(),
        }
    }

    /// Appends `src[range]` verbatim.
    pub fn copy(&mut self, src: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        // Every caller passes char boundaries of `src` (line ends, offsets
        // from `char_indices`, ASCII bytes), so this never fails; a range
        // that did would be a bug, caught in debug builds and skipped in
        // release rather than a crash on somebody's file.
        let Some(part) = src.get(start..end) else {
            debug_assert!(false, "copy of {start}..{end}: not a char range of src");
            return;
        };
        let out_start = self.out.len();
        self.out.push_str(part);
        let merged = Segment::new((out_start, self.out.len()), (start, end), true);
        if let Some(last) = self.segments.last_mut() {
            if last.exact && last.out_end == merged.out_start && last.src_end == merged.src_start {
                last.out_end = merged.out_end;
                last.src_end = merged.src_end;
                return;
            }
        }
        self.segments.push(merged);
    }

    /// Appends `text` standing for the source range `start..end` (which may be empty,
    /// and `text` may be empty too: a deletion).
    pub fn replace(&mut self, start: usize, end: usize, text: &str) {
        let out_start = self.out.len();
        self.out.push_str(text);
        self.segments.push(Segment::new(
            (out_start, self.out.len()),
            (start, end.max(start)),
            false,
        ));
    }

    pub fn out(&self) -> &str {
        &self.out
    }

    pub fn finish(mut self) -> (String, SourceMap) {
        // The map lives as long as the document: give back what doubling
        // the vector reserved.
        self.segments.shrink_to_fit();
        (
            self.out,
            SourceMap {
                segments: self.segments,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_map_one_to_one_and_replacements_to_their_range() {
        let src = "ab\r\ncd";
        let mut b = MappedBuilder::default();
        b.copy(src, 0, 2);
        b.replace(2, 4, "\n");
        b.copy(src, 4, 6);
        let (out, map) = b.finish();
        assert_eq!(out, "ab\ncd");
        assert_eq!(map.to_original(1, Bias::Start), 1);
        assert_eq!(map.to_original(2, Bias::Start), 2);
        assert_eq!(map.to_original(3, Bias::End), 4);
        assert_eq!(map.to_original(3, Bias::Start), 4);
        assert_eq!(map.to_original(4, Bias::Start), 5);
        assert_eq!(map.to_original(5, Bias::End), 6);
    }

    #[test]
    fn deletion_keeps_end_offsets_before_the_deleted_range() {
        let src = "inter-\nnationale";
        let mut b = MappedBuilder::default();
        b.copy(src, 0, 5);
        b.replace(5, 7, "");
        b.copy(src, 7, src.len());
        let (out, map) = b.finish();
        assert_eq!(out, "internationale");
        assert_eq!(map.to_original(0, Bias::Start), 0);
        assert_eq!(map.to_original(5, Bias::Start), 7);
        assert_eq!(map.to_original(5, Bias::End), 5);
        assert_eq!(map.to_original(out.len(), Bias::End), src.len());
    }
}
