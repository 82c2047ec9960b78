//! CSV: one record per row with every field in its own column (`doc` and
//! `line` apart, so the file sorts), for spreadsheets and scripts.

use std::io::{self, Write};

use super::{Row, rows};
use crate::attribute::Attribution;
use crate::model::{Article, Statement};
use crate::speaker_index::SpeakerIndex;

const STATEMENT_HEADER: [&str; 17] = [
    "doc",
    "line",
    "start",
    "end",
    "kind",
    "speaker",
    "mention",
    "role",
    "type",
    "cue",
    "via",
    "confidence",
    "content",
    "article_title",
    "article_outlet",
    "article_date",
    "article_url",
];

const ATTRIBUTION_HEADER: [&str; 15] = [
    "claim_id",
    "claim",
    "speaker",
    "role",
    "stance",
    "score",
    "kind",
    "doc",
    "line",
    "via",
    "quote",
    "article_title",
    "article_outlet",
    "article_date",
    "article_url",
];

/// An article's four columns.
fn article_cells(a: Option<&Article>) -> [&str; 4] {
    match a {
        Some(a) => [&a.title, &a.outlet, &a.date, &a.url].map(|v| v.as_deref().unwrap_or("")),
        None => [""; 4],
    }
}

const SPEAKERS_HEADER: [&str; 12] = [
    "group",
    "name",
    "type",
    "statements",
    "direct",
    "partial",
    "indirect",
    "according_to",
    "roles",
    "mentions",
    "given_to",
    "documents",
];

/// The speaker index, a row a speaker, then a row an unnamed source and a
/// row an article (`group` tells them apart; an article's `name` is its
/// citation).
pub fn speakers(out: &mut dyn Write, index: &SpeakerIndex) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(SPEAKERS_HEADER).map_err(io_error)?;
    let kinds = |k: &std::collections::BTreeMap<&str, usize>| {
        ["direct", "partial", "indirect", "according_to"]
            .map(|name| k.get(name).copied().unwrap_or(0).to_string())
    };
    for s in &index.speakers {
        let [direct, partial, indirect, according] = kinds(&s.kinds);
        let roles = s
            .roles
            .iter()
            .map(|r| format!("{} ({})", r.role, r.seen.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        let outlets = s
            .outlets
            .iter()
            .map(|o| format!("{} ({})", o.name, o.statements))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            "speaker",
            &s.name,
            s.kind.as_str(),
            &s.statements.to_string(),
            &direct,
            &partial,
            &indirect,
            &according,
            &roles,
            &s.mentions.join("; "),
            &outlets,
            &s.documents.join("; "),
        ])
        .map_err(io_error)?;
    }
    for u in &index.unnamed {
        let [direct, partial, indirect, according] = kinds(&u.kinds);
        w.write_record([
            "unnamed",
            &u.mention,
            u.kind.as_str(),
            &u.statements.to_string(),
            &direct,
            &partial,
            &indirect,
            &according,
            "",
            "",
            "",
            &u.documents.join("; "),
        ])
        .map_err(io_error)?;
    }
    for d in &index.documents {
        w.write_record([
            "article",
            &d.article.citation().unwrap_or_default(),
            "",
            &d.statements.to_string(),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &d.doc,
        ])
        .map_err(io_error)?;
    }
    w.flush()
}

/// A CSV error as the I/O error it almost always is; the rest (a record of
/// another length) cannot happen with fixed headers.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("cannot write CSV: {other:?}")),
    }
}

fn writer<W: Write + ?Sized>(out: &mut W) -> csv::Writer<&mut W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

pub fn statements_header(out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(STATEMENT_HEADER).map_err(io_error)?;
    w.flush()
}

/// Statement rows, without the header (written once, before the first document).
pub fn statement_rows<W: Write + ?Sized>(out: &mut W, list: &[Statement]) -> io::Result<()> {
    let mut w = writer(out);
    for st in list {
        let (line, start, end) = (
            st.span.line.to_string(),
            st.span.start.to_string(),
            st.span.end.to_string(),
        );
        let confidence = format!("{:.2}", st.confidence);
        w.write_record(
            [
                st.span.doc.as_str(),
                &line,
                &start,
                &end,
                st.kind.as_str(),
                st.speaker.name.as_deref().unwrap_or(""),
                &st.speaker.mention,
                st.speaker.role.as_deref().unwrap_or(""),
                st.speaker.kind.as_str(),
                st.cue.as_deref().unwrap_or(""),
                st.via.as_deref().unwrap_or(""),
                &confidence,
                &st.content,
            ]
            .into_iter()
            .chain(article_cells(Some(&st.article))),
        )
        .map_err(io_error)?;
    }
    w.flush()
}

/// The citation table; claims nobody made get a `(nobody)` row only with `all`.
pub fn attributions(out: &mut dyn Write, results: &[Attribution], all: bool) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(ATTRIBUTION_HEADER).map_err(io_error)?;
    for r in rows(results, all) {
        let Row {
            id,
            claim,
            speaker,
            role,
            stance,
            score,
            kind,
            doc,
            line,
            via,
            quote,
            article,
            ..
        } = r;
        w.write_record(
            [
                id, claim, &speaker, role, stance, &score, kind, doc, &line, via, quote,
            ]
            .into_iter()
            .chain(article_cells(article)),
        )
        .map_err(io_error)?;
    }
    w.flush()
}
