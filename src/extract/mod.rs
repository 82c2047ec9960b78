//! Extraction of attributed statements: quotes, speech cues and speakers.
//!
//! One linear pass per document: [`scan`] finds paragraphs, quotes, tokens
//! and sentences; [`np`] reads noun phrases around speech verbs; the
//! [`entities`] table resolves surnames, pronouns and descriptions; this
//! module applies the attribution patterns sentence by sentence.

mod entities;
mod np;
mod scan;
mod words;

use std::borrow::Cow;

use rayon::prelude::*;

use crate::corpus::{Corpus, Document};
use crate::lexicon::{self, ClauseKind, Lexicon};
use crate::model::{Kind, Speaker, SpeakerType, Statement};
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
}

/// Verbs whose object is the listener: `told Politico that …`.
fn takes_listener(cue: &str) -> bool {
    matches!(
        lower(cue).as_ref(),
        "told" | "tell" | "tells" | "telling" | "informed" | "assured" | "warned" | "reminded"
    )
}

fn is_report_verb(cue: &str) -> bool {
    matches!(
        lower(cue).as_ref(),
        "reports" | "reported" | "report" | "reporting"
    )
}

impl Extractor {
    pub fn new(lexicon: Lexicon, registry: Registry) -> Self {
        Extractor { lexicon, registry }
    }

    /// All statements of one document, in position order.
    pub fn document(&self, doc: &Document) -> Vec<Statement> {
        let text = doc.text.as_str();
        let paras = scan::paragraphs(text);
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
            let verbs = np::token_verbs(&lows, &self.lexicon);
            let sentences = self.join_attributions(
                text,
                &toks,
                (&lows, &verbs),
                qs,
                scan::sentences(text, &toks, qs),
            );
            let para_only = sentences.len() == 1 && is_lone_quote(&toks, &sentences[0]);
            for (si, r) in sentences.into_iter().enumerate() {
                let s = Sent {
                    text,
                    toks: &toks[r.clone()],
                    lows: &lows[r.clone()],
                    verbs: &verbs[r],
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
        self.finish(doc, found)
    }

    /// The speaker announced by a sentence ending in a colon: the subject of
    /// its first speech verb or finite verb (`The senator issued a statement:`).
    fn introducer(&self, s: &Sent) -> Option<(Np, usize, String)> {
        let v = (1..s.len()).find(|&i| {
            s.cue(i).is_some() || s.lw(i).is_some_and(|w| lexicon::is_finite_verb(&w))
        })?;
        let np = s.subject_of(v)?;
        Some((np, s.toks[v].start, s.lw(v)?.into_owned()))
    }

    /// A quotation ending in `.`, `?` or `!` ends its sentence, but the short
    /// attribution after it belongs to it: `"Is anyone listening?" Garza
    /// asked the crowd.`, `"…this winter." Okafor said.`
    fn join_attributions(
        &self,
        text: &str,
        toks: &[scan::Tok],
        (lows, verbs): (&[Cow<'_, str>], &[Option<ClauseKind>]),
        quotes: &[scan::Quote],
        sentences: Vec<std::ops::Range<usize>>,
    ) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(sentences.len());
        for r in sentences {
            if let Some(prev) = out.last_mut()
                && is_lone_quote(toks, prev)
                && self.is_attribution_tail(
                    text,
                    &toks[r.clone()],
                    (&lows[r.clone()], &verbs[r.clone()]),
                    quotes,
                )
            {
                prev.end = r.end;
                continue;
            }
            out.push(r);
        }
        out
    }

    /// A short sentence that is only a speaker and a cue, with at most a
    /// listener or an adverbial: `Okafor said Friday.`, `Garza asked the crowd.`
    fn is_attribution_tail(
        &self,
        text: &str,
        toks: &[scan::Tok],
        (lows, verbs): (&[Cow<'_, str>], &[Option<ClauseKind>]),
        quotes: &[scan::Quote],
    ) -> bool {
        if toks.len() > 16
            || toks
                .iter()
                .any(|t| matches!(t.kind, scan::TokKind::Quote(_)))
        {
            return false;
        }
        let s = Sent {
            text,
            toks,
            lows,
            verbs,
            quotes,
            lex: &self.lexicon,
        };
        let Some(v) = (0..toks.len().min(6)).find(|&i| {
            s.word(i).is_some_and(|w| {
                self.lexicon.verb(w).is_some() && w.chars().next().is_some_and(char::is_lowercase)
            })
        }) else {
            return false;
        };
        v > 0
            && s.subject_of(v).is_some()
            && !clause_follows(&s, v + 1)
            && !s.is_word(v + 1, "that")
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
        self.colon(s, ents, out);
        self.indirect(s, ents, out, &mut used);
    }

    /// `Milbank: Republicans waving the flag of surrender to Trump.` — a name
    /// and a colon opening the sentence attribute what follows.
    fn colon(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>) {
        let Some(c) = (1..s.len().min(6)).find(|&i| s.punct(i) == Some(':')) else {
            return;
        };
        let n = s.trim_end(0, s.len());
        if s.quote(c + 1).is_some() || n < c + 4 {
            return;
        }
        // Prose, not a list of names or a title-case headline.
        let (words, lower_words) = (c + 1..n).fold((0, 0), |(w, l), i| match s.word(i) {
            Some(x) => (
                w + 1,
                l + usize::from(x.chars().next().is_some_and(char::is_lowercase)),
            ),
            None => (w, l),
        });
        if lower_words * 10 < words * 3 {
            return;
        }
        let Some(np) = colon_speaker(s, c + 1) else {
            return;
        };
        let pos = s.toks[c].start;
        let Some(resolved) = ents.resolve(&np, pos, &self.lexicon) else {
            return;
        };
        let (start, end) = s.span(c + 1, n);
        out.push(Found {
            start,
            end,
            kind: Kind::Indirect,
            cue: Some(":".to_string()),
            speaker: Some(resolved),
            via: None,
            base: 0.8,
            chain: None,
            context: None,
        });
    }

    /// Direct and partial quotations.
    fn quotes(
        &self,
        s: &Sent,
        ents: &mut Entities,
        out: &mut Vec<Found>,
        at: Chain,
        used: &mut [bool],
    ) {
        let quote_count = (0..s.len()).filter(|&k| s.quote(k).is_some()).count();
        for k in 0..s.len() {
            let Some(q) = s.quote(k) else { continue };
            if s.is_name_quote(k) {
                continue;
            }
            let (start, end) = trim_content(s.text, q.inner_start, q.inner_end);
            if start >= end {
                continue;
            }
            let alone = quote_count == 1 && s.trim_end(0, s.len()) == k + 1 && k == 0;
            let chain = Chain {
                alone,
                runs_on: q.runs_on,
                ..at
            };
            let base = if q.orphan { 0.7 } else { 1.0 };
            let attribution = self
                .after_quote(s, k)
                .map(|(np, cue)| {
                    let direct = k == 0
                        || s.punct(k - 1) == Some(':')
                        || (k == 1 && s.lw(0).is_some_and(|w| matches!(w.as_ref(), "and" | "but")));
                    (np, cue, if direct { Kind::Direct } else { Kind::Partial })
                })
                .or_else(|| {
                    // "These sources, the lawyers said, “all command …”": the
                    // quote finishes a sentence begun before the cue; partial.
                    self.before_quote(s, k).map(|(np, cue)| {
                        let mid = np.first >= 3
                            && s.punct(np.first - 1) == Some(',')
                            && s.punct(k - 1) == Some(',');
                        (np, cue, if mid { Kind::Partial } else { Kind::Direct })
                    })
                })
                .or_else(|| {
                    (0..k)
                        .filter(|&c| !used[c] && s.cue(c).is_some())
                        .find_map(|c| s.subject_of(c).map(|np| (np, c, Kind::Partial)))
                });
            match attribution {
                Some((np, cue, kind)) => {
                    // A partial quote leaves its cue to the reported clause around it.
                    if kind == Kind::Direct {
                        used[cue] = true;
                    }
                    let pos = s.toks[cue].start;
                    let Some(resolved) = ents.resolve(&np, pos, &self.lexicon) else {
                        continue;
                    };
                    if let Some(i) = resolved.entity {
                        ents.spoke(i, pos);
                    }
                    let via = self.via(s, cue, &resolved, ents);
                    let base = base * if kind == Kind::Direct { 0.93 } else { 0.85 };
                    out.push(Found {
                        start,
                        end,
                        kind,
                        cue: Some(cue_text(s, cue)),
                        speaker: Some(resolved),
                        via,
                        base,
                        chain: Some(chain),
                        context: (kind == Kind::Partial).then(|| s.span(0, s.len())),
                    });
                }
                None if alone || q.runs_on || at.first_in_para || quote_count > 1 => {
                    // Maybe part of a quotation attributed next door.
                    out.push(Found {
                        start,
                        end,
                        kind: Kind::Direct,
                        cue: None,
                        speaker: None,
                        via: None,
                        base: 0.93 * 0.9,
                        chain: Some(chain),
                        context: None,
                    });
                }
                None => {}
            }
        }
    }

    /// `"…," X said.` / `"…," says X` / `"…" reads a message from X`.
    fn after_quote(&self, s: &Sent, k: usize) -> Option<(Np, usize)> {
        let inner = s.quote_inner(k)?.trim_end();
        let mut j = k + 1;
        // `"…at Northgate" Okafor said Friday.`: no comma, but a sentence that
        // opens with the quote and goes straight on to its speaker and cue.
        let mut no_comma = false;
        if s.punct(j) == Some(',') {
            j += 1;
        } else if !inner.ends_with([',', '!', '?', '.', '—', '–', '…', '-']) {
            if k != 0 {
                return None;
            }
            no_comma = true;
        }
        if s.cue(j).is_some() {
            let mut np = s.np_forward(j + 1, false)?;
            // "said Ilse Marchetti, chair of the union."
            if np.role.is_none() && s.punct(np.end) == Some(',') && s.word(np.end + 1).is_some() {
                let e = s.segment_from(np.end + 1);
                if !s.lw(np.end + 1).is_some_and(|w| {
                    matches!(w.as_ref(), "who" | "which" | "as" | "adding" | "according")
                }) {
                    np.role = s.role_words(np.end + 1, e);
                }
            }
            return Some((np, j));
        }
        let mut np = s.np_forward(j, true)?;
        let mut m = np.end;
        if s.punct(m) == Some(',') {
            let e = s.segment_from(m + 1);
            if np.role.is_none() {
                np.role = s.role_words(m + 1, e);
            }
            m = e;
        }
        // The verb follows the subject and its appositive, before any other quote.
        let limit = (m + 25).min(s.len());
        let cue = (m..limit)
            .take_while(|&i| s.quote(i).is_none())
            .find(|&i| s.cue(i).is_some())
            .or_else(|| {
                // `"…," Toomey fumed on Tuesday.`: whatever verb follows the
                // speaker right after a quote is how it was said.
                let at = s.skip_verb_fillers(m);
                let w = s.lw(at)?;
                let finite = lexicon::is_finite_verb(&w)
                    || lexicon::verb_class(&w) & lexicon::class::S3 != 0;
                let tail_ok = s.trim_end(at + 1, s.len()) <= at + 6
                    || s.punct(at + 1) == Some(',')
                    || s.lw(at + 1).is_some_and(|n| words::is_preposition(&n) || words::is_time_word(&n));
                (finite && tail_ok && !matches!(np.kind, NpKind::Description { .. } if !words::is_agent_noun(&lower(s.word(np.end - 1).unwrap_or_default()))))
                    .then_some(at)
            })?;
        if no_comma
            && (cue > np.end + 1 || !matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(_)))
        {
            return None;
        }
        Some((np, cue))
    }

    /// `X said: "…"` / `Telegram stated "…"` / `Says X: "…"`.
    fn before_quote(&self, s: &Sent, k: usize) -> Option<(Np, usize)> {
        if k == 0 {
            return None;
        }
        if s.cue(k - 1).is_some() {
            return s.subject_of(k - 1).map(|np| (np, k - 1));
        }
        // "Ted Cruz: ‘Physically assaulting a reporter is a fireable offense.’"
        if let Some(np) = colon_speaker(s, k) {
            return Some((np, k - 1));
        }
        if k >= 2 && matches!(s.punct(k - 1), Some(':' | ',')) {
            if s.cue(k - 2).is_some() {
                return s.subject_of(k - 2).map(|np| (np, k - 2));
            }
            // "Says Stalinsky: " / "Said Comey, "
            if s.cue(0).is_some() && (3..=6).contains(&k) {
                return s.np_span(1, k - 1).map(|np| (np, 0));
            }
            // "one aide said late last month, "…"": a time phrase after the cue.
            let time_only = |c: usize| {
                (c + 1..k - 1).all(|i| {
                    s.lw(i).is_some_and(|w| {
                        words::is_time_word(&w)
                            || matches!(
                                w.as_ref(),
                                "last" | "this" | "week" | "month" | "year" | "night" | "on"
                            )
                    })
                })
            };
            if let Some(c) =
                (k.saturating_sub(5)..k - 1).find(|&c| s.cue(c).is_some() && time_only(c))
            {
                return s.subject_of(c).map(|np| (np, c));
            }
        }
        None
    }

    /// `According to X, …`, `…, according to X.`, `In his view, …`.
    fn according_to(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>) {
        let n = s.trim_end(0, s.len());
        for i in 0..s.len() {
            let (np, rest, cue) = if s.is_word(i, "according") && s.is_word(i + 1, "to") {
                if s.lw(i + 2)
                    .is_some_and(|w| matches!(w.as_ref(), "which" | "whom" | "whose"))
                {
                    continue;
                }
                let Some(mut np) = s.np_forward(i + 2, false) else {
                    continue;
                };
                // "Durov, according to his statements, fled": his = the subject before.
                if matches!(np.kind, NpKind::Possessive(_) | NpKind::Pronoun(_))
                    && i > 0
                    && s.punct(i - 1) == Some(',')
                    && let Some(subject) = s.appositive_subject(i - 1)
                    && matches!(subject.kind, NpKind::Name(_))
                {
                    np = Np {
                        mention: np.mention.clone(),
                        person_hint: matches!(np.kind, NpKind::Possessive(ref p) | NpKind::Pronoun(ref p) if matches!(p.as_str(), "his" | "her" | "him" | "he" | "she")),
                        ..subject
                    };
                }
                (np.clone(), np.end, "according to".to_string())
            } else if i == 0
                && s.is_word(0, "in")
                && s.lw(1)
                    .is_some_and(|w| matches!(w.as_ref(), "his" | "her" | "their"))
                && s.lw(2).is_some_and(|w| {
                    matches!(
                        w.as_ref(),
                        "view"
                            | "opinion"
                            | "words"
                            | "estimation"
                            | "assessment"
                            | "judgment"
                            | "mind"
                    )
                })
                && s.punct(3) == Some(',')
            {
                let Some(np) = s.np_span(1, 2) else { continue };
                (np, 3, s.slice(0, 3).to_lowercase())
            } else if i == 0
                && s.is_word(0, "in")
                && let Some(comma) = (2..s.len().min(12)).find(|&k| s.punct(k) == Some(','))
                && (1..comma).all(|k| s.word(k).is_some())
                && s.lw(comma - 1).is_some_and(|w| words::is_document_noun(&w))
                // "In its annual report, the firm stated that …": the venue of
                // a speaker's own statement, not a source.
                && !(comma + 1..s.len()).any(|k| s.cue(k).is_some())
            {
                // "In the new Morning Consult poll, 40 percent back Sanders":
                // the document is the source of what follows.
                let Some(np) = s.np_span(1, comma) else {
                    continue;
                };
                (np, comma, "in".to_string())
            } else {
                continue;
            };
            // Content: the clause after the phrase, or the rest of the sentence.
            let (a, b) = if i == 0 {
                let mut a = rest;
                if s.punct(a) == Some(',') {
                    a += 1;
                    // An appositive: "According to Steve Stalinsky, executive director of …, Telegram …"
                    let e = s.segment_from(a);
                    let role_like = matches!(np.kind, NpKind::Name(_))
                        && s.word(a)
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                        && !(a..e).any(|k| {
                            s.lw(k).is_some_and(|w| {
                                words::is_finite_marker(&w) || words::is_subject_pronoun(&w)
                            })
                        });
                    if role_like && s.punct(e) == Some(',') && e + 1 < n {
                        a = e + 1;
                    }
                }
                (a, n)
            } else if s.trim_end(rest, s.len()) == rest && i > 0 && s.punct(i - 1) == Some(',') {
                (0, i - 1)
            } else {
                (0, n)
            };
            if a >= b {
                continue;
            }
            let mut np = np;
            if i == 0 && np.role.is_none() && a > rest + 1 {
                np.role = s.role_words(rest + 1, a - 1);
            }
            let pos = s.toks[i].start;
            let Some(resolved) = ents.resolve(&np, pos, &self.lexicon) else {
                continue;
            };
            if let Some(e) = resolved.entity {
                ents.spoke(e, pos);
            }
            let (start, end) = s.span(a, b);
            let via = self.via(s, i, &resolved, ents);
            out.push(Found {
                start,
                end,
                kind: Kind::AccordingTo,
                cue: Some(cue),
                speaker: Some(resolved),
                via,
                base: 0.9,
                chain: None,
                context: None,
            });
        }
    }

    /// Reported speech: `X said (that) …`, `…, X said.`, `…, reports X.`
    fn indirect(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>, used: &mut [bool]) {
        let n = s.trim_end(0, s.len());
        let mut clauses: Vec<(usize, usize)> = Vec::new();
        let mut last_subject: Option<Np> = None;
        for v in 1..s.len() {
            if used[v] {
                continue;
            }
            let Some(kind) = s.cue(v) else { continue };
            if kind == ClauseKind::Quote {
                continue;
            }
            let cue_word = s.word(v).unwrap_or_default();
            let mut repeat = None;
            let mut prep_object = false;
            if !new_cue_form_fits(s, v, kind) {
                continue;
            }
            // "Teague, asked whether he worried …, shrugged": a passive participle.
            if s.punct(v - 1) == Some(',')
                && s.lw(v + 1).is_some_and(|w| {
                    matches!(
                        w.as_ref(),
                        "whether" | "about" | "if" | "by" | "what" | "how" | "why" | "to"
                    )
                })
                && lexicon::verb_class(&lower(cue_word)) & lexicon::class::PAST != 0
            {
                // Nothing inside the participle's phrase is a statement either.
                for u in used.iter_mut().take(s.segment_end(v + 1)).skip(v) {
                    *u = true;
                }
                continue;
            }
            let mut via = None;
            // ", reports Politico." / ", said Smith." / `may be "strategic," said X`
            let comma_before = s.punct(v - 1) == Some(',')
                || s.quote_inner(v - 1)
                    .is_some_and(|q| q.trim_end().ends_with(','));
            let inverted = (comma_before && !cue_word.ends_with("ing"))
                .then(|| s.np_forward(v + 1, false))
                .flatten()
                .filter(|np| {
                    let ends =
                        s.trim_end(np.end, s.len()) == np.end || s.punct(np.end) == Some(',');
                    let short = match &np.kind {
                        NpKind::Description { .. } => {
                            np.end - np.first <= 4
                                && !(np.first..np.end)
                                    .any(|i| s.lw(i).is_some_and(|w| words::is_preposition(&w)))
                        }
                        _ => true,
                    };
                    ends && short
                });
            let (np, a, b) = if let Some(np) = inverted {
                let b = if s.punct(v - 1) == Some(',') {
                    v - 1
                } else {
                    v
                };
                (np, 0, b)
            } else if cue_word.ends_with("ing")
                && s.punct(v - 1) == Some(',')
                && let Some(prev) = &last_subject
                && (v + 1..n).any(|i| s.word(i).is_some())
                // "…, speaking on condition of anonymity": how, not what.
                && !s.low(v + 1).is_some_and(words::is_preposition)
            {
                // "…, Fiorina said, adding that …": the same speaker goes on.
                let mut c = v + 1;
                if s.is_word(c, "that") {
                    c += 1;
                }
                (prev.clone(), c, n)
            } else {
                // "…said he had followed the forward and described him as …":
                // a second verb joined by "and" has the first one's subject.
                let shared = s
                    .is_word(v - 1, "and")
                    .then(|| last_subject.clone())
                    .flatten();
                let Some(np) = shared.or_else(|| s.subject_of(v)) else {
                    continue;
                };
                let rest_has_that = (v + 1..n).any(|i| s.is_word(i, "that"));
                // "…, Tokar said." / "…, regulators said last month." — but not
                // "Whitcombe, a doctor in Dayton, Ohio, said the delay was dangerous."
                // After a comma, or after a quote that ends in one: `"…," X said`.
                let quote_comma = np.first > 0
                    && s.quote_inner(np.first - 1)
                        .is_some_and(|q| q.trim_end().ends_with(','));
                let after_comma =
                    np.first > 0 && (s.punct(np.first - 1) == Some(',') || quote_comma);
                // Only a speaker-like phrase ends a sentence with a cue: not
                // "…, one of the largest breaches disclosed this year."
                let speaker_like = match &np.kind {
                    NpKind::Description { .. } => (np.first..np.end)
                        .any(|i| s.lw(i).is_some_and(|w| words::is_agent_noun(&w))),
                    _ => true,
                };
                // "…," Fiorina said, adding that …: the participle starts a new cue.
                let participle_next = s.punct(v + 1) == Some(',')
                    && s.word(v + 2).is_some_and(|w| w.ends_with("ing"));
                // "The plan, critics say, is a giveaway": the whole sentence.
                let parenthetical = after_comma
                    && speaker_like
                    && !participle_next
                    && kind != ClauseKind::Object
                    && s.punct(skip_time(s, v + 1)) == Some(',')
                    && !cue_word.ends_with("ing")
                    && skip_time(s, v + 1) + 1 < n;
                // A tail of adverbials after the cue: "…, Kunin said in an interview with X."
                let tail_is_adverbial = s.lw(v + 1).is_none_or(|w| {
                    words::is_preposition(&w) || words::is_time_word(&w) || w == "last"
                });
                // A tail that is itself content (`stated: "…"`) is no trailing cue.
                let tail_is_content =
                    (v + 1..s.len()).any(|i| s.quote(i).is_some()) || s.punct(v + 1) == Some(':');
                let trailing = after_comma
                    && speaker_like
                    && !tail_is_content
                    && (participle_next || !rest_has_that)
                    && (n - (v + 1) <= 6 || (tail_is_adverbial && n - (v + 1) <= 16))
                    && !cue_word.ends_with("ing")
                    && !clause_follows(s, v + 1);
                if parenthetical {
                    (np, 0, n)
                } else if trailing {
                    let comma = if quote_comma { np.first } else { np.first - 1 };
                    (np, 0, comma)
                } else {
                    let mut c = v + 1;
                    if takes_listener(cue_word)
                        && let Some(l) = s.np_forward(c, false)
                    {
                        if let NpKind::Name(name) = &l.kind {
                            via = Some(name.clone());
                        }
                        if !matches!(l.kind, NpKind::Description { .. }) || l.end - l.first <= 2 {
                            c = l.end;
                        }
                    }
                    // "said on Monday that", "said in a statement that"
                    if !s.is_word(c, "that")
                        && let Some(t) = (c + 1..(c + 12).min(n)).find(|&t| s.is_word(t, "that"))
                    {
                        let adverbial = s.lw(c).is_some_and(|w| {
                            words::is_preposition(&w)
                                || words::is_time_word(&w)
                                || matches!(w.as_ref(), "last" | "this")
                        });
                        // "told a rally audience that …": a listener, then the clause.
                        let listener = takes_listener(cue_word) || kind == ClauseKind::Object;
                        let plain = (c..t).all(|k| {
                            (s.word(k).is_some() && s.cue(k).is_none())
                                || (listener && s.punct(k) == Some(','))
                        }) && !(c..t).any(|k| {
                            s.lw(k).is_some_and(|w| {
                                words::is_finite_marker(&w) || lexicon::is_finite_verb(&w)
                            })
                        });
                        if (adverbial || listener) && plain {
                            c = t;
                        }
                    }
                    if !s.is_word(c, "that") {
                        c = skip_time(s, c);
                    }
                    // "warned about the cost", "spoke of a betrayal", "pointed
                    // out that …": what the speech is about follows the particle.
                    if let Some(p) = s.low(c)
                        && speech_particle(p, kind)
                    {
                        if p == "out" && s.is_word(c + 1, "that") {
                            c += 1;
                        } else if object_follows(s, c + 1, n) {
                            c += 1;
                            if s.is_word(c, "that") && clause_follows(s, c + 1) {
                                c += 1;
                            }
                            prep_object = true;
                        }
                    }
                    let takes_clause = prep_object
                        || match kind {
                            ClauseKind::Bare => clause_follows(s, c),
                            // "a new poll shows Trump with his largest lead": a
                            // finding may be a clause or a noun phrase.
                            ClauseKind::Document => clause_follows(s, c) || object_follows(s, c, n),
                            // An object that carries a proposition of its own (a
                            // quote, a clause) is what was noted or written:
                            // `noted the dichotomy between the way they are treated`,
                            // but not `explains the features of the new app`.
                            ClauseKind::That => {
                                s.lw(c).is_some_and(|w| {
                                    words::is_subject_pronoun(&w)
                                        || words::is_pronoun_contraction(&w)
                                }) || {
                                    // Judged on the object alone, not on a trailing `…, the club said`.
                                    let e = object_end(s, c, n);
                                    object_follows(s, c, e)
                                        && !s.lw(c).is_some_and(|w| words::is_preposition(&w))
                                        && ((c..e).any(|i| s.quote(i).is_some())
                                            || (c..e).any(|i| {
                                                s.low(i).is_some_and(|w| {
                                                    words::is_finite_marker(w)
                                                        || lexicon::is_finite_verb(w)
                                                })
                                            }))
                                }
                            }
                            ClauseKind::Object => object_follows(s, c, n),
                            ClauseKind::Quote => false,
                        };
                    // After a speech act, "that" is a determiner: `rejected that idea`.
                    let that_clause = s.is_word(c, "that")
                        && (kind != ClauseKind::Object || clause_follows(s, c + 1));
                    if that_clause {
                        c += 1;
                    } else if !takes_clause {
                        continue;
                    }
                    // A trailing ", they say" repeats the same attribution.
                    let mut b = if that_clause { n } else { object_end(s, c, n) };
                    if let Some(t) = (c + 1..n).find(|&t| {
                        s.punct(t) == Some(',')
                            && s.lw(t + 1).is_some_and(|w| words::is_subject_pronoun(&w))
                            && s.cue(t + 2).is_some()
                            && s.trim_end(t + 3, n) == t + 3
                    }) {
                        repeat = Some(t + 2);
                        b = t;
                    }
                    (np, c, b)
                }
            };
            // Content that is nothing but quotations is the quotes' own statement.
            if b <= a || b - a < 2 || (a..b).all(|i| s.quote(i).is_some() || s.punct(i).is_some()) {
                continue;
            }
            // "Chiefs say they fear …": a pronoun's position inside a reported
            // clause is part of that clause, not a statement of its own.
            let nested = clauses.iter().any(|&(ca, cb)| ca <= v && v < cb);
            if nested && matches!(np.kind, NpKind::Pronoun(_)) {
                continue;
            }
            // A finding needs a document or data as its subject.
            let document = kind == ClauseKind::Document;
            if document && !is_document_subject(s, &np) {
                continue;
            }
            // "a group called Mannatech": an indefinite description is no
            // speaker of a speech act's object.
            if kind == ClauseKind::Object
                && matches!(&np.kind, NpKind::Description { det: Some(d), .. } if d == "a" || d == "an")
            {
                continue;
            }
            let pos = s.toks[v].start;
            let Some(mut resolved) = ents.resolve(&np, pos, &self.lexicon) else {
                continue;
            };
            if let Some(e) = resolved.entity {
                ents.spoke(e, pos);
            }
            // A document speaks for whoever wrote it; unnamed, it is the source.
            if document && resolved.speaker.name.is_none() {
                if let NpKind::Description { head, .. } = &np.kind {
                    resolved.speaker.role.get_or_insert_with(|| head.clone());
                }
                resolved.speaker.kind = SpeakerType::Unknown;
            }
            used[v] = true;
            if let Some(r) = repeat {
                used[r] = true;
            }
            clauses.push((a, b));
            last_subject = Some(np.clone());
            let via = via
                .filter(|_| resolved.speaker.name.is_some())
                .or_else(|| self.via(s, v, &resolved, ents));
            let (start, end) = s.span(a, b);
            out.push(Found {
                start,
                end,
                kind: Kind::Indirect,
                cue: Some(cue_word.to_lowercase()),
                speaker: Some(resolved),
                via,
                base: 0.85,
                chain: None,
                context: None,
            });
        }
    }

    /// The outlet a statement was given to: `told Politico`, `in an interview
    /// with TechCrunch`, `as cited by the publication`, `reports Politico`.
    fn via(&self, s: &Sent, cue: usize, speaker: &Resolved, ents: &Entities) -> Option<String> {
        let cue_word = s.word(cue).unwrap_or_default();
        if takes_listener(cue_word)
            && let Some(np) = s.np_forward(cue + 1, false)
            && let NpKind::Name(name) = np.kind
        {
            return Some(name);
        }
        if is_report_verb(cue_word) && speaker.speaker.kind == SpeakerType::Outlet {
            return speaker.speaker.name.clone();
        }
        for i in 0..s.len() {
            let marks_source = (s.is_word(i, "interview") && s.is_word(i + 1, "with"))
                || (s.is_word(i, "cited") && s.is_word(i + 1, "by"));
            if !marks_source {
                continue;
            }
            let target = i + 2;
            if let Some(name) = s.name_at(target) {
                return Some(name);
            }
            match s.np_forward(target, false).map(|np| np.kind) {
                Some(NpKind::Quoted(name)) => return Some(name),
                Some(NpKind::Description { det, head })
                    if det.as_deref() == Some("the") && words::is_outlet_noun(&head) =>
                {
                    return ents.latest_outlet();
                }
                _ => {}
            }
        }
        None
    }

    /// Records the names of a sentence so later pronouns and surnames resolve.
    fn register_mentions(&self, s: &Sent, ents: &mut Entities, found: &[Found]) {
        let mut i = 0;
        while i < s.len() {
            if !s.is_name_word(i) {
                i += 1;
                continue;
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
            let kind = entities::name_type(name, np.outlet_hint, &self.lexicon);
            ents.mention(name, kind, np.role.as_deref(), pos, !oblique && !inside);
            i = j;
        }
    }

    fn finish(&self, doc: &Document, found: Vec<Found>) -> Vec<Statement> {
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
                    doc: doc.path.clone(),
                    line: doc.line_of(f.start),
                    start: f.start,
                    end: f.end,
                    kind: f.kind,
                    content: doc.text[f.start..f.end].to_string(),
                    cue: f.cue,
                    speaker,
                    via: f.via,
                    confidence,
                    context: f.context.map(|(a, b)| doc.text[a..b].to_string()),
                })
            })
            .collect();
        out.sort_by_key(|s| (s.start, s.end));
        out.dedup_by_key(|s| (s.start, s.end));
        out
    }
}

/// The cue as written: the verb, or the colon of `Name: "…"`.
fn cue_text(s: &Sent, cue: usize) -> String {
    match (s.low(cue), s.punct(cue)) {
        (Some(w), _) => w.to_string(),
        (None, Some(c)) => c.to_string(),
        _ => String::new(),
    }
}

/// The speaker of `Name: …`, the colon just before token `k`: a name of at
/// most four words opening the sentence (or right after a dash), not a
/// heading word such as `Update:` or `Note:`.
fn colon_speaker(s: &Sent, k: usize) -> Option<Np> {
    if k < 2 || s.punct(k - 1) != Some(':') {
        return None;
    }
    let colon = k - 1;
    let start = (0..colon)
        .rev()
        .find(|&i| matches!(s.punct(i), Some('—' | '–' | '-')))
        .map_or(0, |d| d + 1);
    if colon - start > 4
        || colon == start
        || !(start..colon).all(|i| {
            s.is_name_word(i)
                || s.word(i).is_some_and(|w| {
                    w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase)
                })
        })
    {
        return None;
    }
    let np = s.np_span(start, colon)?;
    let NpKind::Name(name) = &np.kind else {
        return None;
    };
    let heading = (!name.contains(' ')
        && (lexicon::verb_class(&lower(name)) != 0 || name.len() < 3))
        || words::is_heading_word(&lower(name));
    (!heading).then_some(np)
}

/// The sentence is one quotation, with at most punctuation after it.
fn is_lone_quote(toks: &[scan::Tok], r: &std::ops::Range<usize>) -> bool {
    let t = &toks[r.clone()];
    matches!(t.first().map(|t| t.kind), Some(scan::TokKind::Quote(_)))
        && t[1..]
            .iter()
            .all(|t| matches!(t.kind, scan::TokKind::Punct(_)))
}

/// A bare clause follows at `c`: a pronoun subject, or a verb soon after its
/// subject. Verbs are known from WordNet's forms; an -s or base form whose
/// lemma is also a noun counts only after a word that is not a determiner.
fn clause_follows(s: &Sent, c: usize) -> bool {
    let Some(w) = s.lw(c) else { return false };
    if words::is_subject_pronoun(&w) || words::is_pronoun_contraction(&w) {
        return true;
    }
    if words::is_preposition(&w) || words::is_finite_marker(&w) {
        return false;
    }
    // A subject may hold a list or an appositive ("comments from Rice,
    // Rhodes and Petraeus were …"), so commas do not end the search; a quote
    // or a second clause marker does.
    (c + 1..s.len().min(c + 20))
        .take_while(|&i| {
            s.quote(i).is_none()
                && !s
                    .lw(i)
                    .is_some_and(|w| matches!(w.as_ref(), "that" | "which" | "because" | "while"))
        })
        .any(|i| {
            s.lw(i).is_some_and(|w| {
                if words::is_finite_marker(&w) || lexicon::is_finite_verb(&w) {
                    return true;
                }
                let class = lexicon::verb_class(&w);
                let Some(p) = s.lw(i - 1) else { return false };
                let after_head = !words::is_determiner(&p) && !words::is_preposition(&p);
                // A base form is a present verb only after a plural subject.
                let plural = (p.ends_with('s') && !p.ends_with("ss"))
                    || matches!(
                        p.as_ref(),
                        "people" | "they" | "we" | "you" | "police" | "men" | "women" | "children"
                    );
                let s3 = class & lexicon::class::S3 != 0;
                let base = class & lexicon::class::BASE != 0 && plural;
                (s3 || base) && after_head && (class & lexicon::class::NOUN == 0 || i > c + 1)
            })
        })
}

/// Speech acts and stated positions are often nouns too (`attacks`,
/// `questions`, `want`): a participle never opens one on its own, a form
/// whose lemma is also a noun needs a name or pronoun just before it, and a
/// base form needs a plural or pronoun subject (`Democrats want`).
fn new_cue_form_fits(s: &Sent, v: usize, kind: ClauseKind) -> bool {
    let Some(w) = s.lw(v) else { return false };
    let class = lexicon::verb_class(&w);
    // `…, citing fears of terrorism`: a participle after a comma goes on with
    // the sentence's subject; elsewhere an -ing form is a noun or modifier.
    if kind == ClauseKind::Object
        && class & lexicon::class::ING != 0
        && class & lexicon::class::PAST == 0
        && s.punct(v - 1) != Some(',')
    {
        return false;
    }
    let ambiguous = class & lexicon::class::NOUN != 0 && class & lexicon::class::PAST == 0;
    // "Rust Belt states underscored …", "Trump's comments signal …": a noun
    // that is the head of a subject, after a possessive or before a verb.
    if ambiguous {
        let possessive = v > 0
            && s.low(v - 1)
                .is_some_and(|p| p.ends_with("'s") || p.ends_with("’s"));
        let verb_next = s.low(v + 1).is_some_and(|n| {
            words::is_finite_marker(n) || (lexicon::is_finite_verb(n) && !words::is_preposition(n))
        });
        if possessive || verb_next {
            return false;
        }
    }
    // A clause after the verb (checked later) settles the reading of the others.
    if !ambiguous
        || !matches!(
            kind,
            ClauseKind::Object | ClauseKind::Bare | ClauseKind::That
        )
    {
        return true;
    }
    let Some(prev) = v.checked_sub(1) else {
        return false;
    };
    // "Anna Berg, head of the union, claims …": an appositive ends at the
    // comma; a base form after one is a noun ("…, state regulators said").
    let Some(p) = s.lw(prev) else {
        return s.punct(prev) == Some(',') && class & lexicon::class::BASE == 0;
    };
    let pronoun = words::is_subject_pronoun(&p) || p == "who";
    // "after the Paris attacks": a name after a determiner or preposition is
    // a modifier, not a subject.
    let mut run = prev;
    while run > 0 && s.is_name_word(run - 1) {
        run -= 1;
    }
    let modifier = run > 0
        && s.lw(run - 1).is_some_and(|w| {
            words::is_determiner(&w)
                || words::is_preposition(&w)
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
    let name = s.is_name_word(prev) && !modifier;
    let plural = p.ends_with('s') && !p.ends_with("ss") && !words::is_function_word(&p);
    if class & lexicon::class::BASE != 0 {
        return pronoun || plural;
    }
    kind == ClauseKind::Bare || pronoun || name
}

/// A speech act's object: at least two words before the sentence ends, not
/// a particle, a passive's agent or an adverb (`responded quickly, …`).
fn object_follows(s: &Sent, c: usize, n: usize) -> bool {
    let words_ahead = (c..n)
        .filter(|&i| s.word(i).is_some() || s.quote(i).is_some())
        .count();
    words_ahead >= 2
        && (s.quote(c).is_some()
            || s.lw(c).is_some_and(|w| {
                let particle = matches!(w.as_ref(), "by" | "off" | "up" | "out" | "back");
                let adverb = w.ends_with("ly") && lexicon::verb_class(&w) == 0;
                !(particle || adverb)
            }))
}

/// A particle or preposition after a speech verb that introduces what the
/// speech was about: `about`, `of`, `on`, `against`, `over` after any speech
/// verb; `for`, `with`, `to`, `out` only after a speech act (`called for`,
/// `sided with`, `referred to`, `lashed out at`).
fn speech_particle(p: &str, kind: ClauseKind) -> bool {
    match kind {
        ClauseKind::Quote | ClauseKind::Document => false,
        ClauseKind::Object => matches!(
            p,
            "about" | "of" | "on" | "against" | "over" | "for" | "with" | "to" | "out"
        ),
        ClauseKind::Bare | ClauseKind::That => matches!(p, "about" | "of" | "against" | "over"),
    }
}

/// Where a speech act's object ends: at `, stating …` / `, adding …`, a
/// participle cue that starts a statement of its own.
fn object_end(s: &Sent, c: usize, n: usize) -> usize {
    (c + 1..n)
        .find(|&i| {
            s.punct(i) == Some(',')
                && ((s.word(i + 1).is_some_and(|w| w.ends_with("ing")) && s.cue(i + 1).is_some())
                    || trailing_attribution(s, i, n))
        })
        .unwrap_or(n)
}

/// `…, the club said.` at comma `i`: a short subject and a cue end the sentence.
fn trailing_attribution(s: &Sent, i: usize, n: usize) -> bool {
    (i + 2..(i + 7).min(n)).any(|v| {
        s.cue(v).is_some()
            && (i + 1..v).all(|k| s.word(k).is_some())
            && (v + 1..n).all(|k| {
                s.lw(k).is_some_and(|w| {
                    words::is_time_word(&w)
                        || matches!(
                            w.as_ref(),
                            "last"
                                | "this"
                                | "week"
                                | "month"
                                | "year"
                                | "on"
                                | "in"
                                | "a"
                                | "an"
                                | "the"
                                | "statement"
                                | "interview"
                        )
                })
            })
    })
}

/// The subject names a document or data set: `the report`, `a Quinnipiac poll`,
/// `court documents`, `data from the census`.
fn is_document_subject(s: &Sent, np: &Np) -> bool {
    // "a new poll from USA Today": the phrase may have been cut at "from".
    let mut start = np.first;
    while start > 0 && np.first - start < 6 && s.word(start - 1).is_some() {
        start -= 1;
        if s.lw(start).is_some_and(|w| words::is_document_noun(&w)) {
            return true;
        }
    }
    (np.first..np.end).any(|i| s.lw(i).is_some_and(|w| words::is_document_noun(&w)))
}

/// Skips time words between a speech verb and its clause: `said Tuesday she…`,
/// `said on Friday the…`.
fn skip_time(s: &Sent, mut c: usize) -> usize {
    loop {
        if s.lw(c).is_some_and(|w| words::is_time_word(&w)) {
            c += 1;
        } else if s
            .lw(c)
            .is_some_and(|w| matches!(w.as_ref(), "on" | "last" | "this" | "late" | "early"))
            && s.lw(c + 1).is_some_and(|w| {
                words::is_time_word(&w)
                    || matches!(
                        w.as_ref(),
                        "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening"
                    )
            })
        {
            c += 2;
        } else {
            return c;
        }
    }
}

/// Content span without surrounding whitespace. The quote's own punctuation
/// (`"…,"`) stays: content is exactly what stood between the marks.
fn trim_content(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    (start + lead, start + lead + inner.trim().len())
}

/// Quotation parts with no attribution of their own take the speaker of the
/// quotation they continue: `"A," he said. "B."`, a quote that runs on into
/// the next paragraph, or one whose attribution comes in the next sentence.
fn inherit_speakers(found: &mut [Found]) {
    let linked = |a: &Chain, b: &Chain| {
        (a.para == b.para && b.sentence == a.sentence + 1 && (a.alone || b.alone))
            || (a.runs_on && b.para == a.para + 1 && b.first_in_para)
    };
    // A paragraph that is only a quotation belongs to the attributed quotation
    // next door: the one ending the paragraph before, else the one opening
    // the paragraph after. Less sure than an attribution of its own.
    let next_para = |a: &Chain, b: &Chain| b.para == a.para + 1 && b.first_in_para;
    let quotes: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].chain.is_some())
        .collect();
    for _ in 0..2 {
        for w in quotes.windows(2) {
            let (x, y) = (w[0], w[1]);
            let (Some(a), Some(b)) = (found[x].chain, found[y].chain) else {
                continue;
            };
            if !linked(&a, &b) {
                continue;
            }
            match (found[x].speaker.is_some(), found[y].speaker.is_some()) {
                (true, false) if b.alone || a.runs_on => {
                    found[y].speaker = found[x].speaker.clone();
                    found[y].via = found[x].via.clone();
                    found[y].cue = found[x].cue.clone();
                }
                (false, true) if a.alone || a.runs_on => {
                    found[x].speaker = found[y].speaker.clone();
                    found[x].via = found[y].via.clone();
                    found[x].cue = found[y].cue.clone();
                }
                _ => {}
            }
        }
    }
    // `"A," one aide said late last month, "B."`: pieces of one sentence.
    for w in quotes.windows(2) {
        let (x, y) = (w[0], w[1]);
        let (Some(a), Some(b)) = (found[x].chain, found[y].chain) else {
            continue;
        };
        if a.sentence == b.sentence && found[x].speaker.is_some() && found[y].speaker.is_none() {
            found[y].speaker = found[x].speaker.clone();
            found[y].via = found[x].via.clone();
            found[y].cue = found[x].cue.clone();
        }
    }
    for (wi, w) in quotes.windows(2).enumerate() {
        let (x, y) = (w[0], w[1]);
        let (Some(a), Some(b)) = (found[x].chain, found[y].chain) else {
            continue;
        };
        if !next_para(&a, &b) {
            continue;
        }
        let last_of_para = quotes
            .get(wi + 2)
            .is_none_or(|&z| found[z].chain.is_none_or(|c| c.para != a.para));
        let inherit = |from: &Found| {
            from.speaker.clone().map(|mut r| {
                r.certainty = r.certainty.min(0.9) * 0.75;
                r
            })
        };
        if b.para_only && found[y].speaker.is_none() && last_of_para && found[x].speaker.is_some() {
            found[y].speaker = inherit(&found[x]);
            found[y].cue = found[x].cue.clone();
        } else if a.para_only
            && found[x].speaker.is_none()
            && found[y].speaker.is_some()
            && found[y].kind == Kind::Direct
        {
            found[x].speaker = inherit(&found[y]);
            found[x].cue = found[y].cue.clone();
        }
    }
}
