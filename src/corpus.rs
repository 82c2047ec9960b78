//! Reading the corpus: paths, directories and stdin become [`Document`]s whose
//! text is kept byte-for-byte, with a line index for 1-based line numbers.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Extensions picked up when walking a directory.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "md"];
/// How far into a file we look for a NUL byte to call it binary.
const BINARY_SNIFF: usize = 8192;

/// One article, verbatim.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or as found under a given directory).
    pub path: String,
    pub text: String,
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
            line_starts,
        }
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
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::Binary { path } => write!(f, "{path}: skipped: binary file"),
            Warning::Lossy { path, offset } => {
                write!(f, "{path}: invalid UTF-8 from byte {offset} replaced")
            }
        }
    }
}

/// The loaded documents, in path order, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
}

/// Loads files, directories (recursively, `.txt`/`.md`) and `-` (stdin).
pub fn load(inputs: &[String], opts: LoadOptions) -> Result<Corpus> {
    let mut files: Vec<String> = Vec::new();
    let mut stdin_doc = None;
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("-", &e))?;
            stdin_doc = Some(bytes);
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| Error::io(input.as_str(), &e))?;
        if meta.is_dir() {
            files.extend(
                walk(path, &TEXT_EXTENSIONS)?
                    .into_iter()
                    .map(|p| p.to_string_lossy().into_owned()),
            );
        } else {
            files.push(input.clone());
        }
    }
    files.sort();
    files.dedup();

    let mut corpus = Corpus::default();
    if let Some(bytes) = stdin_doc {
        push_bytes(&mut corpus, "-".to_string(), bytes, opts)?;
    }
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| Error::io(file.as_str(), &e))?;
        push_bytes(&mut corpus, file, bytes, opts)?;
    }
    Ok(corpus)
}

/// Every file below `dir` (recursively) whose extension is one of `exts`
/// (case-insensitive), sorted, so output order does not depend on the filesystem.
pub fn walk(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>> {
    fn go(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Error::io(dir.display().to_string(), &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(dir.display().to_string(), &e))?;
            let path = entry.path();
            let kind = entry
                .file_type()
                .map_err(|e| Error::io(path.display().to_string(), &e))?;
            if kind.is_dir() {
                go(&path, exts, out)?;
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.iter().any(|t| t.eq_ignore_ascii_case(e)))
            {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    go(dir, exts, &mut out)?;
    out.sort();
    Ok(out)
}

fn push_bytes(corpus: &mut Corpus, path: String, bytes: Vec<u8>, opts: LoadOptions) -> Result<()> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if memchr::memchr(0, sniff).is_some() {
        corpus.warnings.push(Warning::Binary { path });
        return Ok(());
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            if !opts.lossy {
                return Err(Error::Utf8 { path, offset });
            }
            corpus.warnings.push(Warning::Lossy {
                path: path.clone(),
                offset,
            });
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    corpus.docs.push(Document::new(path, text));
    Ok(())
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
}
