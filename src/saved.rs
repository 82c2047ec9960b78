//! Statements saved by `extract --format jsonl`, read back for matching:
//! extract once (or in shards, on many machines), match claims many times.

use std::io::{BufRead, BufReader, Read};

use crate::corpus::Warning;
use crate::error::{Error, Location, Result};
use crate::model::Statement;

/// The statements of one JSON-lines file (`-`: stdin). A line that is not a
/// statement is an error at `file:line`, or under `lossy` skipped with a
/// warning. Blank lines are ignored.
pub fn read(file: &str, lossy: bool) -> Result<(Vec<Statement>, Vec<Warning>)> {
    let input: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(file).map_err(|e| Error::io(file, &e))?)
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut buf = Vec::new();
    let mut reader = BufReader::new(input);
    let mut line = 0;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(file, &e))?;
        if n == 0 {
            break;
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Statement>(&buf) {
            Ok(st) => out.push(st),
            Err(e) => {
                let location = Location {
                    path: file.to_string(),
                    line,
                    column: e.column().max(1),
                };
                let message = format!("not a statement from `whosaid extract --format jsonl`: {e}");
                if !lossy {
                    return Err(Error::Yaml { location, message });
                }
                warnings.push(Warning::Other(format!("{location}: skipped: {message}")));
            }
        }
    }
    Ok((out, warnings))
}
