//! `conclint lint`: collect files, lint each, report, choose the exit code.

use crate::baseline::Baseline;
use crate::cli::{
    read_path, write_stdout, AlignFormat, CliError, ColorChoice, LintArgs, LintFormat,
};
use crate::lint::config::{Config, FailOn};
use crate::lint::{self, Severity};
use crate::render::{github, human, json, sarif};
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
            let rules: Vec<&lint::RuleMeta> = crate::registry::of_scope(lint::Scope::Pair);
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

type ChoiceArg = ColorChoice;

/// A linted file.
struct Linted {
    name: String,
    doc: crate::parse::Document,
    findings: Vec<lint::Finding>,
}

/// Renders linted files in a machine or human format.
fn render(
    format: LintFormat,
    files: &[Linted],
    summary: json::Summary,
    color: bool,
    rules: &[&lint::RuleMeta],
) -> Result<String, CliError> {
    Ok(match format {
        LintFormat::Human => {
            let mut out = String::new();
            for f in files {
                out.push_str(&human::render(&f.doc, &f.name, &f.findings, color, 100));
            }
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

pub fn run(args: LintArgs) -> Result<i32, CliError> {
    let config = config(&args)?;
    let lang = crate::cli::language(config.lang.as_deref())?;
    let fail_on = config.fail_on.unwrap_or(FailOn::Warning);
    let color = use_color(args.color);
    let baseline: Option<Baseline> = match &args.baseline {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Some(
                serde_json::from_str(&text)
                    .map_err(|e| format!("{}: not a conclint baseline: {e}", p.display()))?,
            )
        }
        None => None,
    };
    let started = std::time::Instant::now();
    let (files, mut errors) = collect(&args.paths);
    let mut summary = json::Summary::default();
    let mut diffs = String::new();
    let mut new_baseline = Baseline::default();
    let mut failed = false;
    let rules: Vec<&lint::RuleMeta> = crate::registry::of_scope(lint::Scope::Document);
    // SARIF is one document: it keeps every file; the other formats stream.
    let mut kept: Vec<Linted> = Vec::new();
    let streaming = !args.diff && args.write_baseline.is_none() && args.format != LintFormat::Sarif;
    let mut json_started = false;
    let progress = progress_bar(files.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| format!("--threads: {e}"))?;
    // Files are processed in parallel, a chunk at a time; results are written
    // in input order, so the output does not depend on scheduling and memory
    // stays flat however many files there are.
    let chunk = pool.current_num_threads().max(1) * 8;
    for group in files.chunks(chunk) {
        let results: Vec<FileResult> = pool.install(|| {
            use rayon::prelude::*;
            group
                .par_iter()
                .map(|path| {
                    let r = process(&args, path, lang, &config, baseline.as_ref());
                    if let Some(p) = &progress {
                        p.inc(1);
                    }
                    r
                })
                .collect()
        });
        let mut out = String::new();
        for r in results {
            errors.extend(r.errors);
            diffs.push_str(&r.diff);
            let Some(l) = r.linted else { continue };
            if args.write_baseline.is_some() {
                new_baseline.add(&l.name, &l.doc, &l.findings);
                continue;
            }
            summary.add(&l.findings);
            failed |= l.findings.iter().any(|f| fail_on.fails(f.severity));
            if !streaming {
                kept.push(l);
                continue;
            }
            match args.format {
                LintFormat::Human => {
                    out.push_str(&human::render(&l.doc, &l.name, &l.findings, color, 100))
                }
                LintFormat::Github => out.push_str(&github::render(&l.doc, &l.name, &l.findings)),
                LintFormat::Json => {
                    out.push_str(if json_started {
                        ",\n"
                    } else {
                        "{\n\"files\": [\n"
                    });
                    json_started = true;
                    out.push_str(&serde_json::to_string_pretty(&json::file(
                        &l.doc,
                        &l.name,
                        &l.findings,
                    ))?);
                }
                LintFormat::Sarif => {}
            }
        }
        if !out.is_empty() {
            if let Some(p) = &progress {
                p.suspend(|| write_stdout(&out))?;
            } else {
                write_stdout(&out)?;
            }
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    summary.failed = errors.len();
    for e in &errors {
        eprintln!("error: {e}");
    }
    if let Some(p) = &args.write_baseline {
        let text = serde_json::to_string_pretty(&new_baseline)? + "\n";
        std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        eprintln!(
            "{}: {} findings recorded",
            p.display(),
            new_baseline.entries.len()
        );
        return Ok(if errors.is_empty() { 0 } else { 2 });
    }
    if args.diff {
        write_stdout(&diffs)?;
        return Ok(if !errors.is_empty() {
            2
        } else if diffs.is_empty() {
            0
        } else {
            1
        });
    }
    match args.format {
        LintFormat::Sarif => {
            write_stdout(&render(LintFormat::Sarif, &kept, summary, color, &rules)?)?
        }
        LintFormat::Json => {
            let head = if json_started {
                "\n],\n"
            } else {
                "{\n\"files\": [],\n"
            };
            write_stdout(&format!(
                "{head}\"summary\": {}\n}}\n",
                serde_json::to_string_pretty(&summary)?
            ))?;
        }
        LintFormat::Human => write_stdout(&(summary.line() + "\n"))?,
        LintFormat::Github => {}
    }
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

/// What one file gave: its lint result, a diff, errors.
struct FileResult {
    linted: Option<Linted>,
    diff: String,
    errors: Vec<String>,
}

/// Reads, fixes (when asked), parses and lints one file.
fn process(
    args: &LintArgs,
    path: &Path,
    lang: Option<&'static crate::lexicon::Language>,
    config: &Config,
    baseline: Option<&Baseline>,
) -> FileResult {
    let mut out = FileResult {
        linted: None,
        diff: String::new(),
        errors: Vec::new(),
    };
    let text = match read_path(path) {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(e.to_string());
            return out;
        }
    };
    let name = display(path);
    let text = if args.fix || args.diff {
        apply_fixes(
            args,
            path,
            &name,
            text,
            lang,
            config,
            &mut out.diff,
            &mut out.errors,
        )
    } else {
        text
    };
    let doc = crate::parse::parse(text, lang);
    let mut findings = lint::lint(&doc, config);
    if let Some(b) = baseline {
        if args.write_baseline.is_none() {
            findings = b.filter(&name, &doc, findings);
        }
    }
    out.linted = Some(Linted {
        name,
        doc,
        findings,
    });
    out
}

/// A progress bar on standard error for many files on a terminal; none when
/// piped or in CI.
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    (interactive && files > 20).then(|| {
        let p = indicatif::ProgressBar::new(files as u64);
        p.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        p
    })
}

/// `--fix` / `--diff` for one file: returns the text to lint (the fixed text
/// once it is written).
#[allow(clippy::too_many_arguments)]
fn apply_fixes(
    args: &LintArgs,
    path: &Path,
    name: &str,
    text: String,
    lang: Option<&'static crate::lexicon::Language>,
    config: &Config,
    diffs: &mut String,
    errors: &mut Vec<String>,
) -> String {
    let (fixed, n) = crate::fix::fix_text(&text, lang, config);
    if n == 0 || fixed == text {
        return text;
    }
    if args.diff {
        diffs.push_str(&crate::fix::diff(name, &text, &fixed));
        return text;
    }
    if path.as_os_str() == "-" {
        errors.push("<stdin>: --fix cannot write to standard input; use --diff".into());
        return text;
    }
    match crate::fix::write_atomically(path, text.as_bytes(), &fixed) {
        Ok(()) => {
            eprintln!("{name}: {n} fix{} applied", if n == 1 { "" } else { "es" });
            fixed
        }
        Err(e) => {
            errors.push(e);
            text
        }
    }
}
