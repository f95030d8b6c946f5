//! `conclint lint`: collect files, lint each, report, choose the exit code.

use super::args::{LintArgs, LintFormat};
use super::files;
use super::io::{display, language, read_source, use_color, CliError};
use super::report::{self, render, Linted};
use super::settings;
use conclint::baseline::Baseline;
use conclint::input::InputError;
use conclint::lexicon::Language;
use conclint::lint;
use conclint::lint::config::{Config, FailOn};
use conclint::render::json;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The configuration: `conclint.toml` and the rule options, then `--lang`.
fn config(args: &LintArgs) -> Result<Config, CliError> {
    // Standard input named with `--stdin-filename` gets the configuration
    // of that name's folder, as the file itself would.
    let near = args
        .stdin_filename
        .as_deref()
        .filter(|_| args.paths.iter().any(|p| p.as_os_str() == "-"))
        .and_then(|n| n.parent());
    let mut c = settings::config_for(&args.rules, near)?;
    if args.lang.is_some() {
        c.lang = args.lang.clone();
    }
    Ok(c)
}

/// Where the report goes: standard output as it comes, or `--output-file`
/// written once at the end through the safe writer.
struct Sink {
    file: Option<PathBuf>,
    buf: Vec<u8>,
}

impl Sink {
    fn put(&mut self, s: &str) -> Result<(), CliError> {
        self.write(|w| w.write_all(s.as_bytes()))
    }

    /// Runs `f` on the output: straight to standard output (buffered), or
    /// into the report file's buffer, which is written once at the end.
    fn write(
        &mut self,
        f: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        if self.file.is_some() {
            return Ok(f(&mut self.buf)?);
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match f(&mut out).and_then(|()| std::io::Write::flush(&mut out)) {
            // A reader that stopped reading (`| head`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => Ok(r?),
        }
    }

    fn finish(self) -> Result<(), CliError> {
        match &self.file {
            Some(p) => Ok(conclint::safe_write::write(p, &self.buf, None)?),
            None => Ok(()),
        }
    }
}

/// Serialises a value as pretty JSON onto a writer.
fn pretty_json(w: &mut dyn std::io::Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(w, value).map_err(std::io::Error::other)
}

/// Rules that never report on a file (`[per-file-ignores]`).
struct PerFileIgnores(Vec<(globset::GlobSet, Vec<String>)>);

impl PerFileIgnores {
    fn new(config: &Config) -> Result<PerFileIgnores, CliError> {
        let mut out = Vec::new();
        for (pattern, rules) in &config.per_file_ignores {
            let set = files::globs(std::iter::once(pattern))
                .map_err(|e| format!("[per-file-ignores]: {e}"))?;
            out.push((set, rules.clone()));
        }
        Ok(PerFileIgnores(out))
    }

    /// The rules silenced on one file, worked out once per file (matching
    /// normalises the path, which is not work to repeat per finding).
    fn rules_for(&self, name: &Path) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(set, _)| files::matches(set, name))
            .flat_map(|(_, rules)| rules.iter().map(String::as_str))
            .collect()
    }
}

/// Refuses to write a report or a baseline over one of the inputs.
fn not_an_input(target: &Path, inputs: &[PathBuf], what: &str) -> Result<(), CliError> {
    match inputs
        .iter()
        .find(|i| conclint::safe_write::same_file(target, i))
    {
        Some(i) => Err(format!(
            "{what} {} is also an input ({}); nothing written",
            target.display(),
            i.display()
        )
        .into()),
        None => Ok(()),
    }
}

pub fn run(args: LintArgs) -> Result<i32, CliError> {
    let config = config(&args)?;
    let lang = language(config.lang.as_deref())?;
    let fail_on = config.fail_on.unwrap_or(FailOn::Warning);
    let rules: Vec<&lint::RuleMeta> = conclint::registry::of_scope(lint::Scope::Document);
    let opts = report::Options {
        format: args.format,
        output: args.output,
        color: use_color(args.color),
        command: "lint",
        rules: &rules,
    };
    let baseline: Option<Baseline> = match &args.baseline {
        Some(p) => {
            let text = conclint::input::read_file(p)?;
            let mut b: Baseline = serde_json::from_str(&text)
                .map_err(|e| format!("{}: not a conclint baseline: {e}", p.display()))?;
            // Recorded as `./nl.txt` or an absolute path, matched as `nl.txt`.
            for e in &mut b.entries {
                e.path = files::normalize(Path::new(&e.path)).display().to_string();
            }
            Some(b)
        }
        None => None,
    };
    let started = std::time::Instant::now();
    let exclude = files::globs(config.exclude.iter().chain(&args.exclude))
        .map_err(|e| format!("--exclude: {e}"))?;
    let per_file = PerFileIgnores::new(&config)?;
    let selection = files::collect(&args.paths, &exclude);
    let files = selection.files;
    let mut errors = selection.errors;
    if !args.output.quiet {
        for n in &selection.notes {
            eprintln!("note: {n}");
        }
    }
    if files.is_empty() {
        let named: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        return Err(format!(
            "no file to check in {} (*.txt files, after ignores and excludes)",
            named.join(", ")
        )
        .into());
    }
    for target in [&args.output_file, &args.write_baseline]
        .into_iter()
        .flatten()
    {
        not_an_input(target, &files, "the output file")?;
    }
    let mut sink = Sink {
        file: args.output_file.clone(),
        buf: Vec::new(),
    };
    let max_bytes = args
        .max_file_size
        .or(config.max_file_size)
        .unwrap_or(conclint::input::DEFAULT_MAX_BYTES);
    let ctx = FileContext {
        lang,
        config: &config,
        baseline: baseline.as_ref(),
        per_file: &per_file,
        max_bytes,
    };
    let mut summary = json::Summary::default();
    let mut diffs = String::new();
    let mut new_baseline = Baseline::default();
    let mut failed = false;
    // SARIF is one document: it keeps every file; the other formats stream.
    let mut kept: Vec<Linted> = Vec::new();
    let streaming = !args.diff && args.write_baseline.is_none() && opts.streams();
    let mut json_started = false;
    let progress = progress_bar(files.len()).filter(|_| !args.output.quiet);
    // More threads than cores only costs memory; a huge `--threads` must not
    // spawn without end.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = args.threads.unwrap_or(cores).clamp(1, cores);
    let mut handle = |r: FileResult| -> Result<(), CliError> {
        errors.extend(r.errors);
        diffs.push_str(&r.diff);
        let Some(l) = r.linted else { return Ok(()) };
        if args.write_baseline.is_some() {
            new_baseline.add(&l.name, &l.doc, &l.findings);
            return Ok(());
        }
        summary.add(&l.findings);
        failed |= l.findings.iter().any(|f| fail_on.fails(f.severity));
        if !streaming {
            // Statistics need only the counts, already in `summary`.
            if !args.output.statistics {
                kept.push(l);
            }
            return Ok(());
        }
        // Each file's report is written in input order: rendered by its
        // worker if small, or here as it is written (JSON straight from the
        // findings), and its document dropped.
        let rendered = r.rendered;
        let mut put = |w: &mut dyn std::io::Write| {
            if args.format == LintFormat::Json {
                w.write_all(if json_started {
                    b",\n"
                } else {
                    b"{\n\"files\": [\n"
                })?;
                json_started = true;
            }
            match &rendered {
                Some(bytes) => w.write_all(bytes),
                None => render_file(w, args.format, &l, &opts),
            }
        };
        match &progress {
            Some(p) => p.suspend(|| sink.write(&mut put)),
            None => sink.write(&mut put),
        }
    };
    let work = |path: &PathBuf| {
        let mut r = process(&args, path, &ctx);
        if streaming {
            r.render_if_small(args.format, &opts);
        }
        if let Some(p) = &progress {
            p.inc(1);
        }
        r
    };
    in_order(&files, threads, &work, &mut handle)?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    if args.output.timing {
        summary.seconds = Some(started.elapsed().as_secs_f64());
    }
    summary.failed = errors.len();
    for e in &errors {
        eprintln!("error: {e}");
    }
    if let Some(p) = &args.write_baseline {
        let text = serde_json::to_string_pretty(&new_baseline)? + "\n";
        conclint::safe_write::write(p, text.as_bytes(), None)?;
        eprintln!(
            "{}: {} findings recorded",
            p.display(),
            new_baseline.entries.len()
        );
        return Ok(if errors.is_empty() { 0 } else { 2 });
    }
    if args.diff {
        sink.put(&diffs)?;
        sink.finish()?;
        return Ok(if !errors.is_empty() {
            2
        } else if diffs.is_empty() {
            0
        } else {
            1
        });
    }
    match args.format {
        _ if !streaming => sink.put(&render(&kept, summary, &opts, &errors)?)?,
        LintFormat::Json => {
            let head = if json_started {
                "\n],\n"
            } else {
                "{\n\"files\": [],\n"
            };
            sink.put(&format!(
                "{head}\"summary\": {}\n}}\n",
                serde_json::to_string_pretty(&summary)?
            ))?;
        }
        LintFormat::Human | LintFormat::Github | LintFormat::Sarif => {
            sink.put(&report::summary(&summary, &opts)?)?
        }
    }
    sink.finish()?;
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

/// What one file gave: its lint result, a diff, errors.
/// Runs `work` on every file on `threads` threads and hands the results to
/// `handle` in input order, so the output does not depend on scheduling.
///
/// Workers take the next file as soon as they are free (no batch waits for
/// its slowest file), but at most `4 × threads` files are taken and not yet
/// handled: memory stays flat however many files there are and however
/// slow one of them is. A worker takes a ticket before it takes a file; the
/// handler gives one back for each file it has handled.
fn in_order<T: Send>(
    files: &[PathBuf],
    threads: usize,
    work: &(dyn Fn(&PathBuf) -> T + Sync),
    handle: &mut dyn FnMut(T) -> Result<(), CliError>,
) -> Result<(), CliError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let window = threads.max(1) * 4;
    let next = AtomicUsize::new(0);
    let (done_tx, done_rx) = crossbeam_channel::unbounded::<(usize, T)>();
    let (ticket_tx, ticket_rx) = crossbeam_channel::bounded::<()>(window);
    for _ in 0..window {
        // The channel holds `window` tickets: these sends never block.
        let _ = ticket_tx.send(());
    }
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let (done_tx, ticket_rx, next) = (done_tx.clone(), ticket_rx.clone(), &next);
            scope.spawn(move || {
                // No ticket (the handler stopped): stop too.
                while ticket_rx.recv().is_ok() {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if done_tx.send((i, work(path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Owned here, so that an early return (a write failed) drops them
        // before the workers are joined: a worker then finds no ticket, or
        // no one to send to, and stops.
        let (ticket_tx, done_rx) = (ticket_tx, done_rx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut want = 0;
        for (i, r) in done_rx.iter() {
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&want) {
                want += 1;
                handle(r)?;
                // Tickets out never exceed `window`: this send never blocks.
                let _ = ticket_tx.send(());
            }
        }
        Ok(())
    })
}

struct FileResult {
    linted: Option<Linted>,
    /// The file's report, rendered by the worker that linted it.
    rendered: Option<Vec<u8>>,
    diff: String,
    errors: Vec<String>,
}

/// Files up to this size are rendered by their worker, so that rendering runs
/// on all cores; a larger file's report is written as it is rendered, so it
/// is never held whole in memory.
const RENDER_IN_WORKER: usize = 1 << 20;

impl FileResult {
    fn render_if_small(&mut self, format: LintFormat, opts: &report::Options) {
        let Some(l) = self
            .linted
            .as_ref()
            .filter(|l| l.doc.source.len() <= RENDER_IN_WORKER)
        else {
            return;
        };
        let mut bytes = Vec::new();
        // Writing into memory cannot fail; a failure would only mean the
        // file is rendered again when written.
        if render_file(&mut bytes, format, l, opts).is_ok() {
            self.rendered = Some(bytes);
        }
    }
}

/// One file's report in a streaming format (human, GitHub, JSON).
fn render_file(
    w: &mut dyn std::io::Write,
    format: LintFormat,
    l: &Linted,
    opts: &report::Options,
) -> std::io::Result<()> {
    match format {
        LintFormat::Human | LintFormat::Github => w.write_all(report::file(l, opts).as_bytes()),
        LintFormat::Json => pretty_json(w, &json::file(&l.doc, &l.name, &l.findings)),
        LintFormat::Sarif => Ok(()),
    }
}

/// What every file is checked with.
struct FileContext<'a> {
    lang: Option<&'static Language>,
    config: &'a Config,
    baseline: Option<&'a Baseline>,
    per_file: &'a PerFileIgnores,
    max_bytes: u64,
}

/// Reads, fixes (when asked), parses and lints one file.
fn process(args: &LintArgs, path: &Path, ctx: &FileContext) -> FileResult {
    let mut out = FileResult {
        rendered: None,
        linted: None,
        diff: String::new(),
        errors: Vec::new(),
    };
    let name_path = match (&args.stdin_filename, path.as_os_str() == "-") {
        (Some(n), true) => files::normalize(n),
        _ => path.to_path_buf(),
    };
    let name = display(&name_path);
    let source = match read_source(path, args.revisions.into(), ctx.max_bytes) {
        Ok(s) => s,
        // An empty or blank file has nothing to report (a pre-commit hook
        // must not fail on it).
        Err(InputError::Empty { .. }) => conclint::docx::Source {
            text: String::new(),
            origin: None,
        },
        Err(e) => {
            out.errors.push(e.to_string());
            return out;
        }
    };
    if source.origin.is_some() && args.fix {
        out.errors.push(format!(
            "{name}: --fix does not edit Word documents (nothing written); use --diff to see the fixes"
        ));
        return out;
    }
    let (text, origin) = (source.text, source.origin);
    let text = if (args.fix || args.diff) && !text.is_empty() {
        apply_fixes(
            args,
            path,
            &name,
            text,
            ctx.lang,
            ctx.config,
            &mut out.diff,
            &mut out.errors,
        )
    } else {
        text
    };
    let mut doc = conclint::parse::parse(text, ctx.lang);
    doc.origin = origin;
    let mut findings = lint::lint(&doc, ctx.config);
    let silenced = ctx.per_file.rules_for(&name_path);
    findings.retain(|f| !silenced.contains(&f.rule));
    if let Some(b) = ctx.baseline {
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
#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the file, its text and the run's settings and outputs"
)]
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
    match conclint::safe_write::write(path, fixed.as_bytes(), Some(text.as_bytes())) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn files(n: usize) -> Vec<PathBuf> {
        (0..n).map(|i| PathBuf::from(i.to_string())).collect()
    }

    /// Later files finish first (earlier ones are slower), yet the handler
    /// sees them in input order.
    #[test]
    fn results_come_in_input_order_whatever_finishes_first() {
        let files = files(40);
        let work = |p: &PathBuf| {
            let i: u64 = p.to_string_lossy().parse().unwrap_or(0);
            std::thread::sleep(Duration::from_millis((40 - i) % 7));
            i
        };
        let mut seen = Vec::new();
        in_order(&files, 4, &work, &mut |i| {
            seen.push(i);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, (0..40).collect::<Vec<u64>>());
    }

    /// A failing handler (an output that cannot be written) ends the run
    /// without waiting for every file, and without a deadlock.
    #[test]
    fn a_failing_handler_stops_the_workers() {
        let files = files(10_000);
        let taken = std::sync::atomic::AtomicUsize::new(0);
        let work = |_: &PathBuf| {
            taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        let mut handled = 0;
        let r = in_order(&files, 2, &work, &mut |()| {
            handled += 1;
            if handled == 3 {
                Err("disk full".to_string().into())
            } else {
                Ok(())
            }
        });
        assert!(r.is_err());
        // At most a window of files beyond the failing one was taken.
        assert!(taken.into_inner() <= 3 + 4 * 2 + 2);
    }
}
