//! File names made from a program: "Ann Lee - Low back strength.ron" for
//! the program, the same with ".pdf" for its handout.

use crate::program::Program;
use std::path::{Path, PathBuf};

/// Longest file stem made, in characters; long titles are cut.
const MAX_STEM: usize = 80;

/// A file stem naming the patient and the title, safe on every system.
pub fn file_stem(program: &Program) -> String {
    let patient = program
        .patient
        .as_ref()
        .map(|p| p.name.trim())
        .unwrap_or_default();
    let title = program.title.trim();
    let joined = match (patient.is_empty(), title.is_empty()) {
        (false, false) => format!("{patient} - {title}"),
        (false, true) => patient.to_string(),
        (true, false) => title.to_string(),
        (true, true) => String::new(),
    };
    let stem = clean(&joined);
    if stem.is_empty() {
        "Untitled program".to_string()
    } else {
        stem
    }
}

/// Drops characters that Windows, macOS or Linux refuse in file names and
/// squeezes runs of spaces.
fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let squeezed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = squeezed.chars().take(MAX_STEM).collect();
    cut.trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string()
}

/// `folder/stem.extension`, or `folder/stem (2).extension` and so on when
/// that file exists, so a new program never replaces another one.
pub fn unused_path(folder: &Path, stem: &str, extension: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.{extension}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem} ({n}).{extension}")))
        .find(|path| !path.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Patient;
    use chrono::NaiveDate;

    fn program(patient: &str, title: &str) -> Program {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        program.title = title.to_string();
        program.patient = Some(Patient {
            name: patient.to_string(),
            identifier: String::new(),
        });
        program
    }

    #[test]
    fn names_join_patient_and_title_safely() {
        assert_eq!(
            file_stem(&program("Ann Lee", "Low back: strength")),
            "Ann Lee - Low back strength"
        );
        assert_eq!(
            file_stem(&program("", "Neck / shoulders?")),
            "Neck shoulders"
        );
        assert_eq!(file_stem(&program(" ", " ")), "Untitled program");
        assert_eq!(file_stem(&program("..", "")), "Untitled program");
        assert!(file_stem(&program("A", &"x".repeat(300))).chars().count() <= MAX_STEM);
    }

    #[test]
    fn an_existing_file_is_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = unused_path(dir.path(), "Ann", "ron");
        assert_eq!(first, dir.path().join("Ann.ron"));
        std::fs::write(&first, "x").unwrap();
        assert_eq!(
            unused_path(dir.path(), "Ann", "ron"),
            dir.path().join("Ann (2).ron")
        );
    }
}
