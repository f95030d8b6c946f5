//! Stage 4: the document grammar. The lexer's tokens (one [`Block`] per
//! logical block, each with its [`Shape`]) are written as a shape string, one
//! ASCII character per block, and `grammar/document.pest` parses that string
//! into the structure of the document: header, front matter, preamble,
//! operative part, units, lists and footnotes. pest's byte offsets in the
//! shape string are block indices; [`build`] maps the pairs to tree nodes.
//!
//! This module and `build.rs` are the only code that sees pest `Pairs` of
//! the document grammar.

mod build;
pub mod draft;

pub use build::{build, Skeleton};

use crate::lexicon::Role;
use crate::normalize::Block;
use crate::shape::Shape;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/document.pest"]
pub struct DocumentGrammar;

/// The character a block stands for in the shape string (the token table in
/// `grammar/document.pest`).
pub fn token_char(block: &Block) -> u8 {
    match block.shape {
        Shape::Verb {
            role: Role::Preamble,
            ..
        } if block.lead_in => b'R',
        Shape::Verb {
            role: Role::Operative,
            ..
        } if block.lead_in => b'O',
        Shape::Header { .. } => b'H',
        Shape::Formula => b'F',
        Shape::Annex => b'A',
        Shape::Transition => b'T',
        Shape::Verb {
            role: Role::Preamble,
            ..
        } => b'r',
        Shape::Verb {
            role: Role::Operative,
            ..
        } => b'o',
        Shape::Letter {
            verb: Some(Role::Preamble),
        } => b'E',
        Shape::Letter {
            verb: Some(Role::Operative),
        } => b'e',
        Shape::Letter { verb: None } => b'l',
        Shape::Narrative => b's',
        Shape::Point { .. } if block.recital_point => b'Q',
        Shape::Point { .. } if block.verb_point => b'V',
        Shape::Point { .. } => b'P',
        Shape::SubPoint => b'S',
        Shape::Roman { .. } => b'N',
        Shape::Section => b'C',
        Shape::Heading => b'h',
        Shape::Bullet { .. } => b'B',
        Shape::Footnote { .. } => b'n',
        Shape::Text if block.names_text => b't',
        Shape::Text => b'x',
    }
}

/// The shape string of a block sequence: block `i` is byte `i`.
pub fn shape_string(blocks: &[Block]) -> String {
    blocks.iter().map(|b| char::from(token_char(b))).collect()
}

/// A block sequence the grammar could not parse, located at the block where
/// parsing stopped (the grammar is total, so this marks a defect of the
/// grammar itself; the tree is then built from the blocks one by one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Range of the block in the normalised text.
    pub norm: (usize, usize),
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use pest::Parser;

    fn parses(shapes: &str) -> bool {
        DocumentGrammar::parse(Rule::document, shapes).is_ok()
    }

    #[test]
    fn every_token_string_parses() {
        // The grammar is total: any sequence of tokens has a tree.
        let alphabet = b"HFATroROEelPSNChBnxs";
        for &a in alphabet {
            for &b in alphabet {
                for &c in alphabet {
                    let s: String = [a, b, c].iter().map(|&x| char::from(x)).collect();
                    assert!(parses(&s), "{s}");
                }
            }
        }
        assert!(parses(""));
    }

    fn top_rules(shapes: &str) -> Vec<(Rule, usize)> {
        let doc = DocumentGrammar::parse(Rule::document, shapes)
            .unwrap()
            .next()
            .unwrap();
        let mut out = Vec::new();
        for p in doc.into_inner() {
            match p.as_rule() {
                Rule::preamble | Rule::operative_part => {
                    out.extend(p.into_inner().map(|q| (q.as_rule(), q.as_span().start())))
                }
                Rule::EOI => {}
                r => out.push((r, p.as_span().start())),
            }
        }
        out
    }

    #[test]
    fn front_matter_header_title_formula() {
        assert_eq!(
            top_rules("HHxxFrrTo"),
            [
                (Rule::header, 0),
                (Rule::cover_before_formula, 2),
                (Rule::title, 3),
                (Rule::opening_formula, 4),
                (Rule::recital, 5),
                (Rule::recital, 6),
                (Rule::transition, 7),
                (Rule::verb_paragraph, 8),
            ]
        );
    }

    #[test]
    fn annex_splits_cover_note_from_conclusions() {
        // A cover note with its own numbered points, then the annex.
        let rules: Vec<Rule> = top_rules("xPPAxFro").into_iter().map(|r| r.0).collect();
        assert_eq!(
            rules,
            [
                Rule::cover_before_annex,
                Rule::annex_marker,
                Rule::title,
                Rule::opening_formula,
                Rule::recital,
                Rule::verb_paragraph
            ]
        );
    }

    #[test]
    fn operative_verb_before_more_recitals_is_a_recital() {
        let rules: Vec<Rule> = top_rules("FrorTo").into_iter().map(|r| r.0).collect();
        assert_eq!(
            rules,
            [
                Rule::opening_formula,
                Rule::recital,
                // Before a transition, an operative verb heads a recital.
                Rule::finite_recital,
                Rule::recital,
                Rule::transition,
                Rule::verb_paragraph
            ]
        );
        // After a numbered point every verb heads an operative unit.
        let rules: Vec<Rule> = top_rules("FPr").into_iter().map(|r| r.0).collect();
        assert_eq!(
            rules,
            [Rule::opening_formula, Rule::point, Rule::verb_paragraph]
        );
    }
}
