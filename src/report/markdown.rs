//! Markdown tables, ready to paste into a fact-check: cells are escaped so
//! a quote pasted into a CMS reads exactly as it was said.

use std::io::{self, Write};

use super::table::speaker_label;
use super::{footer, rows, shorten};
use crate::attribute::Attribution;
use crate::model::{Article, Statement};
use crate::speaker_index::SpeakerIndex;
use crate::verify::{DiffKind, Verification};

pub fn statements_header(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"| source | speaker | kind | cue | statement |\n|---|---|---|---|---|\n")
}

pub fn statement_rows<W: Write + ?Sized>(out: &mut W, list: &[Statement]) -> io::Result<()> {
    for st in list {
        let source = format!("{}:{}", st.span.doc, st.span.line);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cited(&source, Some(&st.article)),
            md(&speaker_label(st)),
            st.kind.as_str(),
            md(st.cue.as_deref().unwrap_or("")),
            md(&shorten(&st.content, usize::MAX)),
        )?;
    }
    Ok(())
}

/// The citation table: the claim's wording and id, then who said it where.
pub fn attributions(out: &mut dyn Write, results: &[Attribution], all: bool) -> io::Result<()> {
    out.write_all(
        b"| claim | speaker | role | stance | score | kind | source | quote |\n\
          |---|---|---|---|---|---|---|---|\n",
    )?;
    for r in rows(results, all) {
        writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} | {} | {} | {} | {} |",
            md(r.claim),
            r.id.replace('`', "'"),
            md(&r.speaker),
            md(r.role),
            r.stance,
            r.score,
            r.kind,
            cited(&r.source_via(), r.article),
            md(&shorten(r.quote, usize::MAX)),
        )?;
    }
    write!(out, "\n{}", footer(results, all))
}

/// `verify`'s answer: the verdict, then a table of the statements, the
/// diff marked `~~dropped~~` and `**added**`.
pub fn verification(out: &mut dyn Write, v: &Verification) -> io::Result<()> {
    writeln!(out, "**{}**\n", md(&super::verdict_line(v)))?;
    writeln!(out, "> {}\n", md(&v.text))?;
    if v.matches.is_empty() {
        return Ok(());
    }
    out.write_all(b"| verdict | speaker | source | score | statement |\n|---|---|---|---|---|\n")?;
    for m in &v.matches {
        let name = m
            .speaker
            .name
            .clone()
            .unwrap_or_else(|| format!("[{}]", m.speaker.mention));
        let statement = if m.diff.is_empty() {
            md(&shorten(&m.content, usize::MAX))
        } else {
            m.diff
                .iter()
                .map(|d| match d.op {
                    DiffKind::Equal => md(&d.text),
                    DiffKind::Delete => format!("~~{}~~", md(&d.text)),
                    DiffKind::Insert => format!("**{}**", md(&d.text)),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        writeln!(
            out,
            "| {} | {} | {} | {:.2} | {} |",
            m.verdict.as_str(),
            md(&name),
            cited(&format!("{}:{}", m.doc, m.line), Some(&m.article)),
            m.score,
            statement,
        )?;
    }
    Ok(())
}

/// The speaker index as three Markdown tables.
pub fn speakers(out: &mut dyn Write, index: &SpeakerIndex) -> io::Result<()> {
    out.write_all(
        b"### Speakers\n\n| speaker | type | statements | roles (where seen) | given to | documents |\n\
          |---|---|---|---|---|---|\n",
    )?;
    for s in &index.speakers {
        writeln!(
            out,
            "| {} | {} | {} ({}) | {} | {} | {} |",
            md(&s.name),
            s.kind.as_str(),
            s.statements,
            SpeakerIndex::kinds_line(&s.kinds),
            md(&s
                .roles
                .iter()
                .map(|r| format!("{} ({})", r.role, r.seen.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")),
            md(&s
                .outlets
                .iter()
                .map(|o| format!("{} ({})", o.name, o.statements))
                .collect::<Vec<_>>()
                .join("; ")),
            md(&s.documents.join(", ")),
        )?;
    }
    if !index.unnamed.is_empty() {
        out.write_all(
            b"\n### Unnamed sources\n\n| source | type | statements | documents |\n|---|---|---|---|\n",
        )?;
        for u in &index.unnamed {
            writeln!(
                out,
                "| {} | {} | {} ({}) | {} |",
                md(&u.mention),
                u.kind.as_str(),
                u.statements,
                SpeakerIndex::kinds_line(&u.kinds),
                md(&u.documents.join(", ")),
            )?;
        }
    }
    out.write_all(
        b"\n### Articles\n\n| document | article | statements | speakers |\n|---|---|---|---|\n",
    )?;
    for d in &index.documents {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&d.doc),
            cited("", Some(&d.article)).trim_start_matches(" · "),
            d.statements,
            d.speakers,
        )?;
    }
    write!(out, "\n{}", super::speakers_summary(index))
}

/// `source` (a `doc:line`), then the article it is in, linked when its
/// address is known: `seeds/a.txt:5 · [“Title”](https://…) — Politico, 2024-09-04`.
fn cited(source: &str, article: Option<&Article>) -> String {
    let source = md(source);
    let Some(a) = article else { return source };
    let Some(citation) = a.citation() else {
        return source;
    };
    match (&a.title, a.web_url()) {
        (Some(title), Some(url)) if !url.contains(['(', ')', '<', '>']) => {
            let rest = citation
                .strip_prefix(&format!("“{title}”"))
                .unwrap_or_default();
            format!("{source} · [“{}”]({url}){}", md(title), md(rest))
        }
        _ => format!("{source} · {}", md(&citation)),
    }
}

/// Escapes text for a Markdown table cell, so that a quote pasted into a
/// CMS reads as written: Markdown punctuation is backslash-escaped, HTML's
/// `<`, `>` and `&` become entities, and a line break becomes a space.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_keep_quotes_verbatim() {
        assert_eq!(
            md("a *b* <b>c</b> | d_e & f\ng"),
            "a \\*b\\* &lt;b&gt;c&lt;/b&gt; \\| d\\_e &amp; f g"
        );
    }
}
