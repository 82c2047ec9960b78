//! JUnit XML for check reports, so CI systems show each claim as a test.

use std::io::{self, Write};

use super::drift_line;
use crate::check::Report;

pub fn check(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites tests=\"{0}\" failures=\"{1}\">\n  <testsuite name=\"whosaid check\" tests=\"{0}\" failures=\"{1}\">",
        report.checked, report.failed
    )?;
    for c in &report.claims {
        write!(
            out,
            "    <testcase classname=\"whosaid.claims\" name=\"{}\"",
            xml(&c.id)
        )?;
        if c.passed {
            writeln!(out, "/>")?;
            continue;
        }
        let diff: Vec<String> = c.diffs.iter().map(drift_line).collect();
        writeln!(
            out,
            ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
            xml(&diff.join("; ")),
            xml(&diff.join("\n"))
        )?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}

/// Escapes text for XML attributes and content, dropping the control
/// characters XML 1.0 cannot carry at all.
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
