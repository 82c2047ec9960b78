//! Command-line flags, turned once into a checked [`Config`]; nothing after
//! [`Config::from_args`] looks at a flag.

use clap::{Parser, Subcommand, ValueEnum};

use crate::attribute::{self, Index};
use crate::check;
use crate::claims;
use crate::corpus::{self, LoadOptions};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::matcher::{self, Lexical};
use crate::report;
use crate::speakers::{self, Registry};
use rayon::prelude::*;

pub const DEFAULT_CORPUS: &str = "seeds/";
pub const DEFAULT_CLAIMS: &str = "claims/";

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, and where: attributed statements in news articles",
    long_about = "Who said what, and where: attributed statements in news articles.\n\n\
                  With no command, prints the citation table of claims/ against seeds/ \
                  (the same as `whosaid attribute`)."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tie each claim to the speakers who made it, with the evidence (the default).
    Attribute(AttributeArgs),
    /// List every attributed statement in the corpus.
    Extract(ExtractArgs),
    /// Validate claim files and the speaker registry.
    Lint(LintArgs),
    /// Fail (exit 1) when attribution drifts from the claims' `expect` or the lock.
    Check(CheckArgs),
    /// Pin the current evidence of every claim in a lockfile.
    Lock(LockArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Junit,
}

/// The claims-and-corpus flags `attribute`, `check` and `lock` share.
#[derive(Debug, Default, clap::Args)]
pub struct MatchArgs {
    /// Claim files or directories of them; repeat for several [default: claims/].
    #[arg(long, value_name = "PATH")]
    pub claims: Vec<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Score at which a statement supports a claim, for claims without a threshold of their own.
    #[arg(long, value_name = "S")]
    pub min_score: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub matching: MatchArgs,
    #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
    pub format: CheckFormat,
    /// Also compare the evidence with the lockfile.
    #[arg(long)]
    pub locked: bool,
    /// The lockfile [default: whosaid.lock].
    #[arg(long, value_name = "FILE")]
    pub lock: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct LockArgs {
    #[command(flatten)]
    pub matching: MatchArgs,
    /// Where to write the lock [default: whosaid.lock].
    #[arg(long, value_name = "FILE")]
    pub output: Option<String>,
    /// Overwrite a file that is not a whosaid lock.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Default, clap::Args)]
pub struct CorpusArgs {
    /// Files or directories (recursively .txt and .md); `-` reads stdin [default: seeds/].
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

#[derive(Debug, Default, clap::Args)]
pub struct AttributeArgs {
    #[command(flatten)]
    pub matching: MatchArgs,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also list claims that nobody made.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Claim files or directories [default: claims/].
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// A speaker registry to validate too, under any file name.
    #[arg(long, value_name = "FILE")]
    pub speakers: Option<String>,
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
        Ok(CorpusConfig {
            paths: or_default(args.paths, DEFAULT_CORPUS),
            load: LoadOptions { lossy: args.lossy },
            extractor: Extractor::new(lexicon, registry),
        })
    }

    /// Loads and extracts the corpus; warnings go to `out`.
    fn statements(&self, out: &mut Output) -> Result<Vec<crate::Statement>> {
        Ok(self.statements_and_aliases(out)?.0)
    }

    /// The statements, and what each document also calls the things it
    /// names, for claim matching.
    fn statements_and_aliases(
        &self,
        out: &mut Output,
    ) -> Result<(Vec<crate::Statement>, attribute::DocumentAliases)> {
        let loaded = corpus::load(&self.paths, self.load)?;
        out.warnings
            .extend(loaded.warnings.iter().map(ToString::to_string));
        let aliases = loaded
            .docs
            .par_iter()
            .map(|d| (d.path.clone(), matcher::document_aliases(&d.text)))
            .collect();
        Ok((self.extractor.corpus(&loaded), aliases))
    }
}

fn or_default(paths: Vec<String>, default: &str) -> Vec<String> {
    if paths.is_empty() {
        vec![default.to_string()]
    } else {
        paths
    }
}

/// Which claims, against which corpus, at which threshold.
#[derive(Debug)]
pub struct MatchConfig {
    pub claims: Vec<claims::Claim>,
    pub corpus: CorpusConfig,
    pub threshold: f64,
}

impl MatchConfig {
    fn from_args(a: MatchArgs) -> Result<Self> {
        if let Some(s) = a.min_score
            && !(0.0..=1.0).contains(&s)
        {
            return Err(Error::Message(format!("--min-score {s} is outside [0, 1]")));
        }
        let corpus = CorpusConfig::from_args(a.corpus)?;
        let mut claims = claims::load(&or_default(a.claims, DEFAULT_CLAIMS))?;
        claims::canonicalize(&mut claims, &corpus.extractor.registry);
        Ok(MatchConfig {
            claims,
            corpus,
            threshold: a.min_score.unwrap_or(attribute::DEFAULT_THRESHOLD),
        })
    }

    /// Extracts the corpus and attributes every claim, at the configured
    /// threshold and at each of `extra` thresholds (one extraction for all).
    fn attribute(
        &self,
        out: &mut Output,
        extra: &[f64],
    ) -> Result<Vec<Vec<attribute::Attribution>>> {
        let (statements, aliases) = self.corpus.statements_and_aliases(out)?;
        let scorer = Lexical::new(&self.corpus.extractor.registry.alias_groups());
        let index = Index::with(&statements, scorer, &aliases);
        Ok(std::iter::once(self.threshold)
            .chain(extra.iter().copied())
            .map(|t| attribute::attribute(&self.claims, &index, t))
            .collect())
    }
}

/// How claims are matched and shown.
#[derive(Debug)]
pub struct AttributeConfig {
    pub matching: MatchConfig,
    pub format: Format,
    pub all: bool,
    pub width: Option<u16>,
}

/// A checked configuration: one variant per command.
#[derive(Debug)]
pub enum Config {
    Attribute(AttributeConfig),
    Extract {
        corpus: CorpusConfig,
        format: Format,
        width: Option<u16>,
    },
    Lint {
        paths: Vec<String>,
        speakers: Option<String>,
    },
    Check {
        matching: MatchConfig,
        format: CheckFormat,
        lock: Option<String>,
    },
    Lock {
        matching: MatchConfig,
        output: String,
        force: bool,
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
            Some(Command::Lint(a)) => Ok(Config::Lint {
                paths: or_default(a.paths, DEFAULT_CLAIMS),
                speakers: a.speakers,
            }),
            Some(Command::Attribute(a)) => Self::attribute(a),
            Some(Command::Check(a)) => Ok(Config::Check {
                matching: MatchConfig::from_args(a.matching)?,
                format: a.format,
                lock: (a.locked || a.lock.is_some())
                    .then(|| a.lock.unwrap_or_else(|| check::DEFAULT_LOCK.to_string())),
            }),
            Some(Command::Lock(a)) => Ok(Config::Lock {
                matching: MatchConfig::from_args(a.matching)?,
                output: a.output.unwrap_or_else(|| check::DEFAULT_LOCK.to_string()),
                force: a.force,
            }),
            None => Self::attribute(AttributeArgs::default()),
        }
    }

    fn attribute(a: AttributeArgs) -> Result<Self> {
        Ok(Config::Attribute(AttributeConfig {
            matching: MatchConfig::from_args(a.matching)?,
            format: a.format.unwrap_or(Format::Table),
            all: a.all,
            width: table_width(),
        }))
    }
}

pub fn run(args: Args) -> Result<Output> {
    let mut out = Output::default();
    match Config::from_args(args)? {
        Config::Extract {
            corpus,
            format,
            width,
        } => {
            let statements = corpus.statements(&mut out)?;
            out.stdout = report::statements(&statements, format, width)?;
        }
        Config::Attribute(cfg) => {
            let results = cfg.matching.attribute(&mut out, &[])?.remove(0);
            out.stdout = report::attributions(&results, cfg.format, cfg.width, cfg.all)?;
        }
        Config::Check {
            matching,
            format,
            lock,
        } => {
            // Read the lock first: a missing lock is an error, not drift.
            let locked = lock.as_deref().map(check::read_lock).transpose()?;
            // Scored at half the threshold too, to show a missing speaker's closest statement.
            let mut runs = matching.attribute(&mut out, &[matching.threshold / 2.0])?;
            let near = runs.pop().unwrap_or_default();
            let results = runs.pop().unwrap_or_default();
            let mut rep = check::expectations(&matching.claims, &results, &near);
            if let Some(locked) = &locked {
                rep = check::merge(rep, check::against_lock(locked, &results));
            }
            out.stdout = report::check(&rep, format)?;
            out.code = if rep.ok() { 0 } else { 1 };
        }
        Config::Lock {
            matching,
            output,
            force,
        } => {
            let results = matching.attribute(&mut out, &[])?.remove(0);
            let lock = check::lock(&results);
            check::write_lock(&output, &check::render_lock(&lock)?, force)?;
            let evidence: usize = lock
                .claims
                .iter()
                .flat_map(|c| &c.speakers)
                .map(|s| s.evidence.len())
                .sum();
            out.stdout = format!(
                "wrote {output}: {} claims, {evidence} pieces of evidence\n",
                lock.claims.len()
            );
        }
        Config::Lint { paths, speakers } => {
            out.stdout = lint(&paths, speakers.as_deref())?;
        }
    }
    Ok(out)
}

/// Validates claim files, any speaker registry among them, and the
/// registry given with `--speakers`.
fn lint(paths: &[String], speakers: Option<&str>) -> Result<String> {
    let mut errors = Vec::new();
    let claims = match claims::load(paths) {
        Ok(c) => c,
        Err(Error::Many(es)) => {
            errors.extend(es);
            Vec::new()
        }
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    };
    let mut registries = 0;
    if let Some(p) = speakers {
        registries += 1;
        if let Err(e) = Registry::load(p) {
            errors.push(e);
        }
    }
    for p in paths {
        let path = std::path::Path::new(p);
        let reg = if path.is_dir() {
            path.join("speakers.yaml")
        } else if path.file_name().is_some_and(|n| n == "speakers.yaml") {
            path.to_path_buf()
        } else {
            continue;
        };
        if reg.is_file() {
            registries += 1;
            if let Err(e) = Registry::load(&reg.to_string_lossy()) {
                errors.push(e);
            }
        }
    }
    match errors.len() {
        0 => Ok(format!(
            "ok: {} claims, {} speaker {}\n",
            claims.len(),
            registries,
            if registries == 1 {
                "registry"
            } else {
                "registries"
            }
        )),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}
