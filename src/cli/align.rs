//! `conclint align A B [C…]`: each version aligned with the first.

use super::args::{AlignArgs, AlignFormat, LintFormat};
use super::io::{display, read_path, use_color, write_stdout, CliError};
use super::report::{self, render, Linted};
use super::settings;
use conclint::align::{self, Version};
use conclint::lint::config::{Config, FailOn};
use conclint::lint::{Finding, RuleMeta};
use conclint::render::json;

/// Keeps the findings of rules the configuration selects, at the severity it
/// gives them (align rules are in the one registry, so `conclint.toml`'s
/// `select`, `ignore` and `[severity]` apply as they do to `lint`).
fn configured(config: &Config, findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            let meta = conclint::registry::find(f.rule)?;
            f.severity = config.severity_of(meta)?;
            Some(f)
        })
        .collect()
}

pub fn run(args: &AlignArgs) -> Result<i32, CliError> {
    let config = settings::config(&args.rules)?;
    let format = args.format;
    let fail_on = config.fail_on.unwrap_or(FailOn::Warning);
    let files = &args.files;
    let mut versions = Vec::new();
    for path in files {
        let text = read_path(path, conclint::input::DEFAULT_MAX_BYTES)?;
        versions.push(Version::new(
            display(path),
            conclint::parse::parse(text, None),
        ));
    }
    // clap asks for two or more files (`num_args = 2..`).
    let Some((first, others)) = versions.split_first() else {
        return Err("align needs at least two files".into());
    };
    let mut out = String::new();
    let mut summary = json::Summary::default();
    let mut failed = false;
    // Findings per version, gathered over all pairs: the first version's
    // from every pair, each other version's from its own pair.
    let mut first_findings: Vec<Finding> = Vec::new();
    let mut other_findings: Vec<Vec<Finding>> = Vec::with_capacity(others.len());
    for other in others {
        let al = align::align(first, other);
        if format == AlignFormat::Table {
            out.push_str(&align::table(first, other, &al.steps));
        }
        let mut it = al.findings.into_iter();
        first_findings.extend(it.next().unwrap_or_default());
        other_findings.push(it.next().unwrap_or_default());
    }
    let per_version = std::iter::once(first_findings).chain(other_findings);
    let mut linted = Vec::new();
    for (v, findings) in versions.into_iter().zip(per_version) {
        let mut findings = configured(&config, findings);
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
    let rules: Vec<&RuleMeta> = conclint::registry::of_scope(conclint::lint::Scope::Pair);
    let opts = report::Options {
        format: as_lint.unwrap_or(LintFormat::Human),
        output: args.output,
        color: use_color(args.color),
        command: "align",
        rules: &rules,
    };
    match as_lint {
        Some(_) => out.push_str(&render(&linted, summary, &opts, &[])?),
        None => out.push_str(&report::summary(&summary, &opts)?),
    }
    write_stdout(&out)?;
    Ok(if failed { 1 } else { 0 })
}
