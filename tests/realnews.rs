//! The issue-7 article (`tests/fixtures/northgate/northgate.txt`) through the
//! real binary: every attributed statement, each with its speaker, as a
//! fact-checker would list them. The article was written for the issue; its
//! constructions (a quote paragraph with no attribution of its own, an
//! attribution without a comma, role descriptions, a poll as a source, an
//! unnamed minister, a byline) are the common ones in real newsroom text.

mod common;

use serde_json::Value;

fn extract(path: &str) -> Vec<Value> {
    let out = common::stdout(common::whosaid(100).args(["extract", "--format", "jsonl", path]));
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (line, kind, speaker name or null, mention, a piece of the content)
type Want = (
    u64,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

fn show(got: &[Value]) -> String {
    got.iter()
        .map(|s| {
            format!(
                "  {} {} name={} mention={} conf={} | {}",
                s["line"],
                s["kind"],
                s["speaker"]["name"],
                s["speaker"]["mention"],
                s["confidence"],
                s["content"]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn northgate_every_statement_with_its_speaker() {
    let got = extract("tests/fixtures/northgate/northgate.txt");
    let want: &[Want] = &[
        (
            3,
            "indirect",
            Some("Anna Kovacs"),
            "Anna Kovacs",
            "the company would appeal the ruling",
        ),
        (
            5,
            "direct",
            Some("Anna Kovacs"),
            "she",
            "We disagree with the decision",
        ),
        (
            5,
            "direct",
            Some("Anna Kovacs"),
            "she",
            "Our workers deserve certainty.",
        ),
        // A paragraph that is only a quotation: the speaker of the one before.
        (7, "direct", Some("Anna Kovacs"), "she", "This is not over."),
        (
            9,
            "indirect",
            Some("Daniel Okafor"),
            "Daniel Okafor",
            "the ruling \"a victory",
        ),
        (
            9,
            "partial",
            Some("Daniel Okafor"),
            "Daniel Okafor",
            "a victory for every worker at the plant.",
        ),
        // No comma between the quote and its attribution.
        (
            11,
            "direct",
            Some("Daniel Okafor"),
            "Okafor",
            "It's a good day for the workers at Northgate",
        ),
        // Nobody was introduced as the minister: unnamed, not a guess.
        (
            13,
            "indirect",
            None,
            "The minister",
            "the company of misleading regulators",
        ),
        (
            13,
            "indirect",
            Some("Rachel Stone"),
            "Rachel Stone",
            "both sides to return to the table",
        ),
        (
            15,
            "indirect",
            None,
            "A poll",
            "62 per cent of residents support the union",
        ),
        // "The spokesperson" is the person introduced with that role.
        (
            17,
            "indirect",
            Some("Anna Kovacs"),
            "The spokesperson",
            "Northgate has no plans to close the plant",
        ),
    ];
    assert_eq!(got.len(), want.len(), "got:\n{}", show(&got));
    for (s, &(line, kind, name, mention, piece)) in got.iter().zip(want) {
        let ok = s["line"] == line
            && s["kind"] == kind
            && s["speaker"]["name"].as_str() == name
            && s["speaker"]["mention"] == mention
            && s["content"].as_str().is_some_and(|c| c.contains(piece));
        assert!(
            ok,
            "want line {line} {kind} {name:?} {mention:?} {piece:?}; got:\n{}",
            show(&got)
        );
    }
    // The byline's author is never a speaker.
    assert!(got.iter().all(|s| s["speaker"]["name"] != "Maria Lopez"));
    // Roles come from the appositives and titles.
    assert_eq!(
        got[0]["speaker"]["role"],
        "spokesperson for Northgate Energy"
    );
    assert_eq!(got[4]["speaker"]["role"], "union's president");
    assert_eq!(got[8]["speaker"]["role"], "Premier");
    assert_eq!(got[9]["speaker"]["type"], "unknown");
}

#[test]
fn northgate_confidence_follows_how_the_speaker_was_found() {
    let got = extract("tests/fixtures/northgate/northgate.txt");
    let conf = |i: usize| got[i]["confidence"].as_f64().unwrap();
    // A name at the cue beats a pronoun, which beats an inherited quote paragraph.
    assert!(conf(6) > conf(1), "{}", show(&got));
    assert!(conf(1) > conf(3), "{}", show(&got));
    // A description resolved by role is less sure than the name itself.
    assert!(conf(10) < conf(0), "{}", show(&got));
}

#[test]
fn table_marks_speakers_to_check() {
    let got = extract("tests/fixtures/northgate/northgate.txt");
    // Marked: resolved through a pronoun, a role or a neighbouring quote.
    let want = got
        .iter()
        .filter(|s| !s["speaker"]["name"].is_null() && s["confidence"].as_f64().unwrap() < 0.8)
        .count();
    assert!(want >= 3, "{}", show(&got));
    let table = common::stdout(
        common::whosaid(400).args(["extract", "tests/fixtures/northgate/northgate.txt"]),
    );
    assert_eq!(table.matches("⚠ check speaker").count(), want, "{table}");
    // A name at the cue is never marked.
    let okafor = table
        .lines()
        .find(|l| l.contains("It's a good day"))
        .unwrap();
    assert!(!okafor.contains("check speaker"), "{okafor}");
}
