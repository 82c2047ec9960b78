//! Word knowledge, in one place: the speech-cue lexicon (which words
//! attribute speech, how, and their properties: listener, report, denial),
//! built in from `src/lexicon/cues.yaml` and extendable with `--cues`; the
//! known news outlets; English verb forms from WordNet
//! (`src/lexicon/data/verbs.txt`), so the clause detector knows that
//! `required` or `found` is a verb; first names by sex from US SSA counts
//! (`src/lexicon/data/first_names.txt`); in [`relations`], WordNet synonyms,
//! relatives and antonyms for claim matching; and, in [`words`], the closed
//! word classes (pronouns, determiners, prepositions, negations, stop words)
//! that both extraction and claim matching use.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::error::{self, Result};

pub mod relations;
pub mod words;

const BUILTIN: &str = include_str!("cues.yaml");

/// How a speech verb introduces reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// May take a clause without "that".
    Bare,
    /// Reported speech only with "that", or a bare clause opened by a pronoun.
    That,
    /// A speech act whose object and complement are the content: `accused
    /// the company of …`, `urged both sides to …`, `called the ruling "…"`.
    Object,
    /// A finding, attributed only when its subject is a document or data:
    /// `the report found`, `a poll showed`.
    Document,
    /// Attributes quotations only.
    Quote,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    clause: ClauseKind,
    forms: Vec<String>,
    #[serde(default)]
    listener: bool,
    #[serde(default)]
    report: bool,
    #[serde(default)]
    denial: bool,
}

/// Cue properties beyond the clause kind, one bit each.
mod flag {
    pub const LISTENER: u8 = 1;
    pub const REPORT: u8 = 2;
    pub const DENIAL: u8 = 4;
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
    flags: HashMap<String, u8>,
    outlets: rustc_hash::FxHashSet<String>,
    /// Every word form the extractor looks up per token: its cue kind and its
    /// WordNet class bits, keyed like [`VERB_FORMS`] so one probe gives both.
    words: HashMap<u32, (Option<ClauseKind>, u8)>,
}

/// The built-in lexicon, for code that has no extractor at hand (the claim
/// matcher reading a cue's denial).
static BUILTIN_LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// A speech verb that denies what follows (`denied`, `rejected`), per the
/// built-in lexicon.
pub fn is_denial(word: &str) -> bool {
    BUILTIN_LEXICON.is_denial(word)
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Lexicon {
    pub fn builtin() -> Self {
        let mut lex = Lexicon {
            verbs: HashMap::default(),
            flags: HashMap::default(),
            outlets: rustc_hash::FxHashSet::default(),
            words: VERB_FORMS.iter().map(|(&k, &c)| (k, (None, c))).collect(),
        };
        // The built-in file is part of the binary and covered by tests.
        let file: LexiconFile = serde_yaml::from_str(BUILTIN).expect("built-in cues.yaml is valid");
        lex.add(file);
        lex
    }

    /// Adds the verbs and outlets of a user cue file.
    pub fn extend_from_file(&mut self, path: &str) -> Result<()> {
        let text = error::read_yaml(path)?;
        let file: LexiconFile = serde_yaml::from_str(&text).map_err(|e| error::yaml(path, &e))?;
        self.add(file);
        Ok(())
    }

    fn add(&mut self, file: LexiconFile) {
        for verb in file.verbs {
            let bits = [
                (verb.listener, flag::LISTENER),
                (verb.report, flag::REPORT),
                (verb.denial, flag::DENIAL),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .fold(0, |acc, (_, bit)| acc | bit);
            for form in verb.forms {
                let form = form.to_lowercase();
                if bits != 0 {
                    self.flags.insert(form.clone(), bits);
                }
                self.words.entry(form_key(&form)).or_insert((None, 0)).0 = Some(verb.clause);
                self.verbs.insert(form, verb.clause);
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

    /// The cue kind and WordNet class bits of a lowercase token, in one probe
    /// for most words; a word whose hash marks it as a cue is confirmed by
    /// its spelling, so a hash collision never makes a cue.
    pub fn token(&self, lowercase: &str) -> (Option<ClauseKind>, u8) {
        let (kind, class) = self
            .words
            .get(&form_key(lowercase))
            .copied()
            .unwrap_or((None, 0));
        (kind.and_then(|_| self.verbs.get(lowercase).copied()), class)
    }

    fn has_flag(&self, word: &str, bit: u8) -> bool {
        let found = |w: &str| self.flags.get(w).is_some_and(|f| f & bit != 0);
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            found(word)
        } else {
            found(&word.to_lowercase())
        }
    }

    /// Verbs whose object is the listener: `told Politico that …`.
    pub fn takes_listener(&self, word: &str) -> bool {
        self.has_flag(word, flag::LISTENER)
    }

    /// `reports Politico`: an outlet reporting passes a statement on.
    pub fn is_report(&self, word: &str) -> bool {
        self.has_flag(word, flag::REPORT)
    }

    /// Speech verbs that deny what follows.
    pub fn is_denial(&self, word: &str) -> bool {
        self.has_flag(word, flag::DENIAL)
    }

    pub fn verb_count(&self) -> usize {
        self.verbs.len()
    }

    pub fn is_outlet(&self, name: &str) -> bool {
        with_lower(name, |low| self.outlets.contains(low))
    }
}

/// WordNet 3.0 verb lemmas and irregular forms; see `tools/wordnet_verbs.py`.
const VERBS: &str = include_str!("data/verbs.txt");

/// Word-class bits of a lowercase word form.
pub mod class {
    pub const BASE: u8 = 1;
    /// Past tense or past participle (`required`, `found`, `went`).
    pub const PAST: u8 = 2;
    /// Third person singular present (`requires`).
    pub const S3: u8 = 4;
    pub const ING: u8 = 8;
    /// The lemma is also a noun, so base and -s forms may be nouns (`plans`).
    pub const NOUN: u8 = 16;
}

/// Irregular verbs whose past is their base form. WordNet's exception list
/// leaves them out because the form equals the lemma, so without this closed
/// class `the polls never shut` would have no finite verb.
const PAST_IS_BASE: &[&str] = &[
    "bet",
    "bid",
    "broadcast",
    "burst",
    "cast",
    "cost",
    "cut",
    "forecast",
    "hit",
    "hurt",
    "let",
    "offset",
    "put",
    "quit",
    "read",
    "reset",
    "rid",
    "set",
    "shed",
    "shut",
    "split",
    "spread",
    "thrust",
    "undercut",
    "upset",
];

/// The key of a word form in [`VERB_FORMS`]: a 32-bit hash, so that a look-up
/// touches one 8-byte table entry instead of a heap string. Among the 40,000
/// forms a collision would only merge two words' class bits, and a word that
/// is no verb matches one by chance about once in 100,000 look-ups.
fn form_key(word: &str) -> u32 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(word.as_bytes());
    let x = h.finish();
    (x ^ (x >> 32)) as u32
}

static VERB_FORMS: LazyLock<HashMap<u32, u8>> = LazyLock::new(|| {
    let mut forms: HashMap<u32, u8> = HashMap::default();
    forms.reserve(40_000);
    let mut add = |w: String, bits: u8| *forms.entry(form_key(&w)).or_default() |= bits;
    for line in VERBS.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        let Some(lemma) = parts.next() else { continue };
        match parts.next() {
            Some(">") => {
                for form in parts {
                    let bits = if form.ends_with("ing") {
                        class::ING
                    } else if form.ends_with('s') && !form.ends_with("ss") {
                        class::S3
                    } else {
                        class::PAST
                    };
                    add(form.to_string(), bits);
                }
            }
            noun => {
                let n = if noun == Some("n") { class::NOUN } else { 0 };
                let (s3, past, ing) = regular_forms(lemma);
                add(lemma.to_string(), class::BASE | n);
                add(s3, class::S3 | n);
                add(past, class::PAST);
                add(ing, class::ING);
            }
        }
    }
    for w in PAST_IS_BASE {
        add((*w).to_string(), class::PAST);
    }
    forms
});

/// The regular -s, -ed and -ing forms of a verb lemma.
fn regular_forms(lemma: &str) -> (String, String, String) {
    let b = lemma.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let last = b.last().copied().unwrap_or(b' ');
    let consonant_y = last == b'y' && b.len() > 1 && !vowel(b[b.len() - 2]);
    let stem = &lemma[..lemma.len().saturating_sub(1)];
    let s3 = if consonant_y {
        format!("{stem}ies")
    } else if lemma.ends_with(['s', 'x', 'z', 'o'])
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = if consonant_y {
        format!("{stem}ied")
    } else if last == b'e' {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let ing = if last == b'e' && !lemma.ends_with("ee") && lemma.len() > 2 {
        format!("{stem}ing")
    } else {
        format!("{lemma}ing")
    };
    (s3, past, ing)
}

/// The word-class bits ([`class`]) of a lowercase word; 0 for a non-verb.
/// `f` of `s` lowercased. Short ASCII, the usual name or word, is
/// lowercased on the stack; the rest through [`str::to_lowercase`].
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(low) = std::str::from_utf8(b) {
            return f(low);
        }
    }
    f(&s.to_lowercase())
}

pub fn verb_class(word: &str) -> u8 {
    VERB_FORMS.get(&form_key(word)).copied().unwrap_or(0)
}

/// An -ly adverb that may stand between a subject and its verb (`politely
/// suggested`), not a verb form that happens to end in -ly (`reply`).
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && verb_class(word) == 0
}

/// A finite verb: a closed-class auxiliary or modal (`was`, `would`), or a
/// WordNet form that can only be read as finite ([`is_finite_verb`]).
pub fn is_finite(word: &str) -> bool {
    words::is_finite_marker(word) || is_finite_verb(word)
}

/// A form that can only be read as a finite verb: a past form, or an -s form
/// whose lemma is not also a noun. Modals and auxiliaries are closed-class
/// words and live with the other function words.
pub fn is_finite_verb(word: &str) -> bool {
    is_finite_class(verb_class(word))
}

/// Word-class bits ([`verb_class`]) that can only be read as a finite verb.
pub fn is_finite_class(c: u8) -> bool {
    c & class::PAST != 0 || (c & class::S3 != 0 && c & class::NOUN == 0)
}

/// First names by sex from US SSA baby-name counts; see `tools/ssa_first_names.py`.
const FIRST_NAMES: &str = include_str!("data/first_names.txt");

/// The sex a first name makes clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

static FIRST_NAME_SEX: LazyLock<HashMap<&'static str, Sex>> = LazyLock::new(|| {
    FIRST_NAMES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, sex) = l.split_once(' ')?;
            Some((name, if sex == "f" { Sex::Female } else { Sex::Male }))
        })
        .collect()
});

/// A first name of the SSA table (`thomas`), lowercase.
pub fn is_first_name(word: &str) -> bool {
    FIRST_NAME_SEX.contains_key(word)
}

/// First names and their nicknames (`timothy tim timmy`); see
/// `tools/nicknames.py` and `data/NICKNAMES_LICENSE`.
const NICKNAMES: &str = include_str!("data/nicknames.txt");

/// Each (name, nickname) pair, both ways, lowercase.
static NICKNAME_PAIRS: LazyLock<rustc_hash::FxHashSet<(&'static str, &'static str)>> =
    LazyLock::new(|| {
        let mut pairs = rustc_hash::FxHashSet::default();
        for line in NICKNAMES.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split(' ');
            let Some(name) = words.next() else { continue };
            for nick in words {
                pairs.insert((name, nick));
                pairs.insert((nick, name));
            }
        }
        pairs
    });

/// Whether one first name is a nickname of the other (`Tim`, `Timothy`;
/// `Bill`, `William`), either case.
pub fn is_nickname_pair(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    NICKNAME_PAIRS.contains(&(a.as_str(), b.as_str()))
}

/// The sex of a person's name, from its first name (`Anna Kovacs` → female)
/// or an honorific (`Mrs. Clinton`); `None` when the name does not say.
pub fn sex_of(name: &str, role: Option<&str>) -> Option<Sex> {
    let honorific = role.and_then(|r| {
        r.split_whitespace()
            .find_map(|w| match w.trim_end_matches('.').to_lowercase().as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "spokesman"
                | "chairman" => Some(Sex::Male),
                "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess"
                | "congresswoman" | "spokeswoman" | "chairwoman" => Some(Sex::Female),
                _ => None,
            })
    });
    let mut words = name.split_whitespace();
    let first = words.next()?;
    // A one-word name is a surname ("Trump"): it says nothing of sex.
    words.next()?;
    FIRST_NAME_SEX
        .get(first.to_lowercase().as_str())
        .copied()
        .or(honorific)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_properties_come_from_the_yaml() {
        let lex = Lexicon::builtin();
        assert!(lex.takes_listener("told") && lex.takes_listener("Assured"));
        assert!(!lex.takes_listener("said"));
        assert!(lex.is_report("reported") && !lex.is_report("told"));
        assert!(is_denial("denied") && is_denial("rejects") && !is_denial("said"));
    }

    #[test]
    fn nicknames_pair_with_their_names_both_ways() {
        assert!(is_nickname_pair("Tim", "Timothy"));
        assert!(is_nickname_pair("william", "Bill"));
        assert!(!is_nickname_pair("Tim", "Thomas"));
    }

    #[test]
    fn first_names_give_sex_only_when_clear() {
        assert_eq!(sex_of("Anna Kovacs", None), Some(Sex::Female));
        assert_eq!(sex_of("Daniel Okafor", None), Some(Sex::Male));
        // A surname alone, or a name used by both sexes, says nothing.
        assert_eq!(sex_of("Okafor", None), None);
        assert_eq!(sex_of("Jordan Lee", None), None);
    }

    #[test]
    fn wordnet_verb_forms() {
        for w in [
            "required", "found", "forced", "reached", "went", "stopped", "carried",
        ] {
            assert!(is_finite_verb(w), "{w}");
        }
        assert!(is_finite_verb("requires"));
        // -s forms of verbs that are also nouns are not taken as finite.
        assert!(!is_finite_verb("plans"));
        assert!(verb_class("plans") & class::S3 != 0);
        for w in ["table", "the", "council", "quickly"] {
            assert!(!is_finite_verb(w), "{w}");
        }
        assert_eq!(verb_class("weighing") & class::ING, class::ING);
    }

    #[test]
    fn builtin_has_the_promised_breadth() {
        let lex = Lexicon::builtin();
        assert!(lex.verb_count() >= 150, "{}", lex.verb_count());
        assert_eq!(lex.verb("said"), Some(ClauseKind::Bare));
        assert_eq!(lex.verb("Says"), Some(ClauseKind::Bare));
        assert_eq!(lex.verb("noted"), Some(ClauseKind::Object));
        assert_eq!(lex.verb("explained"), Some(ClauseKind::That));
        assert_eq!(lex.verb("table"), None);
        assert!(lex.is_outlet("the wall street journal"));
    }
}
