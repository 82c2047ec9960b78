//! What the integration tests share: running the real binary.

use assert_cmd::Command;

/// The binary, run from the crate root with a fixed table width.
pub fn whosaid(columns: u16) -> Command {
    let mut cmd = Command::cargo_bin("whosaid").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", columns.to_string());
    cmd
}

/// Standard output of a command that must succeed.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
