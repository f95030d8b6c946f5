//! Rendering linted files in the chosen format. Shared by `lint` (findings of
//! rules) and `align` (findings of the comparison), which report alike.

use super::args::LintFormat;
use super::io::CliError;
use conclint::lint::{Finding, RuleMeta};
use conclint::parse::Document;
use conclint::render::{github, human, json, sarif};

/// A linted file.
pub struct Linted {
    pub name: String,
    pub doc: Document,
    pub findings: Vec<Finding>,
}

/// Human output of one file (source windows cut at 100 columns around spans).
pub fn human(l: &Linted, color: bool) -> String {
    human::render(&l.doc, &l.name, &l.findings, color, 100)
}

/// Renders linted files in a machine or human format, in one piece.
pub fn render(
    format: LintFormat,
    files: &[Linted],
    summary: json::Summary,
    color: bool,
    rules: &[&RuleMeta],
) -> Result<String, CliError> {
    Ok(match format {
        LintFormat::Human => {
            let mut out: String = files.iter().map(|f| human(f, color)).collect();
            out.push_str(&summary.line());
            out.push('\n');
            out
        }
        LintFormat::Json => {
            let files_out = files
                .iter()
                .map(|f| json::file(&f.doc, &f.name, &f.findings))
                .collect();
            serde_json::to_string_pretty(&json::Output {
                files: files_out,
                summary,
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
            sarif::render(&ff, rules)
        }
        LintFormat::Github => files
            .iter()
            .map(|f| github::render(&f.doc, &f.name, &f.findings))
            .collect(),
    })
}
