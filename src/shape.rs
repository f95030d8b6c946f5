//! What a line or block starts with. The normaliser classifies each line
//! once to find block boundaries in hard-wrapped text; the shape of a
//! block's first line is its token for the document grammar, and [`head`]
//! reads its label once for the tree.

use crate::grammar;
use crate::lexicon::{Language, Phrases, Role};
use crate::text::{starts_upper, words};
use crate::verbs;

/// The shape of the start of a line or block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "shape")]
pub enum Shape {
    /// A line of the register header, with the field it gives
    /// (`document_number`, `subject`, `date`…).
    Header { field: crate::ast::HeaderField },
    /// A footnote definition with its number.
    Footnote { number: u32 },
    /// A numbered point (`12. `).
    Point { number: u32 },
    /// A lettered or Roman sub-point (`a) `, `(ii) `).
    SubPoint,
    /// A Roman-numbered section heading (`IV. `).
    Roman { number: u32 },
    /// A numbered section heading (`1.1. Context`, `2. PRIORITIES`).
    Section,
    /// A capital-letter label (`A. `), with the role of the verb after it
    /// (`None`: a lettered heading).
    Letter { verb: Option<Role> },
    /// A bullet item.
    Bullet { bullet: char },
    /// Starts with a lexicon verb (or a near miss of one).
    Verb { role: Role, caps: bool },
    /// Starts with a narrative subject and its operative verb (`The
    /// Council recalls`, `De Raad is verheugd`).
    Narrative,
    /// A transition (`AR ŠO`, `EN`, `HEREBY:`).
    Transition,
    /// The opening formula (`THE COUNCIL OF THE EUROPEAN UNION,`).
    Formula,
    /// The annex marker (`ANNEX`, `PIELIKUMS`).
    Annex,
    /// A plain heading (decided from its neighbours).
    Heading,
    /// Anything else.
    Text,
}

/// Tracks numbered points so that `2016. gada` or a stray `42.` is not taken
/// for a point: a label must continue the sequence (within a small window, so
/// that a numbering defect is still parsed as a point and reported).
#[derive(Debug, Default, Clone)]
pub struct PointCounter {
    pub last: u32,
}

impl PointCounter {
    pub fn accepts(&self, n: u32) -> bool {
        self.last == u32::MAX
            || (n >= 1 && n <= self.last.saturating_add(3) && n.saturating_add(3) > self.last)
    }

    /// A counter that accepts any number (to classify lines before the
    /// sequence is known).
    pub fn any() -> PointCounter {
        PointCounter { last: u32::MAX }
    }
}

/// The verb at the start of `text`, if any: exact lexicon match or a near miss.
pub fn head_verb(lang: &Language, text: &str) -> Option<(Role, bool)> {
    let head = first_chars(text, 120);
    // Cheap rejection first: the line must start (after quotes) with a capital.
    let lead = head.trim_start_matches(['"', '„', '“', '(', ' ']);
    if !lead.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // The first word decides most lines: only one that starts a lexicon
    // form (or, in capitals, may be a misspelt one) is worth tokenising.
    let first_word = crate::text::words(head).next()?;
    let first_upper = crate::lexicon::upper(first_word.text);
    let first_caps = crate::text::is_all_caps(first_word.text);
    if !first_caps && !lang.is_verb_start(&first_upper) {
        return None;
    }
    let toks = verbs::tokens(head);
    let first = toks.first()?;
    // Token offsets are char boundaries of `head`, a prefix of `text`.
    if first.start != 0
        && !head
            .get(..first.start)
            .is_some_and(|p| p.chars().all(|c| matches!(c, '"' | '„' | '“' | '(' | ' ')))
    {
        return None;
    }
    // A block never starts with a lower-case verb: that is a wrapped line.
    if !starts_upper(first.text) {
        return None;
    }
    if let Some(m) = verbs::match_at(lang, &toks, 0, text) {
        return Some((m.form.role, first.caps));
    }
    if first.caps {
        if let Some(form) = crate::fuzzy::near_miss(lang, &first_upper) {
            return Some((form.role, true));
        }
    }
    None
}

fn first_chars(s: &str, n: usize) -> &str {
    // A char boundary at most `s.len()`: `get` never fails.
    s.get(..crate::text::floor_char_boundary(s, n)).unwrap_or(s)
}

/// Classifies the start of `text` (a line or a block, already trimmed).
pub fn classify(lang: &Language, text: &str, points: &PointCounter) -> Shape {
    if lang.line_is(Phrases::Transition, text) {
        return Shape::Transition;
    }
    // The formula ends with a comma (a colon, a dash) or stands alone on
    // its line (Finnish, some English texts).
    if lang.line_is(Phrases::Formula, text) {
        return Shape::Formula;
    }
    if lang.line_is(Phrases::AnnexMarker, text) {
        return Shape::Annex;
    }
    // A label alone on its line, its text on the next (Official Journal):
    // `1.` / `a)`.
    if let Some(n) = bare_point_label(text) {
        if points.accepts(n) {
            return Shape::Point { number: n };
        }
    }
    if is_bare_subpoint_label(text) {
        return Shape::SubPoint;
    }
    // A label's length is a char boundary of `text` (`grammar::match_len`):
    // the text after it is always `Some`.
    let after = |len: usize| text.get(len..);
    if let Some(rest) = grammar::section_label(text).and_then(|(_, len)| after(len)) {
        if starts_upper(rest) {
            return Shape::Section;
        }
    }
    if let Some((n, len)) = grammar::point_label(text) {
        if let Some((label, rest)) = text.split_at_checked(len) {
            // `2) ziet …`: a bracket label is never a year or an article number,
            // so any word may follow it.
            let bracket = label.trim_end().ends_with(')');
            let follows = follower_starts_unit(lang, rest)
                || bracket && rest.starts_with(|c: char| c.is_lowercase());
            if follows {
                // `1. INTRODUCTION` is a section; `5. INVITES THE MEMBER
                // STATES TO` (no colon, a list below) is a point.
                if is_caps_title(rest) && head_verb(lang, rest).is_none() {
                    return Shape::Section;
                }
                if points.accepts(n) {
                    return Shape::Point { number: n };
                }
            }
        }
    }
    if let Some((n, rest)) = grammar::roman_label(text).and_then(|(n, len)| Some((n, after(len)?)))
    {
        if starts_upper(rest) {
            return Shape::Roman { number: n };
        }
    }
    if let Some(rest) = grammar::subpoint_label(text).and_then(|(_, len)| after(len)) {
        // A lettered recital, "(a) RECALLING …," / "а) КАТО ПРИПОМНЯ …;": a
        // verb head in capitals after the label is a lettered unit; a
        // sub-point of a point goes on in ordinary case ("(a) to ensure …").
        if let Some((role, true)) = head_verb(lang, rest) {
            return Shape::Letter { verb: Some(role) };
        }
        if !rest.trim().is_empty() {
            return Shape::SubPoint;
        }
    }
    if let Some(rest) = grammar::letter_label(text).and_then(|(_, len)| after(len)) {
        if starts_upper(rest) {
            let verb = head_verb(lang, rest).map(|(role, _)| role);
            return Shape::Letter { verb };
        }
    }
    // A numbered recital, "(2) Overwegende dat": a lettered unit whose label
    // is a number. Without a verb head the brackets are ordinary text.
    if let Some(rest) = grammar::recital_number_label(text).and_then(|(_, len)| after(len)) {
        // An operative verb only in capitals: "(7) Besluit 2000/228/EG" cites
        // a decision.
        if let Some((role, caps)) = head_verb(lang, rest) {
            if caps || role == Role::Preamble {
                return Shape::Letter { verb: Some(role) };
            }
        }
    }
    if let Some((bullet, rest)) =
        grammar::bullet(text).and_then(|(bullet, len)| Some((bullet, after(len)?)))
    {
        // A mark that ends clauses in this language is punctuation, not a
        // bullet: the Greek ano teleia reads `·` after NFC.
        if !rest.trim().is_empty() && !lang.conventions.terminates(bullet) {
            return Shape::Bullet { bullet };
        }
    }
    if let Some((role, caps)) = head_verb(lang, text) {
        return Shape::Verb { role, caps };
    }
    if narrative_head(lang, text) {
        return Shape::Narrative;
    }
    Shape::Text
}

/// Where a block's own text starts after its label, and where the label's
/// value stands (offsets in the block's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Head {
    pub len: usize,
    pub label: Option<(usize, usize)>,
}

/// The head of a block of `shape` whose text is `text`: read once here, by
/// the lexer, so that no later stage runs the line grammar again.
pub fn head(shape: Shape, text: &str) -> Head {
    let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
    let within = |part: &str| (offset(part), offset(part) + part.len());
    match shape {
        Shape::Footnote { .. } => Head {
            len: grammar::footnote_label(text).map_or(0, |(_, _, l)| l),
            label: None,
        },
        Shape::Bullet { .. } => Head {
            len: grammar::bullet(text).map_or(0, |(_, l)| l),
            label: None,
        },
        Shape::Point { .. } => Head {
            len: grammar::point_label(text).map_or(0, |(_, l)| l),
            label: None,
        },
        Shape::SubPoint => match grammar::subpoint_label(text) {
            Some((label, len)) => Head {
                len,
                label: Some(within(label)),
            },
            None => Head::default(),
        },
        // A heading's own text includes its label.
        Shape::Section => Head {
            len: 0,
            label: grammar::section_label(text)
                .map(|(l, _)| l)
                .or_else(|| {
                    grammar::point_label(text)
                        .and_then(|(_, n)| text.get(..n))
                        .map(str::trim_end)
                })
                .map(within),
        },
        Shape::Letter { verb } => match grammar::letter_label(text) {
            Some((letter, len)) => Head {
                len: if verb.is_some() { len } else { 0 },
                label: Some((0, letter.len_utf8())),
            },
            None => match grammar::recital_number_label(text) {
                Some((number, len)) => Head {
                    len,
                    label: Some(within(number)),
                },
                // "(a) RECALLING": a sub-point label over a recital.
                None => match grammar::subpoint_label(text) {
                    Some((label, len)) => Head {
                        len,
                        label: Some(within(label)),
                    },
                    None => Head::default(),
                },
            },
        },
        _ => Head::default(),
    }
}

/// A narrative subject at the start of `text` with its operative verb.
fn narrative_head(lang: &Language, text: &str) -> bool {
    // A press release quotes the conclusions: `"The Council welcomes …`.
    let text = text.strip_prefix(['"', '“', '„', '«']).unwrap_or(text);
    if lang.subject_words.is_empty() || !text.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // Only a line whose first word starts a subject phrase is tokenised.
    let Some(first) = words(text).next() else {
        return false;
    };
    if !lang
        .subject_words
        .iter()
        .any(|s| s.first().is_some_and(|w| verbs::eq_upper(first.text, w)))
    {
        return false;
    }
    let toks = verbs::tokens(first_chars(text, 200));
    match verbs::subject_len(lang, &toks, 0) {
        Some(n) if toks.first().is_some_and(|t| t.start == 0) => {
            verbs::subject_verb(lang, &toks, n, text).is_some()
        }
        _ => false,
    }
}

/// `12.` or `12)` alone on a line: the number.
pub fn bare_point_label(text: &str) -> Option<u32> {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    // `digits` ASCII bytes: a char boundary, so this always splits.
    let (number, rest) = t.split_at_checked(digits)?;
    (digits > 0 && digits <= 3 && matches!(rest, "." | ")"))
        .then(|| number.parse().ok())
        .flatten()
}

/// `a)`, `(b)`, `iv)` alone on a line.
pub fn is_bare_subpoint_label(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 6
        && grammar::subpoint_label(&format!("{t} x")).is_some_and(|(_, l)| l == t.len() + 1)
}

/// A line in capitals without final punctuation: a section title.
fn is_caps_title(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && rest.len() < 200
        && !rest.ends_with(['.', ',', ';', ':'])
        && rest.chars().any(char::is_alphabetic)
        && !rest.chars().any(char::is_lowercase)
}

/// After `12. `: a unit starts with a capital (or a quote or bracket), never
/// with a word such as `gada` or `panta` that follows a number in running text.
fn follower_starts_unit(lang: &Language, rest: &str) -> bool {
    let Some(w) = words(rest).next() else {
        return false;
    };
    if lang
        .structure
        .number_followers
        .iter()
        .any(|f| crate::text::eq_ignore_case(f, w.text))
    {
        return false;
    }
    let lead = rest.trim_start();
    if !starts_upper(lead) {
        // `1) verwelkomt …`: numbered points headed by verbs in ordinary
        // case, the formula being their subject.
        let toks = verbs::tokens(first_chars(lead, 120));
        return toks.first().is_some_and(|t| t.start == 0)
            && verbs::match_at(lang, &toks, 0, lead)
                .is_some_and(|m| m.form.role == Role::Operative);
    }
    lead.starts_with(w.text) || lead.starts_with(['"', '„', '“', '(', '«'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(code: &str, s: &str) -> Shape {
        classify(Language::get(code).unwrap(), s, &PointCounter { last: 1 })
    }

    #[test]
    fn year_and_article_numbers_are_not_points() {
        assert_eq!(shape("lv", "2. UZSVER, ka"), Shape::Point { number: 2 });
        assert_eq!(shape("lv", "2. gada 3. decembrī"), Shape::Text);
        assert_eq!(shape("lv", "2016. gada Varšavas"), Shape::Text);
        assert_eq!(shape("lv", "42. panta 7. punktu"), Shape::Text);
    }

    #[test]
    fn es_is_not_a_verb_but_a_misspelt_verb_is() {
        assert_eq!(
            shape("lv", "ES konkurētspējas un pārticības veicināšana"),
            Shape::Text
        );
        assert!(matches!(
            shape("lv", "UZSVĒR, ka"),
            Shape::Verb {
                role: Role::Operative,
                ..
            }
        ));
    }

    #[test]
    fn transitions_and_formula() {
        assert_eq!(shape("lv", "AR ŠO"), Shape::Transition);
        assert_eq!(shape("nl", " VERKLAART HET VOLGENDE: "), Shape::Transition);
        assert_eq!(shape("nl", "De Raad van de Europese Unie,"), Shape::Formula);
        assert_eq!(shape("lv", "PIELIKUMS"), Shape::Annex);
    }
}
