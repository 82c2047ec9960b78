//! Deterministic generator of news-like articles for benchmarks and tests.
//!
//! `generate(target_bytes, seed)` returns `(name, text)` pairs of 2–8 KB each
//! until their total reaches `target_bytes`. The same seed always gives the same
//! corpus (a SplitMix64 PRNG, no external crates). Articles mix every
//! construction the extractor handles — direct quotes before and after the
//! cue, colon quotes, `told OUTLET`, interrupted, partial and multi-paragraph
//! quotes, `noted that …`, `…, X said.`, `According to X, …`, `In his view, …`,
//! `…, reports OUTLET.`, appositives, pronoun and surname back-references — with
//! plain narrative, headlines and `FILE - ` captions, straight/curly/« » quote
//! marks, both apostrophes, dashes and the odd unbalanced quote mark.
//!
//! Used by `benches/extract.rs` and, through `#[path]`, by `tests/generator.rs`.
#![allow(dead_code)]

pub mod pools;

use std::path::{Path, PathBuf};

use pools::*;

/// Smallest and largest article, in bytes.
pub const MIN_DOC: usize = 2 * 1024;
pub const MAX_DOC: usize = 8 * 1024;

/// SplitMix64: tiny, fast, and good enough for picking words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x243F_6A88_85A3_08D3)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(1000) < percent as usize * 10
    }

    /// True with probability `permille`/1000.
    pub fn permille(&mut self, permille: u32) -> bool {
        self.below(1000) < permille as usize
    }

    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// Generates articles until their total size reaches `target_bytes`.
pub fn generate(target_bytes: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let mut docs = Vec::with_capacity(target_bytes / ((MIN_DOC + MAX_DOC) / 2) + 1);
    let mut total = 0;
    while total < target_bytes {
        let name = format!("{:06}_{:016x}.txt", docs.len(), rng.next_u64());
        let text = Article::new(&mut rng).write();
        total += text.len();
        docs.push((name, text));
    }
    docs
}

/// Writes `generate(target_bytes, seed)` into `dir` (created if missing), one
/// `.txt` file per article; returns the paths written.
pub fn write_corpus(dir: &Path, target_bytes: usize, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    generate(target_bytes, seed)
        .into_iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text)?;
            Ok(path)
        })
        .collect()
}

/// One person in an article's cast.
struct Person {
    first: &'static str,
    last: &'static str,
    female: bool,
    title: Option<&'static str>,
    role: String,
    relative: String,
    mentioned: bool,
}

/// Per-article typography.
struct Style {
    open: &'static str,
    close: &'static str,
    apos: &'static str,
    dash: &'static str,
    para_sep: &'static str,
    /// British placement: `"Q", he said.`
    punct_outside: bool,
}

const QUOTE_MARKS: &[(&str, &str)] = &[
    ("\"", "\""),
    ("\"", "\""),
    ("\u{201C}", "\u{201D}"),
    ("\u{201C}", "\u{201D}"),
    ("\u{00AB}", "\u{00BB}"),
    ("\u{00AB}\u{00A0}", "\u{00A0}\u{00BB}"),
];
const DASHES: &[&str] = &[" \u{2014} ", "\u{2014}", " \u{2013} ", " - "];

const AFTER_VERBS: &[&str] = &[
    "said",
    "said",
    "said",
    "says",
    "added",
    "explained",
    "insisted",
    "warned",
    "argued",
    "noted",
    "stressed",
    "recalled",
    "wrote",
    "told reporters",
    "said in a statement",
    "said on {day}",
    "concluded",
    "admitted",
    "told {outlet}",
    "said in an interview",
];
const THAT_VERBS: &[&str] = &[
    "noted",
    "added",
    "stressed",
    "explained",
    "confirmed",
    "admitted",
    "announced",
    "warned",
    "claimed",
    "argued",
    "insisted",
    "said",
    "said",
    "told {outlet}",
    "revealed",
    "acknowledged",
    "suggested",
    "emphasised",
    "denied",
    "said on {day}",
    "wrote on Telegram",
    "told reporters in {place}",
];
const BARE_VERBS: &[&str] = &[
    "said",
    "said",
    "claimed",
    "argued",
    "insisted",
    "warned",
    "maintained",
    "told {outlet}",
    "says",
];
const VIEW_FRAMES: &[&str] = &[
    "In {his} view, ",
    "In {his} opinion, ",
    "As {he} sees it, ",
    "For {him}, ",
    "In {his} words, ",
];

struct Article<'r> {
    rng: &'r mut Rng,
    style: Style,
    topic: (&'static str, &'static str),
    outlet: &'static str,
    cast: Vec<Person>,
    last: Option<usize>,
    target: usize,
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `a` or `an` before `word`.
fn indefinite(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl<'r> Article<'r> {
    fn new(rng: &'r mut Rng) -> Self {
        let (open, close) = rng.pick(QUOTE_MARKS);
        let style = Style {
            open,
            close,
            apos: if rng.chance(50) { "'" } else { "\u{2019}" },
            dash: rng.pick(DASHES),
            para_sep: if rng.chance(50) { "\n" } else { "\n\n" },
            punct_outside: rng.chance(10),
        };
        let topic = rng.pick(&TOPICS);
        let outlet = rng.pick(&OUTLETS);
        let target = rng.range(MIN_DOC, MAX_DOC);
        let mut art = Article {
            rng,
            style,
            topic,
            outlet,
            cast: Vec::new(),
            last: None,
            target,
        };
        let n = art.rng.range(2, 5);
        for _ in 0..n {
            let female = art.rng.chance(45);
            let first = if female {
                art.rng.pick(&FEMALE_FIRST)
            } else {
                art.rng.pick(&MALE_FIRST)
            };
            let last = art.rng.pick(&SURNAMES);
            let title = if art.rng.chance(12) {
                Some(art.rng.pick(&TITLES))
            } else {
                None
            };
            let role_tpl = art.rng.pick(&ROLES);
            let role = art.expand(role_tpl);
            let rel_tpl = art.rng.pick(&RELATIVES);
            let relative = art.expand(rel_tpl);
            art.cast.push(Person {
                first,
                last,
                female,
                title,
                role,
                relative,
                mentioned: false,
            });
        }
        art
    }

    // ---- placeholders -------------------------------------------------------

    /// Expands `{…}` placeholders (see `pools`).
    fn expand(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 32);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let j = rest[i..]
                .find('}')
                .map(|j| i + j)
                .expect("closed placeholder");
            let key = &rest[i + 1..j];
            self.placeholder(key, &mut out);
            rest = &rest[j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn placeholder(&mut self, key: &str, out: &mut String) {
        match key {
            "'" => out.push_str(self.style.apos),
            "dash" => out.push_str(self.style.dash),
            "org" => out.push_str(self.rng.pick(&ORGS)),
            "Org" => out.push_str(&capitalize(self.rng.pick(&ORGS))),
            "outlet" => out.push_str(self.rng.pick(&OUTLETS)),
            "place" => out.push_str(self.rng.pick(&PLACES)),
            "topic" => {
                // Mostly the article's own topic, sometimes another one.
                let t = if self.rng.chance(75) {
                    self.topic.0
                } else {
                    self.rng.pick(&TOPICS).0
                };
                let t = self.expand(t);
                out.push_str(&t);
            }
            "topic_cap" => {
                let t = self.expand(self.topic.0);
                out.push_str(&capitalize(&t));
            }
            "n" => {
                let n = match self.rng.below(4) {
                    0 => self.rng.range(2, 12),
                    1 => self.rng.range(13, 99),
                    2 => self.rng.range(100, 999),
                    _ => self.rng.range(1000, 50_000),
                };
                out.push_str(&n.to_string());
            }
            "day" => out.push_str(self.rng.pick(&DAYS)),
            "date" => {
                let m = self.rng.pick(&MONTHS);
                let d = self.rng.range(1, 28);
                out.push_str(m);
                out.push(' ');
                out.push_str(&d.to_string());
            }
            "few" => out.push_str(&self.rng.range(2, 25).to_string()),
            "pct" => out.push_str(&self.rng.range(1, 95).to_string()),
            "year" => out.push_str(&self.rng.range(2008, 2025).to_string()),
            "person" => out.push_str(self.some_surname()),
            "Person_pos" => {
                let s = self.some_surname();
                out.push_str(s);
                out.push_str(self.style.apos);
                if !s.ends_with('s') {
                    out.push('s');
                }
            }
            "scare" => {
                let w = self.rng.pick(&PARTIAL_NOUNS);
                out.push_str(self.style.open);
                out.push_str(w);
                out.push_str(self.style.close);
            }
            other => panic!("unknown placeholder {{{other}}}"),
        }
    }

    /// A surname from the cast (mostly) or from the pool.
    fn some_surname(&mut self) -> &'static str {
        if self.rng.chance(80) {
            let i = self.rng.below(self.cast.len().max(1));
            if let Some(p) = self.cast.get(i) {
                return p.last;
            }
        }
        self.rng.pick(&SURNAMES)
    }

    // ---- people -------------------------------------------------------------

    /// A cast member to speak next: often the previous speaker again.
    fn speaker(&mut self) -> usize {
        match self.last {
            Some(i) if self.rng.chance(40) => i,
            _ => self.rng.below(self.cast.len()),
        }
    }

    fn full_name(&self, i: usize) -> String {
        let p = &self.cast[i];
        match p.title {
            Some(t) => format!("{t} {} {}", p.first, p.last),
            None => format!("{} {}", p.first, p.last),
        }
    }

    /// How to mention person `i` now: full name on first mention, then surname,
    /// title + surname, or a pronoun if they were the last speaker. The second
    /// value is the role, to be set as an appositive, on first mentions.
    fn mention(&mut self, i: usize, allow_pronoun: bool) -> (String, Option<String>) {
        let was_last = self.last == Some(i);
        self.last = Some(i);
        let p = &self.cast[i];
        if !p.mentioned {
            let name = self.full_name(i);
            let role = self.rng.chance(75).then(|| self.cast[i].role.clone());
            self.cast[i].mentioned = true;
            return (name, role);
        }
        if was_last && allow_pronoun && self.rng.chance(55) {
            return ((if p.female { "she" } else { "he" }).to_string(), None);
        }
        let r = self.rng.below(100);
        let name = match p.title {
            Some(t) if r < 50 => format!("{t} {}", p.last),
            None if r < 12 => format!("{} {}", if p.female { "Ms." } else { "Mr." }, p.last),
            _ if r > 95 => format!("{} {}", p.first, p.last),
            _ => p.last.to_string(),
        };
        (name, None)
    }

    /// `Name, role,` (before a verb) or `Name` / `he`.
    fn who_mid(&mut self, i: usize, allow_pronoun: bool) -> String {
        match self.mention(i, allow_pronoun) {
            (n, Some(role)) => format!("{n}, {role},"),
            (n, None) => n,
        }
    }

    /// `Name, role` (sentence-final) or `Name` / `he`.
    fn who_end(&mut self, i: usize, allow_pronoun: bool) -> String {
        match self.mention(i, allow_pronoun) {
            (n, Some(role)) => format!("{n}, {role}"),
            (n, None) => n,
        }
    }

    /// Surname (or full name on first mention), never a pronoun.
    fn who_named(&mut self, i: usize) -> String {
        self.mention(i, false).0
    }

    fn pronoun(&self, i: usize, form: &str) -> &'static str {
        let f = self.cast[i].female;
        match form {
            "he" => {
                if f {
                    "she"
                } else {
                    "he"
                }
            }
            "him" => {
                if f {
                    "her"
                } else {
                    "him"
                }
            }
            _ => {
                if f {
                    "her"
                } else {
                    "his"
                }
            }
        }
    }

    // ---- text pieces --------------------------------------------------------

    /// A reported clause, lowercase start unless it begins with a proper noun.
    fn clause(&mut self) -> String {
        match self.rng.below(10) {
            0 => {
                let inner = self.simple_clause();
                format!("there was no evidence that {inner}")
            }
            1 => {
                let t = self.expand("{topic}");
                let adj = self.rng.pick(&ADJECTIVES);
                format!("{t} was {adj}")
            }
            2 => {
                let inner = self.simple_clause();
                format!("it was too early to say whether {inner}")
            }
            3 => {
                let a = self.simple_clause();
                let b = self.simple_clause();
                format!("{a}, but {b}")
            }
            _ => self.simple_clause(),
        }
    }

    fn simple_clause(&mut self) -> String {
        let s = self.rng.pick(&SUBJECTS);
        let p = self.rng.pick(&PREDICATES);
        let t = self.rng.pick(&TAILS);
        let mut c = self.expand(s);
        c.push(' ');
        c.push_str(&self.expand(p));
        c.push_str(&self.expand(t));
        c
    }

    /// One quoted sentence, capitalized, without final punctuation.
    fn quote_sentence(&mut self) -> String {
        match self.rng.below(10) {
            0..=2 => {
                let s = self.rng.pick(&QUOTE_SENTENCES);
                self.expand(s)
            }
            3 => {
                let adj = self.rng.pick(&ADJECTIVES);
                let t = self.expand("{topic}");
                match self.rng.below(3) {
                    0 => format!("This is {adj} for {t}"),
                    1 => format!("It{}s {adj}", self.style.apos),
                    _ => format!("What happened in {} is {adj}", self.rng.pick(&PLACES)),
                }
            }
            4 => {
                let a = self.quote_sentence();
                let b = self.simple_clause();
                format!("{a}{}{b}", self.style.dash)
            }
            _ => {
                let opener = self.rng.pick(&QUOTE_OPENERS);
                let opener = self.expand(opener);
                let subj_tpl = self.rng.pick(&QUOTE_SUBJECTS);
                let mut subj = self.expand(subj_tpl);
                if !opener.is_empty() && !subj_tpl.starts_with('{') && subj != "I" {
                    subj = lowercase_first(&subj);
                }
                let p = self.rng.pick(&PREDICATES);
                let p = self.expand(p);
                let t = self.rng.pick(&TAILS);
                let t = self.expand(t);
                format!("{opener}{subj} {p}{t}")
            }
        }
    }

    /// 1..=max quoted sentences joined, without the last one's punctuation.
    fn quote_body(&mut self, max: usize) -> String {
        let n = self.rng.range(1, max);
        let mut out = String::new();
        for k in 0..n {
            if k > 0 {
                out.push_str(match self.rng.below(40) {
                    0 => "? ",
                    1 => "! ",
                    _ => ". ",
                });
            }
            out.push_str(&self.quote_sentence());
        }
        out
    }

    /// `OPEN body PUNCT CLOSE` (or `OPEN body CLOSE PUNCT` in British style
    /// for commas), and rarely with one mark missing.
    fn quoted(&mut self, body: &str, punct: &str) -> String {
        let (mut open, mut close) = (self.style.open, self.style.close);
        if self.rng.permille(15) {
            if self.rng.chance(50) {
                close = "";
            } else {
                open = "";
            }
        } else if self.rng.permille(20) {
            // A stray quote of the other family.
            let (o, c) = self.rng.pick(QUOTE_MARKS);
            open = o;
            close = c;
        }
        if self.style.punct_outside && punct == "," {
            format!("{open}{body}{close}{punct}")
        } else {
            format!("{open}{body}{punct}{close}")
        }
    }

    /// A fragment for a partial quote; `noun` when the frame needs a noun phrase.
    fn partial_fragment(&mut self, noun: bool) -> String {
        match self.rng.below(3) + usize::from(noun) {
            0 => self.rng.pick(&ADJECTIVES).to_string(),
            1 => {
                let adj = self.rng.pick(&ADJECTIVES);
                let noun = self.rng.pick(&PARTIAL_NOUNS);
                if adj.contains(' ') {
                    format!("{} {noun}", indefinite(noun))
                } else {
                    format!("{} {adj} {noun}", indefinite(adj))
                }
            }
            _ => {
                let noun = self.rng.pick(&PARTIAL_NOUNS);
                format!("{} {noun}", indefinite(noun))
            }
        }
    }

    fn verb(&mut self, pool: &[&str]) -> String {
        let v = self.rng.pick(pool);
        self.expand(v)
    }

    // ---- sentences ----------------------------------------------------------

    /// One sentence (or, for multi-paragraph quotes, several paragraphs).
    fn sentence(&mut self, first_in_para: bool) -> String {
        let roll = self.rng.below(100);
        match roll {
            // "Q," NAME said.  /  "Q," said NAME.
            0..=11 => {
                let i = self.speaker();
                let body = self.quote_body(3);
                let q = self.quoted(&body, ",");
                if self.rng.chance(25) {
                    let who = self.who_end(i, false);
                    format!("{q} said {who}.")
                } else {
                    let who = self.who_mid(i, true);
                    let v = self.verb(AFTER_VERBS);
                    format!("{q} {who} {v}.")
                }
            }
            // NAME said: "Q."
            12..=16 => {
                let i = self.speaker();
                let who = capitalize(&self.who_mid(i, true));
                let v = self.verb(&[
                    "said",
                    "told {outlet}",
                    "wrote on X",
                    "added",
                    "told reporters",
                ]);
                let body = self.quote_body(3);
                let q = self.quoted(&body, ".");
                format!("{who} {v}: {q}")
            }
            // "Q," says NAME, who runs ORG.
            17..=19 => {
                let i = self.speaker();
                let body = self.quote_body(2);
                let q = self.quoted(&body, ",");
                let who = self.who_named(i);
                let rel = self.cast[i].relative.clone();
                format!("{q} says {who}, {rel}.")
            }
            // Says NAME: "Q."
            20..=21 => {
                let i = self.speaker();
                let who = self.who_named(i);
                let body = self.quote_body(2);
                let q = self.quoted(&body, ".");
                format!("Says {who}: {q}")
            }
            // "Q," NAME told OUTLET.
            22..=26 => {
                let i = self.speaker();
                let body = self.quote_body(3);
                let q = self.quoted(&body, ",");
                let who = self.who_mid(i, true);
                let outlet = self.rng.pick(&OUTLETS);
                let extra = self
                    .rng
                    .pick(&["", "", " in an interview", " on {day}", " last week"]);
                let extra = self.expand(extra);
                format!("{q} {who} told {outlet}{extra}.")
            }
            // "A," he said. "B."  /  "A," he said, "b."
            27..=31 => {
                let i = self.speaker();
                let a = self.quote_body(2);
                let qa = self.quoted(&a, ",");
                let who = self.who_mid(i, true);
                let v = self.verb(&["said", "said", "added", "explained", "continued"]);
                let b = self.quote_body(2);
                if self.rng.chance(30) {
                    let qb = self.quoted(&lowercase_first(&b), ".");
                    format!("{qa} {who} {v}, {qb}")
                } else {
                    let qb = self.quoted(&b, ".");
                    format!("{qa} {who} {v}. {qb}")
                }
            }
            // complained they had become "…"
            32..=36 => {
                let i = self.speaker();
                let frame = self.rng.pick(&PARTIAL_FRAMES);
                let who = self.who_mid(i, true);
                let noun = frame.contains("{qn}");
                let frag = self.partial_fragment(noun);
                let q = self.quoted(&frag, "");
                let pron = self.pronoun(i, "he");
                let clause = if frame.contains("{clause}") {
                    self.clause()
                } else {
                    String::new()
                };
                let s = frame
                    .replace("{who}", &who)
                    .replace("{q}", &q)
                    .replace("{qn}", &q)
                    .replace("{pron}", pron)
                    .replace("{clause}", &clause);
                self.expand(&s)
            }
            // X is "shocking," says NAME.
            37..=39 => {
                let i = self.speaker();
                let subj = self.rng.pick(&[
                    "The decision",
                    "The ruling",
                    "The arrest",
                    "What happened in {place}",
                    "{topic_cap}",
                    "The new law",
                    "The situation",
                ]);
                let subj = self.expand(subj);
                let adj = self.rng.pick(&ADJECTIVES);
                let q = self.quoted(adj, ",");
                let who = self.who_end(i, false);
                format!("{subj} is {q} says {who}.")
            }
            // NAME noted that CLAUSE.
            40..=46 => {
                let i = self.speaker();
                let who = capitalize(&self.who_mid(i, true));
                let v = self.verb(THAT_VERBS);
                let c = self.clause();
                if self.rng.chance(25) {
                    let v = self.verb(BARE_VERBS);
                    format!("{who} {v} {c}.")
                } else {
                    format!("{who} {v} that {c}.")
                }
            }
            // CLAUSE, SURNAME said.
            47..=52 => {
                let i = self.speaker();
                let c = capitalize(&self.clause());
                let who = self.who_mid(i, true);
                let v = self.verb(&[
                    "said",
                    "said",
                    "added",
                    "says",
                    "argued",
                    "claimed",
                    "told {outlet}",
                ]);
                if self.rng.chance(15) {
                    let who = self.who_end(i, false);
                    format!("{c}, said {who}.")
                } else {
                    format!("{c}, {who} {v}.")
                }
            }
            // According to NAME, CLAUSE.
            53..=58 => {
                let c = self.clause();
                let src = match self.rng.below(5) {
                    0 => self.rng.pick(&OUTLETS).to_string(),
                    1 => format!("a statement from {}", self.rng.pick(&ORGS)),
                    _ => {
                        let i = self.speaker();
                        self.who_end(i, false)
                    }
                };
                if self.rng.chance(25) {
                    format!("{}, according to {src}.", capitalize(&c))
                } else {
                    format!("According to {src}, {c}.")
                }
            }
            // In his view, CLAUSE.
            59..=61 => {
                let i = self.last.unwrap_or_else(|| self.speaker());
                let frame = self.rng.pick(VIEW_FRAMES);
                let frame = frame
                    .replace("{his}", self.pronoun(i, "his"))
                    .replace("{him}", self.pronoun(i, "him"))
                    .replace("{he}", self.pronoun(i, "he"));
                let c = self.clause();
                format!("{frame}{c}.")
            }
            // CLAUSE, reports OUTLET.
            62..=65 => {
                let c = self.clause();
                let o = self.rng.pick(&OUTLETS);
                match self.rng.below(3) {
                    0 => format!("{}, reports {o}.", capitalize(&c)),
                    1 => format!("{}, {o} reported.", capitalize(&c)),
                    _ => format!("{} reported that {c}.", capitalize(o)),
                }
            }
            // NAME, ROLE, said …
            66..=70 => {
                let i = self.speaker();
                let name = self.full_name(i);
                self.cast[i].mentioned = true;
                self.last = Some(i);
                let role = self.cast[i].role.clone();
                let c = self.clause();
                match self.rng.below(3) {
                    0 => format!("{name}, {role}, said {c}."),
                    1 => {
                        let d = self.rng.pick(&DAYS);
                        format!("{name}, {role}, said on {d} that {c}.")
                    }
                    _ => {
                        let o = self.rng.pick(&OUTLETS);
                        format!("{name}, {role}, told {o} that {c}.")
                    }
                }
            }
            // Organisations.
            71..=74 => {
                let org = self.rng.pick(&ORGS);
                match self.rng.below(3) {
                    0 => {
                        let c = self.clause();
                        format!("{org} said in a statement that {c}.")
                    }
                    1 => {
                        let body = self.quote_body(2);
                        let q = self.quoted(&body, ".");
                        format!("A spokesperson for {org} said: {q}")
                    }
                    _ => {
                        let body = self.quote_body(2);
                        let q = self.quoted(&body, ",");
                        format!("{q} a spokesperson for {org} said.")
                    }
                }
            }
            // Unnamed sources and groups.
            75..=78 => match self.rng.below(4) {
                0 => {
                    let body = self.quote_body(2);
                    let q = self.quoted(&body, ",");
                    let u = self.rng.pick(&UNNAMED);
                    let u = self.expand(u);
                    format!("{q} said {u}.")
                }
                1 => {
                    let body = self.quote_body(2);
                    let q = self.quoted(&body, ",");
                    let u = self.rng.pick(&UNNAMED);
                    let u = self.expand(u);
                    format!("{q} reads a Telegram message from {u}, as cited by the publication.")
                }
                _ => {
                    let g = self.rng.pick(&GROUPS);
                    let v = self.verb(&["said", "warned", "say", "argue", "have warned", "noted"]);
                    let c = self.clause();
                    format!("{g} {v} that {c}.")
                }
            },
            // Multi-paragraph quote, at the start of a paragraph only.
            79..=80 if first_in_para => {
                let i = self.speaker();
                let n = self.rng.range(2, 3);
                let mut out = String::new();
                for k in 0..n {
                    let body = self.quote_body(3);
                    if k + 1 < n {
                        out.push_str(self.style.open);
                        out.push_str(&body);
                        out.push('.');
                        out.push_str(self.style.para_sep);
                    } else {
                        let q = self.quoted(&body, ",");
                        let who = self.who_mid(i, true);
                        out.push_str(&format!("{q} {who} said."));
                    }
                }
                out
            }
            // Questions.
            81 => {
                let i = self.speaker();
                let body = self.quote_body(2);
                let q = self.quoted(&body, "?");
                let who = self.who_mid(i, true);
                format!("{q} {who} asked.")
            }
            // Plain narrative.
            _ => {
                let s = self.rng.pick(&NARRATIVE);
                self.expand(s)
            }
        }
    }

    fn paragraph(&mut self) -> String {
        if self.rng.chance(4) {
            // A subheading.
            let h = self.expand(self.topic.1);
            return h;
        }
        let n = self.rng.range(1, 4);
        let mut out = String::new();
        for k in 0..n {
            let s = self.sentence(k == 0);
            let multi = s.contains('\n');
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&capitalize(&s));
            if multi {
                break;
            }
        }
        out
    }

    fn headline(&mut self) -> String {
        let h = self.expand(self.topic.1);
        match self.rng.below(6) {
            0 | 1 => format!("{h} - {}", self.outlet),
            2 => h,
            3 => {
                let i = self.rng.below(self.cast.len());
                let s = self.cast[i].last;
                let c = self.simple_clause();
                format!("{s} says {c}")
            }
            4 => format!("{h}: what we know"),
            _ => {
                let frag = self.partial_fragment(true);
                let q = self.quoted(&capitalize(&frag), "");
                format!("{q}: {h}")
            }
        }
    }

    fn caption(&mut self) -> String {
        let i = self.rng.below(self.cast.len());
        let name = self.full_name(i);
        let role = self.cast[i].role.clone();
        let place = self.rng.pick(&PLACES);
        let date = self.expand("{date}, {year}");
        format!(
            "FILE - {name}, {role}, speaks during a news conference in {place}, on {date}. (AP Photo, File)"
        )
    }

    fn write(mut self) -> String {
        let mut out = String::with_capacity(self.target + 1024);
        let sep = self.style.para_sep;
        out.push_str(&self.headline());
        out.push_str(sep);
        if self.rng.chance(25) {
            let f = self.rng.pick(&MALE_FIRST);
            let l = self.rng.pick(&SURNAMES);
            out.push_str(&format!("By {f} {l}"));
            out.push_str(sep);
        }
        if self.rng.chance(15) {
            out.push_str(&self.caption());
            out.push_str(sep);
        }
        while out.len() < self.target {
            let p = self.paragraph();
            if out.len() + p.len() + sep.len() > MAX_DOC {
                if out.len() >= MIN_DOC {
                    break;
                }
                continue;
            }
            out.push_str(&p);
            out.push_str(sep);
        }
        out
    }
}
