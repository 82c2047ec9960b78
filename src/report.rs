//! Renderers: one function per output format over the same serialisable
//! records. Nothing here decides anything; it only formats.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::cli::Format;
use crate::error::{Error, Result};
use crate::model::Statement;

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
    let name = st
        .speaker
        .name
        .clone()
        .unwrap_or_else(|| format!("[{}]", st.speaker.mention));
    match &st.speaker.role {
        Some(role) => format!("{name} ({role})"),
        None => name,
    }
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Message(format!("cannot serialise output: {e}"))
}

/// Renders extracted statements in `format`; tables wrap to `width` columns
/// (`None`: the terminal's width, or unbounded when not a terminal).
pub fn statements(list: &[Statement], format: Format, width: Option<u16>) -> Result<String> {
    match format {
        Format::Jsonl => {
            let mut out = String::new();
            for st in list {
                out.push_str(&serde_json::to_string(st).map_err(json_err)?);
                out.push('\n');
            }
            Ok(out)
        }
        Format::Json => {
            let mut out = serde_json::to_string_pretty(list).map_err(json_err)?;
            out.push('\n');
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header = [
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
            w.write_record(header).map_err(csv_err)?;
            for st in list {
                w.write_record([
                    st.doc.as_str(),
                    &st.line.to_string(),
                    &st.start.to_string(),
                    &st.end.to_string(),
                    st.kind.as_str(),
                    st.speaker.name.as_deref().unwrap_or(""),
                    &st.speaker.mention,
                    st.speaker.role.as_deref().unwrap_or(""),
                    st.speaker.kind.as_str(),
                    st.cue.as_deref().unwrap_or(""),
                    st.via.as_deref().unwrap_or(""),
                    &format!("{:.2}", st.confidence),
                    &st.content,
                ])
                .map_err(csv_err)?;
            }
            let bytes = w.into_inner().map_err(|e| Error::Message(e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| Error::Message(e.to_string()))
        }
        Format::Markdown => {
            let mut out = String::from("| source | speaker | kind | cue | statement |\n");
            out.push_str("|---|---|---|---|---|\n");
            for st in list {
                out.push_str(&format!(
                    "| {}:{} | {} | {} | {} | {} |\n",
                    md(&st.doc),
                    st.line,
                    md(&speaker_label(st)),
                    st.kind.as_str(),
                    md(st.cue.as_deref().unwrap_or("")),
                    md(&shorten(&st.content, usize::MAX)),
                ));
            }
            Ok(out)
        }
        Format::Table => {
            let mut table = new_table(width);
            table.set_header(["source", "speaker", "kind", "cue", "statement"]);
            table.set_constraints([
                ColumnConstraint::UpperBoundary(Width::Percentage(30)),
                ColumnConstraint::LowerBoundary(Width::Fixed(20)),
                ColumnConstraint::UpperBoundary(Width::Fixed(12)),
                ColumnConstraint::UpperBoundary(Width::Fixed(12)),
                ColumnConstraint::LowerBoundary(Width::Percentage(35)),
            ]);
            for st in list {
                table.add_row([
                    format!("{}:{}", st.doc, st.line),
                    speaker_label(st),
                    st.kind.as_str().to_string(),
                    st.cue.clone().unwrap_or_default(),
                    shorten(&st.content, TABLE_CONTENT_CHARS),
                ]);
            }
            Ok(format!("{table}\n{} statements\n", list.len()))
        }
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

/// Escapes text for a Markdown table cell.
pub fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}
