//! The attributed-statement record: the one data type every extractor stage
//! produces and every renderer consumes. Field names are a public interface.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use crate::article::Article;

/// How the statement is attributed in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A quotation with its attribution: `"…," X said.`
    Direct,
    /// A quoted fragment inside reported speech: `complained they had become "…"`.
    Partial,
    /// Reported speech without quote marks: `X said that …`, `…, X said.`
    Indirect,
    /// `According to X, …`, `In his view, …`.
    AccordingTo,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
            Kind::AccordingTo => "according_to",
        }
    }
}

/// What sort of speaker a mention denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerType {
    Person,
    Organization,
    Outlet,
    Group,
    /// A country or city, standing for its government (`Moscow`).
    Place,
    Unknown,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Outlet => "outlet",
            SpeakerType::Group => "group",
            SpeakerType::Place => "place",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Resolved canonical name; `None` for unnamed sources.
    pub name: Option<String>,
    /// Surface text at the cue (`he`, `the police official`, `Tokar`).
    pub mention: String,
    /// Title or appositive (`head of Kremlingram`).
    pub role: Option<String>,
    #[serde(rename = "type")]
    pub kind: SpeakerType,
}

impl Speaker {
    /// The name, else the text's words in brackets (`[the airline]`), else
    /// `[unattributed]`.
    pub fn label(&self) -> String {
        match (&self.name, self.mention.as_str()) {
            (Some(name), _) => name.clone(),
            (None, "") => "[unattributed]".to_string(),
            (None, mention) => format!("[{mention}]"),
        }
    }
}

/// Where in the corpus something is. Every record that points into the
/// text carries one, flattened, so its fields read `doc`, `line`, `start`,
/// `end` in every format.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The document path as given on the command line.
    pub doc: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// Byte offset of the content in the original file.
    pub start: usize,
    /// Byte offset one past the content's end.
    pub end: usize,
}

impl Span {
    /// The same document and line: the place people see in `doc:line`.
    pub fn same_line(&self, other: &Span) -> bool {
        self.line == other.line && self.doc == other.doc
    }
}

/// One attributed statement with exact provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    #[serde(flatten)]
    pub span: Span,
    pub kind: Kind,
    /// Verbatim slice `text[start..end]` (quote marks excluded).
    pub content: String,
    /// The speech verb or phrase that attributes it (`said`, `according to`).
    pub cue: Option<String>,
    pub speaker: Speaker,
    /// The outlet the statement was given to (`told Politico`).
    pub via: Option<String>,
    /// Heuristic confidence in [0, 1], two decimals.
    pub confidence: f64,
    /// The article the statement is in: title, outlet, date and address,
    /// as far as they are known. Shared by the document's statements.
    #[serde(default)]
    pub article: Arc<Article>,
    /// For a partial quote, the whole sentence around it: claims are matched
    /// against what the fragment says in context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// What the document also calls a name it uses, as `[name, noun]`
    /// ("the messaging app Telegram": `["telegram", "app"]`), for claim
    /// matching; omitted when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<(String, String)>,
}

/// Below this confidence the speaker was not named at the cue (a pronoun, a
/// description, an inherited quote paragraph): tables mark it for checking.
pub const CHECK_SPEAKER_BELOW: f64 = 0.8;

impl Statement {
    /// The speaker came from a back-reference, not a name at the cue, or no
    /// speaker was found at all. An unnamed source at the cue ("the
    /// minister") is what the text says, and is not marked.
    pub fn check_speaker(&self) -> bool {
        let resolved_or_missing = self.speaker.name.is_some() || self.speaker.mention.is_empty();
        resolved_or_missing && self.confidence < CHECK_SPEAKER_BELOW
    }
}
