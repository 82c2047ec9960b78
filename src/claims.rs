//! Claim files: the YAML schema, loading from files and directories, and
//! validation with errors that point into the file (`path:line:col: …`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus;
use crate::error::{self, Error, Location, Result};
use crate::speakers::Registry;

/// Whether a statement backs a claim or says the opposite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Supports,
    Contradicts,
    /// A speaker with both supporting and contradicting evidence.
    Mixed,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Mixed => "mixed",
        }
    }
}

/// What `whosaid check` should find for a claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Speakers that must be attributed.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Speakers that must not be attributed.
    #[serde(default)]
    pub not_speakers: Vec<String>,
    /// Expected stance per speaker.
    #[serde(default)]
    pub stance: BTreeMap<String, Stance>,
}

/// One claim entry as written in YAML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Option<String>,
    claim: Option<String>,
    #[serde(default)]
    phrasings: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    threshold: Option<f64>,
    expect: Option<Expect>,
    #[serde(default)]
    #[allow(dead_code)]
    notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrapped {
    claims: Vec<RawClaim>,
}

/// A validated claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: String,
    pub claim: String,
    pub phrasings: Vec<String>,
    pub keywords: Vec<String>,
    pub threshold: Option<f64>,
    pub expect: Option<Expect>,
    /// Where the claim's id is written.
    pub location: Location,
}

/// Longest claim or phrasing: a claim is a sentence, not an article.
pub const MAX_CLAIM_CHARS: usize = 1000;
/// Most phrasings (and keywords) one claim may list.
pub const MAX_PHRASINGS: usize = 100;

/// What `lint` should say of a claim that loads but will not work as meant:
/// an id with spaces (awkward in CI output and locks), a claim with no
/// content word (it can match nothing).
pub fn lint_warnings(claims: &[Claim]) -> Vec<String> {
    let mut out = Vec::new();
    for c in claims {
        if c.id.chars().any(char::is_whitespace) {
            out.push(format!(
                "{}: claim id '{}' has spaces; ids like '{}' read better in CI output",
                c.location,
                c.id,
                c.id.split_whitespace().collect::<Vec<_>>().join("-")
            ));
        }
        let content = c
            .claim
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
            .filter(|w| !w.is_empty())
            .any(|w| !crate::lexicon::words::is_stop_word(&w.to_lowercase()));
        if !content {
            out.push(format!(
                "{}: claim '{}' has only stop words; it can match nothing",
                c.location, c.id
            ));
        }
    }
    out
}

/// Loads every claim file under `paths` (files, or directories walked for
/// `.yaml`/`.yml`, skipping the speaker registry). All errors are collected.
pub fn load(paths: &[String]) -> Result<Vec<Claim>> {
    let mut files = Vec::new();
    for p in paths {
        let path = Path::new(p);
        let meta = std::fs::metadata(path).map_err(|e| Error::io(p.as_str(), &e))?;
        if meta.is_dir() {
            files.extend(
                corpus::walk(path, &["yaml", "yml"])?
                    .into_iter()
                    .filter(|p| !is_registry(p))
                    .map(|p| p.to_string_lossy().into_owned()),
            );
        } else if !is_registry(path) {
            files.push(p.clone());
        }
    }
    let mut claims = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match error::read_text(file).and_then(|text| parse(file, &text)) {
            Ok(mut c) => claims.append(&mut c),
            Err(Error::Many(mut es)) => errors.append(&mut es),
            Err(e) => errors.push(e),
        }
    }
    let mut seen: BTreeMap<&str, &Location> = BTreeMap::new();
    for c in &claims {
        if let Some(first) = seen.insert(&c.id, &c.location) {
            errors.push(Error::DuplicateId {
                id: c.id.clone(),
                first: first.clone(),
                second: c.location.clone(),
            });
        }
    }
    match errors.len() {
        0 => Ok(claims),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

/// The speaker registry lives among the claims but is not a claim file.
fn is_registry(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "speakers.yaml")
}

/// Parses one claim file: a list of claims or a mapping with `claims:`.
pub fn parse(path: &str, text: &str) -> Result<Vec<Claim>> {
    let shape = error::guard_yaml(path, text)?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let raws = if shape.list {
        serde_yaml::from_str::<Vec<RawClaim>>(text).map_err(|e| error::yaml(path, &e))?
    } else {
        serde_yaml::from_str::<Wrapped>(text)
            .map_err(|e| error::yaml(path, &e))?
            .claims
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in raws.into_iter().enumerate() {
        // Serde read the same events, so every entry it returns has a span.
        let location = shape.entries.get(n).cloned().unwrap_or_else(|| Location {
            path: path.to_string(),
            line: 1,
            column: 1,
        });
        let at = |message: String| Error::Yaml {
            location: location.clone(),
            message,
        };
        let Some(id) = raw.id.filter(|s| !s.trim().is_empty()) else {
            errors.push(at(format!("claim #{} has no `id`", n + 1)));
            continue;
        };
        let Some(claim) = raw.claim.filter(|s| !s.trim().is_empty()) else {
            errors.push(at(format!("claim '{id}' has no `claim` text")));
            continue;
        };
        let long = std::iter::once(&claim)
            .chain(&raw.phrasings)
            .find(|t| t.chars().count() > MAX_CLAIM_CHARS);
        if let Some(t) = long {
            errors.push(at(format!(
                "claim '{id}': a wording of {} characters; at most {MAX_CLAIM_CHARS}",
                t.chars().count()
            )));
            continue;
        }
        if raw.phrasings.len() > MAX_PHRASINGS || raw.keywords.len() > MAX_PHRASINGS {
            errors.push(at(format!(
                "claim '{id}': {} phrasings and {} keywords; at most {MAX_PHRASINGS} of each",
                raw.phrasings.len(),
                raw.keywords.len()
            )));
            continue;
        }
        if let Some(t) = raw.threshold
            && !(0.0..=1.0).contains(&t)
        {
            errors.push(at(format!("claim '{id}': threshold {t} is outside [0, 1]")));
            continue;
        }
        if let Some(expect) = &raw.expect {
            for name in expect.stance.keys() {
                if !expect.speakers.iter().any(|s| s == name) {
                    errors.push(at(format!(
                        "claim '{id}': stance given for '{name}', who is not in expect.speakers"
                    )));
                }
            }
            if let Some(both) = expect
                .speakers
                .iter()
                .find(|s| expect.not_speakers.contains(s))
            {
                errors.push(at(format!(
                    "claim '{id}': '{both}' is in both expect.speakers and expect.not_speakers"
                )));
            }
        }
        out.push(Claim {
            id,
            claim,
            phrasings: raw.phrasings,
            keywords: raw.keywords,
            threshold: raw.threshold,
            expect: raw.expect,
            location,
        });
    }
    match errors.len() {
        0 => Ok(out),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

/// Names in `expect` (speakers, not_speakers, stance keys) as the speaker
/// registry spells them, so `Lord Butler` expects the speaker the registry
/// calls `Robin Butler`.
pub fn canonicalize(claims: &mut [Claim], registry: &Registry) {
    let canon = |name: &String| {
        registry
            .lookup(name)
            .map_or_else(|| name.clone(), |e| e.name.clone())
    };
    for claim in claims {
        if let Some(expect) = &mut claim.expect {
            expect.speakers = expect.speakers.iter().map(canon).collect();
            expect.not_speakers = expect.not_speakers.iter().map(canon).collect();
            expect.stance = std::mem::take(&mut expect.stance)
                .into_iter()
                .map(|(k, v)| (canon(&k), v))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_and_mapping_forms() {
        let list = "- id: a\n  claim: A thing\n- id: b\n  claim: B thing\n";
        let c = parse("x.yaml", list).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!((c[1].location.line, c[1].location.column), (3, 3));
        let map = "claims:\n  - id: a\n    claim: A thing\n";
        let c = parse("x.yaml", map).unwrap();
        assert_eq!(c[0].id, "a");
        assert_eq!((c[0].location.line, c[0].location.column), (2, 5));
    }

    #[test]
    fn entry_positions_come_from_the_parser() {
        // Nested lists, comments, a `-` alone on its line and a flow list:
        // only the top-level entries count, each where its node starts.
        let text = "# claims\n- id: a\n  claim: A thing\n  phrasings:\n    - one\n    - two\n-\n  id: b\n  claim: B thing\n";
        let at = |text: &str| -> Vec<(usize, usize)> {
            parse("x.yaml", text)
                .unwrap()
                .iter()
                .map(|c| (c.location.line, c.location.column))
                .collect()
        };
        assert_eq!(at(text), [(2, 3), (8, 3)]);
        assert_eq!(
            at("[{id: a, claim: A}, {id: b, claim: B}]"),
            [(1, 2), (1, 21)]
        );
    }

    #[test]
    fn unknown_key_points_into_the_file() {
        let text = "- id: a\n  claim: A\n  speaker: X\n";
        let e = parse("claims/x.yaml", text).unwrap_err().to_string();
        assert!(
            e.starts_with("claims/x.yaml:3:3: unknown field `speaker`, expected one of"),
            "{e}"
        );
    }

    #[test]
    fn missing_claim_names_the_claim() {
        let e = parse("x.yaml", "- id: lonely\n  notes: n\n")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "x.yaml:1:3: claim 'lonely' has no `claim` text");
    }
}
