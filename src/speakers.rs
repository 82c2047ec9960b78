//! The optional speaker registry (`claims/speakers.yaml`): canonical names and
//! their aliases, so `Timothy Cook` and `Tim Cook` are one speaker.

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::{self, Error, Result};
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
        let text = error::read_text(path)?;
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
        for entry in entries {
            let idx = reg.entries.len();
            for key in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                if let Some(&prev) = reg.by_alias.get(&key.to_lowercase())
                    && reg.entries[prev].name != entry.name
                {
                    return Err(Error::Invalid {
                        path: path.to_string(),
                        message: format!(
                            "alias '{key}' names both '{}' and '{}'",
                            reg.entries[prev].name, entry.name
                        ),
                    });
                }
                reg.by_alias.insert(key.to_lowercase(), idx);
            }
            reg.entries.push(entry);
        }
        Ok(reg)
    }

    /// The registry entry a name or alias belongs to.
    pub fn lookup(&self, name: &str) -> Option<&SpeakerEntry> {
        self.by_alias
            .get(&name.to_lowercase())
            .map(|&i| &self.entries[i])
    }
}
