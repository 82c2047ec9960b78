//! Document aliases: the names a document describes ("the messaging app
//! Telegram", "Dalvane, a shipping company"), as (name, descriptor) pairs,
//! so that claim matching reads "the app" as Telegram.
//!
//! This runs over every byte of the corpus, and descriptors are rare, so
//! the text is not tokenised whole: one pass over its runs of word
//! characters notes the descriptors and the capitalised words, and only the
//! words around each descriptor are read, backwards and forwards from it.
//! The one whole-document fact a rule needs (does the document write a
//! sentence-opening word as a name elsewhere?) is answered from the
//! capitalised words, so that cost stays linear on any input.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::lexicon::relations;
use crate::lexicon::words::{
    is_descriptor, is_descriptor_bytes, is_stop_word, might_be_descriptor,
};
use crate::matcher::fold;

/// Words read on each side of a descriptor: a rule looks at most six words
/// before it and seven after, and a word's sentence start needs the one before.
const REACH: usize = 8;

/// Names a document gives to the things it names, as (name, descriptor)
/// pairs: `messaging app Telegram`, `the Telegram messenger`, `Telegram, an
/// encrypted messaging service`, `Telegram is a free app`. The descriptor
/// is a word that heads such descriptions ([`is_descriptor`]: app,
/// messenger, company, agency…). Pairs come in the order of their names in
/// the text.
pub fn document_aliases(text: &str) -> Vec<(String, String)> {
    // Folding maps typographic marks and NFKC forms to ASCII; plain ASCII
    // only has its line breaks made spaces, which no rule can tell apart.
    let folded = if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        fold(text)
    };
    let doc = Doc::new(&folded);
    let (descriptors, capitals) = doc.scan();
    if descriptors.is_empty() {
        return Vec::new();
    }
    let windows: Vec<Window> = descriptors.iter().map(|&r| doc.window(r)).collect();
    let names = doc.written_as_names(&windows, &capitals);
    let words: Vec<Vec<Option<Word>>> = windows.iter().map(|w| doc.words(w, &names)).collect();
    // The words a descriptor can name: up to six words before it and the
    // one after it, each read once, in text order.
    let mut near: Vec<(usize, usize, usize)> = windows
        .iter()
        .enumerate()
        .flat_map(|(w, win)| {
            let lo = win.at.saturating_sub(6);
            let hi = (win.at + 1).min(win.toks.len() - 1);
            (lo..=hi)
                .filter(move |&k| k != win.at)
                .map(move |k| (win.toks[k].start, w, k))
        })
        .collect();
    near.sort_unstable();
    near.dedup_by_key(|n| n.0);
    let mut out: Vec<(String, String)> = Vec::new();
    for (_, w, k) in near {
        let view = View {
            toks: &windows[w].toks,
            words: &words[w],
        };
        view.aliases_at(k, &mut out);
    }
    out
}

/// The folded text and what every rule needs of it.
struct Doc<'a> {
    text: &'a str,
    b: &'a [u8],
    /// Every character lowercases to one of the same length, so a word's
    /// lowercase is read a character at a time, as a whole-text lowercase
    /// would give it; otherwise each word is lowercased on its own.
    in_place: bool,
}

/// A word (`mark` none) or a punctuation mark between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    start: usize,
    end: usize,
    mark: Option<char>,
}

/// A word of a run of word characters, and the run (`run_start..run_end`).
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    run_start: usize,
    run_end: usize,
}

/// The tokens around one descriptor, `toks[at]`.
struct Window {
    toks: Vec<Tok>,
    at: usize,
    /// `toks[0]` is the document's first token.
    from_start: bool,
}

/// A word of a window, lowercased, and whether it is a name.
type Word<'a> = (Cow<'a, str>, bool);

/// Word characters: ASCII letters and digits, `'` and `-`.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
        c += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        WORD[c as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// The word of a run of word characters: without leading and trailing `'`
/// and `-`, and without a possessive `'s`; `None` when nothing is left.
#[inline]
fn word_of_run(b: &[u8], run_start: usize, run_end: usize) -> Option<Run> {
    let trim = |c: &u8| *c == b'\'' || *c == b'-';
    let (mut start, mut end) = (run_start, run_end);
    while start < end && trim(&b[start]) {
        start += 1;
    }
    while start < end && trim(&b[end - 1]) {
        end -= 1;
    }
    if start == end {
        return None;
    }
    if end - start > 2 && b[end - 1] == b's' && b[end - 2] == b'\'' {
        end -= 2;
    }
    Some(Run {
        start,
        end,
        run_start,
        run_end,
    })
}

/// The ASCII lowercase of `w`, on the stack, when it fits in `N` bytes.
fn ascii_lower<const N: usize>(w: &[u8]) -> Option<LowBuf<N>> {
    let mut buf = [0u8; N];
    buf.get_mut(..w.len())?.copy_from_slice(w);
    buf[..w.len()].make_ascii_lowercase();
    Some(LowBuf { buf, len: w.len() })
}

/// A short lowercased word on the stack.
struct LowBuf<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> std::ops::Deref for LowBuf<N> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A mark after which the next word opens a sentence.
fn opens_sentence(mark: Option<char>) -> bool {
    matches!(mark, Some('.' | '!' | '?' | '"'))
}

/// The characters of `text` past ASCII, with where they start; the ASCII is
/// skipped eight bytes at a time.
fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(chunk) = b.get(i..i + 8) {
            if u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 != 0
            {
                break;
            }
            i += 8;
        }
        i += b.get(i..)?.iter().position(|c| !c.is_ascii())?;
        let c = text[i..].chars().next()?;
        i += c.len_utf8();
        Some((i - c.len_utf8(), c))
    })
}

/// The lowercase of `c` when it is one character of the same length.
fn single_lowercase(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => Some(l),
        _ => None,
    }
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        let in_place = non_ascii(text).all(|(_, c)| single_lowercase(c).is_some());
        Doc {
            text,
            b: text.as_bytes(),
            in_place,
        }
    }

    fn char_at(&self, i: usize) -> char {
        match self.b[i] {
            c if c.is_ascii() => c as char,
            _ => self.text[i..].chars().next().unwrap_or(' '),
        }
    }

    fn char_before(&self, i: usize) -> char {
        match self.b[i - 1] {
            c if c.is_ascii() => c as char,
            _ => self.text[..i].chars().next_back().unwrap_or(' '),
        }
    }

    /// Where the run of word characters starting at byte `i` ends.
    fn run_end(&self, mut i: usize) -> usize {
        while i < self.b.len() {
            if WORD[usize::from(self.b[i])] {
                i += 1;
                continue;
            }
            let c = self.char_at(i);
            if c.is_ascii() || !c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// Where the run of word characters ending at byte `i` starts.
    fn run_start(&self, mut i: usize) -> usize {
        while i > 0 {
            let c = self.char_before(i);
            if !is_word_char(c) {
                break;
            }
            i -= c.len_utf8();
        }
        i
    }

    /// One bit per byte: the bytes of word characters, and the ASCII capitals.
    fn masks(&self) -> (Vec<u64>, Vec<u64>) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = ONES * 0x80;
        // The high bit of each ASCII byte of `x` in `lo..=hi`.
        let within = |x: u64, lo: u8, hi: u8| {
            let low7 = x & !HIGH;
            (low7 + ONES * u64::from(0x80 - lo)) & !(low7 + ONES * u64::from(0x7F - hi)) & !x & HIGH
        };
        // The high bits of the eight bytes, as the low eight bits.
        let gather = |m: u64| ((m >> 7) * 0x0102_0408_1020_4080) >> 56;
        let blocks = self.b.len().div_ceil(64);
        let (mut word, mut upper) = (vec![0u64; blocks], vec![0u64; blocks]);
        for (k, chunk) in self.b.chunks(8).enumerate() {
            let mut bytes = [0u8; 8];
            bytes[..chunk.len()].copy_from_slice(chunk);
            let x = u64::from_le_bytes(bytes);
            let caps = within(x, b'A', b'Z');
            // Letters either case, digits, `'` and `-`; bytes past ASCII
            // start as word bytes, and those of characters that are not
            // alphanumeric are cleared below.
            let w = within(x | (ONES * 0x20), b'a', b'z')
                | within(x, b'0', b'9')
                | within(x, b'\'', b'\'')
                | within(x, b'-', b'-')
                | (x & HIGH);
            let shift = 8 * (k % 8);
            word[k / 8] |= gather(w) << shift;
            upper[k / 8] |= gather(caps) << shift;
        }
        // Padding bytes are zero, which is no word byte.
        for (i, c) in non_ascii(self.text) {
            if !c.is_alphanumeric() {
                for j in i..i + c.len_utf8() {
                    word[j / 64] &= !(1 << (j % 64));
                }
            }
        }
        (word, upper)
    }

    /// One pass over the runs of word characters: the descriptors, and the
    /// words that start with an ASCII capital. Runs are read from bit masks,
    /// 64 bytes at a time, and a word costs a branch only when its first
    /// letter and length fit a descriptor's, or when it is capitalised (a
    /// loop of its own) or not plain letters and digits: the branches of a
    /// byte-by-byte tokeniser, mispredicted at every word, made this the
    /// costliest step of extraction.
    fn scan(&self) -> (Vec<Run>, Vec<Run>) {
        let b = self.b;
        let (mask, upper) = self.masks();
        // The first byte at or after `i` that is not a word character.
        let end_of_run = |i: usize| {
            let mut blk = i / 64;
            let mut rest = !mask[blk] & (!0u64 << (i % 64));
            loop {
                if rest != 0 {
                    return (blk * 64 + rest.trailing_zeros() as usize).min(b.len());
                }
                blk += 1;
                match mask.get(blk) {
                    Some(m) => rest = !m,
                    None => return b.len(),
                }
            }
        };
        // Not letters and digits throughout, or a possessive: the word is
        // read by `word_of_run`. Bitwise, not short-circuit, operators.
        let odd = |start: usize, end: usize| {
            let last = b[end - 1];
            !b[start].is_ascii_alphanumeric()
                | !last.is_ascii_alphanumeric()
                | (last == b's') & (end - start > 2) & (b[end.saturating_sub(2)] == b'\'')
        };
        let plain = |start: usize, end: usize| Run {
            start,
            end,
            run_start: start,
            run_end: end,
        };
        let mut descriptors = Vec::new();
        let mut capitals = Vec::new();
        let mut carry = 0;
        for (blk, (&w, &u)) in mask.iter().zip(&upper).enumerate() {
            let mut starts = w & !((w << 1) | carry);
            carry = w >> 63;
            let mut caps = starts & u;
            while starts != 0 {
                let start = blk * 64 + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let end = end_of_run(start);
                let odd = odd(start, end);
                if !(odd | might_be_descriptor(b[start], b[end - 1], end - start)) {
                    continue;
                }
                let word = if odd {
                    word_of_run(b, start, end)
                } else {
                    Some(plain(start, end))
                };
                let Some(r) = word else { continue };
                // A plain capitalised word is the next loop's.
                if odd && b[r.start].is_ascii_uppercase() {
                    capitals.push(r);
                }
                if might_be_descriptor(b[r.start], b[r.end - 1], r.end - r.start)
                    && let Some(low) = ascii_lower::<16>(&b[r.start..r.end])
                    && is_descriptor_bytes(&low)
                {
                    descriptors.push(r);
                }
            }
            while caps != 0 {
                let start = blk * 64 + caps.trailing_zeros() as usize;
                caps &= caps - 1;
                let end = end_of_run(start);
                if !odd(start, end) {
                    capitals.push(plain(start, end));
                }
            }
        }
        (descriptors, capitals)
    }

    /// The token starting at or after byte `i`, and where the next search starts.
    fn next_token(&self, mut i: usize) -> Option<(Tok, usize)> {
        while i < self.b.len() {
            let c = self.char_at(i);
            if is_word_char(c) {
                let end = self.run_end(i);
                if let Some(r) = word_of_run(self.b, i, end) {
                    return Some((r.tok(), end));
                }
                i = end;
            } else {
                i += c.len_utf8();
                if !c.is_whitespace() {
                    return Some((mark(i - c.len_utf8(), c), i));
                }
            }
        }
        None
    }

    /// The token ending at or before byte `i`, and where the next search
    /// (further back) starts.
    fn prev_token(&self, mut i: usize) -> Option<(Tok, usize)> {
        while i > 0 {
            let c = self.char_before(i);
            if is_word_char(c) {
                let start = self.run_start(i);
                if let Some(r) = word_of_run(self.b, start, i) {
                    return Some((r.tok(), start));
                }
                i = start;
            } else {
                i -= c.len_utf8();
                if !c.is_whitespace() {
                    return Some((mark(i, c), i));
                }
            }
        }
        None
    }

    /// Up to [`REACH`] tokens on each side of the descriptor `d`.
    fn window(&self, d: Run) -> Window {
        let mut toks = Vec::with_capacity(2 * REACH + 1);
        let mut i = d.run_start;
        while toks.len() < REACH {
            let Some((t, next)) = self.prev_token(i) else {
                break;
            };
            toks.push(t);
            i = next;
        }
        let from_start = toks.len() < REACH;
        toks.reverse();
        let at = toks.len();
        toks.push(d.tok());
        let mut i = d.run_end;
        for _ in 0..REACH {
            let Some((t, next)) = self.next_token(i) else {
                break;
            };
            toks.push(t);
            i = next;
        }
        Window {
            toks,
            at,
            from_start,
        }
    }

    fn lower(&self, start: usize, end: usize) -> Cow<'a, str> {
        let s = &self.text[start..end];
        if s.is_ascii() {
            if s.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(s.to_ascii_lowercase())
            } else {
                Cow::Borrowed(s)
            }
        } else if self.in_place {
            Cow::Owned(s.chars().filter_map(single_lowercase).collect())
        } else {
            Cow::Owned(s.to_lowercase())
        }
    }

    /// Whether token `k` of a window opens a sentence. Of a window's first
    /// token this is only known at the document's start; no rule reads it
    /// elsewhere.
    fn initial(win: &Window, k: usize) -> bool {
        match k {
            0 => win.from_start,
            _ => opens_sentence(win.toks[k - 1].mark),
        }
    }

    /// Which of the windows' sentence-opening capitalised words the document
    /// also writes capitalised after a sentence's first word, read from its
    /// `capitals`. With a word past ASCII, whose capital may be too, the
    /// whole document is read through [`Doc::names`] instead.
    fn written_as_names(&self, windows: &[Window], capitals: &[Run]) -> FxHashSet<String> {
        let mut asked: FxHashSet<Cow<str>> = FxHashSet::default();
        for win in windows {
            for (k, t) in win.toks.iter().enumerate() {
                if t.mark.is_none() && Self::initial(win, k) && self.char_at(t.start).is_uppercase()
                {
                    let w = self.lower(t.start, t.end);
                    if !relations::is_proper(&w) {
                        asked.insert(w);
                    }
                }
            }
        }
        if asked.is_empty() {
            return FxHashSet::default();
        }
        if !asked.iter().all(|w| w.is_ascii()) {
            return self.names();
        }
        // Most capitalised words are ruled out by their first letter and
        // length alone.
        let mut shapes = [0u64; 26];
        for w in &asked {
            let first = w.as_bytes()[0];
            if first.is_ascii_lowercase() && w.len() < 64 {
                shapes[usize::from(first - b'a')] |= 1 << w.len();
            }
        }
        let mut found = FxHashSet::default();
        for r in capitals {
            let len = r.end - r.start;
            if len >= 64 || shapes[usize::from(self.b[r.start] - b'A')] & (1 << len) == 0 {
                continue;
            }
            if let Some(low) = ascii_lower::<64>(&self.b[r.start..r.end])
                && let Ok(low) = std::str::from_utf8(&low)
                && asked.contains(low)
                && !found.contains(low)
                && self
                    .prev_token(r.run_start)
                    .is_some_and(|(t, _)| !opens_sentence(t.mark))
            {
                found.insert(low.to_string());
            }
        }
        found
    }

    /// Every word the document writes capitalised after a sentence's first word.
    fn names(&self) -> FxHashSet<String> {
        let mut out = FxHashSet::default();
        let mut initial = true;
        let mut i = 0;
        while let Some((t, next)) = self.next_token(i) {
            if t.mark.is_none() {
                if !initial && self.char_at(t.start).is_uppercase() {
                    out.insert(self.lower(t.start, t.end).into_owned());
                }
                initial = false;
            } else {
                initial = opens_sentence(t.mark);
            }
            i = next;
        }
        out
    }

    /// The words of a window, each lowercased, and whether it is a name: a
    /// capitalised word is one unless it only opens a sentence; then it is
    /// one when WordNet spells it with a capital or the document writes it
    /// as a name elsewhere.
    fn words(&self, win: &Window, names: &FxHashSet<String>) -> Vec<Option<Word<'a>>> {
        win.toks
            .iter()
            .enumerate()
            .map(|(k, t)| {
                t.mark.is_none().then(|| {
                    let w = self.lower(t.start, t.end);
                    let capital = self.char_at(t.start).is_uppercase();
                    let name = capital
                        && (!Self::initial(win, k)
                            || relations::is_proper(&w)
                            || names.contains(w.as_ref()));
                    (w, name)
                })
            })
            .collect()
    }
}

impl Run {
    fn tok(self) -> Tok {
        Tok {
            start: self.start,
            end: self.end,
            mark: None,
        }
    }
}

fn mark(at: usize, c: char) -> Tok {
    Tok {
        start: at,
        end: at + c.len_utf8(),
        mark: Some(c),
    }
}

/// One window, read by the alias rules.
struct View<'w, 'a> {
    toks: &'w [Tok],
    words: &'w [Option<Word<'a>>],
}

impl View<'_, '_> {
    fn is_mark(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.mark.is_some())
    }

    fn word(&self, k: usize) -> Option<(&str, bool)> {
        self.words
            .get(k)
            .and_then(Option::as_ref)
            .map(|(w, n)| (w.as_ref(), *n))
    }

    fn name(&self, k: usize) -> Option<&str> {
        self.word(k)
            .filter(|&(w, n)| n && !is_stop_word(w))
            .map(|(w, _)| w)
    }

    fn lower(&self, k: usize) -> Option<&str> {
        self.word(k).filter(|&(_, n)| !n).map(|(w, _)| w)
    }

    /// The aliases whose name is word `i` of the window.
    fn aliases_at(&self, i: usize, out: &mut Vec<(String, String)>) {
        let mut add = |n: &str, d: &str| {
            let pair = (n.to_string(), d.to_string());
            if !out.contains(&pair) {
                out.push(pair);
            }
        };
        let Some(n) = self.name(i) else { return };
        // A single-word name: a multi-word one is matched word by word.
        if i > 0 && self.name(i - 1).is_some() || self.name(i + 1).is_some() {
            return;
        }
        // `messaging app Telegram`, `the messenger Telegram`.
        if let Some(d) = i.checked_sub(1).and_then(|k| self.lower(k))
            && is_descriptor(d)
        {
            add(n, d);
        }
        // `the Telegram messenger`, ending its phrase.
        if i > 0
            && self.lower(i - 1) == Some("the")
            && let Some(d) = self.lower(i + 1)
            && is_descriptor(d)
            && self.lower(i + 2).is_none_or(is_stop_word)
        {
            add(n, d);
        }
        // `Telegram, a messaging app` and `Telegram is a free app`: the
        // first descriptor among the next few lowercase words.
        let det = match (self.is_mark(i + 1), self.lower(i + 1), self.lower(i + 2)) {
            (true, _, Some("a" | "an" | "the"))
            | (_, Some("is" | "was"), Some("a" | "an" | "the")) => Some(i + 3),
            _ => None,
        };
        if let Some(start) = det {
            for j in start..start + 4 {
                match self.word(j) {
                    Some((d, false)) if is_descriptor(d) => {
                        add(n, d);
                        break;
                    }
                    Some((w, _)) if !is_stop_word(w) => {}
                    _ => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        document_aliases(text)
    }

    fn pair(n: &str, d: &str) -> (String, String) {
        (n.to_string(), d.to_string())
    }

    #[test]
    fn a_descriptor_in_any_case_is_found() {
        // A capitalised descriptor is a name, unless it only opens a sentence.
        assert!(pairs("Users of the messaging APP Ferrow grew.").is_empty());
        for app in ["App", "APP", "aPp"] {
            let text = format!("Users grew. {app} Ferrow is popular.");
            assert_eq!(pairs(&text), [pair("ferrow", "app")], "{text}");
        }
        assert_eq!(
            pairs("Users said the Ferrow messenger is fast."),
            [pair("ferrow", "messenger")]
        );
    }

    #[test]
    fn a_capital_opening_a_sentence_is_a_name_when_written_so_elsewhere() {
        assert!(pairs("Quillo is a free service. It grew.").is_empty());
        assert_eq!(
            pairs("Quillo is a free service. Users of QUILLO grew."),
            [pair("quillo", "service")]
        );
        // Past ASCII the whole document is read for its names.
        assert_eq!(
            pairs("Øresund is a free service. Users of Øresund grew."),
            [pair("øresund", "service")]
        );
    }

    #[test]
    fn a_long_word_of_capitals_is_one_word() {
        // Read once, not once a capital (`cargo bench --bench extract --
        // shapes` times such documents).
        let name = "A".repeat(200_000);
        let text = format!("Users of the app {name} grew.");
        assert_eq!(pairs(&text), [pair(&name.to_lowercase(), "app")]);
    }

    #[test]
    fn a_sentence_opening_name_needs_the_document_to_name_it_elsewhere() {
        assert!(pairs("Ferrow is a free app. It grew.").is_empty());
        assert_eq!(
            pairs("Ferrow is a free app. Users of Ferrow grew."),
            [("ferrow".to_string(), "app".to_string())]
        );
    }

    #[test]
    fn typographic_and_wide_forms_read_as_plain_ones() {
        // Curly apostrophe and possessive, a dash, and full-width letters (NFKC).
        let want = [("ferrow".to_string(), "service".to_string())];
        assert_eq!(
            pairs("Users said the messaging service Ferrow’s — rules."),
            want
        );
        assert_eq!(
            pairs("Users said the messaging service Ｆｅｒｒｏｗ rules."),
            want
        );
        // A descriptor inside a compound is not one: `app-based`.
        assert!(pairs("Users said the app-based Ferrow rules.").is_empty());
    }

    fn forward(doc: &Doc) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((t, next)) = doc.next_token(i) {
            out.push(t);
            i = next;
        }
        out
    }

    fn backward(doc: &Doc) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut i = doc.b.len();
        while let Some((t, next)) = doc.prev_token(i) {
            out.push(t);
            i = next;
        }
        out.reverse();
        out
    }

    proptest! {
        // Windows are read backwards from a descriptor: that must give the
        // tokens reading forwards gives.
        #[test]
        fn tokens_read_backwards_are_those_read_forwards(
            parts in proptest::collection::vec(prop_oneof![
                Just("app"), Just("Ferrow"), Just("'s"), Just("'"), Just("-"), Just("--"),
                Just(" "), Just(", "), Just(". "), Just("\""), Just("é"), Just("€"),
                Just("x3"), Just("'x'"), Just("\n"), Just("—"), Just("İ"),
            ], 0..30)
        ) {
            let text: String = parts.concat();
            let doc = Doc::new(&text);
            prop_assert_eq!(forward(&doc), backward(&doc));
        }

        // The runs the bit masks give are those read byte by byte.
        #[test]
        fn runs_from_masks_are_runs_read_byte_by_byte(
            parts in proptest::collection::vec(prop_oneof![
                Just("app"), Just("Company"), Just("'s"), Just("'"), Just("-"),
                Just(" "), Just(", "), Just("é"), Just("€"), Just("COMPANY"),
                Just("x"), Just("\n"), Just("Ab"),
            ], 0..60)
        ) {
            let text: String = parts.concat();
            let doc = Doc::new(&text);
            let (descriptors, capitals) = doc.scan();
            let words: Vec<Tok> = forward(&doc).into_iter().filter(|t| t.mark.is_none()).collect();
            let want_desc: Vec<(usize, usize)> = words
                .iter()
                .filter(|t| is_descriptor(&doc.lower(t.start, t.end)))
                .map(|t| (t.start, t.end))
                .collect();
            let want_caps: Vec<(usize, usize)> = words
                .iter()
                .filter(|t| doc.b[t.start].is_ascii_uppercase())
                .map(|t| (t.start, t.end))
                .collect();
            let got_desc: Vec<(usize, usize)> = descriptors.iter().map(|r| (r.start, r.end)).collect();
            let mut got_caps: Vec<(usize, usize)> = capitals.iter().map(|r| (r.start, r.end)).collect();
            got_caps.sort_unstable();
            prop_assert_eq!(got_desc, want_desc);
            prop_assert_eq!(got_caps, want_caps);
        }
    }
}
