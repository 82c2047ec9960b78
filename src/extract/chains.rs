//! What links statements across sentences and paragraphs: a short
//! attribution after a quote's full stop, an introduction ending in a colon,
//! and quotation parts or paragraphs that take the speaker next door.

use super::*;

impl Extractor {
    /// The speaker announced by a sentence ending in a colon: the subject of
    /// its first speech verb or finite verb (`The senator issued a statement:`).
    pub(super) fn introducer(&self, s: &Sent) -> Option<(Np, usize, String)> {
        let v = (1..s.len()).find(|&i| {
            s.cue(i).is_some() || s.lw(i).is_some_and(|w| lexicon::is_finite_verb(&w))
        })?;
        let np = s.subject_of(v)?;
        Some((np, s.toks[v].start, s.lw(v)?.into_owned()))
    }

    /// A quotation ending in `.`, `?` or `!` ends its sentence, but the short
    /// attribution after it belongs to it: `"Is anyone listening?" Garza
    /// asked the crowd.`, `"…this winter." Okafor said.`
    pub(super) fn join_attributions(
        &self,
        text: &str,
        toks: &[scan::Tok],
        (lows, verbs, classes): (&[Cow<'_, str>], &[Option<ClauseKind>], &[u8]),
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
                    (&lows[r.clone()], &verbs[r.clone()], &classes[r.clone()]),
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
    pub(super) fn is_attribution_tail(
        &self,
        text: &str,
        toks: &[scan::Tok],
        (lows, verbs, classes): (&[Cow<'_, str>], &[Option<ClauseKind>], &[u8]),
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
            classes,
            quotes,
            lex: &self.lexicon,
        };
        // The paragraph's lexicon table already says which tokens are cues.
        let Some(v) = (0..toks.len().min(6)).find(|&i| {
            verbs[i].is_some() && s.word(i).is_some_and(|w| w.starts_with(char::is_lowercase))
        }) else {
            return false;
        };
        v > 0
            && s.subject_of(v).is_some()
            && !clause_follows(&s, v + 1)
            && !s.is_word(v + 1, "that")
    }
}

/// The sentence is one quotation, with at most punctuation after it.
pub(super) fn is_lone_quote(toks: &[scan::Tok], r: &std::ops::Range<usize>) -> bool {
    let t = &toks[r.clone()];
    matches!(t.first().map(|t| t.kind), Some(scan::TokKind::Quote(_)))
        && t[1..]
            .iter()
            .all(|t| matches!(t.kind, scan::TokKind::Punct(_)))
}

/// Statement `to` takes the speaker, outlet and cue of statement `from`.
fn copy_attribution(found: &mut [Found], from: usize, to: usize) {
    found[to].speaker = found[from].speaker.clone();
    found[to].via = found[from].via.clone();
    found[to].cue = found[from].cue.clone();
}

/// Quotation parts with no attribution of their own take the speaker of the
/// quotation they continue: `"A," he said. "B."`, a quote that runs on into
/// the next paragraph, or one whose attribution comes in the next sentence.
pub(super) fn inherit_speakers(found: &mut [Found]) {
    let linked = |a: &Chain, b: &Chain| {
        (a.para == b.para && b.sentence == a.sentence + 1 && (a.alone || b.alone || b.continues))
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
                (true, false) if b.alone || b.continues || a.runs_on => {
                    copy_attribution(found, x, y);
                }
                (false, true) if a.alone || a.runs_on => copy_attribution(found, y, x),
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
            copy_attribution(found, x, y);
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
