//! The flags more than one subcommand takes, and the parsers of kinds and formats (their lists
//! come from the library, never copied here).

use super::Failure;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use std::path::PathBuf;
use vnfacts::output::Format;
use vnfacts::{Kind, Options};

/// How reports are read: the options `extract` and `check` share.
#[derive(clap::Args)]
pub(crate) struct ReadArgs {
    /// The year that completes dates written without one ("ngày 8/3", "6 tháng đầu năm");
    /// overrides the year read from the text.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub reference_year: Option<i32>,
    /// The report's own date (YYYY-MM-DD), when the text does not say it; relative dates
    /// ("hôm qua", "tuần trước") are resolved against it. Never taken from the clock.
    #[arg(long, value_name = "DATE")]
    pub document_date: Option<vnfacts::time::Date>,
    /// Your own abbreviations, organisations and places (TOML; see lexicon.example.toml).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    #[command(flatten)]
    pub files: FileArgs,
}

/// Which files are read, and how their bytes are decoded: the options `extract`, `check` and
/// `decode` share.
#[derive(clap::Args)]
pub(crate) struct FileArgs {
    /// Which files of a folder to read (case-insensitive).
    #[arg(long, default_value = DEFAULT_GLOB, value_name = "GLOB")]
    pub glob: String,
    /// What the inputs are: `text`, files whose format is told from their bytes (text, HTML,
    /// Word, ODT, RTF, PDF); a format forced on every file (txt, html, docx, doc, pdf, rtf,
    /// odt); or `jsonl`, records {"id": …, "text": …} a line (extract only).
    #[arg(long = "input", value_name = "KIND", default_value = "text", value_parser = input_parser())]
    pub input: InputKind,
    /// An HTML page's whole text, its menus, sidebars and footers included (by default only its
    /// main text, the article).
    #[arg(long)]
    pub html_all: bool,
    /// Read every input in this encoding instead of detecting it (utf-8 refuses bytes that are
    /// not UTF-8).
    #[arg(long, value_name = "NAME", value_parser = encoding_parser())]
    pub encoding: Option<vnfacts::Encoding>,
    /// Threads (default: all cores; at most 4 a core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,
}

/// The files of a folder read by default: text and the document formats.
pub(crate) const DEFAULT_GLOB: &str = "*.{txt,htm,html,docx,doc,pdf,rtf,odt}";

impl FileArgs {
    /// Refuses `--input jsonl` where only files are read.
    pub fn files_only(&self, command: &str) -> Result<(), Failure> {
        if self.input == InputKind::Jsonl {
            return Err(Failure::Usage(format!(
                "--input jsonl: vnfacts {command} reads files; records are read by vnfacts extract"
            )));
        }
        Ok(())
    }

    /// How the inputs are read: the encoding and format forced, HTML whole or not.
    pub fn how(&self) -> vnfacts::input::batch::How {
        vnfacts::input::batch::How {
            encoding: self.encoding,
            read: vnfacts::input::ReadOptions::new(self.input.format(), self.html_all),
        }
    }

    /// The threads a run may use: `--jobs` (at most [`JOBS_PER_CORE`] a core, with a message
    /// when more are asked), else one a core.
    pub fn threads(&self, quiet: bool) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let most = cores * JOBS_PER_CORE;
        match self.jobs {
            None => cores,
            Some(n) if n as usize > most => {
                if !quiet {
                    eprintln!(
                        "vnfacts: --jobs {n} is more than {JOBS_PER_CORE} a core; using {most} \
                         ({cores} cores)"
                    );
                }
                most
            }
            Some(n) => n as usize,
        }
    }

    /// The thread pool of a run.
    pub fn pool(&self, quiet: bool) -> Result<rayon::ThreadPool, Failure> {
        let threads = self.threads(quiet);
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Failure::Usage(format!("--jobs {threads}: {e}")))
    }
}

/// More threads than this many a core only add memory and switching.
const JOBS_PER_CORE: usize = 4;

impl ReadArgs {
    /// The library's options; a bad lexicon is a usage error.
    pub fn options(&self, kinds: Option<Vec<Kind>>) -> Result<Options, Failure> {
        let lexicon = match &self.lexicon {
            Some(p) => Some(std::sync::Arc::new(
                vnfacts::UserLexicon::load(p).map_err(|e| Failure::Usage(e.to_string()))?,
            )),
            None => None,
        };
        Ok(Options {
            reference_year: self.reference_year,
            kinds,
            document_date: self.document_date,
            lexicon,
        })
    }
}

/// The kinds, by the names `Kind::ALL` gives them.
pub(crate) fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    let names: Vec<&'static str> = Kind::ALL.iter().map(|k| k.name()).collect();
    PossibleValuesParser::new(names).map(|s| s.parse::<Kind>().unwrap_or(Kind::Money))
}

/// The encodings, by the names `Encoding::ALL` gives them.
pub(crate) fn encoding_parser() -> impl TypedValueParser<Value = vnfacts::Encoding> {
    let names: Vec<&'static str> = vnfacts::Encoding::ALL.iter().map(|(_, n)| *n).collect();
    PossibleValuesParser::new(names).map(|s| {
        s.parse::<vnfacts::Encoding>()
            .unwrap_or(vnfacts::Encoding::Utf8)
    })
}

/// What `--input` says the inputs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// Files, their format told from their bytes.
    Text,
    /// JSON Lines records.
    Jsonl,
    /// Files all of one format.
    Format(vnfacts::input::Format),
}

impl InputKind {
    /// The format forced, if any.
    pub fn format(self) -> Option<vnfacts::input::Format> {
        match self {
            InputKind::Format(f) => Some(f),
            _ => None,
        }
    }
}

/// The kinds of input `--input` takes: `text`, `jsonl` and the names `input::Format::ALL`
/// gives the document formats.
pub(crate) fn input_parser() -> impl TypedValueParser<Value = InputKind> {
    let mut names: Vec<&'static str> = vec!["text", "jsonl"];
    names.extend(vnfacts::input::Format::ALL.iter().map(|(_, n)| *n));
    PossibleValuesParser::new(names).map(|s| match s.as_str() {
        "jsonl" => InputKind::Jsonl,
        other => other
            .parse::<vnfacts::input::Format>()
            .map_or(InputKind::Text, InputKind::Format),
    })
}

/// The formats this build writes, by the names `Format::ALL` gives them.
pub(crate) fn format_parser() -> impl TypedValueParser<Value = Format> {
    let names: Vec<&'static str> = Format::ALL
        .iter()
        .filter(|(f, _)| f.available())
        .map(|(_, n)| *n)
        .collect();
    PossibleValuesParser::new(names).map(|s| s.parse::<Format>().unwrap_or(Format::Json))
}
