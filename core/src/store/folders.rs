//! Where ptbuilder keeps its files: the platform's folders from
//! `directories`, or everything under `PTBUILDER_HOME` when that is set
//! (tests, portable installs on a USB stick).

use std::path::{Path, PathBuf};

/// The environment variable that replaces the platform folders.
pub const HOME_VARIABLE: &str = "PTBUILDER_HOME";

/// The folders ptbuilder reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// Saved programs.
    pub programs: PathBuf,
    /// The therapist's own templates.
    pub templates: PathBuf,
    /// The therapist's own exercises.
    pub exercises: PathBuf,
    /// Pictures for custom exercises and the clinic logo.
    pub pictures: PathBuf,
    /// Autosaved work, for recovery after a crash.
    pub recovery: PathBuf,
    /// The settings file.
    pub settings: PathBuf,
}

impl Folders {
    /// Everything under one root folder.
    pub fn under(root: &Path) -> Self {
        Self::split(root, root)
    }

    fn split(config: &Path, data: &Path) -> Self {
        Self {
            programs: data.join("programs"),
            templates: data.join("templates"),
            exercises: data.join("exercises"),
            pictures: data.join("pictures"),
            recovery: data.join("recovery"),
            settings: config.join("settings.ron"),
        }
    }

    /// `PTBUILDER_HOME` if set, else the platform's folders; `None` when the
    /// platform has no home folder to offer.
    pub fn from_environment() -> Option<Self> {
        if let Some(root) = std::env::var_os(HOME_VARIABLE).filter(|v| !v.is_empty()) {
            return Some(Self::under(Path::new(&root)));
        }
        let dirs = directories::ProjectDirs::from("org", "ptbuilder", "ptbuilder")?;
        Some(Self::split(dirs.config_dir(), dirs.data_dir()))
    }

    /// The templates and exercises folders inside a shared clinic folder.
    pub fn shared(root: &Path) -> (PathBuf, PathBuf) {
        (root.join("templates"), root.join("exercises"))
    }
}
