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
    /// Which files of a folder to read.
    #[arg(long, default_value = "*.txt", value_name = "GLOB")]
    pub glob: String,
}

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

/// The formats this build writes, by the names `Format::ALL` gives them.
pub(crate) fn format_parser() -> impl TypedValueParser<Value = Format> {
    let names: Vec<&'static str> = Format::ALL
        .iter()
        .filter(|(f, _)| f.available())
        .map(|(_, n)| *n)
        .collect();
    PossibleValuesParser::new(names).map(|s| s.parse::<Format>().unwrap_or(Format::Json))
}
