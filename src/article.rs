//! Where each article came from: its headline, outlet, date and address,
//! for citations. Read from YAML front matter in a `.md` document, from a
//! sidecar `NAME.meta.yaml` beside a `.txt` one, or, where neither gives
//! a field, from the text itself: a first line that reads as a headline
//! (`… - Politico` names the outlet too) and an ISO date on the lines
//! below it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{self, Error, Location, Result};
use crate::extract::scan::is_byline;

/// An article's citation details; any may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

impl Article {
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.outlet.is_none() && self.date.is_none() && self.url.is_none()
    }

    /// Each field this article lacks, from `other`.
    pub fn or(self, other: Article) -> Article {
        Article {
            title: self.title.or(other.title),
            outlet: self.outlet.or(other.outlet),
            date: self.date.or(other.date),
            url: self.url.or(other.url),
        }
    }

    /// [`Article::citation`] in at most `max` characters: the title is
    /// shortened first, the outlet and date kept.
    pub fn citation_within(&self, max: usize) -> Option<String> {
        let full = self.citation()?;
        let Some(title) = &self.title else {
            return Some(full);
        };
        let over = full.chars().count().saturating_sub(max);
        let keep = title.chars().count().saturating_sub(over + 1);
        if over == 0 || keep < 8 {
            return Some(full);
        }
        let short: String = title.chars().take(keep).collect();
        let shortened = Article {
            title: Some(format!("{}…", short.trim_end())),
            ..self.clone()
        };
        shortened.citation()
    }

    /// The article's address when it is a web page (`http`/`https`, no
    /// spaces): only such an address is ever made a link.
    pub fn web_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        let web = lower.starts_with("https://") || lower.starts_with("http://");
        (web && !url.contains(|c: char| c.is_whitespace() || c.is_control())).then_some(url)
    }

    /// `Title — Outlet, date`, for a citation line; `None` when nothing is known.
    pub fn citation(&self) -> Option<String> {
        let place: Vec<&str> = [self.outlet.as_deref(), self.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        match (&self.title, place.is_empty()) {
            (Some(t), true) => Some(format!("“{t}”")),
            (Some(t), false) => Some(format!("“{t}” — {}", place.join(", "))),
            (None, false) => Some(place.join(", ")),
            (None, true) => None,
        }
    }
}

/// The fields a metadata file may give. `source` is another name for
/// `outlet`; scalars of any type are read as text (`date: 2024-09-04`).
#[derive(Deserialize)]
struct Fields<V> {
    title: Option<V>,
    #[serde(alias = "source")]
    outlet: Option<V>,
    date: Option<V>,
    url: Option<V>,
}

/// The same, refusing unknown keys: a sidecar is whosaid's own format.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarFields {
    title: Option<serde_yaml::Value>,
    #[serde(alias = "source")]
    outlet: Option<serde_yaml::Value>,
    date: Option<serde_yaml::Value>,
    url: Option<serde_yaml::Value>,
}

fn text_of(path: &str, key: &str, v: Option<serde_yaml::Value>) -> Result<Option<String>> {
    use serde_yaml::Value;
    Ok(match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        Some(_) => {
            return Err(Error::Invalid {
                path: path.to_string(),
                message: format!("`{key}` should be text"),
            });
        }
    })
}

fn article_of(path: &str, f: Fields<serde_yaml::Value>) -> Result<Article> {
    Ok(Article {
        title: text_of(path, "title", f.title)?,
        outlet: text_of(path, "outlet", f.outlet)?,
        date: text_of(path, "date", f.date)?,
        url: text_of(path, "url", f.url)?,
    })
}

/// Errors inside front matter count lines from the document's first line.
fn shifted(err: Error, lines: usize) -> Error {
    match err {
        Error::Yaml { location, message } => Error::Yaml {
            location: Location {
                line: location.line + lines,
                ..location
            },
            message,
        },
        other => other,
    }
}

/// YAML front matter: a first line `---`, then YAML up to a line `---` or
/// `...`. Returns what it says of the article and the byte where the body
/// starts; `None` when the document has none.
pub fn front_matter(path: &str, text: &str) -> Result<Option<(Article, usize)>> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(None);
    };
    let open = text.len() - rest.len();
    let mut at = open;
    let end = loop {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim_end();
        if line == "---" || line == "..." {
            break Some((at, (line_end + 1).min(text.len())));
        }
        if line_end >= text.len() {
            break None;
        }
        at = line_end + 1;
    };
    // An opening `---` that is never closed is a rule, not front matter.
    let Some((yaml_end, body_start)) = end else {
        return Ok(None);
    };
    let yaml = &text[open..yaml_end];
    error::guard_yaml(path, yaml).map_err(|e| shifted(e, 1))?;
    if yaml.trim().is_empty() {
        return Ok(Some((Article::default(), body_start)));
    }
    let fields: Fields<serde_yaml::Value> =
        serde_yaml::from_str(yaml).map_err(|e| shifted(error::yaml(path, &e), 1))?;
    Ok(Some((article_of(path, fields)?, body_start)))
}

/// The sidecar of a text document: `story.meta.yaml` beside `story.txt`.
pub fn sidecar_path(doc: &Path) -> Option<PathBuf> {
    let stem = doc.file_stem()?.to_str()?;
    Some(doc.with_file_name(format!("{stem}.meta.yaml")))
}

/// A sidecar's article; `None` when there is no sidecar.
pub fn read_sidecar(doc: &Path) -> Result<Option<Article>> {
    let Some(path) = sidecar_path(doc) else {
        return Ok(None);
    };
    if !path.is_file() {
        return Ok(None);
    }
    let shown = path.to_string_lossy().into_owned();
    let text = error::read_yaml(&shown)?;
    if text.trim().is_empty() {
        return Ok(Some(Article::default()));
    }
    let f: SidecarFields = serde_yaml::from_str(&text).map_err(|e| error::yaml(&shown, &e))?;
    article_of(
        &shown,
        Fields {
            title: f.title,
            outlet: f.outlet,
            date: f.date,
            url: f.url,
        },
    )
    .map(Some)
}

/// What the text says of itself, from `body` on. Among its first lines,
/// past a dateline, a byline (`By …`) and a section trail (`News / Middle
/// East`): the first line of text as the title when it reads as a headline
/// (short, no closing punctuation), the outlet when it ends in one (`… -
/// Politico`, as `is_outlet` says), and the date of a line that starts with
/// an ISO date.
pub fn from_text(text: &str, body: usize, is_outlet: impl Fn(&str) -> bool) -> Article {
    let mut article = Article::default();
    let mut first = None;
    for line in text[body..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
    {
        if let Some(date) = iso_date(line) {
            article.date.get_or_insert_with(|| date.to_string());
        } else if first.is_none() && !is_byline(line) && !is_trail(line) {
            first = Some(line);
        }
    }
    let Some(first) = first else {
        return article;
    };
    let headline = first.chars().count() <= 200
        && !first.ends_with(['.', '!', '?', '"', '”', ':', ';', ','])
        && first.chars().next().is_some_and(char::is_alphanumeric);
    if headline {
        let split = [" - ", " | ", " — ", " – "]
            .iter()
            .filter_map(|sep| first.rsplit_once(sep))
            .find(|(_, outlet)| is_outlet(outlet.trim()));
        match split {
            Some((title, outlet)) => {
                article.title = Some(title.trim().to_string());
                article.outlet = Some(outlet.trim().to_string());
            }
            None => article.title = Some(first.to_string()),
        }
    }
    article
}

/// A section trail: short parts between slashes or chevrons (`News /
/// Middle East`, `World > Europe`).
fn is_trail(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['/', '>', '›', '»']).map(str::trim).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= 3)
}

/// The `YYYY-MM-DD` a line starts with, if it is short and says little else
/// (`2024-09-04 20:37:41`).
fn iso_date(line: &str) -> Option<&str> {
    let date = line.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (line.len() <= 40
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && line[10..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric()))
    .then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(w: &str) -> bool {
        matches!(w, "Politico" | "Reuters")
    }

    #[test]
    fn front_matter_gives_the_article_and_where_the_body_starts() {
        let text = "---\ntitle: Boss held\nsource: Le Monde\ndate: 2024-08-25\nurl: https://x.test/a\ntags: [a]\n---\nBody here.\n";
        let (a, body) = front_matter("a.md", text).unwrap().unwrap();
        assert_eq!(a.title.as_deref(), Some("Boss held"));
        assert_eq!(a.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(a.date.as_deref(), Some("2024-08-25"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(&text[body..], "Body here.\n");
        assert!(
            front_matter("a.md", "No front matter.\n")
                .unwrap()
                .is_none()
        );
        // A rule that is never closed is no front matter.
        assert!(front_matter("a.md", "---\ntext\n").unwrap().is_none());
    }

    #[test]
    fn broken_front_matter_is_located_in_the_document() {
        let err = front_matter("a.md", "---\ntitle: [unclosed\n---\nBody.\n").unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("a.md:3:"), "{shown}");
        let err = front_matter("a.md", "---\ntitle:\n  - a\n---\nBody.\n").unwrap_err();
        assert!(err.to_string().contains("`title` should be text"), "{err}");
    }

    #[test]
    fn a_headline_gives_the_title_and_its_outlet() {
        let a = from_text(
            "Russia uses Telegram for sabotage - Politico\n2024-09-04 20:37:41\nBy A. Writer\nBody.\n",
            0,
            outlet,
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Russia uses Telegram for sabotage")
        );
        assert_eq!(a.outlet.as_deref(), Some("Politico"));
        assert_eq!(a.date.as_deref(), Some("2024-09-04"));
        // Past a dateline, a byline and a section trail.
        let a = from_text(
            "2024-09-04 20:37:41\nBy Ana Ruiz\nNews / Middle East\nWhy Forums Love Ferrow\nBody.\n",
            0,
            outlet,
        );
        assert_eq!(a.title.as_deref(), Some("Why Forums Love Ferrow"));
        assert_eq!(a.date.as_deref(), Some("2024-09-04"));
        // A sentence is no headline; a dash before a word that is no outlet stays.
        assert!(
            from_text("He said it was over.\n", 0, outlet)
                .title
                .is_none()
        );
        let a = from_text("Storms - and floods - hit the coast\n", 0, outlet);
        assert_eq!(
            a.title.as_deref(),
            Some("Storms - and floods - hit the coast")
        );
        assert!(a.outlet.is_none());
    }

    #[test]
    fn citation_reads_as_a_reference() {
        let a = Article {
            title: Some("Boss held".into()),
            outlet: Some("Le Monde".into()),
            date: Some("2024-08-25".into()),
            url: None,
        };
        assert_eq!(
            a.citation().as_deref(),
            Some("“Boss held” — Le Monde, 2024-08-25")
        );
        assert_eq!(Article::default().citation(), None);
        let long = Article {
            title: Some("Telegram boss held in Paris".into()),
            ..a
        };
        assert_eq!(
            long.citation_within(40).as_deref(),
            Some("“Telegram boss…” — Le Monde, 2024-08-25")
        );
    }
}
