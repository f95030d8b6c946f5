//! Rendering linted files in the chosen format. Shared by `lint` (findings of
//! rules) and `align` (findings of the comparison), which report alike.

use super::args::{LintFormat, OutputArgs};
use super::io::CliError;
use conclint::lint::{Finding, RuleMeta};
use conclint::parse::Document;
use conclint::render::{github, human, json, sarif, statistics};

/// A linted file.
pub struct Linted {
    pub name: String,
    pub doc: Document,
    pub findings: Vec<Finding>,
}

/// What a report looks like and what it is of.
pub struct Options<'a> {
    pub format: LintFormat,
    pub output: OutputArgs,
    pub color: bool,
    /// The subcommand (`lint`, `align`), for SARIF's automation id.
    pub command: &'a str,
    /// The rules that ran, declared in SARIF.
    pub rules: &'a [&'a RuleMeta],
}

impl Options<'_> {
    /// Whether findings are printed one file at a time as they come (SARIF
    /// is one document; statistics need every count first).
    pub fn streams(&self) -> bool {
        self.format != LintFormat::Sarif && !self.output.statistics
    }
}

/// Human output of one file (source windows cut at 100 columns around spans).
pub fn human(l: &Linted, opts: &Options) -> String {
    let style = human::Style {
        color: opts.color,
        width: 100,
        show_fixes: opts.output.show_fixes,
    };
    human::render(&l.doc, &l.name, &l.findings, style)
}

/// One file's findings as they stream (human and GitHub formats; JSON is
/// framed by the caller).
pub fn file(l: &Linted, opts: &Options) -> String {
    match opts.format {
        LintFormat::Human => human(l, opts),
        LintFormat::Github => github::render(&l.doc, &l.name, &l.findings),
        LintFormat::Json | LintFormat::Sarif => String::new(),
    }
}

/// The closing part of a report: the human summary line (none with
/// `--quiet`) or the statistics table.
pub fn summary(summary: &json::Summary, opts: &Options) -> Result<String, CliError> {
    if opts.output.statistics {
        return Ok(match opts.format {
            LintFormat::Json => serde_json::to_string_pretty(&statistics::counts(summary))? + "\n",
            _ => statistics::text(summary),
        });
    }
    Ok(match opts.format {
        LintFormat::Human if !opts.output.quiet => summary.line() + "\n",
        _ => String::new(),
    })
}

/// Renders linted files in a machine or human format, in one piece.
/// `errors`: inputs that could not be read (SARIF reports them).
pub fn render(
    files: &[Linted],
    totals: json::Summary,
    opts: &Options,
    errors: &[String],
) -> Result<String, CliError> {
    if opts.output.statistics {
        return summary(&totals, opts);
    }
    Ok(match opts.format {
        LintFormat::Human => {
            let mut out: String = files.iter().map(|f| human(f, opts)).collect();
            out.push_str(&summary(&totals, opts)?);
            out
        }
        LintFormat::Json => {
            let files_out = files
                .iter()
                .map(|f| json::file(&f.doc, &f.name, &f.findings))
                .collect();
            serde_json::to_string_pretty(&json::Output {
                files: files_out,
                summary: totals,
            })? + "\n"
        }
        LintFormat::Sarif => {
            let ff: Vec<sarif::FileFindings> = files
                .iter()
                .map(|f| sarif::FileFindings {
                    path: &f.name,
                    doc: &f.doc,
                    findings: &f.findings,
                })
                .collect();
            let run = sarif::Run {
                command: opts.command,
                successful: errors.is_empty(),
                errors,
            };
            sarif::render(&ff, opts.rules, &run)
        }
        LintFormat::Github => files
            .iter()
            .map(|f| github::render(&f.doc, &f.name, &f.findings))
            .collect(),
    })
}
