//! Archive scale, through the real binary: streaming order, write errors,
//! saved statements, shards, empty corpora and odd files.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

fn whosaid() -> Command {
    common::whosaid(120)
}

fn stdout_of(args: &[&str]) -> String {
    common::stdout(whosaid().args(args))
}

/// A corpus of `n` short articles of our own, each quoting its own speaker.
fn corpus(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            format!(
                "\"The harbour reopens on Monday {i},\" said Ines Varga{i}, the port director.\n\n\
                 Varga{i} said that ferries would run every hour.\n"
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn streamed_lines_come_in_path_order_as_one_array_would() {
    let dir = corpus(40);
    let d = dir.path().to_str().unwrap();
    let lines = stdout_of(&["extract", "--format", "jsonl", d]);
    let array: Vec<Value> =
        serde_json::from_str(&stdout_of(&["extract", "--format", "json", d])).unwrap();
    let streamed: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(streamed, array);
    assert_eq!(streamed.len(), 80);
    let order: Vec<(String, u64)> = streamed
        .iter()
        .map(|s| {
            (
                s["doc"].as_str().unwrap().to_string(),
                s["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    // CSV and Markdown stream too: one header, then every row.
    let csv = stdout_of(&["extract", "--format", "csv", d]);
    assert_eq!(csv.lines().filter(|l| l.starts_with("doc,")).count(), 1);
    assert_eq!(csv.lines().count(), 81);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "--format", "jsonl", "seeds/"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: stdout: No space left on device\n"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = corpus(400);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"doc\""), "{first}");
    // The reader is gone, as after `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn saved_statements_match_as_the_corpus_does() {
    let saved = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(saved.path(), stdout_of(&["extract", "--format", "jsonl"])).unwrap();
    let s = saved.path().to_str().unwrap();
    for claims in ["claims/", "tests/fixtures/claims_alt"] {
        let direct = stdout_of(&["attribute", "--claims", claims, "--format", "json", "--all"]);
        let reused = stdout_of(&[
            "attribute",
            "--claims",
            claims,
            "--statements",
            s,
            "--format",
            "json",
            "--all",
        ]);
        assert_eq!(direct, reused, "{claims}");
    }
    // From stdin, and for check.
    let out = whosaid()
        .args(["check", "--statements", "-"])
        .pipe_stdin(saved.path())
        .unwrap()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("40 passed"));
}

#[test]
fn a_bad_saved_line_is_located_or_skipped() {
    let saved = tempfile::NamedTempFile::new().unwrap();
    let good = stdout_of(&["extract", "--format", "jsonl"]);
    let first = good.lines().next().unwrap();
    std::fs::write(saved.path(), format!("{first}\n{{\"doc\": 3}}\n")).unwrap();
    let s = saved.path().to_str().unwrap();
    let out = whosaid()
        .args(["attribute", "--statements", s])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("error: {s}:2:")), "{err}");
    let out = whosaid()
        .args(["attribute", "--lossy", "--statements", s])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("warning: {s}:2:")), "{err}");
}

/// Where a statement line sorts in the documented order: path, then position.
fn order_key(line: &str) -> (String, u64, u64) {
    let v: Value = serde_json::from_str(line).unwrap();
    (
        v["doc"].as_str().unwrap().to_string(),
        v["start"].as_u64().unwrap(),
        v["end"].as_u64().unwrap(),
    )
}

#[test]
fn shards_together_are_one_run() {
    let dir = corpus(30);
    let d = dir.path().to_str().unwrap();
    let whole = stdout_of(&["extract", "--format", "jsonl", d]);
    let mut lines: Vec<String> = Vec::new();
    let mut sizes = Vec::new();
    for k in 1..=4 {
        let part = stdout_of(&[
            "extract",
            "--format",
            "jsonl",
            "--shard",
            &format!("{k}/4"),
            d,
        ]);
        sizes.push(part.lines().count());
        lines.extend(part.lines().map(str::to_string));
    }
    assert!(sizes.iter().all(|&n| n > 0 && n < 60), "{sizes:?}");
    lines.sort_by_key(|l| order_key(l));
    let joined: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(joined, whole);
    whosaid()
        .args(["extract", "--shard", "5/4", d])
        .assert()
        .code(2)
        .stderr("error: --shard 5/4: expected K/N with 1 <= K <= N, like 2/8\n");
}

#[test]
fn an_empty_corpus_never_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "not an article").unwrap();
    let d = dir.path().to_str().unwrap();
    let warning = format!("warning: no documents found in {d}\n");
    whosaid()
        .args(["extract", "--format", "jsonl", d])
        .assert()
        .code(0)
        .stdout("")
        .stderr(warning.clone());
    whosaid()
        .args(["check", d])
        .assert()
        .code(2)
        .stderr(format!(
            "{warning}error: no documents to check: a check over an empty corpus cannot pass\n"
        ));
    // Claims that expect nothing check nothing, and say so.
    let claims = tempfile::tempdir().unwrap();
    std::fs::write(
        claims.path().join("c.yaml"),
        "- id: ferries\n  claim: ferries run every hour\n",
    )
    .unwrap();
    let c = claims.path().to_str().unwrap();
    whosaid()
        .args(["check", "--claims", c, "seeds/"])
        .assert()
        .code(0)
        .stderr(
            "warning: no claim states `expect`, and no lock is compared: nothing was checked\n",
        );
}

#[test]
fn one_bad_file_never_sinks_a_batch() {
    let dir = corpus(3);
    let d = dir.path();
    // Windows-1252 is read, with a warning.
    std::fs::write(
        d.join("latin1.txt"),
        b"\"Le port rouvre lundi,\" said Jos\xe9 Duarte, the caf\xe9 owner.\n",
    )
    .unwrap();
    // No encoding explains this one: reported, skipped, exit 2 at the end.
    std::fs::write(d.join("broken.txt"), b"\"Ok,\" said Ana \x81\x02\xff.\n").unwrap();
    // UTF-16 with a byte-order mark is decoded.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "\"We sail at dawn,\" said Piet Kramer.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(d.join("wide.txt"), utf16).unwrap();
    // Hidden folders are not walked.
    std::fs::create_dir(d.join(".cache")).unwrap();
    std::fs::write(d.join(".cache/copy.txt"), "\"Hidden,\" said Nobody Here.\n").unwrap();
    let out = whosaid()
        .args(["extract", "--format", "jsonl"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let speakers: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["speaker"]["name"].to_string())
        .collect();
    assert!(
        speakers.contains(&"\"José Duarte\"".to_string()),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&"\"Piet Kramer\"".to_string()),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&"\"Ines Varga0\"".to_string()),
        "{speakers:?}"
    );
    assert!(!stdout.contains("Hidden"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let p = |f: &str| d.join(f).to_string_lossy().into_owned();
    assert!(
        stderr.contains(&format!(
            "error: {}: invalid UTF-8 at byte 15",
            p("broken.txt")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "warning: {}: not UTF-8, read as Windows-1252",
            p("latin1.txt")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "warning: {}: not UTF-8, read as UTF-16LE",
            p("wide.txt")
        )),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_read_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"x\xff.txt");
    std::fs::write(dir.path().join(name), "\"Fine,\" said Ola Berg.\n").unwrap();
    let out = stdout_of(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()]);
    let st: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(
        st["doc"].as_str().unwrap().ends_with("x\u{fffd}.txt"),
        "{st}"
    );
    assert_eq!(st["speaker"]["name"], "Ola Berg");
}

#[test]
fn evidence_is_capped_per_speaker_and_counted() {
    // Eight documents quote the same speaker on the same point, among others.
    let dir = corpus(40);
    for i in 0..8 {
        std::fs::write(
            dir.path().join(format!("d{i}.txt")),
            format!("\"The ferries to Kessel will run every hour,\" said Ines Varga on day {i}.\n"),
        )
        .unwrap();
    }
    let claims = dir.path().join("claims.yaml");
    std::fs::write(
        &claims,
        "- id: ferries\n  claim: Ferries to Kessel run every hour\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let c = claims.to_str().unwrap();
    let speaker = |args: &[&str]| -> Value {
        let mut all = vec!["attribute", "--claims", c, "--format", "json"];
        all.extend_from_slice(args);
        all.push(d);
        let v: Value = serde_json::from_str(&stdout_of(&all)).unwrap();
        v[0]["speakers"][0].clone()
    };
    let capped = speaker(&["--max-evidence", "3"]);
    assert_eq!(capped["name"], "Ines Varga");
    assert_eq!(capped["evidence"].as_array().unwrap().len(), 3);
    assert_eq!(capped["more_evidence"], 5);
    let default = speaker(&[]);
    assert_eq!(default["evidence"].as_array().unwrap().len(), 5);
    assert_eq!(default["more_evidence"], 3);
    let all = speaker(&["--max-evidence", "0"]);
    assert_eq!(all["evidence"].as_array().unwrap().len(), 8);
    assert!(all.get("more_evidence").is_none(), "{all}");
    let table = stdout_of(&["attribute", "--claims", c, "--max-evidence", "3", d]);
    assert!(
        table.ends_with("5 weaker pieces of evidence not shown (--max-evidence 0 shows all)\n"),
        "{table}"
    );
}

#[test]
fn a_missing_path_prints_no_header_and_a_partial_corpus_no_lock() {
    whosaid()
        .args(["extract", "--format", "csv", "no/such/dir"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: no/such/dir: No such file or directory\n");
    let dir = corpus(2);
    std::fs::write(
        dir.path().join("broken.txt"),
        b"\"Ok,\" said Ana \x81\x02.\n",
    )
    .unwrap();
    let lock = dir.path().join("out.lock");
    let out = whosaid()
        .args(["lock", "--output", lock.to_str().unwrap()])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!lock.exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with("not written: some documents could not be read\n"),
        "{stderr}"
    );
}
