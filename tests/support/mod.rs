//! What the extraction construction tests share: running the extractor on a
//! text with its span invariants checked, showing what it found, and finding
//! the statement a test is about.

use whosaid::corpus::Document;
use whosaid::extract::Extractor;
use whosaid::model::Statement;

/// 1-based line of byte `offset`, computed independently of `Document`.
pub fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The span invariants every record must satisfy, as an error message.
pub fn invariant_error(text: &str, s: &Statement) -> Option<String> {
    if s.span.start >= s.span.end {
        return Some(format!(
            "empty or reversed span {}..{}",
            s.span.start, s.span.end
        ));
    }
    match text.get(s.span.start..s.span.end) {
        None => {
            return Some(format!(
                "span {}..{} is not a valid slice",
                s.span.start, s.span.end
            ));
        }
        Some(slice) if slice != s.content => {
            return Some(format!(
                "content {:?} != text[{}..{}] = {:?}",
                s.content, s.span.start, s.span.end, slice
            ));
        }
        Some(_) => {}
    }
    let line = line_at(text, s.span.start);
    if s.span.line != line {
        return Some(format!(
            "line {} but start is on line {}",
            s.span.line, line
        ));
    }
    if !(0.0..=1.0).contains(&s.confidence) {
        return Some(format!("confidence {} outside [0, 1]", s.confidence));
    }
    None
}

pub fn show(stmts: &[Statement]) -> String {
    if stmts.is_empty() {
        return "  (no statements)".to_string();
    }
    stmts
        .iter()
        .map(|s| {
            format!(
                "  {:?} line {} name={:?} mention={:?} role={:?} type={:?} via={:?} cue={:?} conf={} content={:?}",
                s.kind,
                s.span.line,
                s.speaker.name,
                s.speaker.mention,
                s.speaker.role,
                s.speaker.kind,
                s.via,
                s.cue,
                s.confidence,
                s.content
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the default extractor and checks the span invariants.
pub fn extract(text: &str) -> Vec<Statement> {
    let doc = Document::new("t.txt", text);
    let stmts = Extractor::default().document(&doc);
    for s in &stmts {
        if let Some(e) = invariant_error(text, s) {
            panic!("{e}\nall statements:\n{}", show(&stmts));
        }
    }
    stmts
}

/// The tightest statement whose content contains `needle`: a quoted fragment
/// is also inside the reported clause around it, and the fragment is meant.
pub fn find<'a>(stmts: &'a [Statement], needle: &str) -> &'a Statement {
    let hits: Vec<&Statement> = stmts
        .iter()
        .filter(|s| s.content.contains(needle))
        .collect();
    let Some(tightest) = hits.iter().min_by_key(|s| s.content.len()) else {
        panic!("no statement contains {needle:?}; got:\n{}", show(stmts));
    };
    let ties = hits
        .iter()
        .filter(|s| s.content.len() == tightest.content.len())
        .count();
    assert_eq!(
        ties,
        1,
        "two statements fit {needle:?} equally; got:\n{}",
        show(stmts)
    );
    tightest
}

pub fn assert_none(text: &str) {
    let stmts = extract(text);
    assert!(
        stmts.is_empty(),
        "expected no statements for {text:?}; got:\n{}",
        show(&stmts)
    );
}
