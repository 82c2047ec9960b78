//! Extraction of attributed statements: quotes, speech cues and speakers.

use rayon::prelude::*;

use crate::corpus::{Corpus, Document};
use crate::lexicon::Lexicon;
use crate::model::Statement;
use crate::speakers::Registry;

/// The extractor: immutable data (cue lexicon, speaker registry) shared by all
/// documents, so one instance serves every rayon worker.
#[derive(Debug, Default)]
pub struct Extractor {
    pub lexicon: Lexicon,
    pub registry: Registry,
}

impl Extractor {
    pub fn new(lexicon: Lexicon, registry: Registry) -> Self {
        Extractor { lexicon, registry }
    }

    /// All statements of one document, in position order.
    pub fn document(&self, doc: &Document) -> Vec<Statement> {
        let _ = doc;
        Vec::new()
    }

    /// All statements of a corpus, documents in parallel, output in path order.
    pub fn corpus(&self, corpus: &Corpus) -> Vec<Statement> {
        corpus
            .docs
            .par_iter()
            .map(|d| self.document(d))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }
}
