//! `whosaid speakers`: the speaker index on the seeds and on articles of
//! our own, and alias proposals ready for the registry.

mod common;

use serde_json::Value;

const PEOPLE: &str = "tests/fixtures/people";

fn run(args: &[&str]) -> String {
    common::stdout(common::whosaid(120).args(args))
}

#[test]
fn speaker_index_table_snapshot() {
    insta::assert_snapshot!(run(&["speakers"]));
}

#[test]
fn the_index_has_roles_kinds_outlets_documents_and_unnamed_sources() {
    let v: Value = serde_json::from_str(&run(&[
        "speakers",
        "--no-speakers",
        "--format",
        "json",
        PEOPLE,
    ]))
    .unwrap();
    let okafor = v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Dan Okafor")
        .unwrap();
    assert_eq!(okafor["type"], "person");
    assert_eq!(okafor["statements"], 3);
    assert_eq!(
        okafor["kinds"],
        serde_json::json!({"direct": 2, "indirect": 1})
    );
    assert_eq!(okafor["roles"][0]["role"], "city's finance director");
    assert_eq!(
        okafor["roles"][0]["seen"][0],
        "tests/fixtures/people/budget.txt:3"
    );
    assert_eq!(
        okafor["outlets"],
        serde_json::json!([{"name": "Kessel Courier", "statements": 1}])
    );
    assert_eq!(
        okafor["documents"],
        serde_json::json!(["tests/fixtures/people/budget.txt"])
    );
    // Pronouns are not how the text names someone.
    assert_eq!(
        okafor["mentions"],
        serde_json::json!(["Dan Okafor", "Okafor"])
    );
    // One unnamed source across two articles, whatever its capitals.
    assert_eq!(
        v["unnamed"],
        serde_json::json!([{
            "mention": "A person familiar with the matter",
            "type": "person",
            "statements": 2,
            "kinds": {"indirect": 2},
            "documents": ["tests/fixtures/people/budget.txt", "tests/fixtures/people/transit.txt"],
        }])
    );
    // The articles, with what their headlines say.
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    let budget = docs
        .iter()
        .find(|d| d["doc"] == "tests/fixtures/people/budget.txt")
        .unwrap();
    assert_eq!(
        budget["article"]["title"],
        "City budget passes after long night"
    );
    assert_eq!(budget["article"]["outlet"], "Kessel Courier");
    assert_eq!(budget["speakers"], 1);
}

#[test]
fn aliases_are_proposed_for_one_person_written_two_ways() {
    let yaml = run(&["speakers", "--no-speakers", "--suggest-aliases", PEOPLE]);
    let want = "\
# Proposed by `whosaid speakers --suggest-aliases`: names that look like one
# person written two ways. Check each before adding it to claims/speakers.yaml.

# \"Elena Marsh\" (3 statements in tests/fixtures/people/harbour.txt)
# \"E. Marsh\" (1 statement in tests/fixtures/people/dredging.txt)
- name: Elena Marsh
  aliases:
  - E. Marsh
  type: person

# \"Dan Okafor\" (3 statements in tests/fixtures/people/budget.txt)
# \"Daniel Okafor\" (1 statement in tests/fixtures/people/transit.txt)
- name: Dan Okafor
  aliases:
  - Daniel Okafor
  type: person
";
    // R. Wainwright fits two Wainwrights, who speak in one article: no proposal.
    assert_eq!(yaml, want);
    // What it prints is a registry whosaid reads.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("speakers.yaml");
    std::fs::write(&file, &yaml).unwrap();
    common::whosaid(120)
        .args(["lint", "--speakers", file.to_str().unwrap()])
        .assert()
        .success();
    // Added to the registry, the two forms are one speaker.
    let v: Value = serde_json::from_str(&run(&[
        "speakers",
        "--speakers",
        file.to_str().unwrap(),
        "--format",
        "json",
        PEOPLE,
    ]))
    .unwrap();
    let names: Vec<&str> = v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Dan Okafor") && !names.contains(&"Daniel Okafor"),
        "{names:?}"
    );
    assert!(
        names.contains(&"Elena Marsh") && !names.contains(&"E. Marsh"),
        "{names:?}"
    );
}

#[test]
fn markdown_and_csv_list_the_same_speakers() {
    let md = run(&["speakers", "--no-speakers", "--format", "markdown", PEOPLE]);
    assert!(md.contains("### Speakers"), "{md}");
    assert!(
        md.contains("| Dan Okafor | person | 3 (2 direct, 1 indirect) | city's finance director (tests/fixtures/people/budget.txt:3, tests/fixtures/people/budget.txt:5) | Kessel Courier (1) |"),
        "{md}"
    );
    assert!(md.contains("### Unnamed sources"));
    assert!(md.contains("“City budget passes after long night” — Kessel Courier"));
    let csv = run(&["speakers", "--no-speakers", "--format", "csv", PEOPLE]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "group,name,type,statements,direct,partial,indirect,according_to,roles,mentions,given_to,documents"
    );
    assert!(
        csv.contains("speaker,Dan Okafor,person,3,2,0,1,0,"),
        "{csv}"
    );
    assert!(csv.contains("unnamed,A person familiar with the matter,person,2,0,0,2,0,"));
    assert!(csv.contains("article,“City budget passes after long night” — Kessel Courier,,4,"));
}
