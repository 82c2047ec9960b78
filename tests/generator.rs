//! Checks on the benchmark corpus generator in `benches/common`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::collections::HashSet;

const MB: usize = 1024 * 1024;

#[test]
fn same_seed_same_corpus() {
    let a = common::generate(300_000, 42);
    let b = common::generate(300_000, 42);
    assert_eq!(a, b);
    let c = common::generate(300_000, 43);
    assert_ne!(a, c, "a different seed gives a different corpus");
}

#[test]
fn reaches_target_with_docs_of_2_to_8_kb() {
    for target in [1, 10_000, MB] {
        let docs = common::generate(target, 7);
        let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
        assert!(total >= target, "{total} < {target}");
        // It stops at the first article that reaches the target.
        let last = docs.last().unwrap().1.len();
        assert!(total - last < target, "generated more articles than needed");
        for (name, text) in &docs {
            assert!(
                (common::MIN_DOC..=common::MAX_DOC).contains(&text.len()),
                "{name}: {} bytes",
                text.len()
            );
        }
    }
}

#[test]
fn docs_are_nonempty_utf8_with_unique_names() {
    let docs = common::generate(MB, 1);
    let mut names = HashSet::new();
    for (name, text) in &docs {
        assert!(name.ends_with(".txt"));
        assert!(names.insert(name.clone()), "duplicate name {name}");
        assert!(!text.trim().is_empty(), "{name} is empty");
        // A `String` is UTF-8 by construction; check the bytes round-trip anyway.
        assert!(std::str::from_utf8(text.as_bytes()).is_ok());
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{name}: unexpanded placeholder"
        );
    }
}

#[test]
fn names_and_constructions_vary() {
    let docs = common::generate(MB, 2);
    let all: String = docs.iter().map(|(_, t)| t.as_str()).collect();

    // Surnames: words after a capitalised first name that are in the pool. Count
    // distinct pool surnames that occur at all.
    let surnames = common::pools::SURNAMES
        .iter()
        .filter(|s| all.contains(&format!(" {s} ")) || all.contains(&format!(" {s},")))
        .count();
    assert!(surnames >= 150, "only {surnames} distinct surnames in 1 MB");

    // No article repeated, and sentences rarely repeated verbatim.
    let texts: HashSet<&str> = docs.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts.len(), docs.len());
    let sentences: Vec<&str> = all
        .split(['.', '\n'])
        .map(str::trim)
        .filter(|s| s.len() > 60)
        .collect();
    let distinct: HashSet<&str> = sentences.iter().copied().collect();
    assert!(
        distinct.len() * 10 >= sentences.len() * 8,
        "{} distinct of {} long sentences",
        distinct.len(),
        sentences.len()
    );

    // Every construction and typographic variant shows up.
    for needle in [
        "\u{201C}",
        "\u{201D}",
        "\"",
        "\u{00AB}",
        "\u{00BB}",
        "\u{2019}s",
        "'s",
        "\u{2014}",
        "\u{2013}",
        " said.",
        " said: ",
        " says ",
        ", who ",
        "Says ",
        " told ",
        " noted that ",
        "According to ",
        ", according to ",
        "In his view, ",
        "In her view, ",
        ", reports ",
        " reported that ",
        "FILE - ",
        " complained they had become ",
        " she said",
        " he said",
        "Mr. ",
        "Ms. ",
        "a spokesperson for ",
        "as cited by the publication",
        " asked.",
    ] {
        assert!(all.contains(needle), "no {needle:?} in 1 MB");
    }
    // Multi-paragraph quotes: a paragraph that opens a quote and ends without closing it.
    assert!(
        ["\"", "\u{201C}", "\u{00AB}"].iter().any(|o| {
            all.lines()
                .any(|l| l.starts_with(o) && l.ends_with('.') && !l.contains(" said"))
        }),
        "no multi-paragraph quote"
    );
}

#[test]
fn write_corpus_writes_every_doc() {
    let dir = tempfile::tempdir().unwrap();
    let paths = common::write_corpus(dir.path(), 50_000, 3).unwrap();
    let docs = common::generate(50_000, 3);
    assert_eq!(paths.len(), docs.len());
    for (path, (name, text)) in paths.iter().zip(&docs) {
        assert_eq!(path.file_name().unwrap().to_str().unwrap(), name);
        assert_eq!(&std::fs::read_to_string(path).unwrap(), text);
    }
}

/// Writes a corpus for timing the binary by hand:
/// `WHOSAID_CORPUS_DIR=/tmp/corpus WHOSAID_CORPUS_MB=50 cargo test --release --test generator -- --ignored`
#[test]
#[ignore = "writes files; set WHOSAID_CORPUS_DIR"]
fn write_corpus_to_env_dir() {
    let Ok(dir) = std::env::var("WHOSAID_CORPUS_DIR") else {
        return;
    };
    let mb: usize = std::env::var("WHOSAID_CORPUS_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let paths = common::write_corpus(std::path::Path::new(&dir), mb * MB, 0x5EED).unwrap();
    eprintln!("wrote {} files to {dir}", paths.len());
}

#[test]
fn pools_are_big_enough() {
    use common::pools::*;
    assert!(MALE_FIRST.len() + FEMALE_FIRST.len() >= 200);
    assert!(SURNAMES.len() >= 200);
    assert!(ORGS.len() >= 50);
    assert!(OUTLETS.len() >= 30);
    assert!(ROLES.len() >= 50);
    for pool in [
        &*MALE_FIRST,
        &*FEMALE_FIRST,
        &*SURNAMES,
        &*ORGS,
        &*OUTLETS,
        &*ROLES,
    ] {
        let distinct: HashSet<_> = pool.iter().collect();
        assert_eq!(distinct.len(), pool.len(), "duplicates in a pool");
    }
}
