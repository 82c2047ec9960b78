//! Sources named before or around the content: `According to X, …`,
//! `…, according to X`, `In his view, …`, `In the X poll, …`, and the
//! colon of `Name: …`.

use super::*;

impl Extractor {
    /// `According to X, …`, `…, according to X.`, `In his view, …`.
    #[inline(never)]
    pub(super) fn according_to(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>) {
        let n = s.trim_end(0, s.len());
        for i in 0..s.len() {
            // Only a sentence's start, "according" and "in" open these phrases.
            if i != 0 && !s.low(i).is_some_and(|w| matches!(w, "according" | "in")) {
                continue;
            }
            let (np, rest, cue) = if s.is_word(i, "according") && s.is_word(i + 1, "to") {
                if s.lw(i + 2)
                    .is_some_and(|w| matches!(w.as_ref(), "which" | "whom" | "whose"))
                {
                    continue;
                }
                // "according to recent polling": a gerund names the source.
                let gerund = || {
                    let e = s.segment_end(i + 2);
                    (e > i + 2
                        && e - (i + 2) <= 4
                        && (i + 2..e).all(|k| s.word(k).is_some())
                        && s.low(e - 1).is_some_and(|w| w.ends_with("ing")))
                    .then(|| {
                        let head = s.low(e - 1).unwrap_or_default().to_string();
                        Np {
                            kind: NpKind::Description { det: None, head },
                            mention: s.slice(i + 2, e).to_string(),
                            role: None,
                            outlet_hint: false,
                            person_hint: false,
                            group_hint: false,
                            first: i + 2,
                            end: e,
                        }
                    })
                };
                let Some(mut np) = s.np_forward(i + 2, false).or_else(gerund) else {
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
                && s.is_word(0, "as")
                && let Some(comma) = (3..s.len().min(12)).find(|&k| s.punct(k) == Some(','))
                && let Some(v) = (2..comma).rev().find(|&k| s.cue(k).is_some())
                && (v + 1..comma).all(|k| {
                    s.lw(k).is_some_and(|w| {
                        words::is_time_word(&w) || words::is_preposition(&w) || s.word(k).is_some()
                    })
                })
                && v + 3 >= comma
                && let Some(np) = s.subject_of(v)
                && np.first >= 1
            {
                // "As The Hill reported, Trump was also accused …": the source
                // of the clause after the comma.
                (np, comma, format!("as {}", s.low(v).unwrap_or_default()))
            } else if i == 0
                && s.is_word(0, "in")
                && let Some(comma) = (2..s.len().min(16)).find(|&k| s.punct(k) == Some(','))
                && (1..comma).all(|k| s.word(k).is_some() || s.punct(k) == Some('/'))
                // "In an NBC News/Wall Street Journal poll released Monday,":
                // the document, then how and when it came out.
                && let Some(d) = (1..comma)
                    .rev()
                    .find(|&k| s.lw(k).is_some_and(|w| words::is_document_noun(&w)))
                && (d + 1..comma).all(|k| {
                    s.lw(k).is_some_and(|w| {
                        !lexicon::is_finite(&w) || lexicon::verb_class(&w) & lexicon::class::BASE == 0
                    }) && s.cue(k).is_none()
                })
                // "In its annual report, the firm stated that …": the venue of
                // a speaker's own statement, not a source.
                && !(comma + 1..s.len()).any(|k| s.cue(k).is_some())
            {
                // "In the new Morning Consult poll, 40 percent back Sanders":
                // the document is the source of what follows.
                let Some(np) = s.np_span(1, d + 1) else {
                    continue;
                };
                (np, comma, "in".to_string())
            } else if i > 2
                && s.is_word(i, "in")
                // "Clinton held a 24-point lead in a CNN national poll.": a
                // poll at the end of the clause is its source.
                && let e = s.segment_end(i + 1).min(n)
                && e > i + 1
                && e - i <= 12
                && (i + 1..e).all(|k| s.word(k).is_some() || s.punct(k) == Some('/'))
                && let Some(d) = (i + 1..e).find(|&k| {
                    s.low(k).is_some_and(|w| matches!(w, "poll" | "polls" | "survey" | "surveys"))
                })
                && e - d <= 4
                && !(0..i).any(|k| s.cue(k).is_some())
                // The clause is a main clause, not "While he trails in polls".
                && !s.low(0).is_some_and(|w| {
                    words::is_subordinator(w) || matches!(w, "as" | "depending" | "with" | "but")
                })
            {
                let Some(np) = s.np_span(i + 1, d + 1) else {
                    continue;
                };
                (np, e, "in".to_string())
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
            } else if i > 0
                && s.punct(i - 1) == Some(',')
                && (s.trim_end(rest, s.len()) == rest
                    // "…, according to a CNN tally, but his path is narrowing":
                    // the clause before is the content; the next one is not.
                    || (s.punct(rest) == Some(',')
                        && s.low(rest + 1).is_some_and(|w| {
                            matches!(w, "but" | "and" | "while" | "although" | "though" | "yet")
                        })))
            {
                (0, i - 1)
            } else if cue == "in" && i > 0 {
                (0, i)
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
            let Some(mut resolved) = ents.resolve(&np, pos, &self.lexicon) else {
                continue;
            };
            // "In a Des Moines Register poll, …": an unnamed document is the
            // source, named by its kind.
            if resolved.speaker.name.is_none()
                && let NpKind::Description { head, .. } = &np.kind
                && words::is_document_noun(head)
            {
                resolved.speaker.role.get_or_insert_with(|| head.clone());
                resolved.speaker.kind = SpeakerType::Unknown;
            }
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

    /// `Milbank: Republicans waving the flag of surrender to Trump.` — a name
    /// and a colon opening the sentence attribute what follows.
    #[inline(never)]
    pub(super) fn colon(&self, s: &Sent, ents: &mut Entities, out: &mut Vec<Found>, at: Chain) {
        let Some(c) = (1..s.len().min(6)).find(|&i| s.punct(i) == Some(':')) else {
            return;
        };
        let n = s.trim_end(0, s.len());
        if s.quote(c + 1).is_some() || n < c + 4 {
            return;
        }
        // Prose, not a list of names or a title-case subheading; the
        // headline, the document's first line, may be title case
        // (`Graham: Trump's Rhetoric Destroying GOP's Chance`).
        let headline = at.para == 0 && at.first_in_para;
        let (words, lower_words) = (c + 1..n).fold((0, 0), |(w, l), i| match s.word(i) {
            Some(x) => (
                w + 1,
                l + usize::from(x.chars().next().is_some_and(char::is_lowercase)),
            ),
            None => (w, l),
        });
        if lower_words * 10 < words * 3 && !headline {
            return;
        }
        let Some(np) = colon_speaker(s, c + 1) else {
            return;
        };
        let pos = s.toks[c].start;
        let Some(mut resolved) = ents.resolve(&np, pos, &self.lexicon) else {
            return;
        };
        // "Poll: …", "Report: …": an unnamed document is the source.
        let word = lower(&np.mention).into_owned();
        if !word.contains(' ') && words::is_document_noun(&word) {
            resolved.speaker.name = None;
            resolved.speaker.kind = SpeakerType::Unknown;
            resolved.speaker.role = Some(word);
            resolved.entity = None;
        }
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
}
