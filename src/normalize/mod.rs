//! Stage 2: normalisation. Turns the text of a file, as extracted from PDF or
//! Word, into one logical block per line, keeping a source map so that every
//! later span is a byte range of the original file.
//!
//! Two passes, each with its own map: [`chars`] (line endings, invisible
//! characters, italics markers, NFC) and [`blocks`] (footers, header zone,
//! wrapped lines, hyphenation, footnote blocks).

pub mod blocks;
pub mod chars;
pub mod flat;
pub mod line_ends;
pub mod lines;
pub mod source_map;

pub use blocks::Block;
use source_map::{Bias, SourceMap};

use crate::lexicon::Language;

/// The normalised text of a document and the way back to the original bytes.
#[derive(Debug)]
pub struct Normalized {
    /// One block per line.
    pub text: String,
    pub blocks: Vec<Block>,
    block_map: SourceMap,
    /// Block breaks restored in flattened lines (`None`: none were).
    flat_map: Option<SourceMap>,
    char_map: SourceMap,
}

impl Normalized {
    /// The text had its line breaks lost and restored ([`flat`]).
    pub fn is_flattened(&self) -> bool {
        self.flat_map.is_some()
    }

    /// Maps a normalised offset to a byte offset of the original text.
    pub fn to_original(&self, offset: usize, bias: Bias) -> usize {
        let o = self.block_map.to_original(offset, bias);
        let o = match &self.flat_map {
            Some(m) => m.to_original(o, bias),
            None => o,
        };
        self.char_map.to_original(o, bias)
    }

    /// Maps a normalised range to an original range on character boundaries
    /// of `original`.
    pub fn span_to_original(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = crate::text::floor_char_boundary(original, self.to_original(start, Bias::Start));
        let mut e = self.to_original(end, Bias::End).min(original.len());
        while e < original.len() && !original.is_char_boundary(e) {
            e += 1;
        }
        (s, e.max(s))
    }
}

/// Normalises `original` for `lang`.
pub fn normalize(original: &str, lang: &Language) -> Normalized {
    let (clean, char_map) = chars::clean(original);
    let (clean, flat_map) = match flat::split(&clean, lang) {
        Some((split, map)) => (split, Some(map)),
        None => (clean, None),
    };
    let (text, block_map, blocks) = blocks::rebuild(&clean, lang, flat_map.is_some());
    Normalized {
        text,
        blocks,
        block_map,
        flat_map,
        char_map,
    }
}
