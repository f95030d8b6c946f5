//! The rule registry: every rule, in the order `conclint rules` lists them.

use super::Rule;
use crate::ast::Kind;

mod bracketed_text;
mod brackets;
mod bullet_style;
mod clause_terminator;
mod draft_marker;
mod elision;
mod footnote_order;
mod footnote_spacing;
mod footnote_undefined;
mod footnote_unused;
mod header;
mod heading_sequence;
mod list_item_terminator;
mod list_lead_in;
mod numbering;
mod placeholder;
mod quotes;
mod subject_title_mismatch;
mod verb_case;
mod verb_consistency;
mod verb_in_list_item;
mod verb_role;
mod verb_unknown;

/// Each rule file declares `META`, `KINDS` (the node kinds it inspects) and
/// `CHECK`.
macro_rules! rule {
    ($m:ident) => {
        Rule {
            meta: &$m::META,
            kinds: $m::KINDS,
            check: $m::CHECK,
        }
    };
}

/// All rules.
pub static REGISTRY: &[Rule] = &[
    rule!(elision),
    rule!(placeholder),
    rule!(bracketed_text),
    rule!(verb_case),
    rule!(verb_unknown),
    rule!(verb_role),
    rule!(verb_consistency),
    rule!(verb_in_list_item),
    rule!(footnote_undefined),
    rule!(footnote_unused),
    rule!(footnote_order),
    rule!(footnote_spacing),
    rule!(numbering),
    rule!(heading_sequence),
    rule!(list_lead_in),
    rule!(list_item_terminator),
    rule!(clause_terminator),
    rule!(bullet_style),
    rule!(quotes),
    rule!(brackets),
    rule!(draft_marker),
    rule!(subject_title_mismatch),
    rule!(header),
];

/// Node kinds with running text of their own that text-pattern rules scan:
/// units, headings, titles, footnotes, transitions and plain text (not the
/// register header). The first eight are `lint::TEXT_NODES`.
pub const SCANNED: &[Kind] = &[
    Kind::Recital,
    Kind::Paragraph,
    Kind::Point,
    Kind::Subpoint,
    Kind::ListItem,
    Kind::Heading,
    Kind::Title,
    Kind::Footnote,
    Kind::Transition,
    Kind::Text,
];

#[cfg(test)]
pub mod testing {
    //! Helpers for rule tests: lint a text with one rule.
    use crate::lint::{config::Config, lint, Finding};

    pub fn run(rule: &str, lang: &str, text: &str) -> Vec<Finding> {
        let doc = crate::parse::parse(text.to_string(), crate::lexicon::Language::get(lang));
        let config = Config {
            select: vec![rule.to_string()],
            ..Config::default()
        };
        lint(&doc, &config)
    }

    /// 1-based lines of the findings.
    pub fn lines(rule: &str, lang: &str, text: &str) -> Vec<usize> {
        let doc = crate::parse::parse(text.to_string(), crate::lexicon::Language::get(lang));
        run(rule, lang, text)
            .iter()
            .map(|f| doc.line_of(f.start))
            .collect()
    }
}
