//! `conclint lint`: collect files, lint each, report, choose the exit code.

use super::args::{LintArgs, LintFormat};
use super::io::{display, language, read_source, use_color, write_stdout, CliError};
use super::report::{self, render, Linted};
use conclint::baseline::Baseline;
use conclint::lexicon::Language;
use conclint::lint::config::{Config, FailOn};
use conclint::lint::{self, Severity};
use conclint::render::{github, json};
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
        Some(p) => conclint::registry::load_config(&p)?,
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
        c.fail_on = Some(f.into());
    }
    if args.lang.is_some() {
        c.lang = args.lang.clone();
    }
    conclint::registry::validate(&c)?;
    Ok(c)
}

/// Expands directories into their `*.txt` files (sorted, symlinked
/// directories not followed, so a link loop cannot trap the walk).
fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
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

pub fn run(args: LintArgs) -> Result<i32, CliError> {
    let config = config(&args)?;
    let lang = language(config.lang.as_deref())?;
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
    let rules: Vec<&lint::RuleMeta> = conclint::registry::of_scope(lint::Scope::Document);
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
                LintFormat::Human => out.push_str(&report::human(&l, color)),
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
    lang: Option<&'static Language>,
    config: &Config,
    baseline: Option<&Baseline>,
) -> FileResult {
    let mut out = FileResult {
        linted: None,
        diff: String::new(),
        errors: Vec::new(),
    };
    let source = match read_source(path, args.revisions.into()) {
        Ok(s) => s,
        Err(e) => {
            out.errors.push(e.to_string());
            return out;
        }
    };
    let name = display(path);
    if source.origin.is_some() && args.fix {
        out.errors.push(format!(
            "{name}: --fix does not edit Word documents (nothing written); use --diff to see the fixes"
        ));
        return out;
    }
    let (text, origin) = (source.text, source.origin);
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
    let mut doc = conclint::parse::parse(text, lang);
    doc.origin = origin;
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
    lang: Option<&'static Language>,
    config: &Config,
    diffs: &mut String,
    errors: &mut Vec<String>,
) -> String {
    let (fixed, n) = conclint::fix::fix_text(&text, lang, config);
    if n == 0 || fixed == text {
        return text;
    }
    if args.diff {
        diffs.push_str(&conclint::fix::diff(name, &text, &fixed));
        return text;
    }
    if path.as_os_str() == "-" {
        errors.push("<stdin>: --fix cannot write to standard input; use --diff".into());
        return text;
    }
    match conclint::fix::write_atomically(path, text.as_bytes(), &fixed) {
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
