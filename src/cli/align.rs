//! `conclint align A B [C…]`: each version aligned with the first.

use super::args::{AlignFormat, ColorChoice, LintFormat};
use super::io::{display, read_path, use_color, write_stdout, CliError};
use super::report::{render, Linted};
use conclint::align::{self, Version};
use conclint::lint::config::FailOn;
use conclint::lint::{Finding, RuleMeta};
use conclint::render::json;
use std::path::PathBuf;

pub fn run(
    files: &[PathBuf],
    format: AlignFormat,
    fail_on: Option<FailOn>,
    color: ColorChoice,
) -> Result<i32, CliError> {
    let fail_on = fail_on.unwrap_or(FailOn::Warning);
    let mut versions = Vec::new();
    for path in files {
        let text = read_path(path)?;
        versions.push(Version::new(
            display(path),
            conclint::parse::parse(text, None),
        ));
    }
    let first = &versions[0];
    let mut out = String::new();
    let mut summary = json::Summary::default();
    let mut failed = false;
    // Findings per version, gathered over all pairs.
    let mut per_version: Vec<Vec<Finding>> = vec![Vec::new(); versions.len()];
    for (k, other) in versions.iter().enumerate().skip(1) {
        let al = align::align(first, other);
        if format == AlignFormat::Table {
            out.push_str(&align::table(first, other, &al.steps));
        }
        let mut it = al.findings.into_iter();
        per_version[0].extend(it.next().unwrap_or_default());
        per_version[k].extend(it.next().unwrap_or_default());
    }
    let mut linted = Vec::new();
    for (v, mut findings) in versions.into_iter().zip(per_version) {
        findings.sort_by_key(|f| (f.start, f.rule));
        failed |= findings.iter().any(|f| fail_on.fails(f.severity));
        summary.add(&findings);
        linted.push(Linted {
            name: v.path,
            doc: v.doc,
            findings,
        });
    }
    let as_lint = match format {
        AlignFormat::Human => Some(LintFormat::Human),
        AlignFormat::Json => Some(LintFormat::Json),
        AlignFormat::Sarif => Some(LintFormat::Sarif),
        AlignFormat::Github => Some(LintFormat::Github),
        AlignFormat::Table => None,
    };
    match as_lint {
        Some(f) => {
            let rules: Vec<&RuleMeta> = conclint::registry::of_scope(conclint::lint::Scope::Pair);
            out.push_str(&render(f, &linted, summary, use_color(color), &rules)?);
        }
        None => {
            out.push_str(&summary.line());
            out.push('\n');
        }
    }
    write_stdout(&out)?;
    Ok(if failed { 1 } else { 0 })
}
