//! The command line as clap sees it. These types exist only here: the library
//! takes its own types (`Config`, `FailOn`), and the commands map these onto
//! them, so the library never depends on clap.

use clap::{Parser, Subcommand, ValueEnum};
use conclint::docx::Revisions;
use conclint::lint::config::FailOn;
use std::path::PathBuf;

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
        /// Tracked changes of a Word document: the text with all accepted or all rejected.
        #[arg(long, value_enum, default_value_t = RevisionsArg::Accepted)]
        revisions: RevisionsArg,
    },
    /// Classify every clause of a document.
    Classify {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ClassifyFormat::Table)]
        format: ClassifyFormat,
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, value_enum, default_value_t = RevisionsArg::Accepted)]
        revisions: RevisionsArg,
    },
    /// Print the text conclint reads from a file (a Word document's extracted
    /// text: the line numbers of findings are lines of this text).
    Text {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = RevisionsArg::Accepted)]
        revisions: RevisionsArg,
    },
    /// Report drafting defects in files, directories (*.txt, recursively) or `-`.
    Lint(LintArgs),
    /// Check that language versions of one text say the same thing.
    Align(AlignArgs),
    /// Run the language server over stdio.
    Lsp,
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// List the language packs with their verified and unverified verb forms.
    Languages,
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
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Language code (detected when omitted).
    #[arg(long)]
    pub lang: Option<String>,
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
    /// Worker threads for many files (default and maximum: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Leave out of folder walks the paths that match GLOB (repeatable; also
    /// `exclude` in conclint.toml). Files named on the command line are checked.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Write the report to FILE (safely: never over an input) instead of
    /// standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// The name standard input (`-`) is reported under; per-file ignores
    /// apply to it.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Refuse inputs larger than this many bytes (default 268435456, 256 MiB;
    /// also `max-file-size` in conclint.toml).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Tracked changes of Word documents: read with all accepted or all rejected.
    #[arg(long, value_enum, default_value_t = RevisionsArg::Accepted)]
    pub revisions: RevisionsArg,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Which rules run and how findings count, shared by `lint` and `align`
/// (both read `conclint.toml` the same way).
#[derive(clap::Args, Debug, Clone)]
pub struct RuleArgs {
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
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
}

/// How much the report says, shared by `lint` and `align`.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct OutputArgs {
    /// Print the findings and nothing else (no summary, no notes, no progress).
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how many findings each rule gave instead of the findings
    /// (`[*]`: all fixable with --fix; with --format json, a JSON array).
    #[arg(long)]
    pub statistics: bool,
    /// Show the edit each fix would make under its finding (human output).
    #[arg(long)]
    pub show_fixes: bool,
    /// Add the run's wall-clock time to the summary (left out by default so
    /// that two runs over the same files print the same bytes).
    #[arg(long)]
    pub timing: bool,
}

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    /// Two or more versions; each is aligned with the first.
    #[arg(num_args = 2.., required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = AlignFormat::Human)]
    pub format: AlignFormat,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `--revisions`: the command-line face of [`Revisions`].
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevisionsArg {
    Accepted,
    Rejected,
}

impl From<RevisionsArg> for Revisions {
    fn from(a: RevisionsArg) -> Revisions {
        match a {
            RevisionsArg::Accepted => Revisions::Accepted,
            RevisionsArg::Rejected => Revisions::Rejected,
        }
    }
}

/// `--fail-on`: the command-line face of the library's [`FailOn`].
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> FailOn {
        match a {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
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
