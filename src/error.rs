//! Every way whosaid can fail on bad input, each carrying its location and
//! rendered like a compiler diagnostic (`path:line:col: message`).

use std::fmt;

/// A position inside a user file, 1-based like editors show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path that could not be read (missing, permission, …).
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    /// A text file that is not valid UTF-8 (and `--lossy` was not given).
    #[error("{path}: invalid UTF-8 at byte {offset} (use --lossy to replace invalid bytes)")]
    Utf8 { path: String, offset: usize },
    /// A YAML file that does not parse or does not fit the schema.
    #[error("{location}: {message}")]
    Yaml { location: Location, message: String },
    /// A YAML error that has no position (e.g. an empty document).
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// Two claims share an id.
    #[error("{second}: duplicate claim id '{id}' (first defined at {first})")]
    DuplicateId {
        id: String,
        first: Location,
        second: Location,
    },
    /// Several errors found in one pass (e.g. `whosaid lint`).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\nerror: "))]
    Many(Vec<Error>),
    /// Output that could not be written (a full disk, EIO); `closed` when
    /// the reader went away (`| head`), which is no failure.
    #[error("{target}: {reason}")]
    Write {
        target: String,
        reason: String,
        closed: bool,
    },
    /// Anything else worth a plain message (bad flag combination, …).
    #[error("{0}")]
    Message(String),
}

impl Error {
    pub fn io(path: impl Into<String>, err: &std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            reason: io_reason(err),
        }
    }

    /// A failed write to `target` (`stdout`, a path).
    pub fn write(target: impl Into<String>, err: &std::io::Error) -> Self {
        Error::Write {
            target: target.into(),
            reason: io_reason(err),
            closed: err.kind() == std::io::ErrorKind::BrokenPipe,
        }
    }

    /// The reader of our output went away: stop quietly, as ripgrep does.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Error::Write { closed: true, .. })
    }
}

/// `No such file or directory` without the `(os error 2)` tail.
fn io_reason(err: &std::io::Error) -> String {
    let s = err.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns a YAML error into one that points into `path` like a compiler would.
pub fn yaml(path: &str, err: &serde_yaml::Error) -> Error {
    let text = err.to_string();
    // The crate appends " at line L column C"; we show the position up front instead.
    let message = match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    // The position already says where; drop the crate's `verbs[0].forms: ` path.
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(char::is_whitespace) => rest.to_string(),
        _ => message,
    };
    match err.location() {
        Some(loc) => Error::Yaml {
            location: Location {
                path: path.to_string(),
                line: loc.line(),
                column: loc.column(),
            },
            message,
        },
        None => Error::Invalid {
            path: path.to_string(),
            message,
        },
    }
}

/// Reads a UTF-8 text file the user owns (claims, cues, speakers).
pub fn read_text(path: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}
