//! One self-contained HTML page, to share with an editor: inline CSS, one
//! inline script (allowed by its hash in the page's Content-Security-Policy,
//! which also forbids every network request), built with maud, which
//! escapes every piece of article and claim text by default.
//!
//! The page reads whole without the script; the script only adds the
//! filters (by speaker, stance, kind or verdict), built from the `data-`
//! attributes of the `.item`s it can hide, and kept in the address
//! (`report.html#speaker=Nazar%20Tokar&stance=supports`) so a filtered
//! view can be sent on.

use std::io::{self, Write};

use maud::{Markup, PreEscaped, html};

use super::footer;
use super::table::speaker_label;
use crate::attribute::{Attribution, Confidence, Evidence, SpeakerSupport};
use crate::corpus::{Document, Passage, Passages};
use crate::model::{Article, Span, Statement};
use crate::verify::{DiffKind, Verification, VerifyMatch};

/// How every page whosaid writes begins: `--output` replaces a file only
/// when it begins so (or with `--force`).
const MARKER: &str = "<!DOCTYPE html><!-- whosaid report -->";

/// Whether a file beginning with `head` is a page whosaid wrote.
pub fn is_ours(head: &[u8]) -> bool {
    head.starts_with(MARKER.as_bytes())
}

const CSS: &str = r#"
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#dadce0;--mark:#fff1a8;--bg:#fafafa;--card:#fff;
--sup:#1e7e34;--con:#b3261e;--mix:#8a5a00;--weak:#8a5a00}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 Georgia,"Times New Roman",serif}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.25rem;margin:0 0 .2rem}
h3{font-size:1.05rem;margin:0}
.summary,.meta,.id,.citation,form,footer{font:14px/1.4 system-ui,sans-serif;color:var(--muted)}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.8rem 0;padding:.5rem .7rem;
background:var(--card);border:1px solid var(--line);border-radius:6px;position:sticky;top:0;z-index:1}
select{font:inherit;max-width:18rem}
section.group{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:1rem 0}
.speaker{border-top:1px solid var(--line);padding-top:.7rem;margin-top:.7rem}
.who{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.role{color:var(--muted);font-style:italic}
.badge{font:12px/1.6 system-ui,sans-serif;padding:0 .45rem;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.supports,.verbatim,.paraphrase{color:var(--sup)}
.contradicts,.misattributed,.not_found{color:var(--con)}
.mixed,.altered,.weak-badge{color:var(--mix)}
.item{margin:.6rem 0 .9rem}
.item.weak{opacity:.85}
.meta{display:flex;flex-wrap:wrap;gap:.1rem .8rem}
.meta code{font:13px ui-monospace,monospace;color:var(--ink)}
blockquote{margin:.3rem 0 0;padding:.1rem .9rem;border-left:3px solid var(--line)}
blockquote p{margin:.35rem 0}
.context{color:var(--muted);font-size:.92rem}
mark{background:var(--mark);color:inherit;padding:0 .1rem}
.diff del{background:#fde2e1;color:var(--con)}
.diff ins{background:#dcf5e0;color:var(--sup);text-decoration:none}
.nobody{color:var(--muted);font-style:italic}
.verdict{font-size:1.15rem;margin:.4rem 0}
a{color:#1a56b0}
@media print{form{display:none}section.group{break-inside:avoid}}
"#;

const SCRIPT: &str = r#"(function(){
var form=document.getElementById('filters');
if(!form)return;
var items=[].slice.call(document.querySelectorAll('.item'));
var selects=[].slice.call(form.querySelectorAll('select'));
var count=document.getElementById('count');
function apply(){
var active=selects.filter(function(s){return s.value!=='';});
var shown=0;
items.forEach(function(it){
var ok=active.every(function(s){return it.getAttribute('data-'+s.name)===s.value;});
it.hidden=!ok;if(ok)shown++;});
[].forEach.call(document.querySelectorAll('.group'),function(g){
g.hidden=active.length>0&&!g.querySelector('.item:not([hidden])');});
count.textContent=(active.length?shown+' of '+items.length:items.length)+' shown';
}
selects.forEach(function(s){
var seen={},values=[];
items.forEach(function(it){var v=it.getAttribute('data-'+s.name);
if(v&&!seen[v]){seen[v]=1;values.push(v);}});
values.sort(function(a,b){return a.localeCompare(b);});
values.forEach(function(v){var o=document.createElement('option');o.value=v;o.textContent=v;s.appendChild(o);});
s.addEventListener('change',function(){
var q=selects.filter(function(x){return x.value!=='';}).map(function(x){
return x.name+'='+encodeURIComponent(x.value);}).join('&');
try{history.replaceState(null,'',q?'#'+q:location.pathname+location.search);}catch(e){}
apply();});
});
location.hash.slice(1).split('&').forEach(function(kv){
var i=kv.indexOf('=');if(i<0)return;
var s=form.querySelector('select[name="'+kv.slice(0,i).replace(/[^a-z]/g,'')+'"]');
var v;try{v=decodeURIComponent(kv.slice(i+1));}catch(e){return;}
if(s&&[].some.call(s.options,function(o){return o.value===v;}))s.value=v;});
form.hidden=false;apply();
})();"#;

/// The page's policy: nothing is fetched, and only the script above runs.
fn policy() -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash = sha2::Sha256::digest(SCRIPT.as_bytes());
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
         script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

/// Everything up to the first record: the head, the title, a summary and
/// the filter form (hidden until the script shows it), named `filters`
/// (`data-` attribute, label).
fn start(title: &str, summary: Markup, filters: &[(&str, &str)]) -> String {
    let top = html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta http-equiv="Content-Security-Policy" content=(policy());
            meta name="generator" content=(concat!("whosaid ", env!("CARGO_PKG_VERSION")));
            title { (title) }
            style { (PreEscaped(CSS)) }
        }
    };
    let header = html! {
        header {
            h1 { (title) }
            (summary)
            form #filters hidden {
                @for (name, label) in filters {
                    label { (label) " "
                        select name=(name) { option value="" { "all" } }
                    }
                }
                output #count {}
            }
        }
    };
    format!(
        "{MARKER}\n<html lang=\"en\">{}<body>{}<main>\n",
        top.into_string(),
        header.into_string()
    )
}

/// Everything after the last record.
fn end(note: &str) -> String {
    let tail = html! {
        footer { p { (note) " Written by whosaid " (env!("CARGO_PKG_VERSION")) "." } }
        script { (PreEscaped(SCRIPT)) }
    };
    format!("</main>{}</body></html>\n", tail.into_string())
}

/// Cuts `s` to about `max` characters at a word, keeping its end (`tail`)
/// or its start, and says so with `…`: a paragraph can be a whole article.
fn clip(s: &str, max: usize, keep_end: bool) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    if keep_end {
        let cut = s.char_indices().rev().nth(max).map_or(0, |(i, _)| i);
        let from = s[cut..].find(' ').map_or(cut, |i| cut + i + 1);
        format!("…{}", &s[from..])
    } else {
        let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
        let to = s[..cut].rfind(' ').unwrap_or(cut);
        format!("{}…", &s[..to])
    }
}

/// The quote in its paragraph, highlighted, with the paragraphs around it;
/// the quote alone when the text could not be read again.
fn passage(quote: &str, p: Option<&Passage>) -> Markup {
    const PARA: usize = 600;
    const AROUND: usize = 400;
    match p.filter(|p| p.quote == quote) {
        Some(p) => html! {
            blockquote {
                @if let Some(b) = &p.before { p.context { (clip(b, AROUND, true)) } }
                p { (clip(&p.lead, PARA, true)) mark { (p.quote) } (clip(&p.tail, PARA, false)) }
                @if let Some(a) = &p.after { p.context { (clip(a, AROUND, false)) } }
            }
        },
        None => html! { blockquote { p { mark { (quote) } } } },
    }
}

/// `Title — Outlet, date`, linked when the article's address is a web page.
fn citation(article: &Article) -> Markup {
    let Some(text) = article.citation() else {
        return html! {};
    };
    html! {
        @match article.web_url() {
            Some(url) => a.citation href=(url) rel="noopener noreferrer" { (text) },
            None => span.citation { (text) },
        }
    }
}

/// `doc:line`, the statement's kind and the outlet it was given to.
fn place(span: &Span, kind: &str, via: Option<&str>) -> Markup {
    html! {
        code { (span.doc) ":" (span.line) }
        span { (kind) }
        @if let Some(via) = via { span { "via " (via) } }
    }
}

fn slug(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The citation table as a page: every claim, its speakers with their
/// roles and stance, and each piece of evidence in its paragraph.
pub fn attributions(
    out: &mut dyn Write,
    results: &[Attribution],
    passages: &Passages,
) -> io::Result<()> {
    let speakers: usize = results.iter().map(|a| a.speakers.len()).sum();
    let summary = html! {
        p.summary {
            (footer(results, true).trim_end().replace('\n', "; "))
            " · " (speakers) " speaker attributions"
        }
    };
    out.write_all(
        start(
            "Who said it: claims and their speakers",
            summary,
            &[
                ("speaker", "Speaker"),
                ("stance", "Stance"),
                ("kind", "Kind"),
            ],
        )
        .as_bytes(),
    )?;
    for a in results {
        let section = html! {
            section.claim.group id={ "claim-" (slug(&a.id)) } {
                h2 { (a.claim) }
                p.id { "claim " code { (a.id) } }
                @if a.speakers.is_empty() {
                    p.nobody { "No statement in the corpus makes this claim." }
                }
                @for s in &a.speakers { (speaker(s, passages)) }
            }
        };
        out.write_all(section.into_string().as_bytes())?;
    }
    out.write_all(
        end("Scores are how closely a statement matches the claim; weak ones are marked.")
            .as_bytes(),
    )
}

fn speaker(s: &SpeakerSupport, passages: &Passages) -> Markup {
    let name = s.label();
    html! {
        div.speaker.group {
            div.who {
                h3 { (name) }
                @if let Some(role) = &s.role { span.role { (role) } }
                span class={ "badge " (s.stance.as_str()) } { (s.stance.as_str()) }
            }
            @for e in &s.evidence { (evidence(&name, e, passages)) }
            @if s.more_evidence > 0 {
                p.meta { (s.more_evidence) " weaker pieces of evidence not shown (--max-evidence 0 shows all)" }
            }
        }
    }
}

fn evidence(name: &str, e: &Evidence, passages: &Passages) -> Markup {
    let weak = e.confidence == Confidence::Weak;
    let key = (e.span.doc.clone(), e.span.start, e.span.end);
    html! {
        article.evidence.item.weak[weak] data-speaker=(name) data-stance=(e.stance.as_str())
            data-kind=(e.kind.as_str()) {
            div.meta {
                (place(&e.span, e.kind.as_str(), e.via.as_deref()))
                span class={ "badge " (e.stance.as_str()) } { (e.stance.as_str()) }
                span { "score " (format!("{:.2}", e.score)) }
                @if weak { span.badge.weak-badge { "weak match" } }
                (citation(&e.article))
            }
            (passage(&e.content, passages.get(&key)))
        }
    }
}

/// The head of the extraction page; documents follow as they are extracted.
pub fn statements_header(out: &mut dyn Write) -> io::Result<()> {
    let summary = html! {
        p.summary { "Every attributed statement, by document, each in its paragraph." }
    };
    out.write_all(
        start(
            "Who said what: attributed statements",
            summary,
            &[("speaker", "Speaker"), ("kind", "Kind")],
        )
        .as_bytes(),
    )
}

/// One document's statements, each highlighted in its paragraph; nothing
/// for a document without any. Without the document, the quotes alone.
pub fn statement_rows(
    out: &mut Vec<u8>,
    doc: Option<&Document>,
    list: &[Statement],
) -> io::Result<()> {
    let Some(first) = list.first() else {
        return Ok(());
    };
    let section = html! {
        section.doc.group {
            h2 { code { (first.span.doc) } }
            p { (citation(&first.article)) }
            @for st in list {
                @let p = doc.and_then(|d| {
                    crate::corpus::passage(&d.text, d.body_start, st.span.start, st.span.end)
                });
                article.statement.item data-speaker=(st.speaker.label()) data-kind=(st.kind.as_str()) {
                    div.who { h3 { (speaker_label(st)) } }
                    div.meta {
                        (place(&st.span, st.kind.as_str(), st.via.as_deref()))
                        @if let Some(cue) = &st.cue { span { "cue “" (cue) "”" } }
                        span { "speaker confidence " (format!("{:.2}", st.confidence)) }
                    }
                    (passage(&st.content, p.as_ref()))
                }
            }
        }
    };
    out.write_all(section.into_string().as_bytes())
}

pub fn statements_footer(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(end("Quotes are highlighted exactly as they stand in the text.").as_bytes())
}

/// `verify`'s answer: the verdict, the text, and each statement it may
/// come from, with the diff and the paragraph.
pub fn verification(out: &mut dyn Write, v: &Verification, passages: &Passages) -> io::Result<()> {
    let line = super::verdict_line(v);
    // The badge names the verdict; the line goes on to say who said it.
    let said = line
        .split_once(": ")
        .map_or(line.as_str(), |(_, rest)| rest);
    let summary = html! {
        p.verdict { span class={ "badge " (v.verdict.as_str()) } { (v.verdict.as_str()) } " " (said) }
        blockquote { p { (v.text) } }
        @if let Some(s) = &v.speaker { p.summary { "Attributed to " (s) } }
    };
    out.write_all(
        start(
            "Did they say it?",
            summary,
            &[("speaker", "Speaker"), ("verdict", "Verdict")],
        )
        .as_bytes(),
    )?;
    let body = html! {
        @if v.matches.is_empty() {
            section.group { p.nobody { "No statement in the corpus says this." } }
        } @else {
            section.group { @for m in &v.matches { (verify_match(m, passages)) } }
        }
    };
    out.write_all(body.into_string().as_bytes())?;
    out.write_all(end("Diffs run from the statement to the text as it circulates: struck words were said, marked ones were not.").as_bytes())
}

fn verify_match(m: &VerifyMatch, passages: &Passages) -> Markup {
    let span = Span {
        doc: m.doc.clone(),
        line: m.line,
        start: m.start,
        end: m.end,
    };
    let name = m.speaker.label();
    html! {
        article.candidate.item data-speaker=(name) data-verdict=(m.verdict.as_str()) {
            div.who {
                h3 { (name) }
                @if let Some(role) = &m.speaker.role { span.role { (role) } }
                span class={ "badge " (m.verdict.as_str()) } { (m.verdict.as_str()) }
            }
            div.meta {
                (place(&span, m.kind.as_str(), None))
                span { "score " (format!("{:.2}", m.score)) }
                (citation(&m.article))
            }
            @if !m.diff.is_empty() {
                p.diff {
                    @for d in &m.diff {
                        @match d.op {
                            DiffKind::Equal => { (d.text) }
                            DiffKind::Delete => { del { (d.text) } }
                            DiffKind::Insert => { ins { (d.text) } }
                        }
                        " "
                    }
                }
            }
            (passage(&m.content, passages.get(&(m.doc.clone(), m.start, m.end))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_are_clipped_at_words() {
        let s = "one two three four five six";
        assert_eq!(clip(s, 100, true), s);
        assert_eq!(clip(s, 10, false), "one two…");
        assert_eq!(clip(s, 10, true), "…five six");
    }

    #[test]
    fn text_is_escaped_and_only_our_script_may_run() {
        let page = start("<b>t</b>", html! { p { "<script>x</script>" } }, &[]);
        assert!(page.contains("&lt;b&gt;t&lt;/b&gt;"), "{page}");
        assert!(page.contains("&lt;script&gt;x&lt;/script&gt;"), "{page}");
        assert!(page.starts_with(MARKER) && is_ours(page.as_bytes()));
        assert!(policy().contains("default-src 'none'"));
    }
}
