//! The optional speaker registry (`claims/speakers.yaml`): canonical names and
//! their aliases, so `Timothy Cook` and `Tim Cook` are one speaker, and the
//! other names claim matching accepts for places and organisations.

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::{self, Error, Location, Result};
use crate::model::SpeakerType;

/// Default location of the registry, read when present.
pub const DEFAULT_PATH: &str = "claims/speakers.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, rename = "type")]
    pub kind: Option<SpeakerType>,
    #[serde(default)]
    pub role: Option<String>,
    /// Other names for what it stands for, used by claim matching only, not
    /// to rename speakers: a capital for its government (`Moscow`, `the
    /// Kremlin` for Russia), a product's description (`the messenger`).
    #[serde(default)]
    pub also_known_as: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: Vec<SpeakerEntry>,
    /// Lowercased name or alias → index into `entries`.
    by_alias: HashMap<String, usize>,
}

impl Registry {
    /// Loads a registry file: a YAML list of entries, or a mapping with `speakers:`.
    pub fn load(path: &str) -> Result<Self> {
        let text = error::read_yaml(path)?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &str, text: &str) -> Result<Self> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Wrapped {
            speakers: Vec<SpeakerEntry>,
        }
        // Parse strictly first so errors keep their location; untagged enums lose it.
        let entries = match serde_yaml::from_str::<Vec<SpeakerEntry>>(text) {
            Ok(list) => list,
            Err(list_err) => match serde_yaml::from_str::<Wrapped>(text) {
                Ok(w) => w.speakers,
                Err(map_err) => {
                    let looks_like_list = text
                        .lines()
                        .map(str::trim_start)
                        .find(|l| !l.is_empty() && !l.starts_with('#'))
                        .is_some_and(|l| l.starts_with('-'));
                    let err = if looks_like_list { list_err } else { map_err };
                    return Err(error::yaml(path, &err));
                }
            },
        };
        let mut reg = Registry::default();
        // Where each entry's name stands, so a bad alias is shown at its line.
        let mut from = 0;
        for entry in entries {
            let idx = reg.entries.len();
            let entry_at = find_from(text, &entry.name, from).unwrap_or(from);
            from = entry_at;
            for (k, key) in std::iter::once(&entry.name)
                .chain(entry.aliases.iter())
                .enumerate()
            {
                let lower = key.to_lowercase();
                let problem = match reg.by_alias.get(&lower) {
                    // `name: Jane Roe` with `aliases: [Roe, roe]`, or an alias
                    // equal to the name: the entry names one key twice.
                    Some(&prev) if prev == idx => {
                        Some(if k > 0 && lower == entry.name.to_lowercase() {
                            format!(
                                "alias '{key}' is the name of its own entry '{}'",
                                entry.name
                            )
                        } else {
                            format!("alias '{key}' is listed twice for '{}'", entry.name)
                        })
                    }
                    Some(&prev) if reg.entries[prev].name != entry.name => Some(format!(
                        "alias '{key}' names both '{}' and '{}'",
                        reg.entries[prev].name, entry.name
                    )),
                    _ => None,
                };
                if let Some(message) = problem {
                    // An alias is spelled after its entry's name.
                    let at = if k == 0 {
                        entry_at
                    } else {
                        find_from(text, key, entry_at + entry.name.len()).unwrap_or(entry_at)
                    };
                    return Err(Error::Yaml {
                        location: location(path, text, at),
                        message,
                    });
                }
                reg.by_alias.insert(lower, idx);
            }
            reg.entries.push(entry);
        }
        Ok(reg)
    }

    /// Each entry's names (name, aliases, also-known-as) that claim matching
    /// treats as one thing.
    pub fn alias_groups(&self) -> Vec<Vec<String>> {
        self.entries
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.also_known_as)
                    .cloned()
                    .collect()
            })
            .collect()
    }

    /// The registry entry a name or alias belongs to.
    pub fn lookup(&self, name: &str) -> Option<&SpeakerEntry> {
        crate::lexicon::with_lower(name, |low| self.by_alias.get(low).copied())
            .map(|i| &self.entries[i])
    }
}

/// The byte offset of `needle` in `text` at or after `from`.
fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    text.get(from..)?.find(needle).map(|i| from + i)
}

/// `path:line:column` of byte `at`, 1-based.
fn location(path: &str, text: &str, at: usize) -> Location {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    Location {
        path: path.to_string(),
        line,
        column,
    }
}
