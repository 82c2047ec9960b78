//! Reading the corpus: paths, directories and stdin become [`Document`]s whose
//! text is kept byte-for-byte, with a line index for 1-based line numbers.
//! Documents are read, processed and handed on in path order, a bounded
//! window at a time, so memory does not grow with the corpus.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::{self, Article};
use crate::error::{Error, Result};

/// Extensions picked up when walking a directory.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "md"];
/// How far into a file we look for a NUL byte to call it binary.
const BINARY_SNIFF: usize = 8192;
/// What a file is first read into: a long article fits.
const READ_CAPACITY: usize = 32 * 1024;
/// Documents in flight per worker thread: the reorder window.
const WINDOW_PER_THREAD: usize = 64;

/// One article, verbatim.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or as found under a given directory).
    pub path: String,
    pub text: String,
    /// What its front matter or sidecar says of the article.
    pub article: Article,
    /// Where the body starts: after the front matter, if any.
    pub body_start: usize,
    line_starts: Vec<usize>,
}

impl Document {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Document {
            path: path.into(),
            text,
            article: Article::default(),
            body_start: 0,
            line_starts,
        }
    }

    /// The article's metadata, from front matter in a `.md` document (whose
    /// body then starts after it) or a sidecar beside a `.txt` one. A file
    /// that cannot be read is reported; the document is kept without it.
    fn with_metadata(mut self, file: Option<&Path>, notices: &mut Vec<Notice>) -> Self {
        let Some(file) = file else { return self };
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let found = match ext.as_deref() {
            Some("md") => article::front_matter(&self.path, &self.text).map(|f| {
                f.map(|(a, body)| {
                    self.body_start = body;
                    a
                })
            }),
            Some("txt") => article::read_sidecar(file),
            _ => Ok(None),
        };
        match found {
            Ok(a) => self.article = a.unwrap_or_default(),
            Err(e) => notices.push(Notice::Error(e)),
        }
        self
    }

    /// 1-based line containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }
}

/// Something the user should hear about that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A file that looks binary was skipped.
    Binary { path: String },
    /// Invalid UTF-8 was replaced because `--lossy` was given.
    Lossy { path: String, offset: usize },
    /// Not UTF-8, read in another encoding (Windows-1252, UTF-16).
    Decoded {
        path: String,
        encoding: &'static str,
    },
    /// A path given on the command line holds no `.txt` or `.md` document.
    Empty { path: String },
    /// Anything else worth saying.
    Other(String),
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Binary { path } => write!(f, "{path}: skipped: binary file"),
            Warning::Lossy { path, offset } => {
                write!(f, "{path}: invalid UTF-8 from byte {offset} replaced")
            }
            Warning::Decoded { path, encoding } => write!(
                f,
                "{path}: not UTF-8, read as {encoding} (spans count bytes of the UTF-8 text)"
            ),
            Warning::Empty { path } => write!(f, "no documents found in {path}"),
            Warning::Other(message) => f.write_str(message),
        }
    }
}

/// What reading the corpus reports besides documents, as it happens.
#[derive(Debug)]
pub enum Notice {
    Warning(Warning),
    /// A document that could not be read or decoded: skipped, and the run
    /// ends with exit 2.
    Error(Error),
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Only the documents of shard `k` of `n` (`(k, n)`, 1-based `k`).
    pub shard: Option<(u32, u32)>,
}

/// Where one document comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The path as shown in output: lossy when the file name is not UTF-8.
    pub name: String,
    /// `None` for standard input.
    path: Option<PathBuf>,
}

impl Source {
    /// Bytes on disk (0 for stdin, or a file that cannot be read), for progress.
    pub fn size(&self) -> u64 {
        self.path
            .as_deref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len())
    }
}

/// The documents named by `inputs`: files, directories (recursively
/// `.txt`/`.md`, hidden entries skipped) and `-` (stdin), in path order;
/// each directory without documents is reported.
pub fn sources(inputs: &[String], opts: LoadOptions) -> Result<(Vec<Source>, Vec<Warning>)> {
    let mut files: Vec<Source> = Vec::new();
    let mut stdin = false;
    let mut warnings = Vec::new();
    for input in inputs {
        if input == "-" {
            stdin = true;
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| Error::io(input.as_str(), &e))?;
        if meta.is_dir() {
            let found = walk(path, &TEXT_EXTENSIONS)?;
            if found.is_empty() {
                warnings.push(Warning::Empty {
                    path: input.clone(),
                });
            }
            files.extend(found.into_iter().map(|p| Source {
                name: p.to_string_lossy().into_owned(),
                path: Some(p),
            }));
        } else {
            files.push(Source {
                name: input.clone(),
                path: Some(path.to_path_buf()),
            });
        }
    }
    files.sort();
    files.dedup();
    if stdin {
        files.insert(
            0,
            Source {
                name: "-".to_string(),
                path: None,
            },
        );
    }
    if let Some((k, n)) = opts.shard {
        files.retain(|s| shard_of(&s.name, n) == k);
    }
    Ok((files, warnings))
}

/// The 1-based shard of `n` a document belongs to: FNV-1a of its path, so
/// the split is the same on every machine and run.
pub fn shard_of(name: &str, n: u32) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % u64::from(n.max(1))) as u32 + 1
}

/// Reads, then `work`s on, every document of `sources` in parallel, a bounded
/// window at a time, and hands the results to `sink` in path order.
/// Notices go to `notice` as they occur; an error from `sink` stops the run.
/// `done` hears of every source (by its index) once it is dealt with, read or not.
pub fn each<T: Send>(
    sources: &[Source],
    opts: LoadOptions,
    work: impl Fn(&Document) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
    notice: &mut dyn FnMut(Notice),
    done: &mut dyn FnMut(usize),
) -> Result<()> {
    let window = (rayon::current_num_threads() * WINDOW_PER_THREAD).max(1);
    for (c, chunk) in sources.chunks(window).enumerate() {
        let results: Vec<(Option<T>, Vec<Notice>)> = chunk
            .par_iter()
            .map(|src| {
                let mut notices = Vec::new();
                let doc = read(src, opts, &mut notices);
                (doc.map(|d| work(&d)), notices)
            })
            .collect();
        for (k, (result, notices)) in results.into_iter().enumerate() {
            notices.into_iter().for_each(&mut *notice);
            if let Some(r) = result {
                sink(r)?;
            }
            done(c * window + k);
        }
    }
    Ok(())
}

/// All documents at once, for callers that need them together (benches, tests).
pub fn load(inputs: &[String], opts: LoadOptions) -> Result<Corpus> {
    let (sources, warnings) = sources(inputs, opts)?;
    let mut corpus = Corpus {
        docs: Vec::new(),
        warnings,
    };
    let mut first_error = None;
    each(
        &sources,
        opts,
        Document::clone,
        |d| {
            corpus.docs.push(d);
            Ok(())
        },
        &mut |n| match n {
            Notice::Warning(w) => corpus.warnings.push(w),
            Notice::Error(e) => {
                first_error.get_or_insert(e);
            }
        },
        &mut |_| {},
    )?;
    match first_error {
        Some(e) => Err(e),
        None => Ok(corpus),
    }
}

/// A statement in its paragraph, with the paragraphs around it, so a reader
/// can judge what was said in its setting. Paragraphs are lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Passage {
    /// The paragraph before, if any.
    pub before: Option<String>,
    /// The paragraph up to the statement.
    pub lead: String,
    /// The statement, exactly as in the text.
    pub quote: String,
    /// The paragraph after the statement.
    pub tail: String,
    /// The paragraph after, if any.
    pub after: Option<String>,
}

/// The passage around bytes `start..end` of `text`, whose body starts at
/// `from`; `None` when the span does not fit the text (it changed since the
/// statement was saved).
pub fn passage(text: &str, from: usize, start: usize, end: usize) -> Option<Passage> {
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let bytes = text.as_bytes();
    let para_start = memchr::memrchr(b'\n', &bytes[..start])
        .map_or(0, |i| i + 1)
        .max(from.min(start));
    let para_end = memchr::memchr(b'\n', &bytes[end..]).map_or(text.len(), |i| end + i);
    // The nearest non-blank line on each side, within the body.
    let before = text[from.min(para_start)..para_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    let after = text[para_end..]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    Some(Passage {
        before,
        lead: text[para_start..start].trim_start().to_string(),
        quote: text[start..end].to_string(),
        tail: text[end..para_end].trim_end().to_string(),
        after,
    })
}

/// Passages by their statement's document, start and end.
pub type Passages = std::collections::HashMap<(String, usize, usize), Passage>;

/// The passages of the spans `wanted` (document, start, end), read from the
/// documents again: what cannot be read (stdin, a file gone or changed) has
/// none, and is not an error: the statement itself is still shown.
pub fn passages(wanted: &[(String, usize, usize)], opts: LoadOptions) -> Passages {
    let mut by_doc: std::collections::BTreeMap<&str, Vec<(usize, usize)>> = Default::default();
    for (doc, start, end) in wanted {
        by_doc.entry(doc.as_str()).or_default().push((*start, *end));
    }
    let sources: Vec<Source> = by_doc
        .keys()
        .filter(|d| **d != "-" && Path::new(d).is_file())
        .map(|d| Source {
            name: (*d).to_string(),
            path: Some(PathBuf::from(d)),
        })
        .collect();
    let opts = LoadOptions {
        shard: None,
        ..opts
    };
    let mut out = Passages::new();
    let _ = each(
        &sources,
        opts,
        |d| {
            by_doc
                .get(d.path.as_str())
                .into_iter()
                .flatten()
                .filter_map(|&(s, e)| {
                    passage(&d.text, d.body_start, s, e).map(|p| ((d.path.clone(), s, e), p))
                })
                .collect::<Vec<_>>()
        },
        |found| {
            out.extend(found);
            Ok(())
        },
        &mut |_| {},
        &mut |_| {},
    );
    out
}

/// The loaded documents, in path order, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub warnings: Vec<Warning>,
}

fn read(src: &Source, opts: LoadOptions, notices: &mut Vec<Notice>) -> Option<Document> {
    let bytes = match &src.path {
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| Error::io("-", &e))
        }
        // Into a buffer sized for an article: `File::read_to_end` would first
        // ask the file's size and position, two system calls for each file
        // of an archive; read through `Take`, it does not.
        Some(p) => std::fs::File::open(p)
            .and_then(|f| {
                let mut bytes = Vec::with_capacity(READ_CAPACITY);
                f.take(u64::MAX).read_to_end(&mut bytes).map(|_| bytes)
            })
            .map_err(|e| Error::io(src.name.as_str(), &e)),
    };
    let decoded = bytes.and_then(|b| decode(&src.name, b, opts));
    match decoded {
        Ok((text, warning)) => {
            notices.extend(warning.map(Notice::Warning));
            text.map(|t| {
                Document::new(src.name.clone(), t).with_metadata(src.path.as_deref(), notices)
            })
        }
        Err(e) => {
            notices.push(Notice::Error(e));
            None
        }
    }
}

/// The file's text: UTF-8; UTF-16 with a byte-order mark; Windows-1252 when
/// that reads as text; else replaced under `--lossy`, else an error. `None`
/// for a binary file.
fn decode(
    path: &str,
    bytes: Vec<u8>,
    opts: LoadOptions,
) -> Result<(Option<String>, Option<Warning>)> {
    let decoded = |encoding: &'static str| Warning::Decoded {
        path: path.to_string(),
        encoding,
    };
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok((Some(text.into_owned()), Some(decoded(enc.name()))));
        }
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if memchr::memchr(0, sniff).is_some() {
        return Ok((
            None,
            Some(Warning::Binary {
                path: path.to_string(),
            }),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((Some(text), None)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Windows-1252 maps every byte; it is the text's encoding when no
            // control character but layout comes out (`Café` from 0xE9).
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            if !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            {
                return Ok((Some(text.into_owned()), Some(decoded("Windows-1252"))));
            }
            if !opts.lossy {
                return Err(Error::Utf8 {
                    path: path.to_string(),
                    offset,
                });
            }
            Ok((
                Some(String::from_utf8_lossy(&bytes).into_owned()),
                Some(Warning::Lossy {
                    path: path.to_string(),
                    offset,
                }),
            ))
        }
    }
}

/// Every file below `dir` (recursively) whose extension is one of `exts`
/// (case-insensitive), sorted, so output order does not depend on the
/// filesystem. Hidden files and folders (`.git`, `.cache`) are not walked.
pub fn walk(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>> {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| !hidden(e))
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_string_lossy().into_owned();
            match e.io_error() {
                Some(io) => Error::io(path, io),
                None => Error::Message(format!("{path}: {e}")),
            }
        })?;
        if entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.iter().any(|t| t.eq_ignore_ascii_case(e)))
        {
            out.push(entry.into_path());
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_one_based() {
        let d = Document::new("x", "ab\ncd\n\nef");
        assert_eq!(d.line_of(0), 1);
        assert_eq!(d.line_of(2), 1);
        assert_eq!(d.line_of(3), 2);
        assert_eq!(d.line_of(6), 3);
        assert_eq!(d.line_of(7), 4);
    }

    #[test]
    fn latin1_utf16_and_binary_are_told_apart() {
        let opts = LoadOptions::default();
        let (t, w) = decode("a", b"Caf\xe9 owner Jos\xe9 said".to_vec(), opts).unwrap();
        assert_eq!(t.as_deref(), Some("Café owner José said"));
        assert!(matches!(w, Some(Warning::Decoded { .. })));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Oui, dit-il".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (t, _) = decode("b", utf16, opts).unwrap();
        assert_eq!(t.as_deref(), Some("Oui, dit-il"));
        let (t, w) = decode("c", b"\x00\x01\x02".to_vec(), opts).unwrap();
        assert_eq!(t, None);
        assert!(matches!(w, Some(Warning::Binary { .. })));
        // Bytes no text encoding explains stay an error without --lossy.
        assert!(decode("d", b"ok \x81\x02\xff".to_vec(), opts).is_err());
    }

    #[test]
    fn shards_partition_the_documents() {
        let names: Vec<String> = (0..200).map(|i| format!("dir/{i}.txt")).collect();
        let mut count = [0; 4];
        for n in &names {
            let k = shard_of(n, 3);
            assert!((1..=3).contains(&k));
            count[k as usize] += 1;
            assert_eq!(shard_of(n, 3), k);
        }
        assert!(count[1..].iter().all(|&c| c > 40), "{count:?}");
    }
}
