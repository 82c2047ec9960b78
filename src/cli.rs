//! Command-line flags, turned once into a checked [`Config`]; nothing after
//! [`Config::from_args`] looks at a flag.

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::{self, LoadOptions};
use crate::error::Result;
use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::report;
use crate::speakers::{self, Registry};

pub const DEFAULT_CORPUS: &str = "seeds/";

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, and where: attributed statements in news articles"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every attributed statement in the corpus.
    Extract(ExtractArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// Files or directories (recursively .txt and .md); `-` reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Replace invalid UTF-8 instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Extra speech cues (YAML, same format as the built-in lexicon).
    #[arg(long, value_name = "FILE")]
    pub cues: Vec<String>,
    /// Speaker registry with canonical names and aliases [default: claims/speakers.yaml if present].
    #[arg(long, value_name = "FILE", conflicts_with = "no_speakers")]
    pub speakers: Option<String>,
    /// Do not read a speaker registry.
    #[arg(long)]
    pub no_speakers: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// What a run produced: text for stdout, warnings for stderr, an exit code.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub warnings: Vec<String>,
    pub code: u8,
}

/// Where to read the corpus from and how to extract it.
#[derive(Debug)]
pub struct CorpusConfig {
    pub paths: Vec<String>,
    pub load: LoadOptions,
    pub extractor: Extractor,
}

impl CorpusConfig {
    fn from_args(args: CorpusArgs) -> Result<Self> {
        let mut lexicon = Lexicon::builtin();
        for file in &args.cues {
            lexicon.extend_from_file(file)?;
        }
        let registry = match (&args.speakers, args.no_speakers) {
            (_, true) => Registry::default(),
            (Some(path), false) => Registry::load(path)?,
            (None, false) if std::path::Path::new(speakers::DEFAULT_PATH).is_file() => {
                Registry::load(speakers::DEFAULT_PATH)?
            }
            (None, false) => Registry::default(),
        };
        let paths = if args.paths.is_empty() {
            vec![DEFAULT_CORPUS.to_string()]
        } else {
            args.paths
        };
        Ok(CorpusConfig {
            paths,
            load: LoadOptions { lossy: args.lossy },
            extractor: Extractor::new(lexicon, registry),
        })
    }
}

/// A checked configuration: one variant per command.
#[derive(Debug)]
pub enum Config {
    Extract {
        corpus: CorpusConfig,
        format: Format,
        width: Option<u16>,
    },
}

/// Table width: the terminal's own (comfy-table asks it), else `$COLUMNS`, else 120.
fn table_width() -> Option<u16> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        return None;
    }
    Some(
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(120),
    )
}

impl Config {
    pub fn from_args(args: Args) -> Result<Self> {
        match args.command {
            Some(Command::Extract(a)) => Ok(Config::Extract {
                corpus: CorpusConfig::from_args(a.corpus)?,
                format: a.format,
                width: table_width(),
            }),
            None => Ok(Config::Extract {
                corpus: CorpusConfig::from_args(CorpusArgs {
                    paths: Vec::new(),
                    lossy: false,
                    cues: Vec::new(),
                    speakers: None,
                    no_speakers: false,
                })?,
                format: Format::Table,
                width: table_width(),
            }),
        }
    }
}

pub fn run(args: Args) -> Result<Output> {
    match Config::from_args(args)? {
        Config::Extract {
            corpus,
            format,
            width,
        } => {
            let loaded = corpus::load(&corpus.paths, corpus.load)?;
            let statements = corpus.extractor.corpus(&loaded);
            Ok(Output {
                stdout: report::statements(&statements, format, width)?,
                warnings: loaded.warnings.iter().map(ToString::to_string).collect(),
                code: 0,
            })
        }
    }
}
