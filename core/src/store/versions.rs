//! Earlier versions of a program: every save over a program keeps what the
//! file held before in `.history/<file stem>/<YYYY-MM-DD_HHMMSS>.ron`
//! beside it, so a returning patient's last program is never lost.
//!
//! The folder sits beside the program (not in one central place) so a
//! program on a shared clinic folder keeps its versions where every PC of
//! the clinic sees them. Only the newest [`KEEP`] are kept: a program
//! saved every visit for a year stays well under that, and the folder
//! cannot grow without bound. Names sort by time; two saves within one
//! second get `-2`, `-3` … so neither is lost.

use super::Store;
use super::atomic::write_atomic;
use crate::library::Library;
use crate::program::Program;
use crate::program::changes::{Dated, changes};
use chrono::{NaiveDateTime, Timelike};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many earlier versions of a program are kept.
pub const KEEP: usize = 50;

/// The folder of hidden version folders beside programs.
const FOLDER: &str = ".history";

/// How the time is written into a version's file name.
const STAMP: &str = "%Y-%m-%d_%H%M%S";

/// One earlier version of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The version's file.
    pub path: PathBuf,
    /// When it was replaced by a newer save (local time).
    pub saved: NaiveDateTime,
    /// Which of several versions from the same second (1 for the first).
    pub order: u32,
}

impl Version {
    /// "2 Mar 2026, 14:05", for lists.
    pub fn label(&self) -> String {
        self.saved.format("%-d %b %Y, %H:%M").to_string()
    }

    /// Reads a version's name ("2026-03-02_140500" or "…-2"), `None` for a
    /// file that is not a version.
    fn parse(path: &Path) -> Option<Self> {
        if path.extension()? != "ron" {
            return None;
        }
        let stem = path.file_stem()?.to_str()?;
        let (time, order) = match stem.rsplit_once('-') {
            Some((time, n)) if time.len() == 17 => (time, n.parse().ok()?),
            _ => (stem, 1),
        };
        let saved = NaiveDateTime::parse_from_str(time, STAMP).ok()?;
        Some(Self {
            path: path.to_path_buf(),
            saved,
            order,
        })
    }
}

/// The folder holding the versions of the program in `path`.
pub fn folder_of(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default();
    let parent = path.parent().unwrap_or(Path::new(""));
    parent.join(FOLDER).join(stem)
}

/// The earlier versions of the program in `path`, newest first. A missing
/// or unreadable folder means no versions.
pub fn list(path: &Path) -> Vec<Version> {
    let mut versions: Vec<Version> = fs::read_dir(folder_of(path))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| Version::parse(&entry.path()))
                .collect()
        })
        .unwrap_or_default();
    versions.sort_by_key(|v| std::cmp::Reverse((v.saved, v.order)));
    versions
}

/// Keeps `old` (what the program's file held before a save at `now`) as a
/// version, atomically, then deletes the oldest beyond [`KEEP`].
pub fn keep(path: &Path, old: &[u8], now: NaiveDateTime) -> io::Result<PathBuf> {
    let folder = folder_of(path);
    let now = now.with_nanosecond(0).unwrap_or(now);
    let time = now.format(STAMP).to_string();
    let mut order = 1;
    let mut file = folder.join(format!("{time}.ron"));
    while file.exists() {
        order += 1;
        file = folder.join(format!("{time}-{order}.ron"));
    }
    write_atomic(&file, old)?;
    for stale in list(path).into_iter().skip(KEEP) {
        // Best effort: a version that cannot be deleted costs only space.
        let _ = fs::remove_file(stale.path);
    }
    Ok(file)
}

impl Store {
    /// What changed, in plain lines, since the newest earlier version of
    /// the program in `path` that a patient would find different from
    /// `program`, with that version; `None` when there is none (a new
    /// program, or only unreadable or identical versions).
    pub fn changes_since_last_version(
        &self,
        path: &Path,
        program: &Program,
        library: &Library,
    ) -> Option<(Version, Vec<String>)> {
        list(path).into_iter().find_map(|version| {
            let (old, _) = self.load_program(&version.path, library).ok()?;
            let lines = changes(&old, program, library);
            (!lines.is_empty()).then_some((version, lines))
        })
    }
}

/// An earlier version with what changed from it to the program as saved now.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    /// The version.
    pub version: Version,
    /// What changed since it, in plain lines; empty when a patient would
    /// see no difference (or the version cannot be read, see `problem`).
    pub lines: Vec<String>,
    /// Why the version cannot be read, if it cannot.
    pub problem: Option<String>,
}

impl Store {
    /// The earlier versions of the program in `path`, newest first, each
    /// compared with the program as the file holds it now.
    pub fn compare_versions(&self, path: &Path, library: &Library) -> Vec<Compared> {
        let current = self.load_program(path, library).ok().map(|(p, _)| p);
        list(path)
            .into_iter()
            .map(|version| match self.load_program(&version.path, library) {
                Ok((old, _)) => Compared {
                    lines: current
                        .as_ref()
                        .map(|now| changes(&old, now, library))
                        .unwrap_or_default(),
                    version,
                    problem: None,
                },
                Err(problems) => Compared {
                    version,
                    lines: Vec::new(),
                    problem: problems.first().map(|p| p.message.clone()),
                },
            })
            .collect()
    }

    /// What changed in the program in `path` over its saved versions,
    /// oldest first, each dated by the day the changed program was saved;
    /// `program` is the newest. Versions that cannot be read are skipped.
    pub fn changes_over_time(
        &self,
        path: &Path,
        program: &Program,
        library: &Library,
    ) -> Vec<Dated> {
        let versions: Vec<(Version, Program)> = list(path)
            .into_iter()
            .rev()
            .filter_map(|version| {
                let (old, _) = self.load_program(&version.path, library).ok()?;
                Some((version, old))
            })
            .collect();
        let mut dated = Vec::new();
        // A version is dated when the program that replaced it was saved.
        for (n, (version, old)) in versions.iter().enumerate() {
            let newer = versions.get(n + 1).map_or(program, |(_, p)| p);
            let lines = changes(old, newer, library);
            if !lines.is_empty() {
                dated.push(Dated {
                    date: version.saved.date(),
                    lines,
                });
            }
        }
        dated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(minute: u32, second: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(14, minute, second)
            .unwrap()
    }

    #[test]
    fn a_kept_version_holds_the_old_file_and_is_listed_with_its_date() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("Ada Vance - Knee.ron");
        let kept = keep(&program, b"old program", at(5, 0)).unwrap();
        assert_eq!(
            kept,
            dir.path()
                .join(".history")
                .join("Ada Vance - Knee")
                .join("2026-03-02_140500.ron")
        );
        assert_eq!(fs::read(&kept).unwrap(), b"old program");
        let versions = list(&program);
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].label(), "2 Mar 2026, 14:05");
    }

    #[test]
    fn versions_are_listed_newest_first_even_within_one_second() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("bo.ron");
        keep(&program, b"1", at(1, 0)).unwrap();
        keep(&program, b"3", at(9, 0)).unwrap();
        keep(&program, b"4", at(9, 0)).unwrap();
        keep(&program, b"2", at(5, 0)).unwrap();
        let contents: Vec<Vec<u8>> = list(&program)
            .iter()
            .map(|v| fs::read(&v.path).unwrap())
            .collect();
        assert_eq!(contents, [b"4", b"3", b"2", b"1"].map(|b| b.to_vec()));
    }

    #[test]
    fn only_the_newest_fifty_versions_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("cy.ron");
        for n in 0..(KEEP as u32 + 5) {
            keep(&program, n.to_string().as_bytes(), at(n / 60, n % 60)).unwrap();
        }
        let versions = list(&program);
        assert_eq!(versions.len(), KEEP);
        assert_eq!(fs::read(&versions[0].path).unwrap(), b"54");
        assert_eq!(fs::read(&versions[KEEP - 1].path).unwrap(), b"5");
        let files = fs::read_dir(folder_of(&program)).unwrap().count();
        assert_eq!(files, KEEP, "the oldest were deleted, nothing else left");
    }

    #[test]
    fn the_changes_since_the_last_version_skip_versions_that_look_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let library = Library::builtin();
        let path = dir.path().join("ed.ron");
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        let bridge = library
            .get(&crate::library::ExerciseId::new("bridge"))
            .unwrap();
        program.phases[0]
            .items
            .push(crate::program::Item::new(bridge));
        store.save_program_safely(&path, &program, None).unwrap();
        assert!(
            store
                .changes_since_last_version(&path, &program, library)
                .is_none(),
            "a program saved once has no earlier version"
        );
        let mut progressed = program.clone();
        let plank = library
            .get(&crate::library::ExerciseId::new("plank"))
            .unwrap();
        progressed.phases[0]
            .items
            .push(crate::program::Item::new(plank));
        store.save_program_safely(&path, &progressed, None).unwrap();
        // A title change alone is a version, but nothing the patient needs told.
        progressed.title = "Knee, week 3".into();
        store.save_program_safely(&path, &progressed, None).unwrap();
        let (_, lines) = store
            .changes_since_last_version(&path, &progressed, library)
            .unwrap();
        assert_eq!(lines, [format!("New: {}.", plank.name)]);
    }

    #[test]
    fn files_that_are_not_versions_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("di.ron");
        fs::create_dir_all(folder_of(&program)).unwrap();
        fs::write(folder_of(&program).join("notes.txt"), "x").unwrap();
        fs::write(folder_of(&program).join("copy.ron"), "x").unwrap();
        assert!(list(&program).is_empty());
    }
}
