//! Files on disk: programs, templates, custom exercises and settings, read
//! with located errors and written atomically.

pub mod atomic;
mod folders;
pub mod locate;
pub mod lock;
pub mod naming;
pub mod pictures;
pub mod recovery;
pub mod ron_file;
mod settings;

pub use atomic::write_atomic;
pub use folders::{Folders, HOME_VARIABLE};
pub use pictures::{Picture, PictureFormat, PictureProblem, find_picture};
pub use ron_file::{FileProblem, Kind, read_exercise, read_program, read_text, sniff, to_ron};
pub use settings::{Paper, Settings, ThemeChoice};

use crate::library::{Exercise, ExerciseId, Library, Source};
use crate::program::Program;
use chrono::{DateTime, Local};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A template the therapist can start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The file stem, used on the command line (`--template desk-posture`).
    pub id: String,
    /// Where it comes from.
    pub source: Source,
    /// The template itself.
    pub program: Program,
}

/// A saved program, as the Open browser lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSummary {
    /// The file.
    pub path: PathBuf,
    /// Program title.
    pub title: String,
    /// Patient name, empty for templates.
    pub patient: String,
    /// When the program was created.
    pub created: chrono::NaiveDate,
    /// When the file was last written.
    pub modified: Option<DateTime<Local>>,
}

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

/// Why a program was not saved.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since it was opened; saving would lose
    /// someone else's work.
    #[error("{0} was changed by someone else since you opened it")]
    ChangedOnDisk(String),
    /// The disk refused the write; the old file is untouched.
    #[error("cannot save {file}: {error}")]
    Io {
        /// The file.
        file: String,
        /// What went wrong.
        error: Arc<io::Error>,
    },
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

/// The backup of `path`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Access to every file ptbuilder keeps.
#[derive(Debug, Clone)]
pub struct Store {
    folders: Folders,
}

fn ron_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Store {
    /// The store for this user: `PTBUILDER_HOME` or the platform folders.
    pub fn from_environment() -> Option<Self> {
        Folders::from_environment().map(|folders| Self { folders })
    }

    /// A store with everything under `root`.
    pub fn at(root: &Path) -> Self {
        Self {
            folders: Folders::under(root),
        }
    }

    /// The folders in use.
    pub fn folders(&self) -> &Folders {
        &self.folders
    }

    /// Folders searched for pictures that are not shipped illustrations:
    /// the therapist's pictures folder, then the clinic's.
    pub fn picture_folders(&self, settings: &Settings) -> Vec<PathBuf> {
        let mut folders = vec![self.folders.pictures.clone()];
        if let Some(shared) = &settings.shared_folder {
            folders.push(shared.join("pictures"));
        }
        folders
    }

    /// The settings, or defaults with a problem when the file is broken.
    /// A broken file is left alone until the therapist saves settings.
    pub fn load_settings(&self) -> (Settings, Option<FileProblem>) {
        let path = &self.folders.settings;
        if !path.exists() {
            return (Settings::default(), None);
        }
        let file = path.display().to_string();
        let parsed = read_text(path).and_then(|text| {
            ron_file::options()
                .from_str::<Settings>(&text)
                .map_err(|error| {
                    let mut problem = FileProblem::from_ron(&file, &error);
                    problem
                        .message
                        .push_str(" (using default settings for now)");
                    problem
                })
        });
        match parsed {
            Ok(settings) => (settings, None),
            Err(problem) => (Settings::default(), Some(problem)),
        }
    }

    /// Saves the settings; a broken settings file is kept as `.broken`.
    pub fn save_settings(&self, settings: &Settings) -> io::Result<()> {
        let path = &self.folders.settings;
        if path.exists() && self.load_settings().1.is_some() {
            fs::copy(path, path.with_extension("ron.broken"))?;
        }
        write_atomic(path, to_ron(settings).as_bytes())
    }

    /// The shipped library plus the therapist's and the clinic's exercises;
    /// files that cannot be read are reported and skipped.
    pub fn library(&self, settings: &Settings) -> (Library, Vec<FileProblem>) {
        let mut library = Library::builtin().clone();
        let mut problems = Vec::new();
        let mut folders = vec![(self.folders.exercises.clone(), Source::User)];
        if let Some(shared) = &settings.shared_folder {
            folders.insert(0, (Folders::shared(shared).1, Source::Clinic));
        }
        for (folder, source) in folders {
            for path in ron_files(&folder) {
                let file = path.display().to_string();
                let exercise = read_text(&path)
                    .map_err(|p| vec![p])
                    .and_then(|text| read_exercise(&text, &file));
                match exercise {
                    Ok(exercise) if library.is_builtin(&exercise.id) => {
                        problems.push(FileProblem::whole(
                            &file,
                            format!(
                                "id {:?} belongs to a built-in exercise, so this file is skipped; give it its own id",
                                exercise.id.as_str()
                            ),
                        ));
                    }
                    Ok(exercise) => library.insert(exercise, source),
                    Err(found) => problems.extend(found),
                }
            }
        }
        (library, problems)
    }

    /// The file a custom exercise is kept in.
    pub fn exercise_path(&self, id: &ExerciseId) -> PathBuf {
        self.folders.exercises.join(format!("{id}.ron"))
    }

    /// Saves one of the therapist's exercises.
    pub fn save_exercise(&self, exercise: &Exercise) -> io::Result<PathBuf> {
        let path = self.exercise_path(&exercise.id);
        write_atomic(&path, to_ron(exercise).as_bytes())?;
        Ok(path)
    }

    /// Deletes one of the therapist's exercises.
    pub fn delete_exercise(&self, id: &ExerciseId) -> io::Result<()> {
        fs::remove_file(self.exercise_path(id))
    }

    /// Shipped templates, the clinic's and the therapist's own.
    pub fn templates(
        &self,
        settings: &Settings,
        library: &Library,
    ) -> (Vec<Template>, Vec<FileProblem>) {
        let mut templates = Vec::new();
        let mut problems = Vec::new();
        for (name, bytes) in crate::assets::template_files() {
            let file = format!("programs/{name}");
            match read_program(&String::from_utf8_lossy(bytes), &file, library) {
                Ok((program, _)) => templates.push(Template {
                    id: stem(Path::new(name)),
                    source: Source::BuiltIn,
                    program,
                }),
                Err(found) => problems.extend(found),
            }
        }
        let mut folders = vec![(self.folders.templates.clone(), Source::User)];
        if let Some(shared) = &settings.shared_folder {
            folders.push((Folders::shared(shared).0, Source::Clinic));
        }
        for (folder, source) in folders {
            for path in ron_files(&folder) {
                match self.load_program(&path, library) {
                    Ok((program, _)) => templates.push(Template {
                        id: stem(&path),
                        source,
                        program,
                    }),
                    Err(found) => problems.extend(found),
                }
            }
        }
        (templates, problems)
    }

    /// Saves `program` as one of the therapist's templates; returns its path.
    pub fn save_template(&self, program: &Program, library: &Library) -> io::Result<PathBuf> {
        let mut template = program.to_template(Local::now().date_naive());
        template.embed_custom_exercises(library);
        let id = ExerciseId::from_name(&template.title);
        let path = self.folders.templates.join(format!("{id}.ron"));
        write_atomic(&path, to_ron(&template).as_bytes())?;
        Ok(path)
    }

    /// Where a program never saved before goes: the programs folder, named
    /// after the patient and title, never replacing another file.
    pub fn new_program_path(&self, program: &Program) -> PathBuf {
        naming::unused_path(&self.folders.programs, &naming::file_stem(program), "ron")
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

    /// Writes a program, with copies of the custom exercises it uses.
    pub fn save_program(
        &self,
        path: &Path,
        program: &Program,
        library: &Library,
    ) -> io::Result<()> {
        let mut program = program.clone();
        program.embed_custom_exercises(library);
        write_atomic(path, to_ron(&program).as_bytes())
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

    /// Saves a program safely: refuses when the file changed on disk since
    /// it was opened (`opened`; pass `None` to replace whatever is there,
    /// e.g. after the user confirmed), keeps the previous version as
    /// `<file>.bak`, and writes atomically. Returns the new stamp.
    pub fn save_program_safely(
        &self,
        path: &Path,
        program: &Program,
        library: &Library,
        opened: Option<FileStamp>,
    ) -> Result<FileStamp, SaveError> {
        let file = path.display().to_string();
        let io_error = |error: io::Error| SaveError::Io {
            file: file.clone(),
            error: Arc::new(error),
        };
        let old = match fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(io_error(error)),
        };
        if let (Some(old), Some(expected)) = (&old, opened)
            && FileStamp::of(old) != expected
        {
            return Err(SaveError::ChangedOnDisk(file));
        }
        let mut program = program.clone();
        program.embed_custom_exercises(library);
        let text = to_ron(&program);
        if old.as_deref() == Some(text.as_bytes()) {
            return Ok(FileStamp::of(text.as_bytes()));
        }
        if let Some(old) = &old {
            write_atomic(&backup_path(path), old).map_err(io_error)?;
        }
        write_atomic(path, text.as_bytes()).map_err(io_error)?;
        Ok(FileStamp::of(text.as_bytes()))
    }

    /// Programs in the programs folder and the recent list, newest first.
    pub fn list_programs(&self, settings: &Settings) -> Vec<ProgramSummary> {
        let mut paths = ron_files(&self.folders.programs);
        for recent in &settings.recent {
            if !paths.contains(recent) && recent.exists() {
                paths.push(recent.clone());
            }
        }
        let mut summaries: Vec<ProgramSummary> = paths
            .into_iter()
            .filter_map(|path| {
                let text = read_text(&path).ok()?;
                let program: Program = ron_file::options().from_str(&text).ok()?;
                let modified = fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .ok()
                    .map(DateTime::<Local>::from);
                Some(ProgramSummary {
                    title: program.title,
                    patient: program.patient.map(|p| p.name).unwrap_or_default(),
                    created: program.created,
                    modified,
                    path,
                })
            })
            .collect();
        summaries.sort_by(|a, b| b.modified.cmp(&a.modified).then(b.created.cmp(&a.created)));
        summaries
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
            .save_program_safely(&path, &program("First"), library, None)
            .unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        let opened = store.open_program(&path, library).unwrap();
        assert_eq!(opened.stamp, first);
        assert_eq!(opened.program.title, "First");

        let second = store
            .save_program_safely(&path, &program("Second"), library, Some(first))
            .unwrap();
        let backup = store.open_program(&backup_path(&path), library).unwrap();
        assert_eq!(backup.program.title, "First");

        // Someone edits the file on another PC.
        let theirs = fs::read_to_string(&path)
            .unwrap()
            .replace("Second", "Theirs");
        fs::write(&path, &theirs).unwrap();
        let refused = store.save_program_safely(&path, &program("Mine"), library, Some(second));
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
            .save_program_safely(&path, &program("Mine"), library, None)
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
        let result = store.save_program_safely(&path, &program("X"), Library::builtin(), None);
        assert!(matches!(result, Err(SaveError::Io { .. })));
        assert_eq!(
            fs::read_to_string(dir.path().join("missing-folder-is-a-file")).unwrap(),
            "not a folder"
        );
    }
}
