//! JSON and JSON lines: the records as they are, field names being a
//! public interface (see `model`, `attribute` and `check`).

use std::io::{self, Write};

use serde::Serialize;

use std::sync::Arc;

use crate::model::{Article, Statement};

/// One JSON value (an array of records, a report), pretty-printed.
pub fn pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// One JSON object per line, serialised straight into `out`.
pub fn lines<T: Serialize, W: Write + ?Sized>(out: &mut W, items: &[T]) -> io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Statements as JSON lines, into a worker's buffer: byte for byte what
/// [`lines`] writes (a test compares them on arbitrary statements), in a
/// fraction of the instructions. This is extraction's output path, which
/// writes more bytes than it reads: serde's per-field calls and its
/// byte-by-byte escaping took a tenth of `extract --format jsonl`.
pub fn statement_lines(out: &mut Vec<u8>, items: &[Statement]) {
    // A document's statements share their article: it is written once.
    let mut article: Option<(&Arc<Article>, Vec<u8>)> = None;
    for s in items {
        if !article
            .as_ref()
            .is_some_and(|(a, _)| Arc::ptr_eq(a, &s.article))
        {
            let mut json = Vec::new();
            write_article(&mut json, &s.article);
            article = Some((&s.article, json));
        }
        let json = article.as_ref().map_or(&[][..], |(_, j)| j.as_slice());
        statement(out, s, json);
        out.push(b'\n');
    }
}

fn write_article(out: &mut Vec<u8>, a: &Article) {
    out.extend_from_slice(b"{\"title\":");
    optional(out, a.title.as_deref());
    out.extend_from_slice(b",\"outlet\":");
    optional(out, a.outlet.as_deref());
    out.extend_from_slice(b",\"date\":");
    optional(out, a.date.as_deref());
    out.extend_from_slice(b",\"url\":");
    optional(out, a.url.as_deref());
    out.push(b'}');
}

fn statement(out: &mut Vec<u8>, s: &Statement, article: &[u8]) {
    let mut num = itoa::Buffer::new();
    out.extend_from_slice(b"{\"doc\":");
    string(out, &s.span.doc);
    out.extend_from_slice(b",\"line\":");
    out.extend_from_slice(num.format(s.span.line).as_bytes());
    out.extend_from_slice(b",\"start\":");
    out.extend_from_slice(num.format(s.span.start).as_bytes());
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(num.format(s.span.end).as_bytes());
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(s.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"content\":");
    string(out, &s.content);
    out.extend_from_slice(b",\"cue\":");
    optional(out, s.cue.as_deref());
    out.extend_from_slice(b",\"speaker\":{\"name\":");
    optional(out, s.speaker.name.as_deref());
    out.extend_from_slice(b",\"mention\":");
    string(out, &s.speaker.mention);
    out.extend_from_slice(b",\"role\":");
    optional(out, s.speaker.role.as_deref());
    out.extend_from_slice(b",\"type\":\"");
    out.extend_from_slice(s.speaker.kind.as_str().as_bytes());
    out.extend_from_slice(b"\"},\"via\":");
    optional(out, s.via.as_deref());
    out.extend_from_slice(b",\"confidence\":");
    // Floats as serde_json spells them (and `null` when not finite).
    if serde_json::to_writer(&mut *out, &s.confidence).is_err() {
        out.extend_from_slice(b"null");
    }
    out.extend_from_slice(b",\"article\":");
    out.extend_from_slice(article);
    if let Some(context) = &s.context {
        out.extend_from_slice(b",\"context\":");
        string(out, context);
    }
    if !s.aliases.is_empty() {
        out.extend_from_slice(b",\"aliases\":[");
        for (i, (name, noun)) in s.aliases.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'[');
            string(out, name);
            out.push(b',');
            string(out, noun);
            out.push(b']');
        }
        out.push(b']');
    }
    out.push(b'}');
}

fn optional(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, escaped as serde_json escapes it: `"`, `\` and the
/// control characters; everything else, past ASCII too, as it is. News text
/// has no control characters in a statement, so that case is told by one
/// pass the compiler vectorises, and quotes and backslashes are found with
/// `memchr`; the runs between them are copied whole.
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.push(b'"');
    // No early exit, so that the loop is vectorised.
    let control = b.iter().fold(false, |any, &c| any | (c < 0x20));
    if control {
        escaped(out, b);
    } else {
        let mut run = 0;
        for i in memchr::memchr2_iter(b'"', b'\\', b) {
            out.extend_from_slice(&b[run..i]);
            out.push(b'\\');
            out.push(b[i]);
            run = i + 1;
        }
        out.extend_from_slice(&b[run..]);
    }
    out.push(b'"');
}

/// A string with control characters, escaped a byte at a time.
fn escaped(out: &mut Vec<u8>, b: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &c in b {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            0..0x20 => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xF)],
            ]),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Span, Speaker, SpeakerType};
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Quotes, backslashes, every control character, DEL, and text past
        // ASCII, in runs long and short.
        proptest::collection::vec(
            prop_oneof![
                "[a-z ]{0,12}",
                Just("\"".to_string()),
                Just("\\".to_string()),
                (0u8..0x20).prop_map(|c| char::from(c).to_string()),
                Just("\u{7f}".to_string()),
                Just("é€“”\u{2028}".to_string()),
            ],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    fn statement() -> impl Strategy<Value = Statement> {
        (
            (text(), any::<usize>(), any::<usize>(), any::<usize>()),
            (
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
                text(),
            ),
            (
                proptest::option::of(text()),
                proptest::option::of(text()),
                0.0f64..=1.0,
            ),
            (
                proptest::option::of(text()),
                proptest::collection::vec((text(), text()), 0..3),
            ),
        )
            .prop_map(
                |(
                    (doc, line, start, end),
                    (content, cue, name, mention),
                    (role, via, c),
                    (context, aliases),
                )| {
                    Statement {
                        span: Span {
                            doc,
                            line,
                            start,
                            end,
                        },
                        kind: Kind::Partial,
                        content,
                        cue,
                        speaker: Speaker {
                            name,
                            mention,
                            role,
                            kind: SpeakerType::Organization,
                        },
                        article: Arc::new(Article {
                            title: context.clone(),
                            outlet: via.clone(),
                            date: None,
                            url: Some("https://x.test/?q=\"a\"".to_string()),
                        }),
                        via,
                        confidence: (c * 100.0).round() / 100.0,
                        context,
                        aliases,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn statement_lines_are_serde_json_lines(items in proptest::collection::vec(statement(), 0..4)) {
            let mut want = Vec::new();
            lines(&mut want, &items).unwrap();
            let mut got = Vec::new();
            statement_lines(&mut got, &items);
            prop_assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&want));
        }
    }
}
