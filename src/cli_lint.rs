//! `conclint lint`: collect files, lint each, report, choose the exit code.

use crate::cli::{
    read_path, write_stdout, AlignFormat, CliError, ColorChoice, LintArgs, LintFormat,
};
use crate::lint::config::{Config, FailOn};
use crate::lint::{self, Severity};
use crate::render::{human, json};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Builds the configuration: file first, then command-line selections.
fn config(args: &LintArgs) -> Result<Config, CliError> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d)),
    };
    let mut c = match path {
        Some(p) => Config::from_file(&p)?,
        None => Config::default(),
    };
    if !args.select.is_empty() {
        c.select = args.select.clone();
    }
    c.ignore.extend(args.ignore.iter().cloned());
    for s in &args.severity {
        let (rule, level) = s
            .split_once('=')
            .ok_or_else(|| format!("--severity takes RULE=LEVEL, not `{s}`"))?;
        let level: Severity =
            serde_json::from_value(serde_json::Value::String(level.to_lowercase()))
                .map_err(|_| format!("unknown severity `{level}` (error, warning, info)"))?;
        c.severity.insert(rule.to_string(), level);
    }
    if let Some(f) = args.fail_on {
        c.fail_on = Some(f);
    }
    if args.lang.is_some() {
        c.lang = args.lang.clone();
    }
    c.validate()?;
    Ok(c)
}

/// Expands directories into their `*.txt` files (sorted, symlinked
/// directories not followed, so a link loop cannot trap the walk).
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) => {
                    errors.push(format!("{}: cannot read directory: {e}", dir.display()));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> =
                entries.filter_map(Result::ok).map(|e| e.path()).collect();
            found.sort();
            for f in found.into_iter().rev() {
                let is_link = std::fs::symlink_metadata(&f)
                    .map(|m| m.file_type().is_symlink())
                    .unwrap_or(false);
                if f.is_dir() {
                    if !is_link {
                        stack.push(f);
                    }
                } else if f.extension().is_some_and(|e| e == "txt") {
                    files.push(f);
                }
            }
        }
    }
    files.sort_by(|a, b| (a.as_os_str() != "-", a).cmp(&(b.as_os_str() != "-", b)));
    (files, errors)
}

fn display(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    }
}

/// `conclint align A B [C…]`: each version aligned with the first.
pub fn align(
    files: &[PathBuf],
    format: AlignFormat,
    fail_on: Option<FailOn>,
    color: ChoiceArg,
) -> Result<i32, CliError> {
    let fail_on = fail_on.unwrap_or(FailOn::Warning);
    let mut versions = Vec::new();
    for path in files {
        let text = read_path(path)?;
        versions.push(crate::align::Version::new(
            display(path),
            crate::parse::parse(text, None),
        ));
    }
    let first = &versions[0];
    let mut out = String::new();
    let mut summary = json::Summary::default();
    let mut files_out = Vec::new();
    let mut failed = false;
    // Findings per version, gathered over all pairs.
    let mut per_version: Vec<Vec<lint::Finding>> = vec![Vec::new(); versions.len()];
    for (k, other) in versions.iter().enumerate().skip(1) {
        let al = crate::align::align(first, other);
        if format == AlignFormat::Table {
            out.push_str(&crate::align::table(first, other, &al.steps));
        }
        let mut it = al.findings.into_iter();
        per_version[0].extend(it.next().unwrap_or_default());
        per_version[k].extend(it.next().unwrap_or_default());
    }
    for (v, findings) in versions.iter().zip(per_version.iter_mut()) {
        findings.sort_by_key(|f| (f.start, f.rule));
        failed |= findings.iter().any(|f| fail_on.fails(f.severity));
        summary.add(findings);
        match format {
            AlignFormat::Human => out.push_str(&human::render(
                &v.doc,
                &v.path,
                findings,
                use_color(color),
                100,
            )),
            AlignFormat::Json => files_out.push(json::file(&v.doc, &v.path, findings)),
            AlignFormat::Table => {}
        }
    }
    match format {
        AlignFormat::Json => {
            out = serde_json::to_string_pretty(&json::Output {
                files: files_out,
                summary,
            })? + "\n"
        }
        _ => {
            out.push_str(&summary.line());
            out.push('\n');
        }
    }
    write_stdout(&out)?;
    Ok(if failed { 1 } else { 0 })
}

type ChoiceArg = ColorChoice;

pub fn run(args: LintArgs) -> Result<i32, CliError> {
    let config = config(&args)?;
    let lang = crate::cli::language(config.lang.as_deref())?;
    let fail_on = config.fail_on.unwrap_or(FailOn::Warning);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    };
    let (files, mut errors) = collect(&args.paths);
    let mut summary = json::Summary::default();
    let mut outputs = Vec::new();
    let mut human_out = String::new();
    let mut failed = false;
    for path in &files {
        let text = match read_path(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e.to_string());
                continue;
            }
        };
        let doc = crate::parse::parse(text, lang);
        let findings = lint::lint(&doc, &config);
        failed |= findings.iter().any(|f| fail_on.fails(f.severity));
        summary.add(&findings);
        let name = display(path);
        match args.format {
            LintFormat::Human => {
                human_out.push_str(&human::render(&doc, &name, &findings, color, 100))
            }
            LintFormat::Json => outputs.push(json::file(&doc, &name, &findings)),
        }
    }
    summary.failed = errors.len();
    for e in &errors {
        eprintln!("error: {e}");
    }
    match args.format {
        LintFormat::Human => {
            human_out.push_str(&summary.line());
            human_out.push('\n');
            write_stdout(&human_out)?;
        }
        LintFormat::Json => {
            let out = json::Output {
                files: outputs,
                summary,
            };
            write_stdout(&(serde_json::to_string_pretty(&out)? + "\n"))?;
        }
    }
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}
