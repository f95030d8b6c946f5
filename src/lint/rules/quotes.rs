//! `quotes`: unbalanced quotation marks in a unit, mixed quote styles in a document.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};

pub const META: RuleMeta = RuleMeta {
    name: "quotes",
    severity: Severity::Warning,
    summary: "Quotation marks are unbalanced within a paragraph or item, or quote styles are mixed in a document.",
    rationale: "A quotation opened and not closed (or the reverse) makes the reader guess \
where a title or a quoted phrase ends. A document also uses one style of quotation marks; \
`''…''` typed in place of `\"…\"` is a slip. Apostrophes inside words (`Council’s`, \
`Regio's`) are not quotation marks.",
    bad: "par kopīgo paziņojumu \"Eiropas kiberdrošības stratēģija – \"atvērta kibertelpa\" 1,",
    good: "par kopīgo paziņojumu \"Eiropas kiberdrošības stratēģija – atvērta kibertelpa\" 1,",
    fixable: false,
    scope: crate::lint::Scope::Document,
};

/// Quote styles a document may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    Straight,     // "…"
    DoubleSingle, // ''…''
    Low,          // „…”
    Curly,        // “…”
    Guillemets,   // «…»
    Reversed,     // »…« (German, Danish, Swedish usage)
}

/// How many styles there are: per-style tallies are arrays indexed by
/// [`Style::index`].
const STYLES: usize = 6;
// `Style` is fieldless with implicit discriminants and `Reversed` last: every
// `Style::index()` is below `STYLES`, checked here at compile time.
const _: () = assert!(Style::Reversed as usize + 1 == STYLES);

impl Style {
    /// Every style, in order.
    const ALL: [Style; STYLES] = [
        Style::Straight,
        Style::DoubleSingle,
        Style::Low,
        Style::Curly,
        Style::Guillemets,
        Style::Reversed,
    ];

    /// Position in [`Style::ALL`] (declaration order), below [`STYLES`].
    fn index(self) -> usize {
        self as usize
    }

    fn show(self) -> &'static str {
        match self {
            Style::Straight => "\"…\"",
            Style::DoubleSingle => "''…''",
            Style::Low => "„…”",
            Style::Curly => "“…”",
            Style::Guillemets => "«…»",
            Style::Reversed => "»…«",
        }
    }
}

/// A quote mark: byte offset, length, style, and whether it opens (`None`
/// for marks such as `"` that open and close alike).
type Mark = (usize, usize, Style, Option<bool>);

/// The quote character at byte `i` of `b`, if any. Every quote character
/// starts with one of `"`, `'`, 0xE2 (`„“”`) or 0xC2 (`«»`), the bytes the
/// search visits.
fn quote_at(b: &[u8], i: usize) -> Option<char> {
    match b.get(i..)? {
        [b'"', ..] => Some('"'),
        [b'\'', ..] => Some('\''),
        [0xE2, 0x80, 0x9E, ..] => Some('„'),
        [0xE2, 0x80, 0x9C, ..] => Some('“'),
        [0xE2, 0x80, 0x9D, ..] => Some('”'),
        [0xC2, 0xAB, ..] => Some('«'),
        [0xC2, 0xBB, ..] => Some('»'),
        _ => None,
    }
}

/// Quote marks of a text, into `out` (cleared first, so one buffer serves
/// every unit).
fn marks(text: &str, out: &mut Vec<Mark>) {
    out.clear();
    let b = text.as_bytes();
    // Open `«…»` and `»…«` quotations, counted as the marks come.
    let mut open = [0i64; 2];
    // What the marks so far say, kept as they are pushed rather than searched
    // for backwards at each mark (which was quadratic in the marks of a text):
    // whether the last `„`-style mark opens, and the style of the last opening.
    let mut low_open = false;
    let mut last_opening: Option<Style> = None;
    // The second `'` of a `''` pair is not read again.
    let mut next = 0;
    for i in crate::text::memchr4_iter(b'"', b'\'', 0xE2, 0xC2, b) {
        if i < next {
            continue;
        }
        let Some(c) = quote_at(b, i) else {
            continue;
        };
        let len = c.len_utf8();
        let mark = match c {
            '"' => (i, len, Style::Straight, None),
            '\'' if b.get(i + 1) == Some(&b'\'') => {
                next = i + 2;
                (i, 2, Style::DoubleSingle, None)
            }
            '\'' => continue,
            '„' => (i, len, Style::Low, Some(true)),
            // “ closes a „ quotation; otherwise it opens a “…” one.
            '“' if low_open => (i, len, Style::Low, Some(false)),
            '“' => (i, len, Style::Curly, Some(true)),
            '”' => (i, len, last_opening.unwrap_or(Style::Curly), Some(false)),
            // `«` opens, unless it closes a `»…«` quotation; `»` closes,
            // unless no `«` is open: then it opens a `»…«` one.
            _ => {
                let (style, opens) = match c {
                    '«' if open[1] > 0 => (Style::Reversed, false),
                    '«' => (Style::Guillemets, true),
                    _ if open[0] > 0 => (Style::Guillemets, false),
                    _ => (Style::Reversed, true),
                };
                let slot = if style == Style::Reversed {
                    &mut open[1]
                } else {
                    &mut open[0]
                };
                *slot += if opens { 1 } else { -1 };
                (i, len, style, Some(opens))
            }
        };
        let (_, _, style, opens) = mark;
        if style == Style::Low {
            low_open = opens == Some(true);
        }
        if opens == Some(true) {
            last_opening = Some(style);
        }
        out.push(mark);
    }
}

/// Whether some style's marks leave the unit's quotes unbalanced: an odd
/// count of marks that open and close alike, or a close before its open, or
/// an open never closed. One pass, with a tally per style.
fn unbalanced(marks: &[Mark]) -> bool {
    let mut count = [0usize; STYLES];
    let mut depth = [0i64; STYLES];
    let mut negative = [false; STYLES];
    #[expect(
        clippy::indexing_slicing,
        reason = "`Style::index()` < STYLES (const assert above), the arrays' length"
    )]
    for &(_, _, style, opens) in marks {
        let k = style.index();
        count[k] += 1;
        if let Some(o) = opens {
            depth[k] += if o { 1 } else { -1 };
            negative[k] |= depth[k] < 0;
        }
    }
    // The marks of `"` and `''` open and close alike; those of every other
    // style say which they do.
    #[expect(
        clippy::indexing_slicing,
        reason = "`Style::index()` < STYLES (const assert above), the arrays' length"
    )]
    Style::ALL.iter().any(|s| {
        let k = s.index();
        match s {
            Style::Straight | Style::DoubleSingle => !count[k].is_multiple_of(2),
            _ => negative[k] || depth[k] != 0,
        }
    })
}

/// How an unbalanced unit may be one end of a quotation over several units.
struct SpanningEnds {
    /// Balanced but for one opening mark before any word.
    opens: bool,
    /// Balanced but for one closing mark after the last word.
    closes: bool,
}

fn spanning_ends(text: &str, marks: &[Mark]) -> SpanningEnds {
    let no_words = |s: &str| !s.chars().any(char::is_alphabetic);
    let balanced_without = |k: usize| {
        let rest: Vec<Mark> = marks
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, m)| *m)
            .collect();
        !unbalanced(&rest)
    };
    let opens = marks.first().is_some_and(|&(i, _, _, o)| {
        o != Some(false) && text.get(..i).is_some_and(no_words) && balanced_without(0)
    });
    let last = marks.len().saturating_sub(1);
    let closes = marks.last().is_some_and(|&(i, len, _, o)| {
        o != Some(true) && text.get(i + len..).is_some_and(no_words) && balanced_without(last)
    });
    SpanningEnds { opens, closes }
}

pub const KINDS: &[Kind] = crate::lint::TEXT_NODES;
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    // The opening marks of each style, indexed by `Style::index`.
    let mut styles: [Vec<(usize, usize)>; STYLES] = Default::default();
    let mut found = Vec::new();
    // A quotation that opens at the start of one unit and closes at the end
    // of a later one quotes whole units (`The Council adopted the following
    // conclusions: "1. …` … `… Ukraine."`): the finding of the unit where it
    // opened waits here until the one where it closes takes it back.
    let mut quoted_from: Option<usize> = None;
    for n in nodes {
        let own = n.own();
        let text = n.text();
        marks(text, &mut found);
        // A quotation mark before a point's number opens a quotation of
        // whole units (the label is not the unit's own text).
        let label_opens = n.label_text().contains(['"', '“', '„', '«']);
        if label_opens && !unbalanced(&found) {
            quoted_from = Some(out.len());
            let mut f = cx.finding(own, "unbalanced quotation marks");
            f.help = Some("open and close every quotation".into());
            out.push(f);
        } else if unbalanced(&found) {
            let ends = spanning_ends(text, &found);
            if ends.closes && quoted_from.is_some() {
                if let Some(k) = quoted_from.take() {
                    out.truncate(k);
                }
            } else {
                if ends.opens {
                    quoted_from = Some(out.len());
                }
                let mut f = cx.finding(own, "unbalanced quotation marks");
                f.help = Some("open and close every quotation".into());
                out.push(f);
            }
        }
        // One place per quotation: its opening mark (every other mark of a
        // style that has no separate closing mark).
        let mut seen = [0usize; STYLES];
        #[expect(
            clippy::indexing_slicing,
            reason = "`Style::index()` < STYLES (const assert above), the arrays' length"
        )]
        for &(i, len, style, open) in &found {
            let k = style.index();
            let opening = open.unwrap_or(seen[k].is_multiple_of(2));
            seen[k] += 1;
            if opening {
                styles[k].push((own.0 + i, own.0 + i + len));
            }
        }
    }
    let used = || {
        Style::ALL
            .iter()
            .zip(&styles)
            .filter(|(_, v)| !v.is_empty())
    };
    if used().count() < 2 {
        return;
    }
    // The most used style; on a tie the last in style order (as `max_by_key`
    // picks).
    let Some((&main, _)) = used().max_by_key(|(_, v)| v.len()) else {
        return;
    };
    for (&style, places) in used() {
        if style == main {
            continue;
        }
        for &r in places {
            let mut f = cx.finding(
                r,
                format!(
                    "quotation marks {} in a document that uses {}",
                    style.show(),
                    main.show()
                ),
            );
            f.help = Some(format!("use {}", main.show()));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::lines;

    fn unbalanced(text: &str) -> bool {
        let mut m = Vec::new();
        super::marks(text, &mut m);
        super::unbalanced(&m)
    }

    #[test]
    fn balance() {
        assert!(!unbalanced("\"a\" un „b” un “c”"));
        assert!(unbalanced("\"a – \"b\" 1,"));
        assert!(!unbalanced("Regio's en Council’s"));
        assert!(!unbalanced("''a'' «b» »c« „d“"));
        // `'''` is a pair and a lone apostrophe.
        assert!(!unbalanced("'''a''"));
        assert!(unbalanced("''a'' ''"));
        assert!(unbalanced("”a“"));
    }

    #[test]
    fn a_quotation_over_whole_units_is_balanced() {
        let text = "The Council adopted the following conclusions:\n\n\"1. The Council welcomes a;\n\n2. The Council notes b.\"\n";
        assert!(lines("quotes", "en", text).is_empty());
        let unnumbered = "The Council adopted the following conclusions:\n\n\"The Council welcomes a;\n\nThe Council notes b.\"\n";
        assert!(lines("quotes", "en", unnumbered).is_empty());
        // An opening at the start that nothing closes is still reported.
        let open = "\"1. The Council welcomes a;\n\n2. The Council notes b.\n";
        assert_eq!(lines("quotes", "en", open), [1]);
        // A mark inside a unit's words is not the end of a quotation over units.
        let inner = "1. The Council welcomes \"a;\n\n2. The Council notes b.\"\n";
        assert_eq!(lines("quotes", "en", inner), [1, 3]);
    }

    #[test]
    fn mixed_styles() {
        let text = "UZSVER \"a\" un \"b\";\n\nUZSVER ''c'' un \"d\";\n";
        assert_eq!(lines("quotes", "lv", text), [3]);
    }
}
