//! `whosaid verify`: every verdict and its exit code, on the seeds and on an
//! article of our own.

mod common;

use serde_json::{Value, json};

const OWN: &str = "tests/fixtures/verify";

/// The JSON answer and the exit code.
fn verify(args: &[&str]) -> (Value, i32) {
    let out = common::whosaid(120)
        .args([&["verify", "--format", "json"][..], args].concat())
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, code)
}

fn diff(v: &Value) -> Vec<(String, String)> {
    v["matches"][0]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["op"].as_str().unwrap().into(),
                d["text"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn pair(op: &str, text: &str) -> (String, String) {
    (op.to_string(), text.to_string())
}

#[test]
fn the_issues_examples_on_the_seeds() {
    let (v, code) = verify(&["Russians do everything via Telegram", "--speaker", "Tokar"]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("verbatim", 0));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Nazar Tokar");

    let (v, code) = verify(&[
        "Russians do almost everything through Telegram",
        "--speaker",
        "Tokar",
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("altered", 1));
    assert_eq!(
        diff(&v),
        [
            pair("equal", "Russians do"),
            pair("insert", "almost"),
            pair("equal", "everything"),
            pair("delete", "via"),
            pair("insert", "through"),
            pair("equal", "Telegram"),
        ]
    );

    let (v, code) = verify(&["Russians do everything via Telegram", "--speaker", "Durov"]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("misattributed", 1));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Nazar Tokar");

    let (v, code) = verify(&["Telegram will hand private chats to the French police"]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("not_found", 1));
    assert_eq!(v["matches"], json!([]));
}

#[test]
fn a_paraphrase_is_found_by_meaning_and_can_be_misattributed_too() {
    // Rogozin: "Telegram is so integrated into Russia's military
    // infrastructure that its loss could deal a significant blow to the
    // armed forces' communications".
    let (v, code) = verify(&[
        "Losing Telegram would badly hurt the communications of Russia's armed forces",
        "--speaker",
        "Rogozin",
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("paraphrase", 0));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Alexey Rogozin");
    assert_eq!(v["matches"][0]["diff"], json!([]));
    // "Telegram is used to transmit intelligence, guide artillery, …"
    let text = "Telegram is used to send intelligence and direct artillery fire";
    let (v, code) = verify(&[text]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("paraphrase", 0));
    let (v, code) = verify(&[text, "--speaker", "Pavel Durov"]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("misattributed", 1));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Alexey Rogozin");
}

#[test]
fn the_speaker_is_read_through_the_registry_and_surnames() {
    // The seeds quote "Timothy Cook", whom the registry calls Tim Cook.
    let quote = "If you put a key under the mat for the cops, a burglar can find it, too";
    for name in ["Tim Cook", "Timothy Cook", "Cook"] {
        let (v, code) = verify(&[quote, "--speaker", name]);
        assert_eq!(
            (v["verdict"].as_str().unwrap(), code),
            ("verbatim", 0),
            "{name}"
        );
    }
    let table = common::stdout(common::whosaid(120).args(["verify", quote, "--speaker", "Cook"]));
    assert!(
        table.starts_with("verbatim: said by Tim Cook, chief executive\n"),
        "{table}"
    );
}

#[test]
fn verdicts_on_an_article_of_our_own() {
    // Curly quotes in the article, straight or none in the text: the same words.
    let (v, code) = verify(&["\"The old bridge is NO longer safe for buses\"", OWN]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("verbatim", 0));
    let m = &v["matches"][0];
    assert_eq!(m["speaker"]["name"], "Mara Lindqvist");
    assert_eq!(m["doc"], "tests/fixtures/verify/council.md");
    assert_eq!(m["line"], 9);
    assert_eq!(m["article"]["outlet"], "Kessel Courier");
    // A dropped phrase and a changed month.
    let (v, code) = verify(&[
        "The old bridge is no longer safe and we will close it in July",
        "--speaker",
        "Lindqvist",
        OWN,
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("altered", 1));
    assert_eq!(
        diff(&v),
        [
            pair("equal", "The old bridge is no longer safe"),
            pair("delete", "for buses"),
            pair("equal", "and we will close it in"),
            pair("delete", "June"),
            pair("insert", "July"),
        ]
    );
    // Pinned on the wrong person: who really said it comes first.
    let (v, code) = verify(&[
        "Shops on the east bank will lose half their customers",
        "--speaker",
        "Mara Lindqvist",
        OWN,
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("misattributed", 1));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Petr Novak");
    let (v, code) = verify(&["The bridge will reopen next spring", OWN]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("not_found", 1));
}

#[test]
fn json_has_exactly_the_documented_fields() {
    let (v, _) = verify(&["Russians do everything via Telegram", "--speaker", "Tokar"]);
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["matches", "speaker", "text", "verdict"]);
    assert_eq!(
        keys(&v["matches"][0]),
        [
            "article", "content", "diff", "doc", "end", "kind", "line", "score", "speaker",
            "start", "verdict"
        ]
    );
    assert_eq!(
        keys(&v["matches"][0]["speaker"]),
        ["mention", "name", "role", "type"]
    );
}

#[test]
fn the_table_and_markdown_mark_what_changed() {
    let args = [
        "verify",
        "Russians do almost everything through Telegram",
        "--speaker",
        "Tokar",
    ];
    let out = common::whosaid(120).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.starts_with("altered: said by Nazar Tokar, head of Kremlingram\n"),
        "{table}"
    );
    assert!(
        table.contains("{+almost+}") && table.contains("[-via-] {+through+}"),
        "{table}"
    );
    let out = common::whosaid(120)
        .args([&args[..], &["--format", "markdown"]].concat())
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("Russians do **almost** everything ~~via~~ **through** Telegram"),
        "{md}"
    );
}

#[test]
fn a_text_with_no_words_is_an_error() {
    common::whosaid(120)
        .args(["verify", " “ ” "])
        .assert()
        .code(2)
        .stderr("error: verify: TEXT has no words to look for\n");
}

#[test]
fn a_text_that_names_its_speaker_is_read_like_an_article() {
    // The attribution is not looked for as words; the name it gives is
    // the speaker, unless --speaker says otherwise.
    let (v, code) = verify(&[
        "Rogozin said Telegram's loss could deal a serious blow to the army's communications",
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("paraphrase", 0));
    assert_eq!(v["speaker"], "Rogozin");
    assert_eq!(v["matches"][0]["speaker"]["name"], "Alexey Rogozin");
    assert_eq!(
        v["text"],
        "Rogozin said Telegram's loss could deal a serious blow to the army's communications"
    );

    let (v, code) = verify(&["\"Russians do everything via Telegram,\" Durov said."]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("misattributed", 1));
    assert_eq!(v["matches"][0]["speaker"]["name"], "Nazar Tokar");

    // A pronoun with nothing before it names no one: the quote alone.
    let (v, code) = verify(&["\"Russians do everything via Telegram,\" he said."]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("verbatim", 0));
    assert_eq!(v["speaker"], Value::Null);

    let (v, code) = verify(&[
        "Tokar said Russians do almost everything through Telegram",
        "--speaker",
        "Nazar Tokar",
    ]);
    assert_eq!((v["verdict"].as_str().unwrap(), code), ("altered", 1));
    assert_eq!(v["matches"][0]["diff"][0]["text"], "Russians do");
}
