//! Renderers: one function per output format over the same serialisable
//! records. Nothing here decides anything; it only formats.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::attribute::{Attribution, Confidence};
use crate::check::{Drift, DriftKind, Report};
use crate::error::{Error, Result};
use crate::model::Statement;

/// The formats statements and citation tables are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Json,
    Csv,
    Markdown,
}

/// The formats of a `check` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Table,
    Json,
    Junit,
}

/// Longest content shown in a table cell before it is shortened with `…`.
const TABLE_CONTENT_CHARS: usize = 100;

/// Shortens `s` to at most `max` characters, ending with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn speaker_label(st: &Statement) -> String {
    let name = match (&st.speaker.name, st.speaker.mention.as_str()) {
        (Some(name), _) => name.clone(),
        (None, "") => "[unattributed]".to_string(),
        (None, mention) => format!("[{mention}]"),
    };
    let label = match &st.speaker.role {
        Some(role) => format!("{name} ({role})"),
        None => name,
    };
    // Resolved through a pronoun, a description or a neighbouring quote.
    if st.check_speaker() {
        format!("{label} ⚠ check speaker")
    } else {
        label
    }
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Message(format!("cannot serialise output: {e}"))
}

/// Renders extracted statements in `format`; tables wrap to `width` columns
/// (`None`: the terminal's width, or unbounded when not a terminal).
pub fn statements(list: &[Statement], format: Format, width: Option<u16>) -> Result<String> {
    match format {
        Format::Json => json_pretty(list),
        Format::Table => {
            let mut table = new_table(width);
            table.set_header(["source", "speaker", "kind", "cue", "statement"]);
            table.set_constraints([
                ColumnConstraint::UpperBoundary(Width::Percentage(30)),
                ColumnConstraint::LowerBoundary(Width::Fixed(20)),
                ColumnConstraint::UpperBoundary(Width::Fixed(14)),
                ColumnConstraint::UpperBoundary(Width::Fixed(14)),
                ColumnConstraint::LowerBoundary(Width::Percentage(35)),
            ]);
            // Paths wrap after a `/`: their column holds at most 30% of
            // what borders and padding leave, never less than 20% of the table.
            let narrow = (usize::from(table.width().unwrap_or(120)) / 5).max(8);
            for st in list {
                table.add_row([
                    wrap_at_joints(&format!("{}:{}", st.span.doc, st.span.line), narrow),
                    speaker_label(st),
                    st.kind.as_str().to_string(),
                    st.cue.clone().unwrap_or_default(),
                    shorten(&st.content, TABLE_CONTENT_CHARS),
                ]);
            }
            Ok(format!("{table}\n{} statements\n", list.len()))
        }
        Format::Jsonl | Format::Csv | Format::Markdown => {
            let mut out = statements_header(format);
            out.push_str(&statement_rows(list, format)?);
            Ok(out)
        }
    }
}

/// Whether `format` is written a document at a time, as it is extracted
/// (the table sizes its columns over all rows, and `json` is one array).
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Jsonl | Format::Csv | Format::Markdown)
}

const STATEMENT_CSV_HEADER: [&str; 13] = [
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
];

/// What a streamed `format` prints before the first row.
pub fn statements_header(format: Format) -> String {
    match format {
        Format::Csv => {
            let mut s = STATEMENT_CSV_HEADER.join(",");
            s.push('\n');
            s
        }
        Format::Markdown => {
            "| source | speaker | kind | cue | statement |\n|---|---|---|---|---|\n".to_string()
        }
        _ => String::new(),
    }
}

/// The rows of a streamed `format` for `list` (one document's statements).
pub fn statement_rows(list: &[Statement], format: Format) -> Result<String> {
    match format {
        Format::Jsonl => json_lines(list),
        Format::Csv => csv_rows(list.iter().map(|st| {
            [
                st.span.doc.clone(),
                st.span.line.to_string(),
                st.span.start.to_string(),
                st.span.end.to_string(),
                st.kind.as_str().to_string(),
                st.speaker.name.clone().unwrap_or_default(),
                st.speaker.mention.clone(),
                st.speaker.role.clone().unwrap_or_default(),
                st.speaker.kind.as_str().to_string(),
                st.cue.clone().unwrap_or_default(),
                st.via.clone().unwrap_or_default(),
                format!("{:.2}", st.confidence),
                st.content.clone(),
            ]
        })),
        Format::Markdown => {
            let mut out = String::new();
            for st in list {
                out.push_str(&format!(
                    "| {}:{} | {} | {} | {} | {} |\n",
                    md(&st.span.doc),
                    st.span.line,
                    md(&speaker_label(st)),
                    st.kind.as_str(),
                    md(st.cue.as_deref().unwrap_or("")),
                    md(&shorten(&st.content, usize::MAX)),
                ));
            }
            Ok(out)
        }
        Format::Table | Format::Json => statements(list, format, None),
    }
}

/// A terminal table that fits `width` (or the terminal).
pub fn new_table(width: Option<u16>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    table
}

fn csv_err(e: csv::Error) -> Error {
    Error::Message(format!("cannot write CSV: {e}"))
}

/// CSV rows without a header, quoted where needed.
fn csv_rows<const N: usize>(rows: impl Iterator<Item = [String; N]>) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(&row).map_err(csv_err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Message(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Message(e.to_string()))
}

/// One JSON value (an array of records, a report), pretty-printed.
fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut out = serde_json::to_string_pretty(value).map_err(json_err)?;
    out.push('\n');
    Ok(out)
}

/// One JSON object per line.
fn json_lines<T: serde::Serialize>(items: &[T]) -> Result<String> {
    let mut out = Vec::new();
    write_json_lines(&mut out, items).map_err(json_err)?;
    // serde_json writes UTF-8 only.
    String::from_utf8(out).map_err(|e| Error::Message(format!("cannot serialise output: {e}")))
}

/// One JSON object per line, straight into `out`.
fn write_json_lines<T: serde::Serialize>(
    out: &mut dyn std::io::Write,
    items: &[T],
) -> serde_json::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n").map_err(serde_json::Error::io)?;
    }
    Ok(())
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

/// One row of a citation table: a claim, a speaker, one piece of evidence.
struct Row<'a> {
    id: &'a str,
    claim: &'a str,
    speaker: String,
    role: &'a str,
    stance: &'a str,
    score: String,
    kind: &'a str,
    source: String,
    doc: &'a str,
    line: String,
    via: &'a str,
    quote: &'a str,
    /// Statement words that matched the claim, to centre the excerpt.
    matched: Vec<&'a str>,
}

/// Flattens results into rows; claims nobody made give one empty row when `all`.
fn rows(results: &[Attribution], all: bool) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for a in results {
        if a.speakers.is_empty() && all {
            out.push(Row {
                id: &a.id,
                claim: &a.claim,
                speaker: "(nobody)".into(),
                role: "",
                stance: "",
                score: String::new(),
                kind: "",
                source: String::new(),
                doc: "",
                line: String::new(),
                via: "",
                quote: "",
                matched: Vec::new(),
            });
        }
        for s in &a.speakers {
            for e in &s.evidence {
                out.push(Row {
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
                    source: format!("{}:{}", e.span.doc, e.span.line),
                    doc: &e.span.doc,
                    line: e.span.line.to_string(),
                    via: e.via.as_deref().unwrap_or(""),
                    quote: &e.content,
                    matched: e.matched.iter().map(|p| p.1.as_str()).collect(),
                });
            }
        }
    }
    out
}

/// Renders claim attributions in `format`. JSON formats always carry every
/// claim; tables list claims nobody made only with `all`.
/// Writes the citation table in `format` to `out` (named `to` in errors).
/// Every format but the terminal table, which sizes its columns over all
/// rows, is written a record at a time and never held whole.
pub fn write_attributions(
    out: &mut dyn std::io::Write,
    to: &str,
    results: &[Attribution],
    format: Format,
    width: Option<u16>,
    all: bool,
) -> Result<()> {
    let failed = |e: std::io::Error| Error::write(to, &e);
    let json_failed = |e: serde_json::Error| failed(std::io::Error::from(e));
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
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, results).map_err(json_failed)?;
            out.write_all(b"\n").map_err(failed)
        }
        Format::Jsonl => write_json_lines(out, results).map_err(json_failed),
        Format::Csv => {
            let csv_failed = |e: csv::Error| {
                if !e.is_io_error() {
                    return csv_err(e);
                }
                match e.into_kind() {
                    csv::ErrorKind::Io(e) => failed(e),
                    other => Error::Message(format!("cannot write CSV: {other:?}")),
                }
            };
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "claim_id", "claim", "speaker", "role", "stance", "score", "kind", "doc", "line",
                "via", "quote",
            ])
            .map_err(csv_failed)?;
            for r in rows(results, all) {
                w.write_record([
                    r.id, r.claim, &r.speaker, r.role, r.stance, &r.score, r.kind, r.doc, &r.line,
                    r.via, r.quote,
                ])
                .map_err(csv_failed)?;
            }
            w.flush().map_err(failed)
        }
        Format::Markdown => {
            out.write_all(
                b"| claim | speaker | role | stance | score | kind | source | quote |\n\
                  |---|---|---|---|---|---|---|---|\n",
            )
            .map_err(failed)?;
            for r in rows(results, all) {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    claim_cell(r.id, r.claim),
                    md(&r.speaker),
                    md(r.role),
                    r.stance,
                    r.score,
                    r.kind,
                    md(&source_via(&r.source, r.via)),
                    md(&shorten(r.quote, usize::MAX)),
                )
                .map_err(failed)?;
            }
            write!(out, "\n{footer}").map_err(failed)
        }
        Format::Table => {
            let mut table = new_table(width);
            table.set_header([
                "claim", "speaker", "stance", "score", "kind", "source", "quote",
            ]);
            table.set_constraints([
                ColumnConstraint::UpperBoundary(Width::Percentage(20)),
                ColumnConstraint::UpperBoundary(Width::Percentage(20)),
                ColumnConstraint::Absolute(Width::Fixed(13)),
                ColumnConstraint::Absolute(Width::Fixed(7)),
                ColumnConstraint::UpperBoundary(Width::Fixed(14)),
                ColumnConstraint::UpperBoundary(Width::Percentage(20)),
                ColumnConstraint::LowerBoundary(Width::Percentage(25)),
            ]);
            // Ids and paths wrap after a `-` or `/`, not mid-word. Their
            // columns hold a fifth of what borders and padding leave, which
            // is never less than 15% of the table.
            let narrow = (usize::from(table.width().unwrap_or(120)) * 3 / 20).max(8);
            for r in rows(results, all) {
                let speaker = if r.role.is_empty() {
                    r.speaker.clone()
                } else {
                    format!("{} ({})", r.speaker, r.role)
                };
                table.add_row([
                    wrap_at_joints(r.id, narrow),
                    speaker,
                    r.stance.to_string(),
                    r.score.clone(),
                    r.kind.to_string(),
                    wrap_at_joints(&source_via(&r.source, r.via), narrow),
                    excerpt(r.quote, &r.matched, TABLE_CONTENT_CHARS),
                ]);
            }
            // Line by line: the lines are never joined into one string.
            for line in table.lines() {
                writeln!(out, "{line}").map_err(failed)?;
            }
            out.write_all(footer.as_bytes()).map_err(failed)
        }
    }
}

/// Breaks `s` into lines of at most `max` characters after a `-`, `/` or
/// space, so that a table never cuts `pension-deal` or `harbour.txt` in two
/// (a piece longer than `max` is left whole for the table to split).
pub fn wrap_at_joints(s: &str, max: usize) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '-' | '/' | ' ') {
            pieces.push(&s[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    pieces.push(&s[start..]);
    let mut out = String::with_capacity(s.len() + 4);
    let mut line = 0;
    for p in pieces.into_iter().filter(|p| !p.is_empty()) {
        let n = p.chars().count();
        if line > 0 && line + n.min(max) > max + usize::from(p.ends_with(' ')) {
            // A space that ends the line is the break itself.
            if out.ends_with(' ') {
                out.pop();
            }
            out.push('\n');
            line = 0;
        }
        out.push_str(p);
        line += n;
    }
    out
}

/// A Markdown claim cell: its wording, then its id to find it by.
fn claim_cell(id: &str, claim: &str) -> String {
    format!("{} (`{}`)", md(claim), id.replace('`', "'"))
}

fn source_via(source: &str, via: &str) -> String {
    if via.is_empty() {
        source.to_string()
    } else {
        format!("{source} (via {via})")
    }
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
            if at(&d.place) == at(&d.locked) {
                String::new()
            } else {
                format!(", was at {}", at(&d.locked))
            },
            d.expected.as_deref().unwrap_or("?"),
            d.actual.as_deref().unwrap_or("?")
        ),
    }
}

/// Renders a check report: readable text, JSON, or JUnit XML.
pub fn check(report: &Report, format: CheckFormat) -> Result<String> {
    match format {
        CheckFormat::Json => json_pretty(report),
        CheckFormat::Table => {
            let mut out = String::new();
            for c in report.claims.iter().filter(|c| !c.passed) {
                out.push_str(&format!("FAIL {}\n", c.id));
                for d in &c.diffs {
                    out.push_str(&format!("  {}\n", drift_line(d)));
                }
            }
            out.push_str(&format!(
                "checked {} claims: {} passed, {} failed\n",
                report.checked, report.passed, report.failed
            ));
            Ok(out)
        }
        CheckFormat::Junit => {
            let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.push_str(&format!(
                "<testsuites tests=\"{}\" failures=\"{}\">\n  <testsuite name=\"whosaid check\" tests=\"{}\" failures=\"{}\">\n",
                report.checked, report.failed, report.checked, report.failed
            ));
            for c in &report.claims {
                out.push_str(&format!(
                    "    <testcase classname=\"whosaid.claims\" name=\"{}\"",
                    xml(&c.id)
                ));
                if c.passed {
                    out.push_str("/>\n");
                    continue;
                }
                let diff: Vec<String> = c.diffs.iter().map(drift_line).collect();
                out.push_str(&format!(
                    ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                    xml(&diff.join("; ")),
                    xml(&diff.join("\n"))
                ));
            }
            out.push_str("  </testsuite>\n</testsuites>\n");
            Ok(out)
        }
    }
}

/// Escapes text for XML attributes and content.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths_wrap_at_their_joints() {
        assert_eq!(
            wrap_at_joints("harbour-cannot-survive", 21),
            "harbour-cannot-\nsurvive"
        );
        assert_eq!(
            wrap_at_joints("tests/fixtures/articles/harbour.txt:5", 21),
            "tests/fixtures/\narticles/\nharbour.txt:5"
        );
        assert_eq!(wrap_at_joints("short-id", 21), "short-id");
        // A piece longer than the column is left whole.
        assert_eq!(
            wrap_at_joints("a-supercalifragilisticexpialidocious", 10),
            "a-\nsupercalifragilisticexpialidocious"
        );
        assert_eq!(
            wrap_at_joints("doc.txt:3 (via Coastal Herald)", 16),
            "doc.txt:3 (via\nCoastal Herald)"
        );
    }

    #[test]
    fn markdown_cells_keep_quotes_verbatim() {
        assert_eq!(
            md("a *b* <b>c</b> | d_e & f\ng"),
            "a \\*b\\* &lt;b&gt;c&lt;/b&gt; \\| d\\_e &amp; f g"
        );
    }

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
