//! The `conclint` command. All logic lives in the library; this file only
//! parses arguments and maps results to exit codes.

fn main() {
    std::process::exit(conclint::cli::run(std::env::args_os()));
}
