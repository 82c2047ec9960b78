//! Claim ↔ statement scoring: normalisation, word-level fuzzy similarity,
//! best-window coverage and stance. Pure functions; no I/O, no corpus state
//! beyond the word weights handed in.

use crate::lexicon::words::{is_negating_verb, is_negation, is_stop_word};
use unicode_normalization::UnicodeNormalization;

use crate::claims::Stance;

/// Below this a word pair is not a match at all.
pub const MIN_WORD_SIM: f64 = 0.8;

/// A normalised word and where it stood among the text's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub norm: String,
    /// Index among all words of the text (stop words included), for windows.
    pub pos: usize,
    pub stop: bool,
}

/// Whether the word at index `i` of `ws` negates what follows it.
fn negates(ws: &[Word], i: usize) -> bool {
    let next = ws.get(i + 1).map(|w| w.norm.as_str());
    if is_negation(&ws[i].norm) {
        // "not only … but also" affirms.
        return !(ws[i].norm == "not" && next == Some("only"));
    }
    is_negating_verb(&ws[i].norm) && next == Some("to")
}

/// How many negations have a word `hit` among the next three words: a
/// negation only turns the claim around when it bears on matched words
/// ("leave no trace" says nothing against "offers secret chats").
fn scoped_negations(ws: &[Word], hit: impl Fn(&Word) -> bool) -> usize {
    (0..ws.len())
        .filter(|&i| negates(ws, i) && ws[i + 1..ws.len().min(i + 4)].iter().any(&hit))
        .count()
}

/// NFKC, lowercase, typographic quotes and dashes folded to ASCII.
pub fn normalize(text: &str) -> String {
    fold(text).flat_map(char::to_lowercase).collect()
}

/// NFKC with typographic quotes, dashes and spaces folded to ASCII, case kept.
fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfkc().map(|c| match c {
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// The words of `text`, normalised: possessives dropped, `n't` made `not`,
/// hyphenated compounds split.
pub fn words(text: &str) -> Vec<Word> {
    let folded: String = fold(text).collect();
    let mut out: Vec<Word> = Vec::new();
    let push = |w: &str, out: &mut Vec<Word>| {
        if w.is_empty() {
            return;
        }
        let pos = out.len();
        out.push(Word {
            norm: w.to_string(),
            pos,
            stop: is_stop_word(w),
        });
    };
    let mut rest = folded.as_str();
    while !rest.is_empty() {
        let skip = rest
            .find(|c: char| c.is_alphanumeric() || c == '\'')
            .unwrap_or(rest.len());
        rest = &rest[skip..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\''))
            .unwrap_or(rest.len());
        let raw = rest[..len].trim_matches('\'');
        rest = &rest[len..];
        if raw.is_empty() {
            continue;
        }
        let lower = raw.to_lowercase();
        if let Some(stem) = lower.strip_suffix("n't") {
            let stem = match stem {
                "won" => "will",
                "ca" => "can",
                s => s,
            };
            push(stem, &mut out);
            push("not", &mut out);
            continue;
        }
        // Other inner apostrophes ("o'brien") stay.
        let w = lower
            .strip_suffix("'s")
            .unwrap_or(&lower)
            .trim_end_matches('\'');
        push(w, &mut out);
    }
    out
}

/// The content words of a text, deduplicated, in order.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        // Negation decides the stance, not the score.
        if !w.stop && !is_negation(&w.norm) && !out.contains(&w.norm) {
            out.push(w.norm);
        }
    }
    out
}

fn strip_plural(w: &str) -> &str {
    // The stem keeps at least three letters, as the index keys do.
    if w.len() >= 6 && w.ends_with("ies") {
        &w[..w.len() - 3]
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// Endings that make another form of the same word (`Russia`+`n`,
/// `ban`+`ned`), not a different word (`state`+`ment`, `form`+`er`).
fn is_inflection(suffix: &str) -> bool {
    matches!(
        suffix,
        "s" | "es"
            | "d"
            | "ed"
            | "ned"
            | "ted"
            | "ing"
            | "ning"
            | "n"
            | "an"
            | "ian"
            | "ns"
            | "ans"
            | "ians"
            | "ies"
            | "y"
            | "al"
            | "ally"
            | "ion"
            | "ions"
            | "ly"
    )
}

/// The full word an abbreviation stands for (`comms` → `communications`).
pub fn abbreviation_of(w: &str) -> Option<&'static str> {
    expand_abbreviation(strip_plural(w))
}

/// Newsroom abbreviations (`comms` = communications), after plural stripping.
fn expand_abbreviation(w: &str) -> Option<&'static str> {
    Some(match w {
        "comm" => "communications",
        "govt" | "gov" => "government",
        "intel" => "intelligence",
        "mil" => "military",
        "admin" => "administration",
        "info" => "information",
        "tech" => "technology",
        "dept" => "department",
        "org" => "organisation",
        "pres" => "president",
        "gen" => "general",
        "min" => "minister",
        "econ" => "economy",
        "int'l" | "intl" => "international",
        _ => return None,
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Similarity of two normalised words in [0, 1]; 0 below [`MIN_WORD_SIM`].
///
/// Inflections and abbreviations match through shared prefixes (`comms` ~
/// `communications`, `Russia` ~ `Russian`, `ban` ~ `banned`); typos through
/// a small edit distance. A raw Jaro-Winkler cut-off alone would accept
/// false friends (`military` ~ `militants` is 0.88), so every rule also
/// demands that the words share most of their stem.
pub fn word_sim(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (pa, pb) = (strip_plural(a), strip_plural(b));
    if pa == pb {
        return 0.95;
    }
    // Every rule below needs a shared first letter; most pairs stop here.
    if pa.chars().next() != pb.chars().next() {
        return 0.0;
    }
    let (short, long) = if pa.chars().count() <= pb.chars().count() {
        (pa, pb)
    } else {
        (pb, pa)
    };
    let ls = short.chars().count();
    if let Some(full) = expand_abbreviation(short)
        && strip_plural(full) == long
    {
        return 0.9;
    }
    if ls >= 3 && long.starts_with(short) && is_inflection(&long[short.len()..]) {
        return 0.9;
    }
    let lcp = common_prefix(pa, pb);
    // Shared stem, different endings: "communicate" ~ "communication", but
    // not "military" ~ "militant" (stem "milita", endings "ry" / "nt").
    let stem_ending = |w: &str| {
        let rest: String = w.chars().skip(lcp).collect();
        rest.is_empty()
            || is_inflection(&rest)
            || matches!(
                rest.as_str(),
                "e" | "ive"
                    | "ation"
                    | "ations"
                    | "ate"
                    | "ated"
                    | "ates"
                    | "ating"
                    | "ied"
                    | "ing"
            )
    };
    if lcp >= 5 && stem_ending(pa) && stem_ending(pb) {
        return 0.85;
    }
    let len_gap = pa.chars().count().abs_diff(pb.chars().count());
    // A typo after the third letter ("goverment"): from the third letter on,
    // so that the index key (the first three letters) is shared.
    if ls >= 5 && lcp >= 3 && len_gap <= 1 && strsim::damerau_levenshtein(pa, pb) <= 1 {
        return 0.85;
    }
    if lcp < 4 || len_gap > 2 {
        return 0.0;
    }
    let jw = strsim::jaro_winkler(pa, pb);
    if jw >= 0.94 && strsim::damerau_levenshtein(pa, pb) <= 2 {
        return (jw * 0.9).max(MIN_WORD_SIM);
    }
    0.0
}

/// How well a claim matches a statement, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub score: f64,
    pub stance: Stance,
    /// (claim word, statement word) pairs of the best window.
    pub matched: Vec<(String, String)>,
}

/// Scores one wording of a claim against a statement's words.
///
/// `weights[i]` is the weight of `claim[i]` (rarer words weigh more). The
/// score is the weighted share of claim words found inside the best window
/// of the statement, a window about twice the claim's length: a long quote
/// is judged by its best passage, and a short claim whose words are
/// scattered across a long quote does not add up to a match.
pub fn score(
    claim: &[String],
    claim_text: &[Word],
    weights: &[f64],
    statement: &[Word],
    cue: Option<&str>,
) -> Match {
    let none = Match {
        score: 0.0,
        stance: Stance::Supports,
        matched: Vec::new(),
    };
    let total: f64 = weights.iter().sum();
    if claim.is_empty() || total <= 0.0 {
        return none;
    }
    let content: Vec<&Word> = statement.iter().filter(|w| !w.stop).collect();
    // sims[i][j]: claim word i against content word j.
    let sims: Vec<Vec<f64>> = claim
        .iter()
        .map(|c| content.iter().map(|w| word_sim(c, &w.norm)).collect())
        .collect();
    let window = (claim.len() * 2).max(8);
    let mut best = (0.0, 0usize);
    let starts = content.len().saturating_sub(window) + 1;
    for s in 0..starts.max(1) {
        let e = (s + window).min(content.len());
        let got: f64 = (0..claim.len())
            .map(|i| {
                let m = sims[i][s..e].iter().copied().fold(0.0, f64::max);
                weights[i] * m
            })
            .sum();
        if got > best.0 {
            best = (got, s);
        }
    }
    if best.0 <= 0.0 {
        return none;
    }
    let (s, e) = (best.1, (best.1 + window).min(content.len()));
    let mut matched = Vec::new();
    let mut matched_pos = Vec::new();
    for (i, c) in claim.iter().enumerate() {
        let Some((j, _)) = sims[i][s..e]
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .max_by(|x, y| x.1.total_cmp(y.1))
        else {
            continue;
        };
        let w = content[s + j];
        matched_pos.push(w.pos);
        matched.push((c.clone(), w.norm.clone()));
    }
    // Negation that scopes over matched words, on each side.
    let stmt_hit: Vec<usize> = matched_pos;
    let claim_hit: Vec<&str> = matched.iter().map(|(c, _)| c.as_str()).collect();
    let stmt_negated = scoped_negations(statement, |w| stmt_hit.contains(&w.pos)) % 2 == 1;
    let claim_negated =
        scoped_negations(claim_text, |w| claim_hit.contains(&w.norm.as_str())) % 2 == 1;
    let denied = cue.is_some_and(crate::lexicon::is_denial);
    let stance = if (stmt_negated != claim_negated) != denied {
        Stance::Contradicts
    } else {
        Stance::Supports
    };
    Match {
        score: best.0 / total,
        stance,
        matched,
    }
}

/// Every keyword's words occur (fuzzily) somewhere in the statement.
pub fn has_keywords(keywords: &[Vec<String>], statement: &[Word]) -> bool {
    keywords.iter().all(|kw| {
        kw.iter().all(|k| {
            statement
                .iter()
                .any(|w| word_sim(k, &w.norm) >= MIN_WORD_SIM)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_abbreviations_match() {
        assert!(word_sim("comms", "communications") >= MIN_WORD_SIM);
        assert!(word_sim("russia", "russian") >= MIN_WORD_SIM);
        assert!(word_sim("ban", "banned") >= MIN_WORD_SIM);
        assert!(word_sim("restricted", "restricts") >= MIN_WORD_SIM);
        assert!(word_sim("terrorists", "terrorist") >= MIN_WORD_SIM);
        assert!(word_sim("goverment", "government") >= MIN_WORD_SIM, "typo");
    }

    #[test]
    fn false_friends_do_not_match() {
        assert!(strsim::jaro_winkler("military", "militants") > 0.85);
        assert_eq!(word_sim("military", "militants"), 0.0);
        assert_eq!(word_sim("use", "user"), 0.0);
        assert_eq!(word_sim("cat", "catalogue"), 0.0);
        assert_eq!(word_sim("form", "former"), 0.0);
        assert_eq!(word_sim("state", "statement"), 0.0);
    }

    #[test]
    fn normalisation_folds_typography() {
        let ws: Vec<String> = words("Durov’s “app” — can’t, NON\u{a0}STOP end-to-end")
            .into_iter()
            .map(|w| w.norm)
            .collect();
        assert_eq!(
            ws,
            [
                "durov", "app", "can", "not", "non", "stop", "end", "to", "end"
            ]
        );
    }

    fn w(text: &str) -> Vec<Word> {
        words(text)
    }

    fn sc(claim: &str, stmt: &str) -> Match {
        let c = content_words(claim);
        let weights = vec![1.0; c.len()];
        score(&c, &w(claim), &weights, &w(stmt), None)
    }

    #[test]
    fn best_window_and_subset_trap() {
        let m = sc(
            "Telegram military comms",
            "Russian forces use Telegram for military communications.",
        );
        assert!(m.score > 0.9, "{m:?}");
        assert!(
            m.matched
                .contains(&("comms".into(), "communications".into()))
        );
        // The same words scattered across a long quote are not a match.
        let long = "Telegram is popular. ".to_string()
            + &"Many other unrelated things happened during the long winter months in the city. "
                .repeat(3)
            + "The military parade was cancelled. "
            + &"Nobody could say what would come next for the people of the region. ".repeat(3)
            + "Officials discussed comms budgets.";
        let m = sc("Telegram military comms", &long);
        assert!(m.score < 0.7, "{m:?}");
    }

    #[test]
    fn negation_flips_the_stance() {
        let m = sc(
            "Russia banned Telegram",
            "Telegram has not been banned or restricted in Russia",
        );
        assert_eq!(m.stance, Stance::Contradicts);
        let m = sc("Russia banned Telegram", "Russia banned Telegram in April");
        assert_eq!(m.stance, Stance::Supports);
        let m = sc("Telegram was not banned", "Telegram has not been banned");
        assert_eq!(m.stance, Stance::Supports);
    }
}
