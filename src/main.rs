//! The `conclint` command. The command line (`src/cli/`, clap) is part of the
//! binary only, so the library has no clap in it; all the work is done by
//! the library.

// Input reaches almost every index and slice in the command line: a panic there
// is a crash on somebody's file. So panicking access is refused, and each
// place that keeps one states its proof of bounds in
// `#[expect(clippy::…, reason = "…")]`. Tests fail by panicking, so
// `#[cfg(test)]` code is exempt (clippy.toml).
#![warn(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::allow_attributes_without_reason
)]

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
