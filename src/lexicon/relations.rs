//! Word relations from WordNet 3.0 (`src/lexicon/data/relations.txt`, made by
//! `tools/wordnet_relations.py`; licence in `data/WORDNET_LICENSE`): the
//! synonyms, close relatives (a hypernym, a derivation) and antonyms of a
//! word's most frequent senses, and the look-up of a word form's lemmas.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

const DATA: &str = include_str!("data/relations.txt");

/// How two lemmas relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// They share one of their first senses (`legible` / `readable` is `~`).
    Synonym,
    /// A hypernym, a similar adjective or a derivation (`proof` ~ `evidence`).
    Related,
    /// WordNet's antonyms (`private` / `public`, `increase` / `decrease`).
    Antonym,
}

/// A lemma's id in the table.
pub type Lemma = u32;

struct Table {
    ids: HashMap<&'static str, Lemma>,
    names: Vec<&'static str>,
    /// Per lemma: related lemmas, sorted by id.
    links: Vec<Vec<(Lemma, Relation)>>,
    /// Irregular verb forms: `brought` → `bring`.
    irregular: HashMap<&'static str, &'static str>,
    /// Lemmas WordNet spells only with a capital.
    proper: rustc_hash::FxHashSet<&'static str>,
}

impl Table {
    fn id(&mut self, w: &'static str) -> Lemma {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = self.names.len() as Lemma;
        self.ids.insert(w, i);
        self.names.push(w);
        self.links.push(Vec::new());
        i
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        ids: HashMap::default(),
        names: Vec::new(),
        links: Vec::new(),
        irregular: HashMap::default(),
        proper: Default::default(),
    };
    for line in DATA.lines() {
        if let Some(rest) = line.strip_prefix("^ ") {
            t.proper.extend(rest.split_ascii_whitespace());
            continue;
        }
        if let Some(rest) = line.strip_prefix("< ") {
            if let Some((form, base)) = rest.split_once(' ') {
                t.irregular.insert(form, base);
            }
            continue;
        }
        let Some((lemma, rest)) = line.split_once(" = ") else {
            continue;
        };
        let a = t.id(lemma);
        let mut parts = rest.split(" | ");
        let groups = [
            (parts.next().unwrap_or(""), Relation::Synonym),
            (parts.next().unwrap_or(""), Relation::Related),
            (parts.next().unwrap_or(""), Relation::Antonym),
        ];
        for (text, rel) in groups {
            let text = text.trim_start_matches(['~', '!']).trim();
            for w in text.split_ascii_whitespace() {
                let b = t.id(w);
                t.links[a as usize].push((b, rel));
            }
        }
    }
    for l in &mut t.links {
        // A pair listed under two relations keeps the closest one.
        l.sort_unstable();
        l.dedup_by_key(|(b, _)| *b);
    }
    t
});

/// The lemma ids a word form may stand for, by WordNet's detachment rules
/// (`attacks` → `attack`, `used` → `used` and `use`, `brought` → `bring`).
pub fn lemmas(word: &str) -> Vec<Lemma> {
    let t = &*TABLE;
    let mut out: Vec<Lemma> = Vec::new();
    let mut add = |w: &str| {
        if let Some(&i) = t.ids.get(w)
            && !out.contains(&i)
        {
            out.push(i);
        }
    };
    add(word);
    if let Some(base) = t.irregular.get(word) {
        add(base);
    }
    const RULES: [(&str, &str); 14] = [
        ("ies", "y"),
        ("ses", "s"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("es", "e"),
        ("es", ""),
        ("s", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("ly", ""),
    ];
    for (suffix, with) in RULES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 2
        {
            add(&format!("{stem}{with}"));
            // A doubled consonant before -ed/-ing: "banned" → "ban".
            let b = stem.as_bytes();
            if with.is_empty()
                && (suffix == "ed" || suffix == "ing")
                && b.len() >= 3
                && b[b.len() - 1] == b[b.len() - 2]
            {
                add(&stem[..stem.len() - 1]);
            }
        }
    }
    out
}

/// A word WordNet knows only as a name (`ukrainian`, `paris`).
pub fn is_proper(word: &str) -> bool {
    TABLE.proper.contains(word)
}

/// How lemmas `a` and `b` relate, if they do.
pub fn relation(a: Lemma, b: Lemma) -> Option<Relation> {
    let links = TABLE.links.get(a as usize)?;
    links
        .binary_search_by_key(&b, |&(x, _)| x)
        .ok()
        .map(|i| links[i].1)
}

/// Every lemma related to `a`, with how.
pub fn related(a: Lemma) -> &'static [(Lemma, Relation)] {
    TABLE.links.get(a as usize).map_or(&[], Vec::as_slice)
}

/// The spelling of a lemma.
pub fn name(a: Lemma) -> &'static str {
    TABLE.names.get(a as usize).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> Option<Relation> {
        lemmas(a)
            .iter()
            .flat_map(|&x| lemmas(b).into_iter().map(move |y| relation(x, y)))
            .flatten()
            .min()
    }

    #[test]
    fn synonyms_relatives_and_antonyms_come_from_wordnet() {
        assert_eq!(rel("custody", "confinement"), Some(Relation::Related));
        assert_eq!(rel("evidence", "proof"), Some(Relation::Related));
        assert_eq!(rel("prevented", "forestall"), Some(Relation::Synonym));
        assert_eq!(rel("private", "public"), Some(Relation::Antonym));
        assert_eq!(rel("increase", "decrease"), Some(Relation::Antonym));
        assert_eq!(rel("guilty", "innocent"), Some(Relation::Antonym));
        assert_eq!(rel("allow", "forbid"), Some(Relation::Antonym));
        assert_eq!(rel("telegram", "signal"), None);
        // A hypernym WordNet names only by compounds ("motor vehicle").
        assert_eq!(rel("cars", "vehicles"), Some(Relation::Related));
    }

    #[test]
    fn relations_are_symmetric() {
        for a in 0..TABLE.names.len() as Lemma {
            for &(b, r) in related(a) {
                assert_eq!(relation(b, a), Some(r), "{} / {}", name(a), name(b));
            }
        }
    }

    #[test]
    fn word_forms_find_their_lemmas() {
        let names = |w: &str| lemmas(w).into_iter().map(name).collect::<Vec<_>>();
        assert!(names("banned").contains(&"ban"));
        assert!(names("attacks").contains(&"attack"));
        assert!(names("used").contains(&"use"));
        assert!(names("brought").contains(&"bring"));
    }
}
