//! What every command needs at the edges: reading a path or standard input,
//! writing to standard output, resolving `--lang`, the colour choice.

use super::args::ColorChoice;
use conclint::docx::{Revisions, Source};
use conclint::input::{self, InputError};
use conclint::lexicon::Language;
use conclint::parse::Document;
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

/// Reads and parses one file (`-` is standard input), a Word document in
/// the given view of its tracked changes.
pub fn load_source(
    path: &Path,
    lang: Option<&str>,
    revisions: Revisions,
) -> Result<Document, CliError> {
    let lang = language(lang)?;
    Ok(read_source(path, revisions, input::DEFAULT_MAX_BYTES)?.parse(lang))
}

/// Reads a path or standard input (at most `max_bytes`) into text (Word
/// documents with every change accepted).
pub fn read_path(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    read_source(path, Revisions::Accepted, max_bytes).map(|s| s.text)
}

/// Reads a path or standard input (at most `max_bytes`): plain text, or a
/// Word document's text with its way back to the document's paragraphs.
pub fn read_source(
    path: &Path,
    revisions: Revisions,
    max_bytes: u64,
) -> Result<Source, InputError> {
    let bytes = if path.as_os_str() == "-" {
        input::read_limited(std::io::stdin(), Path::new("<stdin>"), max_bytes)?
    } else {
        input::read_bytes_limited(path, max_bytes)?
    };
    Source::from_bytes(Path::new(&display(path)), bytes, revisions)
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
