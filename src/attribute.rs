//! Ties claims to speakers. A [`Learner`] reads the statements once, a
//! batch of whole documents at a time, for what matching needs of the whole
//! corpus (a [`Model`]: the scorer's vocabulary, how common each word is);
//! then, batch by batch, an inverted index over the keys a
//! [`matcher::Scorer`] gives picks candidates, the scorer scores them, and
//! an [`Attributor`] groups the matches per claim and speaker into the one
//! result type every format renders.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::claims::{Claim, Stance};
use crate::matcher::{self, Lexical, Pair, Rule, Scorer, StatementText, Term};
use crate::model::{Article, Kind, Span, Statement};

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
    #[serde(flatten)]
    pub span: Span,
    pub kind: Kind,
    pub content: String,
    pub score: f64,
    /// `weak` when the score is just above the threshold.
    pub confidence: Confidence,
    pub stance: Stance,
    /// (claim word, statement word, rule) triples.
    pub matched: Vec<Pair>,
    /// The statement's speech verb or phrase, as `extract` gives it.
    pub cue: Option<String>,
    /// The outlet the statement was given to (`told Politico`).
    pub via: Option<String>,
    /// How surely the statement's speaker was found: `extract`'s `confidence`.
    pub speaker_confidence: f64,
    /// The article the statement is in, as `extract` gives it.
    pub article: Arc<Article>,
}

/// A speaker tied to a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSupport {
    /// Canonical name; `null` for an unnamed source.
    pub name: Option<String>,
    pub role: Option<String>,
    pub stance: Stance,
    pub evidence: Vec<Evidence>,
    /// The words in the text at the speaker's first cue (`one of the
    /// bloggers` for an unnamed source).
    pub mention: String,
    /// Evidence left out by `--max-evidence` (the best is kept); omitted when none.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_evidence: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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

/// What matching needs to know of the whole corpus before it scores any
/// statement: the scorer's vocabulary and how common each word and key is.
/// Learned from the statements a batch of whole documents at a time
/// ([`Learner`]), so a corpus is never held at once.
pub struct Model<S: Scorer = Lexical> {
    scorer: S,
    vocab: Arc<S::Vocab>,
    /// Statements containing each exact normalised word, for weights.
    df: HashMap<String, u32>,
    /// Distinct statements (not nested in another) containing each key.
    key_df: HashMap<String, u32>,
    /// Statements not nested in another one.
    distinct: usize,
    /// All statements.
    statements: usize,
}

/// Builds a [`Model`]: [`Learner::learn`] each batch of whole documents.
pub struct Learner<S: Scorer = Lexical> {
    scorer: S,
    vocab: S::Vocab,
    df: HashMap<String, u32>,
    key_df: HashMap<String, u32>,
    distinct: usize,
    statements: usize,
}

impl<S: Scorer> Learner<S> {
    pub fn new(scorer: S) -> Self {
        Learner {
            scorer,
            vocab: S::Vocab::default(),
            df: HashMap::new(),
            key_df: HashMap::new(),
            distinct: 0,
            statements: 0,
        }
    }

    /// Learns `statements`: whole documents, each sorted by position.
    pub fn learn(&mut self, statements: &[Statement]) {
        let texts = Texts::of(statements);
        let keyed = self
            .scorer
            .learn(&mut self.vocab, &texts.texts(statements), &texts.aliases);
        let nested = nested_in_another(statements);
        for ((keys, words), nested) in keyed.into_iter().zip(nested) {
            // A quoted fragment inside a reported clause is the same words
            // again: it is indexed, but not counted for how common a word is.
            if nested {
                continue;
            }
            self.distinct += 1;
            for k in keys {
                *self.key_df.entry(k).or_default() += 1;
            }
            for w in words {
                *self.df.entry(w).or_default() += 1;
            }
        }
        self.statements += statements.len();
    }

    pub fn finish(mut self) -> Model<S> {
        self.scorer.seal(&mut self.vocab);
        Model {
            scorer: self.scorer,
            vocab: Arc::new(self.vocab),
            df: self.df,
            key_df: self.key_df,
            distinct: self.distinct,
            statements: self.statements,
        }
    }
}

impl<S: Scorer> Model<S> {
    /// Rarer words weigh more: a claim is about its unusual words.
    fn weight(&self, word: &str) -> f64 {
        let n = self.statements as f64;
        let df = f64::from(self.df.get(word).copied().unwrap_or(0));
        0.5 + (1.0 + n / (1.0 + df)).ln()
    }

    /// A word found in at most a quarter of the statements: matching only
    /// words more common than that ("Russia", "Telegram") supports nothing.
    fn selective(&self, word: &str) -> bool {
        // Counted by key, so "Russia" counts its "Russian"s and "Russians".
        let df = self.key_df.get(&matcher::key(word)).copied().unwrap_or(0) as usize;
        df * 4 <= self.distinct.max(8)
    }
}

/// What the scorer reads of a batch of statements: per statement its text
/// and speaker, per document its aliases.
struct Texts {
    speakers: Vec<String>,
    doc_of: Vec<usize>,
    /// A document's aliases ride on each of its statements.
    aliases: Vec<Vec<(String, String)>>,
}

impl Texts {
    fn of(statements: &[Statement]) -> Self {
        let mut aliases: Vec<Vec<(String, String)>> = Vec::new();
        let mut last: Option<&str> = None;
        let doc_of: Vec<usize> = statements
            .iter()
            .map(|s| {
                if last != Some(s.span.doc.as_str()) {
                    last = Some(s.span.doc.as_str());
                    aliases.push(s.aliases.clone());
                }
                aliases.len() - 1
            })
            .collect();
        let speakers: Vec<String> = statements
            .iter()
            .map(|s| {
                let name = s.speaker.name.as_deref().unwrap_or(&s.speaker.mention);
                let mut who = match &s.speaker.role {
                    Some(r) => format!("{name}, {r}"),
                    None => name.to_string(),
                };
                // "the police official said": how the text names the speaker
                // at the cue is who "we" are, too.
                let mention = s.speaker.mention.as_str();
                if !who.contains(mention) && mention.contains(' ') {
                    who.push_str(", ");
                    who.push_str(mention);
                }
                who
            })
            .collect();
        Texts {
            speakers,
            doc_of,
            aliases,
        }
    }

    fn texts<'t>(&'t self, statements: &'t [Statement]) -> Vec<StatementText<'t>> {
        statements
            .iter()
            .zip(&self.doc_of)
            .zip(&self.speakers)
            .map(|((s, &doc), speaker)| StatementText {
                text: s.context.as_deref().unwrap_or(&s.content),
                doc,
                speaker,
            })
            .collect()
    }
}

/// A batch of statements prepared for matching against a [`Model`], and an
/// inverted index from the scorer's keys to the statements holding them.
pub struct Index<'a, S: Scorer = Lexical> {
    statements: &'a [Statement],
    model: Arc<Model<S>>,
    prepared: S::Statements,
    postings: HashMap<String, Vec<u32>>,
}

/// For each statement, whether another statement of its document spans it
/// (a partial quote inside the reported clause around it). Statements come
/// sorted by document, then position.
fn nested_in_another(statements: &[Statement]) -> Vec<bool> {
    let mut out = vec![false; statements.len()];
    let mut cover: Option<(usize, &str, usize, usize)> = None; // (index, doc, start, end)
    for (i, st) in statements.iter().enumerate() {
        if let Some((j, doc, start, end)) = cover
            && doc == st.span.doc
            && start <= st.span.start
            && st.span.end <= end
            && j != i
        {
            out[i] = true;
            continue;
        }
        if cover.is_none_or(|(_, doc, _, end)| doc != st.span.doc || st.span.end > end) {
            cover = Some((i, st.span.doc.as_str(), st.span.start, st.span.end));
        }
    }
    out
}

impl<'a> Index<'a> {
    /// The lexical scorer with no registry.
    pub fn new(statements: &'a [Statement]) -> Self {
        Index::with(statements, Lexical::default())
    }
}

/// Statements per batch when a corpus is learned or scored in batches.
pub const BATCH: usize = 1 << 12;

/// `statements` cut into batches of whole documents, each of about `size`
/// statements (a document longer than that is one batch).
pub fn batches(statements: &[Statement], size: usize) -> impl Iterator<Item = &[Statement]> {
    let mut rest = statements;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while end < rest.len() && rest[end].span.doc == rest[end - 1].span.doc {
            end += 1;
        }
        let (batch, more) = rest.split_at(end);
        rest = more;
        Some(batch)
    })
}

impl<'a, S: Scorer> Index<'a, S> {
    /// All of `statements` as one corpus: its model, and one index over it.
    pub fn with(statements: &'a [Statement], scorer: S) -> Self {
        let mut learner = Learner::new(scorer);
        for batch in batches(statements, BATCH) {
            learner.learn(batch);
        }
        Index::batch(&Arc::new(learner.finish()), statements)
    }

    /// A batch of whole documents, read against the corpus's `model`.
    pub fn batch(model: &Arc<Model<S>>, statements: &'a [Statement]) -> Self {
        let texts = Texts::of(statements);
        let prepared =
            model
                .scorer
                .prepare_statements(&model.vocab, &texts.texts(statements), &texts.aliases);
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        // Keys are made in parallel a block at a time and merged as they
        // come, so they are never all held at once.
        for block in (0..statements.len()).step_by(matcher::BLOCK) {
            let end = (block + matcher::BLOCK).min(statements.len());
            let keyed: Vec<Vec<String>> = (block..end)
                .into_par_iter()
                .map(|i| model.scorer.statement_keys(&prepared, i))
                .collect();
            for (i, keys) in (block..end).zip(keyed) {
                for k in keys {
                    postings.entry(k).or_default().push(i as u32);
                }
            }
        }
        Index {
            statements,
            model: Arc::clone(model),
            prepared,
            postings,
        }
    }

    /// Statements that could reach `threshold` and hold an anchor.
    ///
    /// A match needs a selective claim word found as itself ([`Term::own_keys`]),
    /// so only statements holding one of those keys are considered. For each,
    /// the weighted share of the claim's words whose keys it holds bounds its
    /// score from above: each claim word adds its weight once, the score sums
    /// each claim word's best match (at most 1) times its weight, and the
    /// scorer relates only words that share a key. Statements whose bound
    /// falls short are never scored.
    fn candidates(
        &self,
        terms: &[Term],
        anchors: &[usize],
        wordings: &[&[usize]],
        weights: &[f64],
        threshold: f64,
    ) -> Vec<u32> {
        let posting = |k: &String| self.postings.get(k).map_or(&[][..], Vec::as_slice);
        let mut anchored: Vec<u32> = anchors
            .iter()
            .flat_map(|&t| terms[t].own_keys.iter().flat_map(posting))
            .copied()
            .collect();
        anchored.sort_unstable();
        anchored.dedup();
        if anchored.is_empty() {
            return anchored;
        }
        // has[t][j]: anchored statement j holds one of term t's keys.
        let has: Vec<Vec<bool>> = terms
            .iter()
            .map(|t| {
                let mut h = vec![false; anchored.len()];
                for p in t.keys.iter().map(posting) {
                    if p.len() < anchored.len() {
                        for x in p {
                            if let Ok(j) = anchored.binary_search(x) {
                                h[j] = true;
                            }
                        }
                    } else {
                        for (j, a) in anchored.iter().enumerate() {
                            h[j] = h[j] || p.binary_search(a).is_ok();
                        }
                    }
                }
                h
            })
            .collect();
        let mut keep: Vec<u32> = Vec::new();
        for wording in wordings {
            let total: f64 = wording.iter().map(|&t| weights[t]).sum();
            if total <= 0.0 {
                continue;
            }
            for (j, &i) in anchored.iter().enumerate() {
                let bound: f64 = wording
                    .iter()
                    .filter(|&&t| has[t][j])
                    .map(|&t| weights[t])
                    .sum();
                if bound / total + 1e-9 >= threshold {
                    keep.push(i);
                }
            }
        }
        keep.sort_unstable();
        keep.dedup();
        keep
    }
}

/// Matches every claim against the indexed statements, in parallel over claims.
/// `threshold` applies where a claim sets none of its own.
pub fn attribute<S: Scorer>(
    claims: &[Claim],
    index: &Index<S>,
    threshold: f64,
) -> Vec<Attribution> {
    attribute_capped(claims, index, threshold, None)
}

/// Like [`attribute`], keeping each speaker's `max_evidence` best pieces of
/// evidence (all when `None`) and counting the rest in `more_evidence`; the
/// speaker's stance still reads all of it.
pub fn attribute_capped<S: Scorer>(
    claims: &[Claim],
    index: &Index<S>,
    threshold: f64,
    max_evidence: Option<usize>,
) -> Vec<Attribution> {
    attribute_at(claims, index, &[threshold], max_evidence)
        .pop()
        .unwrap_or_default()
}

/// Attribution at each of `thresholds` (where a claim sets none of its
/// own), from one scoring pass at the lowest: a statement's score does not
/// depend on the threshold, so each result is the lowest's hits filtered.
pub fn attribute_at<S: Scorer>(
    claims: &[Claim],
    index: &Index<S>,
    thresholds: &[f64],
    max_evidence: Option<usize>,
) -> Vec<Vec<Attribution>> {
    let mut a = Attributor::new(&index.model, claims, thresholds, max_evidence);
    a.scan(index);
    a.finish()
}

/// Attribution a batch at a time: claims are prepared once against the
/// corpus's [`Model`], each batch of statements is indexed and scored, and
/// only its hits are kept, grouped as they come.
pub struct Attributor<'c, S: Scorer = Lexical> {
    model: Arc<Model<S>>,
    claims: &'c [Claim],
    /// Per claim: the claim prepared, and one grouping per threshold.
    work: Vec<(Ready<S>, Vec<Grouping>)>,
    thresholds: usize,
}

impl<'c, S: Scorer> Attributor<'c, S> {
    pub fn new(
        model: &Arc<Model<S>>,
        claims: &'c [Claim],
        thresholds: &[f64],
        max_evidence: Option<usize>,
    ) -> Self {
        let work = claims
            .par_iter()
            .map(|c| {
                let groups = thresholds
                    .iter()
                    .map(|&t| Grouping::new(c.threshold.unwrap_or(t), max_evidence))
                    .collect();
                (Ready::new(c, model), groups)
            })
            .collect();
        Attributor {
            model: Arc::clone(model),
            claims,
            work,
            thresholds: thresholds.len(),
        }
    }

    /// Scores a batch of whole documents.
    pub fn batch(&mut self, statements: &[Statement]) {
        self.scan(&Index::batch(&self.model, statements));
    }

    fn scan(&mut self, index: &Index<S>) {
        self.work.par_iter_mut().for_each(|(ready, groups)| {
            let low = groups
                .iter()
                .map(|g| g.threshold)
                .fold(f64::INFINITY, f64::min);
            for Hit { statement, m } in hits(ready, index, low) {
                for g in groups.iter_mut().filter(|g| m.score >= g.threshold) {
                    g.push(&index.statements[statement], &m);
                }
            }
        });
    }

    /// Threshold by claim: `[k][c]` is claim `c` at the `k`th threshold.
    pub fn finish(self) -> Vec<Vec<Attribution>> {
        let mut out: Vec<Vec<Attribution>> = (0..self.thresholds)
            .map(|_| Vec::with_capacity(self.claims.len()))
            .collect();
        for (claim, (_, groups)) in self.claims.iter().zip(self.work) {
            for (k, g) in groups.into_iter().enumerate() {
                out[k].push(g.finish(claim));
            }
        }
        out
    }
}

/// Best first; equal scores in corpus order.
fn sort_evidence(evidence: &mut [Evidence]) {
    evidence.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| (&a.span.doc, a.span.start).cmp(&(&b.span.doc, b.span.start)))
    });
}

/// Keeps a speaker's `max` best pieces of evidence, counting the rest.
fn keep_best(s: &mut SpeakerSupport, max: usize) {
    sort_evidence(&mut s.evidence);
    if s.evidence.len() > max {
        s.more_evidence += s.evidence.len() - max;
        s.evidence.truncate(max);
    }
}

/// A statement that matches a claim at some threshold, before grouping.
struct Hit {
    statement: usize,
    m: matcher::Match,
}

/// A claim prepared against the corpus: its terms, their weights, and the
/// rare ones a match must find as themselves.
struct Ready<S: Scorer> {
    prepared: S::Claim,
    weights: Vec<f64>,
    anchors: Vec<usize>,
    selective: Vec<String>,
}

impl<S: Scorer> Ready<S> {
    fn new(claim: &Claim, model: &Model<S>) -> Self {
        let texts: Vec<&str> = std::iter::once(claim.claim.as_str())
            .chain(claim.phrasings.iter().map(String::as_str))
            .collect();
        let keywords: Vec<&str> = claim.keywords.iter().map(String::as_str).collect();
        let scorer = &model.scorer;
        let prepared = scorer.prepare_claim(&model.vocab, &texts, &keywords);
        let terms = scorer.claim_terms(&prepared);
        let weights: Vec<f64> = terms.iter().map(|t| model.weight(&t.info.norm)).collect();
        // Claim words rare enough in the corpus to carry a match.
        let anchors: Vec<usize> = (0..terms.len())
            .filter(|&t| model.selective(&terms[t].info.norm))
            .collect();
        let selective = anchors
            .iter()
            .map(|&t| terms[t].info.norm.clone())
            .collect();
        Ready {
            prepared,
            weights,
            anchors,
            selective,
        }
    }
}

/// The statements of `index` matching the claim at `threshold`, in order.
fn hits<S: Scorer>(r: &Ready<S>, index: &Index<'_, S>, threshold: f64) -> Vec<Hit> {
    let scorer = &index.model.scorer;
    let terms = scorer.claim_terms(&r.prepared);
    let wordings = scorer.wordings(&r.prepared);
    let mut out = Vec::new();
    for i in index.candidates(terms, &r.anchors, &wordings, &r.weights, threshold) {
        let i = i as usize;
        let cue = index.statements[i].cue.as_deref();
        let Some(m) = scorer.score(&r.prepared, &r.weights, &index.prepared, i, cue) else {
            continue;
        };
        // Paraphrase widens a match but never founds one: a rare claim word
        // must be found as itself (exact, a form of it, an alias).
        let anchored = m
            .matched
            .iter()
            .any(|p| p.2 <= Rule::Alias && r.selective.contains(&p.0));
        if m.score < threshold || !anchored {
            continue;
        }
        out.push(Hit { statement: i, m });
    }
    out
}

/// One claim's hits at one threshold, grouped per speaker as they come, into
/// the result every format renders; each speaker keeps `max_evidence`
/// pieces (all when `None`).
struct Grouping {
    threshold: f64,
    max_evidence: Option<usize>,
    speakers: Vec<SpeakerSupport>,
    /// Each speaker's place in `speakers`: by name, or an unnamed source by
    /// its words, so grouping stays linear in the evidence.
    named: HashMap<String, usize>,
    unnamed: HashMap<String, usize>,
    /// Per speaker: any supporting, any contradicting evidence (kept or not).
    stances: Vec<(bool, bool)>,
}

impl Grouping {
    fn new(threshold: f64, max_evidence: Option<usize>) -> Self {
        Grouping {
            threshold,
            max_evidence,
            speakers: Vec::new(),
            named: HashMap::new(),
            unnamed: HashMap::new(),
            stances: Vec::new(),
        }
    }

    fn push(&mut self, st: &Statement, m: &matcher::Match) {
        let evidence = Evidence {
            span: st.span.clone(),
            kind: st.kind,
            content: st.content.clone(),
            score: (m.score * 100.0).round() / 100.0,
            confidence: Confidence::of(m.score, self.threshold),
            stance: m.stance,
            matched: m.matched.clone(),
            cue: st.cue.clone(),
            via: st.via.clone(),
            speaker_confidence: st.confidence,
            article: Arc::clone(&st.article),
        };
        let (place, who) = match &st.speaker.name {
            Some(n) => (&mut self.named, n.as_str()),
            None => (&mut self.unnamed, st.speaker.mention.as_str()),
        };
        let k = match place.get(who) {
            Some(&k) => {
                let s = &mut self.speakers[k];
                if s.role.is_none() {
                    s.role.clone_from(&st.speaker.role);
                }
                s.evidence.push(evidence);
                k
            }
            None => {
                place.insert(who.to_string(), self.speakers.len());
                self.stances.push((false, false));
                self.speakers.push(SpeakerSupport {
                    name: st.speaker.name.clone(),
                    role: st.speaker.role.clone(),
                    stance: Stance::Supports,
                    evidence: vec![evidence],
                    mention: st.speaker.mention.clone(),
                    more_evidence: 0,
                });
                self.speakers.len() - 1
            }
        };
        let seen = &mut self.stances[k];
        seen.0 |= m.stance == Stance::Supports;
        seen.1 |= m.stance == Stance::Contradicts;
        // Beyond the cap only the best are kept, pruned now and then so that
        // an archive's thousand near-repeats never pile up.
        if let Some(max) = self.max_evidence
            && self.speakers[k].evidence.len() >= 2 * max.max(1)
        {
            keep_best(&mut self.speakers[k], max);
        }
    }

    fn finish(self, claim: &Claim) -> Attribution {
        let mut speakers = self.speakers;
        for (s, &(supports, contradicts)) in speakers.iter_mut().zip(&self.stances) {
            match self.max_evidence {
                Some(max) => keep_best(s, max),
                None => sort_evidence(&mut s.evidence),
            }
            s.stance = match (supports, contradicts) {
                (true, false) => Stance::Supports,
                (false, true) => Stance::Contradicts,
                // Both, or only evidence whose stance could not be read.
                _ => Stance::Mixed,
            };
        }
        // Best evidence first, then by label; each label is built once.
        let mut keyed: Vec<(f64, String, SpeakerSupport)> = speakers
            .into_iter()
            .map(|s| (s.evidence.first().map_or(0.0, |e| e.score), s.label(), s))
            .collect();
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Attribution {
            id: claim.id.clone(),
            claim: claim.claim.clone(),
            speakers: keyed.into_iter().map(|(_, _, s)| s).collect(),
        }
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

    /// Whether the index would find `statement_word` for `claim_word`.
    fn share_a_key(lex: &Lexical, claim_word: &str, statement_word: &str) -> bool {
        let keys = Lexical::word_keys(&lex.info(statement_word), &[]);
        lex.term(claim_word).keys.iter().any(|k| keys.contains(k))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The index never loses a match the scorer would make: every pair
        /// of words the scorer relates shares a key.
        #[test]
        fn related_words_share_a_key((claim_word, statement_word) in word_pair()) {
            let lex = Lexical::default();
            if lex.relate(&lex.term(&claim_word), &lex.info(&statement_word)).is_some() {
                prop_assert!(
                    share_a_key(&lex, &claim_word, &statement_word),
                    "{claim_word} ~ {statement_word}"
                );
            }
        }
    }

    #[test]
    fn wordnet_relatives_share_a_key() {
        let lex = Lexical::default();
        for (a, b) in [
            ("prevented", "forestalls"),
            ("brought", "bring"),
            ("proof", "evidence"),
            ("private", "public"),
            ("custody", "confinement"),
        ] {
            assert!(
                lex.relate(&lex.term(a), &lex.info(b)).is_some(),
                "{a} ~ {b}"
            );
            assert!(share_a_key(&lex, a, b), "{a} ~ {b}");
        }
    }

    #[test]
    fn abbreviations_share_a_key_with_their_expansion() {
        let lex = Lexical::default();
        for (short, long) in [
            ("govt", "government"),
            ("comms", "communications"),
            ("intel", "intelligence"),
        ] {
            assert!(matcher::word_sim(short, long) > 0.0);
            assert!(share_a_key(&lex, short, long), "{short} ~ {long}");
            assert!(share_a_key(&lex, long, short), "{long} ~ {short}");
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

    /// Scoring a batch of documents at a time, after learning the corpus a
    /// batch at a time, gives what one pass over the whole corpus gives:
    /// every weight, name and alias is the corpus's, not the batch's.
    #[test]
    fn batches_of_documents_score_as_one_corpus() {
        let root = env!("CARGO_MANIFEST_DIR");
        let corpus = crate::corpus::load(&[format!("{root}/seeds")], Default::default()).unwrap();
        let statements = Extractor::default().corpus(&corpus);
        let claims = crate::claims::load(&[
            format!("{root}/claims"),
            format!("{root}/tests/fixtures/claims_alt"),
        ])
        .unwrap();
        let thresholds = [DEFAULT_THRESHOLD, DEFAULT_THRESHOLD / 2.0];
        let whole = attribute_at(&claims, &Index::new(&statements), &thresholds, Some(2));
        // Small batches: every document of the seeds is a batch of its own.
        assert!(batches(&statements, 5).count() >= corpus.docs.len());
        let mut learner = Learner::new(Lexical::default());
        for b in batches(&statements, 5) {
            learner.learn(b);
        }
        let model = Arc::new(learner.finish());
        let mut scoring = Attributor::new(&model, &claims, &thresholds, Some(2));
        for b in batches(&statements, 5) {
            scoring.batch(b);
        }
        let batched = scoring.finish();
        assert!(whole[0].iter().filter(|a| !a.speakers.is_empty()).count() > 30);
        assert_eq!(batched, whole);
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
