//! Writing a file so that it is never left half-written: the new bytes go to
//! a temporary file in the same folder, are synced to disk, and only then
//! replace the old file in one rename.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// A temporary name beside `path`, unique within this process and across
/// processes (the process id is part of it).
fn temporary_beside(path: &Path) -> io::Result<PathBuf> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    let unique = format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    Ok(path.with_file_name(unique))
}

/// Replaces `path` with `bytes` atomically: after a crash or power cut the
/// file holds either all of its old content or all of the new.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder)?;
    }
    let temporary = temporary_beside(path)?;
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temporary, path)?;
        sync_folder(path)
    })();
    if result.is_err() {
        // Best effort: a leftover temporary file is harmless but untidy.
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// A file that could not be written; whatever was there before is
/// untouched. Printed as "<file>: cannot save it: <why>".
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: cannot save it: {error}", file.display())]
pub struct WriteFailed {
    /// The file.
    pub file: PathBuf,
    /// What went wrong.
    pub error: Arc<io::Error>,
}

impl WriteFailed {
    /// A failure to write `file`.
    pub fn new(file: &Path, error: io::Error) -> Self {
        Self {
            file: file.to_path_buf(),
            error: Arc::new(error),
        }
    }
}

/// [`write_atomic`], with the file named in the error.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteFailed> {
    write_atomic(path, bytes).map_err(|error| WriteFailed::new(path, error))
}

/// Makes the rename itself durable (on Unix a rename lives in the folder).
fn sync_folder(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(folder) => folder.to_path_buf(),
            None => PathBuf::from("."),
        };
        File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("program.ron");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("program.ron")]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("program.ron");
        write_atomic(&path, b"old").unwrap();
        // A folder in the way of the rename makes the write fail.
        let blocked = dir.path().join("blocked");
        fs::create_dir_all(blocked.join("inner")).unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
