//! Word and phrase pools for the corpus generator. Placeholders inside phrases:
//! `{org}`, `{topic}`, `{place}`, `{outlet}`, `{n}` (a number), `{day}`,
//! `{date}`, `{year}`, `{pct}` (1–95), `{few}` (2–25), `{person}` (someone's surname), `{'}` (the article's
//! apostrophe). They are expanded by `Article::expand`.
//!
//! The pools themselves are data in `benches/data/`, one entry per line (an
//! empty line is an empty entry; `topics.txt`: the topic, a tab, its
//! sentence). Tails keep their leading space or comma; openers are written
//! without the space that joins them to the quote.

use std::sync::LazyLock;

fn lines(text: &'static str) -> Vec<&'static str> {
    text.lines().collect()
}

/// Each non-empty entry with the space that follows it.
fn spaced(text: &'static str) -> Vec<&'static str> {
    lines(text)
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                l
            } else {
                &*format!("{l} ").leak()
            }
        })
        .collect()
}

pub static MALE_FIRST: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/male_first.txt")));

pub static FEMALE_FIRST: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/female_first.txt")));

pub static SURNAMES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/surnames.txt")));

/// Titles that sometimes precede a full name and survive into back-references.
pub static TITLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/titles.txt")));

pub static ORGS: LazyLock<Vec<&str>> = LazyLock::new(|| lines(include_str!("../data/orgs.txt")));

pub static OUTLETS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/outlets.txt")));

pub static ROLES: LazyLock<Vec<&str>> = LazyLock::new(|| lines(include_str!("../data/roles.txt")));

/// What runs/heads an organisation: `, who runs ORG.` style relatives.
pub static RELATIVES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/relatives.txt")));

pub static PLACES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/places.txt")));

/// Topic: (noun phrase, headline fragment).
pub static TOPICS: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    lines(include_str!("../data/topics.txt"))
        .into_iter()
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// Subjects for reported clauses (number-neutral predicates follow).
pub static SUBJECTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/subjects.txt")));

/// Predicates that agree with singular and plural subjects alike.
pub static PREDICATES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/predicates.txt")));

/// Optional tails appended to reported clauses.
pub static TAILS: LazyLock<Vec<&str>> = LazyLock::new(|| lines(include_str!("../data/tails.txt")));

pub static QUOTE_OPENERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| spaced(include_str!("../data/quote_openers.txt")));

/// Whole first-person quote sentences (no final punctuation).
pub static QUOTE_SENTENCES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/quote_sentences.txt")));

/// First-person subjects for generated quote sentences.
pub static QUOTE_SUBJECTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/quote_subjects.txt")));

pub static ADJECTIVES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/adjectives.txt")));

pub static PARTIAL_NOUNS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/partial_nouns.txt")));

/// Partial-quote frames: `{q}` is the quoted fragment (with the article's marks).
pub static PARTIAL_FRAMES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/partial_frames.txt")));

/// Narrative sentences with no attribution.
pub static NARRATIVE: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/narrative.txt")));

pub static DAYS: LazyLock<Vec<&str>> = LazyLock::new(|| lines(include_str!("../data/days.txt")));

pub static MONTHS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/months.txt")));

/// Unnamed sources.
pub static UNNAMED: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/unnamed.txt")));

/// Groups that speak collectively.
pub static GROUPS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../data/groups.txt")));
