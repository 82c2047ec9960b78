//! Claim ↔ statement scoring, behind one interface ([`Scorer`]: prepare
//! the statements, prepare a claim, their index keys, score): normalisation,
//! word relations (spelling, Snowball stems, WordNet synonyms and antonyms,
//! aliases), best-window coverage, actor agreement and stance. No I/O.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

pub use crate::aliases::document_aliases;
use crate::claims::Stance;
use crate::lexicon::relations::{self, Lemma, Relation};
use crate::lexicon::words::{
    is_first_person, is_negating_verb, is_negation, is_possessive, is_stop_word,
};

/// The least a spelling rule gives; relatives by meaning (aliases, WordNet)
/// give less, so they never outweigh the word itself. Keywords need this.
pub const MIN_WORD_SIM: f64 = 0.8;

/// A normalised word and where it stood among the text's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub norm: String,
    /// Index among all words of the text (stop words included), for windows.
    pub pos: usize,
    pub stop: bool,
    /// Capitalised in the text and not the first word of a sentence, or a
    /// word WordNet spells only with a capital (`Ukrainian`): a name. A
    /// capital that opens a sentence is a name when the corpus writes the
    /// word as one elsewhere (see `LexicalVocab::mark_names`).
    pub name: bool,
    /// Capitalised in the text.
    pub capital: bool,
    /// Punctuation stands between it and the word before.
    pub after_break: bool,
}

/// Whether word `i` (of `len`, spelled by `norm`) negates what follows it.
fn negates<'w>(norm: &impl Fn(usize) -> &'w str, len: usize, i: usize) -> bool {
    let next = (i + 1 < len).then(|| norm(i + 1));
    let w = norm(i);
    if is_negation(w) {
        // "not only … but also" affirms.
        return !(w == "not" && next == Some("only"));
    }
    is_negating_verb(w) && next == Some("to")
}

/// How many negations have a word `hit` among the next three words: a
/// negation only turns the claim around when it bears on matched words
/// ("leave no trace" says nothing against "offers secret chats").
fn scoped_negations<'w>(
    len: usize,
    norm: impl Fn(usize) -> &'w str,
    hit: impl Fn(usize) -> bool,
) -> usize {
    (0..len)
        .filter(|&i| negates(&norm, len, i) && (i + 1..len.min(i + 4)).any(&hit))
        .count()
}

/// NFKC with typographic quotes, dashes and spaces folded to ASCII, case
/// kept. Plain ASCII, the usual case, comes back as it is, and text already
/// in NFKC skips normalisation.
pub(crate) fn fold(text: &str) -> Cow<'_, str> {
    // A table: this runs over every byte of the corpus.
    static PLAIN: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 128 {
            let b = c as u8;
            t[c] = b == b' ' || !b.is_ascii_whitespace();
            c += 1;
        }
        t
    };
    let plain = |b: &u8| PLAIN[usize::from(*b)];
    let bytes = text.as_bytes();
    // The first byte from `i` that is not plain, read eight at a time: eight
    // bytes with none past ASCII or below a space are plain throughout.
    let unplain = |mut i: usize| loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let below_space = x.wrapping_sub(0x2020_2020_2020_2020) & !x;
            if (x | below_space) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let end = bytes.len().min(i + 8);
        if let Some(p) = bytes[i..end].iter().position(|b| !plain(b)) {
            return Some(i + p);
        }
        if end == bytes.len() {
            return None;
        }
        i = end;
    };
    let Some(first) = unplain(0) else {
        return Cow::Borrowed(text);
    };
    let map = |c: char| match c {
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    };
    // The characters past plain ASCII, found byte-wise: runs of ASCII are
    // skipped, not decoded.
    let unusual = |from: usize| {
        let mut i = from;
        std::iter::from_fn(move || {
            i = unplain(i)?;
            let c = text[i..].chars().next()?;
            i += c.len_utf8();
            Some((i - c.len_utf8(), c))
        })
    };
    // Copy the plain runs whole; only the characters that fold are mapped.
    // The copy is made while the NFKC quick check reads the characters, and
    // is complete when the check says yes, having read them all.
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    let copy = |&(i, c): &(usize, char)| {
        let m = map(c);
        if m != c {
            out.push_str(&text[run..i]);
            out.push(m);
            run = i + c.len_utf8();
        }
    };
    // ASCII is NFKC and of combining class 0; leaving it out of the quick
    // check can only turn a "yes" into a "maybe", which normalises anyway.
    // So are the accented Latin-1 letters and the typographic quotes and
    // dashes of news text, which the quick check's table (hundreds of
    // instructions a character) need not read. Spaces of any kind (a
    // no-break space is not NFKC) fold to ' ' either way.
    let plain_wide = |c: char| {
        matches!(
            c,
            '\u{c0}'
                ..='\u{ff}'
                    | '\u{2013}'
                    | '\u{2014}'
                    | '\u{2018}'
                    | '\u{2019}'
                    | '\u{201c}'
                    | '\u{201d}'
        )
    };
    let normal = unicode_normalization::is_nfkc_quick(
        unusual(first)
            .inspect(copy)
            .map(|(_, c)| c)
            .filter(|&c| !c.is_ascii() && !c.is_whitespace() && !plain_wide(c)),
    ) == unicode_normalization::IsNormalized::Yes;
    if !normal {
        return Cow::Owned(text.nfkc().map(map).collect());
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// The words of `text`, normalised: possessives dropped, `n't` made `not`,
/// hyphenated compounds split.
pub fn words(text: &str) -> Vec<Word> {
    let folded = fold(text);
    let mut out: Vec<Word> = Vec::new();
    let push = |w: &str, name: bool, capital: bool, after_break: bool, out: &mut Vec<Word>| {
        if w.is_empty() {
            return;
        }
        let pos = out.len();
        out.push(Word {
            norm: w.to_string(),
            pos,
            stop: is_stop_word(w),
            name,
            capital,
            after_break,
        });
    };
    let mut rest = &*folded;
    let mut initial = true;
    while !rest.is_empty() {
        let skip = rest
            .find(|c: char| c.is_alphanumeric() || c == '\'')
            .unwrap_or(rest.len());
        let between = &rest[..skip];
        if between.contains(['.', '!', '?', ':', '"']) {
            initial = true;
        }
        // A dash between spaces breaks; a hyphen inside a word does not.
        let after_break = between.contains(['.', '!', '?', ':', ';', ',', '"', '(', ')'])
            || (between.contains('-') && between.contains(' '));
        rest = &rest[skip..];
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\''))
            .unwrap_or(rest.len());
        let raw = rest[..len].trim_matches('\'');
        rest = &rest[len..];
        if raw.is_empty() {
            continue;
        }
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let lower = raw.to_lowercase();
        let name = capital && (!initial || relations::is_proper(&lower));
        initial = false;
        if let Some(stem) = lower.strip_suffix("n't") {
            let stem = match stem {
                "won" => "will",
                "ca" => "can",
                s => s,
            };
            push(stem, false, capital, after_break, &mut out);
            push("not", false, false, false, &mut out);
            continue;
        }
        // Other inner apostrophes ("o'brien") stay.
        let w = lower
            .strip_suffix("'s")
            .unwrap_or(&lower)
            .trim_end_matches('\'');
        push(w, name, capital, after_break, &mut out);
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

/// How alike two normalised words are by spelling alone, in
/// [[`MIN_WORD_SIM`], 1], and by which rule; `None` when they are not.
///
/// Inflections and abbreviations match through shared prefixes (`comms` ~
/// `communications`, `Russia` ~ `Russian`, `ban` ~ `banned`); typos through
/// a small edit distance. A raw Jaro-Winkler cut-off alone would accept
/// false friends (`military` ~ `militants` is 0.88), so every rule also
/// demands that the words share most of their stem.
pub fn spelling(a: &str, b: &str) -> Option<(f64, Rule)> {
    if a == b {
        return Some((1.0, Rule::Exact));
    }
    let (pa, pb) = (strip_plural(a), strip_plural(b));
    if pa == pb {
        return Some((0.95, Rule::Stem));
    }
    // Every rule below needs a shared first letter; most pairs stop here.
    if pa.chars().next() != pb.chars().next() {
        return None;
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
        return Some((0.9, Rule::Abbreviation));
    }
    if ls >= 3 && long.starts_with(short) && is_inflection(&long[short.len()..]) {
        return Some((0.9, Rule::Stem));
    }
    // Shared stems with other endings ("communicate" ~ "communication")
    // are the Snowball stemmer's, in `Lexical::relate`.
    let lcp = common_prefix(pa, pb);
    let len_gap = pa.chars().count().abs_diff(pb.chars().count());
    // A typo after the third letter ("goverment"): from the third letter on,
    // so that the index key (the first three letters) is shared.
    // On whole words when a plural lost "ies": "agenc(ies)" is no typo of "agent".
    let (ta, tb) = if a.ends_with("ies") || b.ends_with("ies") {
        (a, b)
    } else {
        (pa, pb)
    };
    if ls >= 5 && lcp >= 3 && len_gap <= 1 && strsim::damerau_levenshtein(ta, tb) <= 1 {
        return Some((0.85, Rule::Typo));
    }
    // A longer word that begins with the whole shorter one and is no
    // inflection of it is a derivation (`attack` / `attacker`), not a typo.
    if lcp < 4 || len_gap > 2 || long.starts_with(short) {
        return None;
    }
    let jw = strsim::jaro_winkler(pa, pb);
    if jw >= 0.94 && strsim::damerau_levenshtein(pa, pb) <= 2 {
        return Some(((jw * 0.9).max(MIN_WORD_SIM), Rule::Typo));
    }
    None
}

/// [`spelling`]'s similarity alone, 0 for unrelated spellings.
pub fn word_sim(a: &str, b: &str) -> f64 {
    spelling(a, b).map_or(0.0, |(s, _)| s)
}

/// Which rule related a claim word to a statement word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// The same word.
    Exact,
    /// Another form of it: a plural, an inflection, a shared Snowball stem.
    Stem,
    /// A newsroom abbreviation (`comms` / `communications`).
    Abbreviation,
    /// A misspelling (`goverment`).
    Typo,
    /// Another name for the same thing: a registry alias (`Moscow` for
    /// Russia) or what the document calls it (`the app` for Telegram).
    Alias,
    /// A WordNet synonym (`foil` / `thwart`).
    Synonym,
    /// A WordNet relative: a hypernym, a similar adjective, a derivation.
    Related,
    /// A WordNet antonym: matched, and it turns the stance around.
    Antonym,
}

/// What a related word is worth. Every one weighs less than an exact or
/// inflected match (at least [`MIN_WORD_SIM`]), so a paraphrase never
/// outscores the words themselves.
/// Statements prepared in parallel per block, then merged, when the index is
/// built: enough for every core, few enough that a block's words as strings
/// stay small.
pub const BLOCK: usize = 1 << 14;

pub const ALIAS_SIM: f64 = 0.75;
pub const SYNONYM_SIM: f64 = 0.7;
pub const RELATED_SIM: f64 = 0.6;
pub const ANTONYM_SIM: f64 = 0.6;

/// What a word found only in a statement's time phrase is worth, against
/// the same word as the claim's subject or object. Chosen on `claims/`
/// (0.5 leaves Stalinsky's "before the Paris attacks" at 0.41 for a claim
/// about planning those attacks; 0.25 to 0 change nothing else on any set).
pub const TIME_PHRASE: f64 = 0.3;

/// What a claim word found only in a first-person speaker's name or role
/// is worth: "we" in a Europol director's quote is Europol, but a claim
/// about the speaker is not made by every "we" they say.
pub const SPEAKER_CONTEXT: f64 = 0.5;

/// Which words stand in a time phrase: a determiner, names and nouns after
/// `before`, `after`, `until` or `during` ("before the Paris attacks",
/// "after Durov's arrest"). "Since" is left out: it is as often "because".
fn time_phrases(ws: &[Word]) -> Vec<bool> {
    use crate::lexicon::{class, verb_class};
    let mut out = vec![false; ws.len()];
    let mut i = 0;
    while i < ws.len() {
        if !matches!(ws[i].norm.as_str(), "before" | "after" | "until" | "during") {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut content = 0;
        while j < ws.len() && content < 4 && !ws[j].after_break {
            let w = &ws[j];
            let det = is_possessive(&w.norm)
                || matches!(
                    w.norm.as_str(),
                    "the" | "a" | "an" | "this" | "that" | "last" | "next"
                );
            let c = verb_class(&w.norm);
            let noun =
                w.name || c == 0 || (c & class::NOUN != 0 && c & (class::PAST | class::ING) == 0);
            if det {
                out[j] = true;
            } else if !w.stop && noun && !is_negation(&w.norm) {
                out[j] = true;
                content += 1;
            } else {
                break;
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
    out
}

/// The words a statement does not assert: those of its time phrases, and
/// the dozen after "whether", which wonder ("whether they will imprison
/// Durov … we do not know yet"). "If" is left out: a conditional often
/// states a rule ("if you put a key under the mat, a burglar can find it").
fn asides(ws: &[Word]) -> Vec<bool> {
    let mut out = time_phrases(ws);
    for (i, w) in ws.iter().enumerate() {
        if w.norm == "whether" {
            // To the end of its clause, at most a dozen words.
            for (f, x) in out.iter_mut().zip(ws).skip(i + 1).take(12) {
                if x.after_break {
                    break;
                }
                *f = true;
            }
        }
    }
    out
}

/// A matched pair; JSON `[claim word, statement word, rule]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair(pub String, pub String, pub Rule);

/// The index key of a word: its first three letters, so inflections and
/// prefix abbreviations (`ban` / `banned`, `comms` / `communications`) share it.
pub fn key(word: &str) -> String {
    word.chars().take(3).collect()
}

/// The index key of a WordNet lemma: the whole lemma, marked, so that a
/// synonym look-up reads the statements holding that very word, not every
/// word sharing its first letters.
fn lemma_key(l: Lemma) -> String {
    format!("={}", relations::name(l))
}

/// What the matcher knows of one distinct word, computed once per word.
#[derive(Debug, Clone)]
pub struct Info {
    pub norm: String,
    /// Snowball stem.
    stem: String,
    lemmas: Vec<Lemma>,
    /// Other names from the registry (`moscow` → `russia`, `kremlin`).
    aliases: Vec<String>,
}

/// A claim word, with everything it may match through.
#[derive(Debug, Clone)]
pub struct Term {
    pub info: Info,
    /// WordNet relatives of its lemmas, sorted by lemma.
    related: Vec<(Lemma, Relation)>,
    /// Index keys of every word it relates to.
    pub keys: Vec<String>,
    /// The keys of the words it matches as itself (exact, a form, an
    /// abbreviation, an alias), not through a synonym: what anchors a match.
    pub own_keys: Vec<String>,
}

/// Which words the stemmer may join: a stem that is a prefix of both words,
/// left by endings of the same word (`communicate` / `communication`), not
/// by a derivation that makes another word (`organ` / `organization`).
fn stem_joins(a: &str, b: &str, stem: &str) -> bool {
    let (Some(ra), Some(rb)) = (a.strip_prefix(stem), b.strip_prefix(stem)) else {
        return false;
    };
    let light = |r: &str| {
        r.is_empty()
            || is_inflection(r)
            || matches!(
                r,
                "e" | "ate"
                    | "ated"
                    | "ates"
                    | "ating"
                    | "ation"
                    | "ations"
                    | "ative"
                    | "ive"
                    | "ied"
                    | "ize"
                    | "ized"
                    | "izes"
                    | "izing"
                    | "ise"
                    | "ised"
                    | "ises"
                    | "ising"
            )
    };
    let bare = |r: &str| r.is_empty() || is_inflection(r) || r == "e";
    stem.chars().count() >= 5
        && light(ra)
        && light(rb)
        && (bare(ra) == bare(rb) || (!ra.is_empty() && !rb.is_empty()))
}

/// The lexical scorer: spelling, Snowball stems, WordNet relations and the
/// registry's other names for places and organisations.
pub struct Lexical {
    stemmer: rust_stemmers::Stemmer,
    /// Lowercase word → the other names of its registry entry.
    aliases: HashMap<String, Vec<String>>,
}

impl Default for Lexical {
    fn default() -> Self {
        Lexical::new(&[])
    }
}

impl std::fmt::Debug for Lexical {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexical")
            .field("aliases", &self.aliases)
            .finish()
    }
}

/// The one content word a name comes to (`the Kremlin` → `kremlin`), if one.
fn single_word(name: &str) -> Option<String> {
    let ws: Vec<Word> = words(name).into_iter().filter(|w| !w.stop).collect();
    match ws.as_slice() {
        [w] => Some(w.norm.clone()),
        _ => None,
    }
}

impl Lexical {
    /// `groups`: names of one thing (`Russia`, `Moscow`, `the Kremlin`).
    /// Names of more than one content word are left out: matching is by word.
    pub fn new(groups: &[Vec<String>]) -> Self {
        let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
        for g in groups {
            let ws: Vec<String> = g.iter().filter_map(|n| single_word(n)).collect();
            for a in &ws {
                let e = aliases.entry(a.clone()).or_default();
                for b in &ws {
                    if b != a && !e.contains(b) {
                        e.push(b.clone());
                    }
                }
            }
        }
        Lexical {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            aliases,
        }
    }

    pub fn info(&self, norm: &str) -> Info {
        Info {
            norm: norm.to_string(),
            stem: self.stemmer.stem(norm).into_owned(),
            lemmas: relations::lemmas(norm),
            aliases: self.aliases.get(norm).cloned().unwrap_or_default(),
        }
    }

    pub fn term(&self, norm: &str) -> Term {
        let info = self.info(norm);
        let mut related: Vec<(Lemma, Relation)> = info
            .lemmas
            .iter()
            .flat_map(|&l| relations::related(l).iter().copied())
            .collect();
        related.sort_unstable();
        related.dedup_by_key(|(l, _)| *l);
        let mut own_keys = vec![key(norm)];
        if let Some(full) = abbreviation_of(norm) {
            own_keys.push(key(full));
        }
        own_keys.extend(info.lemmas.iter().map(|&l| lemma_key(l)));
        own_keys.extend(info.aliases.iter().map(|a| key(a)));
        own_keys.sort_unstable();
        own_keys.dedup();
        let mut keys = own_keys.clone();
        keys.extend(related.iter().map(|&(l, _)| lemma_key(l)));
        keys.sort_unstable();
        keys.dedup();
        Term {
            info,
            related,
            keys,
            own_keys,
        }
    }

    /// The keys a statement word is indexed under: its own, its lemmas',
    /// and those of what its document also calls it.
    pub fn word_keys(info: &Info, doc_aliases: &[String]) -> Vec<String> {
        let mut keys = vec![key(&info.norm)];
        keys.extend(info.lemmas.iter().map(|&l| lemma_key(l)));
        keys.extend(doc_aliases.iter().map(|a| key(a)));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// How a claim word relates to a statement word, best rule first. What
    /// a document also calls the word is the scorer's to add, per document.
    pub fn relate(&self, t: &Term, s: &Info) -> Option<(f64, Rule)> {
        if let Some(r) = spelling(&t.info.norm, &s.norm) {
            return Some(r);
        }
        if t.info.stem == s.stem
            && t.info.norm.chars().next() == s.norm.chars().next()
            && stem_joins(&t.info.norm, &s.norm, &t.info.stem)
        {
            return Some((0.85, Rule::Stem));
        }
        // Forms of one lemma that spelling does not join (`brought` / `bring`).
        if t.info.lemmas.iter().any(|l| s.lemmas.contains(l)) {
            return Some((0.9, Rule::Stem));
        }
        if t.info.aliases.contains(&s.norm) {
            return Some((ALIAS_SIM, Rule::Alias));
        }
        s.lemmas
            .iter()
            .filter_map(|l| {
                t.related
                    .binary_search_by_key(l, |&(x, _)| x)
                    .ok()
                    .map(|i| t.related[i].1)
            })
            .min()
            .map(|r| match r {
                Relation::Synonym => (SYNONYM_SIM, Rule::Synonym),
                Relation::Related => (RELATED_SIM, Rule::Related),
                Relation::Antonym => (ANTONYM_SIM, Rule::Antonym),
            })
    }
}

/// How well a claim matches a statement, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub score: f64,
    pub stance: Stance,
    /// (claim word, statement word, rule) for the best window.
    pub matched: Vec<Pair>,
}

/// A statement as the scorer reads it.
#[derive(Debug, Clone, Copy)]
pub struct StatementText<'a> {
    /// The statement's words, in the sentence that holds them.
    pub text: &'a str,
    /// Document index, for the document's own aliases.
    pub doc: usize,
    /// The speaker's name and role, who "we" and "I" are.
    pub speaker: &'a str,
}

/// One interface for a claim scorer: it prepares both sides, owns the index
/// keys, and scores; [`crate::attribute`] only picks candidates by key and
/// groups results. A scorer must relate two words only when they share a
/// key, so that candidate pruning never loses a match.
pub trait Scorer: Send + Sync {
    /// What the scorer learns of the whole corpus (its words, which are
    /// names), a batch of statements at a time, before any is scored.
    type Vocab: Default + Send + Sync;
    /// A batch of statements, prepared against the sealed vocabulary.
    type Statements: Sync;
    /// Prepared per claim and used on one thread at a time.
    type Claim: Send;
    /// Learns a batch's words and returns, per statement, its distinct keys
    /// (as [`Scorer::statement_keys`] gives them) and distinct content words
    /// (for document frequencies). `aliases[doc]`: the (name,
    /// noun) pairs of [`document_aliases`] for each document of the batch.
    fn learn(
        &self,
        v: &mut Self::Vocab,
        texts: &[StatementText],
        aliases: &[Vec<(String, String)>],
    ) -> Vec<(Vec<String>, Vec<String>)>;
    /// Ends learning: what depends on the whole corpus is settled.
    fn seal(&self, v: &mut Self::Vocab);
    /// A batch prepared for scoring; words the vocabulary never learned
    /// (a document changed between the passes) are left out.
    fn prepare_statements(
        &self,
        v: &Arc<Self::Vocab>,
        texts: &[StatementText],
        aliases: &[Vec<(String, String)>],
    ) -> Self::Statements;
    /// Distinct keys of statement `i`.
    fn statement_keys(&self, s: &Self::Statements, i: usize) -> Vec<String>;
    /// A claim's wordings and keywords, read against the corpus's words
    /// (a capital that opens the claim is a name when the corpus writes it
    /// as one).
    fn prepare_claim(&self, v: &Self::Vocab, wordings: &[&str], keywords: &[&str]) -> Self::Claim;
    /// The claim's distinct content words, each with the keys it matches through.
    fn claim_terms<'c>(&self, c: &'c Self::Claim) -> &'c [Term];
    /// Which terms each wording holds.
    fn wordings<'c>(&self, c: &'c Self::Claim) -> Vec<&'c [usize]>;
    /// The best match over the claim's wordings; `weights[t]` for term `t`.
    fn score(
        &self,
        c: &Self::Claim,
        weights: &[f64],
        s: &Self::Statements,
        i: usize,
        cue: Option<&str>,
    ) -> Option<Match>;
}

/// How a claim term relates to a statement word: a similarity and its rule.
type Sim = Option<(f64, Rule)>;

/// Relates claim term `t` to a statement word, memoised per distinct word.
type Relate<'r> = dyn FnMut(usize, &Tok) -> Sim + 'r;

/// A statement word: its distinct word id and place.
#[derive(Debug, Clone, Copy)]
struct Tok {
    id: u32,
    pos: u32,
    stop: bool,
    name: bool,
    capital: bool,
    /// Inside a time phrase ("before the Paris attacks") or a clause that
    /// wonders rather than says ("whether they will imprison Durov").
    aside: bool,
}

/// The corpus's words: one [`Info`] per distinct word, and which of them
/// the corpus writes as names.
#[derive(Default)]
pub struct LexicalVocab {
    vocab: Vec<Info>,
    ids: HashMap<String, u32>,
    /// Per word: capitalised inside a sentence, and written in lowercase.
    caps: HashMap<u32, (u32, u32)>,
    /// Words the corpus writes capitalised inside a sentence.
    named: rustc_hash::FxHashSet<u32>,
}

impl LexicalVocab {
    /// A capital that opens a sentence is a name when the corpus writes the
    /// word as a name elsewhere ("Telegram is used…").
    fn mark_names(&self, ws: &mut [Word]) {
        for w in ws.iter_mut().filter(|w| w.capital && !w.name) {
            if self
                .ids
                .get(&w.norm)
                .is_some_and(|id| self.named.contains(id))
            {
                w.name = true;
            }
        }
    }

    /// Per document: word id → what the document also calls it.
    fn doc_aliases(&self, aliases: &[Vec<(String, String)>]) -> Vec<HashMap<u32, Vec<String>>> {
        aliases
            .iter()
            .map(|pairs| {
                let mut m: HashMap<u32, Vec<String>> = HashMap::new();
                for (name, noun) in pairs {
                    for (a, b) in [(name, noun), (noun, name)] {
                        if let Some(&id) = self.ids.get(a.as_str()) {
                            let e = m.entry(id).or_default();
                            if !e.contains(b) {
                                e.push(b.clone());
                            }
                        }
                    }
                }
                m
            })
            .collect()
    }
}

/// A batch of statements, prepared: word ids into the corpus's vocabulary.
pub struct LexicalStatements {
    words: Arc<LexicalVocab>,
    toks: Vec<Vec<Tok>>,
    /// The speaker's words for each statement (first-person actors).
    speaker: Vec<Vec<u32>>,
    doc: Vec<u32>,
    /// Per document: word id → what the document also calls it.
    aliases: Vec<HashMap<u32, Vec<String>>>,
    /// Whether each statement says "we", "I", "us"…
    first_person: Vec<bool>,
}

impl LexicalStatements {
    fn vocab(&self) -> &[Info] {
        &self.words.vocab
    }
}

/// A statement's words, and the speaker's, as the scorer reads them.
fn tokenize(texts: &[StatementText]) -> Vec<(Vec<Word>, Vec<Word>)> {
    texts
        .par_iter()
        .map(|t| (words(t.text), words(t.speaker)))
        .collect()
}

/// Distinct keys of a statement, and its distinct content words' ids.
fn keys_of(
    vocab: &[Info],
    toks: &[Tok],
    speaker: &[u32],
    first_person: bool,
    doc: &HashMap<u32, Vec<String>>,
) -> (Vec<String>, Vec<u32>) {
    let mut keys = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for t in toks.iter().filter(|t| !t.stop) {
        if seen.contains(&t.id) {
            continue;
        }
        seen.push(t.id);
        let info = &vocab[t.id as usize];
        keys.extend(Lexical::word_keys(
            info,
            doc.get(&t.id).map_or(&[][..], Vec::as_slice),
        ));
    }
    if first_person {
        for &id in speaker {
            keys.extend(Lexical::word_keys(&vocab[id as usize], &[]));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    (keys, seen)
}

/// Whether a statement says "we", "I", "us"…
fn says_i_or_we(vocab: &[Info], toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| is_first_person(&vocab[t.id as usize].norm))
}

/// A statement's tokens, with the word ids `id` gives (`None`: left out).
fn toks_of(ws: &[Word], mut id: impl FnMut(&str) -> Option<u32>) -> Vec<Tok> {
    ws.iter()
        .zip(asides(ws))
        .filter_map(|(w, aside)| {
            Some(Tok {
                id: id(&w.norm)?,
                pos: w.pos as u32,
                stop: w.stop,
                name: w.name,
                capital: w.capital,
                aside,
            })
        })
        .collect()
}

/// One wording of a claim.
#[derive(Debug, Clone)]
struct Wording {
    terms: Vec<usize>,
    /// Its words, stop words and negations included, for stance.
    text: Vec<Word>,
    /// The names it gives.
    actors: Vec<Actor>,
    /// Per term: whether the wording itself puts it in an aside.
    aside: Vec<bool>,
}

pub struct LexicalClaim {
    terms: Vec<Term>,
    wordings: Vec<Wording>,
    keywords: Vec<Vec<usize>>,
    /// (term, distinct word) → how they relate, filled as statements are scored.
    memo: std::cell::RefCell<rustc_hash::FxHashMap<(u32, u32), Sim>>,
}

impl Scorer for Lexical {
    type Vocab = LexicalVocab;
    type Statements = LexicalStatements;
    type Claim = LexicalClaim;

    fn learn(
        &self,
        v: &mut LexicalVocab,
        texts: &[StatementText],
        aliases: &[Vec<(String, String)>],
    ) -> Vec<(Vec<String>, Vec<String>)> {
        let mut batch: Vec<(Vec<Tok>, Vec<u32>)> = Vec::with_capacity(texts.len());
        // Words are made in parallel a block at a time and interned as they
        // come: a corpus's words as strings are never all held at once.
        for block in texts.chunks(BLOCK) {
            // The words met for the first time, in id order.
            let mut fresh: Vec<String> = Vec::new();
            let mut intern = |w: &str| -> Option<u32> {
                if let Some(&id) = v.ids.get(w) {
                    return Some(id);
                }
                let next = v.ids.len() as u32;
                v.ids.insert(w.to_string(), next);
                fresh.push(w.to_string());
                Some(next)
            };
            for (ws, sp) in tokenize(block) {
                let ts = toks_of(&ws, &mut intern);
                let speaker = sp
                    .iter()
                    .filter(|w| !w.stop)
                    .filter_map(|w| intern(&w.norm))
                    .collect();
                batch.push((ts, speaker));
            }
            // Stems and lemmas are looked up once per distinct word.
            let infos: Vec<Info> = fresh.par_iter().map(|w| self.info(w)).collect();
            v.vocab.extend(infos);
        }
        for t in batch.iter().flat_map(|(ts, _)| ts).filter(|t| !t.stop) {
            let e = v.caps.entry(t.id).or_default();
            if t.name {
                e.0 += 1;
            } else if !t.capital {
                e.1 += 1;
            }
        }
        let doc_aliases = v.doc_aliases(aliases);
        batch
            .par_iter()
            .zip(texts)
            .map(|((ts, sp), t)| {
                let first = says_i_or_we(&v.vocab, ts);
                let (keys, seen) = keys_of(&v.vocab, ts, sp, first, &doc_aliases[t.doc]);
                let words = seen
                    .iter()
                    .map(|&id| v.vocab[id as usize].norm.clone())
                    .collect();
                (keys, words)
            })
            .collect()
    }

    fn seal(&self, v: &mut LexicalVocab) {
        // A word is a name when the corpus capitalises it inside sentences
        // more than once and more often than not (a headline in title case
        // capitalises anything), when WordNet knows it only as a name, or
        // when no dictionary knows it and the corpus never writes it in
        // lowercase ("Carevane", "Veloria").
        let vocab = &v.vocab;
        v.named = v
            .caps
            .iter()
            .filter(|&(&id, &(caps, lower))| {
                let info = &vocab[id as usize];
                (caps >= 2 && caps > lower)
                    || relations::is_proper(&info.norm)
                    || (lower == 0 && info.lemmas.is_empty() && info.norm.chars().count() > 1)
            })
            .map(|(&id, _)| id)
            .collect();
        v.caps = HashMap::default();
    }

    fn prepare_statements(
        &self,
        v: &Arc<LexicalVocab>,
        texts: &[StatementText],
        aliases: &[Vec<(String, String)>],
    ) -> LexicalStatements {
        let id = |w: &str| v.ids.get(w).copied();
        let prepared: Vec<(Vec<Tok>, Vec<u32>, bool)> = texts
            .par_iter()
            .map(|t| {
                let mut ts = toks_of(&words(t.text), id);
                for t in &mut ts {
                    t.name = t.capital && !t.stop && v.named.contains(&t.id);
                }
                let speaker = words(t.speaker)
                    .iter()
                    .filter(|w| !w.stop)
                    .filter_map(|w| id(&w.norm))
                    .collect();
                let first = says_i_or_we(&v.vocab, &ts);
                (ts, speaker, first)
            })
            .collect();
        let mut toks = Vec::with_capacity(texts.len());
        let mut speaker = Vec::with_capacity(texts.len());
        let mut first_person = Vec::with_capacity(texts.len());
        for (ts, sp, first) in prepared {
            toks.push(ts);
            speaker.push(sp);
            first_person.push(first);
        }
        LexicalStatements {
            aliases: v.doc_aliases(aliases),
            words: Arc::clone(v),
            toks,
            speaker,
            doc: texts.iter().map(|t| t.doc as u32).collect(),
            first_person,
        }
    }

    fn statement_keys(&self, s: &LexicalStatements, i: usize) -> Vec<String> {
        keys_of(
            s.vocab(),
            &s.toks[i],
            &s.speaker[i],
            first_person(s, i),
            &s.aliases[s.doc[i] as usize],
        )
        .0
    }

    fn prepare_claim(
        &self,
        v: &LexicalVocab,
        wordings: &[&str],
        keywords: &[&str],
    ) -> LexicalClaim {
        let mut terms: Vec<Term> = Vec::new();
        let term_of = |w: &str, terms: &mut Vec<Term>| -> usize {
            match terms.iter().position(|t| t.info.norm == w) {
                Some(i) => i,
                None => {
                    terms.push(self.term(w));
                    terms.len() - 1
                }
            }
        };
        let mut out = Vec::new();
        for text in wordings {
            let mut ws = words(text);
            v.mark_names(&mut ws);
            // A claim opens with its subject: a capital no dictionary knows
            // ("Castrelle raised tariffs") is a name.
            for w in ws.iter_mut().filter(|w| w.capital && !w.name && !w.stop) {
                if w.norm.chars().count() > 1 && relations::lemmas(&w.norm).is_empty() {
                    w.name = true;
                }
            }
            let mut ts: Vec<usize> = Vec::new();
            for w in ws.iter().filter(|w| !w.stop && !is_negation(&w.norm)) {
                let t = term_of(&w.norm, &mut terms);
                if !ts.contains(&t) {
                    ts.push(t);
                }
            }
            if ts.is_empty() {
                continue;
            }
            let actors = actors(&ws)
                .into_iter()
                .map(|(run, subject, head)| Actor {
                    run: run.iter().map(|w| term_of(&w.norm, &mut terms)).collect(),
                    subject,
                    head: head.map(|h| term_of(&h.norm, &mut terms)),
                })
                .collect();
            let in_aside = asides(&ws);
            let aside = ts
                .iter()
                .map(|&t| {
                    ws.iter()
                        .zip(&in_aside)
                        .any(|(w, &a)| a && w.norm == terms[t].info.norm)
                })
                .collect();
            out.push(Wording {
                terms: ts,
                text: ws,
                actors,
                aside,
            });
        }
        let keywords = keywords
            .iter()
            .map(|k| {
                words(k)
                    .iter()
                    .filter(|w| !w.stop && !is_negation(&w.norm))
                    .map(|w| term_of(&w.norm, &mut terms))
                    .collect()
            })
            .collect();
        LexicalClaim {
            terms,
            wordings: out,
            keywords,
            memo: Default::default(),
        }
    }

    fn claim_terms<'c>(&self, c: &'c LexicalClaim) -> &'c [Term] {
        &c.terms
    }

    fn wordings<'c>(&self, c: &'c LexicalClaim) -> Vec<&'c [usize]> {
        c.wordings.iter().map(|w| w.terms.as_slice()).collect()
    }

    fn score(
        &self,
        c: &LexicalClaim,
        weights: &[f64],
        s: &LexicalStatements,
        i: usize,
        cue: Option<&str>,
    ) -> Option<Match> {
        let toks = &s.toks[i];
        let doc = &s.aliases[s.doc[i] as usize];
        let no: &[String] = &[];
        let doc_alias = |t: &Tok| doc.get(&t.id).map_or(no, Vec::as_slice);
        // Each term against each distinct word once per claim; what the
        // document calls a word is checked per statement.
        let mut memo = c.memo.borrow_mut();
        let mut rel = |term: usize, t: &Tok| -> Sim {
            let base = *memo
                .entry((term as u32, t.id))
                .or_insert_with(|| self.relate(&c.terms[term], &s.vocab()[t.id as usize]));
            if base.is_some_and(|(_, r)| r <= Rule::Alias) {
                return base;
            }
            let other_names = doc_alias(t);
            if !other_names.is_empty() && other_names.contains(&c.terms[term].info.norm) {
                return Some((ALIAS_SIM, Rule::Alias));
            }
            base
        };
        let all_terms_found = |kw: &[usize], rel: &mut Relate<'_>| {
            kw.iter().all(|&k| {
                toks.iter()
                    .any(|t| rel(k, t).is_some_and(|(v, _)| v >= MIN_WORD_SIM))
            })
        };
        if !c.keywords.iter().all(|kw| all_terms_found(kw, &mut rel)) {
            return None;
        }
        let mut best: Option<Match> = None;
        for w in &c.wordings {
            let Some(m) = score_wording(c, w, weights, s, i, cue, &mut rel) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| m.score > b.score) {
                best = Some(m);
            }
        }
        best
    }
}

/// A name the claim gives, as term indices.
#[derive(Debug, Clone)]
struct Actor {
    run: Vec<usize>,
    /// Among the claim's first three content words ("Al-Qaida has created…").
    subject: bool,
    /// The common noun it modifies ("Ukrainian *troops*", "Jihadist *accounts*").
    head: Option<usize>,
}

/// The names a text gives, as runs of name words: (run, subject, head).
fn actors(ws: &[Word]) -> Vec<(Vec<&Word>, bool, Option<&Word>)> {
    let mut out = Vec::new();
    let mut content = 0;
    let mut run: Vec<&Word> = Vec::new();
    let mut run_at = 0;
    for (i, w) in ws.iter().enumerate() {
        if w.name && !w.stop {
            if run.is_empty() {
                run_at = content;
            }
            run.push(w);
        }
        let next_is_name = ws.get(i + 1).is_some_and(|n| n.name && !n.stop);
        if !run.is_empty() && !next_is_name {
            let head = ws.get(i + 1).filter(|n| !n.stop && !is_negation(&n.norm));
            out.push((std::mem::take(&mut run), run_at < 3, head));
        }
        if !w.stop {
            content += 1;
        }
    }
    out
}

/// The speaker's name and role words of statement `i`, as words placed
/// after every word of the statement (so that no negation scopes over them).
fn speaker_words(s: &LexicalStatements, i: usize) -> Vec<Tok> {
    s.speaker[i]
        .iter()
        .enumerate()
        .map(|(k, &id)| Tok {
            id,
            pos: u32::MAX - k as u32,
            stop: false,
            name: true,
            capital: true,
            aside: false,
        })
        .collect()
}

/// Whether statement `i` speaks in the first person.
fn first_person(s: &LexicalStatements, i: usize) -> bool {
    s.first_person[i]
}

#[allow(clippy::too_many_arguments)]
fn score_wording(
    c: &LexicalClaim,
    w: &Wording,
    weights: &[f64],
    s: &LexicalStatements,
    i: usize,
    cue: Option<&str>,
    rel: &mut Relate<'_>,
) -> Option<Match> {
    let toks = &s.toks[i];
    let total: f64 = w.terms.iter().map(|&t| weights[t]).sum();
    if total <= 0.0 {
        return None;
    }
    let content: Vec<&Tok> = toks.iter().filter(|t| !t.stop).collect();
    // "We" and "I" are the speaker: their name and role words stand beside
    // every window ("we" in a Europol director's quote is Europol).
    let speaker = if first_person(s, i) {
        speaker_words(s, i)
    } else {
        Vec::new()
    };
    let n = content.len();
    let all: Vec<&Tok> = content.iter().copied().chain(&speaker).collect();
    // sims[k][j]: the wording's k-th term against word j (speaker words last).
    // A word the statement uses only to say when ("before the Paris
    // attacks we saw growth") or to wonder is not what it asserts: it counts
    // TIME_PHRASE, unless the claim uses it the same way.
    let sims: Vec<Vec<Sim>> = w
        .terms
        .iter()
        .zip(&w.aside)
        .map(|(&term, &claim_aside)| {
            all.iter()
                .enumerate()
                .map(|(j, t)| match rel(term, t) {
                    Some((v, rule)) if t.aside && !claim_aside => Some((v * TIME_PHRASE, rule)),
                    // Who "we" are supports a match; the words said carry it.
                    Some((v, rule)) if j >= n => Some((v * SPEAKER_CONTEXT, rule)),
                    r => r,
                })
                .collect()
        })
        .collect();
    let val = |x: &Sim| x.map_or(0.0, |(v, _)| v);
    let window = (w.terms.len() * 2).max(8);
    let mut best = (0.0, 0usize);
    let starts = n.saturating_sub(window) + 1;
    for st in 0..starts.max(1) {
        let e = (st + window).min(n);
        let got: f64 = (0..w.terms.len())
            .map(|k| {
                let m = sims[k][st..e]
                    .iter()
                    .chain(&sims[k][n..])
                    .map(val)
                    .fold(0.0, f64::max);
                weights[w.terms[k]] * m
            })
            .sum();
        if got > best.0 {
            best = (got, st);
        }
    }
    if best.0 <= 0.0 {
        return None;
    }
    let (st, e) = (best.1, (best.1 + window).min(n));
    // Each statement word backs one claim word: "Russia" is not both the
    // claim's Russia and its Kremlin. Best pairs first.
    let mut pairs: Vec<(f64, usize, usize, Rule)> = Vec::new();
    for (k, &term) in w.terms.iter().enumerate() {
        for j in (st..e).chain(n..all.len()) {
            if let Some((v, rule)) = sims[k][j] {
                pairs.push((weights[term] * v, k, j, rule));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut term_used = vec![false; w.terms.len()];
    let mut tok_used = vec![false; all.len()];
    let mut got = 0.0;
    let mut chosen: Vec<(usize, usize, Rule)> = Vec::new();
    for (v, k, j, rule) in pairs {
        if term_used[k] || tok_used[j] {
            continue;
        }
        term_used[k] = true;
        tok_used[j] = true;
        got += v;
        chosen.push((k, j, rule));
    }
    chosen.sort_unstable();
    let mut matched = Vec::new();
    let mut matched_pos: Vec<u32> = Vec::new();
    let mut matched_terms: Vec<usize> = Vec::new();
    for (k, j, rule) in chosen {
        let term = w.terms[k];
        let t = all[j];
        matched_pos.push(t.pos);
        matched_terms.push(term);
        matched.push(Pair(
            c.terms[term].info.norm.clone(),
            s.vocab()[t.id as usize].norm.clone(),
            rule,
        ));
    }
    if !actors_agree(w, &matched_terms, &matched_pos, &content, st, s, i, rel) {
        return None;
    }
    let stance = stance(w, &matched, &matched_pos, s, i, cue);
    Some(Match {
        score: got / total,
        stance,
        matched,
    })
}

/// Actors must agree: when the claim names an actor the statement does not
/// (by any rule, in its words or, for "we" and "I", its speaker's), and the
/// statement names in that role someone the claim never mentions, the
/// statement is about someone else ("the Taliban created accounts" is no
/// evidence that al-Qaida did).
#[allow(clippy::too_many_arguments)]
fn actors_agree(
    w: &Wording,
    matched_terms: &[usize],
    matched_pos: &[u32],
    content: &[&Tok],
    window_start: usize,
    s: &LexicalStatements,
    i: usize,
    rel: &mut Relate<'_>,
) -> bool {
    let toks = &s.toks[i];
    let first_person = first_person(s, i);
    let speaker = speaker_words(s, i);
    let names_actor = |run: &[usize], rel: &mut Relate<'_>| {
        run.iter().any(|&term| {
            matched_terms.contains(&term)
                || toks
                    .iter()
                    .any(|t| !t.stop && rel(term, t).is_some_and(|(_, r)| r != Rule::Antonym))
                || (first_person && speaker.iter().any(|t| rel(term, t).is_some()))
        })
    };
    let norm = |p: usize| {
        toks.get(p)
            .map_or("", |t| s.vocab()[t.id as usize].norm.as_str())
    };
    // A name followed by a passive verb: "Telegram is (widely) used".
    let patient = |p: u32| {
        let p = p as usize;
        matches!(
            norm(p + 1),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        ) && [p + 2, p + 3]
            .iter()
            .take_while(|&&q| {
                q == p + 2 || crate::lexicon::is_ly_adverb(norm(p + 2)) || norm(p + 2) == "been"
            })
            .any(|&q| crate::lexicon::verb_class(norm(q)) & crate::lexicon::class::PAST != 0)
    };
    // A name in the statement that is neither its speaker nor anything the
    // claim says: someone else.
    let stranger = |t: &Tok, rel: &mut Relate<'_>| {
        t.name
            && !s.speaker[i].contains(&t.id)
            && w.terms.iter().all(|&term| rel(term, t).is_none())
    };
    // The statement's subject names: those before its first matched word.
    let first_hit = content[window_start..]
        .iter()
        .find(|t| {
            w.terms
                .iter()
                .any(|&term| matched_terms.contains(&term) && rel(term, t).is_some() && !t.name)
        })
        .map_or(u32::MAX, |t| t.pos);
    // Only the subject: a claim's object may be absent from a statement
    // that names other things after its verb, and still be what it is about.
    for actor in w.actors.iter().filter(|a| a.subject) {
        if names_actor(&actor.run, rel) {
            continue;
        }
        // A name that modifies a noun the statement has: only a name on
        // that noun stands in for it ("Russian troops" for "Ukrainian
        // troops"; "closed accounts" has none).
        if let Some(at) = actor
            .head
            .and_then(|h| matched_terms.iter().position(|&t| t == h))
            .map(|k| matched_pos[k])
        {
            let before = content.iter().rev().find(|t| t.pos < at);
            if before.is_some_and(|t| t.pos + 1 == at && stranger(t, rel)) {
                return false;
            }
            continue;
        }
        // The speaker's own name opens many a sentence ("Tokar said that
        // …"): they are who speaks, not who acts. A passive subject
        // ("Telegram is used") is what is acted on.
        let other = content
            .iter()
            .any(|t| t.pos < first_hit && !patient(t.pos) && stranger(t, rel));
        if other {
            return false;
        }
    }
    // An object the claim names, absent, where the statement puts another
    // thing in a passive subject: "Ukrainian troops use Signal" against
    // "Telegram is used to …".
    for actor in w.actors.iter().filter(|a| !a.subject) {
        if names_actor(&actor.run, rel) {
            continue;
        }
        let other = content.iter().any(|t| patient(t.pos) && stranger(t, rel));
        if other {
            return false;
        }
    }
    true
}

/// Supports or contradicts: negation scoped over matched words on either
/// side, a denying cue, and antonyms matched. When an antonym meets a
/// negation or denial that it would cancel, reading the stance would be a
/// guess: mixed.
fn stance(
    w: &Wording,
    matched: &[Pair],
    matched_pos: &[u32],
    s: &LexicalStatements,
    i: usize,
    cue: Option<&str>,
) -> Stance {
    let toks = &s.toks[i];
    let claim_hit: Vec<&str> = matched.iter().map(|p| p.0.as_str()).collect();
    let stmt_negated = scoped_negations(
        toks.len(),
        |k| s.vocab()[toks[k].id as usize].norm.as_str(),
        |k| matched_pos.contains(&toks[k].pos),
    ) % 2
        == 1;
    let claim_negated = scoped_negations(
        w.text.len(),
        |k| w.text[k].norm.as_str(),
        |k| claim_hit.contains(&w.text[k].norm.as_str()),
    ) % 2
        == 1;
    let denied = cue.is_some_and(crate::lexicon::is_denial);
    let antonyms = matched.iter().filter(|p| p.2 == Rule::Antonym).count();
    let flipped = (stmt_negated != claim_negated) != denied;
    if antonyms > 0 && flipped {
        return Stance::Mixed;
    }
    if flipped != (antonyms % 2 == 1) {
        Stance::Contradicts
    } else {
        Stance::Supports
    }
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
        let lex = Lexical::default();
        for (a, b) in [
            ("military", "militants"),
            ("use", "user"),
            ("cat", "catalogue"),
            ("form", "former"),
            ("state", "statement"),
            ("attackers", "attacks"),
            ("organ", "organization"),
            ("university", "universe"),
            ("experiment", "experience"),
            ("agents", "agencies"),
            ("use", "users"),
        ] {
            let r = lex.relate(&lex.term(a), &lex.info(b));
            assert!(
                r.is_none_or(|(_, rule)| rule > Rule::Typo),
                "{a} ~ {b}: {r:?}"
            );
        }
    }

    #[test]
    fn relations_name_their_rule() {
        let lex = Lexical::new(&[vec!["Russia".into(), "Moscow".into(), "the Kremlin".into()]]);
        let rule = |a: &str, b: &str| lex.relate(&lex.term(a), &lex.info(b)).map(|r| r.1);
        assert_eq!(rule("telegram", "telegram"), Some(Rule::Exact));
        assert_eq!(rule("communicate", "communication"), Some(Rule::Stem));
        assert_eq!(rule("comms", "communications"), Some(Rule::Abbreviation));
        assert_eq!(rule("moscow", "kremlin"), Some(Rule::Alias));
        assert_eq!(rule("prevented", "forestalled"), Some(Rule::Synonym));
        assert_eq!(rule("proof", "evidence"), Some(Rule::Related));
        assert_eq!(rule("private", "public"), Some(Rule::Antonym));
        assert_eq!(rule("telegram", "signal"), None);
        // Related words weigh less than the word itself or its forms.
        for (a, b) in [
            ("moscow", "kremlin"),
            ("prevented", "forestalled"),
            ("private", "public"),
        ] {
            let (v, _) = lex.relate(&lex.term(a), &lex.info(b)).unwrap();
            assert!(v < MIN_WORD_SIM, "{a} ~ {b}: {v}");
        }
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

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        let names: Vec<String> =
            words("Most said the Taliban met Al-Qaida. Ukrainian troops agreed.")
                .into_iter()
                .filter(|w| w.name)
                .map(|w| w.norm)
                .collect();
        assert_eq!(names, ["taliban", "al", "qaida", "ukrainian"]);
    }

    /// Scores `claim` against each statement, one corpus.
    fn sc_all(claim: &str, stmts: &[&str]) -> Vec<Option<Match>> {
        let lex = Lexical::default();
        let texts: Vec<StatementText> = stmts
            .iter()
            .map(|t| StatementText {
                text: t,
                doc: 0,
                speaker: "",
            })
            .collect();
        // One batch that is the whole corpus: learned, sealed, prepared.
        let aliases = [document_aliases(&stmts.join(" "))];
        let mut v = LexicalVocab::default();
        lex.learn(&mut v, &texts, &aliases);
        lex.seal(&mut v);
        let v = Arc::new(v);
        let s = lex.prepare_statements(&v, &texts, &aliases);
        let c = lex.prepare_claim(&v, &[claim], &[]);
        let weights = vec![1.0; c.terms.len()];
        (0..stmts.len())
            .map(|i| lex.score(&c, &weights, &s, i, None))
            .collect()
    }

    fn sc(claim: &str, stmt: &str) -> Match {
        sc_all(claim, &[stmt]).remove(0).unwrap_or(Match {
            score: 0.0,
            stance: Stance::Supports,
            matched: vec![],
        })
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
                .iter()
                .any(|p| p.0 == "comms" && p.1 == "communications")
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

    #[test]
    fn antonyms_turn_the_stance_and_doubt_makes_it_mixed() {
        let m = sc(
            "The archive will stay private",
            "The archive will become public next year",
        );
        assert_eq!(m.stance, Stance::Contradicts, "{m:?}");
        assert!(m.matched.iter().any(|p| p.2 == Rule::Antonym), "{m:?}");
        // An antonym under a negation: not public may well mean private.
        let m = sc(
            "The archive will stay private",
            "The archive will not become public",
        );
        assert_eq!(m.stance, Stance::Mixed, "{m:?}");
    }

    #[test]
    fn a_different_actor_in_the_same_role_is_no_match() {
        let got = sc_all(
            "Al-Qaida has opened new accounts on the platform",
            &[
                "The Taliban has opened new accounts on the platform, he said",
                "Al-Qaida has opened new accounts on the platform, he said",
                "New accounts were opened on the platform, he said",
            ],
        );
        assert!(got[0].is_none(), "{:?}", got[0]);
        assert!(got[1].as_ref().is_some_and(|m| m.score > 0.9));
        // Naming nobody in that role is not naming someone else.
        assert!(
            got[2].as_ref().is_some_and(|m| m.score > 0.5),
            "{:?}",
            got[2]
        );
    }

    #[test]
    fn a_time_phrase_or_a_question_is_not_what_a_statement_says() {
        let got = sc_all(
            "The Harlow rioters planned the riots on Quillo",
            &[
                "We tracked Quillo closely, and before the Harlow riots we saw a surge",
                "The Harlow rioters planned the riots on Quillo, we found",
            ],
        );
        let (aside, said) = (got[0].as_ref().unwrap(), got[1].as_ref().unwrap());
        assert!(
            aside.score < 0.6 && said.score > 0.9,
            "{aside:?} / {said:?}"
        );
        let claim = "Marren cooperated with the auditors";
        let wonder = sc(
            claim,
            "Nobody knows whether Marren cooperated with the auditors",
        );
        let assert = sc(
            claim,
            "Everybody knows that Marren cooperated with the auditors",
        );
        assert!(wonder.score < assert.score * 0.7, "{wonder:?} / {assert:?}");
        // The claim's own time phrase meets the statement's at full worth.
        let m = sc(
            "Sales fell after the Harlow riots",
            "After the Harlow riots, sales fell",
        );
        assert!(m.score > 0.9, "{m:?}");
    }

    #[test]
    fn a_document_names_what_it_calls_the_app() {
        let got = sc_all(
            "The messenger refuses to cooperate with police",
            &[
                "Ferrow refuses to cooperate with police",
                "Investigators use the encrypted messenger Ferrow daily",
            ],
        );
        let m = got[0].as_ref().unwrap();
        assert!(
            m.matched
                .iter()
                .any(|p| p.0 == "messenger" && p.1 == "ferrow" && p.2 == Rule::Alias),
            "{m:?}"
        );
    }

    #[test]
    fn document_aliases_come_from_descriptions() {
        let got = document_aliases(
            "Officials use the messaging app Ferrow. The Ferrow messenger is popular. \
             Dalvane, a Lisbon-based shipping company, agreed. Quillo is a free service. \
             Shares of Dalvane and Quillo rose. \
             The Ferrow channels grew. Investigators in Paris said so.",
        );
        let want: Vec<(String, String)> = [
            ("ferrow", "app"),
            ("ferrow", "messenger"),
            ("dalvane", "company"),
            ("quillo", "service"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(got, want);
    }
}
