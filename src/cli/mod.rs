//! The command line: a layer of the binary on top of the library. Exit codes:
//! 0 success / nothing to report, 1 findings at or above the failure level,
//! 2 usage, I/O or encoding error.
//!
//! Layers inside, each depending only on those below it:
//! `mod.rs` (dispatch) → `lint.rs`, `align.rs` (commands) → `report.rs`
//! (output formats) → `io.rs` (paths, stdout, `--lang`) → `args.rs` (clap).

mod align;
mod args;
mod files;
mod io;
mod lint;
mod report;
mod settings;

use args::{ClassifyFormat, Cli, Command, ParseFormat, RulesFormat};
use clap::Parser;
use io::{load_source, read_source, write_stdout, CliError};
use std::ffi::OsString;

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

fn execute(cli: Cli) -> Result<i32, CliError> {
    match cli.command {
        Command::Parse {
            file,
            format,
            lang,
            revisions,
        } => {
            let doc = load_source(&file, lang.as_deref(), revisions.into())?;
            let out = match format {
                ParseFormat::Json => serde_json::to_string_pretty(&doc.root())? + "\n",
                ParseFormat::Tree => conclint::render::outline::render(&doc),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Classify {
            file,
            format,
            lang,
            revisions,
        } => {
            let doc = load_source(&file, lang.as_deref(), revisions.into())?;
            let c = conclint::classify::classify(&doc);
            let out = match format {
                ClassifyFormat::Json => serde_json::to_string_pretty(&c)? + "\n",
                ClassifyFormat::Table => conclint::render::table::render(&c),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Text { file, revisions } => {
            write_stdout(
                &read_source(&file, revisions.into(), conclint::input::DEFAULT_MAX_BYTES)?.text,
            )?;
            Ok(0)
        }
        Command::Lint(args) => lint::run(args),
        Command::Lsp => match conclint::lsp::run() {
            Ok(code) => Ok(code),
            Err(e) => Err(format!("language server: {e}").into()),
        },
        Command::Align(args) => align::run(&args),
        Command::Rules { format } => {
            let out = match format {
                RulesFormat::Text => conclint::render::rules_doc::list(),
                RulesFormat::Markdown => conclint::render::rules_doc::markdown(),
            };
            write_stdout(&out)?;
            Ok(0)
        }
        Command::Languages => {
            write_stdout(&conclint::render::languages::render())?;
            Ok(0)
        }
        Command::Explain { rule } => match conclint::registry::find(&rule) {
            Some(m) => {
                write_stdout(&conclint::render::rules_doc::explain(m))?;
                Ok(0)
            }
            None => Err(conclint::registry::unknown(&rule).into()),
        },
    }
}
