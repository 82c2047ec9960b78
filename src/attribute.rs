//! Ties claims to speakers: an inverted index over the statements' words
//! picks candidates, [`matcher`] scores them, and the results are grouped
//! per claim and speaker into the one result type every format renders.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::claims::{Claim, Stance};
use crate::matcher::{self, Word};
use crate::model::{Kind, Statement};

/// One number for every claim: the score at which a statement supports it.
/// Chosen on the curated `claims/` (35 of 40 exact at 0.4; 0.35: 33, 0.5: 31)
/// and never tuned on the held-out set in `tests/fixtures/claims_alt/`.
pub const DEFAULT_THRESHOLD: f64 = 0.4;

/// How far above the threshold a match must score to be called strong.
pub const WEAK_MARGIN: f64 = 0.1;

/// How sure a match is: `weak` just above the threshold (within
/// [`WEAK_MARGIN`]), the ones a fact-checker should double-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Weak,
    Strong,
}

impl Confidence {
    pub fn of(score: f64, threshold: f64) -> Self {
        if score < threshold + WEAK_MARGIN {
            Confidence::Weak
        } else {
            Confidence::Strong
        }
    }
}

/// A statement that matches a claim, with the reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub doc: String,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub content: String,
    pub score: f64,
    /// `weak` when the score is just above the threshold.
    pub confidence: Confidence,
    pub stance: Stance,
    /// (claim word, statement word) pairs.
    pub matched: Vec<(String, String)>,
    /// Outlet the statement was given to (tables show it; JSON keeps the
    /// documented evidence fields only).
    #[serde(skip)]
    pub via: Option<String>,
}

/// A speaker tied to a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSupport {
    /// Canonical name; `null` for an unnamed source.
    pub name: Option<String>,
    pub role: Option<String>,
    pub stance: Stance,
    pub evidence: Vec<Evidence>,
    /// The words in the text for an unnamed source (`one of the bloggers`).
    #[serde(skip)]
    pub mention: String,
}

impl SpeakerSupport {
    /// The name, or the unnamed source's words in brackets.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => format!("[{}]", self.mention),
        }
    }
}

/// A claim and everyone tied to it (empty when nobody matched).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub id: String,
    pub claim: String,
    pub speakers: Vec<SpeakerSupport>,
}

/// The statements prepared for matching: words and an inverted index from a
/// word's stem key to the statements containing it.
pub struct Index<'a> {
    statements: &'a [Statement],
    words: Vec<Vec<Word>>,
    postings: HashMap<String, Vec<u32>>,
    /// Statements containing each exact normalised word, for weights.
    df: HashMap<String, u32>,
    /// Distinct statements (not nested in another) containing each key.
    key_df: HashMap<String, u32>,
    /// Statements not nested in another one.
    distinct: usize,
}

/// For each statement, whether another statement of its document spans it
/// (a partial quote inside the reported clause around it). Statements come
/// sorted by document, then position.
fn nested_in_another(statements: &[Statement]) -> Vec<bool> {
    let mut out = vec![false; statements.len()];
    let mut cover: Option<(usize, &str, usize, usize)> = None; // (index, doc, start, end)
    for (i, st) in statements.iter().enumerate() {
        if let Some((j, doc, start, end)) = cover
            && doc == st.doc
            && start <= st.start
            && st.end <= end
            && j != i
        {
            out[i] = true;
            continue;
        }
        if cover.is_none_or(|(_, doc, _, end)| doc != st.doc || st.end > end) {
            cover = Some((i, st.doc.as_str(), st.start, st.end));
        }
    }
    out
}

/// The index key of a word: its first three letters, so inflections and
/// prefix abbreviations (`ban` / `banned`, `comms` / `communications`) share it.
pub fn key(word: &str) -> String {
    word.chars().take(3).collect()
}

/// The keys a claim word may match through: its own, and its expansion's
/// when it is an abbreviation (`govt` → `government`).
fn keys(word: &str) -> Vec<String> {
    let mut out = vec![key(word)];
    if let Some(full) = matcher::abbreviation_of(word) {
        let k = key(full);
        if k != out[0] {
            out.push(k);
        }
    }
    out
}

impl<'a> Index<'a> {
    pub fn new(statements: &'a [Statement]) -> Self {
        let words: Vec<Vec<Word>> = statements
            .par_iter()
            .map(|s| matcher::words(s.context.as_deref().unwrap_or(&s.content)))
            .collect();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut key_df: HashMap<String, u32> = HashMap::new();
        let nested = nested_in_another(statements);
        let mut distinct = 0;
        for (i, ws) in words.iter().enumerate() {
            let mut keys: Vec<String> = ws
                .iter()
                .filter(|w| !w.stop)
                .map(|w| key(&w.norm))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for k in &keys {
                postings.entry(k.clone()).or_default().push(i as u32);
            }
            // A quoted fragment inside a reported clause is the same words
            // again: it is indexed, but not counted for how common a word is.
            if nested[i] {
                continue;
            }
            distinct += 1;
            for k in keys {
                *key_df.entry(k).or_default() += 1;
            }
            let mut seen: Vec<&str> = ws
                .iter()
                .filter(|w| !w.stop)
                .map(|w| w.norm.as_str())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                *df.entry(w.to_string()).or_default() += 1;
            }
        }
        Index {
            statements,
            words,
            postings,
            df,
            key_df,
            distinct,
        }
    }

    /// Rarer words weigh more: a claim is about its unusual words.
    fn weight(&self, word: &str) -> f64 {
        let n = self.statements.len() as f64;
        let df = f64::from(self.df.get(word).copied().unwrap_or(0));
        0.5 + (1.0 + n / (1.0 + df)).ln()
    }

    /// A word found in at most a quarter of the statements: matching only
    /// words more common than that ("Russia", "Telegram") supports nothing.
    fn selective(&self, word: &str) -> bool {
        // Counted by key, so "Russia" counts its "Russian"s and "Russians".
        let df = self.key_df.get(&key(word)).copied().unwrap_or(0) as usize;
        df * 4 <= self.distinct.max(8)
    }

    /// Statements that could reach `threshold`: for each, the weighted share
    /// of the claim's words whose index key it contains is an upper bound on
    /// its score, so statements whose bound falls short are never scored.
    fn candidates(
        &self,
        wordings: &[Vec<String>],
        weights: &[Vec<f64>],
        threshold: f64,
    ) -> Vec<u32> {
        let mut keep: Vec<u32> = Vec::new();
        for (wording, ws) in wordings.iter().zip(weights) {
            let total: f64 = ws.iter().sum();
            if total <= 0.0 {
                continue;
            }
            // Each claim word adds its weight to every statement holding one
            // of its keys, once: the score sums each claim word's best match
            // times its weight, and the scorer relates only words that share
            // a key, so this sum bounds the score from above.
            let mut bound: HashMap<u32, f64> = HashMap::new();
            let mut hits: Vec<u32> = Vec::new();
            for (w, &wt) in wording.iter().zip(ws) {
                hits.clear();
                for k in keys(w) {
                    hits.extend_from_slice(self.postings.get(&k).map_or(&[][..], Vec::as_slice));
                }
                hits.sort_unstable();
                hits.dedup();
                for &i in &hits {
                    *bound.entry(i).or_default() += wt;
                }
            }
            keep.extend(
                bound
                    .into_iter()
                    .filter(|&(_, b)| b / total + 1e-9 >= threshold)
                    .map(|(i, _)| i),
            );
        }
        keep.sort_unstable();
        keep.dedup();
        keep
    }
}

/// The best match of a claim (any of its wordings) against statement `i`.
fn best_match(index: &Index, claim: &Prepared, i: usize) -> Option<matcher::Match> {
    let words = &index.words[i];
    if !matcher::has_keywords(&claim.keywords, words) {
        return None;
    }
    let cue = index.statements[i].cue.as_deref();
    claim
        .wordings
        .iter()
        .zip(&claim.weights)
        .zip(&claim.texts)
        .map(|((w, ws), text)| matcher::score(w, text, ws, words, cue))
        .filter(|m| m.matched.iter().any(|(c, _)| claim.selective.contains(c)))
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

struct Prepared {
    wordings: Vec<Vec<String>>,
    /// Each wording's words, stop words and negations included, for stance.
    texts: Vec<Vec<Word>>,
    weights: Vec<Vec<f64>>,
    keywords: Vec<Vec<String>>,
    /// Claim words rare enough in the corpus to carry a match.
    selective: Vec<String>,
}

/// Matches every claim against the indexed statements, in parallel over claims.
/// `threshold` applies where a claim sets none of its own.
pub fn attribute(claims: &[Claim], index: &Index, threshold: f64) -> Vec<Attribution> {
    claims
        .par_iter()
        .map(|c| attribute_one(c, index, c.threshold.unwrap_or(threshold)))
        .collect()
}

fn attribute_one(claim: &Claim, index: &Index, threshold: f64) -> Attribution {
    let (wordings, texts): (Vec<Vec<String>>, Vec<Vec<Word>>) = std::iter::once(&claim.claim)
        .chain(&claim.phrasings)
        .map(|t| (matcher::content_words(t), matcher::words(t)))
        .filter(|(w, _)| !w.is_empty())
        .unzip();
    let weights = wordings
        .iter()
        .map(|w| w.iter().map(|x| index.weight(x)).collect())
        .collect();
    let prepared = Prepared {
        keywords: claim
            .keywords
            .iter()
            .map(|k| matcher::content_words(k))
            .collect(),
        selective: wordings
            .iter()
            .flatten()
            .filter(|w| index.selective(w))
            .cloned()
            .collect(),
        wordings,
        texts,
        weights,
    };
    let mut speakers: Vec<SpeakerSupport> = Vec::new();
    for i in index.candidates(&prepared.wordings, &prepared.weights, threshold) {
        let i = i as usize;
        let Some(m) = best_match(index, &prepared, i) else {
            continue;
        };
        if m.score < threshold {
            continue;
        }
        let st = &index.statements[i];
        let evidence = Evidence {
            doc: st.doc.clone(),
            line: st.line,
            start: st.start,
            end: st.end,
            kind: st.kind,
            content: st.content.clone(),
            score: (m.score * 100.0).round() / 100.0,
            confidence: Confidence::of(m.score, threshold),
            stance: m.stance,
            matched: m.matched,
            via: st.via.clone(),
        };
        let same = |s: &SpeakerSupport| match (&s.name, &st.speaker.name) {
            (Some(a), Some(b)) => a == b,
            (None, None) => s.mention == st.speaker.mention,
            _ => false,
        };
        match speakers.iter_mut().find(|s| same(s)) {
            Some(s) => {
                if s.role.is_none() {
                    s.role.clone_from(&st.speaker.role);
                }
                s.evidence.push(evidence);
            }
            None => speakers.push(SpeakerSupport {
                name: st.speaker.name.clone(),
                role: st.speaker.role.clone(),
                stance: Stance::Supports,
                evidence: vec![evidence],
                mention: st.speaker.mention.clone(),
            }),
        }
    }
    for s in &mut speakers {
        s.evidence.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| (&a.doc, a.start).cmp(&(&b.doc, b.start)))
        });
        let supports = s.evidence.iter().any(|e| e.stance == Stance::Supports);
        let contradicts = s.evidence.iter().any(|e| e.stance == Stance::Contradicts);
        s.stance = match (supports, contradicts) {
            (true, true) => Stance::Mixed,
            (false, true) => Stance::Contradicts,
            _ => Stance::Supports,
        };
    }
    speakers.sort_by(|a, b| {
        let best = |s: &SpeakerSupport| s.evidence.first().map_or(0.0, |e| e.score);
        best(b)
            .total_cmp(&best(a))
            .then_with(|| a.label().cmp(&b.label()))
    });
    Attribution {
        id: claim.id.clone(),
        claim: claim.claim.clone(),
        speakers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::error::Location;
    use crate::extract::Extractor;
    use proptest::prelude::*;

    /// A word and a relative of it: an inflection, a typo, a prefix, a
    /// newsroom abbreviation, or an unrelated word sharing its first letters.
    fn word_pair() -> impl Strategy<Value = (String, String)> {
        let suffixes = prop::sample::select(vec![
            "", "s", "es", "ed", "ing", "n", "ation", "ations", "ate", "ive", "ment", "er",
        ]);
        // Edits fall mostly in the first letters, where index keys live.
        let position = prop_oneof![3 => 0usize..4, 1 => 0usize..12];
        (
            "[a-z]{2,9}",
            suffixes,
            position,
            "[a-z]",
            0u8..5,
            any::<bool>(),
        )
            .prop_map(|(base, suffix, at, letter, edit, both)| {
                let a = format!("{base}{suffix}");
                let base = if both { a.clone() } else { base };
                let mut b: Vec<char> = base.chars().collect();
                let at = at.min(b.len().saturating_sub(1));
                let c = letter.chars().next().unwrap_or('x');
                match edit {
                    0 => b[at] = c,
                    1 => b.insert(at, c),
                    2 if b.len() > 1 => {
                        b.remove(at);
                    }
                    3 if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
                (a, b.into_iter().collect())
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The index never loses a match the scorer would make: every pair
        /// of words the scorer relates shares a key.
        #[test]
        fn related_words_share_a_key((claim_word, statement_word) in word_pair()) {
            if matcher::word_sim(&claim_word, &statement_word) > 0.0 {
                prop_assert!(
                    keys(&claim_word).contains(&key(&statement_word)),
                    "{claim_word} ~ {statement_word}"
                );
            }
        }
    }

    #[test]
    fn abbreviations_share_a_key_with_their_expansion() {
        for (short, long) in [
            ("govt", "government"),
            ("comms", "communications"),
            ("intel", "intelligence"),
        ] {
            assert!(matcher::word_sim(short, long) > 0.0);
            assert!(keys(short).contains(&key(long)), "{short} ~ {long}");
            assert!(keys(long).contains(&key(short)), "{long} ~ {short}");
        }
    }

    fn claim(text: &str) -> Claim {
        Claim {
            id: "c".into(),
            claim: text.into(),
            phrasings: vec![],
            keywords: vec![],
            threshold: None,
            expect: None,
            location: Location {
                path: "t.yaml".into(),
                line: 1,
                column: 1,
            },
        }
    }

    /// A lower threshold never hides a match: a statement found at one
    /// threshold is found at every lower one, with the same score.
    #[test]
    fn lowering_the_threshold_never_hides_a_match() {
        let text = "Ilse Varga said the harbour authority would reopen the northern pier \
                    next spring after repairs to the sea wall.\n\n\
                    Petra Lind said fishing crews had waited two winters for the pier.\n";
        let statements = Extractor::default().document(&Document::new("t.txt", text));
        let index = Index::new(&statements);
        let claims = [
            claim("The harbour authority will reopen the northern pier"),
            claim("Fishing crews waited two winters for repairs to the sea wall"),
            claim("The pier reopens in spring"),
        ];
        let found = |t: f64| -> Vec<(String, String, String)> {
            attribute(&claims, &index, t)
                .into_iter()
                .flat_map(|a| {
                    let id = a.claim.clone();
                    a.speakers.into_iter().flat_map(move |s| {
                        let id = id.clone();
                        s.evidence
                            .into_iter()
                            .map(move |e| (id.clone(), e.content, format!("{:.2}", e.score)))
                    })
                })
                .collect()
        };
        let thresholds = [0.9, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2, 0.1];
        let mut before = found(thresholds[0]);
        assert!(!found(0.1).is_empty(), "the fixture matches at 0.1");
        for &t in &thresholds[1..] {
            let now = found(t);
            for m in &before {
                assert!(now.contains(m), "{m:?} found above {t} but not at {t}");
            }
            before = now;
        }
    }
}
