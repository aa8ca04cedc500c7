//! The `vnfacts` command. Each subcommand is one file of `src/cli/`; this only dispatches.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
