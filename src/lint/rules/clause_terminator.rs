//! `clause-terminator`: a recital or operative paragraph that ends unlike the
//! language's convention and the rest of the document.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::collections::BTreeMap;

pub const META: RuleMeta = RuleMeta {
    name: "clause-terminator",
    severity: Severity::Warning,
    summary: "A recital or operative paragraph ends with other punctuation than the convention and the rest of the document.",
    rationale: "Each language ends recitals and operative paragraphs in a fixed way (Latvian \
`;`, Dutch `,`; the last paragraph `.`), because the whole text is one sentence. A paragraph \
that ends otherwise breaks that sentence. The expected mark comes from the language's \
conventions in rules/ and from what the document itself does.",
    bad: "ATZĪST to, cik nozīmīgas ir datu plūsmas,\n\nATZĪST, ka …;",
    good: "ATZĪST to, cik nozīmīgas ir datu plūsmas;\n\nATZĪST, ka …;",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// The text whose last character ends the unit: the last list item when the
/// unit introduces a list.
fn closing_text(cx: &Cx, unit: NodeRef) -> (usize, usize) {
    let mut last = unit.own();
    for c in unit.children() {
        if c.kind() == Kind::List {
            if let Some(item) = c.children().filter(|i| i.kind() == Kind::ListItem).last() {
                last = item.own();
            }
        }
    }
    let t = cx.strip_trailing_refs(last);
    (last.0, last.0 + t.len())
}

pub const KINDS: &[Kind] = &[Kind::Recital, Kind::Paragraph, Kind::Point];
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    // In flattened text the ends of units were rebuilt from cues: their
    // punctuation says nothing about the draft.
    if !cx.is_conclusions() || cx.doc.norm.is_flattened() {
        return;
    }
    let conv = &cx.lang.conventions;
    // The units that are children of the document itself.
    // A head shared over numbered units ("ERSUCHEN DIE KOMMISSION," / "8.")
    // ends where its units begin: its punctuation introduces them.
    let units: Vec<NodeRef> = nodes
        .iter()
        .copied()
        .filter(|n| n.parent().is_some_and(|p| p.kind() == Kind::Document))
        .filter(|n| {
            !n.children()
                .any(|c| matches!(c.kind(), Kind::Point | Kind::Recital))
        })
        .collect();
    // The paragraph that ends the text: the last unit, when it is one (a
    // head over the points after it is not).
    let last_paragraph = units
        .len()
        .checked_sub(1)
        .filter(|&k| units.get(k).is_some_and(|u| u.kind() == Kind::Paragraph));
    // What the document does, per kind of unit (the last paragraph aside).
    let mut seen: BTreeMap<(Kind, char), usize> = BTreeMap::new();
    // Each unit's closing text and its last character, read once.
    let ends: Vec<((usize, usize), Option<char>)> = units
        .iter()
        .map(|u| {
            let r = closing_text(cx, *u);
            (r, cx.text(r).chars().next_back())
        })
        .collect();
    for (k, (u, &(_, end))) in units.iter().zip(&ends).enumerate() {
        if Some(k) != last_paragraph {
            if let Some(c) = end {
                *seen.entry((u.kind(), c)).or_default() += 1;
            }
        }
    }
    for (k, (u, &(r, end))) in units.iter().zip(&ends).enumerate() {
        let Some(end) = end else { continue };
        // Numbered points are sentences of their own: they end like the text.
        let expected = if Some(k) == last_paragraph || u.kind() == Kind::Point {
            conv.final_terminator.chars().next()
        } else if u.kind() == Kind::Recital {
            conv.recital_terminator.chars().next()
        } else {
            conv.paragraph_terminator.chars().next()
        };
        let Some(expected) = expected else { continue };
        // A colon, or the dash that German and Slovenian texts put before
        // the operative part ("… Koordinierungsmethode —" / "NIMMT …"),
        // introduces what follows.
        if end == expected || matches!(end, ':' | '—' | '–') {
            continue;
        }
        // Where the document itself agrees with this ending more often than
        // with the convention, the convention is not this document's.
        if Some(k) != last_paragraph {
            let same = seen.get(&(u.kind(), end)).copied().unwrap_or(0);
            let conventional = seen.get(&(u.kind(), expected)).copied().unwrap_or(0);
            // Numbered points are judged more leniently: on a tie the
            // document may simply end its points that way.
            let documents_own = if u.kind() == Kind::Point {
                same >= conventional
            } else {
                same > conventional
            };
            if documents_own {
                continue;
            }
        }
        let at = (r.1 - end.len_utf8(), r.1);
        let what = if Some(k) == last_paragraph {
            "the last paragraph"
        } else {
            u.kind().as_str()
        };
        let mut f = cx.finding(
            at,
            format!("{what} ends with `{end}`; expected `{expected}`"),
        );
        f.help = Some(format!("end it with `{expected}`"));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    #[test]
    fn odd_endings_against_convention_and_document() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT a;\n\nUZSVEROT b,\n\nAR ŠO\n\nUZSVER c;\n\nATZĪST d,\n\nAICINA e;\n\nMUDINA f.\n";
        assert_eq!(lines("clause-terminator", "lv", text), [5, 11]);
    }

    #[test]
    fn numbered_points_end_with_a_full_stop() {
        let text = "EIROPAS SAVIENĪBAS PADOME,\n\n1. UZSVER a.\n\n2. AICINA b;\n\n3. MUDINA c.\n";
        assert_eq!(lines("clause-terminator", "lv", text), [5]);
    }

    #[test]
    fn a_shared_head_ends_as_it_introduces_its_points() {
        // German Official Journal heads end with a comma over their points.
        let text = "DER RAT DER EUROPÄISCHEN UNION —\n\nUNTER HINWEIS AUF a,\n\nNIMMT FOLGENDE SCHLUSSFOLGERUNGEN AN:\n\n1. BETONT b.\n\nERSUCHT DIE KOMMISSION,\n\n2.\n\nc zu unterstützen;\n\n3.\n\nd zu erstatten.\n";
        assert!(lines("clause-terminator", "de", text).is_empty());
    }

    #[test]
    fn a_dash_before_the_operative_part_and_a_head_before_points() {
        let de = "DER RAT DER EUROPÄISCHEN UNION —\n\nUNTER HINWEIS AUF a,\n\nIN ANBETRACHT b —\n\nNIMMT FOLGENDE SCHLUSSFOLGERUNGEN AN:\n\n1. BETONT c.\n";
        assert!(lines("clause-terminator", "de", de).is_empty());
        // The last unit is a point: the head above it, whatever its mark,
        // is not the paragraph that ends the text.
        let sv = "EUROPEISKA UNIONENS RÅD\n\nANTAR FÖLJANDE SLUTSATSER:\n\n1. BETONAR a.\n\nUPPMUNTRAR MEDLEMSSTATERNA ATT, i enlighet med sina befogenheter,\n\n2. inrätta ett forum.\n";
        assert!(lines("clause-terminator", "sv", sv).is_empty());
    }

    #[test]
    fn dutch_commas_are_right() {
        let text =
            "De Raad van de Europese Unie,\n\nHERINNEREND a,\n\nBENADRUKT b,\n\nVERZOEKT c.\n";
        assert!(lines("clause-terminator", "nl", text).is_empty());
    }
}
