//! Renderers: one module per output format, each writing the same
//! serialisable records to an `impl Write` as they come. Nothing here
//! decides anything; it only formats.

mod csv;
mod html;
mod json;
mod junit;
mod markdown;
mod table;

use std::io::{self, Write};

use crate::attribute::{Attribution, Confidence};
use crate::check::{Drift, DriftKind, Report};
use crate::corpus::{Document, Passages};
use crate::error::{Error, Result};
use crate::model::{Article, Statement};
use crate::speaker_index::SpeakerIndex;
use crate::verify::{DiffKind, Verdict, Verification, VerifyMatch};

pub use html::is_ours as is_our_page;
pub use markdown::md;
pub use table::wrap_at_joints;

/// The formats statements and citation tables are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Json,
    Csv,
    Markdown,
    /// One self-contained page, to share.
    Html,
}

/// The formats of a `check` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Junit,
}

/// The formats of `verify`'s answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    Table,
    Json,
    Markdown,
    Html,
}

/// Writes `verify`'s answer in `format` to `out` (named `to` in errors);
/// the page shows each statement in its paragraph from `passages`.
pub fn write_verification(
    out: &mut dyn Write,
    to: &str,
    v: &Verification,
    format: VerifyFormat,
    width: Option<u16>,
    passages: &Passages,
) -> Result<()> {
    let written = match format {
        VerifyFormat::Table => table::verification(out, v, width),
        VerifyFormat::Json => json::pretty(out, v),
        VerifyFormat::Markdown => markdown::verification(out, v),
        VerifyFormat::Html => html::verification(out, v, passages),
    };
    written.map_err(|e| Error::write(to, &e))
}

/// The first line of `verify`'s answer: the verdict, and who said it.
fn verdict_line(v: &Verification) -> String {
    let best = v.matches.first();
    let who = |m: &VerifyMatch| {
        let name = m
            .speaker
            .name
            .clone()
            .unwrap_or_else(|| format!("[{}]", m.speaker.mention));
        match &m.speaker.role {
            Some(role) => format!("{name}, {role}"),
            None => name,
        }
    };
    match (v.verdict, best) {
        (Verdict::NotFound, _) | (_, None) => {
            "not_found: no statement in the corpus says this".to_string()
        }
        (Verdict::Misattributed, Some(m)) => format!(
            "misattributed: {} did not say this; {} did ({})",
            v.speaker.as_deref().unwrap_or("the speaker"),
            who(m),
            m.wording.as_str()
        ),
        (verdict, Some(m)) => format!("{}: said by {}", verdict.as_str(), who(m)),
    }
}

/// A statement with the diff marked as `git diff --word-diff` does:
/// `[-dropped-]` and `{+added+}`; the statement itself for a paraphrase.
fn marked_diff(m: &VerifyMatch, max: usize) -> String {
    if m.diff.is_empty() {
        return shorten(&m.content, max);
    }
    let marked: Vec<String> = m
        .diff
        .iter()
        .map(|d| match d.op {
            DiffKind::Equal => d.text.clone(),
            DiffKind::Delete => format!("[-{}-]", d.text),
            DiffKind::Insert => format!("{{+{}+}}", d.text),
        })
        .collect();
    shorten(&marked.join(" "), max)
}

/// The formats of the speaker index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SpeakersFormat {
    Table,
    Json,
    Markdown,
    Csv,
}

/// Writes the speaker index in `format` to `out` (named `to` in errors).
pub fn write_speakers(
    out: &mut dyn Write,
    to: &str,
    index: &SpeakerIndex,
    format: SpeakersFormat,
    width: Option<u16>,
) -> Result<()> {
    let written = match format {
        SpeakersFormat::Table => table::speakers(out, index, width),
        SpeakersFormat::Json => json::pretty(out, index),
        SpeakersFormat::Markdown => markdown::speakers(out, index),
        SpeakersFormat::Csv => csv::speakers(out, index),
    };
    written.map_err(|e| Error::write(to, &e))
}

/// What the speaker index says under its tables.
fn speakers_summary(index: &SpeakerIndex) -> String {
    format!(
        "{} speakers, {} unnamed sources, {} unattributed quotations in {} articles\n",
        index.speakers.len(),
        index.unnamed.len(),
        index.unattributed,
        index.documents.len()
    )
}

/// Shortens `s` to at most `max` characters, ending with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Whether `format` is written a document at a time, as it is extracted
/// (the table sizes its columns over all rows, and `json` is one array).
pub fn streams(format: Format) -> bool {
    matches!(
        format,
        Format::Jsonl | Format::Csv | Format::Markdown | Format::Html
    )
}

/// Writes extracted statements in `format` to `out` (named `to` in
/// errors); tables wrap to `width` columns (`None`: unbounded).
pub fn write_statements(
    out: &mut dyn Write,
    to: &str,
    list: &[Statement],
    format: Format,
    width: Option<u16>,
) -> Result<()> {
    let written = match format {
        Format::Json => json::pretty(out, list),
        Format::Table => table::statements(out, list, width),
        Format::Jsonl | Format::Csv | Format::Markdown | Format::Html => {
            let mut rows = Vec::new();
            write_statements_header(out, format)
                .and_then(|()| write_statement_rows(&mut rows, None, list, format))
                .and_then(|()| out.write_all(&rows))
                .and_then(|()| write_statements_footer(out, format))
        }
    };
    written.map_err(|e| Error::write(to, &e))
}

/// What a streamed `format` prints before the first document's rows.
pub fn write_statements_header(out: &mut dyn Write, format: Format) -> io::Result<()> {
    match format {
        Format::Csv => csv::statements_header(out),
        Format::Markdown => markdown::statements_header(out),
        Format::Html => html::statements_header(out),
        Format::Jsonl | Format::Json | Format::Table => Ok(()),
    }
}

/// What a streamed `format` prints after the last document's rows.
pub fn write_statements_footer(out: &mut dyn Write, format: Format) -> io::Result<()> {
    match format {
        Format::Html => html::statements_footer(out),
        _ => Ok(()),
    }
}

/// The rows of a streamed `format` for `list`, one document's statements
/// (the whole-set formats write `list` whole), rendered into a worker's
/// buffer. The page shows each statement in its paragraph of `doc`.
pub fn write_statement_rows(
    out: &mut Vec<u8>,
    doc: Option<&Document>,
    list: &[Statement],
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            json::statement_lines(out, list);
            Ok(())
        }
        Format::Csv => csv::statement_rows(out, list),
        Format::Markdown => markdown::statement_rows(out, list),
        Format::Html => html::statement_rows(out, doc, list),
        Format::Json => json::pretty(out, list),
        Format::Table => table::statements(out, list, None),
    }
}

/// Writes the citation table in `format` to `out` (named `to` in errors).
/// JSON formats always carry every claim; the others list claims nobody
/// made only with `all`. Every format is written a record (or, for the
/// terminal table, a chunk of rows) at a time and never held whole. The
/// page lists every claim, and shows evidence in its paragraph from
/// `passages`.
pub fn write_attributions(
    out: &mut dyn Write,
    to: &str,
    results: &[Attribution],
    format: Format,
    width: Option<u16>,
    all: bool,
    passages: &Passages,
) -> Result<()> {
    let written = match format {
        Format::Json => json::pretty(out, results),
        Format::Jsonl => json::lines(out, results),
        Format::Csv => csv::attributions(out, results, all),
        Format::Markdown => markdown::attributions(out, results, all),
        Format::Table => table::attributions(out, results, width, all),
        Format::Html => html::attributions(out, results, passages),
    };
    written.map_err(|e| Error::write(to, &e))
}

/// Writes a check report: readable text, JSON, or JUnit XML.
pub fn write_check(
    out: &mut dyn Write,
    to: &str,
    report: &Report,
    format: CheckFormat,
) -> Result<()> {
    let written = match format {
        CheckFormat::Json => json::pretty(out, report),
        CheckFormat::Table => table::check(out, report),
        CheckFormat::Junit => junit::check(out, report),
    };
    written.map_err(|e| Error::write(to, &e))
}

/// What a citation table says under its rows: how many claims were
/// attributed, and what was left out.
fn footer(results: &[Attribution], all: bool) -> String {
    let matched = results.iter().filter(|a| !a.speakers.is_empty()).count();
    let nobody = results.len() - matched;
    let mut footer = if all || nobody == 0 {
        format!("{matched} of {} claims attributed\n", results.len())
    } else {
        format!(
            "{matched} of {} claims attributed; {nobody} matched nobody (--all lists them)\n",
            results.len()
        )
    };
    let more: usize = results
        .iter()
        .flat_map(|a| &a.speakers)
        .map(|s| s.more_evidence)
        .sum();
    if more > 0 {
        footer.push_str(&format!(
            "{more} weaker pieces of evidence not shown (--max-evidence 0 shows all)\n"
        ));
    }
    footer
}

/// One row of a citation table: a claim, a speaker, one piece of evidence.
struct Row<'a> {
    id: &'a str,
    claim: &'a str,
    speaker: String,
    role: &'a str,
    stance: &'a str,
    score: String,
    kind: &'a str,
    doc: &'a str,
    line: String,
    via: &'a str,
    quote: &'a str,
    /// Statement words that matched the claim, to centre the excerpt.
    matched: Vec<&'a str>,
    /// The article the quote is in.
    article: Option<&'a Article>,
}

impl Row<'_> {
    /// `doc:line`, and the outlet the statement was given to.
    fn source_via(&self) -> String {
        match (self.doc, self.via) {
            ("", _) => String::new(),
            (doc, "") => format!("{doc}:{}", self.line),
            (doc, via) => format!("{doc}:{} (via {via})", self.line),
        }
    }
}

/// The rows of a citation table, in order; a claim nobody made gives one
/// `(nobody)` row when `all`.
fn rows(results: &[Attribution], all: bool) -> impl Iterator<Item = Row<'_>> {
    results.iter().flat_map(move |a| {
        let nobody = (a.speakers.is_empty() && all).then(|| Row {
            id: &a.id,
            claim: &a.claim,
            speaker: "(nobody)".into(),
            role: "",
            stance: "",
            score: String::new(),
            kind: "",
            doc: "",
            line: String::new(),
            via: "",
            quote: "",
            matched: Vec::new(),
            article: None,
        });
        let evidence = a.speakers.iter().flat_map(move |s| {
            s.evidence.iter().map(move |e| Row {
                id: &a.id,
                claim: &a.claim,
                speaker: s.label(),
                role: s.role.as_deref().unwrap_or(""),
                stance: e.stance.as_str(),
                // A weak match says so beside its score, in every format.
                score: match e.confidence {
                    Confidence::Weak => format!("{:.2} weak", e.score),
                    Confidence::Strong => format!("{:.2}", e.score),
                },
                kind: e.kind.as_str(),
                doc: &e.span.doc,
                line: e.span.line.to_string(),
                via: e.via.as_deref().unwrap_or(""),
                quote: &e.content,
                matched: e.matched.iter().map(|p| p.1.as_str()).collect(),
                article: Some(&e.article),
            })
        });
        nobody.into_iter().chain(evidence)
    })
}

/// Like [`shorten`], but when the quote is long and its matching words come
/// late, the excerpt starts shortly before the first of them.
pub fn excerpt(quote: &str, matched: &[&str], max: usize) -> String {
    let flat: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let lower = flat.to_lowercase();
    let first = matched
        .iter()
        .filter_map(|w| lower.find(w))
        .filter(|&i| flat.is_char_boundary(i))
        .min()
        .unwrap_or(0);
    // Back up a few words for context, then start at a word boundary.
    let back = flat[..first]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    if back == 0 {
        return shorten(&flat, max);
    }
    let start = flat[back..].find(' ').map_or(back, |i| back + i + 1);
    format!("…{}", shorten(&flat[start..], max.saturating_sub(1)))
}

/// One line of a check diff, as people read it.
pub fn drift_line(d: &Drift) -> String {
    let at = |p: &Option<crate::model::Span>| {
        p.as_ref()
            .map_or_else(String::new, |p| format!("{}:{}", p.doc, p.line))
    };
    let quote = d
        .quote
        .as_deref()
        .map_or_else(String::new, |q| format!(": \"{}\"", shorten(q, 100)));
    let score = d
        .score
        .map_or_else(String::new, |s| format!(" (score {s:.2})"));
    match d.kind {
        DriftKind::MissingSpeaker => match &d.place {
            Some(_) => format!(
                "- missing speaker {}; closest statement {}{score} is below the threshold{quote}",
                d.speaker,
                at(&d.place)
            ),
            None => format!(
                "- missing speaker {}; no statement by them matches",
                d.speaker
            ),
        },
        DriftKind::UnexpectedSpeaker => format!(
            "+ unexpected speaker {}{} at {}{score}{quote}",
            d.speaker,
            if d.expected.is_some() {
                " (listed in not_speakers)"
            } else {
                ""
            },
            at(&d.place)
        ),
        DriftKind::StanceChanged => format!(
            "~ stance of {} changed: expected {}, found {} at {}{quote}",
            d.speaker,
            d.expected.as_deref().unwrap_or("?"),
            d.actual.as_deref().unwrap_or("?"),
            at(&d.place)
        ),
        DriftKind::EvidenceAdded => format!(
            "+ evidence added for {} at {}{score}{quote}",
            d.speaker,
            at(&d.place)
        ),
        DriftKind::EvidenceLost => format!(
            "- evidence lost for {}: was at {}{score}, no longer found",
            d.speaker,
            at(&d.locked)
        ),
        DriftKind::EvidenceMoved => format!(
            "> evidence moved for {}: {} -> {}{quote}",
            d.speaker,
            at(&d.locked),
            at(&d.place)
        ),
        DriftKind::EvidenceChanged => format!(
            "~ evidence changed for {} at {}{} (quote edited; hash {} -> {}), now{quote}",
            d.speaker,
            at(&d.place),
            if d.place.as_ref().map(|p| (&p.doc, p.line))
                == d.locked.as_ref().map(|l| (&l.doc, l.line))
            {
                String::new()
            } else {
                format!(", was at {}", at(&d.locked))
            },
            d.expected.as_deref().unwrap_or("?"),
            d.actual.as_deref().unwrap_or("?")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_starts_near_the_match() {
        let quote = "We spent the whole winter arguing about the budget, the roads and the schools, \
                     and in the end the council agreed that the new bridge is unsafe for lorries.";
        let e = excerpt(quote, &["bridge", "unsafe"], 60);
        assert!(e.starts_with('…'), "{e}");
        assert!(e.contains("new bridge is unsafe"), "{e}");
        assert!(e.chars().count() <= 60, "{e}");
        // Short quotes and early matches are left alone.
        assert_eq!(
            excerpt("The bridge is unsafe.", &["bridge"], 60),
            "The bridge is unsafe."
        );
        assert!(excerpt(quote, &["winter"], 60).starts_with("We spent"));
    }
}
