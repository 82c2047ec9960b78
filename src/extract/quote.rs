//! Direct and partial quotations: a quote and the attribution beside it
//! (`"…," X said`, `X said: "…"`, `"…" Okafor said Friday`, `Name: "…"`).

use super::*;

impl Extractor {
    /// Direct and partial quotations.
    #[inline(never)]
    pub(super) fn quotes(
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
            let ends_sentence = s.trim_end(0, s.len()) == k + 1;
            let alone = quote_count == 1 && ends_sentence && k == 0;
            // `"A," said Schmidt. Unless rivals quit, "B."`: the second part
            // of one quotation, told apart from a scare quote by its length.
            let continues = !at.first_in_para
                && ends_sentence
                && k > 0
                && s.text[start..end].split_whitespace().count() >= 4
                && (0..s.len()).all(|i| s.cue(i).is_none());
            let chain = Chain {
                alone,
                runs_on: q.runs_on,
                continues,
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
                    // A noun that shares a cue's form ("the 95 minute rant")
                    // attributes nothing.
                    (0..k)
                        .filter(|&c| {
                            !used[c]
                                && s.cue(c)
                                    .is_some_and(|kind| indirect::cue_form_fits(s, c, kind))
                        })
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
                None if alone || q.runs_on || at.first_in_para || quote_count > 1 || continues => {
                    // Maybe part of a quotation attributed next door.
                    out.push(Found {
                        start,
                        end,
                        kind: if continues {
                            Kind::Partial
                        } else {
                            Kind::Direct
                        },
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
    pub(super) fn after_quote(&self, s: &Sent, k: usize) -> Option<(Np, usize)> {
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
    pub(super) fn before_quote(&self, s: &Sent, k: usize) -> Option<(Np, usize)> {
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
}

/// The cue as written: the verb, or the colon of `Name: "…"`.
pub(super) fn cue_text(s: &Sent, cue: usize) -> String {
    match (s.low(cue), s.punct(cue)) {
        (Some(w), _) => w.to_string(),
        (None, Some(c)) => c.to_string(),
        _ => String::new(),
    }
}

/// The speaker of `Name: …`, the colon just before token `k`: a name of at
/// most four words opening the sentence (or right after a dash), not a
/// heading word such as `Update:` or `Note:`.
pub(super) fn colon_speaker(s: &Sent, k: usize) -> Option<Np> {
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
    // "Listen: …" is an imperative; "Trump: …" is a name the article goes on
    // to use mid-sentence.
    // "Poll: …" is its source; "AP: …" an agency, while "Q:" and "A:" mark
    // an interview's turns.
    let low = lower(name);
    let acronym = name.len() == 2 && name.chars().all(|c| c.is_ascii_uppercase());
    let heading = (!name.contains(' ')
        && ((name.len() < 3 && !acronym)
            || (lexicon::verb_class(&low) != 0
                && !words::is_document_noun(&low)
                && !np::named_mid_sentence(s.text, name))))
        || words::is_heading_word(&low);
    (!heading).then_some(np)
}

/// Content span without surrounding whitespace. The quote's own punctuation
/// (`"…,"`) stays: content is exactly what stood between the marks.
pub(super) fn trim_content(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    (start + lead, start + lead + inner.trim().len())
}
