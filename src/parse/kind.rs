//! What kind of text a document is: Council conclusions, a Council
//! resolution, European Council conclusions, conclusions of the Council and
//! the Representatives of the Governments of the Member States, or another
//! text. Read from the title, the opening formula and the layout, with the
//! words of the language pack (`[kinds]`, `conclusions_words`).

use crate::ast::{DocKind, Kind};
use crate::lexicon::{upper, Language};
use crate::normalize::Normalized;
use crate::syntax::draft::Draft;

/// How much of the text before the body is read for the title words.
const HEAD_CHARS: usize = 2000;
/// How many clause units make an untitled text a Council text (with most of
/// its units clauses): one is enough ("1. The European Council condemns …"
/// / "2. …" of which one verb is unknown).
const MIN_CLAUSE_UNITS: usize = 1;

pub fn decide(
    root: &Draft,
    norm: &Normalized,
    lang: &Language,
    has_formula: bool,
    clause_units: usize,
) -> DocKind {
    let mut units = 0;
    let mut head = String::new();
    let mut narrative_subjects = String::new();
    // A span that is not a char range of the text (the syntax pass gives
    // none) reads as empty rather than panicking.
    let text = |(a, b): (usize, usize)| norm.text.get(a..b).unwrap_or_default();
    root.walk(&mut |n| {
        units += usize::from(matches!(
            n.kind,
            Kind::Recital | Kind::Paragraph | Kind::Point
        ));
        // The title first: a web page's header may name another text.
        if n.kind == Kind::Title {
            head.insert_str(0, &format!("{} ", text(n.own)));
        } else if matches!(n.kind, Kind::OpeningFormula | Kind::Text) && head.len() < HEAD_CHARS {
            head.push_str(text(n.own));
            head.push(' ');
        }
        if let Some(s) = n.clause.as_ref().and_then(|c| c.subject) {
            narrative_subjects.push_str(text(s));
            narrative_subjects.push(' ');
        }
    });
    let head = upper(&head);
    let first =
        |list: &[String], text: &str| list.iter().filter_map(|w| text.find(&upper(w))).min();
    let has = |list: &[String], text: &str| first(list, text).is_some();
    let k = &lang.kinds;
    // The title names the kind first; a resolution may be cited in the
    // preamble of conclusions, and conclusions in a resolution.
    let conclusions_at = first(&lang.structure.conclusions_words, &head);
    let resolution_at = first(&k.resolution, &head);
    let conclusions_title = conclusions_at.is_some();
    let resolution = match (resolution_at, conclusions_at) {
        (Some(r), Some(c)) => r < c,
        (r, _) => r.is_some(),
    };
    let council_text = has_formula
        || conclusions_title
        || resolution
        // An excerpt with no title or formula (a European Council text
        // quoted from its points): most of its units are clauses.
        || (clause_units >= MIN_CLAUSE_UNITS && clause_units * 2 >= units);
    if !council_text {
        return DocKind::Other;
    }
    if has(&k.european_council, &head) || has(&k.european_council, &upper(&narrative_subjects)) {
        DocKind::EuropeanCouncilConclusions
    } else if resolution {
        DocKind::CouncilResolution
    } else if has(&k.representatives, &head) {
        DocKind::CouncilAndRepresentativesConclusions
    } else {
        DocKind::CouncilConclusions
    }
}
