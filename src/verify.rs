//! `verify`: did X really say this? A quotation or claim as it circulates is
//! compared with every statement of a corpus, word by word, and, through
//! the claim matcher, by meaning. Each statement it may come from gets a
//! verdict: `verbatim` (its words, in order, inside the statement),
//! `altered` (most of them, in order, with words added, dropped or
//! changed: a word-level diff shows which), `paraphrase` (the matcher ties
//! them without near-verbatim overlap), `misattributed` (a match, but by
//! someone other than the speaker it is pinned on) or `not_found`.

use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::Serialize;

use crate::lexicon::words::is_stop_word;
use crate::model::{Article, Kind, Speaker, Statement};
use crate::speakers::Registry;

/// Share of the text's words a statement must hold, in order, to be an
/// altered form of it ("most of the words").
pub const ALTERED_SHARE: f64 = 0.6;

/// How alike, word for word, the text and the stretch of a statement must
/// be to count as near-verbatim: twice the words in common over the words
/// of both (difflib's ratio), over all words and over content words alike.
pub const ALTERED_RATIO: f64 = 0.7;

/// What the text is to a statement, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Verbatim,
    Altered,
    Paraphrase,
    Misattributed,
    NotFound,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Altered => "altered",
            Verdict::Paraphrase => "paraphrase",
            Verdict::Misattributed => "misattributed",
            Verdict::NotFound => "not_found",
        }
    }

    /// The exit code `verify` ends with: 0 when the text stands as given.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Verbatim | Verdict::Paraphrase => 0,
            _ => 1,
        }
    }
}

/// One step of a word-level diff from what was said to the text as it
/// circulates: words both share, words the text adds, words it drops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Equal,
    Insert,
    Delete,
}

/// A statement the text may come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerifyMatch {
    pub verdict: Verdict,
    pub doc: String,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub speaker: Speaker,
    pub content: String,
    /// Word overlap for `verbatim` and `altered`, the matcher's score for a
    /// paraphrase.
    pub score: f64,
    /// From the statement to the text; empty for a paraphrase.
    pub diff: Vec<DiffOp>,
    pub article: Arc<Article>,
    /// What the words alone say (`verbatim`, `altered`, `paraphrase`),
    /// whoever said them.
    #[serde(skip)]
    pub wording: Verdict,
}

/// The answer to "did X say this?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub text: String,
    /// The speaker it is pinned on, as given.
    pub speaker: Option<String>,
    pub verdict: Verdict,
    /// Best first.
    pub matches: Vec<VerifyMatch>,
}

/// A word of a text, lowercased with its apostrophes plain, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits, with apostrophes inside
/// them (`don't`); case, punctuation, quote marks and spacing are dropped.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || apostrophe {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word {
    Word {
        norm: text[start..end].to_lowercase().replace('’', "'"),
        start,
        end,
    }
}

/// Where the text's words fit best in a statement's: the stretch of the
/// statement that the whole text aligns with, and how many words match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Statement words `from..to`.
    pub from: usize,
    pub to: usize,
    pub matched: usize,
    /// Of those, words that are not stop words.
    pub matched_content: usize,
}

/// Aligns all of `text` with a stretch of `statement` (a fitting
/// alignment: free to start and end anywhere in the statement), scoring a
/// matched word 2 and a word added, dropped or changed -1.
pub fn fit(text: &[Word], statement: &[Word]) -> Option<Fit> {
    let (m, n) = (text.len(), statement.len());
    if m == 0 || n == 0 {
        return None;
    }
    // score[i][j]: best score aligning text[..i] ending at statement[..j];
    // from[i][j]: where in the statement that alignment starts; hits: matches.
    let idx = |i: usize, j: usize| i * (n + 1) + j;
    let mut score = vec![0i32; (m + 1) * (n + 1)];
    let mut from = vec![0usize; (m + 1) * (n + 1)];
    let mut hits = vec![0usize; (m + 1) * (n + 1)];
    let mut content_hits = vec![0usize; (m + 1) * (n + 1)];
    for j in 0..=n {
        from[idx(0, j)] = j;
    }
    for i in 1..=m {
        score[idx(i, 0)] = -(i as i32);
        for j in 1..=n {
            let same = text[i - 1].norm == statement[j - 1].norm;
            let diag = score[idx(i - 1, j - 1)] + if same { 2 } else { -1 };
            let up = score[idx(i - 1, j)] - 1;
            let left = score[idx(i, j - 1)] - 1;
            let (best, k) = if diag >= up && diag >= left {
                (diag, idx(i - 1, j - 1))
            } else if up >= left {
                (up, idx(i - 1, j))
            } else {
                (left, idx(i, j - 1))
            };
            score[idx(i, j)] = best;
            from[idx(i, j)] = from[k];
            let hit = same && k == idx(i - 1, j - 1);
            hits[idx(i, j)] = hits[k] + usize::from(hit);
            content_hits[idx(i, j)] =
                content_hits[k] + usize::from(hit && !is_stop_word(&text[i - 1].norm));
        }
    }
    // Of equal scores, the stretch whose last word stands against the
    // text's last word: a last word changed reads as changed, not as one
    // dropped and one added.
    let j = (1..=n).max_by_key(|&j| {
        let same = text[m - 1].norm == statement[j - 1].norm;
        let diag = score[idx(m - 1, j - 1)] + if same { 2 } else { -1 };
        (
            score[idx(m, j)],
            diag == score[idx(m, j)],
            std::cmp::Reverse(j),
        )
    })?;
    Some(Fit {
        from: from[idx(m, j)],
        to: j,
        matched: hits[idx(m, j)],
        matched_content: content_hits[idx(m, j)],
    })
}

/// What the words alone make of the text against a statement, and the
/// overlap and diff behind it; `None` below `altered`.
pub fn compare(text: &str, tw: &[Word], content: &str) -> Option<(Verdict, f64, Vec<DiffOp>)> {
    let sw = words(content);
    let f = fit(tw, &sw)?;
    let window = &sw[f.from..f.to];
    let ratio = 2.0 * f.matched as f64 / (tw.len() + window.len()) as f64;
    let share = f.matched as f64 / tw.len() as f64;
    // The same, over the words that carry the meaning: stop words alone
    // (`the`, `will`, `on`) make no altered quote.
    let meaningful = |ws: &[Word]| ws.iter().filter(|w| !is_stop_word(&w.norm)).count();
    let (tc, wc) = (meaningful(tw), meaningful(window));
    let content_ratio = if tc + wc == 0 {
        ratio
    } else {
        2.0 * f.matched_content as f64 / (tc + wc) as f64
    };
    let verdict = if f.matched == tw.len() && window.len() == tw.len() {
        Verdict::Verbatim
    } else if share >= ALTERED_SHARE && ratio >= ALTERED_RATIO && content_ratio >= ALTERED_RATIO {
        Verdict::Altered
    } else {
        return None;
    };
    Some((verdict, round(ratio), diff(text, tw, content, window)))
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The word-level diff from a stretch of the statement to the text, each
/// step's words as written (the statement's for what they share or it
/// drops, the text's for what the text adds).
fn diff(text: &str, tw: &[Word], content: &str, window: &[Word]) -> Vec<DiffOp> {
    let a: Vec<&str> = window.iter().map(|w| w.norm.as_str()).collect();
    let b: Vec<&str> = tw.iter().map(|w| w.norm.as_str()).collect();
    let span = |words: &[Word], src: &str| match (words.first(), words.last()) {
        (Some(f), Some(l)) => src[f.start..l.end].to_string(),
        _ => String::new(),
    };
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffKind, text: String| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(DiffOp { op, text }),
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        let (old, new) = (op.old_range(), op.new_range());
        match op.tag() {
            similar::DiffTag::Equal => push(DiffKind::Equal, span(&window[old], content)),
            similar::DiffTag::Delete => push(DiffKind::Delete, span(&window[old], content)),
            similar::DiffTag::Insert => push(DiffKind::Insert, span(&tw[new], text)),
            similar::DiffTag::Replace => {
                push(DiffKind::Delete, span(&window[old], content));
                push(DiffKind::Insert, span(&tw[new], text));
            }
        }
    }
    out
}

/// How many of the text's content words a statement holds.
fn shared(content_words: &FxHashSet<&str>, statement: &str) -> usize {
    let sw: FxHashSet<String> = words(statement).into_iter().map(|w| w.norm).collect();
    content_words.iter().filter(|w| sw.contains(**w)).count()
}

/// Whether a statement holding `found` of the text's `all` content words
/// could hold the text: at least half of them (all of them when there are
/// two or fewer). Cheap, so that only these are aligned.
fn could_hold(found: usize, all: usize) -> bool {
    let need = if all <= 2 { all } else { all.div_ceil(2) };
    found >= need
}

/// Whether `given` (as the user typed it) names the statement's speaker:
/// through the registry (`Timothy Cook` is Tim Cook), by the whole name,
/// or by the surname alone (`Durov` is Pavel Durov).
pub fn same_speaker(given: &str, speaker: &Speaker, registry: &Registry) -> bool {
    let Some(name) = &speaker.name else {
        return false;
    };
    let given = given.trim();
    let canonical = registry.lookup(given).map_or(given, |e| e.name.as_str());
    let surname = |n: &str| {
        n.split_whitespace()
            .next_back()
            .unwrap_or_default()
            .to_string()
    };
    name.eq_ignore_ascii_case(canonical)
        || !canonical.contains(' ') && surname(name).eq_ignore_ascii_case(canonical)
        || speaker.mention.eq_ignore_ascii_case(given)
}

/// Collects a corpus's candidates for one text, a batch of statements at
/// a time, then ranks them.
pub struct Verifier<'r> {
    text: String,
    words: Vec<Word>,
    content: Vec<String>,
    speaker: Option<String>,
    registry: &'r Registry,
    found: Vec<VerifyMatch>,
    /// Statements that share a content word with the text: what the claim
    /// matcher can tie it to, kept until it has.
    pool: rustc_hash::FxHashMap<(String, usize, usize), Statement>,
}

impl<'r> Verifier<'r> {
    pub fn new(text: &str, speaker: Option<String>, registry: &'r Registry) -> Self {
        let words = words(text);
        let content = words
            .iter()
            .filter(|w| !is_stop_word(&w.norm))
            .map(|w| w.norm.clone())
            .collect::<FxHashSet<_>>()
            .into_iter()
            .collect();
        Verifier {
            text: text.to_string(),
            words,
            content,
            speaker,
            registry,
            found: Vec::new(),
            pool: Default::default(),
        }
    }

    /// Compares the text with each statement word for word.
    pub fn batch(&mut self, statements: &[Statement]) {
        if self.words.is_empty() {
            return;
        }
        let content: FxHashSet<&str> = self.content.iter().map(String::as_str).collect();
        for st in statements {
            let found = shared(&content, &st.content);
            if found == 0 && !content.is_empty() {
                continue;
            }
            self.pool.insert(
                (st.span.doc.clone(), st.span.start, st.span.end),
                st.clone(),
            );
            if !could_hold(found, content.len()) {
                continue;
            }
            if let Some((verdict, score, diff)) = compare(&self.text, &self.words, &st.content) {
                self.found.push(self.candidate(st, verdict, score, diff));
            }
        }
    }

    /// The statement at `doc`, `start..end` that the claim matcher ties
    /// the text to, by meaning, at `score`: a paraphrase, unless its words
    /// already matched.
    pub fn paraphrase(&mut self, doc: &str, start: usize, end: usize, score: f64) {
        let same_place = |m: &VerifyMatch| m.doc == doc && m.start == start && m.end == end;
        if self.found.iter().any(same_place) {
            return;
        }
        let Some(st) = self.pool.get(&(doc.to_string(), start, end)) else {
            return;
        };
        let m = self.candidate(st, Verdict::Paraphrase, round(score), Vec::new());
        self.found.push(m);
    }

    fn candidate(
        &self,
        st: &Statement,
        wording: Verdict,
        score: f64,
        diff: Vec<DiffOp>,
    ) -> VerifyMatch {
        let verdict = match &self.speaker {
            Some(given) if !same_speaker(given, &st.speaker, self.registry) => {
                Verdict::Misattributed
            }
            _ => wording,
        };
        VerifyMatch {
            verdict,
            doc: st.span.doc.clone(),
            line: st.span.line,
            start: st.span.start,
            end: st.span.end,
            kind: st.kind,
            speaker: st.speaker.clone(),
            content: st.content.clone(),
            score,
            diff,
            article: Arc::clone(&st.article),
            wording,
        }
    }

    /// The verdict and the matches, best first: by the given speaker before
    /// anyone else, then the closer wording, then the higher score; at most
    /// `max` (all when `None`).
    pub fn finish(self, max: Option<usize>) -> Verification {
        let mut matches = self.found;
        matches.sort_by(|a, b| {
            (a.verdict == Verdict::Misattributed)
                .cmp(&(b.verdict == Verdict::Misattributed))
                .then(a.wording.cmp(&b.wording))
                .then(b.score.total_cmp(&a.score))
                .then_with(|| (&a.doc, a.start).cmp(&(&b.doc, b.start)))
        });
        if let Some(max) = max {
            matches.truncate(max);
        }
        let verdict = matches.first().map_or(Verdict::NotFound, |m| m.verdict);
        Verification {
            text: self.text,
            speaker: self.speaker,
            verdict,
            matches,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(text: &str, content: &str) -> Option<(Verdict, Vec<(DiffKind, String)>)> {
        compare(text, &words(text), content)
            .map(|(v, _, d)| (v, d.into_iter().map(|op| (op.op, op.text)).collect()))
    }

    #[test]
    fn case_punctuation_and_quote_styles_do_not_count() {
        let (v, _) = judged(
            "“Russians do everything via Telegram”",
            "Russians do everything via telegram. They recruit agents.",
        )
        .unwrap();
        assert_eq!(v, Verdict::Verbatim);
        assert_eq!(words("don’t stop")[0].norm, "don't");
    }

    #[test]
    fn an_altered_quote_shows_what_changed() {
        let (v, d) = judged(
            "Russians do almost everything through Telegram",
            "Russians do everything via Telegram. They are recruiting agents.",
        )
        .unwrap();
        assert_eq!(v, Verdict::Altered);
        use DiffKind::*;
        assert_eq!(
            d,
            [
                (Equal, "Russians do".to_string()),
                (Insert, "almost".to_string()),
                (Equal, "everything".to_string()),
                (Delete, "via".to_string()),
                (Insert, "through".to_string()),
                (Equal, "Telegram".to_string()),
            ]
        );
    }

    #[test]
    fn a_few_shared_words_are_no_quote() {
        assert!(
            judged(
                "Telegram will hand chats to the police",
                "Telegram said it will not comment."
            )
            .is_none()
        );
        // The words scattered over a long statement are no altered quote.
        assert!(
            judged(
                "the port will close on friday",
                "The union said the port authority will meet, and on Friday the mayor will close the session."
            )
            .is_none()
        );
    }

    #[test]
    fn the_fit_is_the_stretch_the_text_aligns_with() {
        let f = fit(&words("b c d"), &words("a b c x d e")).unwrap();
        assert_eq!((f.from, f.to, f.matched, f.matched_content), (1, 5, 3, 3));
    }
}
