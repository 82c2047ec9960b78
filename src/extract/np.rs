//! Noun phrases inside one sentence: who the subject of a speech verb is,
//! what follows a quote, and the appositives that give a speaker's role.

use std::borrow::Cow;

use super::scan::{Quote, Tok, TokKind};
use crate::lexicon::words;
use crate::lexicon::{self, ClauseKind, Lexicon};

/// One sentence's tokens, with the look-ups the rules need.
pub struct Sent<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// The lowercase form of each token (empty for punctuation and quotes).
    pub lows: &'a [Cow<'a, str>],
    /// Each token's speech-verb entry in the lexicon, looked up once.
    pub verbs: &'a [Option<ClauseKind>],
    /// Each token's WordNet word-class bits ([`lexicon::verb_class`]), looked up once.
    pub classes: &'a [u8],
    pub quotes: &'a [Quote],
    pub lex: &'a Lexicon,
}

/// What a noun phrase denotes.
#[derive(Debug, Clone, PartialEq)]
pub enum NpKind {
    /// A proper name (`Nazar Tokar`, `The Wall Street Journal`).
    Name(String),
    /// `he`, `they`, `him` (lowercase).
    Pronoun(String),
    /// `his statements`: the possessive (lowercase).
    Possessive(String),
    /// `the police official`: determiner and head noun (lowercase).
    Description { det: Option<String>, head: String },
    /// A quoted name (`"Kursor"`).
    Quoted(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Np {
    pub kind: NpKind,
    /// Surface text of the mention.
    pub mention: String,
    /// Role from a title, pre-title or appositive.
    pub role: Option<String>,
    /// A nearby word says this is an outlet (`the publication "X"`).
    pub outlet_hint: bool,
    /// A personal pronoun refers to it, so it is a person.
    pub person_hint: bool,
    /// Coordinated names (`Ana Ruiz and Li Wei`): one group speaker.
    pub group_hint: bool,
    /// First and one-past-last token of the phrase.
    pub first: usize,
    pub end: usize,
}

/// The lowercase form of every token: words borrow from the text unless
/// they hold a capital or a curly apostrophe, which becomes `'` so that word
/// tests see `doesn’t` as `doesn't`; punctuation and quotes are empty.
pub fn lowercase_tokens<'a>(
    text: &'a str,
    lower_text: &'a str,
    base: usize,
    toks: &[Tok],
) -> Vec<Cow<'a, str>> {
    toks.iter()
        .map(|t| match t.kind {
            // `lower_text` is the paragraph ASCII-lowercased, offsets unchanged.
            TokKind::Word => {
                let w = &text[t.start..t.end];
                if w.is_ascii() {
                    Cow::Borrowed(&lower_text[t.start - base..t.end - base])
                } else if w.contains('’') {
                    Cow::Owned(w.to_lowercase().replace('’', "'"))
                } else {
                    lower(w)
                }
            }
            _ => Cow::Borrowed(""),
        })
        .collect()
}

/// The lexicon's speech-verb entry and the WordNet class bits of every
/// token, from one look-up per token.
pub fn token_entries(lows: &[Cow<'_, str>], lex: &Lexicon) -> (Vec<Option<ClauseKind>>, Vec<u8>) {
    lows.iter()
        .map(|w| {
            if w.is_empty() {
                (None, 0)
            } else {
                lex.token(w)
            }
        })
        .unzip()
}

/// Lowercases only when needed.
pub fn lower(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// `word` occurs capitalised after a lowercase word somewhere in `text`, as a
/// name does and a sentence-initial imperative does not.
pub fn named_mid_sentence(text: &str, word: &str) -> bool {
    let found = |w: &str| {
        memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|i| {
            let after = text[i + w.len()..].chars().next();
            let before = text[..i].trim_end_matches(' ');
            i > before.len()
                && !after.is_some_and(char::is_alphanumeric)
                && before.chars().next_back().is_some_and(char::is_lowercase)
        })
    };
    // A transcript's "TRUMP:" is the "Trump" of the running text.
    let title_case = || {
        let mut cs = word.chars();
        cs.next()
            .map(|c| c.to_string() + &cs.as_str().to_lowercase())
            .unwrap_or_default()
    };
    found(word)
        || (word.len() > 1 && word.chars().all(|c| !c.is_lowercase()) && found(&title_case()))
}

/// A noun that names people or a body of them (`advisers`, `voters`, `the campaign`).
fn is_person_head(w: &str) -> bool {
    words::is_agent_noun(w) && !words::is_function_word(w)
}

/// Plural peoples: `Russians`, `Americans`, `Chinese`, `British`.
fn is_demonym(w: &str) -> bool {
    w.ends_with("ans")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ch")
        || w.ends_with("is")
}

/// Strips a possessive `’s` / `'s`.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

fn is_part_of_day(w: &str) -> bool {
    matches!(
        w,
        "morning" | "afternoon" | "evening" | "night" | "week" | "month" | "year"
    )
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl<'a> Sent<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        matches!(t.kind, TokKind::Word).then(|| &self.text[t.start..t.end])
    }

    pub fn lw(&self, i: usize) -> Option<Cow<'a, str>> {
        let t = self.toks.get(i)?;
        let lows: &'a [Cow<'a, str>] = self.lows;
        matches!(t.kind, TokKind::Word).then(|| Cow::Borrowed(lows[i].as_ref()))
    }

    /// The lowercase form of word `i`, borrowed from the paragraph's table.
    pub fn low(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        matches!(t.kind, TokKind::Word).then(|| self.lows[i].as_ref())
    }

    /// Word `i`'s WordNet word-class bits, from the paragraph's table.
    pub fn class(&self, i: usize) -> u8 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// Word `i` is a finite verb: an auxiliary, a modal or a form that can
    /// only be finite ([`lexicon::is_finite`]).
    pub fn finite(&self, i: usize) -> bool {
        self.low(i).is_some_and(words::is_finite_marker) || lexicon::is_finite_class(self.class(i))
    }

    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.low(i).is_some_and(|x| x == w)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn quote(&self, i: usize) -> Option<&'a Quote> {
        match self.toks.get(i)?.kind {
            TokKind::Quote(q) => Some(&self.quotes[q]),
            _ => None,
        }
    }

    pub fn quote_inner(&self, i: usize) -> Option<&'a str> {
        self.quote(i)
            .map(|q| &self.text[q.inner_start..q.inner_end])
    }

    /// A capitalised word that can belong to a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        if !is_capitalised(w) {
            return false;
        }
        let l = strip_possessive(self.low(i).unwrap_or_default());
        // At a sentence's start a capital says nothing: "Standing with
        // activists, …" opens with a participle, "Despite …" with a preposition.
        let opener = i == 0
            && (self.lex.verb(l).is_some()
                || words::is_preposition(l)
                || self.class(i) == lexicon::class::ING);
        !(words::is_function_word(l) || opener)
    }

    /// Most words capitalised, as in a headline: at least four words, three
    /// in four with a capital.
    pub fn is_title_case(&self) -> bool {
        let (mut words, mut caps) = (0, 0);
        for i in 0..self.len() {
            if let Some(w) = self.word(i) {
                words += 1;
                caps += usize::from(is_capitalised(w));
            }
        }
        words >= 4 && caps * 4 >= words * 3
    }

    /// A speech verb at `i`, not used as a noun (`a report`), an infinitive
    /// (`declined to comment`) or a passive (`is said to`).
    pub fn cue(&self, i: usize) -> Option<ClauseKind> {
        let w = self.word(i)?;
        let kind = self.verbs[i]?;
        // "United States", "Reports": a capital is a name, except in a
        // title-case headline sentence ("Clinton Says Russians Hacked DNC.").
        if is_capitalised(w)
            && i != 0
            && !(matches!(kind, ClauseKind::Bare | ClauseKind::That)
                && self.is_title_case()
                && self.is_name_word(i - 1))
        {
            return None;
        }
        // "is touting", "were warning": a progressive, unlike "is said to".
        let progressive = w.ends_with("ing")
            && i > 0
            && self
                .lw(i - 1)
                .is_some_and(|p| matches!(p.as_ref(), "is" | "was" | "are" | "were" | "been"));
        if !progressive && i > 0 && self.lw(i - 1).is_some_and(|p| words::blocks_cue(&p)) {
            return None;
        }
        // "400 pledged delegates", "more pledged delegates": a participle
        // after a number or quantity modifies the noun after it.
        if i > 0
            && self.class(i) & lexicon::class::PAST != 0
            && self.lw(i - 1).is_some_and(|p| {
                p.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(p.as_ref(), "more" | "fewer" | "most")
            })
            && self
                .lw(i + 1)
                .is_some_and(|n| !words::is_subject_pronoun(&n) && !words::is_function_word(&n))
        {
            return None;
        }
        Some(kind)
    }

    pub fn span(&self, first: usize, end: usize) -> (usize, usize) {
        (self.toks[first].start, self.toks[end - 1].end)
    }

    pub fn slice(&self, first: usize, end: usize) -> &'a str {
        let (s, e) = self.span(first, end);
        &self.text[s..e]
    }

    /// A quote that is a name or title rather than speech: short, title-cased,
    /// with no sentence punctuation (`"Kursor"`, `"Supporters of the Islamic State"`).
    pub fn is_name_quote(&self, i: usize) -> bool {
        let Some(inner) = self.quote_inner(i) else {
            return false;
        };
        let inner = inner.trim();
        if inner.is_empty() || inner.ends_with(['.', ',', '!', '?', '…', ';', ':']) {
            return false;
        }
        let ws: Vec<&str> = inner.split_whitespace().collect();
        ws.len() <= 5
            && ws
                .iter()
                .all(|w| is_capitalised(w) || words::is_name_connector(&lower(w)) || *w == "the")
    }

    /// Classifies tokens `a..b` as a noun phrase.
    pub fn np_span(&self, a: usize, b: usize) -> Option<Np> {
        let (mut a, mut b) = (a, b);
        while a < b && self.punct(a).is_some() {
            a += 1;
        }
        while b > a && self.punct(b - 1).is_some() {
            b -= 1;
        }
        // "Sanders himself": an emphatic reflexive is not part of the name.
        if b > a + 1
            && self.lw(b - 1).is_some_and(|w| {
                matches!(w.as_ref(), "himself" | "herself" | "themselves" | "itself")
            })
        {
            b -= 1;
        }
        if a >= b || b - a > 14 {
            return None;
        }
        // "a Telegram message from one of the bloggers": the source follows "from".
        if let Some(f) = (a..b).rev().find(|&i| self.is_word(i, "from"))
            && f + 1 < b
        {
            return self.np_span(f + 1, b);
        }
        if self.quote(b - 1).is_some() {
            if !self.is_name_quote(b - 1) {
                return None;
            }
            let name = self.quote_inner(b - 1)?.trim().to_string();
            let pre = self.role_words(a, b - 1);
            let _outlet_hint =
                (a..b - 1).any(|i| self.lw(i).is_some_and(|w| words::is_outlet_noun(&w)));
            return Some(Np {
                kind: NpKind::Quoted(name.clone()),
                mention: name,
                role: pre,
                outlet_hint: true,
                person_hint: false,
                group_hint: false,
                first: a,
                end: b,
            });
        }
        if (a..b).any(|i| self.quote(i).is_some()) {
            return None;
        }
        let last = self.lw(b - 1)?;
        if b - a == 1 && (words::is_subject_pronoun(&last) || words::is_object_pronoun(&last)) {
            return Some(self.plain_np(NpKind::Pronoun(last.into_owned()), a, b));
        }
        let first = self.lw(a)?;
        if matches!(first.as_ref(), "his" | "her" | "their" | "my" | "our") {
            return Some(self.plain_np(NpKind::Possessive(first.into_owned()), a, b));
        }
        // "the Russians", "the French": a people, not a name.
        if b - a == 2 && first == "the" && self.is_name_word(b - 1) && is_demonym(&last) {
            return Some(self.plain_np(
                NpKind::Description {
                    det: Some("the".into()),
                    head: last.into_owned(),
                },
                a,
                b,
            ));
        }
        // "Officials said": a capital that only marks the sentence's start is
        // a common noun, an unnamed source.
        if b - a == 1
            && a == 0
            && self
                .low(0)
                .is_some_and(|w| words::is_agent_noun(w) && w.ends_with('s'))
            // "Sanders said": a surname the article also uses mid-sentence.
            && !self.word(0).is_some_and(|w| named_mid_sentence(self.text, w))
        {
            let head = last.into_owned();
            return Some(self.plain_np(NpKind::Description { det: None, head }, a, b));
        }
        // "a spokesman for Clinton", "aides to the governor", "officials in
        // Washington": the person noun heads the phrase; the name after the
        // preposition is whom they speak for, not the speaker.
        if let Some((k, h)) = (a + 1..b - 1).find_map(|k| Some((k, self.complement_head(k)?)))
            && h >= a
            && (a..k).all(|i| self.word(i).is_some() && (i == 0 || !self.is_name_word(i)))
        {
            let det = words::is_determiner(&first).then(|| first.into_owned());
            let head = self.low(h).unwrap_or_default().to_string();
            return Some(self.plain_np(NpKind::Description { det, head }, a, b));
        }
        // "72 percent of Democrats": a share of a group, not the group's name.
        if first.starts_with(|c: char| c.is_ascii_digit())
            && (a + 1..b).any(|k| self.is_word(k, "of"))
        {
            let head = last.into_owned();
            return Some(self.plain_np(NpKind::Description { det: None, head }, a, b));
        }
        // "George Zornick of The Nation", "Rep. Tom Cole of Oklahoma": a
        // person's name, then where they are from or write for.
        if let Some(o) = (a + 2..b.saturating_sub(1)).find(|&o| self.is_word(o, "of"))
            && self.is_name_word(o - 1)
            && (self.is_name_word(o + 1) || self.is_word(o + 1, "the"))
            && (a..o).all(|i| self.word(i).is_some())
        {
            let run = self.run_back(o - 1, a);
            let mut np = self.name_np(a, run, o);
            let person =
                np.person_hint
                    || np.role.is_some()
                    || np.mention.split_whitespace().next().is_some_and(|w| {
                        np.mention.contains(' ') && lexicon::is_first_name(&lower(w))
                    });
            if person {
                np.end = b;
                np.person_hint = true;
                let affiliation = self.slice(o, b).to_string();
                np.role = Some(match np.role.take() {
                    Some(r) => format!("{r} {affiliation}"),
                    None => affiliation,
                });
                return Some(np);
            }
        }
        if self.is_name_word(b - 1) {
            let run = self.run_back(b - 1, a);
            // "Ana Ruiz and Li Wei": coordinated names are one group speaker.
            if run >= a + 2 && self.is_word(run - 1, "and") && self.is_name_word(run - 2) {
                let first = self.run_back(run - 2, a);
                if first == a || self.lw(first - 1).is_some_and(|w| words::is_title(&w)) {
                    let mut np = self.name_np(a, first, b);
                    np.group_hint = true;
                    return Some(np);
                }
            }
            return Some(self.name_np(a, run, b));
        }
        // A description: keep determiners, head is the last word. A slash
        // joins two names ("an NBC News/Wall Street Journal poll").
        if !(a..b).all(|i| {
            self.word(i).is_some()
                || (self.punct(i) == Some('/')
                    && i > a
                    && self.is_name_word(i - 1)
                    && self.is_name_word(i + 1))
        }) {
            return None;
        }
        // "A poll released Tuesday": a participle after the head noun opens a
        // reduced relative clause; the phrase ends before it.
        // "those surveyed" is a whole description.
        if let Some(k) = (a + 1..b).find(|&k| {
            self.lw(k).is_some_and(|_| {
                let c = self.class(k);
                c & lexicon::class::PAST != 0 && c & lexicon::class::BASE == 0
            }) && self.lw(k - 1).is_some_and(|p| {
                !words::is_determiner(&p)
                    && !p.ends_with("ly")
                    && !words::is_possessive(&p)
                    && p != "those"
            })
                // "half of registered voters", "52 percent of Democratic
                // registered voters": after "of" or a number, before a noun,
                // an adjective ("Mr. Obama freed seven men" has a verb).
                && !(k + 1 < b && self.adjective_slot(k))
        }) {
            return self.np_span(a, k);
        }
        if !self.plausible_description(a, b) {
            return None;
        }
        let det = words::is_determiner(&first).then(|| first.into_owned());
        // "advisers to the governor": the person noun before the
        // preposition heads the phrase, not the noun at its end.
        let head = (a + 1..b)
            .find(|&k| self.low(k).is_some_and(words::is_preposition))
            .and_then(|k| self.low(k - 1).filter(|h| is_person_head(h)))
            .map_or_else(|| last.into_owned(), str::to_string);
        Some(self.plain_np(NpKind::Description { det, head }, a, b))
    }

    /// The head of a phrase whose complement the preposition at `p` opens:
    /// `advisers to the governor`, `sources close to her campaign`,
    /// `people briefed on the talks`, `one in five`.
    fn complement_head(&self, p: usize) -> Option<usize> {
        let w = self.low(p)?;
        if !matches!(w, "to" | "for" | "at" | "in" | "with" | "on") || p == 0 {
            return None;
        }
        let number = |i: usize| {
            self.low(i).is_some_and(|x| {
                x.starts_with(|c: char| c.is_ascii_digit()) || words::is_number_word(x)
            })
        };
        if w == "in" && number(p - 1) && number(p + 1) {
            return Some(p - 1);
        }
        // A capital that only starts the sentence is no name.
        let head =
            |i: usize| (i == 0 || !self.is_name_word(i)) && self.low(i).is_some_and(is_person_head);
        if head(p - 1) {
            return Some(p - 1);
        }
        let linking = self.low(p - 1).is_some_and(|x| {
            matches!(
                x,
                "close"
                    | "closest"
                    | "familiar"
                    | "briefed"
                    | "privy"
                    | "loyal"
                    | "opposed"
                    | "allied"
                    | "aligned"
                    | "involved"
                    | "knowledgeable"
                    | "connected"
                    | "sympathetic"
                    | "friendly"
                    | "hostile"
                    | "critical"
            )
        });
        (linking && p >= 2 && head(p - 2)).then_some(p - 2)
    }

    /// Word `k` stands where an adjective does: after "of" or a number,
    /// maybe past one capitalised adjective (`of Democratic registered`).
    fn adjective_slot(&self, k: usize) -> bool {
        let mut p = k;
        if p >= 2 && self.is_name_word(p - 1) {
            p -= 1;
        }
        p > 0
            && self
                .low(p - 1)
                .is_some_and(|w| w == "of" || w.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Words that can be a described speaker (`the former harbour master`,
    /// `public filings`), not a clause fragment (`she revised her statement`,
    /// `more important than`, `60 percent`).
    fn plausible_description(&self, a: usize, b: usize) -> bool {
        let Some(head) = self.lw(b - 1) else {
            return false;
        };
        // "a source close to him": an agent noun carries the phrase.
        let agent = (a..b).any(|i| {
            self.lw(i)
                .is_some_and(|w| words::is_agent_noun(&w) && !words::is_function_word(&w))
        });
        // "Several said …", "Most say …": a quantity alone is a subject.
        let quantity = b - a == 1
            && matches!(
                head.as_ref(),
                "several"
                    | "many"
                    | "most"
                    | "some"
                    | "few"
                    | "half"
                    | "others"
                    | "another"
                    | "both"
                    | "all"
            );
        if (words::is_function_word(&head) && !quantity)
            || (!agent && words::is_object_pronoun(&head))
            || words::is_pronoun_contraction(&head)
            || matches!(head.as_ref(), "such" | "only" | "minor" | "than")
            || lexicon::is_ly_adverb(&head)
        {
            return false;
        }
        // A phrase opened by a negation, a preposition or a contraction is no
        // subject ("after remaining neutral", "who's").
        if self.lw(a).is_some_and(|w| {
            matches!(w.as_ref(), "not" | "no" | "nor" | "who's" | "what's")
                || (words::is_preposition(&w) && w != "of")
                || words::is_pronoun_contraction(&w)
        }) {
            return false;
        }
        if b - a > 1
            && self
                .lw(a)
                .is_some_and(|w| words::is_subject_pronoun(&w) || words::is_pronoun_contraction(&w))
        {
            return false;
        }
        !(a..b).any(|i| {
            self.lw(i).is_some_and(|w| {
                let class = self.class(i);
                let object_follows = i + 1 < b
                    && self.lw(i + 1).is_some_and(|n| {
                        words::is_determiner(&n)
                            || words::is_possessive(&n)
                            || words::is_preposition(&n)
                            || matches!(n.as_ref(), "more" | "less" | "much")
                    });
                words::is_finite_marker(&w)
                    || (class & lexicon::class::S3 != 0 && class & lexicon::class::NOUN == 0)
                    || (class & lexicon::class::PAST != 0 && object_follows)
                    || (i == b - 1 && class == lexicon::class::ING)
            })
        })
    }

    /// A phrase with no role or hints: its words are its mention.
    fn plain_np(&self, kind: NpKind, a: usize, b: usize) -> Np {
        Np {
            kind,
            mention: self.slice(a, b).to_string(),
            role: None,
            outlet_hint: false,
            person_hint: false,
            group_hint: false,
            first: a,
            end: b,
        }
    }

    /// Start of the capitalised run ending at `last`, not before `floor`.
    fn run_back(&self, last: usize, floor: usize) -> usize {
        let mut s = last;
        while s > floor {
            if self.is_name_word(s - 1) {
                s -= 1;
            } else if s >= floor + 2
                && self
                    .lw(s - 1)
                    .is_some_and(|w| words::is_name_connector(&w) && w != "and")
                && self.is_name_word(s - 2)
            {
                s -= 2;
            } else {
                break;
            }
        }
        // "The Wall Street Journal": keep a leading "The" when it makes a known outlet.
        if s > floor && self.is_word(s - 1, "the") {
            let with_the = self.slice(s - 1, last + 1);
            if self.lex.is_outlet(with_the) {
                s -= 1;
            }
        }
        s
    }

    /// A name whose capitalised run is `run..end`, with `a..run` as pre-title.
    fn name_np(&self, a: usize, run: usize, end: usize) -> Np {
        // Leading titles belong to the role: "Apple CEO Tim Cook", "President Putin".
        let mut name_start = run;
        for i in run..end.saturating_sub(1) {
            // A peerage is part of the name: "Lord Butler" is not "Butler".
            let peerage = self.lw(i).is_some_and(|w| words::is_peerage(&w));
            if !peerage
                && self
                    .lw(i)
                    .is_some_and(|w| words::is_title(&w) || words::is_person_noun(&w))
            {
                name_start = i + 1;
            }
        }
        // An honorific is no role: "Ms. Tchen", "Sir Keith Mills".
        // "Secretary of State John Kerry": the title's complement is part of
        // the role; the name starts at the first name after it.
        if name_start < end && self.is_word(name_start, "of") {
            name_start = (name_start + 1..end)
                .find(|&k| self.low(k).is_some_and(lexicon::is_first_name))
                .unwrap_or((name_start + 2).min(end.saturating_sub(1)));
        }
        let pre = self.role_words(a, name_start);
        let honorific = pre.as_deref().is_some_and(|r| {
            matches!(
                r.trim_end_matches('.').to_lowercase().as_str(),
                "mr" | "mrs" | "ms" | "miss" | "mx" | "sir" | "dame"
            )
        });
        let role = pre.filter(|_| !honorific);
        let outlet_hint =
            (a..name_start).any(|i| self.lw(i).is_some_and(|w| words::is_outlet_noun(&w)));
        // "Rep. Tom Cole of Oklahoma": a person's name ends before "of" and
        // the place it names; "Bank of America" has no first name and stays whole.
        let titled = name_start > a;
        let name_end = (name_start + 2..end.saturating_sub(1))
            .find(|&o| {
                self.is_word(o, "of")
                    && (name_start..o).all(|i| self.is_name_word(i))
                    && (titled || self.low(name_start).is_some_and(lexicon::is_first_name))
            })
            .unwrap_or(end);
        let name = strip_possessive(self.slice(name_start, name_end)).to_string();
        Np {
            kind: NpKind::Name(name.clone()),
            mention: name,
            role,
            outlet_hint,
            // "Mr. Putin" is a person whatever the name alone suggests.
            person_hint: honorific,
            group_hint: false,
            first: a,
            end,
        }
    }

    /// Words `a..b` as a role: leading determiners and possessives dropped.
    pub fn role_words(&self, a: usize, b: usize) -> Option<String> {
        let mut a = a;
        while a < b
            && (self.punct(a).is_some()
                || self
                    .lw(a)
                    .is_some_and(|w| words::is_determiner(&w) || words::is_possessive(&w)))
        {
            a += 1;
        }
        // "Says Stalinsky:", "Adds Mr. Ng:": an inverted cue, not a title;
        // "who says that": a verb phrase.
        // ("State Department spokesman" is a title.)
        if a < b && self.cue(a).is_some() {
            match self
                .word(a)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            {
                true if self.lw(a).is_some_and(|w| w.ends_with('s')) => a += 1,
                true => {}
                false => return None,
            }
        }
        let mut b = b;
        while b > a && self.punct(b - 1).is_some() {
            b -= 1;
        }
        // "created by him": a verb phrase, not a title.
        let verbal = (a..b).any(|i| {
            self.lw(i).is_some_and(|w| {
                words::is_object_pronoun(&w)
                    || words::is_subject_pronoun(&w)
                    || words::is_finite_marker(&w)
            })
        }) || self
            .lw(a)
            .is_some_and(|w| w.ends_with("ed") && !w.ends_with("eed"));
        (a < b && b - a <= 16 && !verbal).then(|| self.slice(a, b).to_string())
    }

    /// Skips adverbs and auxiliaries backwards from `v` (exclusive).
    fn skip_fillers_back(&self, v: usize, floor: usize) -> usize {
        let mut e = v;
        loop {
            if e > floor
                && self.lw(e - 1).is_some_and(|w| {
                    words::is_verb_filler(&w)
                        || matches!(w.as_ref(), "not" | "did" | "does" | "do" | "don't" | "doesn't" | "didn't")
                        // "politely suggested", "recently wrote": an adverb.
                        || (lexicon::is_ly_adverb(&w) && !self.is_name_word(e - 1))
                        // "have been urging", "is telling": a progressive, not a passive.
                        || (matches!(w.as_ref(), "been" | "is" | "are" | "was" | "were")
                            && self.low(v).is_some_and(|x| x.ends_with("ing")))
                })
            {
                e -= 1;
            } else if e > floor + 1
                // "Mayor Hart on Friday said": a time phrase is not the subject.
                && self.lw(e - 1).is_some_and(|w| words::is_time_word(&w) || is_part_of_day(&w))
                && self.lw(e - 2).is_some_and(|w| matches!(w.as_ref(), "on" | "last" | "this" | "late" | "early"))
            {
                e -= 2;
            } else if e > floor + 2
                // "Spicer on Thursday evening said"
                && self.lw(e - 1).is_some_and(|w| is_part_of_day(&w))
                && self.lw(e - 2).is_some_and(|w| words::is_time_word(&w))
                && self.lw(e - 3).is_some_and(|w| matches!(w.as_ref(), "on" | "late" | "early"))
            {
                e -= 3;
            } else if let Some(open) = self.party_tag_before(e, floor) {
                e = open;
            } else {
                return e;
            }
        }
    }

    /// `Rep. Gregory Meeks (D-N.Y.)`: the parenthesised party tag ending at
    /// `e`; its opening parenthesis.
    fn party_tag_before(&self, e: usize, floor: usize) -> Option<usize> {
        if e < floor + 3 || self.punct(e - 1) != Some(')') {
            return None;
        }
        let open = (e.saturating_sub(8).max(floor)..e - 1)
            .rev()
            .find(|&k| self.punct(k) == Some('('))?;
        let text = self.slice(open, e);
        words::is_party_tag(text.trim_matches(|c| c == '(' || c == ')')).then_some(open)
    }

    /// The first token at or after `i` that is not an adverb between a
    /// subject and its verb (`Trump also said`).
    pub fn skip_verb_fillers(&self, i: usize) -> usize {
        let mut j = i;
        while self
            .lw(j)
            .is_some_and(|w| words::is_verb_filler(&w) || lexicon::is_ly_adverb(&w))
        {
            j += 1;
        }
        j
    }

    /// Where the adverbs before the verb at `v` begin: `would only say` → `only`.
    pub fn skip_fillers_back_from(&self, v: usize) -> usize {
        let mut e = v;
        while e > 0
            && self.low(e - 1).is_some_and(|w| {
                matches!(
                    w,
                    "only"
                        | "not"
                        | "also"
                        | "never"
                        | "just"
                        | "even"
                        | "still"
                        | "again"
                        | "publicly"
                        | "privately"
                        | "later"
                        | "then"
                )
            })
        {
            e -= 1;
        }
        e
    }

    /// The subject of the speech verb at `v`.
    pub fn subject_of(&self, v: usize) -> Option<Np> {
        let e = self.skip_fillers_back(v, 0);
        if e == 0 {
            return None;
        }
        let t = e - 1;
        if let Some(w) = self.lw(t) {
            if matches!(w.as_ref(), "and" | "but" | "then") {
                return self.sentence_subject();
            }
            // "Beck, who said …" / "voters who said …": the relative names its
            // antecedent; the mention at the cue is "who".
            let antecedent = if w == "who" && t > 0 && self.punct(t - 1) == Some(',') {
                self.appositive_subject(t - 1)
            } else if w == "who" && t > 0 && self.word(t - 1).is_some() {
                let start = self.phrase_start(t - 1);
                self.np_span(start, t)
            } else {
                None
            };
            if w == "who" {
                return antecedent.map(|np| Np {
                    mention: "who".to_string(),
                    ..np
                });
            }
        }
        if self.punct(t) == Some(',') {
            if self.word(v).is_some_and(|w| w.ends_with("ing")) {
                return self.sentence_subject();
            }
            return self.appositive_subject(t);
        }
        // "Jason Sims — a teacher from Mount Pleasant — says": the name
        // before the dashes, the appositive between them its role.
        if matches!(self.punct(t), Some('—' | '–'))
            && let Some(d) = (t.saturating_sub(14)..t)
                .rev()
                .find(|&d| matches!(self.punct(d), Some('—' | '–')))
            && d > 0
            && self.word(d - 1).is_some()
        {
            let start = self.phrase_start(d - 1);
            let mut np = self.np_span(start, d)?;
            if matches!(np.kind, NpKind::Name(_)) && np.role.is_none() {
                np.role = self.role_words(d + 1, t);
            }
            return Some(np);
        }
        if self.quote(t).is_some() {
            return self.np_span(t, t + 1);
        }
        // "42% say": the percentage is the subject.
        if self.punct(t) == Some('%')
            && t > 0
            && self
                .low(t - 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            let head = "%".to_string();
            return Some(self.plain_np(NpKind::Description { det: None, head }, t - 1, t + 1));
        }
        let w = self.lw(t)?;
        if words::is_subject_pronoun(&w) {
            return self.np_span(t, e);
        }
        // "He's predicting", "they've said": the pronoun of the contraction.
        if let Some((pronoun, _)) = w.split_once('\'')
            && words::is_subject_pronoun(pronoun)
            && !matches!(pronoun, "it" | "that")
        {
            let surface = self.word(t)?;
            let mut np = self.plain_np(NpKind::Pronoun(pronoun.to_string()), t, e);
            np.mention = surface[..pronoun.len()].to_string();
            return Some(np);
        }
        let start = self.phrase_start(t);
        self.np_span(start, e)
    }

    /// Where the noun phrase ending at `t` begins: back to a comma, a clause
    /// boundary or a preposition other than "of" — except for an anonymous
    /// source, which runs from its article to the comma before it ("…, a
    /// person familiar with the talks said").
    fn phrase_start(&self, t: usize) -> usize {
        let comma = (t.saturating_sub(10)..=t)
            .rev()
            .find(|&i| self.word(i).is_none())
            .map_or(0, |i| i + 1);
        if comma <= t
            && (comma == 0 || self.punct(comma - 1) == Some(','))
            && self.lw(comma).is_some_and(|w| {
                matches!(
                    w.as_ref(),
                    "a" | "an" | "one" | "two" | "three" | "several" | "some"
                )
            })
            && (comma..=t).all(|i| self.word(i).is_some())
        {
            return comma;
        }
        self.plain_phrase_start(t)
    }

    fn plain_phrase_start(&self, t: usize) -> usize {
        let mut s = t;
        while s > 0 && t - s < 9 {
            let p = s - 1;
            match self.lw(p) {
                None => break,
                Some(w) => {
                    if w == "and" {
                        // "U.S. and European officials"
                        if self.is_name_word(s) && p > 0 && self.is_name_word(p - 1) {
                            s = p;
                            continue;
                        }
                        break;
                    }
                    // "advisers to the governor", "officials in Washington":
                    // a person noun's complement is part of the phrase.
                    let complement = self.complement_head(p).is_some();
                    if (words::is_clause_boundary(&w) || words::is_preposition(&w))
                        && w != "of"
                        && !complement
                    {
                        break;
                    }
                    // An inflected speech verb ends the phrase; a bare form may be a
                    // noun inside it ("state insurance regulators").
                    let inflected = w.ends_with("ed") || w.ends_with('s') || w.ends_with("ing");
                    if words::is_finite_marker(&w) || (inflected && self.lex.verb(&w).is_some()) {
                        break;
                    }
                    s = p;
                }
            }
        }
        // A phrase never starts with "of".
        while s < t && self.is_word(s, "of") {
            s += 1;
        }
        s
    }

    /// The speaker in `NAME, ROLE,` / `ROLE, NAME,` before the comma at `t`.
    pub fn appositive_subject(&self, t: usize) -> Option<Np> {
        // Comma-separated segments, right to left.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut end = t;
        let mut i = t;
        while i > 0 && segs.len() < 5 {
            i -= 1;
            if self.punct(i) == Some(',') {
                segs.push((i + 1, end));
                end = i;
            }
        }
        if segs.len() < 5 {
            // The leftmost segment runs from the last clause boundary.
            let mut s = end;
            while s > 0 {
                if self.punct(s - 1).is_some()
                    || self.lw(s - 1).is_some_and(|w| {
                        words::is_clause_boundary(&w) && !(w == "and" && self.is_name_word(s))
                    })
                {
                    break;
                }
                s -= 1;
            }
            segs.push((s, end));
        }
        for k in 0..segs.len() {
            let (a, b) = segs[k];
            if a >= b {
                continue;
            }
            // "Sen. Elizabeth Warren, D-Mass., said": the tag is no speaker.
            if words::is_party_tag(self.slice(a, b).trim_end_matches(['.', ','])) {
                continue;
            }
            let Some(mut np) = self.np_span(a, b) else {
                continue;
            };
            if !matches!(np.kind, NpKind::Name(_) | NpKind::Quoted(_)) {
                continue;
            }
            // "Marisol Ibáñez, a director at cybersecurity firm Ridgeline Labs,
            // said": a segment opened by an article is a role; a name at its
            // end is where the speaker works, not the speaker.
            let role_segment = segs.len() > k + 1
                && self
                    .lw(a)
                    .is_some_and(|w| matches!(w.as_ref(), "a" | "an" | "the"))
                && !self.is_name_word(a + 1);
            if role_segment {
                continue;
            }
            // "a doctor in Dayton, Ohio,": a place continuing a place name.
            let place_tail = segs.get(k + 1).is_some_and(|&(pa, pb)| {
                pb > pa
                    && self.is_name_word(pb - 1)
                    && self
                        .oblique_preposition(pa, pb)
                        .is_some_and(|p| matches!(p.as_ref(), "in" | "from" | "near" | "outside"))
            }) && np.end - np.first <= 3;
            // "head of Kremlingram": a name after a preposition is part of a role.
            if place_tail || self.is_oblique(np.first, np.end) {
                continue;
            }
            if k > 0 {
                np.role = self.role_words(segs[k - 1].0, segs[k - 1].1);
            } else if let Some(&(pa, pb)) = segs.get(1) {
                let starts_det = self
                    .lw(pa)
                    .is_some_and(|w| words::is_determiner(&w) || words::is_possessive(&w));
                if starts_det && np.role.is_none() {
                    np.role = self.role_words(pa, pb);
                }
            }
            return Some(np);
        }
        // "The spokesman, visibly angry, said": fall back to a described subject.
        let (a, b) = *segs.last()?;
        self.np_span(a, b)
            .filter(|np| matches!(np.kind, NpKind::Description { .. } | NpKind::Pronoun(_)))
    }

    /// The subject at the start of the sentence, past an introductory phrase.
    pub fn sentence_subject(&self) -> Option<Np> {
        let mut i = 0;
        if self.lw(0).is_some_and(|w| {
            words::is_function_word(&w)
                && !words::is_subject_pronoun(&w)
                && !words::is_determiner(&w)
        }) {
            i = (0..self.len()).find(|&k| self.punct(k) == Some(','))? + 1;
        }
        let w = self.lw(i)?;
        if words::is_subject_pronoun(&w) {
            return self.np_span(i, i + 1);
        }
        if self.quote(i).is_some() {
            return self.np_span(i, i + 1);
        }
        let mut j = i;
        if self.is_name_word(i) || self.is_word(i, "the") {
            j = i + 1;
            while self.is_name_word(j) {
                j += 1;
            }
        }
        if j == i || (j == i + 1 && self.is_word(i, "the")) {
            // A described subject: up to the first verb-like word.
            j = i;
            while j < self.len() && j - i < 6 {
                let Some(w) = self.lw(j) else { break };
                if words::is_finite_marker(&w) || self.cue(j).is_some() {
                    break;
                }
                j += 1;
            }
        }
        self.np_span(i, j)
    }

    /// A noun phrase starting at `i` and running to a comma, a clause word,
    /// a preposition other than of/from/by, or (if `stop_at_cue`) a speech verb.
    pub fn np_forward(&self, i: usize, stop_at_cue: bool) -> Option<Np> {
        let mut j = i;
        while j < self.len() && j - i < 14 {
            if self.punct(j).is_some() {
                break;
            }
            if stop_at_cue && self.cue(j).is_some() {
                break;
            }
            if let Some(w) = self.lw(j)
                && j > i
                && (matches!(w.as_ref(), "who" | "which" | "that" | "as" | "whose")
                    || words::is_finite_marker(&w)
                    // "told Politico he had …": the clause's subject.
                    || words::is_subject_pronoun(&w)
                    || words::is_pronoun_contraction(&w)
                    // "Vestby Airport posted on its website"
                    || (self.is_name_word(j - 1) && (w.ends_with("ed") || w.ends_with("ing")))
                    || (words::is_preposition(&w) && !matches!(w.as_ref(), "of" | "from" | "by")))
            {
                break;
            }
            j += 1;
            if self.quote(j - 1).is_some() {
                break;
            }
        }
        self.np_span(i, j)
    }

    /// The capitalised name run starting at `i` (`TechCrunch earlier this year` → `TechCrunch`).
    pub fn name_at(&self, i: usize) -> Option<String> {
        if !self.is_name_word(i) && !self.is_word(i, "the") {
            return None;
        }
        let mut j = i + 1;
        while self.is_name_word(j) {
            j += 1;
        }
        let np = self.np_span(i, j)?;
        match np.kind {
            NpKind::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The name ending a phrase `a..b` follows a preposition (`head of the X`).
    fn is_oblique(&self, a: usize, b: usize) -> bool {
        self.oblique_preposition(a, b).is_some()
    }

    /// The preposition before the name that ends the phrase `a..b`, if any.
    fn oblique_preposition(&self, a: usize, b: usize) -> Option<Cow<'a, str>> {
        let mut i = b.saturating_sub(1);
        loop {
            if i > a && (self.is_name_word(i - 1) || self.quote(i - 1).is_some()) {
                i -= 1;
            } else if i > a + 1
                // "Tom Cole of Oklahoma" is one name run, as in `run_back`.
                && self.lw(i - 1).is_some_and(|w| words::is_name_connector(&w) && w != "and")
                && self.is_name_word(i - 2)
            {
                i -= 2;
            } else {
                break;
            }
        }
        let mut p = i;
        while p > a && self.lw(p - 1).is_some_and(|w| words::is_determiner(&w)) {
            p -= 1;
        }
        if p > a {
            self.lw(p - 1).filter(|w| words::is_preposition(w))
        } else {
            None
        }
    }

    /// Comma-delimited segment starting at `i` (used for roles after a name).
    pub fn segment_from(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.len()
            && self.punct(j) != Some(',')
            && self.cue(j).is_none()
            && self.quote(j).is_none()
        {
            j += 1;
        }
        j
    }

    /// The first comma at or after `i`, or the sentence's end.
    pub fn segment_end(&self, i: usize) -> usize {
        (i..self.len())
            .find(|&j| self.punct(j) == Some(','))
            .unwrap_or(self.len())
    }

    /// Last token index that is not punctuation, +1.
    pub fn trim_end(&self, a: usize, b: usize) -> usize {
        let mut b = b;
        while b > a && self.punct(b - 1).is_some() {
            b -= 1;
        }
        b
    }
}
