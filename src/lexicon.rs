//! The speech-cue lexicon: which words attribute speech and how, plus the
//! known news outlets. Built in from `src/cues.yaml`, extendable with `--cues`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::error::{self, Result};

const BUILTIN: &str = include_str!("cues.yaml");

/// How a speech verb introduces reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// May take a clause without "that".
    Bare,
    /// Reported speech only with "that".
    That,
    /// Attributes quotations only.
    Quote,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    clause: ClauseKind,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    verbs: Vec<VerbEntry>,
    #[serde(default)]
    outlets: Vec<String>,
}

/// Cue verbs by lowercase form, and outlets by lowercase name.
#[derive(Debug, Clone)]
pub struct Lexicon {
    verbs: HashMap<String, ClauseKind>,
    outlets: HashSet<String>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Lexicon {
    pub fn builtin() -> Self {
        let mut lex = Lexicon {
            verbs: HashMap::new(),
            outlets: HashSet::new(),
        };
        // The built-in file is part of the binary and covered by tests.
        let file: LexiconFile = serde_yaml::from_str(BUILTIN).expect("built-in cues.yaml is valid");
        lex.add(file);
        lex
    }

    /// Adds the verbs and outlets of a user cue file.
    pub fn extend_from_file(&mut self, path: &str) -> Result<()> {
        let text = error::read_text(path)?;
        let file: LexiconFile = serde_yaml::from_str(&text).map_err(|e| error::yaml(path, &e))?;
        self.add(file);
        Ok(())
    }

    fn add(&mut self, file: LexiconFile) {
        for verb in file.verbs {
            for form in verb.forms {
                self.verbs.insert(form.to_lowercase(), verb.clause);
            }
        }
        for outlet in file.outlets {
            self.outlets.insert(outlet.to_lowercase());
        }
    }

    /// The clause kind of a speech-verb form (`said`), matched case-insensitively.
    pub fn verb(&self, word: &str) -> Option<ClauseKind> {
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            self.verbs.get(word).copied()
        } else {
            self.verbs.get(&word.to_lowercase()).copied()
        }
    }

    pub fn verb_count(&self) -> usize {
        self.verbs.len()
    }

    pub fn is_outlet(&self, name: &str) -> bool {
        self.outlets.contains(&name.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_the_promised_breadth() {
        let lex = Lexicon::builtin();
        assert!(lex.verb_count() >= 150, "{}", lex.verb_count());
        assert_eq!(lex.verb("said"), Some(ClauseKind::Bare));
        assert_eq!(lex.verb("Says"), Some(ClauseKind::Bare));
        assert_eq!(lex.verb("noted"), Some(ClauseKind::That));
        assert_eq!(lex.verb("table"), None);
        assert!(lex.is_outlet("the wall street journal"));
    }
}
