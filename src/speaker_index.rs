//! The speaker index: who speaks in a corpus, in what roles, how (quotes,
//! reported speech), to which outlets and in which articles; unnamed sources
//! apart, grouped by how the text names them; and proposals of registry
//! aliases for names that look like one person written two ways.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::lexicon::{self, words};
use crate::model::{Article, Kind, SpeakerType, Statement};

/// Places kept per role: enough to find it again.
const PLACES_PER_ROLE: usize = 3;

/// Every speaker of a corpus, its unnamed sources and its articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpeakerIndex {
    /// Named speakers, those with most statements first.
    pub speakers: Vec<IndexedSpeaker>,
    /// Sources the text does not name (`a person familiar with the matter`),
    /// grouped by the words it uses, most statements first.
    pub unnamed: Vec<UnnamedSource>,
    /// Quotations no speaker could be found for.
    pub unattributed: usize,
    /// The articles read, in path order.
    pub documents: Vec<IndexedDocument>,
}

/// One named speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexedSpeaker {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SpeakerType,
    pub statements: usize,
    /// Statements by kind (`direct`, `partial`, `indirect`, `according_to`).
    pub kinds: BTreeMap<&'static str, usize>,
    /// The roles the text gives them, each with where it was first seen.
    pub roles: Vec<RoleSeen>,
    /// How the text names them at its cues (`Tokar`, `he`).
    pub mentions: Vec<String>,
    /// The outlets their statements were given to (`told Politico`).
    pub outlets: Vec<Counted>,
    /// The documents they speak in, in path order.
    pub documents: Vec<String>,
}

/// A role and where it was seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleSeen {
    pub role: String,
    /// How many statements give it.
    pub times: usize,
    /// The first few places (`doc:line`).
    pub seen: Vec<String>,
}

/// A name and how many statements it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counted {
    pub name: String,
    pub statements: usize,
}

/// Sources the text does not name, grouped by its words for them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnnamedSource {
    /// The words, as first written (`A person familiar with the matter`).
    pub mention: String,
    #[serde(rename = "type")]
    pub kind: SpeakerType,
    pub statements: usize,
    pub kinds: BTreeMap<&'static str, usize>,
    pub documents: Vec<String>,
}

/// An article of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexedDocument {
    pub doc: String,
    pub article: Arc<Article>,
    pub statements: usize,
    /// Distinct named speakers.
    pub speakers: usize,
}

/// A mention that says who someone is: not a pronoun (`he`, `his
/// statements`).
fn names_them(mention: &str) -> bool {
    let first = mention
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    !(first.is_empty()
        || words::is_subject_pronoun(&first)
        || words::is_object_pronoun(&first)
        || words::is_possessive(&first))
}

/// Builds a [`SpeakerIndex`] from a corpus's statements, a document at a
/// time: it holds the speakers, never the statements.
#[derive(Debug, Default)]
pub struct Builder {
    speakers: FxHashMap<String, IndexedSpeaker>,
    unnamed: FxHashMap<String, UnnamedSource>,
    unattributed: usize,
    documents: Vec<IndexedDocument>,
    /// For each role of each speaker, its index in `roles`.
    role_at: FxHashMap<(String, String), usize>,
    /// The named speakers of each document, for alias proposals.
    together: Vec<Vec<String>>,
}

impl Builder {
    /// Adds one document's statements (all of one `doc`).
    pub fn add(&mut self, statements: &[Statement]) {
        let Some(first) = statements.first() else {
            return;
        };
        let doc = &first.span.doc;
        let mut named: Vec<String> = Vec::new();
        for st in statements {
            let kind = st.kind.as_str();
            match &st.speaker.name {
                Some(name) => {
                    let s = self
                        .speakers
                        .entry(name.clone())
                        .or_insert_with(|| IndexedSpeaker {
                            name: name.clone(),
                            kind: st.speaker.kind,
                            statements: 0,
                            kinds: BTreeMap::new(),
                            roles: Vec::new(),
                            mentions: Vec::new(),
                            outlets: Vec::new(),
                            documents: Vec::new(),
                        });
                    s.statements += 1;
                    *s.kinds.entry(kind).or_default() += 1;
                    if names_them(&st.speaker.mention)
                        && !s
                            .mentions
                            .iter()
                            .any(|m| m.eq_ignore_ascii_case(&st.speaker.mention))
                    {
                        s.mentions.push(st.speaker.mention.clone());
                    }
                    if let Some(via) = &st.via {
                        match s.outlets.iter_mut().find(|o| &o.name == via) {
                            Some(o) => o.statements += 1,
                            None => s.outlets.push(Counted {
                                name: via.clone(),
                                statements: 1,
                            }),
                        }
                    }
                    if s.documents.last() != Some(doc) {
                        s.documents.push(doc.clone());
                    }
                    if let Some(role) = &st.speaker.role {
                        let place = format!("{doc}:{}", st.span.line);
                        let key = (name.clone(), role.clone());
                        match self.role_at.get(&key) {
                            Some(&i) => {
                                let seen = &mut s.roles[i];
                                seen.times += 1;
                                if seen.seen.len() < PLACES_PER_ROLE && !seen.seen.contains(&place)
                                {
                                    seen.seen.push(place);
                                }
                            }
                            None => {
                                self.role_at.insert(key, s.roles.len());
                                s.roles.push(RoleSeen {
                                    role: role.clone(),
                                    times: 1,
                                    seen: vec![place],
                                });
                            }
                        }
                    }
                    if !named.contains(name) {
                        named.push(name.clone());
                    }
                }
                None if st.speaker.mention.is_empty() => self.unattributed += 1,
                None => {
                    let u = self
                        .unnamed
                        .entry(st.speaker.mention.to_lowercase())
                        .or_insert_with(|| UnnamedSource {
                            mention: st.speaker.mention.clone(),
                            kind: st.speaker.kind,
                            statements: 0,
                            kinds: BTreeMap::new(),
                            documents: Vec::new(),
                        });
                    u.statements += 1;
                    *u.kinds.entry(kind).or_default() += 1;
                    if u.documents.last() != Some(doc) {
                        u.documents.push(doc.clone());
                    }
                }
            }
        }
        self.documents.push(IndexedDocument {
            doc: doc.clone(),
            article: Arc::clone(&first.article),
            statements: statements.len(),
            speakers: named.len(),
        });
        self.together.push(named);
    }

    /// The index, sorted, and the alias proposals it supports.
    pub fn finish(self) -> (SpeakerIndex, Vec<AliasProposal>) {
        let mut speakers: Vec<IndexedSpeaker> = self.speakers.into_values().collect();
        for s in &mut speakers {
            s.outlets
                .sort_by(|a, b| b.statements.cmp(&a.statements).then(a.name.cmp(&b.name)));
        }
        speakers.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.name.cmp(&b.name)));
        let mut unnamed: Vec<UnnamedSource> = self.unnamed.into_values().collect();
        unnamed.sort_by(|a, b| {
            b.statements
                .cmp(&a.statements)
                .then(a.mention.to_lowercase().cmp(&b.mention.to_lowercase()))
        });
        let proposals = propose_aliases(&speakers, &self.together);
        let index = SpeakerIndex {
            speakers,
            unnamed,
            unattributed: self.unattributed,
            documents: self.documents,
        };
        (index, proposals)
    }
}

/// Names that look like one person written two ways, for the registry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AliasProposal {
    /// The fullest, most used form.
    pub name: String,
    pub aliases: Vec<String>,
    /// Why, for the person who reviews it.
    #[serde(skip)]
    pub why: Vec<String>,
}

/// A person's name read for comparison: first name, middle names, surname.
struct Parts<'a> {
    first: &'a str,
    middle: Vec<&'a str>,
    surname: String,
}

fn parts(name: &str) -> Option<Parts<'_>> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (&last, rest) = words.split_last()?;
    let (&first, middle) = rest.split_first()?;
    Some(Parts {
        first,
        middle: middle.to_vec(),
        surname: last.to_lowercase(),
    })
}

/// An initial: `R.` or `R`.
fn initial(w: &str) -> Option<char> {
    let letters: Vec<char> = w.trim_end_matches('.').chars().collect();
    (letters.len() == 1 && letters[0].is_alphabetic()).then(|| letters[0].to_ascii_lowercase())
}

/// Two given names that can be one person's: the same, an initial and a
/// name it starts, or a name and its nickname (`Tim`, `Timothy`).
fn same_given(a: &str, b: &str) -> bool {
    let first_letter = |w: &str| w.chars().next().map(|c| c.to_ascii_lowercase());
    a.trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim_end_matches('.'))
        || initial(a).is_some_and(|i| Some(i) == first_letter(b))
        || initial(b).is_some_and(|i| Some(i) == first_letter(a))
        || lexicon::is_nickname_pair(a, b)
}

/// Whether two names can be one person: one surname, compatible first
/// names, and middle names that do not disagree (`George W. Bush`, `George
/// Bush`).
fn compatible(a: &Parts, b: &Parts) -> bool {
    a.surname == b.surname
        && same_given(a.first, b.first)
        && a.middle
            .iter()
            .zip(&b.middle)
            .all(|(x, y)| same_given(x, y))
}

/// A name with a whole first name, not an initial.
fn full(p: &Parts) -> bool {
    initial(p.first).is_none()
}

/// Proposes registry entries for people written two ways. A short form
/// (an initial, a nickname) is proposed only when one person of that
/// surname fits it, and two names seen as different speakers in one
/// document are never proposed as one person.
fn propose_aliases(speakers: &[IndexedSpeaker], together: &[Vec<String>]) -> Vec<AliasProposal> {
    let people: Vec<(&IndexedSpeaker, Parts)> = speakers
        .iter()
        .filter(|s| s.kind == SpeakerType::Person)
        .filter_map(|s| Some((s, parts(&s.name)?)))
        .collect();
    let mut seen_together: FxHashSet<(&str, &str)> = FxHashSet::default();
    for names in together {
        for a in names {
            for b in names {
                if a != b {
                    seen_together.insert((a.as_str(), b.as_str()));
                }
            }
        }
    }
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, p)) in people.iter().enumerate() {
        by_surname.entry(p.surname.as_str()).or_default().push(i);
    }
    let mut proposals = Vec::new();
    for group in by_surname.values().filter(|g| g.len() > 1) {
        // Each name goes to the one fuller form it fits, or to none.
        let mut taken: FxHashSet<usize> = FxHashSet::default();
        let mut clusters: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in group {
            let (si, pi) = &people[i];
            let fits: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&j| j != i)
                .filter(|&j| {
                    let (sj, pj) = &people[j];
                    compatible(pi, pj)
                        && full(pj)
                        && (sj.statements, &sj.name) > (si.statements, &si.name)
                        && !seen_together.contains(&(si.name.as_str(), sj.name.as_str()))
                })
                .collect();
            // Ambiguous: it fits two people who are not one.
            let distinct = fits.iter().any(|&x| {
                fits.iter()
                    .any(|&y| x != y && !compatible(&people[x].1, &people[y].1))
            });
            if distinct || fits.is_empty() {
                continue;
            }
            // The fullest form among those it fits: most statements.
            let Some(&head) = fits.iter().max_by_key(|&&j| (people[j].0.statements, j)) else {
                continue;
            };
            taken.insert(i);
            match clusters.iter_mut().find(|(h, _)| *h == head) {
                Some((_, members)) => members.push(i),
                None => clusters.push((head, vec![i])),
            }
        }
        for (head, members) in clusters {
            if taken.contains(&head) {
                continue;
            }
            let (hs, _) = &people[head];
            let describe = |s: &IndexedSpeaker| {
                format!(
                    "\"{}\" ({} statement{} in {})",
                    s.name,
                    s.statements,
                    if s.statements == 1 { "" } else { "s" },
                    s.documents.join(", ")
                )
            };
            let why = std::iter::once(describe(hs))
                .chain(members.iter().map(|&m| describe(people[m].0)))
                .collect();
            proposals.push(AliasProposal {
                name: hs.name.clone(),
                aliases: members.iter().map(|&m| people[m].0.name.clone()).collect(),
                why,
            });
        }
    }
    proposals
}

/// The proposals as YAML entries for `claims/speakers.yaml`, each after a
/// comment saying where its names were seen.
pub fn proposals_yaml(proposals: &[AliasProposal]) -> String {
    #[derive(Serialize)]
    struct Entry<'a> {
        name: &'a str,
        aliases: &'a [String],
        #[serde(rename = "type")]
        kind: &'a str,
    }
    let mut out = String::from(
        "# Proposed by `whosaid speakers --suggest-aliases`: names that look like one\n\
         # person written two ways. Check each before adding it to claims/speakers.yaml.\n",
    );
    if proposals.is_empty() {
        out.push_str("# (none)\n");
    }
    for p in proposals {
        out.push('\n');
        for line in &p.why {
            out.push_str(&format!("# {line}\n"));
        }
        let entry = [Entry {
            name: &p.name,
            aliases: &p.aliases,
            kind: "person",
        }];
        out.push_str(&serde_yaml::to_string(&entry).unwrap_or_default());
    }
    out
}

impl SpeakerIndex {
    /// `3 direct, 1 indirect`: statements by kind, most first.
    pub fn kinds_line(kinds: &BTreeMap<&'static str, usize>) -> String {
        let order = [
            Kind::Direct,
            Kind::Partial,
            Kind::Indirect,
            Kind::AccordingTo,
        ];
        order
            .iter()
            .filter_map(|k| kinds.get(k.as_str()).map(|n| format!("{n} {}", k.as_str())))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, statements: usize, docs: &[&str]) -> IndexedSpeaker {
        IndexedSpeaker {
            name: name.into(),
            kind: SpeakerType::Person,
            statements,
            kinds: BTreeMap::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            outlets: Vec::new(),
            documents: docs.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn proposed(speakers: &[IndexedSpeaker], together: &[&[&str]]) -> Vec<(String, Vec<String>)> {
        let together: Vec<Vec<String>> = together
            .iter()
            .map(|names| names.iter().map(|n| n.to_string()).collect())
            .collect();
        propose_aliases(speakers, &together)
            .into_iter()
            .map(|p| (p.name, p.aliases))
            .collect()
    }

    #[test]
    fn nicknames_initials_and_middle_names_are_one_person() {
        let speakers = [
            person("Tim Cook", 5, &["a.txt"]),
            person("Timothy Cook", 2, &["b.txt"]),
            person("Rachel Wainwright", 4, &["a.txt"]),
            person("R. Wainwright", 1, &["c.txt"]),
            person("George W. Bush", 3, &["a.txt"]),
            person("George Bush", 1, &["d.txt"]),
        ];
        let got = proposed(&speakers, &[]);
        assert!(
            got.contains(&("Tim Cook".into(), vec!["Timothy Cook".into()])),
            "{got:?}"
        );
        assert!(
            got.contains(&("Rachel Wainwright".into(), vec!["R. Wainwright".into()])),
            "{got:?}"
        );
        assert!(
            got.contains(&("George W. Bush".into(), vec!["George Bush".into()])),
            "{got:?}"
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn a_shared_surname_alone_is_never_one_person() {
        // Two Wainwrights: the initial fits both, so it is proposed for neither.
        let speakers = [
            person("Rachel Wainwright", 4, &["a.txt"]),
            person("Robert Wainwright", 3, &["b.txt"]),
            person("R. Wainwright", 1, &["c.txt"]),
            person("Ana Ruiz", 2, &["a.txt"]),
            person("Maria Ruiz", 2, &["a.txt"]),
        ];
        assert!(proposed(&speakers, &[]).is_empty());
        // Two forms that speak as different people in one article stay apart.
        let speakers = [
            person("Tim Cook", 5, &["a.txt"]),
            person("Timothy Cook", 2, &["a.txt"]),
        ];
        assert!(proposed(&speakers, &[&["Tim Cook", "Timothy Cook"]]).is_empty());
    }
}
