//! Who has been mentioned so far in a document: the table that turns
//! surnames, pronouns and descriptions into the names they refer to.

use rustc_hash::FxHashMap as HashMap;

use super::np::{Np, NpKind, lower};
use crate::lexicon::words;
use crate::lexicon::{self, Lexicon, Sex};
use crate::model::{Speaker, SpeakerType};

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: SpeakerType,
    pub role: Option<String>,
    pub mentions: u32,
    /// One past the byte position of the last salient mention (subject or speaker); 0 = never.
    pub salient: usize,
    /// One past the byte position of the last time it was a speaker; 0 = never.
    pub spoke: usize,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    by_name: HashMap<String, usize>,
    /// Multi-word names by their last word, lowercase: `tokar` → Nazar Tokar.
    surnames: HashMap<String, Vec<usize>>,
    /// Per type, (salient, entity) each time an entity of that type became
    /// more salient, in that order: "he" looks back from the end instead of
    /// over every name the document has given. Entries whose entity has
    /// since moved on (or changed type) are stale and skipped.
    recent: [Vec<(usize, usize)>; KINDS],
    /// Every mention's entity, in order: the window that descriptions
    /// ("the company", "the union") search once a document names more
    /// entities than [`SCAN_WINDOW`].
    touched: Vec<usize>,
    /// Where in `touched` each entity was mentioned last.
    last_touch: Vec<usize>,
    /// Multi-word names by each of their words, lowercase and without a
    /// plural or possessive `s` (`union` → Northgate Dockers' Union).
    name_words: HashMap<String, Vec<usize>>,
    /// [`name_type`] of each name met, as written: a document names the
    /// same people again and again.
    types: HashMap<String, SpeakerType>,
}

/// A description looks among this many most recently mentioned entities
/// (all of them in any article; a bound for transcripts and dumps naming
/// thousands, so that cost stays linear in names).
const SCAN_WINDOW: usize = 512;

const KINDS: usize = 6;

fn kind_slot(k: SpeakerType) -> usize {
    match k {
        SpeakerType::Person => 0,
        SpeakerType::Organization => 1,
        SpeakerType::Outlet => 2,
        SpeakerType::Group => 3,
        SpeakerType::Place => 4,
        SpeakerType::Unknown => 5,
    }
}

/// A one-word name typed as an organisation by default that may as well be
/// a surname (`Trump`, not `Telegram Inc`, `NATO` or `Democrats`).
fn maybe_surname(e: &Entity) -> bool {
    e.kind == SpeakerType::Organization
        && !e.name.contains(' ')
        && !e.name.ends_with('s')
        && e.name.chars().skip(1).any(char::is_lowercase)
        && !words::is_org_word(&lower(&e.name))
        && e.spoke > 0
}

/// How far back (bytes, about two paragraphs of news) a personal pronoun
/// looks for the person it names; past that it stays unnamed.
const PRONOUN_REACH: usize = 1200;

/// A speaker resolved against the table.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub speaker: Speaker,
    pub entity: Option<usize>,
    /// How the name was reached: 1.0 named, lower for pronouns and descriptions.
    pub certainty: f64,
}

/// Guesses what kind of name this is from its words and the lexicon.
pub fn name_type(name: &str, outlet_hint: bool, lex: &Lexicon) -> SpeakerType {
    if outlet_hint || lex.is_outlet(name) {
        return SpeakerType::Outlet;
    }
    let count = name.split_whitespace().count();
    let last = name.split_whitespace().next_back().unwrap_or_default();
    if count > 1 && lexicon::with_lower(last, words::is_outlet_word) {
        return SpeakerType::Outlet;
    }
    if name
        .split_whitespace()
        .any(|w| lexicon::with_lower(w, words::is_org_word))
    {
        return SpeakerType::Organization;
    }
    // One word: a first name used as a surname ("Thomas") is a person;
    // otherwise an organisation until a title or a pronoun says more.
    if count == 1 {
        return if lexicon::with_lower(last, lexicon::is_first_name) {
            SpeakerType::Person
        } else {
            SpeakerType::Organization
        };
    }
    if name.chars().filter(|c| c.is_uppercase()).count()
        == name.chars().filter(|c| c.is_alphabetic()).count()
    {
        return SpeakerType::Organization; // an acronym
    }
    SpeakerType::Person
}

impl Entities {
    /// [`name_type`], worked out once per name and document.
    pub fn name_type(&mut self, name: &str, outlet_hint: bool, lex: &Lexicon) -> SpeakerType {
        if outlet_hint {
            return SpeakerType::Outlet;
        }
        if let Some(&t) = self.types.get(name) {
            return t;
        }
        let t = name_type(name, false, lex);
        self.types.insert(name.to_string(), t);
        t
    }

    /// The entity `name` refers to: itself, or the person whose surname it is.
    pub fn find(&self, name: &str) -> Option<usize> {
        lexicon::with_lower(name, |key| {
            if let Some(&i) = self.by_name.get(key) {
                // A bare surname seen before its full name: prefer the full name.
                if !key.contains(' ')
                    && let Some(j) = self.by_surname(key)
                {
                    return Some(j);
                }
                return Some(i);
            }
            if !key.contains(' ') {
                return self.by_surname(key);
            }
            None
        })
    }

    fn by_surname(&self, key: &str) -> Option<usize> {
        self.surnames
            .get(key)?
            .iter()
            .copied()
            .filter(|&i| self.list[i].kind == SpeakerType::Person)
            .max_by_key(|&i| (self.list[i].mentions, self.list[i].salient))
    }

    /// Records a mention of `name`; returns its entity.
    pub fn mention(
        &mut self,
        name: &str,
        kind: SpeakerType,
        role: Option<&str>,
        pos: usize,
        salient: bool,
    ) -> usize {
        let i = match self.find(name) {
            Some(i) => i,
            None => {
                self.list.push(Entity {
                    name: name.to_string(),
                    kind,
                    role: None,
                    mentions: 0,
                    salient: 0,
                    spoke: 0,
                });
                let i = self.list.len() - 1;
                let key = name.to_lowercase();
                if let Some((_, surname)) = key.rsplit_once(' ') {
                    self.surnames
                        .entry(surname.to_string())
                        .or_default()
                        .push(i);
                    let mut words: Vec<String> = name
                        .split_whitespace()
                        .map(|w| lower(w.trim_end_matches(['\'', '’', 's'])).into_owned())
                        .collect();
                    words.sort_unstable();
                    words.dedup();
                    for w in words {
                        self.name_words.entry(w).or_default().push(i);
                    }
                }
                self.by_name.insert(key, i);
                i
            }
        };
        let e = &mut self.list[i];
        let before = (e.salient, e.kind);
        e.mentions += 1;
        if salient {
            e.salient = e.salient.max(pos + 1);
        }
        if e.role.is_none() {
            e.role = role.map(str::to_string);
        }
        // A later, more specific type wins over the single-word default.
        if e.kind == SpeakerType::Organization
            && kind != SpeakerType::Organization
            && kind != SpeakerType::Unknown
            && !e.name.contains(' ')
        {
            e.kind = kind;
        }
        self.note_salience(i, before);
        self.touch(i);
        i
    }

    /// The entities a description may mean: all of them, or in a document
    /// naming more than [`SCAN_WINDOW`], the most recently mentioned that
    /// many. In no particular order: callers break ties by index.
    fn scanned(&self) -> Box<dyn Iterator<Item = (usize, &Entity)> + '_> {
        if self.list.len() <= SCAN_WINDOW {
            return Box::new(self.list.iter().enumerate());
        }
        // An entity counts at its latest mention only, so each comes once.
        Box::new(
            self.touched
                .iter()
                .enumerate()
                .rev()
                .take(SCAN_WINDOW * 4)
                .filter(move |&(at, &i)| self.last_touch[i] == at)
                .take(SCAN_WINDOW)
                .map(move |(_, &i)| (i, &self.list[i])),
        )
    }

    pub fn spoke(&mut self, i: usize, pos: usize) {
        let e = &mut self.list[i];
        let before = (e.salient, e.kind);
        e.spoke = e.spoke.max(pos + 1);
        e.salient = e.salient.max(pos + 1);
        self.note_salience(i, before);
        self.touch(i);
    }

    fn touch(&mut self, i: usize) {
        if self.last_touch.len() <= i {
            self.last_touch.resize(i + 1, usize::MAX);
        }
        self.last_touch[i] = self.touched.len();
        self.touched.push(i);
    }

    /// Logs entity `i` in [`Entities::recent`] when its salience or type changed.
    fn note_salience(&mut self, i: usize, (salient, kind): (usize, SpeakerType)) {
        let e = &self.list[i];
        if e.salient > 0 && (e.salient, e.kind) != (salient, kind) {
            // Kept sorted; positions arrive nearly in order, so this is a push.
            let log = &mut self.recent[kind_slot(e.kind)];
            let entry = (e.salient, i);
            let at = log.len() - log.iter().rev().take_while(|&&x| x > entry).count();
            log.insert(at, entry);
        }
    }

    /// Salient entities of `kinds`, latest salient first (the highest index
    /// first among equals), not after `before` and not before `floor`.
    fn salient_back(
        &self,
        kinds: &[SpeakerType],
        before: usize,
        floor: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        let mut cursors: Vec<(usize, usize)> = kinds
            .iter()
            .map(|&k| (kind_slot(k), self.recent[kind_slot(k)].len()))
            .collect();
        let kinds = kinds.to_vec();
        std::iter::from_fn(move || {
            loop {
                // The cursor whose next entry back is latest.
                let (c, &(s, i)) = cursors
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, at))| *at > 0)
                    .map(|(c, &(slot, at))| (c, &self.recent[slot][at - 1]))
                    .max_by_key(|(_, entry)| **entry)?;
                if s < floor {
                    return None;
                }
                cursors[c].1 -= 1;
                let e = &self.list[i];
                let fresh = e.salient == s && kinds.contains(&e.kind);
                if fresh && s <= before + 1 {
                    return Some(i);
                }
            }
        })
    }

    /// The entity of `kinds` whose last salient mention is latest, not after `before`.
    fn most_salient(&self, kinds: &[SpeakerType], before: usize) -> Option<usize> {
        self.salient_back(kinds, before, 0).next()
    }

    /// The person most recently salient whose name does not rule out `sex`.
    fn most_salient_person(&self, sex: Sex, before: usize) -> Option<usize> {
        // Within reach: `before - salient < PRONOUN_REACH`.
        let floor = (before + 1).saturating_sub(PRONOUN_REACH);
        let kinds = [SpeakerType::Person, SpeakerType::Organization];
        self.salient_back(&kinds, before, floor).find(|&i| {
            let e = &self.list[i];
            (e.kind == SpeakerType::Person || maybe_surname(e))
                && before.saturating_sub(e.salient) < PRONOUN_REACH
                && lexicon::sex_of(&e.name, e.role.as_deref()).is_none_or(|x| x == sex)
        })
    }

    /// `the company`: the organisation that spoke last, else the one last named as a subject.
    fn topical_org(&self) -> Option<usize> {
        let spoke = self
            .scanned()
            .filter(|(_, e)| e.kind == SpeakerType::Organization && e.spoke > 0)
            .max_by_key(|&(i, e)| (e.spoke, i))
            .map(|(i, _)| i);
        spoke.or_else(|| {
            self.scanned()
                .filter(|(_, e)| e.kind == SpeakerType::Organization)
                .max_by_key(|&(i, e)| (e.salient, e.mentions, i))
                .map(|(i, _)| i)
        })
    }

    fn speaker_of(
        &self,
        i: usize,
        mention: &str,
        role: Option<String>,
        certainty: f64,
    ) -> Resolved {
        let e = &self.list[i];
        Resolved {
            speaker: Speaker {
                name: Some(e.name.clone()),
                mention: mention.to_string(),
                role: role.or_else(|| e.role.clone()),
                kind: e.kind,
            },
            entity: Some(i),
            certainty,
        }
    }

    fn unnamed(mention: &str, kind: SpeakerType, role: Option<String>) -> Resolved {
        Resolved {
            speaker: Speaker {
                name: None,
                mention: mention.to_string(),
                role,
                kind,
            },
            entity: None,
            certainty: 0.85,
        }
    }

    /// Resolves a noun phrase at byte `pos` to a speaker. `None` for the
    /// author's own voice (`I`, `we`, `my`), which is not an attribution.
    pub fn resolve(&mut self, np: &Np, pos: usize, lex: &Lexicon) -> Option<Resolved> {
        match &np.kind {
            NpKind::Name(name) | NpKind::Quoted(name) => {
                let kind = if matches!(np.kind, NpKind::Quoted(_)) {
                    SpeakerType::Outlet
                } else {
                    self.name_type(name, np.outlet_hint, lex)
                };
                // "Mr. Trump", "Sen. Cruz": a personal title makes a person.
                let titled = np
                    .role
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().any(|w| words::is_title(&lower(w))));
                let kind = if np.group_hint {
                    SpeakerType::Group
                } else if np.person_hint || (titled && kind == SpeakerType::Organization) {
                    SpeakerType::Person
                } else {
                    kind
                };
                let i = self.mention(name, kind, np.role.as_deref(), pos, true);
                // A surname standing for a full name met earlier: a little less sure.
                let certainty = if self.list[i].name == *name {
                    1.0
                } else {
                    0.95
                };
                Some(self.speaker_of(i, &np.mention, np.role.clone(), certainty))
            }
            NpKind::Pronoun(p) | NpKind::Possessive(p) => {
                if words::is_first_person(p) {
                    return None;
                }
                let target = match p.as_str() {
                    // He and she are persons, of the sex their name allows.
                    "he" | "him" | "his" => self.most_salient_person(Sex::Male, pos),
                    "she" | "her" => self.most_salient_person(Sex::Female, pos),
                    "they" | "them" | "their" => self.most_salient(&[SpeakerType::Group], pos),
                    _ => self.most_salient(&[SpeakerType::Organization, SpeakerType::Outlet], pos),
                };
                match target {
                    Some(i) => {
                        // Less sure the further back the antecedent was last salient.
                        let gap = pos.saturating_sub(self.list[i].salient);
                        let certainty = if gap < 400 { 0.85 } else { 0.7 };
                        Some(self.speaker_of(i, &np.mention, None, certainty))
                    }
                    None => {
                        let kind = if matches!(p.as_str(), "they" | "them" | "their") {
                            SpeakerType::Group
                        } else {
                            SpeakerType::Unknown
                        };
                        Some(Self::unnamed(&np.mention, kind, None))
                    }
                }
            }
            NpKind::Description { det, head } => {
                // "the company", "Durov's company"
                let definite = matches!(det.as_deref(), Some("the" | "this" | "its"))
                    || np
                        .mention
                        .split(' ')
                        .next()
                        .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"));
                let plural =
                    head.ends_with('s') && !head.ends_with("ss") && !words::is_org_noun(head);
                if words::is_outlet_noun(head) && definite {
                    if let Some(i) = self.most_salient_any(&[SpeakerType::Outlet]) {
                        return Some(self.speaker_of(i, &np.mention, None, 0.85));
                    }
                    return Some(Self::unnamed(&np.mention, SpeakerType::Outlet, None));
                }
                // "the council", "the union", "the ministry": the named body
                // whose name has that word (Marlow Bay City Council), else the
                // organisation the article is about.
                if definite && let Some(i) = self.by_name_word(head, pos) {
                    return Some(self.speaker_of(i, &np.mention, None, 0.8));
                }
                if words::is_org_noun(head) && definite {
                    if let Some(i) = self.topical_org() {
                        return Some(self.speaker_of(i, &np.mention, None, 0.75));
                    }
                    return Some(Self::unnamed(&np.mention, SpeakerType::Organization, None));
                }
                if words::is_org_noun(head) {
                    return Some(Self::unnamed(&np.mention, SpeakerType::Organization, None));
                }
                if det.as_deref() == Some("one") && !np.mention.contains(" in ") {
                    return Some(Self::unnamed(&np.mention, SpeakerType::Person, None));
                }
                if plural || words::is_group_noun(head) {
                    return Some(Self::unnamed(&np.mention, SpeakerType::Group, None));
                }
                if words::is_org_word(head) {
                    return Some(Self::unnamed(&np.mention, SpeakerType::Organization, None));
                }
                // "the spokesperson", "the union's president": the person
                // introduced with that role. With none, the source stays
                // unnamed rather than go to whoever spoke last.
                // A generic description (`the police official`) with no role
                // to match is the person who was speaking.
                if definite && words::is_person_noun(head) {
                    if let Some(i) = self.by_role(&np.mention, head, pos) {
                        return Some(self.speaker_of(i, &np.mention, None, 0.75));
                    }
                    let role = np.mention.split_once(' ').map(|(_, r)| r.to_string());
                    // "the spokesman for Clinton" is not whoever spoke last.
                    let complement = !np.mention.to_lowercase().ends_with(head.as_str());
                    if !words::is_title(head)
                        && !complement
                        && let Some(i) = self.most_salient(&[SpeakerType::Person], pos)
                    {
                        let mut r = self.speaker_of(i, &np.mention, None, 0.7);
                        if r.speaker.role.is_none() {
                            r.speaker.role = role;
                        }
                        return Some(r);
                    }
                    return Some(Self::unnamed(&np.mention, SpeakerType::Person, role));
                }
                let quantity = np.mention.starts_with(|c: char| c.is_ascii_digit())
                    || words::is_number_word(head);
                let kind = if quantity || matches!(det.as_deref(), Some("those" | "these")) {
                    SpeakerType::Group
                } else if det.is_some() {
                    SpeakerType::Person
                } else {
                    SpeakerType::Unknown
                };
                Some(Self::unnamed(&np.mention, kind, None))
            }
        }
    }

    /// The organisation or group most recently mentioned whose name has
    /// `head` as a word (`union` → Northgate Dockers' Union).
    fn by_name_word(&self, head: &str, before: usize) -> Option<usize> {
        // Only the head nouns of bodies (not "the Russians" for the Russian
        // Federation).
        if head.len() < 4 || !(words::is_org_noun(head) || words::is_org_word(head)) {
            return None;
        }
        let named = self.name_words.get(head.trim_end_matches('s'))?;
        // The latest-named bodies with the word, at most a window of them.
        named[named.len().saturating_sub(SCAN_WINDOW)..]
            .iter()
            .map(|&i| (i, &self.list[i]))
            .filter(|(_, e)| {
                matches!(e.kind, SpeakerType::Organization | SpeakerType::Group)
                    && e.salient <= before + 1
            })
            .max_by_key(|&(i, e)| (e.salient, e.mentions, i))
            .map(|(i, _)| i)
    }

    /// The person most recently salient whose role or title has the
    /// description's head noun and its other content words (`the union's
    /// president` → the entity with role `union's president`).
    fn by_role(&self, mention: &str, head: &str, before: usize) -> Option<usize> {
        let words_of = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(|w| lower(w).into_owned())
                .collect()
        };
        let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
        let head = singular(head);
        let wanted: Vec<String> = words_of(mention)
            .into_iter()
            .filter(|w| !words::is_determiner(w) && w != "s")
            .map(|w| singular(&w))
            .collect();
        self.scanned()
            .filter(|(_, e)| {
                e.kind == SpeakerType::Person && e.salient > 0 && e.salient <= before + 1
            })
            .filter(|(_, e)| {
                let role: Vec<String> = e
                    .role
                    .as_deref()
                    .map(|r| words_of(r).iter().map(|w| singular(w)).collect())
                    .unwrap_or_default();
                role.contains(&head) && wanted.iter().all(|w| role.contains(w))
            })
            .max_by_key(|&(i, e)| (e.salient, i))
            .map(|(i, _)| i)
    }

    fn most_salient_any(&self, kinds: &[SpeakerType]) -> Option<usize> {
        self.scanned()
            .filter(|(_, e)| kinds.contains(&e.kind))
            .max_by_key(|&(i, e)| (e.salient, e.mentions, i))
            .map(|(i, _)| i)
    }

    /// The outlet mentioned most recently (`the publication` refers to it).
    pub fn latest_outlet(&self) -> Option<String> {
        self.most_salient_any(&[SpeakerType::Outlet])
            .map(|i| self.list[i].name.clone())
    }
}
