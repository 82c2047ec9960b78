//! JSON and JSON lines: the records as they are, field names being a
//! public interface (see `model`, `attribute` and `check`).

use std::io::{self, Write};

use serde::Serialize;

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
