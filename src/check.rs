//! Regression checks on attribution: claims' `expect` blocks, and the
//! lockfile that pins the exact evidence (spans and content hashes) so an
//! edit to a source shows up as drift.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::attribute::{Attribution, Evidence, SpeakerSupport};
use crate::claims::{Claim, Stance};
use crate::error::{self, Error, Result};
use crate::model::{Kind, Span};

pub const DEFAULT_LOCK: &str = "whosaid.lock";
const LOCK_HEADER: &str = "# whosaid.lock: the evidence `whosaid lock` pinned for each claim.\n\
                           # Regenerate with `whosaid lock`; `whosaid check --locked` compares against it.\n";

/// What kind of drift a line of a diff reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    MissingSpeaker,
    UnexpectedSpeaker,
    StanceChanged,
    EvidenceAdded,
    EvidenceLost,
    EvidenceMoved,
    EvidenceChanged,
}

/// One difference between what was expected (or locked) and what is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drift {
    pub kind: DriftKind,
    pub speaker: String,
    /// What was expected or locked (a stance, or nothing).
    pub expected: Option<String>,
    /// What was found.
    pub actual: Option<String>,
    /// Where the evidence is now (none for lost evidence or a missing speaker).
    pub place: Option<Span>,
    /// Where the lock had it (lost, moved, changed evidence).
    pub locked: Option<Span>,
    /// The current quote, or the best near miss for a missing speaker.
    pub quote: Option<String>,
    pub score: Option<f64>,
}

impl Drift {
    /// A drift about `speaker`, pointing at evidence `e` when there is one.
    fn at(kind: DriftKind, speaker: &str, e: Option<&Evidence>) -> Self {
        Drift {
            kind,
            speaker: speaker.to_string(),
            expected: None,
            actual: None,
            place: e.map(|e| e.span.clone()),
            locked: None,
            quote: e.map(|e| e.content.clone()),
            score: e.map(|e| e.score),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub id: String,
    pub passed: bool,
    pub diffs: Vec<Drift>,
}

/// The outcome of `whosaid check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub checked: usize,
    pub passed: usize,
    pub failed: usize,
    pub claims: Vec<ClaimCheck>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failed == 0
    }

    fn from_checks(claims: Vec<ClaimCheck>) -> Self {
        let passed = claims.iter().filter(|c| c.passed).count();
        Report {
            checked: claims.len(),
            passed,
            failed: claims.len() - passed,
            claims,
        }
    }
}

fn speaker_key(s: &SpeakerSupport) -> String {
    s.label()
}

/// Compares every claim that has `expect` with its attribution. `near`
/// holds the same claims scored at a lower threshold, to show the closest
/// evidence for a missing speaker.
pub fn expectations(claims: &[Claim], results: &[Attribution], near: &[Attribution]) -> Report {
    let mut checks = Vec::new();
    for (claim, result) in claims.iter().zip(results) {
        let Some(expect) = &claim.expect else {
            continue;
        };
        let mut diffs = Vec::new();
        let named: Vec<&SpeakerSupport> = result
            .speakers
            .iter()
            .filter(|s| s.name.is_some())
            .collect();
        for want in &expect.speakers {
            if let Some(s) = named
                .iter()
                .find(|s| s.name.as_deref() == Some(want.as_str()))
            {
                if let Some(&stance) = expect.stance.get(want)
                    && stance != s.stance
                {
                    diffs.push(Drift {
                        expected: Some(stance.as_str().into()),
                        actual: Some(s.stance.as_str().into()),
                        ..Drift::at(DriftKind::StanceChanged, want, s.evidence.first())
                    });
                }
                continue;
            }
            // The closest statement by this speaker, if any scored at all.
            let best = near
                .iter()
                .find(|a| a.id == claim.id)
                .and_then(|a| {
                    a.speakers
                        .iter()
                        .find(|s| s.name.as_deref() == Some(want.as_str()))
                })
                .and_then(|s| s.evidence.first());
            diffs.push(Drift::at(DriftKind::MissingSpeaker, want, best));
        }
        for s in &named {
            let name = s.name.clone().unwrap_or_default();
            if expect.speakers.contains(&name) {
                continue;
            }
            let barred = expect.not_speakers.contains(&name);
            diffs.push(Drift {
                expected: barred.then(|| "not_speakers".to_string()),
                actual: Some(s.stance.as_str().into()),
                ..Drift::at(DriftKind::UnexpectedSpeaker, &name, s.evidence.first())
            });
        }
        checks.push(ClaimCheck {
            id: claim.id.clone(),
            passed: diffs.is_empty(),
            diffs,
        });
    }
    Report::from_checks(checks)
}

/// The lockfile: per claim, each attributed speaker with pinned evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub version: u32,
    pub claims: Vec<LockedClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedClaim {
    pub id: String,
    pub speakers: Vec<LockedSpeaker>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedSpeaker {
    /// The canonical name, or `[mention]` for an unnamed source.
    pub name: String,
    pub stance: Stance,
    pub evidence: Vec<LockedEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedEvidence {
    #[serde(flatten)]
    pub span: Span,
    pub kind: Kind,
    /// FNV-1a 64 of the quoted content, hex: the lock stores no quotes.
    pub hash: String,
    pub score: f64,
    pub stance: Stance,
}

/// FNV-1a, 64 bits: stable across versions and platforms, unlike `std`'s hasher.
pub fn content_hash(content: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in content.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The lock for these results, in a stable, diff-friendly order.
pub fn lock(results: &[Attribution]) -> Lock {
    let mut claims: Vec<LockedClaim> = results
        .iter()
        .map(|a| {
            let mut speakers: Vec<LockedSpeaker> = a
                .speakers
                .iter()
                .map(|s| {
                    let mut evidence: Vec<LockedEvidence> = s
                        .evidence
                        .iter()
                        .map(|e| LockedEvidence {
                            span: e.span.clone(),
                            kind: e.kind,
                            hash: content_hash(&e.content),
                            score: e.score,
                            stance: e.stance,
                        })
                        .collect();
                    evidence.sort_by(|x, y| {
                        (&x.span.doc, x.span.start).cmp(&(&y.span.doc, y.span.start))
                    });
                    LockedSpeaker {
                        name: speaker_key(s),
                        stance: s.stance,
                        evidence,
                    }
                })
                .collect();
            speakers.sort_by(|x, y| x.name.cmp(&y.name));
            LockedClaim {
                id: a.id.clone(),
                speakers,
            }
        })
        .collect();
    claims.sort_by(|x, y| x.id.cmp(&y.id));
    Lock { version: 1, claims }
}

/// The lock as YAML, with a header that marks the file as ours.
pub fn render_lock(lock: &Lock) -> Result<String> {
    let body = serde_yaml::to_string(lock)
        .map_err(|e| Error::Message(format!("cannot write lock: {e}")))?;
    Ok(format!("{LOCK_HEADER}{body}"))
}

/// Writes `text` to `path` atomically: a temporary file beside it, then a
/// rename, so a reader never sees half a lock. A file at `path` that is not
/// a whosaid lock is never overwritten unless `force`.
pub fn write_lock(path: &str, text: &str, force: bool) -> Result<()> {
    let header = LOCK_HEADER.lines().next().unwrap_or_default().as_bytes();
    crate::output::write_file(
        path,
        "lock",
        text.as_bytes(),
        |head| head.starts_with(header),
        force,
    )
}

pub fn read_lock(path: &str) -> Result<Lock> {
    if !std::path::Path::new(path).exists() {
        return Err(Error::Message(format!(
            "{path}: No such file or directory (run `whosaid lock` to make one)"
        )));
    }
    let text = error::read_yaml(path)?;
    serde_yaml::from_str(&text).map_err(|e| error::yaml(path, &e))
}

/// Compares current results with the lock: evidence added, lost, moved
/// (same content, other place) and changed (same place, other content).
pub fn against_lock(lock: &Lock, results: &[Attribution]) -> Report {
    let current = self::lock(results);
    let quotes: BTreeMap<(String, String, usize), String> = results
        .iter()
        .flat_map(|a| {
            a.speakers.iter().flat_map(move |s| {
                s.evidence.iter().map(move |e| {
                    (
                        (a.id.clone(), e.span.doc.clone(), e.span.start),
                        e.content.clone(),
                    )
                })
            })
        })
        .collect();
    let mut ids: Vec<&str> = lock
        .claims
        .iter()
        .map(|c| c.id.as_str())
        .chain(current.claims.iter().map(|c| c.id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let empty = Vec::new();
    let mut checks = Vec::new();
    for id in ids {
        let old = lock
            .claims
            .iter()
            .find(|c| c.id == id)
            .map_or(&empty, |c| &c.speakers);
        let new = current
            .claims
            .iter()
            .find(|c| c.id == id)
            .map_or(&empty, |c| &c.speakers);
        let mut names: Vec<&str> = old.iter().chain(new).map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mut diffs = Vec::new();
        for name in names {
            let o = old.iter().find(|s| s.name == name);
            let n = new.iter().find(|s| s.name == name);
            let quote_of = |e: &LockedEvidence| {
                quotes
                    .get(&(id.to_string(), e.span.doc.clone(), e.span.start))
                    .cloned()
            };
            let mut olds: Vec<&LockedEvidence> =
                o.map(|s| s.evidence.iter().collect()).unwrap_or_default();
            let mut news: Vec<&LockedEvidence> =
                n.map(|s| s.evidence.iter().collect()).unwrap_or_default();
            if let (Some(o), Some(n)) = (o, n)
                && o.stance != n.stance
            {
                diffs.push(Drift {
                    kind: DriftKind::StanceChanged,
                    speaker: name.to_string(),
                    expected: Some(o.stance.as_str().into()),
                    actual: Some(n.stance.as_str().into()),
                    place: n.evidence.first().map(|e| e.span.clone()),
                    locked: None,
                    quote: n.evidence.first().and_then(quote_of),
                    score: n.evidence.first().map(|e| e.score),
                });
            }
            // Unchanged: same content at the same place.
            olds.retain(|l| {
                match news
                    .iter()
                    .position(|c| c.hash == l.hash && c.span.same_line(&l.span))
                {
                    Some(i) => {
                        news.remove(i);
                        false
                    }
                    None => true,
                }
            });
            // Moved: same content elsewhere.
            olds.retain(|l| match news.iter().position(|c| c.hash == l.hash) {
                Some(i) => {
                    let c = news.remove(i);
                    diffs.push(Drift {
                        kind: DriftKind::EvidenceMoved,
                        speaker: name.to_string(),
                        expected: None,
                        actual: None,
                        place: Some(c.span.clone()),
                        locked: Some(l.span.clone()),
                        quote: quote_of(c),
                        score: Some(c.score),
                    });
                    false
                }
                None => true,
            });
            // Changed: other content at the same place; failing that, the
            // nearest evidence of the same kind in the same document (a quote
            // edited in a file whose lines also shifted).
            for same_line in [true, false] {
                olds.retain(|l| {
                    let found = news
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| {
                            if same_line {
                                c.span.same_line(&l.span)
                            } else {
                                c.span.doc == l.span.doc && c.kind == l.kind
                            }
                        })
                        .min_by_key(|(_, c)| c.span.line.abs_diff(l.span.line))
                        .map(|(i, _)| i);
                    let Some(i) = found else { return true };
                    let c = news.remove(i);
                    diffs.push(Drift {
                        kind: DriftKind::EvidenceChanged,
                        speaker: name.to_string(),
                        expected: Some(l.hash.clone()),
                        actual: Some(c.hash.clone()),
                        place: Some(c.span.clone()),
                        locked: Some(l.span.clone()),
                        quote: quote_of(c),
                        score: Some(c.score),
                    });
                    false
                });
            }
            for l in olds {
                diffs.push(Drift {
                    kind: DriftKind::EvidenceLost,
                    speaker: name.to_string(),
                    expected: Some(l.hash.clone()),
                    actual: None,
                    place: None,
                    locked: Some(l.span.clone()),
                    quote: None,
                    score: Some(l.score),
                });
            }
            for c in news {
                diffs.push(Drift {
                    kind: DriftKind::EvidenceAdded,
                    speaker: name.to_string(),
                    expected: None,
                    actual: Some(c.hash.clone()),
                    place: Some(c.span.clone()),
                    locked: None,
                    quote: quote_of(c),
                    score: Some(c.score),
                });
            }
        }
        checks.push(ClaimCheck {
            id: id.to_string(),
            passed: diffs.is_empty(),
            diffs,
        });
    }
    Report::from_checks(checks)
}

/// Both checks in one report: a claim fails if either finds drift.
pub fn merge(a: Report, b: Report) -> Report {
    let mut by_id: BTreeMap<String, ClaimCheck> = BTreeMap::new();
    let mut order = Vec::new();
    for c in a.claims.into_iter().chain(b.claims) {
        match by_id.get_mut(&c.id) {
            Some(existing) => {
                existing.passed &= c.passed;
                existing.diffs.extend(c.diffs);
            }
            None => {
                order.push(c.id.clone());
                by_id.insert(c.id.clone(), c);
            }
        }
    }
    Report::from_checks(
        order
            .into_iter()
            .filter_map(|id| by_id.remove(&id))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
    }
}
