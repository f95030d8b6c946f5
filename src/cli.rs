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
