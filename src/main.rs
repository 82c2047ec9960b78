use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = whosaid::cli::Args::parse();
    match whosaid::cli::run(args) {
        Ok(out) => {
            for warning in &out.warnings {
                eprintln!("warning: {warning}");
            }
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = std::io::stdout().lock().write_all(out.stdout.as_bytes());
            ExitCode::from(out.code)
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
