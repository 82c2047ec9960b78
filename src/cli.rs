//! Command-line flags, turned once into a checked [`Config`]; nothing after
//! [`Config::from_args`] looks at a flag.

use std::io::Write;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::attribute::{self, Attributor, Learner};
use crate::check;
use crate::claims;
use crate::corpus::{self, Document, LoadOptions, Notice, Warning};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::matcher::Lexical;
use crate::report::{self, CheckFormat, Format, SpeakersFormat, VerifyFormat};
use crate::saved;
use crate::speaker_index;
use crate::speakers::{self, Registry};
use crate::verify;

pub const DEFAULT_CORPUS: &str = "seeds/";
pub const DEFAULT_CLAIMS: &str = "claims/";

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, and where: attributed statements in news articles",
    long_about = "Who said what, and where: attributed statements in news articles.\n\n\
                  With no command, prints the citation table of claims/ against seeds/ \
                  (the same as `whosaid attribute`, whose flags it takes).",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command, `attribute`'s flags.
    #[command(flatten)]
    pub attribute: AttributeArgs,
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
    /// Index every speaker: roles, statements by kind, outlets, documents.
    Speakers(SpeakersArgs),
    /// Did X really say this? Find a quotation or claim as it circulates.
    Verify(VerifyArgs),
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The quotation or claim, as it circulates.
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Who it is attributed to: a name, a surname or a registry alias.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = VerifyFormat::Table)]
    pub format: VerifyFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Statements shown, best first; 0 shows all [default: 10].
    #[arg(long, value_name = "N")]
    pub max_matches: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = SpeakersFormat::Table)]
    pub format: SpeakersFormat,
    /// Print YAML entries for claims/speakers.yaml instead: names that look
    /// like one person written two ways (`Tim Cook`, `Timothy Cook`).
    #[arg(long)]
    pub suggest_aliases: bool,
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
    /// Match against statements saved by `extract --format jsonl` (`-`: stdin)
    /// instead of extracting a corpus; repeat for several files.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub statements: Vec<String>,
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

#[derive(Debug, Default, clap::Args)]
pub struct CorpusArgs {
    /// Files or directories (recursively .txt and .md); `-` reads stdin [default: seeds/].
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Replace invalid UTF-8 instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Only shard K of N (`3/8`): a fixed subset of the documents by path hash,
    /// for splitting a corpus across workers.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Extra speech cues (YAML, same format as the built-in lexicon).
    #[arg(long, value_name = "FILE")]
    pub cues: Vec<String>,
    /// Speaker registry with canonical names and aliases [default: claims/speakers.yaml if present].
    #[arg(long, value_name = "FILE", conflicts_with = "no_speakers")]
    pub speakers: Option<String>,
    /// Do not read a speaker registry.
    #[arg(long)]
    pub no_speakers: bool,
    /// No progress bar (shown on a terminal for corpora over a few MB).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where a report goes instead of stdout.
#[derive(Debug, Default, clap::Args)]
pub struct OutputArgs {
    /// Write the output to FILE, whole or not at all, instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
    /// Replace FILE even when it is not a page whosaid wrote.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// A file to write the output to, checked before any work is done.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: String,
    pub force: bool,
    /// The output is an HTML page, which whosaid can tell as its own: only
    /// then is an existing file replaced without `--force`.
    pub page: bool,
}

impl OutputArgs {
    fn checked(self, page: bool) -> Result<Option<Output>> {
        let Some(path) = self.output else {
            return Ok(None);
        };
        if path.is_empty() || path == "-" {
            return Err(Error::Message(
                "--output needs a file name (stdout is the default)".to_string(),
            ));
        }
        Ok(Some(Output {
            path,
            force: self.force,
            page,
        }))
    }
}

#[derive(Debug, Default, clap::Args)]
pub struct AttributeArgs {
    #[command(flatten)]
    pub matching: MatchArgs,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also list claims that nobody made.
    #[arg(long)]
    pub all: bool,
    /// Pieces of evidence shown per speaker, best first; 0 shows all [default: 5].
    #[arg(long, value_name = "N")]
    pub max_evidence: Option<usize>,
}

/// Enough to cite; an archive can hold thousands of near-repeats.
pub const DEFAULT_MAX_EVIDENCE: usize = 5;

/// Statements `verify` shows by default.
pub const DEFAULT_MAX_MATCHES: usize = 10;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Claim files or directories [default: claims/].
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// A speaker registry to validate too, under any file name.
    #[arg(long, value_name = "FILE")]
    pub speakers: Option<String>,
}

/// Where a run's output goes: its records to `out`, and what it has to say
/// besides (warnings, files it skipped) to `notice`, as it happens.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub notice: &'a mut dyn FnMut(Notice),
}

impl Io<'_> {
    fn write(&mut self, text: impl AsRef<[u8]>) -> Result<()> {
        self.out
            .write_all(text.as_ref())
            .map_err(|e| Error::write("stdout", &e))
    }

    fn warn(&mut self, w: Warning) {
        (self.notice)(Notice::Warning(w));
    }
}

/// What reading the corpus came to.
#[derive(Debug, Default)]
struct Read {
    /// Documents read.
    docs: usize,
    /// A document could not be read: the run ends with exit 2.
    failed: bool,
    /// Paths that held no document.
    empty: usize,
}

/// Where to read the corpus from and how to extract it.
#[derive(Debug)]
pub struct CorpusConfig {
    pub paths: Vec<String>,
    pub load: LoadOptions,
    pub extractor: Extractor,
    /// Show a progress bar: stderr is a terminal and `--quiet` was not given.
    pub progress: bool,
}

/// Corpora smaller than this finish before a progress bar would help.
const PROGRESS_FROM_BYTES: u64 = 4 << 20;

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
        let shard = args.shard.as_deref().map(parse_shard).transpose()?;
        Ok(CorpusConfig {
            paths: or_default(args.paths, DEFAULT_CORPUS),
            load: LoadOptions {
                lossy: args.lossy,
                shard,
            },
            extractor: Extractor::new(lexicon, registry),
            progress: !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        })
    }

    /// Reads and `work`s on each document in parallel, handing results to
    /// `sink` in path order; a document that cannot be read is reported
    /// and skipped.
    fn each<T: Send>(
        &self,
        io: &mut Io,
        header: &[u8],
        work: impl Fn(&Document) -> T + Sync,
        mut sink: impl FnMut(&mut dyn Write, T) -> Result<()>,
    ) -> Result<Read> {
        let (sources, warnings) = corpus::sources(&self.paths, self.load)?;
        let mut read = Read {
            empty: warnings
                .iter()
                .filter(|w| matches!(w, Warning::Empty { .. }))
                .count(),
            ..Read::default()
        };
        for w in warnings {
            io.warn(w);
        }
        // Only once the paths are known good: a missing path prints nothing.
        io.write(header)?;
        // Sizes are read only for a bar that may be shown.
        let sizes: Vec<u64> = if self.progress {
            sources.iter().map(corpus::Source::size).collect()
        } else {
            Vec::new()
        };
        let total: u64 = sizes.iter().sum();
        let bar = (total >= PROGRESS_FROM_BYTES).then(|| progress_bar(total));
        let Io { out, notice } = io;
        let mut seen = 0u64;
        let result = corpus::each(
            &sources,
            self.load,
            work,
            |t| {
                read.docs += 1;
                sink(&mut **out, t)
            },
            &mut |n| {
                if matches!(n, Notice::Error(_)) {
                    read.failed = true;
                }
                match &bar {
                    Some(b) => b.suspend(|| notice(n)),
                    None => notice(n),
                }
            },
            &mut |k| {
                seen += 1;
                if let Some(b) = &bar {
                    b.inc(sizes[k]);
                    b.set_message(format!("{seen}/{} documents", sources.len()));
                }
            },
        );
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        result.map(|()| read)
    }

    /// The statements of every document; the texts are dropped as they are read.
    fn statements(&self, io: &mut Io) -> Result<(Vec<crate::Statement>, Read)> {
        let mut statements = Vec::new();
        let read = self.each(
            io,
            b"",
            |d| self.extractor.document(d),
            |_, found| {
                statements.extend(found);
                Ok(())
            },
        )?;
        Ok((statements, read))
    }
}

/// Documents, MB/s and time left, on stderr; never in the output itself.
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {msg}  {binary_bytes_per_sec}  eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// `K/N`: shard K (1-based) of N.
fn parse_shard(s: &str) -> Result<(u32, u32)> {
    let bad = || {
        Error::Message(format!(
            "--shard {s}: expected K/N with 1 <= K <= N, like 2/8"
        ))
    };
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (u32, u32) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
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
    /// Saved statements to read instead of the corpus.
    pub statements: Vec<String>,
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
            statements: a.statements,
            threshold: a.min_score.unwrap_or(attribute::DEFAULT_THRESHOLD),
        })
    }

    /// Extracts the corpus (or reads saved statements) and attributes every
    /// claim, at the configured threshold and at each of `extra` thresholds.
    ///
    /// Two passes over the statements, a batch of whole documents at a time:
    /// the first learns the corpus's words and how common each is, the
    /// second scores. Only a batch and the matches are ever held.
    fn attribute(
        &self,
        io: &mut Io,
        extra: &[f64],
        max_evidence: Option<usize>,
        observe: &mut dyn FnMut(&[crate::Statement]),
    ) -> Result<(Vec<Vec<attribute::Attribution>>, Read)> {
        let scorer = Lexical::new(&self.corpus.extractor.registry.alias_groups());
        let mut learner = Learner::new(scorer);
        // Standard input can be read only once: it is kept for the second pass.
        let mut stdin = None;
        // A small corpus is kept from the first pass, not read twice.
        let mut kept: Option<Vec<Vec<crate::Statement>>> = Some(Vec::new());
        let mut held = 0;
        let mut read = self.batches(io, &mut stdin, true, &mut |b| {
            observe(&b);
            learner.learn(&b);
            held += b.len();
            match &mut kept {
                Some(k) if held <= KEEP_STATEMENTS => k.push(b),
                _ => kept = None,
            }
        })?;
        let model = Arc::new(learner.finish());
        let thresholds: Vec<f64> = std::iter::once(self.threshold)
            .chain(extra.iter().copied())
            .collect();
        let mut scoring = Attributor::new(&model, &self.claims, &thresholds, max_evidence);
        match kept {
            Some(batches) => batches.iter().for_each(|b| scoring.batch(b)),
            None => {
                let again = self.batches(io, &mut stdin, false, &mut |b| scoring.batch(&b))?;
                if again.failed && !read.failed {
                    read.failed = true;
                    io.warn(Warning::Other(
                        "a document could not be read again for scoring".to_string(),
                    ));
                }
            }
        }
        Ok((scoring.finish(), read))
    }

    /// Hands every statement to `f` in batches of whole documents, in
    /// corpus order: extracted from the corpus, or read from saved
    /// statements. Notices are shown on the `first` pass only.
    fn batches(
        &self,
        io: &mut Io,
        stdin: &mut Option<Vec<crate::Statement>>,
        first: bool,
        f: &mut dyn FnMut(Vec<crate::Statement>),
    ) -> Result<Read> {
        let mut pending: Vec<crate::Statement> = Vec::new();
        let mut feed = |found: Vec<crate::Statement>, pending: &mut Vec<crate::Statement>| {
            pending.extend(found);
            if pending.len() < attribute::BATCH {
                return;
            }
            // The last document may go on in what comes next: it waits.
            let last = pending
                .last()
                .map(|s| s.span.doc.clone())
                .unwrap_or_default();
            let keep = pending
                .iter()
                .rposition(|s| s.span.doc != last)
                .map_or(0, |i| i + 1);
            if keep > 0 {
                let rest = pending.split_off(keep);
                f(std::mem::replace(pending, rest));
            }
        };
        let read = if self.statements.is_empty() {
            let mut pass = |io: &mut Io<'_>| {
                self.corpus.each(
                    io,
                    b"",
                    |d| self.corpus.extractor.document(d),
                    |_, found| {
                        feed(found, &mut pending);
                        Ok(())
                    },
                )
            };
            if first {
                pass(io)?
            } else {
                let mut quiet = |_: Notice| {};
                pass(&mut Io {
                    out: &mut *io.out,
                    notice: &mut quiet,
                })?
            }
        } else {
            let mut docs: std::collections::HashSet<String> = Default::default();
            for file in &self.statements {
                let owned;
                let found: &[crate::Statement] = match stdin {
                    Some(kept) if file == "-" => kept,
                    _ => {
                        let (found, warnings) = saved::read(file, self.corpus.load.lossy)?;
                        if first {
                            warnings.into_iter().for_each(|w| io.warn(w));
                        }
                        if file == "-" {
                            stdin.insert(found)
                        } else {
                            owned = found;
                            &owned
                        }
                    }
                };
                // A document at a time, as from the corpus: batches stay
                // their size however large the file.
                for run in found.chunk_by(|a, b| a.span.doc == b.span.doc) {
                    if !docs.contains(&run[0].span.doc) {
                        docs.insert(run[0].span.doc.clone());
                    }
                    feed(run.to_vec(), &mut pending);
                }
            }
            Read {
                docs: docs.len(),
                ..Read::default()
            }
        };
        if !pending.is_empty() {
            f(pending);
        }
        Ok(read)
    }
}

/// Up to this many statements, `attribute` keeps what it extracted for
/// scoring; past it, it extracts again rather than hold an archive.
const KEEP_STATEMENTS: usize = 4 * attribute::BATCH;

/// How claims are matched and shown.
#[derive(Debug)]
pub struct AttributeConfig {
    pub matching: MatchConfig,
    pub format: Format,
    pub all: bool,
    pub width: Option<u16>,
    /// Evidence kept per speaker; `None` keeps all.
    pub max_evidence: Option<usize>,
    pub output: Option<Output>,
}

/// A checked configuration: one variant per command.
#[derive(Debug)]
pub enum Config {
    Attribute(AttributeConfig),
    Extract {
        corpus: CorpusConfig,
        format: Format,
        width: Option<u16>,
        output: Option<Output>,
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
    Speakers {
        corpus: CorpusConfig,
        format: SpeakersFormat,
        width: Option<u16>,
        suggest_aliases: bool,
    },
    Verify {
        text: String,
        speaker: Option<String>,
        /// One claim, the text, matched by meaning at a strong score.
        matching: MatchConfig,
        format: VerifyFormat,
        width: Option<u16>,
        max_matches: Option<usize>,
        output: Option<Output>,
    },
}

/// Table width: the terminal's own (comfy-table asks it), else `$COLUMNS`,
/// else 120; a file (`--output`) is never the terminal.
fn table_width(output: Option<&Output>) -> Option<u16> {
    use std::io::IsTerminal;
    if output.is_none() && std::io::stdout().is_terminal() {
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
            Some(Command::Extract(a)) => {
                let output = a.output.checked(a.format == Format::Html)?;
                Ok(Config::Extract {
                    corpus: CorpusConfig::from_args(a.corpus)?,
                    format: a.format,
                    width: table_width(output.as_ref()),
                    output,
                })
            }
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
            Some(Command::Speakers(a)) => Ok(Config::Speakers {
                corpus: CorpusConfig::from_args(a.corpus)?,
                format: a.format,
                width: table_width(None),
                suggest_aliases: a.suggest_aliases,
            }),
            Some(Command::Verify(a)) => Self::verify(a),
            None => Self::attribute(args.attribute),
        }
    }

    fn verify(a: VerifyArgs) -> Result<Self> {
        let text = a.text.trim().to_string();
        if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
            return Err(Error::Message(
                "verify: TEXT has no words to look for".to_string(),
            ));
        }
        if text.chars().count() > claims::MAX_CLAIM_CHARS {
            return Err(Error::Message(format!(
                "verify: TEXT is longer than {} characters: give the quotation, not the article",
                claims::MAX_CLAIM_CHARS
            )));
        }
        let claim = claims::Claim {
            id: "verify".to_string(),
            claim: text.clone(),
            phrasings: Vec::new(),
            keywords: Vec::new(),
            threshold: None,
            expect: None,
            location: crate::error::Location {
                path: "TEXT".to_string(),
                line: 1,
                column: 1,
            },
        };
        let output = a.output.checked(a.format == VerifyFormat::Html)?;
        Ok(Config::Verify {
            text,
            speaker: a
                .speaker
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            matching: MatchConfig {
                claims: vec![claim],
                corpus: CorpusConfig::from_args(a.corpus)?,
                statements: Vec::new(),
                // Only strong matches: a weak one is no paraphrase.
                threshold: attribute::DEFAULT_THRESHOLD + attribute::WEAK_MARGIN,
            },
            format: a.format,
            width: table_width(output.as_ref()),
            output,
            max_matches: match a.max_matches.unwrap_or(DEFAULT_MAX_MATCHES) {
                0 => None,
                n => Some(n),
            },
        })
    }

    fn attribute(a: AttributeArgs) -> Result<Self> {
        let output = a.output.checked(a.format == Some(Format::Html))?;
        Ok(Config::Attribute(AttributeConfig {
            matching: MatchConfig::from_args(a.matching)?,
            format: a.format.unwrap_or(Format::Table),
            all: a.all,
            width: table_width(output.as_ref()),
            output,
            max_evidence: match a.max_evidence.unwrap_or(DEFAULT_MAX_EVIDENCE) {
                0 => None,
                n => Some(n),
            },
        }))
    }

    /// The file the output goes to instead of stdout.
    fn output(&self) -> Option<&Output> {
        match self {
            Config::Attribute(a) => a.output.as_ref(),
            Config::Extract { output, .. } | Config::Verify { output, .. } => output.as_ref(),
            _ => None,
        }
    }
}

/// Runs one command; returns its exit code (0 ok, 1 drift, 2 a document
/// could not be read). Output goes to `io` as it is made, or to the
/// `--output` file, which takes its place only once it is whole.
pub fn run(args: Args, io: &mut Io) -> Result<u8> {
    let config = Config::from_args(args)?;
    let Some(output) = config.output().cloned() else {
        return execute(config, io);
    };
    // Only a page carries a mark whosaid knows as its own.
    let ours: Option<crate::output::Recognise> = output.page.then_some(&report::is_our_page);
    let mut file = crate::output::AtomicFile::create(&output.path, "report", ours, output.force)?;
    let code = execute(
        config,
        &mut Io {
            out: &mut file,
            notice: &mut *io.notice,
        },
    )
    .map_err(|e| match e {
        // Renderers name stdout; here it is the file.
        Error::Write { reason, closed, .. } => Error::Write {
            target: output.path.clone(),
            reason,
            closed,
        },
        e => e,
    })?;
    file.commit()?;
    Ok(code)
}

fn execute(config: Config, io: &mut Io) -> Result<u8> {
    let read = match config {
        Config::Extract {
            corpus,
            format,
            width,
            output: _,
        } => {
            if report::streams(format) {
                let mut header = Vec::new();
                report::write_statements_header(&mut header, format)
                    .map_err(|e| Error::write("stdout", &e))?;
                corpus
                    .each(
                        io,
                        &header,
                        // Each document is serialised in its worker.
                        |d| {
                            // JSON lines run to about 2.5 times the text:
                            // sized once, not regrown a dozen times.
                            let mut rows = Vec::with_capacity(d.text.len() * 3);
                            report::write_statement_rows(
                                &mut rows,
                                Some(d),
                                &corpus.extractor.document(d),
                                format,
                            )
                            .map(|()| rows)
                        },
                        |out, rows| {
                            rows.and_then(|rows| out.write_all(&rows))
                                .map_err(|e| Error::write("stdout", &e))
                        },
                    )
                    .and_then(|read| {
                        report::write_statements_footer(&mut *io.out, format)
                            .map(|()| read)
                            .map_err(|e| Error::write("stdout", &e))
                    })?
            } else {
                let (statements, read) = corpus.statements(io)?;
                report::write_statements(&mut *io.out, "stdout", &statements, format, width)?;
                read
            }
        }
        Config::Verify {
            text,
            speaker,
            mut matching,
            format,
            width,
            max_matches,
            output: _,
        } => {
            let (quoted, speaker) = read_attribution(&text, speaker, &matching.corpus.extractor);
            for claim in &mut matching.claims {
                claim.claim.clone_from(&quoted);
            }
            let registry = &matching.corpus.extractor.registry;
            let mut verifier = verify::Verifier::new(&quoted, speaker, registry);
            let (mut runs, read) = matching.attribute(io, &[], None, &mut |b| verifier.batch(b))?;
            for support in runs.remove(0).into_iter().flat_map(|a| a.speakers) {
                for e in &support.evidence {
                    // A statement that says the opposite is no paraphrase.
                    if e.stance == claims::Stance::Supports {
                        verifier.paraphrase(&e.span.doc, e.span.start, e.span.end, e.score);
                    }
                }
            }
            let mut verification = verifier.finish(max_matches);
            verification.text = text;
            let passages = passages_for(
                format == VerifyFormat::Html,
                verification
                    .matches
                    .iter()
                    .map(|m| (&m.doc, m.start, m.end)),
                matching.corpus.load,
            );
            report::write_verification(
                &mut *io.out,
                "stdout",
                &verification,
                format,
                width,
                &passages,
            )?;
            if !read.failed {
                return Ok(verification.verdict.exit_code());
            }
            read
        }
        Config::Speakers {
            corpus,
            format,
            width,
            suggest_aliases,
        } => {
            let mut builder = speaker_index::Builder::default();
            let read = corpus.each(
                io,
                b"",
                |d| corpus.extractor.document(d),
                |_, found| {
                    builder.add(&found);
                    Ok(())
                },
            )?;
            let (index, proposals) = builder.finish();
            if suggest_aliases {
                io.write(speaker_index::proposals_yaml(&proposals))?;
            } else {
                report::write_speakers(&mut *io.out, "stdout", &index, format, width)?;
            }
            read
        }
        Config::Attribute(cfg) => {
            let (mut runs, read) =
                cfg.matching
                    .attribute(io, &[], cfg.max_evidence, &mut |_| {})?;
            let results = runs.remove(0);
            let passages = passages_for(
                cfg.format == Format::Html,
                results
                    .iter()
                    .flat_map(|a| &a.speakers)
                    .flat_map(|s| &s.evidence)
                    .map(|e| (&e.span.doc, e.span.start, e.span.end)),
                cfg.matching.corpus.load,
            );
            report::write_attributions(
                &mut *io.out,
                "stdout",
                &results,
                cfg.format,
                cfg.width,
                cfg.all,
                &passages,
            )?;
            read
        }
        Config::Check {
            matching,
            format,
            lock,
        } => {
            // Read the lock first: a missing lock is an error, not drift.
            let locked = lock.as_deref().map(check::read_lock).transpose()?;
            // Scored at half the threshold too, to show a missing speaker's closest statement.
            let (mut runs, read) =
                matching.attribute(io, &[matching.threshold / 2.0], None, &mut |_| {})?;
            if read.empty > 0 || read.docs == 0 {
                return Err(Error::Message(
                    "no documents to check: a check over an empty corpus cannot pass".to_string(),
                ));
            }
            if !matching.claims.iter().any(|c| c.expect.is_some()) && locked.is_none() {
                io.warn(Warning::Other(
                    "no claim states `expect`, and no lock is compared: nothing was checked"
                        .to_string(),
                ));
            }
            let near = runs.pop().unwrap_or_default();
            let results = runs.pop().unwrap_or_default();
            let mut rep = check::expectations(&matching.claims, &results, &near);
            if let Some(locked) = &locked {
                rep = check::merge(rep, check::against_lock(locked, &results));
            }
            report::write_check(&mut *io.out, "stdout", &rep, format)?;
            if !rep.ok() && !read.failed {
                return Ok(1);
            }
            read
        }
        Config::Lock {
            matching,
            output,
            force,
        } => {
            let (mut runs, read) = matching.attribute(io, &[], None, &mut |_| {})?;
            if read.failed {
                // A lock pinned on part of the corpus would report the rest as lost.
                return Err(Error::Message(format!(
                    "{output}: not written: some documents could not be read"
                )));
            }
            let results = runs.remove(0);
            let lock = check::lock(&results);
            check::write_lock(&output, &check::render_lock(&lock)?, force)?;
            let evidence: usize = lock
                .claims
                .iter()
                .flat_map(|c| &c.speakers)
                .map(|s| s.evidence.len())
                .sum();
            io.write(format!(
                "wrote {output}: {} claims, {evidence} pieces of evidence\n",
                lock.claims.len()
            ))?;
            read
        }
        Config::Lint { paths, speakers } => {
            let (report, warnings) = lint(&paths, speakers.as_deref())?;
            for w in warnings {
                io.warn(Warning::Other(w));
            }
            io.write(&report)?;
            Read::default()
        }
    };
    Ok(if read.failed { 2 } else { 0 })
}

/// The paragraphs around the statements at `spans`, read again for a page
/// (`html`); none for the other formats, which show the statement alone.
fn passages_for<'a>(
    html: bool,
    spans: impl Iterator<Item = (&'a String, usize, usize)>,
    load: LoadOptions,
) -> corpus::Passages {
    if !html {
        return corpus::Passages::new();
    }
    let wanted: Vec<_> = spans.map(|(d, s, e)| (d.clone(), s, e)).collect();
    corpus::passages(&wanted, load)
}

/// What a text as it circulates quotes, and whom it names as the speaker:
/// "Rogozin said that Telegram's loss…" or "'…,' Tokar said" is read as an
/// article would be, and the statement it makes is what is looked for,
/// pinned on the name it gives (if any) unless `--speaker` says otherwise.
/// A text that attributes nothing, or more than one statement, is taken whole.
fn read_attribution(
    text: &str,
    speaker: Option<String>,
    extractor: &Extractor,
) -> (String, Option<String>) {
    // A sentence the extractor can close.
    let closed = if text.ends_with(|c: char| c.is_alphanumeric()) {
        format!("{text}.")
    } else {
        text.to_string()
    };
    let found = extractor.document(&Document::new("TEXT", closed));
    match found.as_slice() {
        // "'…,' he said" gives the quote, with no one to pin it on.
        [st] if verify::words(&st.content).len() >= 3 => (
            st.content.clone(),
            speaker.or_else(|| st.speaker.name.clone()),
        ),
        _ => (text.to_string(), speaker),
    }
}

/// Validates claim files, any speaker registry among them, and the
/// registry given with `--speakers`.
fn lint(paths: &[String], speakers: Option<&str>) -> Result<(String, Vec<String>)> {
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
        0 => Ok((
            format!(
                "ok: {} claims, {} speaker {}\n",
                claims.len(),
                registries,
                if registries == 1 {
                    "registry"
                } else {
                    "registries"
                }
            ),
            claims::lint_warnings(&claims),
        )),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}
