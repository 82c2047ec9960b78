//! whosaid: who said what, and where. Extracts attributed statements from news
//! articles, ties curated claims to their speakers, and checks attribution for drift.

pub mod aliases;
pub mod article;
pub mod attribute;
pub mod check;
pub mod claims;
pub mod cli;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod matcher;
pub mod model;
pub mod output;
pub mod report;
pub mod saved;
pub mod speaker_index;
pub mod speakers;
pub mod verify;

pub use error::{Error, Result};
pub use model::{Kind, Speaker, SpeakerType, Statement};
