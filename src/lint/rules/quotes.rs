//! `quotes`: unbalanced quotation marks in a unit, mixed quote styles in a document.

use crate::ast::{Kind, NodeRef};
use crate::lint::{Check, Cx, Finding, RuleMeta, Severity};
use std::collections::BTreeMap;

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

impl Style {
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

/// Quote marks of a text.
fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    // Open `«…»` and `»…«` quotations, counted as the marks come.
    let mut open = [0i64; 2];
    let mut it = text.char_indices().peekable();
    // What the marks so far say, kept as they are pushed rather than searched
    // for backwards at each mark (which was quadratic in the marks of a text):
    // whether the last `„`-style mark opens, and the style of the last opening.
    let mut low_open = false;
    let mut last_opening: Option<Style> = None;
    while let Some((i, c)) = it.next() {
        match c {
            '"' => out.push((i, 1, Style::Straight, None)),
            '\'' if it.peek().is_some_and(|(_, n)| *n == '\'') => {
                it.next();
                out.push((i, 2, Style::DoubleSingle, None));
            }
            '„' => out.push((i, c.len_utf8(), Style::Low, Some(true))),
            '“' => {
                // “ closes a „ quotation; otherwise it opens a “…” one.
                if low_open {
                    out.push((i, c.len_utf8(), Style::Low, Some(false)));
                } else {
                    out.push((i, c.len_utf8(), Style::Curly, Some(true)));
                }
            }
            '”' => {
                let style = last_opening.unwrap_or(Style::Curly);
                out.push((i, c.len_utf8(), style, Some(false)));
            }
            // `«` opens, unless it closes a `»…«` quotation; `»` closes,
            // unless no `«` is open: then it opens a `»…«` one.
            '«' | '»' => {
                let mark = match c {
                    '«' if open[1] > 0 => (Style::Reversed, false),
                    '«' => (Style::Guillemets, true),
                    _ if open[0] > 0 => (Style::Guillemets, false),
                    _ => (Style::Reversed, true),
                };
                let k = usize::from(mark.0 == Style::Reversed);
                open[k] += if mark.1 { 1 } else { -1 };
                out.push((i, c.len_utf8(), mark.0, Some(mark.1)));
            }
            _ => {}
        }
        if let Some(&(_, _, style, open)) = out.last() {
            if style == Style::Low {
                low_open = open == Some(true);
            }
            if open == Some(true) {
                last_opening = Some(style);
            }
        }
    }
    out
}

/// Offset of the first mark that leaves its unit's quotes unbalanced.
fn unbalanced(text: &str) -> Option<(usize, usize)> {
    let m = marks(text);
    let mut by_style: BTreeMap<Style, Vec<&Mark>> = BTreeMap::new();
    for x in &m {
        by_style.entry(x.2).or_default().push(x);
    }
    for (_, ms) in by_style {
        if ms.iter().all(|x| x.3.is_none()) {
            if let Some(last) = ms.last().filter(|_| !ms.len().is_multiple_of(2)) {
                return Some((last.0, last.1));
            }
        } else {
            let mut depth: i64 = 0;
            for x in &ms {
                depth += if x.3 == Some(true) { 1 } else { -1 };
                if depth < 0 {
                    return Some((x.0, x.1));
                }
            }
            if let Some(last) = ms.last().filter(|_| depth != 0) {
                return Some((last.0, last.1));
            }
        }
    }
    None
}

pub const KINDS: &[Kind] = crate::lint::TEXT_NODES;
pub const CHECK: Check = Check::AllNodes(check);

fn check(cx: &Cx, nodes: &[NodeRef], out: &mut Vec<Finding>) {
    let mut styles: BTreeMap<Style, Vec<(usize, usize)>> = BTreeMap::new();
    for n in nodes {
        let text = n.text();
        let own = n.own();
        if unbalanced(text).is_some() {
            let mut f = cx.finding(own, "unbalanced quotation marks");
            f.help = Some("open and close every quotation".into());
            out.push(f);
        }
        // One place per quotation: its opening mark (every other mark of a
        // style that has no separate closing mark).
        let mut seen: BTreeMap<Style, usize> = BTreeMap::new();
        for (i, len, style, open) in marks(text) {
            let k = seen.entry(style).or_default();
            let opening = match open {
                Some(o) => o,
                None => (*k).is_multiple_of(2),
            };
            *k += 1;
            if opening {
                styles
                    .entry(style)
                    .or_default()
                    .push((own.0 + i, own.0 + i + len));
            }
        }
    }
    if styles.len() < 2 {
        return;
    }
    let Some((&main, _)) = styles.iter().max_by_key(|(_, v)| v.len()) else {
        return;
    };
    for (style, places) in &styles {
        if *style == main {
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
    use super::unbalanced;
    use crate::lint::rules::testing::lines;

    #[test]
    fn balance() {
        assert!(unbalanced("\"a\" un „b” un “c”").is_none());
        assert!(unbalanced("\"a – \"b\" 1,").is_some());
        assert!(unbalanced("Regio's en Council’s").is_none());
    }

    #[test]
    fn mixed_styles() {
        let text = "UZSVER \"a\" un \"b\";\n\nUZSVER ''c'' un \"d\";\n";
        assert_eq!(lines("quotes", "lv", text), [3]);
    }
}
