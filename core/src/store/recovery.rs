//! Autosaved work, for recovery after a crash, a kill or a power cut.
//!
//! Each running session owns one recovery file (held with an [`EditLock`])
//! and rewrites it a few seconds after each change. A clean save or close
//! removes it. At the next start, recovery files whose session is gone are
//! offered back to the therapist, who restores or discards them.

use super::lock::{EditLock, LockError};
use super::ron_file::{self, FileProblem};
use super::{FileStamp, WriteFailed, to_ron, write_file};
use crate::library::FORMAT;
use crate::program::Program;
use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Recovery")]
pub struct Recovery {
    /// File format version.
    pub format: u32,
    /// The file the work belongs to; `None` for a program never saved.
    pub original: Option<PathBuf>,
    /// When it was autosaved.
    pub saved_at: DateTime<Local>,
    /// The unsaved program.
    pub program: Program,
}

/// This session's recovery file.
#[derive(Debug)]
pub struct RecoverySlot {
    path: PathBuf,
    _lock: EditLock,
}

impl RecoverySlot {
    /// Claims a new recovery file in `folder` for this session.
    pub fn claim(folder: &Path) -> Result<Self, WriteFailed> {
        std::fs::create_dir_all(folder).map_err(|error| WriteFailed::new(folder, error))?;
        static CLAIMED: AtomicU32 = AtomicU32::new(0);
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let path = folder.join(format!(
            "session-{stamp}-{}-{}.ron",
            std::process::id(),
            CLAIMED.fetch_add(1, Ordering::Relaxed)
        ));
        let lock = EditLock::acquire(&path)
            .map_err(|error| WriteFailed::new(&path, io::Error::other(error.to_string())))?;
        Ok(Self { path, _lock: lock })
    }

    /// Autosaves `program`, which belongs to `original` if it has a file.
    pub fn save(&self, program: &Program, original: Option<&Path>) -> Result<(), WriteFailed> {
        let recovery = Recovery {
            format: FORMAT,
            original: original.map(Path::to_path_buf),
            saved_at: Local::now(),
            program: program.clone(),
        };
        write_file(&self.path, to_ron(&recovery).as_bytes())
    }

    /// Forgets the autosaved work (after a save, or when it is discarded).
    pub fn clear(&self) -> Result<(), WriteFailed> {
        remove(&self.path)
    }

    /// The recovery file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Restored work belongs to its file again: takes the file's lock as
/// opening it would (the crashed session's own lock is stale and is taken
/// over) and reads what the file holds now, so a later save notices changes
/// made by others. Refused when another copy of ptbuilder has the file open.
pub fn reclaim(original: &Path) -> Result<(EditLock, Option<FileStamp>), LockError> {
    let lock = EditLock::acquire(original).or_else(|error| match error {
        LockError::Stale { .. } => EditLock::take_over(original),
        other => Err(other),
    })?;
    let stamp = FileStamp::read(original).ok().flatten();
    Ok((lock, stamp))
}

/// Work left behind by sessions that are no longer running, newest first.
/// Files that cannot be read are reported rather than offered.
pub fn orphans(folder: &Path) -> (Vec<(PathBuf, Recovery)>, Vec<FileProblem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return (found, problems);
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        // A live session holds its lock; anything else is an orphan.
        match EditLock::acquire(&path) {
            Ok(_) | Err(LockError::Stale { .. }) => {}
            Err(_) => continue,
        }
        let file = path.display().to_string();
        let parsed = ron_file::read_text(&path).and_then(|text| {
            ron_file::options()
                .from_str::<Recovery>(&text)
                .map_err(|error| FileProblem::from_ron(&file, &error))
        });
        match parsed {
            Ok(recovery) => found.push((path, recovery)),
            Err(problem) => problems.push(problem),
        }
    }
    found.sort_by_key(|(_, recovery)| std::cmp::Reverse(recovery.saved_at));
    (found, problems)
}

/// Deletes a recovery file and any lock left beside it.
pub fn discard(path: &Path) -> Result<(), WriteFailed> {
    let _ = std::fs::remove_file(super::lock::lock_path(path));
    remove(path)
}

/// Removes a file; one already gone is fine.
fn remove(path: &Path) -> Result<(), WriteFailed> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(WriteFailed::new(path, error)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn program(title: &str) -> Program {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 2, 3).unwrap());
        program.title = title.into();
        program
    }

    #[test]
    fn live_sessions_are_not_offered_but_ended_ones_are() {
        let dir = tempfile::tempdir().unwrap();
        let live = RecoverySlot::claim(dir.path()).unwrap();
        live.save(&program("Live work"), None).unwrap();
        assert!(
            orphans(dir.path()).0.is_empty(),
            "a running session's work is not an orphan"
        );

        // A session that ended without clearing its work (a crash leaves
        // the file; its lock is no longer held).
        let ended = RecoverySlot::claim(dir.path()).unwrap();
        let unsaved = program("Unsaved work for Dora Probst");
        ended
            .save(&unsaved, Some(Path::new("/clinic/dora.ron")))
            .unwrap();
        let path = ended.path().to_path_buf();
        drop(ended);

        let (found, problems) = orphans(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, path);
        assert_eq!(found[0].1.program, unsaved);
        assert_eq!(
            found[0].1.original.as_deref(),
            Some(Path::new("/clinic/dora.ron"))
        );

        discard(&path).unwrap();
        assert!(orphans(dir.path()).0.is_empty());
        live.clear().unwrap();
        assert!(!live.path().exists());
    }

    #[test]
    fn a_lock_left_by_a_crashed_session_does_not_hide_its_work() {
        let dir = tempfile::tempdir().unwrap();
        let slot = RecoverySlot::claim(dir.path()).unwrap();
        slot.save(&program("Crashed"), None).unwrap();
        let path = slot.path().to_path_buf();
        drop(slot);
        let ghost = super::super::lock::LockOwner {
            pid: u32::MAX,
            ..super::super::lock::LockOwner::me()
        };
        std::fs::write(
            super::super::lock::lock_path(&path),
            ron::to_string(&ghost).unwrap(),
        )
        .unwrap();
        let (found, _) = orphans(dir.path());
        assert_eq!(found.len(), 1);
        discard(&path).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_broken_recovery_file_is_reported_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("session-x.ron"), "Recovery(format: 1,").unwrap();
        let (found, problems) = orphans(dir.path());
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().contains("session-x.ron:1:"),
            "{}",
            problems[0]
        );
    }
}
