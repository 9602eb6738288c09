//! Files on disk: programs, templates, custom exercises, pictures and
//! settings, read with located errors and written atomically.
//!
//! Every file workflow the window and the command line share is one call
//! here: open a program for editing, save it to a target, save a custom
//! exercise with its picture, start a program from a template.

pub mod atomic;
mod exercises;
mod folders;
pub mod locate;
pub mod lock;
pub mod naming;
pub mod pictures;
mod programs;
pub mod recovery;
pub mod ron_file;
mod settings;
mod templates;
pub mod versions;

pub use atomic::{WriteFailed, write_atomic, write_file};
pub use folders::{Folders, HOME_VARIABLE};
pub use pictures::{Picture, PictureFormat, PictureProblem, find_picture};
pub use programs::{
    FileStamp, OpenError, Opened, PackError, Packed, SaveError, Saved, Target, backup_path,
    for_saving,
};
pub use ron_file::{FileProblem, Kind, read_exercise, read_program, read_text, sniff, to_ron};
pub use settings::{
    HandoutLayout, Paper, PrintChoices, PrintParts, Settings, ThemeChoice, UsualDose, WindowSize,
};
pub use templates::{Template, TemplateError, new_program};
pub use versions::{Compared, Version};

use crate::program::Program;
use chrono::{DateTime, Local};
use std::fs;
use std::path::{Path, PathBuf};

/// A saved program, as the Open sheet lists it.
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
    pub fn save_settings(&self, settings: &Settings) -> Result<(), WriteFailed> {
        let path = &self.folders.settings;
        if path.exists() && self.load_settings().1.is_some() {
            let broken = path.with_extension("ron.broken");
            fs::copy(path, &broken).map_err(|error| WriteFailed::new(&broken, error))?;
        }
        write_file(path, to_ron(settings).as_bytes())
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
