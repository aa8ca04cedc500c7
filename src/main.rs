//! The `vnfacts` command: a thin layer over the library. Reading files and printing happen
//! here; the library never does either.

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vnfacts::{decode, extract, Kind, Options};

const EXAMPLES: &str = "\
Examples:
  vnfacts extract corpus/hoi-nong-dan-so-ket-6-thang.txt --pretty
  vnfacts extract corpus/*.txt > facts.jsonl
  vnfacts extract report.txt --kinds money,count
  cat report.txt | vnfacts extract -
  vnfacts extract report.txt --reference-year 2024
  vnfacts extract report.txt --document-date 2024-07-08
  vnfacts extract report.txt --lexicon lexicon.example.toml";

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
    /// The reports to read; `-` reads standard input. Several files give JSON Lines, one
    /// document a line, in the order given.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Indent the JSON for reading.
    #[arg(long)]
    pretty: bool,
    /// Only these kinds, separated by commas (money, count, percent, ratio, measure,
    /// duration, date, period, organization, person, location).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    kinds: Option<Vec<Kind>>,
    /// The year that completes dates written without one ("ngày 8/3", "6 tháng đầu năm");
    /// overrides the year read from the text.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    reference_year: Option<i32>,
    /// The report's own date (YYYY-MM-DD), when the text does not say it; relative dates
    /// ("hôm qua", "tuần trước") are resolved against it. Never taken from the clock.
    #[arg(long, value_name = "DATE")]
    document_date: Option<vnfacts::calendar::Date>,
    /// Your own abbreviations, organisations and places (TOML; see lexicon.example.toml).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
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

/// Reads and extracts one file: its JSON line, its warnings, or an error naming it.
fn one(path: &PathBuf, options: &Options, pretty: bool) -> Result<(String, Vec<String>), String> {
    let source = path.display().to_string();
    let bytes = read_input(path)?;
    let text = decode::decode(&bytes).map_err(|e| format!("{source}: {e}"))?;
    let mut doc = extract(&text, options);
    doc.source = source.clone();
    let warnings = doc
        .warnings
        .iter()
        .map(|w| format!("{source}: {w}"))
        .collect();
    let json = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    }
    .map_err(|e| format!("{source}: cannot write JSON: {e}"))?;
    Ok((json, warnings))
}

/// Extracts every file (in parallel) and prints the documents in the order given. Returns
/// false when a file could not be read.
fn run(args: ExtractArgs) -> Result<bool, String> {
    let lexicon = match &args.lexicon {
        Some(p) => Some(std::sync::Arc::new(vnfacts::UserLexicon::load(p)?)),
        None => None,
    };
    let options = Options {
        reference_year: args.reference_year,
        kinds: args.kinds,
        document_date: args.document_date,
        lexicon,
    };
    let pretty = args.pretty && args.files.len() == 1;
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|p| one(p, &options, pretty))
        .collect();
    let mut stdout = io::stdout().lock();
    let mut all_ok = true;
    for r in results {
        match r {
            Ok((json, warnings)) => {
                for w in warnings {
                    eprintln!("vnfacts: {w}");
                }
                writeln!(stdout, "{json}").map_err(|e| format!("cannot write the output: {e}"))?;
            }
            Err(e) => {
                eprintln!("vnfacts: {e}");
                all_ok = false;
            }
        }
    }
    stdout
        .flush()
        .map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(msg) => {
            eprintln!("vnfacts: {msg}");
            ExitCode::FAILURE
        }
    }
}
