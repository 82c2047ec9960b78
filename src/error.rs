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
    // The position already says where; drop the crate's `verbs[0].forms: `
    // or `.[1].expect.stance.Tony Blair: ` path, which names our internals.
    let message = match message.split_once(": ") {
        Some((path, rest)) if path.starts_with('.') || !path.contains(char::is_whitespace) => {
            rest.to_string()
        }
        _ => message,
    };
    // Our schema's type names mean nothing to the user.
    let message = message
        .replace(
            "expected struct Wrapped",
            "expected a list of claims or `claims:`",
        )
        .replace("struct RawClaim", "a claim")
        .replace("struct SpeakerEntry", "a speaker entry");
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

/// Largest YAML file whosaid reads (claims, registry, cues, lock).
pub const MAX_YAML_BYTES: usize = 16 << 20;
/// Deepest nesting a YAML file may have; claim files need four levels.
pub const MAX_YAML_DEPTH: usize = 32;

/// A YAML file's outline, read off the parser's events.
#[derive(Debug, Default)]
pub struct Shape {
    /// The root node is a sequence (`- id: …`), not a mapping (`claims:`).
    pub list: bool,
    /// Where each entry of the file's list starts: the items of a top-level
    /// sequence, or of the sequence under a top-level key such as `claims:`.
    pub entries: Vec<Location>,
}

/// Rejects, before it is parsed, YAML that would cost far more than its size:
/// anchors and aliases (an alias fan-out expands a few KB into gigabytes)
/// and nesting beyond [`MAX_YAML_DEPTH`]. Syntax errors are left to the
/// parser, which words them better.
///
/// Returns the file's shape as the parser's own spans give it: serde gives
/// values no positions, and these let each claim's errors point at it.
pub fn guard_yaml(path: &str, text: &str) -> Result<Shape> {
    use saphyr_parser::{Event, Parser};
    /// What the events being read belong to.
    enum Frame {
        Seq { entries: bool },
        Map { key_next: bool },
    }
    if text.len() > MAX_YAML_BYTES {
        return Err(Error::Invalid {
            path: path.to_string(),
            message: format!(
                "{} bytes; a YAML file may have at most {MAX_YAML_BYTES}",
                text.len()
            ),
        });
    }
    let at = |m: &saphyr_parser::Marker| Location {
        path: path.to_string(),
        line: m.line(),
        column: m.col() + 1,
    };
    let fail = |m: &saphyr_parser::Marker, message: String| Error::Yaml {
        location: at(m),
        message,
    };
    let too_deep = || format!("nested more than {MAX_YAML_DEPTH} levels deep");
    let mut stack: Vec<Frame> = Vec::new();
    let mut shape = Shape::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(e) => e,
            // The scanner stops deep flow nesting itself; other syntax
            // errors are the serde parser's to word.
            Err(e) if e.info().contains("recursion limit") => {
                return Err(fail(e.marker(), too_deep()));
            }
            Err(_) => return Ok(shape),
        };
        let anchor = match &event {
            Event::Alias(_) => {
                return Err(fail(
                    &span.start,
                    "aliases (`*name`) are not allowed here; write the value out".to_string(),
                ));
            }
            Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
            | Event::Scalar(_, _, anchor, _) => *anchor,
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                continue;
            }
            _ => continue,
        };
        if anchor != 0 {
            return Err(fail(
                &span.start,
                "anchors (`&name`) are not allowed here; write the value out".to_string(),
            ));
        }
        // A node starts: an entry when its parent is the list of entries; a
        // sequence holds the entries when it is the root or a root key's value.
        let depth = stack.len();
        let holds_entries = match stack.last_mut() {
            None => {
                shape.list = matches!(event, Event::SequenceStart(..));
                true
            }
            Some(Frame::Seq { entries: true }) => {
                shape.entries.push(at(&span.start));
                false
            }
            Some(Frame::Seq { .. }) => false,
            Some(Frame::Map { key_next }) => {
                let is_value = !*key_next;
                *key_next = is_value;
                is_value && depth == 1
            }
        };
        match event {
            Event::SequenceStart(..) => stack.push(Frame::Seq {
                entries: holds_entries,
            }),
            Event::MappingStart(..) => stack.push(Frame::Map { key_next: true }),
            _ => {}
        }
        if stack.len() > MAX_YAML_DEPTH {
            return Err(fail(&span.start, too_deep()));
        }
    }
    Ok(shape)
}

/// Reads a YAML file the user owns, refusing shapes that would blow up
/// ([`guard_yaml`]).
pub fn read_yaml(path: &str) -> Result<String> {
    let text = read_text(path)?;
    guard_yaml(path, &text)?;
    Ok(text)
}

/// Reads a UTF-8 text file the user owns (claims, cues, speakers).
pub fn read_text(path: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}
