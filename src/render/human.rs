//! Human output of findings through miette's graphical handler.
//!
//! miette prints whole source lines; PDF extractions have paragraphs of
//! 1,000+ characters on one line, so each finding gets its own small source
//! window: the lines of its span, long ones cut around the span, with the real
//! line numbers in the gutter. The location in the window's header is the
//! finding's own (1-based line, 1-based character column in the original
//! file), not a position inside the cut window, so `file:line:col` can be
//! pasted into an editor. A span over more lines than [`MAX_LINES`] shows its
//! first lines and says how many more it covers.

use crate::lint::{Finding, Severity};
use crate::parse::Document;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How much of a long line to keep on each side of a span (characters).
const CONTEXT_CHARS: usize = 60;
/// Lines longer than this are cut.
const LONG_LINE: usize = 160;
/// A finding over more lines shows this many and a "… N more lines" note.
const MAX_LINES: usize = 6;

/// Source text of a window of the original file.
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// 0-based line number of the window's first line.
    first_line: usize,
    /// 0-based line and character column of the finding in the original file.
    primary: (usize, usize),
    /// The finding's last line (1-based) when the window leaves lines out.
    cut_at: Option<usize>,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // miette reads the primary label without context (0, 0) only to
        // print the header's `file:line:col`: give it the real position,
        // because the window's own column counts bytes of a cut line.
        let (line, column) = if before == 0 && after == 0 {
            self.primary
        } else {
            (inner.line() + self.first_line, inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

/// One finding as a miette diagnostic.
#[derive(Debug)]
struct Report {
    finding: Finding,
    window: Window,
    span: SourceSpan,
    /// The rule's help, and with `--show-fixes` the edit its fix makes.
    help: Option<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    /// `error[rule]`: the severity in words, not only as a glyph.
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.finding.severity.as_str(),
            self.finding.rule
        )))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.window)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        // A cut finding says so in its label: a note in the window itself
        // would get a line number of the file it is not on.
        let label = match self.window.cut_at {
            None => self.finding.rule.to_string(),
            Some(last) => format!(
                "{} (… the finding goes on to line {last})",
                self.finding.rule
            ),
        };
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(label),
            self.span,
        ))))
    }
}

/// Builds the window of a finding: its lines, long lines cut around the span.
fn window(doc: &Document, name: &str, f: &Finding) -> (Window, SourceSpan) {
    let src = &doc.source;
    // On char boundaries of the source, the end not before the start (as
    // rules make them; a finding from elsewhere is taken in as well).
    let f_start = crate::text::floor_char_boundary(src, f.start);
    let f_end = crate::text::floor_char_boundary(src, f.end).max(f_start);
    let start_line = doc.line_of(f_start);
    let last_line = doc.line_of(f_end.saturating_sub(1).max(f_start));
    let end_line = last_line.min(start_line + MAX_LINES - 1);
    let mut text = String::new();
    let mut span_start = 0;
    let mut span_end = 0;
    for line in start_line..=end_line {
        // A line start is 0, just after an ASCII line break, or src.len().
        let rest = src.get(doc.line_start(line)..).unwrap_or_default();
        let ls = src.len() - rest.len();
        let raw = rest.split(['\n', '\r']).next().unwrap_or_default();
        let le = ls + raw.len();
        // Cut long lines around the part of the span on this line: `a <= b`,
        // both char boundaries of `raw`, so `from <= a <= b <= to`.
        let (from, to) = if raw.chars().count() > LONG_LINE {
            let a = f_start.clamp(ls, le) - ls;
            let b = f_end.clamp(ls, le) - ls;
            (
                back_chars(raw, a, CONTEXT_CHARS),
                fwd_chars(raw, b, CONTEXT_CHARS),
            )
        } else {
            (0, raw.len())
        };
        let prefix = if from > 0 { "…" } else { "" };
        let base = text.len() + prefix.len();
        text.push_str(prefix);
        text.push_str(raw.get(from..to).unwrap_or_default());
        if to < raw.len() {
            text.push('…');
        }
        let map = |off: usize| base + off.clamp(ls + from, ls + to) - ls - from;
        if line == start_line {
            span_start = map(f_start);
        }
        span_end = map(f_end);
        if line != end_line {
            text.push('\n');
        }
    }
    let len = span_end.saturating_sub(span_start);
    (
        Window {
            name: name.to_string(),
            text,
            first_line: start_line - 1,
            primary: (start_line - 1, doc.column_of(f_start) - 1),
            cut_at: (last_line > end_line).then_some(last_line),
        },
        SourceSpan::new(span_start.into(), len),
    )
}

/// The start of the `n`th character before byte `at` of `s` (0 when fewer).
fn back_chars(s: &str, at: usize, n: usize) -> usize {
    s.get(..at)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte `n` characters after byte `at` of `s` (its end when fewer).
fn fwd_chars(s: &str, at: usize, n: usize) -> usize {
    s.get(at..)
        .unwrap_or_default()
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i)
}

/// How findings are shown.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Columns of the terminal; long lines are cut to fit.
    pub width: usize,
    /// Show each fix's edit under the finding (`--show-fixes`).
    pub show_fixes: bool,
}

/// The help line of a finding, with its fix's edit when asked for.
fn help_text(doc: &Document, f: &Finding, show_fixes: bool) -> Option<String> {
    let fix = f.fix.as_ref().filter(|_| show_fixes).map(|fix| {
        let old = doc
            .source
            .get(fix.start..fix.end)
            .unwrap_or("")
            .escape_debug();
        let new = fix.replacement.escape_debug();
        let at = format!("{}:{}", doc.line_of(fix.start), doc.column_of(fix.start));
        match (old.to_string().is_empty(), new.to_string().is_empty()) {
            (true, _) => format!("fix: insert `{new}` at {at}"),
            (false, true) => format!("fix: delete `{old}` at {at}"),
            (false, false) => format!("fix: replace `{old}` at {at} with `{new}`"),
        }
    });
    match (f.help.clone(), fix) {
        (Some(h), Some(x)) => Some(format!("{h}\n{x}")),
        (h, x) => h.or(x),
    }
}

/// Renders findings for a terminal (or a log).
pub fn render(doc: &Document, name: &str, findings: &[Finding], style: Style) -> String {
    let Style {
        color,
        width,
        show_fixes,
    } = style;
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_context_lines(1)
        .with_links(false);
    let mut out = String::new();
    for f in findings {
        let (window, span) = window(doc, name, f);
        let report = Report {
            finding: f.clone(),
            window,
            span,
            help: help_text(doc, f, show_fixes),
        };
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!("{name}: {} [{}]\n", f.message, f.rule));
        }
        out.push_str(&crate::docx::human_note(doc, f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            rule: "test",
            severity: Severity::Warning,
            message: "m".into(),
            start,
            end,
            help: None,
            fix: None,
            related: Vec::new(),
        }
    }

    #[test]
    fn offsets_inside_a_character_or_reversed_do_not_panic() {
        // A long line (cut around the span) of two-byte characters.
        let doc = crate::parse::parse("ā".repeat(400), None);
        let style = Style {
            color: false,
            width: 80,
            show_fixes: false,
        };
        for (s, e) in [(301, 303), (300, 303), (500, 100), (799, 900)] {
            let out = render(&doc, "f", &[finding(s, e)], style);
            assert!(out.contains("test"), "{s}..{e}: {out}");
        }
    }
}
