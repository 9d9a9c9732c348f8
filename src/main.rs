//! `charter`: see `charter --help`.

fn main() -> std::process::ExitCode {
    citizen_charter::cli::run()
}
