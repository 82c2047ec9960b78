//! The HTML report in a real browser: headless Chromium loads each page and
//! the test reads the DOM the page's own script left. Without a browser
//! the browser tests say they were skipped; with `CI=true` that is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const CORPUS: &str = "tests/fixtures/html/corpus";
const CLAIMS: &str = "tests/fixtures/html/claims";

/// Chromium, from `$WHOSAID_CHROMIUM` or the `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WHOSAID_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// The browser, or `None` after saying the test was skipped; a skip under
/// `CI=true` fails, so CI always runs the browser.
fn browser(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: no Chromium found, and CI=true: install the chromium package"
        );
        eprintln!("{test}: skipped: no Chromium (install chromium, or set WHOSAID_CHROMIUM)");
    }
    found
}

/// The DOM of `page` (with `fragment` after `#`) once its script has run.
fn dom(browser: &Path, page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}{fragment}", page.display());
    // A browser that hangs must not hang CI: coreutils' timeout ends it.
    let out = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            // A container's /dev/shm can be too small for the renderer.
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Writes a page with `args` (and `--format html --output`) into `dir`.
fn page(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let out = common::whosaid(120)
        .args(args)
        .args(["--format", "html", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "the page goes to the file only");
    path
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Of the tags starting `open`, how many are hidden, and how many there are.
fn hidden(dom: &str, open: &str) -> (usize, usize) {
    let tags: Vec<&str> = dom
        .match_indices(open)
        .map(|(i, _)| &dom[i..i + dom[i..].find('>').unwrap()])
        .collect();
    let hidden = tags.iter().filter(|t| t.contains(" hidden")).count();
    (hidden, tags.len())
}

/// Nothing from the article ran or became markup: its `<script>` and
/// `<img onerror>` are text on the page.
fn assert_inert(dom: &str) {
    assert!(!dom.contains("data-pwned="), "an injected script ran");
    assert_eq!(count(dom, "<script"), 1, "only the page's own script");
    assert_eq!(count(dom, "<img"), 0);
    assert!(
        !dom.contains("href=\"javascript:"),
        "a javascript: address was linked"
    );
}

#[test]
fn the_citation_page_in_a_browser() {
    let Some(chromium) = browser("the_citation_page_in_a_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = page(dir.path(), "claims.html", &["--claims", CLAIMS, CORPUS]);
    let dom = dom(&chromium, &page, "");
    // Every claim, the one nobody made too; three speakers, each quote
    // highlighted once in its paragraph.
    assert_eq!(count(&dom, "class=\"claim group\""), 4);
    assert_eq!(count(&dom, "class=\"speaker group\""), 3);
    assert_eq!(count(&dom, "<mark>"), 3);
    assert_eq!(
        count(&dom, "No statement in the corpus makes this claim."),
        1
    );
    assert_eq!(count(&dom, "weak match"), 1);
    // The script built the filters from the evidence and showed them.
    assert!(dom.contains("<form id=\"filters\">"), "{dom}");
    for speaker in ["Ines Varga", "Callum Reid", "Nadia Brandt"] {
        assert!(dom.contains(&format!("<option value=\"{speaker}\">{speaker}</option>")));
    }
    assert!(
        dom.contains("<output id=\"count\">3 shown</output>"),
        "{dom}"
    );
    // The paragraphs around a quote are there for context.
    assert!(dom.contains("Islanders were quick to object."));
    assert!(dom.contains("via Gazette"));
    assert_inert(&dom);
    assert!(
        dom.contains(
            "&lt;script&gt;document.body.setAttribute('data-pwned','quote')&lt;/script&gt;"
        )
    );
    assert!(
        dom.contains("&lt;img src=x onerror=document.body.setAttribute('data-pwned','img')&gt;")
    );

    // A filter in the address: one speaker's evidence, the rest hidden.
    let filtered = self::dom(&chromium, &page, "#speaker=Nadia%20Brandt");
    assert!(
        filtered.contains("<output id=\"count\">1 of 3 shown</output>"),
        "{filtered}"
    );
    assert_eq!(hidden(&filtered, "<article class=\"evidence item"), (2, 3));
    assert_eq!(hidden(&filtered, "<section class=\"claim group"), (3, 4));
}

#[test]
fn the_verify_and_extract_pages_in_a_browser() {
    let Some(chromium) = browser("the_verify_and_extract_pages_in_a_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let verify = page(
        dir.path(),
        "verify.html",
        &[
            "verify",
            "Fuel costs have almost doubled since the winter",
            "--speaker",
            "Callum Reid",
            CORPUS,
        ],
    );
    let dom = dom(&chromium, &verify, "");
    assert!(
        dom.contains("<span class=\"badge misattributed\">misattributed</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("Callum Reid did not say this; Ines Varga"),
        "{dom}"
    );
    assert_eq!(count(&dom, "<ins>almost</ins>"), 1);
    assert!(count(&dom, "<mark>") >= 1);
    assert!(dom.contains("<option value=\"misattributed\">misattributed</option>"));
    assert_inert(&dom);

    let extract = page(dir.path(), "extract.html", &["extract", CORPUS]);
    let dom = self::dom(&chromium, &extract, "");
    assert_eq!(count(&dom, "class=\"doc group\""), 2);
    let statements = count(&dom, "class=\"statement item\"");
    assert_eq!(statements, 7);
    assert_eq!(count(&dom, "<mark>"), statements);
    assert!(dom.contains(&format!("{statements} shown</output>")));
    assert_inert(&dom);
}

#[test]
fn a_page_reads_without_its_script_and_is_written_only_over_its_own_kind() {
    let out =
        common::stdout(common::whosaid(120).args(["--claims", CLAIMS, CORPUS, "--format", "html"]));
    assert!(out.starts_with("<!DOCTYPE html><!-- whosaid report -->"));
    // Without the script the filters stay hidden and every quote shows.
    assert!(out.contains("<form id=\"filters\" hidden>"));
    assert_eq!(count(&out, "<mark>"), 3);
    assert!(out.contains("Content-Security-Policy\" content=\"default-src 'none';"));

    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.html");
    std::fs::write(&notes, "my own notes").unwrap();
    let refused = common::whosaid(120)
        .args(["--claims", CLAIMS, CORPUS, "--format", "html", "--output"])
        .arg(&notes)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("exists and is not a whosaid report; not overwriting it (use --force)"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");
    // With --force it is replaced; a page whosaid wrote is replaced freely.
    for force in [true, false] {
        let mut cmd = common::whosaid(120);
        cmd.args(["--claims", CLAIMS, CORPUS, "--format", "html", "--output"])
            .arg(&notes);
        if force {
            cmd.arg("--force");
        }
        common::stdout(&mut cmd);
        assert_eq!(std::fs::read_to_string(&notes).unwrap(), out);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.html"], "no temporary file is left behind");

    // Other formats carry no mark of whosaid's: a file there needs --force.
    let jsonl = dir.path().join("statements.jsonl");
    let extract = |force: bool| {
        let mut cmd = common::whosaid(120);
        cmd.args(["extract", CORPUS, "--format", "jsonl", "-o"])
            .arg(&jsonl);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    assert!(extract(false).status.success());
    let again = extract(false);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("exists; not overwriting it (use --force)")
    );
    assert!(extract(true).status.success());
    let direct =
        common::stdout(common::whosaid(120).args(["extract", CORPUS, "--format", "jsonl"]));
    assert_eq!(std::fs::read_to_string(&jsonl).unwrap(), direct);
}
