//! The `vnfacts` command: a thin layer over the library. Reading files and printing happen
//! here; the library never does either.

use clap::{Parser, Subcommand};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vnfacts::{decode, extract, Kind, Options};

const EXAMPLES: &str = "\
Examples:
  vnfacts extract corpus/hoi-nong-dan-so-ket-2024.txt --pretty
  vnfacts extract report.txt --kinds money,count
  cat report.txt | vnfacts extract -
  vnfacts extract report.txt --reference-year 2024";

/// Reads Vietnamese reports and writes the facts in them as JSON.
#[derive(Parser)]
#[command(name = "vnfacts", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the facts of a report (UTF-8 text) as the JSON of SPEC.md.
    #[command(after_help = EXAMPLES)]
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// The report to read; `-` reads standard input.
    file: PathBuf,
    /// Indent the JSON for reading.
    #[arg(long)]
    pretty: bool,
    /// Only these kinds, separated by commas (money, count, percent, ratio, measure,
    /// duration, date, period).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,
    /// The year that completes dates written without one ("ngày 8/3", "6 tháng đầu năm");
    /// overrides the year read from the text.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    reference_year: Option<i32>,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

fn read_input(path: &PathBuf) -> Result<Vec<u8>, String> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("-: cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err(format!(
            "{}: is a folder; give a file (reading folders comes in a later version)",
            path.display()
        ));
    }
    std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn run(args: ExtractArgs) -> Result<(), String> {
    let source = args.file.display().to_string();
    let bytes = read_input(&args.file)?;
    let text = decode::decode(&bytes).map_err(|e| format!("{source}: {e}"))?;
    let options = Options {
        reference_year: args.reference_year,
        kinds: args.kinds,
    };
    let mut doc = extract(&text, &options);
    doc.source = source.clone();
    for w in &doc.warnings {
        eprintln!("vnfacts: {source}: {w}");
    }
    let out = if args.pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .map_err(|e| format!("{source}: cannot write JSON: {e}"))?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{out}")
        .and_then(|_| stdout.flush())
        .map_err(|e| format!("cannot write the output: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("vnfacts: {msg}");
            ExitCode::FAILURE
        }
    }
}
