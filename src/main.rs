//! The `conclint` command. The command line (`src/cli/`, clap) is part of the
//! binary only, so the library has no clap in it; all the work is done by
//! the library.

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
