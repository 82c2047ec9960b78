//! Claim matching over the statements of a generated ~50 MB corpus.
//!
//! `cargo bench --bench attribute`. Outside the timed part, the corpus is
//! generated (see `benches/common`), its statements are extracted in parallel
//! and 1,000 claims are built from the generator's own word and phrase pools,
//! so they overlap with the statements the way real claims do: some echo a
//! stock clause or quote and match many statements, many mix pool words and
//! match few, and some carry words the corpus never uses and match none.
//! Matching reports claims/s: on rayon's pool and on a single thread.

mod common;

use std::sync::OnceLock;

use divan::counter::ItemsCount;
use whosaid::attribute::{self, DEFAULT_THRESHOLD, Index};
use whosaid::claims::Claim;
use whosaid::corpus::{Corpus, Document};
use whosaid::error::Location;
use whosaid::extract::Extractor;
use whosaid::model::Statement;

use common::Rng;
use common::pools::*;

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const SEED: u64 = 0x5EED;
const CLAIM_SEED: u64 = 0xC1A1;
const CLAIMS: usize = 1000;

fn main() {
    divan::main();
}

/// CI's smoke run (`-- --test`) only checks that each bench runs: a tenth
/// of the corpus and 20 claims keep it to seconds.
fn smoke() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// The statements of the generated corpus.
fn statements() -> &'static [Statement] {
    static STATEMENTS: OnceLock<Vec<Statement>> = OnceLock::new();
    STATEMENTS.get_or_init(|| {
        let target = if smoke() {
            TARGET_BYTES / 10
        } else {
            TARGET_BYTES
        };
        let docs: Vec<Document> = common::generate(target, SEED)
            .into_iter()
            .map(|(name, text)| Document::new(name, text))
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let corpus = Corpus {
            docs,
            warnings: vec![],
        };
        let statements = Extractor::default().corpus(&corpus);
        eprintln!(
            "attribute bench: {} statements from {} documents ({:.1} MB)",
            statements.len(),
            corpus.docs.len(),
            bytes as f64 / (1024.0 * 1024.0)
        );
        statements
    })
}

/// The index over [`statements`], built once.
fn index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(statements()))
}

fn claims() -> &'static [Claim] {
    static CLAIMS_: OnceLock<Vec<Claim>> = OnceLock::new();
    CLAIMS_.get_or_init(|| make_claims(CLAIMS, CLAIM_SEED))
}

// ---- claims -------------------------------------------------------------------

/// Words the generator never writes, for claims that should match nothing.
const FOREIGN: &[&str] = &[
    "penguins",
    "volcano",
    "saxophone",
    "quantum",
    "glacier",
    "marathon",
    "astronauts",
    "cathedral",
    "chess",
    "orchestra",
    "submarine",
    "vineyard",
    "telescope",
    "bicycle",
    "honeybees",
    "lighthouse",
];

/// Expands the pools' `{…}` placeholders (a simpler cousin of the
/// generator's: any topic, any surname).
fn expand(rng: &mut Rng, tpl: &str) -> String {
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = i + rest[i..].find('}').expect("closed placeholder");
        match &rest[i + 1..j] {
            "'" => out.push('\''),
            "dash" => out.push_str(" - "),
            "org" | "Org" => out.push_str(rng.pick(&ORGS)),
            "outlet" => out.push_str(rng.pick(&OUTLETS)),
            "place" => out.push_str(rng.pick(&PLACES)),
            "topic" | "topic_cap" => {
                let t = rng.pick(&TOPICS).0;
                let t = expand(rng, t);
                out.push_str(&t);
            }
            "n" => out.push_str(&rng.range(2, 5000).to_string()),
            "few" => out.push_str(&rng.range(2, 25).to_string()),
            "pct" => out.push_str(&rng.range(1, 95).to_string()),
            "year" => out.push_str(&rng.range(2008, 2025).to_string()),
            "day" => out.push_str(rng.pick(&DAYS)),
            "date" => {
                let m = rng.pick(&MONTHS);
                out.push_str(&format!("{m} {}", rng.range(1, 28)));
            }
            "person" | "Person_pos" => out.push_str(rng.pick(&SURNAMES)),
            "scare" => out.push_str(rng.pick(&PARTIAL_NOUNS)),
            other => panic!("unknown placeholder {{{other}}}"),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

/// A phrase in the corpus's own words, as the generator writes them.
fn corpus_phrase(rng: &mut Rng) -> String {
    let tpl = match rng.below(15) {
        // A reported clause, as in `X noted that CLAUSE`.
        0..=5 => format!(
            "{} {}{}",
            rng.pick(&SUBJECTS),
            rng.pick(&PREDICATES),
            rng.pick(&TAILS)
        ),
        // A stock quote sentence.
        6..=8 => format!("{}{}", rng.pick(&QUOTE_OPENERS), rng.pick(&QUOTE_SENTENCES)),
        // A generated quote: subject and predicate.
        9..=10 => format!("{} {}", rng.pick(&QUOTE_SUBJECTS), rng.pick(&PREDICATES)),
        // A partial-quote judgement about a topic.
        11..=12 => format!(
            "{{topic}} is {} {}",
            indefinite(rng.pick(&PARTIAL_NOUNS)),
            rng.pick(&PARTIAL_NOUNS)
        ),
        13 => format!("{{topic}} is {}", rng.pick(&ADJECTIVES)),
        // Narrative (unattributed in the corpus).
        _ => rng.pick(&NARRATIVE).to_string(),
    };
    expand(rng, &tpl)
}

/// One to three consecutive words from an unrelated pool phrase.
fn snippet(rng: &mut Rng) -> String {
    let src = match rng.below(6) {
        0 => rng.pick(&PREDICATES),
        1 => rng.pick(&QUOTE_SENTENCES),
        2 => rng.pick(&NARRATIVE),
        3 => rng.pick(&ADJECTIVES),
        4 => rng.pick(&PARTIAL_NOUNS),
        _ => rng.pick(&TOPICS).0,
    };
    let src = expand(rng, src);
    let ws: Vec<&str> = src.split_whitespace().collect();
    let k = rng.range(1, 3.min(ws.len()));
    let at = rng.below(ws.len() - k + 1);
    ws[at..at + k].join(" ")
}

fn indefinite(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The text of one claim of `len` words.
///
/// A quarter are windows of a phrase the corpus repeats (match many
/// statements); a fifth are such windows with one word swapped for one the
/// corpus never uses; the rest are snippets of unrelated phrases, some with
/// foreign words, and a tenth are mostly foreign words (match none).
fn claim_text(rng: &mut Rng, len: usize) -> String {
    let kind = rng.below(100);
    let mut words: Vec<String> = Vec::new();
    while words.len() < len {
        let p = match kind {
            0..=44 => corpus_phrase(rng),
            45..=89 => snippet(rng),
            _ => rng.pick(FOREIGN).to_string(),
        };
        words.extend(p.split_whitespace().map(str::to_string));
    }
    // A window of `len` words, usually from the start.
    let at = if rng.chance(60) {
        0
    } else {
        rng.below(words.len() - len + 1)
    };
    let mut words = words[at..at + len].to_vec();
    let foreign = match kind {
        25..=44 => 1,
        75..=89 => rng.range(1, 2),
        90..=99 => {
            // Keep one corpus word among the foreign ones.
            let i = rng.below(len);
            words[i] = rng.pick(&SUBJECTS).to_string();
            0
        }
        _ => 0,
    };
    for _ in 0..foreign {
        let i = rng.below(len);
        words[i] = rng.pick(FOREIGN).to_string();
    }
    words.join(" ")
}

/// `n` claims of 3–12 words, the same for the same seed.
fn make_claims(n: usize, seed: u64) -> Vec<Claim> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|k| {
            let len = rng.range(3, 12);
            Claim {
                id: format!("bench-{k:04}"),
                claim: claim_text(&mut rng, len),
                phrasings: vec![],
                keywords: vec![],
                threshold: None,
                expect: None,
                location: Location {
                    path: "bench".into(),
                    line: 1,
                    column: 1,
                },
            }
        })
        .collect()
}

// ---- benchmarks ---------------------------------------------------------------

/// `Index::new` over all statements (words, postings, document frequencies).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn index_build(bencher: divan::Bencher) {
    let statements = statements();
    bencher.bench(|| Index::new(statements));
}

/// 1,000 claims on rayon's pool (parallel over claims). One sample: a
/// single pass takes about a minute on 2 cores.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn attribute_1000_claims(bencher: divan::Bencher) {
    let (index, claims) = (index(), claims());
    bencher
        .counter(ItemsCount::new(claims.len()))
        .bench(|| attribute::attribute(claims, index, DEFAULT_THRESHOLD));
}

/// The same 1,000 claims in a one-thread rayon pool (about two minutes).
#[divan::bench(sample_count = 1, sample_size = 1)]
fn attribute_1000_claims_single_thread(bencher: divan::Bencher) {
    let (index, claims) = (index(), claims());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    bencher
        .counter(ItemsCount::new(claims.len()))
        .bench(|| pool.install(|| attribute::attribute(claims, index, DEFAULT_THRESHOLD)));
}

/// The statements repeated `times` over, each copy under other document
/// names: an archive that many times the size, with the same word mix.
fn replicated(times: usize) -> &'static [Statement] {
    type Copies = Vec<(usize, &'static [Statement])>;
    static COPIES: OnceLock<std::sync::Mutex<Copies>> = OnceLock::new();
    let copies = COPIES.get_or_init(Default::default);
    let mut copies = copies.lock().unwrap();
    if let Some(&(_, s)) = copies.iter().find(|(t, _)| *t == times) {
        return s;
    }
    let base = statements();
    let mut all = Vec::with_capacity(base.len() * times);
    for copy in 0..times {
        all.extend(base.iter().map(|s| {
            let mut s = s.clone();
            if copy > 0 {
                s.span.doc = format!("copy{copy}/{}", s.span.doc);
            }
            s
        }));
    }
    let leaked: &'static [Statement] = Vec::leak(all);
    copies.push((times, leaked));
    leaked
}

/// 1,000 claims against the corpus's statements once, twice and four times
/// over (about 356k, 713k and 1.4M statements), on rayon's pool: the time
/// should grow with the statements, not faster. Each line's time divided by
/// the first is the growth to compare with the size ratio.
#[divan::bench(args = [1, 2, 4], sample_count = 1, sample_size = 1)]
fn attribute_1000_claims_scaling(bencher: divan::Bencher, times: usize) {
    let statements = replicated(times);
    let index = Index::new(statements);
    let claims = &claims()[..if smoke() { 20 } else { CLAIMS }];
    bencher
        .counter(ItemsCount::new(claims.len()))
        .bench(|| attribute::attribute(claims, &index, DEFAULT_THRESHOLD));
}
