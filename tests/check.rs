//! `whosaid check` and `whosaid lock` through the real binary: every exit
//! code, each kind of drift against a lock, and JUnit output parsed back.

use std::path::Path;

use assert_cmd::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn whosaid(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("whosaid").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// A scratch newsroom: the harbour articles and the small claim set.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::copy(
        format!("{ROOT}/tests/fixtures/articles/harbour.txt"),
        dir.path().join("articles/harbour.txt"),
    )
    .unwrap();
    std::fs::copy(
        format!("{ROOT}/tests/fixtures/claims_small/harbour.yaml"),
        dir.path().join("claims/harbour.yaml"),
    )
    .unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = whosaid(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn check_passes_with_exit_0() {
    let d = scratch();
    let (code, out, _) = run(d.path(), &["check", "articles"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "checked 5 claims: 5 passed, 0 failed\n");
}

#[test]
fn check_reports_each_expectation_drift_with_exit_1() {
    let (code, out, _) = run(
        Path::new(ROOT),
        &[
            "check",
            "--claims",
            "tests/fixtures/claims_drift",
            "tests/fixtures/articles",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.contains("FAIL harbour-cannot-survive\n"), "{out}");
    assert!(
        out.contains("- missing speaker Ilse Marchetti; no statement by them matches"),
        "{out}"
    );
    assert!(
        out.contains("+ unexpected speaker Owen Pryce at tests/fixtures/articles/harbour.txt:7 (score 0.85): \"The harbour cannot survive another month of this.\""),
        "{out}"
    );
    assert!(
        out.contains("~ stance of Ilse Marchetti changed: expected contradicts, found supports at tests/fixtures/articles/harbour.txt:5"),
        "{out}"
    );
    assert!(
        out.contains("+ unexpected speaker Owen Pryce (listed in not_speakers) at tests/fixtures/articles/harbour.txt:13"),
        "{out}"
    );
    assert!(
        out.ends_with("checked 4 claims: 1 passed, 3 failed\n"),
        "{out}"
    );
}

#[test]
fn check_errors_exit_2() {
    let root = Path::new(ROOT);
    let (code, out, err) = run(
        root,
        &["check", "--claims", "tests/fixtures/bad_claims/duplicate"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with(
            "error: tests/fixtures/bad_claims/duplicate/b.yaml:4:5: duplicate claim id"
        ),
        "{err}"
    );
    let (code, _, err) = run(
        root,
        &[
            "check",
            "--claims",
            "tests/fixtures/claims_small",
            "no/such/article.txt",
        ],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no/such/article.txt: No such file or directory\n"
    );
    let d = scratch();
    let (code, _, err) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: whosaid.lock: No such file or directory (run `whosaid lock` to make one)\n"
    );
}

#[cfg(unix)]
#[test]
fn lock_writes_only_to_a_regular_file() {
    let d = scratch();
    let fifo = d.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for target in ["pipe", "/dev/null"] {
        let (code, _, err) = run(
            d.path(),
            &["lock", "--output", target, "--force", "articles"],
        );
        assert_eq!(code, 2, "{target}");
        assert_eq!(
            err,
            format!(
                "error: {target}: not a regular file; a lock is written only to a regular file or a new path\n"
            )
        );
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn lock_then_check_locked_is_clean() {
    let d = scratch();
    let (code, out, _) = run(d.path(), &["lock", "articles"]);
    assert_eq!(code, 0);
    assert_eq!(out, "wrote whosaid.lock: 5 claims, 5 pieces of evidence\n");
    let lock = std::fs::read_to_string(d.path().join("whosaid.lock")).unwrap();
    assert!(lock.starts_with("# whosaid.lock"));
    assert!(
        !lock.contains("pension deal is signed"),
        "the lock stores hashes, not quotes"
    );
    assert!(lock.contains("hash: "));
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "checked 5 claims: 5 passed, 0 failed\n")
    );
    // Stable: locking again gives the same bytes, and leaves no temporary file.
    run(d.path(), &["lock", "articles"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join("whosaid.lock")).unwrap(),
        lock
    );
    let names: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn edited_quote_is_changed_evidence_at_its_line() {
    let d = scratch();
    run(d.path(), &["lock", "articles"]);
    edit(
        &d.path().join("articles/harbour.txt"),
        "cannot survive another month of this",
        "cannot survive another month of this strike",
    );
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL harbour-cannot-survive\n"), "{out}");
    assert!(
        out.contains(
            "~ evidence changed for Owen Pryce at articles/harbour.txt:7 (quote edited; hash "
        ),
        "{out}"
    );
    assert!(
        out.contains("now: \"The harbour cannot survive another month of this strike.\""),
        "{out}"
    );
    // The lock is never rewritten by check.
    let before = std::fs::read_to_string(d.path().join("whosaid.lock")).unwrap();
    run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(
        std::fs::read_to_string(d.path().join("whosaid.lock")).unwrap(),
        before
    );
}

#[test]
fn deleted_sentence_is_lost_evidence() {
    let d = scratch();
    run(d.path(), &["lock", "articles"]);
    edit(
        &d.path().join("articles/harbour.txt"),
        "The strike is costing local shippers \"millions every day,\" says Tomas Ek, who runs a freight firm in the town.",
        "",
    );
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("- evidence lost for Tomas Ek: was at articles/harbour.txt:11 (score 0.98), no longer found"),
        "{out}"
    );
    // The expectation fails too: Tomas Ek is missing.
    assert!(out.contains("- missing speaker Tomas Ek"), "{out}");
}

#[test]
fn new_article_is_added_evidence() {
    let d = scratch();
    run(d.path(), &["lock", "articles"]);
    std::fs::write(
        d.path().join("articles/second.txt"),
        "Freight costs rose again this week.\n\"The harbour cannot survive another month of this,\" said Owen Pryce, the port's chief executive.\n",
    )
    .unwrap();
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("+ evidence added for Owen Pryce at articles/second.txt:2 (score 0.83): \"The harbour cannot survive another month of this,\""),
        "{out}"
    );
}

#[test]
fn shifted_quote_is_moved_evidence() {
    let d = scratch();
    run(d.path(), &["lock", "articles"]);
    edit(
        &d.path().join("articles/harbour.txt"),
        "Dock workers at the Northgate",
        "Pickets gathered at dawn.\n\nDock workers at the Northgate",
    );
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "> evidence moved for Owen Pryce: articles/harbour.txt:7 -> articles/harbour.txt:9"
        ),
        "{out}"
    );
}

#[test]
fn lock_refuses_invalid_claims_and_foreign_files() {
    let d = scratch();
    std::fs::write(
        d.path().join("claims/bad.yaml"),
        "- id: x\n  claim: y\n  speaker: z\n",
    )
    .unwrap();
    let (code, _, err) = run(d.path(), &["lock", "articles"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("claims/bad.yaml:3:3: unknown field `speaker`"),
        "{err}"
    );
    assert!(!d.path().join("whosaid.lock").exists());
    std::fs::remove_file(d.path().join("claims/bad.yaml")).unwrap();
    // A file that is not a lock is the user's: not overwritten without --force.
    std::fs::write(d.path().join("notes.txt"), "my notes\n").unwrap();
    let (code, _, err) = run(d.path(), &["lock", "--output", "notes.txt", "articles"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: notes.txt: exists and is not a whosaid lock; not overwriting it (use --force)\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("notes.txt")).unwrap(),
        "my notes\n"
    );
    let (code, _, _) = run(
        d.path(),
        &["lock", "--output", "notes.txt", "--force", "articles"],
    );
    assert_eq!(code, 0);
}

#[test]
fn junit_output_is_valid_xml_with_counts() {
    let (code, out, _) = run(
        Path::new(ROOT),
        &[
            "check",
            "--format",
            "junit",
            "--claims",
            "tests/fixtures/claims_drift",
            "tests/fixtures/articles",
        ],
    );
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&out).unwrap();
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("4"));
    assert_eq!(suite.attribute("failures"), Some("3"));
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 4);
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 3);
    let first = failures[0].attribute("message").unwrap();
    assert!(first.contains("missing speaker Ilse Marchetti"), "{first}");
    let passing = cases
        .iter()
        .find(|c| c.attribute("name") == Some("strike-costs-millions"))
        .unwrap();
    assert!(passing.children().all(|c| !c.has_tag_name("failure")));
}

#[test]
fn json_output_lists_diffs() {
    let (code, out, _) = run(
        Path::new(ROOT),
        &[
            "check",
            "--format",
            "json",
            "--claims",
            "tests/fixtures/claims_drift",
            "tests/fixtures/articles",
        ],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["checked"].as_u64(),
            v["passed"].as_u64(),
            v["failed"].as_u64()
        ),
        (Some(4), Some(1), Some(3))
    );
    let kinds: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["diffs"].as_array().unwrap())
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"missing_speaker"));
    assert!(kinds.contains(&"unexpected_speaker"));
    assert!(kinds.contains(&"stance_changed"));
}

#[test]
fn edited_and_shifted_quote_is_still_changed_evidence() {
    let d = scratch();
    run(d.path(), &["lock", "articles"]);
    let article = d.path().join("articles/harbour.txt");
    edit(&article, "another month of this", "another week of this");
    edit(
        &article,
        "Dock workers at the Northgate",
        "Pickets gathered at dawn.\n\nDock workers at the Northgate",
    );
    let (code, out, _) = run(d.path(), &["check", "--locked", "articles"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("~ evidence changed for Owen Pryce at articles/harbour.txt:9, was at articles/harbour.txt:7 (quote edited; hash "),
        "{out}"
    );
}
