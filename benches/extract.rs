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
