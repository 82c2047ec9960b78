//! Extraction throughput over a generated ~50 MB corpus of news-like articles.
//!
//! `cargo bench --bench extract`. The corpus is generated once (see
//! `benches/common`), outside the timed part, and reported in bytes so divan
//! prints MB/s.

mod common;

use std::sync::OnceLock;

use divan::counter::BytesCount;
use whosaid::corpus::{Corpus, Document};
use whosaid::extract::Extractor;

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const SEED: u64 = 0x5EED;

fn main() {
    divan::main();
}

/// The generated corpus and its size in bytes.
fn corpus() -> &'static (Corpus, usize) {
    static CORPUS: OnceLock<(Corpus, usize)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let docs: Vec<Document> = common::generate(TARGET_BYTES, SEED)
            .into_iter()
            .map(|(name, text)| Document::new(name, text))
            .collect();
        let bytes = docs.iter().map(|d| d.text.len()).sum();
        (
            Corpus {
                docs,
                warnings: vec![],
            },
            bytes,
        )
    })
}

/// One document after another on the current thread.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn single_thread(bencher: divan::Bencher) {
    let (corpus, bytes) = corpus();
    let extractor = Extractor::default();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        corpus
            .docs
            .iter()
            .map(|doc| extractor.document(doc).len())
            .sum::<usize>()
    });
}

/// `Extractor::corpus`: documents in parallel on rayon's pool.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn parallel(bencher: divan::Bencher) {
    let (corpus, bytes) = corpus();
    let extractor = Extractor::default();
    bencher
        .counter(BytesCount::new(*bytes))
        .bench(|| extractor.corpus(corpus).len());
}

/// Building the extractor (built-in cue lexicon), paid once per run.
#[divan::bench(sample_count = 20)]
fn new_extractor() -> Extractor {
    Extractor::default()
}

/// Hostile shapes, each one document, at two sizes: the time should double
/// with the size (linear in bytes and in names), never quadruple.
mod shapes {
    use super::*;

    /// Made-up names from syllables: `n` distinct ones, deterministic.
    fn name(i: usize) -> String {
        const SYL: [&str; 16] = [
            "ka", "lo", "mi", "ra", "ten", "vos", "dri", "pel", "sun", "mar", "qui", "zen", "bo",
            "fu", "ga", "ni",
        ];
        let mut s = String::new();
        let mut x = i + 1;
        while x > 0 {
            s.push_str(SYL[x % 16]);
            x /= 16;
        }
        let mut c = s.chars();
        c.next()
            .map_or(s.clone(), |f| f.to_uppercase().chain(c).collect())
    }

    fn doc(kind: &str, n: usize) -> Document {
        let text = match kind {
            // One line holding a whole transcript.
            "one_paragraph" => (0..n)
                .map(|i| format!("\u{201c}Point {i},\u{201d} he said. "))
                .collect::<String>(),
            // A new speaker in every paragraph, then a pronoun.
            "many_names" => (0..n)
                .map(|i| {
                    format!(
                        "{} {} met {}. \"Fine,\" he said.\n\n",
                        name(i),
                        name(i + n),
                        name(i + 2 * n)
                    )
                })
                .collect(),
            // Thousands of bodies, each then described.
            "many_bodies" => (0..n)
                .map(|i| {
                    format!(
                        "The {} Dockers Union met {}. \"Fine,\" the union said.\n\n",
                        name(i),
                        name(i + n)
                    )
                })
                .collect(),
            _ => unreachable!(),
        };
        Document::new(kind, text)
    }

    #[divan::bench(args = ["one_paragraph", "many_names", "many_bodies"], consts = [10_000, 20_000], sample_count = 3, sample_size = 1)]
    fn shape<const N: usize>(bencher: divan::Bencher, kind: &str) {
        let d = doc(kind, N);
        let extractor = Extractor::default();
        bencher
            .counter(BytesCount::new(d.text.len()))
            .bench(|| extractor.document(&d).len());
    }
}
