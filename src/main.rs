use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use whosaid::corpus::Notice;

// jemalloc: extraction makes many small, short-lived allocations, which it
// serves in fewer instructions than the system allocator, and it returns
// freed pages, keeping `attribute` within its memory bound (mimalloc held
// them: 142 MB against 89 MB on the 50 MB bench corpus).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = whosaid::cli::Args::parse();
    // A closed stderr is no reason to fail the run or to panic.
    let mut notice = |n: Notice| {
        let _ = match n {
            Notice::Warning(w) => writeln!(std::io::stderr(), "warning: {w}"),
            Notice::Error(e) => writeln!(std::io::stderr(), "error: {e}"),
        };
    };
    // A large buffer: extraction writes about 130 MB of JSON lines for a 50 MB
    // corpus, and a write call for every document's rows was 10,000 of them.
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let mut io = whosaid::cli::Io {
        out: &mut out,
        notice: &mut notice,
    };
    let result = whosaid::cli::run(args, &mut io).and_then(|code| {
        out.flush()
            .map(|()| code)
            .map_err(|e| whosaid::Error::write("stdout", &e))
    });
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`| head`): stop quietly, as ripgrep does.
        Err(e) if e.is_closed_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::from(2)
        }
    }
}
