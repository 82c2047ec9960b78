//! The linear scan: lines → paragraphs (skipping page furniture), quote
//! pairing with recovery, tokens and sentences. Everything is byte offsets
//! into the original text; nothing is copied.

/// Lines that end the article body: what follows is page furniture.
const FURNITURE_HEADINGS: &[&str] = &[
    "you may like",
    "featured videos",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more from",
    "more stories",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "todays highlights",
    "today's highlights",
    "today’s highlights",
    "special report",
    "sponsored",
    "sponsored content",
    "advertisement",
    "share this article",
];

/// Line prefixes of captions and boilerplate lines that carry no statements.
const SKIP_PREFIXES: &[&str] = &[
    "file -",
    "file –",
    "file —",
    "file photo",
    "photo:",
    "image:",
    "credit:",
    "screenshot of",
    "read next:",
    "read more:",
    "tags:",
    "disclaimer:",
    "copyright",
    "©",
];

/// A paragraph of the article body: a byte range of one line.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` from byte `from` (past any front matter) into body
/// paragraphs, dropping headlines, captions and everything after a
/// furniture heading such as "You May Like".
pub fn paragraphs(text: &str, from: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut pos = from;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let line = &text[pos..end];
        let trimmed = line.trim();
        let start = pos + (line.len() - line.trim_start().len());
        pos = end + 1;
        if trimmed.is_empty() {
            continue;
        }
        // Headings are short; only their lowercase form is ever compared.
        if trimmed.len() <= 40 {
            let lower = trimmed.to_lowercase();
            if FURNITURE_HEADINGS.contains(&lower.trim_end_matches([':', '.'])) {
                break;
            }
        }
        if SKIP_PREFIXES
            .iter()
            .any(|p| starts_with_ignore_case(trimmed, p))
            || is_byline(trimmed)
        {
            continue;
        }
        // Furniture is cut by the sentence: the statements before it stay.
        let len = furniture_tail(trimmed).unwrap_or(trimmed.len());
        let len = trimmed[..len].trim_end().len();
        if len == 0 || is_headline(&trimmed[..len]) {
            continue;
        }
        out.push(Paragraph {
            start,
            end: start + len,
        });
    }
    out
}

/// Sentence openings of page furniture: contact lines, credits, calls to follow.
const FURNITURE_SENTENCES: &[&str] = &[
    "follow him on",
    "follow her on",
    "follow them on",
    "follow us on",
    "follow the author",
    "contact the author",
    "contact him at",
    "contact her at",
    "reach him at",
    "reach her at",
    "email him at",
    "email her at",
    "e-mail him at",
    "e-mail her at",
    "reporting by",
    "additional reporting by",
    "editing by",
    "written by",
    "(reporting by",
    "(editing by",
];

/// A byline: `By Maria Lopez, CBC News`, `Reporting by Ana Ruiz`, `Maria
/// Lopez · CBC News`. Short, and nothing but names, commas and `and`.
pub fn is_byline(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let rest = [
        "by ",
        "reporting by ",
        "written by ",
        "words by ",
        "story by ",
    ]
    .iter()
    .find_map(|p| starts_with_ignore_case(line, p).then(|| &line[p.len()..]));
    let body = match rest {
        Some(r) => r,
        None if line.contains(" · ") || line.contains(" | ") => line,
        None => return false,
    };
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | '|' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '@')
                || matches!(
                    *w,
                    "and" | "de" | "van" | "von" | "la" | "le" | "in" | "the" | "of"
                )
                || w.contains('@')
        })
}

/// Where page furniture starts inside a paragraph, at a sentence boundary:
/// `… she said. Follow her on Twitter: @anaruiz`.
fn furniture_tail(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    // Every furniture sentence opens with one of these bytes.
    let opener = |c: u8| {
        matches!(
            c.to_ascii_lowercase(),
            b'f' | b'c' | b'r' | b'e' | b'a' | b'w' | b'(' | b'@'
        )
    };
    // Sentence starts: the line's first byte, and the byte after ". ", "! ",
    // "? " or "\" " (found with memchr, not byte by byte).
    let after_ends = memchr::memchr3_iter(b'.', b'!', b'?', b)
        .chain(memchr::memchr_iter(b'"', b))
        .filter(|&p| b.get(p + 1) == Some(&b' '))
        .map(|p| p + 2);
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(after_ends)
        .filter(|&i| i < b.len() && opener(b[i]))
        .collect();
    starts.sort_unstable();
    starts.into_iter().find(|&i| {
        let s = &line[i..];
        FURNITURE_SENTENCES
            .iter()
            .any(|p| starts_with_ignore_case(s, p))
            || (b[i] == b'@' && b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()))
    })
}

/// ASCII case-insensitive prefix test, safe on any UTF-8 text.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A line with no sentence-ending punctuation is a headline, a dateline or a
/// caption, not prose.
fn is_headline(line: &str) -> bool {
    let last = line.chars().last().unwrap_or(' ');
    !matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '“' | '»' | '’' | '\'' | ':' | '…' | ')'
            // "… on Monday. [WashPost.]": a bracketed source after a sentence;
            // "Sanders says he's riding momentum;": a summary line.
            | ']' | ';'
    )
}

/// A quotation found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Byte of the opening mark (or of the recovered start when `orphan`).
    pub open: usize,
    /// Content span, marks excluded.
    pub inner_start: usize,
    pub inner_end: usize,
    /// One past the closing mark (paragraph end when `runs_on`).
    pub close: usize,
    /// The quote runs on into the next paragraph (no closing mark here).
    pub runs_on: bool,
    /// A closing mark with no opening one; the start was recovered at the sentence.
    pub orphan: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open { single: bool },
    Close { single: bool },
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'),
    }
}

fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    let prev_alnum = prev.is_some_and(char::is_alphanumeric);
    if is_space(prev) && is_space(next) {
        return None; // a mark standing alone between spaces quotes nothing
    }
    match c {
        '„' | '«' => Some(Mark::Open { single: false }),
        '»' => Some(Mark::Close { single: false }),
        '“' => {
            // „…“ (German) and typos close with “.
            if !is_space(prev) && !is_opening_context(prev) && !next_alnum {
                Some(Mark::Close { single: false })
            } else {
                Some(Mark::Open { single: false })
            }
        }
        '”' => {
            if is_opening_context(prev) && next_alnum {
                Some(Mark::Open { single: false })
            } else {
                Some(Mark::Close { single: false })
            }
        }
        '"' => {
            if is_opening_context(prev) && !is_space(next) {
                Some(Mark::Open { single: false })
            } else {
                Some(Mark::Close { single: false })
            }
        }
        '‘' => {
            if prev_alnum && next_alnum {
                None
            } else {
                Some(Mark::Open { single: true })
            }
        }
        '’' | '\'' => {
            if prev_alnum && next_alnum {
                None // Durov’s, don't
            } else if is_opening_context(prev) && next_alnum {
                Some(Mark::Open { single: true })
            } else if !is_space(prev) {
                // A closing single quote, or an apostrophe (forces’): pairing decides.
                Some(Mark::Close { single: true })
            } else {
                None
            }
        }
        _ => None,
    }
}

fn is_mark_char(b: u8) -> bool {
    // First bytes of " ' ` and of the UTF-8 encodings of “ ” „ ‘ ’ « ».
    matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
}

/// Wire and archive text writes double quotes as doubled marks: ``…'' or ''…''.
fn doubled_mark(bytes: &[u8], i: usize, prev: Option<char>) -> Option<Mark> {
    let next = bytes.get(i + 2).map(|&b| b as char);
    match (bytes[i], bytes.get(i + 1)) {
        (b'`', Some(b'`')) => Some(Mark::Open { single: false }),
        (b'\'', Some(b'\'')) => {
            if is_space(prev) && is_space(next) {
                None
            } else if is_opening_context(prev) && !is_space(next) {
                Some(Mark::Open { single: false })
            } else {
                Some(Mark::Close { single: false })
            }
        }
        _ => None,
    }
}

/// All candidate quote marks of `text[start..end]`, in order.
fn marks(text: &str, start: usize, end: usize) -> Vec<(usize, usize, Mark)> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    let bytes = slice.as_bytes();
    let mut i = 0;
    // Where the next ASCII mark is, kept between searches: a paragraph of
    // typographic quotes and no ASCII one must not be searched to its end
    // once a mark (quadratic on a transcript written as one line).
    let mut next_ascii: Option<usize> = None;
    while i < bytes.len() {
        if !is_mark_char(bytes[i]) {
            // Straight to the next candidate: the ASCII marks and the lead
            // bytes of the typographic ones, a memchr pass each.
            if next_ascii.is_none_or(|a| a < i) {
                next_ascii = Some(
                    memchr::memchr3(b'"', b'\'', b'`', &bytes[i..]).map_or(bytes.len(), |p| i + p),
                );
            }
            let ascii = next_ascii.unwrap_or(bytes.len());
            i = memchr::memchr2(0xE2, 0xC2, &bytes[i..ascii]).map_or(ascii, |p| i + p);
            continue;
        }
        let prev = slice[..i].chars().next_back();
        // `…doing this, " Trump said`: a mark set off by spaces right after a
        // comma or a full stop closes the quotation.
        let spaced_close = prev == Some(' ')
            && slice[..i]
                .trim_end()
                .trim_end_matches(['\'', '’'])
                .ends_with([',', '.', '!', '?']);
        // `'old-school,'''`: a single quote closing inside a doubled one.
        if bytes[i..].starts_with(b"'''") && !is_space(prev) {
            out.push((start + i, start + i + 1, Mark::Close { single: true }));
            out.push((start + i + 1, start + i + 3, Mark::Close { single: false }));
            i += 3;
            continue;
        }
        if let Some(m) = doubled_mark(bytes, i, prev) {
            out.push((start + i, start + i + 2, m));
            i += 2;
            continue;
        }
        if spaced_close && bytes[i..].starts_with(b"''") {
            out.push((start + i, start + i + 2, Mark::Close { single: false }));
            i += 2;
            continue;
        }
        let Some(c) = slice[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let next = slice[i + len..].chars().next();
        let mark = classify(c, prev, next).or_else(|| {
            (spaced_close && matches!(c, '"' | '”')).then_some(Mark::Close { single: false })
        });
        if let Some(m) = mark {
            out.push((start + i, start + i + len, m));
        }
        i += len;
    }
    out
}

/// Pairs the quote marks of every paragraph. A quote left open at a
/// paragraph's end continues into the next paragraph when that one opens
/// with a quote mark (the newspaper convention); otherwise the opening mark
/// is treated as a stray character and pairing resumes after it, so an
/// unbalanced mark never loses more than itself.
pub fn quotes(text: &str, paras: &[Paragraph]) -> Vec<Vec<Quote>> {
    let mut all = Vec::with_capacity(paras.len());
    for (pi, p) in paras.iter().enumerate() {
        let ms = marks(text, p.start, p.end);
        let next_opens = paras.get(pi + 1).is_some_and(|n| {
            let first = text[n.start..n.end].chars().next();
            let second = text[n.start..n.end].chars().nth(1);
            let mark = doubled_mark(&text.as_bytes()[n.start..n.end], 0, None)
                .or_else(|| first.and_then(|c| classify(c, None, second)));
            mark == Some(Mark::Open { single: false })
        });
        all.push(pair(text, p, &ms, next_opens));
    }
    all
}

fn pair(text: &str, p: &Paragraph, ms: &[(usize, usize, Mark)], next_opens: bool) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut open: Option<(usize, usize, bool)> = None; // (mark index, mark end, single)
    while i < ms.len() {
        let (s, e, m) = ms[i];
        match (open, m) {
            (None, Mark::Open { single }) => open = Some((i, e, single)),
            // An orphan closing mark right after punctuation: `…messages,” the company said`.
            (None, Mark::Close { single: false }) if text[..s].ends_with([',', '.', '!', '?']) => {
                out.push(Quote {
                    open: sentence_start(text, p.start, s),
                    inner_start: sentence_start(text, p.start, s),
                    inner_end: s,
                    close: e,
                    runs_on: false,
                    orphan: true,
                });
            }
            (None, Mark::Close { single: true }) => {} // an apostrophe
            // Inside 'single quotes', "workers' union" is a possessive, not the end.
            (Some((_, _, true)), Mark::Close { single: true })
                if text[..s].ends_with('s')
                    && text[e..].starts_with(' ')
                    && text[e + 1..].starts_with(|c: char| c.is_lowercase()) => {}
            (Some((oi, oe, single)), Mark::Close { single: s2 }) if single == s2 => {
                out.push(Quote {
                    open: ms[oi].0,
                    inner_start: oe,
                    inner_end: s,
                    close: e,
                    runs_on: false,
                    orphan: false,
                });
                open = None;
            }
            (Some((oi, oe, false)), Mark::Open { single: false }) => {
                // `He said: "A. "B."`: quoted paragraphs run together on one
                // line; the first ends at its sentence's end, before the next
                // opener. Otherwise the first opener was stray.
                let before = text[oe..s].trim_end();
                if before.ends_with(['.', '!', '?']) && before.len() < s - oe {
                    out.push(Quote {
                        open: ms[oi].0,
                        inner_start: oe,
                        inner_end: oe + before.len(),
                        close: oe + before.len(),
                        runs_on: false,
                        orphan: false,
                    });
                }
                open = Some((i, e, false));
            }
            _ => {} // single marks inside double quotes and vice versa
        }
        i += 1;
        if i == ms.len()
            && let Some((oi, oe, single)) = open
        {
            if !single && next_opens {
                out.push(Quote {
                    open: ms[oi].0,
                    inner_start: oe,
                    inner_end: p.end,
                    close: p.end,
                    runs_on: true,
                    orphan: false,
                });
            } else {
                // Unbalanced: drop this opener, re-pair what followed it.
                i = oi + 1;
                out.retain(|q| q.open < ms[oi].0);
            }
            open = None;
        }
    }
    out.sort_by_key(|q| q.open);
    // Orphans overlapping a real quote are artefacts of recovery.
    let real: Vec<(usize, usize)> = out
        .iter()
        .filter(|q| !q.orphan)
        .map(|q| (q.open, q.close))
        .collect();
    out.retain(|q| !q.orphan || !real.iter().any(|&(a, b)| q.open < b && a < q.close));
    out
}

/// The start of the sentence containing `pos`, not before `floor`.
fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut i = pos;
    while i > floor {
        i -= 1;
        if matches!(b[i], b'.' | b'!' | b'?') && i + 2 <= pos {
            let after = &text[i + 1..pos];
            let trimmed = after.trim_start();
            if after.len() > trimmed.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
            {
                return pos - trimmed.len();
            }
        }
    }
    floor
}

/// A token of a paragraph: a word, a punctuation character, or a whole quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// Index into the paragraph's quotes.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// Abbreviations whose period does not end a sentence: the name
/// abbreviations, and those of companies, months and the like.
fn is_abbreviation(w: &str) -> bool {
    is_name_abbreviation(w)
        || matches!(
            w,
            "St" | "Jr"
                | "Sr"
                | "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
                | "vs"
                | "etc"
                | "No"
                | "Fig"
                | "Mt"
                | "Ave"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}

/// Titles and initials that stand before a name with their period.
fn is_name_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Cmdr"
            | "Rev"
            | "Hon"
            | "Atty"
            | "Supt"
            | "Insp"
            | "Cpl"
            | "Pvt"
            | "Msgr"
            | "Fr"
            | "Gov-elect"
    ) || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | ',' | '&')
}

/// Tokenises `text[start..end]`, turning each quote into a single token.
pub fn tokens(text: &str, start: usize, end: usize, quotes: &[Quote]) -> Vec<Tok> {
    let mut out = Vec::with_capacity((end - start) / 5 + 4);
    let mut qi = 0;
    let mut i = start;
    let bytes = text.as_bytes();
    while i < end {
        if qi < quotes.len() && quotes[qi].open <= i {
            if quotes[qi].close > i {
                out.push(Tok {
                    start: quotes[qi].open,
                    end: quotes[qi].close,
                    kind: TokKind::Quote(qi),
                });
                i = quotes[qi].close;
            }
            qi += 1;
            continue;
        }
        let limit = if qi < quotes.len() {
            quotes[qi].open.min(end)
        } else {
            end
        };
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            while j < limit {
                // Most of a word is ASCII letters and digits: no decoding.
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    continue;
                }
                let after = text[j + d.len_utf8()..limit].chars().next();
                let prev = text[i..j].chars().next_back();
                let ok = joins_word(d)
                    && after.is_some_and(char::is_alphanumeric)
                    && match d {
                        // 10,000 and 1.5; U.S and e.g
                        ',' => {
                            prev.is_some_and(|p| p.is_ascii_digit())
                                && after.is_some_and(|a| a.is_ascii_digit())
                        }
                        '.' => {
                            prev.is_some_and(|p| p.is_ascii_digit())
                                || text[i..j]
                                    .rsplit(['.', '-'])
                                    .next()
                                    .is_some_and(|s| s.chars().count() == 1)
                        }
                        _ => true,
                    };
                // The plural possessive "workers’ union" keeps its apostrophe.
                let plural_possessive = matches!(d, '\'' | '’')
                    && prev == Some('s')
                    && text[j + d.len_utf8()..].starts_with(char::is_whitespace);
                if plural_possessive {
                    j += d.len_utf8();
                    break;
                }
                if !ok {
                    break;
                }
                j += d.len_utf8();
            }
            // "U.S." keeps its final period, and so do a title and an initial
            // ("Gov. Lena Hart", "George W. Bush"): they never end a name.
            if j < limit
                && bytes[j] == b'.'
                && ((text[i..j].contains('.')
                    && text[i..j]
                        .rsplit('-')
                        .next()
                        .is_some_and(|t| t.split('.').all(|s| s.chars().count() == 1)))
                    || is_name_abbreviation(&text[i..j]))
            {
                j += 1;
            }
            out.push(Tok {
                start: i,
                end: j,
                kind: TokKind::Word,
            });
            i = j;
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: TokKind::Punct(c),
            });
            i += c.len_utf8();
        }
    }
    out
}

/// Splits tokens into sentences: ranges of token indices. Quotes are atomic,
/// so sentence marks inside a quotation never split its sentence, but a
/// quote ending in `.`, `!` or `?` followed by a new sentence does end one.
pub fn sentences(text: &str, toks: &[Tok], quotes: &[Quote]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    for i in 0..toks.len() {
        let next_starts = match toks.get(i + 1) {
            None => true,
            Some(n) => match n.kind {
                TokKind::Quote(_) => true,
                TokKind::Word => text[n.start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                TokKind::Punct(c) => matches!(c, '(' | '—' | '–' | '-'),
            },
        };
        let ends = match toks[i].kind {
            TokKind::Punct('.' | '!' | '?' | '…') => {
                let prev_abbrev = i > 0
                    && matches!(toks[i - 1].kind, TokKind::Word)
                    && toks[i - 1].end == toks[i].start
                    && is_abbreviation(&text[toks[i - 1].start..toks[i - 1].end]);
                next_starts && !prev_abbrev
            }
            TokKind::Quote(q) => {
                let inner = text[quotes[q].inner_start..quotes[q].inner_end].trim_end();
                let follows_word = toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.kind, TokKind::Word));
                inner.ends_with(['.', '!', '?']) && follows_word && next_starts
            }
            TokKind::Word => {
                let w = &text[toks[i].start..toks[i].end];
                // "U.S." at a sentence end followed by a capital.
                w.ends_with('.') && toks.get(i + 1).is_none()
            }
            _ => false,
        };
        if ends || i + 1 == toks.len() {
            out.push(begin..i + 1);
            begin = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Vec<Quote> {
        let ps = paragraphs(text, 0);
        quotes(text, &ps).into_iter().flatten().collect()
    }

    fn inner(text: &str, q: &Quote) -> String {
        text[q.inner_start..q.inner_end].to_string()
    }

    #[test]
    fn pairs_straight_and_curly_quotes() {
        let t = "He said \"yes, sir.\" Then “no,” she said. «Oui,» dit-il. „Ja“, sagte er.";
        let qs = para(t);
        let got: Vec<String> = qs.iter().map(|q| inner(t, q)).collect();
        assert_eq!(got, ["yes, sir.", "no,", "Oui,", "Ja"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "The forces’ radios and Durov’s app don't work, the officer's aide said.";
        assert!(para(t).is_empty());
        let t = "She called it ‘a trap’ and the forces’ chief agreed.";
        let qs = para(t);
        assert_eq!(qs.len(), 1);
        assert_eq!(inner(t, &qs[0]), "a trap");
    }

    #[test]
    fn unbalanced_quote_recovers_at_the_paragraph() {
        let t = "The mayor said \"we will rebuild the bridge.\nThe minister said \"it is done.\"\n";
        let qs = para(t);
        assert_eq!(qs.len(), 1);
        assert_eq!(inner(t, &qs[0]), "it is done.");
        // A stray opener mid-paragraph does not swallow the following quote.
        let t = "A stray \" mark, then \"a real quote,\" she said.";
        let qs = para(t);
        assert_eq!(
            qs.iter().map(|q| inner(t, q)).collect::<Vec<_>>(),
            ["a real quote,"]
        );
    }

    #[test]
    fn quote_runs_on_into_next_paragraph() {
        let t = "\"First part of the answer.\n\"Second part,\" the judge said.\n";
        let qs = para(t);
        assert_eq!(qs.len(), 2);
        assert!(qs[0].runs_on);
        assert_eq!(inner(t, &qs[0]), "First part of the answer.");
        assert_eq!(inner(t, &qs[1]), "Second part,");
    }

    #[test]
    fn orphan_closing_mark_recovers_its_sentence() {
        let t = "Boats can dock here. The port never closes at night,” the harbour master boasts.";
        let qs = para(t);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].orphan);
        assert_eq!(inner(t, &qs[0]), "The port never closes at night,");
    }

    #[test]
    fn furniture_and_headlines_are_skipped() {
        let t = "Big News Headline\nFILE - A man in a hat.\nBody text, he said.\nYou May Like\nOther text, they say.\n";
        let ps = paragraphs(t, 0);
        assert_eq!(ps.len(), 1);
        assert_eq!(&t[ps[0].start..ps[0].end], "Body text, he said.");
    }

    #[test]
    fn sentences_respect_quotes_and_abbreviations() {
        let t = "U.S. officials met Mr. Smith. \"Go. Now,\" he said. It rained.";
        let ps = paragraphs(t, 0);
        let qs = quotes(t, &ps).remove(0);
        let toks = tokens(t, ps[0].start, ps[0].end, &qs);
        let sents = sentences(t, &toks, &qs);
        let texts: Vec<&str> = sents
            .iter()
            .map(|r| &t[toks[r.start].start..toks[r.end - 1].end])
            .collect();
        assert_eq!(
            texts,
            [
                "U.S. officials met Mr. Smith.",
                "\"Go. Now,\" he said.",
                "It rained."
            ]
        );
    }
}
