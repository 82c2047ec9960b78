//! Files whosaid writes for the user (a lock, a report with `--output`):
//! written whole or not at all (a temporary file beside the target, then a
//! rename), only to a regular file or a new path, and never over a file the
//! user owns unless it is whosaid's own or they say `--force`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Tells whosaid's own file from its first bytes.
pub type Recognise<'a> = &'a dyn Fn(&[u8]) -> bool;

/// A file being written; it takes the target's place on [`AtomicFile::commit`],
/// and is removed if dropped before.
pub struct AtomicFile {
    target: PathBuf,
    shown: String,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `path`. An existing file is replaced only when
    /// `ours` says whosaid wrote it (from its first bytes) or `force`;
    /// `kind` (`lock`, `report`) names it in messages. Without `ours` (a
    /// format with no mark of its own) any existing file needs `force`.
    pub fn create(path: &str, kind: &str, ours: Option<Recognise>, force: bool) -> Result<Self> {
        // Renaming over a device or a FIFO would replace it (as root, even
        // /dev/zero): only a regular file or a new path.
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            return Err(Error::Message(format!(
                "{path}: not a regular file; a {kind} is written only to a regular file or a new path"
            )));
        }
        if !force && let Ok(mut f) = File::open(path) {
            let mut head = vec![0u8; 512];
            let n = io::Read::read(&mut f, &mut head).unwrap_or(0);
            match ours {
                Some(ours) if ours(&head[..n]) => {}
                Some(_) => {
                    return Err(Error::Message(format!(
                        "{path}: exists and is not a whosaid {kind}; not overwriting it (use --force)"
                    )));
                }
                None => {
                    return Err(Error::Message(format!(
                        "{path}: exists; not overwriting it (use --force)"
                    )));
                }
            }
        }
        let target = PathBuf::from(path);
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".to_string());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        // Named as the user named it: the temporary file is ours to know of.
        let file = File::create(&tmp).map_err(|e| Error::io(path, &e))?;
        Ok(AtomicFile {
            target,
            shown: path.to_string(),
            tmp,
            file: Some(BufWriter::new(file)),
        })
    }

    /// The file as the user named it, for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Finishes the file and puts it in place.
    pub fn commit(mut self) -> Result<()> {
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        file.flush()
            .and_then(|()| file.get_ref().sync_all())
            .map_err(|e| Error::write(&self.shown, &e))?;
        drop(file);
        std::fs::rename(&self.tmp, &self.target).map_err(|e| Error::io(&self.shown, &e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `text` to `path` atomically (see [`AtomicFile`]).
pub fn write_file(
    path: &str,
    kind: &str,
    text: &[u8],
    ours: impl Fn(&[u8]) -> bool,
    force: bool,
) -> Result<()> {
    let mut f = AtomicFile::create(path, kind, Some(&ours), force)?;
    f.write_all(text).map_err(|e| Error::write(path, &e))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_and_only_over_its_own_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.html");
        let p = path.to_str().unwrap();
        let ours = |head: &[u8]| head.starts_with(b"<!DOCTYPE html><!-- whosaid");
        write_file(
            p,
            "report",
            b"<!DOCTYPE html><!-- whosaid -->1",
            ours,
            false,
        )
        .unwrap();
        write_file(
            p,
            "report",
            b"<!DOCTYPE html><!-- whosaid -->2",
            ours,
            false,
        )
        .unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"<!DOCTYPE html><!-- whosaid -->2"
        );
        std::fs::write(&path, "my notes").unwrap();
        let err = write_file(p, "report", b"x", ours, false).unwrap_err();
        assert!(
            err.to_string().contains("not overwriting it (use --force)"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"my notes");
        write_file(p, "report", b"x", ours, true).unwrap();
        // A file dropped unfinished leaves nothing behind.
        let f = AtomicFile::create(
            dir.path().join("n.html").to_str().unwrap(),
            "report",
            Some(&ours),
            false,
        )
        .unwrap();
        drop(f);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["r.html"]);
    }
}
