//! JSON output of findings (serde; not miette's JSON handler).

use crate::lint::{Finding, Fix, Severity};
use crate::parse::Document;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

/// One finding with line and column (1-based, columns in characters).
#[derive(Debug, Serialize)]
pub struct DiagnosticOut {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub span: SpanOut,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<crate::lint::Related>,
    /// Where the finding is in a Word document (absent for plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub word: Option<crate::docx::WordLocation>,
}

#[derive(Serialize)]
pub struct FileOut<'a> {
    pub path: &'a str,
    pub language: &'a str,
    pub kind: crate::ast::DocKind,
    pub diagnostics: Diagnostics<'a>,
}

/// A document's findings, converted one at a time as they are serialised:
/// the output of a large file is never held twice (as values and as text).
pub struct Diagnostics<'a> {
    doc: &'a Document,
    findings: &'a [Finding],
}

impl Diagnostics<'_> {
    /// The findings, converted.
    pub fn iter(&self) -> impl Iterator<Item = DiagnosticOut> + '_ {
        self.findings.iter().map(|f| diagnostic(self.doc, f))
    }
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[derive(Debug, Serialize, Default)]
pub struct Summary {
    pub files: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub by_rule: BTreeMap<&'static str, usize>,
    /// Findings of each rule that `--fix` can fix.
    #[serde(skip)]
    pub fixable_by_rule: BTreeMap<&'static str, usize>,
    /// Files that could not be read.
    pub failed: usize,
    /// Wall-clock time of the run, in seconds: only with `--timing`, so that
    /// two runs over the same files print the same bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
}

#[derive(Serialize)]
pub struct Output<'a> {
    pub files: Vec<FileOut<'a>>,
    pub summary: Summary,
}

/// One document's findings, ready to serialise.
pub fn file<'a>(doc: &'a Document, path: &'a str, findings: &'a [Finding]) -> FileOut<'a> {
    FileOut {
        path,
        language: &doc.language.code,
        kind: doc.kind,
        diagnostics: Diagnostics { doc, findings },
    }
}

fn diagnostic(doc: &Document, f: &Finding) -> DiagnosticOut {
    DiagnosticOut {
        rule: f.rule,
        severity: f.severity,
        message: f.message.clone(),
        line: doc.line_of(f.start),
        column: doc.column_of(f.start),
        end_line: doc.line_of(f.end),
        end_column: doc.column_of(f.end),
        span: SpanOut {
            start: f.start,
            end: f.end,
        },
        help: f.help.clone(),
        fix: f.fix.clone(),
        related: f.related.clone(),
        word: crate::docx::locate(doc, f.start),
    }
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings {
            self.findings += 1;
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            *self.by_rule.entry(f.rule).or_default() += 1;
            if f.fix.is_some() {
                *self.fixable_by_rule.entry(f.rule).or_default() += 1;
            }
        }
    }

    /// Findings that `--fix` can fix.
    pub fn fixable(&self) -> usize {
        self.fixable_by_rule.values().sum()
    }

    pub fn line(&self) -> String {
        format!(
            "{} file{} checked{}: {} finding{} ({} error{}, {} warning{}, {} info){}{}{}",
            self.files,
            plural(self.files),
            self.seconds
                .map(|s| format!(" in {s:.2}s"))
                .unwrap_or_default(),
            self.findings,
            plural(self.findings),
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings),
            self.infos,
            match self.fixable() {
                0 => String::new(),
                n => format!("; {n} fixable with --fix"),
            },
            if self.failed > 0 {
                format!("; {} file(s) could not be read", self.failed)
            } else {
                String::new()
            },
            if self.by_rule.is_empty() {
                String::new()
            } else {
                let rules: Vec<String> = self
                    .by_rule
                    .iter()
                    .map(|(r, n)| format!("{r} {n}"))
                    .collect();
                format!("\n  by rule: {}", rules.join(", "))
            }
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
