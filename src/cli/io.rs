//! What every command needs at the edges: reading a path or standard input,
//! writing to standard output, resolving `--lang`, the colour choice.

use super::args::ColorChoice;
use conclint::input::{self, InputError};
use conclint::lexicon::Language;
use conclint::parse::{self, Document};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// A user-facing error: printed as `error: …`, exit code 2.
pub type CliError = Box<dyn std::error::Error>;

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
    let text = read_path(path, input::DEFAULT_MAX_BYTES)?;
    Ok(parse::parse(text, lang))
}

/// Reads a path or standard input (at most `max_bytes`) into text.
pub fn read_path(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    if path.as_os_str() == "-" {
        let stdin = Path::new("<stdin>");
        let bytes = input::read_limited(std::io::stdin(), stdin, max_bytes)?;
        input::decode(stdin, bytes)
    } else {
        input::read_file_limited(path, max_bytes)
    }
}

/// The name a path is reported under (`-` is `<stdin>`).
pub fn display(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
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

/// Whether human output gets colours: `auto` means a terminal without `NO_COLOR`.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    }
}
