//! The real binary on fixtures: input handling, exit codes, output formats.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn whosaid() -> Command {
    common::whosaid(120)
}

fn stdout_of(args: &[&str]) -> String {
    common::stdout(whosaid().args(args))
}

#[test]
fn missing_path_is_an_error_with_exit_2() {
    whosaid()
        .args(["extract", "no/such/dir"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: no/such/dir: No such file or directory\n");
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    // 0x81 is no character in Windows-1252 either.
    std::fs::write(&path, b"He said \"ok\x81\xfe\" today.\n").unwrap();
    let p = path.to_str().unwrap();
    whosaid()
        .args(["extract", p])
        .assert()
        .code(2)
        .stderr(format!(
            "error: {p}: invalid UTF-8 at byte 11 (use --lossy to replace invalid bytes)\n"
        ));
    // --lossy replaces the bytes, warns, and still extracts.
    whosaid()
        .args(["extract", "--lossy", "--format", "jsonl", p])
        .assert()
        .success()
        .stderr(format!(
            "warning: {p}: invalid UTF-8 from byte 11 replaced\n"
        ));
}

#[test]
fn empty_file_yields_no_statements() {
    let out = stdout_of(&["extract", "--format", "json", "tests/fixtures/empty.txt"]);
    assert_eq!(out.trim(), "[]");
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("image.txt");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap();
    let good = dir.path().join("ok.txt");
    std::fs::write(&good, "\"We won,\" the coach said.\n").unwrap();
    let out = whosaid()
        .args(["extract", "--format", "jsonl", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("warning: {}: skipped: binary file\n", bin.display())
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn stdin_is_read_with_dash() {
    let out = whosaid()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin("\"The river is rising,\" said Anna Berg, a hydrologist.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["doc"], "-");
    assert_eq!(v["speaker"]["name"], "Anna Berg");
    assert_eq!(v["speaker"]["role"], "hydrologist");
    assert_eq!(v["content"], "The river is rising,");
}

#[test]
fn directories_are_walked_for_txt_and_md_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Ann Lee said that prices rose.\n").unwrap();
    std::fs::write(
        dir.path().join("sub/a.md"),
        "Bo Kim said that rents fell.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.html"), "Cy Roe said that taxes rose.\n").unwrap();
    let out = stdout_of(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()]);
    let names: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["speaker"]["name"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(names, ["Ann Lee", "Bo Kim"]);
}

#[test]
fn jsonl_has_exactly_the_documented_fields() {
    let out = stdout_of(&[
        "extract",
        "--format",
        "jsonl",
        "tests/fixtures/articles/harbour.txt",
    ]);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = vec![
        "doc",
        "line",
        "start",
        "end",
        "kind",
        "content",
        "cue",
        "speaker",
        "via",
        "confidence",
        "article",
    ];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    let speaker_keys: Vec<&str> = first["speaker"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(speaker_keys.len(), 4);
    for k in ["name", "mention", "role", "type"] {
        assert!(speaker_keys.contains(&k), "{k}");
    }
    let mut article_keys: Vec<&str> = first["article"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    article_keys.sort_unstable();
    assert_eq!(article_keys, ["date", "outlet", "title", "url"]);
}

#[test]
fn content_is_the_verbatim_byte_span() {
    let path = "tests/fixtures/articles/harbour.txt";
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let out = stdout_of(&["extract", "--format", "json", path]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(list.len() >= 5);
    for st in &list {
        let (s, e) = (
            st["start"].as_u64().unwrap() as usize,
            st["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(st["content"].as_str().unwrap(), &text[s..e]);
        let line = text[..s].matches('\n').count() + 1;
        assert_eq!(st["line"].as_u64().unwrap() as usize, line);
    }
}

#[test]
fn furniture_after_you_may_like_is_ignored() {
    let out = stdout_of(&[
        "extract",
        "--format",
        "jsonl",
        "tests/fixtures/articles/harbour.txt",
    ]);
    assert!(!out.contains("markets will recover"));
    assert!(!out.contains("Containers stacked"));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    whosaid()
        .args(["extract", "--frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--frobnicate"));
}

#[test]
fn extract_table_snapshot() {
    insta::assert_snapshot!(stdout_of(&["extract", "tests/fixtures/articles"]));
}

#[test]
fn extract_markdown_snapshot() {
    insta::assert_snapshot!(stdout_of(&[
        "extract",
        "--format",
        "markdown",
        "tests/fixtures/articles"
    ]));
}

#[test]
fn extract_csv_snapshot() {
    insta::assert_snapshot!(stdout_of(&[
        "extract",
        "--format",
        "csv",
        "tests/fixtures/articles"
    ]));
}

#[test]
fn cue_file_extends_the_lexicon() {
    let text = "Mayor Ana Silva grumbled that the budget was too small.\n";
    let without = whosaid()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(without.stdout).unwrap(), "");
    let with = whosaid()
        .args([
            "extract",
            "--format",
            "jsonl",
            "--cues",
            "tests/fixtures/lexicon/cues.yaml",
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&with.stdout).unwrap();
    assert_eq!(v["speaker"]["name"], "Ana Silva");
    assert_eq!(v["cue"], "grumbled");
    assert_eq!(v["content"], "the budget was too small");
}

#[test]
fn bad_cue_file_is_located() {
    whosaid()
        .args(["extract", "--cues", "tests/fixtures/lexicon/bad_cues.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: tests/fixtures/lexicon/bad_cues.yaml:2:20: unknown field `form`, expected one of `clause`, `forms`, `listener`, `report`, `denial`",
        ));
}

#[test]
fn speaker_registry_canonicalises_names() {
    let out = stdout_of(&[
        "extract",
        "--format",
        "jsonl",
        "--speakers",
        "tests/fixtures/lexicon/speakers.yaml",
        "tests/fixtures/articles/harbour.txt",
    ]);
    let first_quote: serde_json::Value = serde_json::from_str(out.lines().nth(1).unwrap()).unwrap();
    assert_eq!(first_quote["speaker"]["name"], "Ilse Marchetti-Berg");
    assert_eq!(first_quote["speaker"]["mention"], "Ilse Marchetti");
    let none = stdout_of(&[
        "extract",
        "--format",
        "jsonl",
        "--no-speakers",
        "tests/fixtures/articles/harbour.txt",
    ]);
    assert!(!none.contains("Marchetti-Berg"));
}

#[test]
fn a_registry_that_names_a_key_twice_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "- name: Jane Roe\n  aliases: [Roe, roe]\n",
            ":2:18: alias 'roe' is listed twice for 'Jane Roe'",
        ),
        (
            "- name: Jane Roe\n  aliases:\n    - Jane Roe\n",
            ":3:7: alias 'Jane Roe' is the name of its own entry 'Jane Roe'",
        ),
        (
            "- name: Jane Roe\n  aliases: [Roe]\n- name: Tim Roe\n  aliases: [Roe]\n",
            ":4:13: alias 'Roe' names both 'Jane Roe' and 'Tim Roe'",
        ),
    ];
    for (i, (yaml, want)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("speakers{i}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        let p = path.to_str().unwrap();
        whosaid()
            .args([
                "extract",
                "--speakers",
                p,
                "tests/fixtures/articles/harbour.txt",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {p}{want}\n"));
    }
}

#[test]
fn lint_checks_a_registry_under_any_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("people.yml");
    std::fs::write(&good, "- name: Jane Roe\n  aliases: [J. Roe]\n").unwrap();
    whosaid()
        .args([
            "lint",
            "--speakers",
            good.to_str().unwrap(),
            "tests/fixtures/claims_small",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 speaker registry"));
    let bad = dir.path().join("people-bad.yml");
    std::fs::write(&bad, "- name: Jane Roe\n  aliases: [Roe, roe]\n").unwrap();
    let p = bad.to_str().unwrap();
    whosaid()
        .args(["lint", "--speakers", p, "tests/fixtures/claims_small"])
        .assert()
        .code(2)
        .stderr(format!(
            "error: {p}:2:18: alias 'roe' is listed twice for 'Jane Roe'\n"
        ));
}

#[test]
fn expected_speakers_go_through_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("lords.txt");
    std::fs::write(
        &article,
        "Lord Butler said the inquiry had been rushed and its findings were incomplete.\n",
    )
    .unwrap();
    let claims = dir.path().join("claims.yaml");
    std::fs::write(
        &claims,
        "- id: inquiry-rushed\n  claim: The inquiry was rushed\n  expect:\n    speakers: [Lord Butler]\n    stance:\n      Lord Butler: supports\n",
    )
    .unwrap();
    let registry = dir.path().join("people.yaml");
    std::fs::write(
        &registry,
        "- name: Robin Butler\n  aliases: [Lord Butler]\n",
    )
    .unwrap();
    let out = whosaid()
        .args([
            "check",
            "--claims",
            claims.to_str().unwrap(),
            "--speakers",
            registry.to_str().unwrap(),
            article.to_str().unwrap(),
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("1 passed"), "{out}");
}

#[test]
fn an_empty_claim_file_attributes_nothing_and_checks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("none.yaml"), "[]\n").unwrap();
    let claims = dir.path().to_str().unwrap();
    whosaid()
        .args(["attribute", "--format", "json", "--claims", claims, "seeds"])
        .assert()
        .success()
        .stdout("[]\n");
    whosaid()
        .args([
            "attribute",
            "--format",
            "markdown",
            "--claims",
            claims,
            "seeds",
        ])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("0 of 0 claims attributed\n"));
    whosaid()
        .args(["check", "--claims", claims, "seeds"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing was checked"));
}
