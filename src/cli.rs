//! Command-line interface (clap). Exit codes: 0 success / nothing to report,
//! 1 findings at or above the failure level, 2 usage, I/O or encoding error.

use crate::lexicon::Language;
use crate::parse::{self, Document};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "conclint",
    version,
    about = "Parse, classify and lint EU Council conclusions"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse a document and print its syntax tree.
    Parse {
        /// The text file (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ParseFormat::Tree)]
        format: ParseFormat,
        /// Language code (detected when omitted).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Classify every clause of a document.
    Classify {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ClassifyFormat::Table)]
        format: ClassifyFormat,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Report drafting defects in files, directories (*.txt, recursively) or `-`.
    Lint(LintArgs),
    /// Check that language versions of one text say the same thing.
    Align {
        /// Two or more versions; each is aligned with the first.
        #[arg(num_args = 2.., required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = AlignFormat::Human)]
        format: AlignFormat,
        /// Exit with 1 when a finding is at or above this level.
        #[arg(long, value_enum)]
        fail_on: Option<crate::lint::config::FailOn>,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Run the language server over stdio.
    Lsp,
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule name, as listed by `conclint rules`.
        rule: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Files, directories or `-` (standard input).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Only these rules (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Never these rules (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Override a rule's severity: RULE=error|warning|info (repeatable).
    #[arg(long, value_name = "RULE=LEVEL")]
    pub severity: Vec<String>,
    /// Configuration file (default: conclint.toml here or in a parent directory).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Language code (detected when omitted).
    #[arg(long)]
    pub lang: Option<String>,
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    pub fail_on: Option<crate::lint::config::FailOn>,
    /// Colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Apply safe fixes in place (atomic writes; only the bytes each fix names change).
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,
    /// Record the current findings in FILE (and report nothing).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Worker threads for many files (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlignFormat {
    Human,
    Json,
    Sarif,
    Github,
    Table,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Text,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    Json,
    Tree,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassifyFormat {
    Json,
    Table,
}

/// Runs the CLI and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// A user-facing error: printed as `error: …`, exit code 2.
pub type CliError = Box<dyn std::error::Error>;

fn execute(cli: Cli) -> Result<i32, CliError> {
    match cli.command {
        Command::Parse { file, format, lang } => {
            let doc = load(&file, lang.as_deref())?;
            let out = match format {
                ParseFormat::Json => serde_json::to_string_pretty(&doc.root)? + "\n",
                ParseFormat::Tree => crate::render::outline::render(&doc),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Classify { file, format, lang } => {
            let doc = load(&file, lang.as_deref())?;
            let c = crate::classify::classify(&doc);
            let out = match format {
                ClassifyFormat::Json => serde_json::to_string_pretty(&c)? + "\n",
                ClassifyFormat::Table => crate::render::table::render(&c),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Lint(args) => crate::cli_lint::run(args),
        Command::Lsp => match crate::lsp::run() {
            Ok(()) => Ok(0),
            Err(e) => Err(format!("language server: {e}").into()),
        },
        Command::Align {
            files,
            format,
            fail_on,
            color,
        } => crate::cli_lint::align(&files, format, fail_on, color),
        Command::Rules { format } => {
            let out = match format {
                RulesFormat::Text => crate::render::rules_doc::list(),
                RulesFormat::Markdown => crate::render::rules_doc::markdown(),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Explain { rule } => match crate::registry::find(&rule) {
            Some(m) => {
                write_stdout(&crate::render::rules_doc::explain(m))?;
                Ok(0)
            }
            None => Err(crate::registry::unknown(&rule).into()),
        },
    }
}

/// Resolves a `--lang` value.
pub fn language(code: Option<&str>) -> Result<Option<&'static Language>, CliError> {
    match code {
        None => Ok(None),
        Some(c) => Language::get(&c.to_lowercase()).map(Some).ok_or_else(|| {
            format!(
                "unknown language `{c}` (supported: {})",
                Language::codes().join(", ")
            )
            .into()
        }),
    }
}

/// Reads and parses one file (`-` is standard input).
pub fn load(path: &Path, lang: Option<&str>) -> Result<Document, CliError> {
    let lang = language(lang)?;
    let text = read_path(path)?;
    Ok(parse::parse(text, lang))
}

/// Reads a path or standard input into text.
pub fn read_path(path: &Path) -> Result<String, crate::input::InputError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|source| {
            crate::input::InputError::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        crate::input::decode(Path::new("<stdin>"), bytes)
    } else {
        crate::input::read_file(path)
    }
}

/// Writes to standard output; a closed pipe is not an error.
pub fn write_stdout(s: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
