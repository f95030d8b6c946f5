//! `draft-marker`: a title marked as a draft in a text that says it was adopted.

use crate::ast::{HeaderField, Kind, NodeRef};
use crate::lexicon::{Language, Phrases};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "draft-marker",
    severity: Severity::Error,
    summary: "The title is marked as a draft (Projekts –, Ontwerp…, Draft) in a document that says it was adopted.",
    rationale: "Once the Council has adopted conclusions, the published text is no longer a \
draft. A title still marked `Projekts –` or `Draft` under an outcome-of-proceedings header (or \
a cover sentence saying the Council adopted the text) misstates the status of the text. A \
document that is itself a draft is fine.",
    bad: "DARBA REZULTĀTI … Projekts – Padomes secinājumi par kiberdiplomātiju",
    good: "DARBA REZULTĀTI … Padomes secinājumi par kiberdiplomātiju",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// Byte length of the draft marker at the start of `title`, if any.
pub fn draft_marker_len(lang: &Language, title: &str) -> Option<usize> {
    let first = crate::text::words(title).next()?;
    if first.start != 0 {
        return None;
    }
    let lower = first.text.to_lowercase();
    lang.structure
        .draft_markers
        .iter()
        .any(|m| lower.starts_with(&m.to_lowercase()))
        .then_some(first.end)
}

/// Does the header or the cover note say the text was adopted? `nodes`: the
/// header lines, cover notes and text nodes of the document.
pub fn says_adopted(cx: &Cx, nodes: &[NodeRef]) -> bool {
    let s = &cx.lang.structure;
    let mut adopted = false;
    for n in nodes {
        let text = n.text();
        match n.kind() {
            Kind::HeaderLine if n.field() == Some(HeaderField::DocumentType) => {
                adopted |= cx.lang.line_is(Phrases::OutcomeType, text);
            }
            Kind::Text | Kind::CoverNote => {
                let words: Vec<&str> = crate::text::words(text).map(|w| w.text).collect();
                for (k, w) in words.iter().enumerate() {
                    let lw = w.to_lowercase();
                    let is_adopted = s
                        .adopted_phrases
                        .iter()
                        .any(|p| p.split_whitespace().count() == 1 && p.to_lowercase() == lw);
                    let future = k
                        .checked_sub(1)
                        .and_then(|p| words.get(p))
                        .is_some_and(|prev| {
                            s.not_adopted_after
                                .iter()
                                .any(|f| f.eq_ignore_ascii_case(prev))
                        });
                    adopted |= is_adopted && !future;
                }
            }
            _ => {}
        }
    }
    adopted
}

pub const KINDS: &[Kind] = &[Kind::Title, Kind::HeaderLine, Kind::Text, Kind::CoverNote];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let Some(title) = nodes.iter().find(|n| n.kind() == Kind::Title) else {
        return;
    };
    let Some(len) = draft_marker_len(cx.lang, title.text()) else {
        return;
    };
    if !says_adopted(cx, nodes) {
        return;
    }
    let range = (title.own().0, title.own().0 + len);
    let mut f = cx.finding(
        range,
        format!(
            "the title is marked `{}` but the document says the text was adopted",
            cx.text(range)
        ),
    );
    f.help = Some("remove the draft marker from the title".into());
    out.push(f);
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn adopted_text_with_a_draft_title() {
        let adopted = "Briselē, 2015. gada 11. februārī\n(OR. en)\n6122/15\nDARBA REZULTĀTI\n\nPielikumā pievienoti Padomes pieņemtie secinājumi.\n\nProjekts – Padomes secinājumi\n\nEIROPAS SAVIENĪBAS PADOME,\n\nUZSVER x;\n";
        assert_eq!(lines("draft-marker", "lv", adopted), [8]);
    }

    #[test]
    fn a_draft_is_fine() {
        let draft = "Brussels, 10 February 2015\n(OR. en)\n6122/15\nNOTE\n\nDelegations will find the draft conclusions, to be adopted by the Council.\n\nANNEX\n\nDraft Council conclusions on cyber diplomacy\n\nTHE COUNCIL OF THE EUROPEAN UNION,\n\nSTRESSES x;\n";
        assert!(lines("draft-marker", "en", draft).is_empty());
    }
}
