//! Terminal tables: statements, citation tables and check reports as people
//! read them. A table is sized over all its rows in a first pass, then
//! printed in chunks of fixed-width columns, so a citation table of any
//! length is never held whole.

use std::io::{self, Write};

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_width::UnicodeWidthStr;

use super::{Row, footer, rows, shorten};
use crate::attribute::Attribution;
use crate::check::Report;
use crate::model::{Article, Statement};
use crate::speaker_index::{IndexedDocument, IndexedSpeaker, SpeakerIndex, UnnamedSource};
use crate::verify::{Verification, VerifyMatch};

/// Longest content shown in a table cell before it is shortened with `…`.
const CONTENT_CHARS: usize = 100;

/// Rows printed per chunk: enough to amortise the layout, few enough that
/// a chunk stays small.
const CHUNK_ROWS: usize = 512;

/// A table that fits `width` (or the terminal).
fn new_table(width: Option<u16>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    table
}

/// A table's layout: its header and the width of each column, found once.
struct Layout<const N: usize> {
    header: [&'static str; N],
    /// Column widths with padding, as comfy-table's `Absolute` takes them.
    widths: [u16; N],
}

impl<const N: usize> Layout<N> {
    /// Sizes the columns for cells whose widest lines are `widest`: a probe
    /// table with one cell that wide per column is laid out as the whole
    /// table would be, and its top border gives the widths.
    fn new(
        header: [&'static str; N],
        constraints: [ColumnConstraint; N],
        width: Option<u16>,
        widest: [usize; N],
    ) -> Self {
        let mut probe = new_table(width);
        probe.set_header(header).set_constraints(constraints);
        probe.add_row(widest.map(|w| "x".repeat(w.max(1))));
        let top = probe.lines().next().unwrap_or_default();
        let mut widths = [1u16; N];
        let inner = top.trim_start_matches('┌').trim_end_matches('┐');
        for (w, seg) in widths.iter_mut().zip(inner.split('┬')) {
            *w = u16::try_from(seg.chars().count()).unwrap_or(u16::MAX);
        }
        Layout { header, widths }
    }

    /// Prints `rows` under the header, `CHUNK_ROWS` at a time.
    fn write(
        &self,
        out: &mut dyn Write,
        rows: impl Iterator<Item = [String; N]>,
    ) -> io::Result<()> {
        let mut rows = rows.peekable();
        let mut first = true;
        loop {
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Disabled);
            if first {
                table.set_header(self.header);
            }
            for row in rows.by_ref().take(CHUNK_ROWS) {
                table.add_row(row);
            }
            // Constraints apply to the columns that rows and header made.
            table.set_constraints(
                self.widths
                    .map(|w| ColumnConstraint::Absolute(Width::Fixed(w))),
            );
            let last = rows.peek().is_none();
            let lines: Vec<String> = table.lines().collect();
            // Chunks join into one table: only the first keeps its top
            // border, only the last its bottom.
            let from = usize::from(!first);
            let to = if last { lines.len() } else { lines.len() - 1 };
            for line in &lines[from..to.max(from)] {
                writeln!(out, "{line}")?;
            }
            if last {
                return Ok(());
            }
            first = false;
        }
    }
}

/// A whole table: `rows()` is read once to size the columns, then again
/// to print them.
fn print<const N: usize, I: Iterator<Item = [String; N]>>(
    out: &mut dyn Write,
    header: [&'static str; N],
    constraints: [ColumnConstraint; N],
    width: Option<u16>,
    rows: impl Fn() -> I,
) -> io::Result<()> {
    Layout::new(header, constraints, width, widest(&header, rows())).write(out, rows())
}

/// The widest line of each cell over `rows`.
fn widest<const N: usize>(
    header: &[&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> [usize; N] {
    let mut max = header.map(UnicodeWidthStr::width);
    for row in rows {
        for (m, cell) in max.iter_mut().zip(&row) {
            *m = (*m).max(cell.lines().map(UnicodeWidthStr::width).max().unwrap_or(0));
        }
    }
    max
}

/// The columns that hold paths and ids, which wrap at joints, get this
/// many twentieths of a table `width` (120 when unbounded), never under 8.
fn narrow(width: Option<u16>, twentieths: usize) -> usize {
    (usize::from(width.unwrap_or(120)) * twentieths / 20).max(8)
}

/// The speaker of a statement as a cell shows it: name or `[mention]`,
/// role, and a warning when the speaker was inferred.
pub(super) fn speaker_label(st: &Statement) -> String {
    let name = st.speaker.label();
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

/// Extracted statements, one per row, and their count.
pub fn statements(out: &mut dyn Write, list: &[Statement], width: Option<u16>) -> io::Result<()> {
    const HEADER: [&str; 5] = ["source", "speaker", "kind", "cue", "statement"];
    // Paths wrap after a `/`: their column holds at most 30% of what
    // borders and padding leave, never less than 20% of the table.
    let narrow = narrow(width, 4);
    let cells = |st: &Statement| {
        [
            source_cell(
                &format!("{}:{}", st.span.doc, st.span.line),
                Some(&st.article),
                narrow,
            ),
            speaker_label(st),
            st.kind.as_str().to_string(),
            st.cue.clone().unwrap_or_default(),
            shorten(&st.content, CONTENT_CHARS),
        ]
    };
    print(
        out,
        HEADER,
        [
            ColumnConstraint::UpperBoundary(Width::Percentage(30)),
            ColumnConstraint::LowerBoundary(Width::Fixed(20)),
            ColumnConstraint::UpperBoundary(Width::Fixed(14)),
            ColumnConstraint::UpperBoundary(Width::Fixed(14)),
            ColumnConstraint::LowerBoundary(Width::Percentage(35)),
        ],
        width,
        || list.iter().map(cells),
    )?;
    writeln!(out, "{} statements", list.len())
}

/// The citation table: a claim, a speaker and one piece of evidence a row.
pub fn attributions(
    out: &mut dyn Write,
    results: &[Attribution],
    width: Option<u16>,
    all: bool,
) -> io::Result<()> {
    const HEADER: [&str; 7] = [
        "claim", "speaker", "stance", "score", "kind", "source", "quote",
    ];
    // Ids and paths wrap after a `-` or `/`, not mid-word. Their columns
    // hold a fifth of what borders and padding leave, which is never less
    // than 15% of the table.
    let narrow = narrow(width, 3);
    let cells = |r: Row| {
        let speaker = if r.role.is_empty() {
            r.speaker.clone()
        } else {
            format!("{} ({})", r.speaker, r.role)
        };
        [
            wrap_at_joints(r.id, narrow),
            speaker,
            r.stance.to_string(),
            r.score.clone(),
            r.kind.to_string(),
            source_cell(&r.source_via(), r.article, narrow),
            super::excerpt(r.quote, &r.matched, CONTENT_CHARS),
        ]
    };
    print(
        out,
        HEADER,
        [
            ColumnConstraint::UpperBoundary(Width::Percentage(20)),
            ColumnConstraint::UpperBoundary(Width::Percentage(20)),
            ColumnConstraint::Absolute(Width::Fixed(13)),
            ColumnConstraint::Absolute(Width::Fixed(7)),
            ColumnConstraint::UpperBoundary(Width::Fixed(14)),
            ColumnConstraint::UpperBoundary(Width::Percentage(20)),
            ColumnConstraint::LowerBoundary(Width::Percentage(25)),
        ],
        width,
        || rows(results, all).map(cells),
    )?;
    out.write_all(footer(results, all).as_bytes())
}

/// `doc:line`, then the article's citation below it, shortened, each
/// wrapped to `max` characters.
fn source_cell(source: &str, article: Option<&Article>, max: usize) -> String {
    let source = wrap_at_joints(source, max);
    match article.and_then(|a| a.citation_within(2 * max)) {
        Some(c) => format!("{source}\n{}", wrap_at_joints(&c, max)),
        None => source,
    }
}

/// The speaker index: named speakers, unnamed sources, then the articles.
pub fn speakers(out: &mut dyn Write, index: &SpeakerIndex, width: Option<u16>) -> io::Result<()> {
    let narrow = narrow(width, 4);
    let named = |s: &IndexedSpeaker| {
        let mut who = format!("{}\n({})", s.name, s.kind.as_str());
        let other: Vec<&str> = s
            .mentions
            .iter()
            .map(String::as_str)
            .filter(|m| *m != s.name)
            .collect();
        if !other.is_empty() {
            who.push_str(&format!("\nas: {}", other.join(", ")));
        }
        [
            who,
            format!("{}\n{}", s.statements, SpeakerIndex::kinds_line(&s.kinds)),
            // Each role, then where it was seen, a place a line.
            s.roles
                .iter()
                .map(|r| {
                    let places: Vec<String> = r
                        .seen
                        .iter()
                        .map(|p| wrap_at_joints(p, narrow.max(30)))
                        .collect();
                    format!("{}\n{}", r.role, places.join("\n"))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            s.outlets
                .iter()
                .map(|o| format!("{} ({})", o.name, o.statements))
                .collect::<Vec<_>>()
                .join("\n"),
            s.documents
                .iter()
                .map(|d| wrap_at_joints(d, narrow))
                .collect::<Vec<_>>()
                .join("\n"),
        ]
    };
    print(
        out,
        [
            "speaker",
            "statements",
            "roles (where seen)",
            "given to",
            "documents",
        ],
        // A role's places are `doc:line`: its column takes one whole.
        [
            ColumnConstraint::UpperBoundary(Width::Percentage(20)),
            ColumnConstraint::UpperBoundary(Width::Percentage(14)),
            ColumnConstraint::LowerBoundary(Width::Fixed(32)),
            ColumnConstraint::UpperBoundary(Width::Percentage(14)),
            ColumnConstraint::UpperBoundary(Width::Percentage(25)),
        ],
        width,
        || index.speakers.iter().map(named),
    )?;
    if !index.unnamed.is_empty() {
        writeln!(out, "\nUnnamed sources")?;
        let unnamed = |u: &UnnamedSource| {
            [
                u.mention.clone(),
                u.kind.as_str().to_string(),
                format!("{}\n{}", u.statements, SpeakerIndex::kinds_line(&u.kinds)),
                u.documents
                    .iter()
                    .map(|d| wrap_at_joints(d, narrow))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        };
        print(
            out,
            ["source", "type", "statements", "documents"],
            [
                ColumnConstraint::LowerBoundary(Width::Percentage(30)),
                ColumnConstraint::UpperBoundary(Width::Fixed(14)),
                ColumnConstraint::UpperBoundary(Width::Percentage(20)),
                ColumnConstraint::UpperBoundary(Width::Percentage(35)),
            ],
            width,
            || index.unnamed.iter().map(unnamed),
        )?;
    }
    writeln!(out, "\nArticles")?;
    let article = |d: &IndexedDocument| {
        [
            wrap_at_joints(&d.doc, narrow),
            d.article.citation().unwrap_or_default(),
            d.statements.to_string(),
            d.speakers.to_string(),
        ]
    };
    print(
        out,
        ["document", "article", "statements", "speakers"],
        [
            ColumnConstraint::UpperBoundary(Width::Percentage(30)),
            ColumnConstraint::LowerBoundary(Width::Percentage(40)),
            ColumnConstraint::Absolute(Width::Fixed(12)),
            ColumnConstraint::Absolute(Width::Fixed(10)),
        ],
        width,
        || index.documents.iter().map(article),
    )?;
    out.write_all(super::speakers_summary(index).as_bytes())
}

/// `verify`'s answer: the verdict, then the statements it rests on.
pub fn verification(out: &mut dyn Write, v: &Verification, width: Option<u16>) -> io::Result<()> {
    writeln!(out, "{}", super::verdict_line(v))?;
    writeln!(out, "text: \"{}\"", v.text)?;
    if let Some(s) = &v.speaker {
        writeln!(out, "speaker: {s}")?;
    }
    if v.matches.is_empty() {
        return Ok(());
    }
    let narrow = narrow(width, 4);
    let cells = |m: &VerifyMatch| {
        let name = m
            .speaker
            .name
            .clone()
            .unwrap_or_else(|| format!("[{}]", m.speaker.mention));
        [
            m.verdict.as_str().to_string(),
            name,
            source_cell(&format!("{}:{}", m.doc, m.line), Some(&m.article), narrow),
            format!("{:.2}", m.score),
            super::marked_diff(m, 2 * CONTENT_CHARS),
        ]
    };
    print(
        out,
        [
            "verdict",
            "speaker",
            "source",
            "score",
            "statement: [-said-] {+circulating+}",
        ],
        [
            ColumnConstraint::UpperBoundary(Width::Fixed(15)),
            ColumnConstraint::UpperBoundary(Width::Percentage(16)),
            ColumnConstraint::UpperBoundary(Width::Percentage(25)),
            ColumnConstraint::Absolute(Width::Fixed(7)),
            ColumnConstraint::LowerBoundary(Width::Percentage(35)),
        ],
        width,
        || v.matches.iter().map(cells),
    )
}

/// A check report as people read it: each failing claim and its drift.
pub fn check(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for c in report.claims.iter().filter(|c| !c.passed) {
        writeln!(out, "FAIL {}", c.id)?;
        for d in &c.diffs {
            writeln!(out, "  {}", super::drift_line(d))?;
        }
    }
    writeln!(
        out,
        "checked {} claims: {} passed, {} failed",
        report.checked, report.passed, report.failed
    )
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

    fn grid(rows: usize, width: Option<u16>) -> String {
        const HEADER: [&str; 2] = ["a", "b"];
        let cells = |i: usize| [format!("row {i}"), "words ".repeat(i % 7 + 1)];
        let layout = Layout::new(
            HEADER,
            [
                ColumnConstraint::UpperBoundary(Width::Percentage(30)),
                ColumnConstraint::LowerBoundary(Width::Percentage(30)),
            ],
            width,
            widest(&HEADER, (0..rows).map(cells)),
        );
        let mut out = Vec::new();
        layout.write(&mut out, (0..rows).map(cells)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn chunks_join_into_one_table() {
        let t = grid(CHUNK_ROWS * 2 + 3, Some(40));
        let lines: Vec<&str> = t.lines().collect();
        // One top border, one header rule, one bottom border, and every row.
        assert_eq!(lines.iter().filter(|l| l.starts_with('┌')).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with('╞')).count(), 1);
        assert_eq!(lines.iter().filter(|l| l.starts_with('└')).count(), 1);
        assert!(lines[0].starts_with('┌') && lines[lines.len() - 1].starts_with('└'));
        assert!(t.contains("│ row 1026 "), "{t}");
        // Every line is as wide as the first: the chunks share their columns.
        let w = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == w), "{t}");
        assert!(w <= 40, "{t}");
    }

    #[test]
    fn a_table_with_no_rows_still_has_its_header() {
        let t = grid(0, Some(40));
        assert_eq!(t.lines().count(), 4, "{t}");
        assert!(t.lines().nth(1).unwrap().contains(" a "), "{t}");
    }
}
