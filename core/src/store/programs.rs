//! Program files: opening one with its edit lock, and saving to wherever
//! the therapist asked (the program's own file, another file, or a new
//! file in the programs folder), never over someone else's changes.
//!
//! Each of these is one call that both the window and the command line
//! use, so the rules (lock first, check the stamp, keep a backup, write
//! atomically) live in one place.

use super::lock::{EditLock, LockError};
use super::pictures::carry_pictures;
use super::ron_file::{FileProblem, read_program, read_text, to_ron};
use super::{Store, WriteFailed, naming, versions, write_atomic, write_file};
use crate::library::Library;
use crate::program::Program;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a file held when it was opened or last saved, to notice when
/// someone else (an editor, another PC on a shared folder) changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    length: u64,
    digest: u64,
}

impl FileStamp {
    /// The stamp of some content.
    pub fn of(bytes: &[u8]) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Self {
            length: bytes.len() as u64,
            digest: hasher.finish(),
        }
    }

    /// The stamp of a file on disk, `None` if it does not exist.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Self::of(&bytes))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }
}

/// Why a program was not saved; the file on disk is as it was.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since it was opened; saving would lose
    /// someone else's work.
    #[error("{} was changed by someone else since you opened it", .0.display())]
    ChangedOnDisk(PathBuf),
    /// Another copy of ptbuilder has the file open.
    #[error("{0}")]
    Locked(LockError),
    /// The disk refused the write.
    #[error(transparent)]
    Io(#[from] WriteFailed),
}

impl SaveError {
    fn io(file: &Path, error: io::Error) -> Self {
        Self::Io(WriteFailed::new(file, error))
    }
}

/// Why a program could not be opened.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpenError {
    /// Another copy of ptbuilder has it open, or left it locked.
    #[error("{0}")]
    Locked(LockError),
    /// The file cannot be read or has mistakes, one line per problem.
    #[error("{}", lines(.0))]
    Read(Vec<FileProblem>),
}

fn lines(problems: &[FileProblem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// Where a save goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The program's own file, whose lock the caller holds. `stamp` is what
    /// the file held when it was opened or last saved: the save is refused
    /// if the file changed since. `None` replaces whatever is there (the
    /// therapist chose to save over someone else's changes).
    Own {
        /// The file.
        path: PathBuf,
        /// What it held, to detect changes made elsewhere.
        stamp: Option<FileStamp>,
    },
    /// Another file (Save as): its lock is taken, and an existing file is
    /// replaced, keeping the old one as a backup.
    Other(PathBuf),
    /// A new file in the programs folder, named after the patient and title.
    New,
}

impl Target {
    /// Where Save goes for a program whose file is `own` (none if never
    /// saved), opened or last saved as `stamp`, when the therapist chose
    /// `chosen` (Save as) or nothing (Save).
    pub fn choose(chosen: Option<PathBuf>, own: Option<&Path>, stamp: Option<FileStamp>) -> Self {
        match (chosen, own) {
            (Some(path), Some(own)) if path == own => Self::Own { path, stamp },
            (Some(path), _) => Self::Other(path),
            (None, Some(own)) => Self::Own {
                path: own.to_path_buf(),
                stamp,
            },
            (None, None) => Self::New,
        }
    }
}

/// A program written to disk.
#[derive(Debug)]
pub struct Saved {
    /// The file it went to.
    pub path: PathBuf,
    /// What the file holds now.
    pub stamp: FileStamp,
    /// The file's edit lock, when this save took it (a new file).
    pub lock: Option<EditLock>,
    /// Pictures that could not be carried in the file, in words.
    pub problems: Vec<String>,
}

/// A program read from disk, with what is needed to save it back safely.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The program.
    pub program: Program,
    /// Problems that do not block use.
    pub warnings: Vec<FileProblem>,
    /// The file as it was read.
    pub stamp: FileStamp,
}

/// The program as its file keeps it: with copies of the custom exercises
/// it uses, and of their pictures (from `pictures`, or the copies it
/// already carries), so it prints the same handout on any PC. Also
/// returns what could not be carried.
pub fn for_saving(
    program: &Program,
    library: &Library,
    pictures: &[PathBuf],
) -> (Program, Vec<String>) {
    let mut program = program.clone();
    program.embed_custom_exercises(library);
    let problems = carry_pictures(&mut program, pictures);
    (program, problems)
}

/// A self-contained copy of a program, written by [`Store::pack`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    /// Custom exercises it carries.
    pub exercises: usize,
    /// Pictures it carries.
    pub pictures: usize,
    /// The copy's size in bytes.
    pub bytes: u64,
    /// Pictures that could not be carried, in words.
    pub problems: Vec<String>,
}

/// Why a program could not be packed; nothing was written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PackError {
    /// The program cannot be read, one line per problem.
    #[error("{}", lines(.0))]
    Read(Vec<FileProblem>),
    /// The copy could not be written.
    #[error(transparent)]
    Write(#[from] WriteFailed),
}

/// The backup of `path`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

impl Store {
    /// Where a program never saved before goes: the programs folder, named
    /// after the patient and title, never replacing another file.
    pub fn new_program_path(&self, program: &Program) -> PathBuf {
        naming::unused_path(&self.folders().programs, &naming::file_stem(program), "ron")
    }

    /// Reads and checks a program file.
    pub fn load_program(
        &self,
        path: &Path,
        library: &Library,
    ) -> Result<(Program, Vec<FileProblem>), Vec<FileProblem>> {
        let text = read_text(path).map_err(|p| vec![p])?;
        read_program(&text, &path.display().to_string(), library)
    }

    /// Reads and checks a program file, remembering its content so a later
    /// save can tell whether someone else changed it.
    pub fn open_program(&self, path: &Path, library: &Library) -> Result<Opened, Vec<FileProblem>> {
        let text = read_text(path).map_err(|p| vec![p])?;
        let (program, warnings) = read_program(&text, &path.display().to_string(), library)?;
        Ok(Opened {
            program,
            warnings,
            stamp: FileStamp::of(text.as_bytes()),
        })
    }

    /// Opens a program for editing: takes its edit lock (or, with
    /// `take_over`, a lock left behind by a copy of ptbuilder that is gone),
    /// then reads and checks it. The lock is released if the file cannot
    /// be used.
    pub fn open_for_editing(
        &self,
        path: &Path,
        library: &Library,
        take_over: bool,
    ) -> Result<(Opened, EditLock), OpenError> {
        let lock = if take_over {
            EditLock::take_over(path)
        } else {
            EditLock::acquire(path)
        }
        .map_err(OpenError::Locked)?;
        let opened = self.open_program(path, library).map_err(OpenError::Read)?;
        Ok((opened, lock))
    }

    /// Writes a program as it is, with copies of the custom exercises it
    /// uses and their pictures from `pictures`; for files nobody has open
    /// (a new file from the command line, a packed copy). Returns what
    /// could not be carried.
    pub fn save_program(
        &self,
        path: &Path,
        program: &Program,
        library: &Library,
        pictures: &[PathBuf],
    ) -> Result<Vec<String>, WriteFailed> {
        let (program, problems) = for_saving(program, library, pictures);
        write_file(path, to_ron(&program).as_bytes())?;
        Ok(problems)
    }

    /// Writes a copy of the program in `from` to `to` that carries its
    /// custom exercises and their pictures (from `pictures`, or the copies
    /// it already carries), atomically; `from` is only read. Returns what
    /// the copy holds, and warnings for pictures it could not carry.
    pub fn pack(
        &self,
        from: &Path,
        to: &Path,
        library: &Library,
        pictures: &[PathBuf],
    ) -> Result<(Packed, Vec<FileProblem>), PackError> {
        let (program, warnings) = self.load_program(from, library).map_err(PackError::Read)?;
        let (packed, problems) = for_saving(&program, library, pictures);
        let text = to_ron(&packed);
        write_file(to, text.as_bytes())?;
        let summary = Packed {
            exercises: packed.exercises.len(),
            pictures: packed.pictures.len(),
            bytes: text.len() as u64,
            problems,
        };
        Ok((summary, warnings))
    }

    /// Saves a program to `target`: takes the lock of a file it has not
    /// saved to before, refuses when the program's own file changed on
    /// disk since `stamp`, keeps the previous version as `<file>.bak` and
    /// in its versions folder, and writes atomically.
    pub fn save_to(
        &self,
        target: Target,
        program: &Program,
        library: &Library,
        pictures: &[PathBuf],
    ) -> Result<Saved, SaveError> {
        let (path, stamp, lock) = match target {
            Target::Own { path, stamp } => (path, stamp, None),
            Target::Other(path) => {
                let lock = self.lock_new_file(&path)?;
                (path, None, Some(lock))
            }
            Target::New => {
                let path = self.new_program_path(program);
                let lock = self.lock_new_file(&path)?;
                (path, None, Some(lock))
            }
        };
        let (program, problems) = for_saving(program, library, pictures);
        let stamp = self.save_program_safely(&path, &program, stamp)?;
        Ok(Saved {
            path,
            stamp,
            lock,
            problems,
        })
    }

    /// Makes the folder of a file about to be written, and takes its lock.
    fn lock_new_file(&self, path: &Path) -> Result<EditLock, SaveError> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(folder).map_err(|error| SaveError::io(folder, error))?;
        }
        EditLock::acquire(path).map_err(SaveError::Locked)
    }

    /// Saves a program, as [`for_saving`] made it, safely: refuses when
    /// the file changed on disk since it was opened (`opened`; pass `None`
    /// to replace whatever is there, e.g. after the user confirmed), keeps
    /// the previous version as `<file>.bak`, and writes atomically. Returns
    /// the new stamp.
    pub fn save_program_safely(
        &self,
        path: &Path,
        program: &Program,
        opened: Option<FileStamp>,
    ) -> Result<FileStamp, SaveError> {
        let old = match fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(SaveError::io(path, error)),
        };
        if let (Some(old), Some(expected)) = (&old, opened)
            && FileStamp::of(old) != expected
        {
            return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
        }
        let text = to_ron(program);
        if old.as_deref() == Some(text.as_bytes()) {
            return Ok(FileStamp::of(text.as_bytes()));
        }
        if let Some(old) = &old {
            write_atomic(&backup_path(path), old).map_err(|error| SaveError::io(path, error))?;
        }
        write_atomic(path, text.as_bytes()).map_err(|error| SaveError::io(path, error))?;
        // The version is kept after the save, not before: the backup above
        // already holds the old program, so the save itself is no slower.
        // Best effort: the program is saved and its backup written, so a
        // version folder that cannot be written must not fail the save.
        if let Some(old) = &old {
            let now = chrono::Local::now().naive_local();
            let _ = versions::keep(path, old, now);
        }
        Ok(FileStamp::of(text.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn program(title: &str) -> Program {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
        program.title = title.into();
        program
    }

    #[test]
    fn saving_keeps_the_previous_version_and_refuses_a_file_changed_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let library = Library::builtin();
        let path = dir.path().join("emil.ron");

        let first = store
            .save_program_safely(&path, &program("First"), None)
            .unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        let opened = store.open_program(&path, library).unwrap();
        assert_eq!(opened.stamp, first);
        assert_eq!(opened.program.title, "First");

        let second = store
            .save_program_safely(&path, &program("Second"), Some(first))
            .unwrap();
        let backup = store.open_program(&backup_path(&path), library).unwrap();
        assert_eq!(backup.program.title, "First");
        let kept = versions::list(&path);
        assert_eq!(kept.len(), 1, "the first version is kept in .history");
        let version = store.open_program(&kept[0].path, library).unwrap();
        assert_eq!(version.program.title, "First");

        // Someone edits the file on another PC.
        let theirs = fs::read_to_string(&path)
            .unwrap()
            .replace("Second", "Theirs");
        fs::write(&path, &theirs).unwrap();
        let refused = store.save_program_safely(&path, &program("Mine"), Some(second));
        assert!(
            matches!(refused, Err(SaveError::ChangedOnDisk(_))),
            "{refused:?}"
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            theirs,
            "their work is untouched"
        );

        // After the user chooses to replace it, the save goes through.
        store
            .save_program_safely(&path, &program("Mine"), None)
            .unwrap();
        assert_eq!(
            store.open_program(&path, library).unwrap().program.title,
            "Mine"
        );
        assert_eq!(
            store
                .open_program(&backup_path(&path), library)
                .unwrap()
                .program
                .title,
            "Theirs"
        );
    }

    #[test]
    fn a_program_that_cannot_be_written_leaves_the_old_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let path = dir.path().join("missing-folder-is-a-file").join("x.ron");
        fs::write(dir.path().join("missing-folder-is-a-file"), "not a folder").unwrap();
        let result = store.save_program_safely(&path, &program("X"), None);
        assert!(matches!(result, Err(SaveError::Io(_))));
        assert_eq!(
            fs::read_to_string(dir.path().join("missing-folder-is-a-file")).unwrap(),
            "not a folder"
        );
    }

    #[test]
    fn a_new_program_gets_its_own_file_and_lock_and_never_replaces_another() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let library = Library::builtin();
        let mut mine = program("Knee");
        mine.patient = Some(crate::program::Patient {
            name: "Ada Vance".into(),
            identifier: String::new(),
        });
        let first = store.save_to(Target::New, &mine, library, &[]).unwrap();
        assert_eq!(
            first.path,
            dir.path().join("programs").join("Ada Vance - Knee.ron")
        );
        assert!(first.lock.is_some(), "the new file is locked for editing");
        let second = store.save_to(Target::New, &mine, library, &[]).unwrap();
        assert_eq!(
            second.path,
            dir.path().join("programs").join("Ada Vance - Knee (2).ron")
        );
    }

    #[test]
    fn save_goes_to_the_own_file_unless_another_is_chosen() {
        let own = PathBuf::from("/clinic/ann.ron");
        let stamp = Some(FileStamp::of(b"before"));
        assert_eq!(Target::choose(None, None, None), Target::New);
        assert_eq!(
            Target::choose(None, Some(&own), stamp),
            Target::Own {
                path: own.clone(),
                stamp
            }
        );
        assert_eq!(
            Target::choose(Some(own.clone()), Some(&own), stamp),
            Target::Own {
                path: own.clone(),
                stamp
            }
        );
        let other = PathBuf::from("/clinic/ann-2.ron");
        assert_eq!(
            Target::choose(Some(other.clone()), Some(&own), stamp),
            Target::Other(other)
        );
    }

    #[test]
    fn save_as_refuses_a_file_someone_else_has_open() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let path = dir.path().join("shared.ron");
        let _theirs = EditLock::acquire(&path).unwrap();
        let result = store.save_to(
            Target::Other(path.clone()),
            &program("Mine"),
            Library::builtin(),
            &[],
        );
        assert!(matches!(result, Err(SaveError::Locked(_))), "{result:?}");
        assert!(!path.exists(), "nothing was written");
    }

    #[test]
    fn opening_for_editing_takes_the_lock_and_a_second_open_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let library = Library::builtin();
        let path = dir.path().join("bo.ron");
        store
            .save_program(&path, &program("Shoulder"), library, &[])
            .unwrap();
        let (opened, _lock) = store.open_for_editing(&path, library, false).unwrap();
        assert_eq!(opened.program.title, "Shoulder");
        let again = store.open_for_editing(&path, library, false);
        assert!(matches!(again, Err(OpenError::Locked(_))), "{again:?}");
    }
}
