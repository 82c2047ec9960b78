//! Reported speech and speech acts: `X said (that) …`, `…, X said.`, `The
//! plan, critics say, is …`, `X accused Y of …`, `the report found …`, and the
//! word-class tests (WordNet verb forms) that tell a clause or an object
//! from a noun phrase.

use super::*;

impl Extractor {
    /// Reported speech: `X said (that) …`, `…, X said.`, `…, reports X.`
    #[inline(never)]
    pub(super) fn indirect(
        &self,
        s: &Sent,
        ents: &mut Entities,
        out: &mut Vec<Found>,
        used: &mut [bool],
    ) {
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
            if !cue_form_fits(s, v, kind) {
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
                && participle_opens(s, v)
                && let Some(prev) = last_subject
                    .clone()
                    .or_else(|| attribution_before(s, v - 1))
                    // "Trump defended the plan, saying …", "by saying …":
                    // the participle goes on with the sentence's subject.
                    .or_else(|| s.sentence_subject())
                && (v + 1..n).any(|i| s.word(i).is_some())
                // "…, speaking on condition of anonymity": how, not what.
                && !s.low(v + 1).is_some_and(|p| words::is_preposition(p) && !speech_particle(p, kind))
            {
                // "…, Fiorina said, adding that …": the same speaker goes on;
                // "…, referring to …": what the act is about follows the particle.
                let mut c = v + 1;
                if s.is_word(c, "that") || s.low(c).is_some_and(|p| speech_particle(p, kind)) {
                    c += 1;
                }
                // "After saying he was nervous, the man …": the subject
                // follows, so the content ends at the comma before it.
                let b = if prev.first > v && s.punct(prev.first - 1) == Some(',') {
                    prev.first - 1
                } else {
                    n
                };
                (prev, c, b)
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
                    && (participle_next
                        || n - (v + 1) <= 6
                        || (tail_is_adverbial && n - (v + 1) <= 16))
                    && !cue_word.ends_with("ing")
                    && !clause_follows(s, v + 1);
                // "Obama said no.", "72 percent said yes while …": the answer.
                let answer = s.low(v + 1).is_some_and(|w| matches!(w, "yes" | "no"))
                    && (v + 2 == n
                        || s.punct(v + 2) == Some(',')
                        || s.low(v + 2)
                            .is_some_and(|w| matches!(w, "while" | "and" | "but")));
                if answer {
                    (np, v + 1, v + 2)
                } else if parenthetical {
                    (np, 0, n)
                } else if trailing {
                    let comma = if quote_comma { np.first } else { np.first - 1 };
                    (np, 0, comma)
                } else {
                    let mut c = v + 1;
                    if self.lexicon.takes_listener(cue_word)
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
                        let listener =
                            self.lexicon.takes_listener(cue_word) || kind == ClauseKind::Object;
                        let plain = (c..t).all(|k| {
                            (s.word(k).is_some() && s.cue(k).is_none())
                                || (listener && s.punct(k) == Some(','))
                        }) && !(c..t).any(|k| s.finite(k));
                        if (adverbial || listener) && plain {
                            c = t;
                        }
                    }
                    if !s.is_word(c, "that") {
                        c = skip_time(s, c);
                    }
                    // "warned about the cost", "spoke of a betrayal", "pointed
                    // out that …": what the speech is about follows the particle.
                    // "vowed to publish": an infinitive, not a particle.
                    let infinitive = s.is_word(c, "to")
                        && s.low(c + 1)
                            .is_some_and(|w| lexicon::verb_class(w) & lexicon::class::BASE != 0);
                    if let Some(p) = s.low(c)
                        && speech_particle(p, kind)
                        && !infinitive
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
                    // "a probe the agency said was ongoing", "which he said had
                    // harmed the economy": in a relative clause the cue's clause
                    // has its subject before the speaker, so a verb comes first.
                    let gap = matches!(kind, ClauseKind::Bare | ClauseKind::That)
                        && np.first > 0
                        && s.word(np.first - 1).is_some()
                        && s.low(c).is_some_and(|w| {
                            lexicon::is_finite(w) && !matches!(w, "do" | "does" | "did")
                        })
                        && (c + 1..n).any(|i| s.word(i).is_some());
                    let takes_clause = prep_object
                        || gap
                        || match kind {
                            // "Cruz hopes to get one last splash": an intention.
                            ClauseKind::Bare => clause_follows(s, c) || infinitive,
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
                                        && (c..e).any(|i| s.quote(i).is_some() || s.finite(i))
                                }
                            }
                            ClauseKind::Object => object_follows(s, c, n),
                            ClauseKind::Quote => false,
                        };
                    // After a speech act, "that" is a determiner: `rejected that idea`.
                    // "say that won't be true": "that" is the clause's subject.
                    let that_subject = s
                        .low(c + 1)
                        .is_some_and(|w| words::is_finite_marker(w) || lexicon::is_finite_verb(w));
                    let that_clause = s.is_word(c, "that")
                        && !that_subject
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
            // "says, win or lose, he's staying": the content starts after the comma.
            let a = if s.punct(a) == Some(',') { a + 1 } else { a };
            // Content that is nothing but quotations is the quotes' own statement.
            let one_word_answer = b == a + 1 && s.low(a).is_some_and(|w| matches!(w, "yes" | "no"));
            if b <= a
                || (b - a < 2 && !one_word_answer)
                || (a..b).all(|i| s.quote(i).is_some() || s.punct(i).is_some())
            {
                continue;
            }
            // "Chiefs say they fear …": a pronoun's position inside a reported
            // clause is part of that clause, not a statement of its own.
            let nested = clauses.iter().any(|&(ca, cb)| ca <= v && v < cb);
            if nested && matches!(np.kind, NpKind::Pronoun(_)) {
                continue;
            }
            // "the partisanship that Bloomberg decries also makes …": a
            // relative clause whose object is the gap before it; what follows
            // the cue is the main clause, not what was decried.
            let relative = np.first > 0
                && s.low(np.first - 1)
                    .is_some_and(|w| matches!(w, "that" | "which" | "whom"))
                && matches!(kind, ClauseKind::Object | ClauseKind::That)
                && s.low(s.skip_verb_fillers(v + 1)).is_some_and(|w| {
                    lexicon::is_finite(w) || lexicon::verb_class(w) & lexicon::class::S3 != 0
                });
            if relative {
                continue;
            }
            // A finding needs a document or data as its subject.
            let document = kind == ClauseKind::Document;
            if document && !is_document_subject(s, &np) {
                continue;
            }
            // "called a strike", "called a meeting": calling an event is an
            // act; calling someone something (`called the plan "a giveaway"`)
            // or calling for something is speech.
            if lower(cue_word).starts_with("call")
                && !prep_object
                && s.low(a).is_some_and(|w| matches!(w, "a" | "an"))
                && !(a..b).any(|i| s.quote(i).is_some())
            {
                continue;
            }
            // "a group called Mannatech": an indefinite description is no
            // speaker of a speech act's object.
            // A question is speech whoever asks it: "a voter asked if …".
            let question = (a..b.min(a + 4)).any(|k| {
                s.low(k).is_some_and(|w| {
                    matches!(
                        w,
                        "if" | "whether" | "how" | "why" | "what" | "who" | "when" | "where"
                    )
                })
            });
            if kind == ClauseKind::Object
                && !question
                && matches!(&np.kind, NpKind::Description { det: Some(d), .. } if d == "a" || d == "an")
            {
                continue;
            }
            let pos = s.toks[v].start;
            // "Calabrese told the Post he's …": a name that speaks of itself
            // as he or she is a person.
            let mut np = np;
            if matches!(np.kind, NpKind::Name(_))
                && s.low(a).is_some_and(|w| {
                    let w = w.split('\'').next().unwrap_or(w);
                    matches!(w, "he" | "she")
                })
            {
                np.person_hint = true;
            }
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
}

/// A participle cue at `v` that adds to the sentence's main clause: after a
/// comma or dash (`…, saying …`, `"…," saying …`) or a preposition (`by
/// saying`, `after saying`).
fn participle_opens(s: &Sent, v: usize) -> bool {
    matches!(s.punct(v - 1), Some(',' | '–' | '—'))
        || s.quote_inner(v - 1)
            .is_some_and(|q| q.trim_end().ends_with(','))
        || s.low(v - 1).is_some_and(|w| {
            matches!(
                w,
                "by" | "while" | "after" | "before" | "upon" | "when" | "without" | "in"
            )
        })
}

/// The speaker of the attribution that ends at the comma `comma`: `"…," he
/// said,` or `"…," said Ramos,` (a quotation's cue, so not a clause subject
/// of its own), for the participle after it (`…, referring to …`).
fn attribution_before(s: &Sent, comma: usize) -> Option<Np> {
    let c = (comma.saturating_sub(6)..comma)
        .rev()
        .find(|&c| s.cue(c).is_some())?;
    if c + 1 == comma || (c + 2..comma).all(|k| s.lw(k).is_some_and(|w| words::is_time_word(&w))) {
        return s.subject_of(c);
    }
    // "said Geoff Garin, a pollster," — the name, then its appositive.
    s.np_forward(c + 1, false)
        .filter(|np| np.end == comma || s.punct(np.end) == Some(','))
}

/// A bare clause follows at `c`: a pronoun subject, or a verb soon after its
/// subject. Verbs are known from WordNet's forms; an -s or base form whose
/// lemma is also a noun counts only after a word that is not a determiner.
pub(super) fn clause_follows(s: &Sent, c: usize) -> bool {
    // "says despite being an alumna, she plans …", "says, win or lose, he's
    // staying": an adverbial set off by a comma, then the clause.
    let opener = s.punct(c) == Some(',') || s.low(c).is_some_and(words::is_subordinator);
    if opener {
        return (c + 2..s.len().min(c + 16))
            .find(|&k| s.punct(k) == Some(','))
            .is_some_and(|k| s.lw(k + 1).is_some() && clause_follows_plain(s, k + 1));
    }
    clause_follows_plain(s, c)
}

/// [`clause_follows`] without an adverbial opener.
fn clause_follows_plain(s: &Sent, c: usize) -> bool {
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
    // A relative clause set off by commas (", which is widely supported by
    // Republicans,") is skipped; a quoted name (''Remain'') is part of a noun.
    let mut skip_to = 0;
    (c + 1..s.len().min(c + 24))
        .filter(|&i| {
            if i < skip_to {
                return false;
            }
            if s.punct(i - 1) == Some(',') && s.low(i).is_some_and(|w| matches!(w, "which" | "who"))
            {
                skip_to = (i + 1..s.len())
                    .find(|&k| s.punct(k) == Some(','))
                    .map_or(s.len(), |k| k + 1);
                return false;
            }
            true
        })
        .take_while(|&i| {
            !s.lw(i)
                .is_some_and(|w| matches!(w.as_ref(), "which" | "because" | "while"))
        })
        .any(|i| {
            // A quoted predicate: `the pipeline "wouldn't go 10 feet"`.
            if let Some(q) = s.quote_inner(i) {
                return !s.is_name_quote(i)
                    && q.trim_start().starts_with(|c: char| c.is_lowercase())
                    && i > c + 1;
            }
            s.word(i).is_some() && {
                if s.finite(i) {
                    return true;
                }
                let class = s.class(i);
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
            }
        })
}

/// Speech acts and stated positions are often nouns too (`attacks`,
/// `questions`, `want`): a participle never opens one on its own, a form
/// whose lemma is also a noun needs a name or pronoun just before it, and a
/// base form needs a plural or pronoun subject (`Democrats want`).
pub(super) fn cue_form_fits(s: &Sent, v: usize, kind: ClauseKind) -> bool {
    let Some(w) = s.lw(v) else { return false };
    let class = s.class(v);
    // `…, citing fears of terrorism`: a participle after a comma goes on with
    // the sentence's subject; elsewhere an -ing form is a noun or modifier.
    if kind == ClauseKind::Object
        && class & lexicon::class::ING != 0
        && class & lexicon::class::PAST == 0
        && s.punct(v - 1) != Some(',')
        // "groups are asking Clinton to …": a progressive is a verb.
        && !s
            .low(s.skip_fillers_back_from(v).saturating_sub(1))
            .is_some_and(|w| matches!(w, "is" | "are" | "was" | "were" | "been"))
    {
        return false;
    }
    // "the convention's pledged delegates", "Trump's reported net worth": a
    // participle between a determiner and its noun is an adjective.
    if class & lexicon::class::PAST != 0
        && v > 0
        && s.low(v - 1).is_some_and(|p| {
            words::is_determiner(p) || words::is_possessive(p) || p.ends_with("'s")
        })
        && s.low(v + 1).is_some_and(|n| !words::is_function_word(n))
    {
        return false;
    }
    let ambiguous = class & lexicon::class::NOUN != 0 && class & lexicon::class::PAST == 0;
    // "Rust Belt states underscored …", "Trump's comments signal …": a noun
    // that is the head of a subject, after a possessive or before a verb.
    if ambiguous {
        let possessive = v > 0 && s.low(v - 1).is_some_and(|p| p.ends_with("'s"));
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
    // "voters still say": the subject stands before the adverbs.
    let Some(prev) = s.skip_fillers_back_from(v).checked_sub(1) else {
        return false;
    };
    // "Anna Berg, head of the union, claims …": an appositive ends at the
    // comma; a base form after one is a noun ("…, state regulators said").
    let Some(p) = s.lw(prev) else {
        // "…, state regulators said": a base form with a cue right after it
        // is a noun; "Fields, along with Terris, say …" is a verb.
        let cue_after = (v + 1..(v + 4).min(s.len())).any(|i| s.cue(i).is_some());
        // "About 49% say …": a percentage is a plural subject.
        if s.punct(prev) == Some('%') {
            return true;
        }
        return matches!(s.punct(prev), Some(',' | '—' | '–'))
            && (class & lexicon::class::BASE == 0 || !cue_after);
    };
    let pronoun = words::is_subject_pronoun(&p) || p == "who";
    // "would only say", "did not say": after a modal or auxiliary, a verb.
    let after = s.skip_fillers_back_from(v);
    let modal = after > 0
        && s.low(after - 1).is_some_and(|w| {
            matches!(
                w,
                "would"
                    | "will"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "to"
            )
        });
    // "Officials would not say which clinics would close": withheld speech
    // is no statement (a negated belief, "don't think", still is one).
    let negated = (after..v).any(|i| s.low(i).is_some_and(|w| matches!(w, "not" | "never")))
        || (after > 0 && s.low(after - 1).is_some_and(|w| w.ends_with("n't")));
    if negated && words::is_disclosure_verb(&w) {
        return false;
    }
    if class & lexicon::class::BASE != 0 && modal {
        return true;
    }
    // "after the Paris attacks": a name after a determiner or preposition is
    // a modifier, not a subject.
    let mut run = prev;
    while run > 0 && s.is_name_word(run - 1) {
        run -= 1;
    }
    let modifier = run > 0
        && s.lw(run - 1).is_some_and(|w| {
            words::is_determiner(&w) || words::is_preposition(&w) || w.ends_with("'s")
        });
    let name = s.is_name_word(prev) && !modifier;
    // Quantities are plural subjects: "Six in 10 say", "49% say", "several said".
    let quantity = p.starts_with(|c: char| c.is_ascii_digit())
        || p.ends_with('%')
        // "one in five say"
        || (words::is_number_word(&p) && prev >= 2 && s.is_word(prev - 1, "in"))
        || matches!(
            p.as_ref(),
            "half"
                | "percent"
                | "several"
                | "many"
                | "most"
                | "some"
                | "few"
                | "majority"
                | "third"
                | "thirds"
                | "quarter"
        );
    // "those surveyed say": a participle after "those" is a plural subject.
    let those = prev > 0 && s.is_word(prev - 1, "those");
    let plural = quantity
        || those
        || (p.ends_with('s') && !p.ends_with("ss") && !words::is_function_word(&p));
    if class & lexicon::class::BASE != 0 {
        // "Aides to Clinton say", "sources close to her campaign say": the
        // phrase's head, not the word before the verb, is the plural.
        return pronoun || plural || s.subject_of(v).is_some_and(|np| is_plural_subject(&np));
    }
    kind == ClauseKind::Bare || pronoun || name
}

/// A subject that takes a plural verb: a plural head noun, a group, or a
/// quantity (`One in five`, `52 percent of voters`).
fn is_plural_subject(np: &Np) -> bool {
    match &np.kind {
        NpKind::Description { head, .. } => {
            (head.ends_with('s') && !head.ends_with("ss"))
                || words::is_group_noun(head)
                || np.mention.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => np.group_hint,
    }
}

/// A speech act's object: at least two words before the sentence ends, not
/// a particle, a passive's agent or an adverb (`responded quickly, …`).
pub(super) fn object_follows(s: &Sent, c: usize, n: usize) -> bool {
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
pub(super) fn speech_particle(p: &str, kind: ClauseKind) -> bool {
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
pub(super) fn object_end(s: &Sent, c: usize, n: usize) -> usize {
    (c + 1..n)
        .find(|&i| {
            s.punct(i) == Some(',')
                && ((s.word(i + 1).is_some_and(|w| w.ends_with("ing")) && s.cue(i + 1).is_some())
                    || trailing_attribution(s, i, n))
        })
        .unwrap_or(n)
}

/// `…, the club said.` at comma `i`: a short subject and a cue end the sentence.
pub(super) fn trailing_attribution(s: &Sent, i: usize, n: usize) -> bool {
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
                                | "yes"
                                | "no"
                        )
                })
            })
    })
}

/// The subject names a document or data set: `the report`, `a Quinnipiac poll`,
/// `court documents`, `data from the census`.
pub(super) fn is_document_subject(s: &Sent, np: &Np) -> bool {
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
pub(super) fn skip_time(s: &Sent, mut c: usize) -> usize {
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
