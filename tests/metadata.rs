//! Where each article came from: front matter, sidecar files, the headline
//! itself, and none of them; carried in every format.

mod common;

use serde_json::Value;

const DIR: &str = "tests/fixtures/meta";

fn statements(paths: &[&str]) -> Vec<Value> {
    let args = [&["extract", "--format", "jsonl"][..], paths].concat();
    common::stdout(common::whosaid(120).args(args))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn article_of(stmts: &[Value], doc: &str) -> Value {
    stmts
        .iter()
        .find(|s| s["doc"].as_str().unwrap().ends_with(doc))
        .unwrap_or_else(|| panic!("no statement from {doc}"))["article"]
        .clone()
}

fn article(title: &str, outlet: &str, date: &str, url: &str) -> Value {
    let v = |s: &str| (!s.is_empty()).then(|| s.to_string());
    serde_json::json!({"title": v(title), "outlet": v(outlet), "date": v(date), "url": v(url)})
}

#[test]
fn each_source_of_metadata_and_its_absence() {
    let stmts = statements(&[DIR]);
    // YAML front matter in a Markdown file (`source` for the outlet).
    assert_eq!(
        article_of(&stmts, "front.md"),
        article(
            "Harbour strike enters second week",
            "Northgate Gazette",
            "2025-03-14",
            "https://gazette.example/harbour-strike"
        )
    );
    // A sidecar beside a text file; what it lacks the text does not fill
    // unless the text says it (no date here).
    assert_eq!(
        article_of(&stmts, "side.txt"),
        article(
            "Council approves the Kessel bridge",
            "Kessel Courier",
            "",
            "https://courier.example/bridge"
        )
    );
    // No metadata: a headline line gives the title, its outlet and the
    // dateline below it.
    assert_eq!(
        article_of(&stmts, "headline.txt"),
        article("Ferry fares to rise in May", "Reuters", "2025-04-02", "")
    );
    // A first line that is a sentence is no title.
    assert_eq!(article_of(&stmts, "plain.txt"), article("", "", "", ""));
}

#[test]
fn front_matter_is_not_read_as_text_and_spans_stay_the_files() {
    let path = format!("{DIR}/front.md");
    let stmts = statements(&[&path]);
    let text = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // The front matter's quoted summary is metadata, not a statement.
    assert_eq!(stmts.len(), 1, "{stmts:?}");
    let s = &stmts[0];
    let (start, end) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], s["content"].as_str().unwrap().as_bytes());
    assert_eq!(s["line"], 11);
    assert_eq!(s["speaker"]["name"], "Ilse Marchetti");
}

#[test]
fn broken_metadata_is_located_and_its_document_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let side = dir.path().join("a.txt");
    std::fs::write(&side, "\"It is done,\" said Ana Ruiz.\n").unwrap();
    std::fs::write(
        dir.path().join("a.meta.yaml"),
        "title: Done\nauthor: Someone\n",
    )
    .unwrap();
    let front = dir.path().join("b.md");
    std::fs::write(
        &front,
        "---\ntitle: [open\n---\n\"It is not,\" said Li Wei.\n",
    )
    .unwrap();
    let out = common::whosaid(120)
        .args(["extract", "--format", "jsonl", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let meta = dir.path().join("a.meta.yaml");
    assert!(
        stderr.contains(&format!(
            "error: {}:2:1: unknown field `author`",
            meta.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("error: {}:3:", front.display())),
        "{stderr}"
    );
    // Both documents are still extracted, without their metadata.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn every_format_carries_the_article() {
    let path = format!("{DIR}/front.md");
    let csv = common::stdout(common::whosaid(120).args(["extract", "--format", "csv", &path]));
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("article_title,article_outlet,article_date,article_url"),
        "{header}"
    );
    assert!(csv.contains("Harbour strike enters second week,Northgate Gazette,2025-03-14,https://gazette.example/harbour-strike"));
    let md = common::stdout(common::whosaid(120).args(["extract", "--format", "markdown", &path]));
    assert!(
        md.contains(
            "[“Harbour strike enters second week”](https://gazette.example/harbour-strike) — Northgate Gazette, 2025-03-14"
        ),
        "{md}"
    );
    let table = common::stdout(common::whosaid(200).args(["extract", &path]));
    assert!(table.contains("Northgate Gazette"), "{table}");
    // Citation tables carry it on each piece of evidence.
    let claims = tempfile::tempdir().unwrap();
    let file = claims.path().join("c.yaml");
    std::fs::write(
        &file,
        "- id: strike-until-pension-deal\n  claim: The union will stay out until the pension deal is signed\n",
    )
    .unwrap();
    let json = common::stdout(common::whosaid(120).args([
        "attribute",
        "--format",
        "json",
        "--claims",
        file.to_str().unwrap(),
        &path,
    ]));
    let v: Value = serde_json::from_str(&json).unwrap();
    let evidence = &v[0]["speakers"][0]["evidence"][0];
    assert_eq!(evidence["article"]["outlet"], "Northgate Gazette", "{json}");
    let csv = common::stdout(common::whosaid(120).args([
        "attribute",
        "--format",
        "csv",
        "--claims",
        file.to_str().unwrap(),
        &path,
    ]));
    assert!(csv.contains(",Northgate Gazette,2025-03-14,"), "{csv}");
}
