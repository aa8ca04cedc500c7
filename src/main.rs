//! The `vnfacts` command. Each subcommand is one file of `src/cli/`; this only dispatches.

mod cli;

/// The command line's allocator (the library leaves the choice to its user): many small
/// strings are made and dropped for every report, which mimalloc serves faster than the
/// system's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
