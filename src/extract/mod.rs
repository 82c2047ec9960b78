//! Extraction of attributed statements: quotes, speech cues and speakers.
//!
//! One linear pass per document: [`scan`] finds paragraphs, quotes, tokens
//! and sentences; [`np`] reads noun phrases around speech verbs; the
//! [`entities`] table resolves surnames, pronouns and descriptions. Each
//! construction has its own module of rules over a sentence: [`quote`],
//! [`according_to`], [`indirect`] and [`via`]; [`chains`] links statements
//! across sentences and paragraphs. This module runs them and builds the
//! records.

mod according_to;
mod chains;
mod entities;
mod indirect;
mod np;
mod quote;
pub(crate) mod scan;
mod via;

use chains::{inherit_speakers, is_lone_quote};
use indirect::clause_follows;
use quote::colon_speaker;

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::{Corpus, Document};
use crate::lexicon::{self, ClauseKind, Lexicon, words};
use crate::model::{Kind, Span, Speaker, SpeakerType, Statement};
use crate::speakers::Registry;
use entities::{Entities, Resolved};
use np::{Np, NpKind, Sent, lower};

/// The extractor: immutable data (cue lexicon, speaker registry) shared by all
/// documents, so one instance serves every rayon worker.
#[derive(Debug, Default)]
pub struct Extractor {
    pub lexicon: Lexicon,
    pub registry: Registry,
}

/// A statement before the last pass (quote chains, registry) fixes it up.
#[derive(Debug)]
struct Found {
    start: usize,
    end: usize,
    kind: Kind,
    cue: Option<String>,
    speaker: Option<Resolved>,
    via: Option<String>,
    /// Confidence of the pattern itself, before speaker resolution.
    base: f64,
    chain: Option<Chain>,
    /// The sentence around a partial quote.
    context: Option<(usize, usize)>,
}

/// Where a quotation sits, so unattributed parts can inherit a speaker.
#[derive(Debug, Clone, Copy)]
struct Chain {
    para: usize,
    sentence: usize,
    /// The sentence is nothing but this quotation.
    alone: bool,
    runs_on: bool,
    first_in_para: bool,
    /// The paragraph is nothing but this quotation.
    para_only: bool,
    /// A quotation ending a later sentence of its paragraph, with no cue in
    /// that sentence: it may go on with the quotation just before.
    continues: bool,
}

impl Extractor {
    pub fn new(lexicon: Lexicon, registry: Registry) -> Self {
        Extractor { lexicon, registry }
    }

    /// All statements of one document, in position order.
    pub fn document(&self, doc: &Document) -> Vec<Statement> {
        let text = doc.text.as_str();
        let paras = scan::paragraphs(text, doc.body_start);
        let quotes = scan::quotes(text, &paras);
        let mut ents = Entities::default();
        let mut found: Vec<Found> = Vec::new();
        let mut sentence_no = 0;
        let mut intro: Option<(Np, usize, String)> = None;
        for (pi, p) in paras.iter().enumerate() {
            let qs = &quotes[pi];
            let toks = scan::tokens(text, p.start, p.end, qs);
            // Each word is lowercased once per paragraph; the rules only borrow.
            let lower_text = text[p.start..p.end].to_ascii_lowercase();
            let lows = np::lowercase_tokens(text, &lower_text, p.start, &toks);
            let (verbs, classes) = np::token_entries(&lows, &self.lexicon);
            let sentences = self.join_attributions(
                text,
                &toks,
                (&lows, &verbs, &classes),
                qs,
                scan::sentences(text, &toks, qs),
            );
            let para_only = sentences.len() == 1 && is_lone_quote(&toks, &sentences[0]);
            for (si, r) in sentences.into_iter().enumerate() {
                let s = Sent {
                    text,
                    toks: &toks[r.clone()],
                    lows: &lows[r.clone()],
                    verbs: &verbs[r.clone()],
                    classes: &classes[r],
                    quotes: qs,
                    lex: &self.lexicon,
                };
                let before = found.len();
                let at = Chain {
                    para: pi,
                    sentence: sentence_no,
                    alone: false,
                    runs_on: false,
                    first_in_para: si == 0,
                    para_only,
                    continues: false,
                };
                self.sentence(&s, &mut ents, &mut found, at);
                // `Trump issued the following statement:` then a quotation
                // paragraph: the introduction's subject speaks it.
                if let Some((np, pos, cue)) = intro.take()
                    && si == 0
                    && let Some(f) = found[before..].iter_mut().find(|f| f.speaker.is_none())
                    && let Some(mut r) = ents.resolve(&np, pos, &self.lexicon)
                {
                    r.certainty *= 0.85;
                    f.speaker = Some(r);
                    f.cue = Some(cue);
                }
                if s.punct(s.len() - 1) == Some(':') && (0..s.len()).all(|i| s.quote(i).is_none()) {
                    intro = self.introducer(&s);
                }
                self.register_mentions(&s, &mut ents, &found[before..]);
                sentence_no += 1;
            }
        }
        inherit_speakers(&mut found);
        // "Baptiste: …" in a headline, "Oren Baptiste" in the text below: a
        // bare surname met before its full name takes the full name.
        for r in found.iter_mut().filter_map(|f| f.speaker.as_mut()) {
            if let Some(name) = &r.speaker.name
                && !name.contains(' ')
                && let Some(i) = ents.find(name)
                && ents.list[i].kind == SpeakerType::Person
                && ents.list[i].name.contains(' ')
            {
                r.speaker.name = Some(ents.list[i].name.clone());
                r.speaker.kind = SpeakerType::Person;
                r.certainty = r.certainty.min(0.9);
            }
        }
        self.finish(doc, found)
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

    fn sentence(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>, at: Chain) {
        let mut used = vec![false; s.len()];
        self.quotes(s, ents, out, at, &mut used);
        self.according_to(s, ents, out);
        self.colon(s, ents, out, at);
        self.indirect(s, ents, out, &mut used);
    }

    /// Records the names of a sentence so later pronouns and surnames resolve.
    fn register_mentions(&self, s: &Sent, ents: &mut Entities, found: &[Found]) {
        let mut i = 0;
        while i < s.len() {
            if !s.is_name_word(i) {
                i += 1;
                continue;
            }
            // "Shares of Carevane fell": a capital that only starts the
            // sentence does not join the name after "of"; "Bank of America" does.
            if i == 0
                && s.is_word(1, "of")
                && s.is_name_word(2)
                && s.low(0).is_some_and(|w| {
                    lexicon::verb_class(w) != 0 && !words::is_org_word(w) && !words::is_title(w)
                })
            {
                i = 2;
            }
            let mut j = i + 1;
            loop {
                if s.is_name_word(j) {
                    j += 1;
                } else if s
                    .lw(j)
                    .is_some_and(|w| words::is_name_connector(&w) && w != "and")
                    && s.is_name_word(j + 1)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let Some(np) = s.np_span(i, j) else {
                i = j;
                continue;
            };
            let NpKind::Name(name) = &np.kind else {
                i = j;
                continue;
            };
            let pos = s.toks[i].start;
            // "with the Securities and Exchange Commission": past any determiner.
            let mut before = i;
            while before > 0 && s.lw(before - 1).is_some_and(|w| words::is_determiner(&w)) {
                before -= 1;
            }
            let oblique = before > 0 && s.lw(before - 1).is_some_and(|w| words::is_preposition(&w));
            let inside = found.iter().any(|f| f.start <= pos && pos < f.end);
            let known = ents.find(name).is_some();
            if i == 0 && j == 1 && !known {
                // A capitalised first word may be any noun ("Activists say").
                i = j;
                continue;
            }
            let kind = ents.name_type(name, np.outlet_hint, &self.lexicon);
            ents.mention(name, kind, np.role.as_deref(), pos, !oblique && !inside);
            i = j;
        }
    }

    fn finish(&self, doc: &Document, found: Vec<Found>) -> Vec<Statement> {
        // What the text says of itself fills in what its metadata left out.
        // An outlet is one the lexicon knows, or a name of capitalised words
        // ending in an outlet's word (`Coastal Herald`).
        let is_outlet = |w: &str| {
            let parts: Vec<&str> = w.split_whitespace().collect();
            self.lexicon.is_outlet(w)
                || (2..=4).contains(&parts.len())
                    && parts.iter().all(|p| p.starts_with(char::is_uppercase))
                    && parts
                        .last()
                        .is_some_and(|l| lexicon::with_lower(l, words::is_outlet_word))
        };
        let article = Arc::new(doc.article.clone().or(crate::article::from_text(
            &doc.text,
            doc.body_start,
            is_outlet,
        )));
        let mut out: Vec<Statement> = found
            .into_iter()
            .filter_map(|f| {
                // A quotation paragraph with no clear neighbour: reported
                // unnamed, with low confidence, rather than guessed.
                let unattributed = f.speaker.is_none() && f.chain.is_some_and(|c| c.para_only);
                let r = match f.speaker {
                    Some(r) => r,
                    None if unattributed => Resolved {
                        speaker: Speaker {
                            name: None,
                            mention: String::new(),
                            role: None,
                            kind: SpeakerType::Unknown,
                        },
                        entity: None,
                        certainty: 0.35,
                    },
                    None => return None,
                };
                let mut speaker: Speaker = r.speaker;
                if let Some(name) = &speaker.name
                    && let Some(entry) = self.registry.lookup(name)
                {
                    speaker.name = Some(entry.name.clone());
                    if let Some(kind) = entry.kind {
                        speaker.kind = kind;
                    }
                    if speaker.role.is_none() {
                        speaker.role.clone_from(&entry.role);
                    }
                }
                let certainty = if speaker.name.is_some() {
                    r.certainty
                } else {
                    r.certainty.min(0.85)
                };
                let confidence = (f.base * certainty * 100.0).round() / 100.0;
                Some(Statement {
                    span: Span {
                        doc: doc.path.clone(),
                        line: doc.line_of(f.start),
                        start: f.start,
                        end: f.end,
                    },
                    kind: f.kind,
                    content: doc.text[f.start..f.end].to_string(),
                    cue: f.cue,
                    speaker,
                    via: f.via,
                    confidence,
                    article: Arc::clone(&article),
                    context: f.context.map(|(a, b)| doc.text[a..b].to_string()),
                    aliases: Vec::new(),
                })
            })
            .collect();
        out.sort_by_key(|s| (s.span.start, s.span.end));
        out.dedup_by_key(|s| (s.span.start, s.span.end));
        // Claim matching reads "the app" as the "messaging app Telegram" the
        // document described; each statement carries that, so statements
        // saved as JSON lines match as the documents would.
        if !out.is_empty() {
            let aliases = crate::matcher::document_aliases(&doc.text[doc.body_start..]);
            for st in &mut out {
                st.aliases.clone_from(&aliases);
            }
        }
        out
    }
}
