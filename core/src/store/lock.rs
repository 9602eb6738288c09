//! Keeps two running copies of ptbuilder, on one PC or across a shared
//! folder, from editing the same program at once.
//!
//! The lock is a separate `<file>.lock` beside the program (never the data
//! file itself, which network folders handle badly). Its holder keeps an
//! operating-system lock on it for as long as it runs and refreshes its
//! time stamp; when the holder is gone (crash, power cut), the OS lock is
//! free and the lock is *stale*: the user is told who held it and may take
//! it over. A lock from another PC whose time stamp is fresh is treated as
//! held even if the OS lock looks free, because some network folders do not
//! pass OS locks between PCs.

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How often a holder refreshes its lock's time stamp.
pub const REFRESH_EVERY: Duration = Duration::from_secs(30);
/// A lock from another PC not refreshed for this long counts as stale.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Lock")]
pub struct LockOwner {
    /// Login name.
    pub user: String,
    /// Computer name.
    pub host: String,
    /// Process id on that computer.
    pub pid: u32,
    /// When the lock was taken.
    pub since: DateTime<Local>,
}

impl LockOwner {
    /// This process.
    pub fn me() -> Self {
        Self {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "someone".to_string()),
            host: host_name(),
            pid: std::process::id(),
            since: Local::now(),
        }
    }

    /// "anna on FRONTDESK since 10:32".
    pub fn describe(&self) -> String {
        format!(
            "{} on {} since {}",
            self.user,
            self.host,
            self.since.format("%Y-%m-%d %H:%M")
        )
    }
}

/// This computer's name, as the operating system reports it (on Linux,
/// macOS and Windows alike), so locks from other PCs on a shared folder
/// are told apart from our own.
fn host_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_string();
    if name.is_empty() {
        "this computer".to_string()
    } else {
        name
    }
}

/// Why a lock could not be taken.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LockError {
    /// Someone is editing the file right now.
    #[error("{file} is open in ptbuilder by {}", owner.as_ref().map_or("another user".to_string(), LockOwner::describe))]
    Held {
        /// The program file.
        file: String,
        /// Who holds it, when their lock file could be read.
        owner: Option<LockOwner>,
    },
    /// A lock was left behind by a copy of ptbuilder that is gone.
    #[error("{file} was left locked by {} (that copy of ptbuilder is no longer running)", owner.as_ref().map_or("another user".to_string(), LockOwner::describe))]
    Stale {
        /// The program file.
        file: String,
        /// Who held it.
        owner: Option<LockOwner>,
    },
    /// The lock file could not be created or read.
    #[error("cannot lock {file}: {error}")]
    Io {
        /// The program file.
        file: String,
        /// What went wrong.
        error: Arc<io::Error>,
    },
}

/// A held lock on a program file; released when dropped.
#[derive(Debug)]
pub struct EditLock {
    path: PathBuf,
    file: File,
}

/// The lock file that guards `data`.
pub fn lock_path(data: &Path) -> PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    data.with_file_name(name)
}

fn read_owner(file: &mut File) -> Option<LockOwner> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    ron::from_str(&text).ok()
}

fn fresh(file: &File) -> bool {
    file.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age < STALE_AFTER)
}

impl EditLock {
    /// Takes the lock on `data`, or says who holds it.
    pub fn acquire(data: &Path) -> Result<Self, LockError> {
        Self::take(data, false)
    }

    /// Takes over a stale lock; still refuses a lock that is held.
    pub fn take_over(data: &Path) -> Result<Self, LockError> {
        Self::take(data, true)
    }

    fn take(data: &Path, take_over_stale: bool) -> Result<Self, LockError> {
        let path = lock_path(data);
        let name = data.display().to_string();
        let io_error = |error: io::Error| LockError::Io {
            file: name.clone(),
            error: Arc::new(error),
        };
        let created = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path);
        let (mut file, was_there) = match created {
            Ok(file) => (file, false),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => (
                OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(&path)
                    .map_err(io_error)?,
                true,
            ),
            Err(error) => return Err(io_error(error)),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    file: name,
                    owner: read_owner(&mut file),
                });
            }
            Err(TryLockError::Error(error)) => return Err(io_error(error)),
        }
        if was_there {
            let owner = read_owner(&mut file);
            let me = LockOwner::me();
            let other_pc = owner.as_ref().is_some_and(|o| o.host != me.host);
            if other_pc && fresh(&file) {
                let _ = file.unlock();
                return Err(LockError::Held { file: name, owner });
            }
            let mine = owner
                .as_ref()
                .is_some_and(|o| o.host == me.host && o.pid == me.pid);
            if !take_over_stale && !mine && owner.is_some() {
                let _ = file.unlock();
                return Err(LockError::Stale { file: name, owner });
            }
        }
        let lock = Self { path, file };
        lock.write_owner().map_err(io_error)?;
        Ok(lock)
    }

    fn write_owner(&self) -> io::Result<()> {
        let mut file = &self.file;
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(
            ron::to_string(&LockOwner::me())
                .unwrap_or_default()
                .as_bytes(),
        )?;
        file.sync_all()
    }

    /// Refreshes the time stamp so other PCs see the lock is alive; call it
    /// every [`REFRESH_EVERY`].
    pub fn refresh(&self) -> Result<(), super::WriteFailed> {
        self.file
            .set_modified(SystemTime::now())
            .map_err(|error| super::WriteFailed::new(&self.path, error))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Remove the file first so nobody sees an unlocked, stale lock.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kernel's own record of the name, which no environment variable
    /// can change (the old code read HOSTNAME or /etc/hostname, which macOS
    /// lacks, so every Mac was "this computer").
    #[cfg(target_os = "linux")]
    #[test]
    fn the_host_name_is_the_one_the_kernel_knows() {
        let kernel = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
        assert_eq!(LockOwner::me().host, kernel.trim());
    }

    #[test]
    fn a_second_lock_in_the_same_process_is_refused_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("anna.ron");
        let lock = EditLock::acquire(&data).unwrap();
        assert!(lock.path().ends_with("anna.ron.lock"));
        match EditLock::acquire(&data) {
            Err(LockError::Held {
                owner: Some(owner), ..
            }) => {
                assert_eq!(owner.pid, std::process::id());
            }
            other => panic!("expected held, got {other:?}"),
        }
        drop(lock);
        assert!(!lock_path(&data).exists());
        let again = EditLock::acquire(&data).unwrap();
        drop(again);
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_stale_and_can_be_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("ben.ron");
        let ghost = LockOwner {
            pid: u32::MAX,
            ..LockOwner::me()
        };
        std::fs::write(lock_path(&data), ron::to_string(&ghost).unwrap()).unwrap();
        match EditLock::acquire(&data) {
            Err(LockError::Stale {
                owner: Some(owner), ..
            }) => assert_eq!(owner.pid, u32::MAX),
            other => panic!("expected stale, got {other:?}"),
        }
        let lock = EditLock::take_over(&data).unwrap();
        let text = std::fs::read_to_string(lock.path()).unwrap();
        let owner: LockOwner = ron::from_str(&text).unwrap();
        assert_eq!(owner.pid, std::process::id());
    }

    #[test]
    fn a_fresh_lock_from_another_pc_counts_as_held() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("carl.ron");
        let remote = LockOwner {
            host: "other-pc-on-the-share".to_string(),
            ..LockOwner::me()
        };
        std::fs::write(lock_path(&data), ron::to_string(&remote).unwrap()).unwrap();
        assert!(matches!(
            EditLock::take_over(&data),
            Err(LockError::Held { .. })
        ));
        // Once it has not been refreshed for a while, it is stale.
        let old = SystemTime::now() - STALE_AFTER - Duration::from_secs(1);
        File::options()
            .write(true)
            .open(lock_path(&data))
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert!(matches!(
            EditLock::acquire(&data),
            Err(LockError::Stale { .. })
        ));
        assert!(EditLock::take_over(&data).is_ok());
    }
}
