//! The program being edited: the program itself, the file it belongs to,
//! its undo history, and whether it has changes not yet saved.

use super::edit::{Edit, EditError, Focus};
use super::history::History;
use super::{FieldPath, Program};
use crate::library::Exercise;
use std::path::{Path, PathBuf};

/// An open program.
#[derive(Debug, Clone)]
pub struct Document {
    program: Program,
    path: Option<PathBuf>,
    /// The program as it was last saved or opened: unsaved changes are the
    /// difference, so undoing back to it clears the marker.
    saved: Program,
    /// Work brought back after a crash counts as unsaved until saved.
    restored: bool,
    history: History<Program, FieldPath>,
}

impl Document {
    /// A program not yet saved anywhere; as it stands it counts as saved,
    /// so closing an untouched new program asks nothing.
    pub fn new(program: Program) -> Self {
        Self {
            saved: program.clone(),
            program,
            path: None,
            restored: false,
            history: History::default(),
        }
    }

    /// A program read from `path`.
    pub fn opened(program: Program, path: PathBuf) -> Self {
        Self {
            path: Some(path),
            ..Self::new(program)
        }
    }

    /// Work autosaved before a crash, belonging to `path` if it had a
    /// file: it shows as unsaved until the therapist saves it.
    pub fn restored(program: Program, path: Option<PathBuf>) -> Self {
        Self {
            path,
            restored: true,
            ..Self::new(program)
        }
    }

    /// The program.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// Its file, once saved or opened.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file name, or "Untitled" for a program never saved.
    pub fn name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_string())
    }

    /// True when the program differs from its file (or from how it started).
    pub fn is_dirty(&self) -> bool {
        self.restored || self.program != self.saved
    }

    /// Applies an edit as one undo step (or part of the open typing step).
    /// An edit that changes nothing leaves the history alone.
    pub fn apply(&mut self, edit: &Edit) -> Result<Focus, EditError> {
        let before = self.program.clone();
        let focus = edit.apply(&mut self.program)?;
        if self.program != before {
            self.history.record(before, edit.typing_field());
        }
        Ok(focus)
    }

    /// Ends the typing step in progress.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Goes one step back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(self.program.clone()) {
            Some(previous) => {
                self.program = previous;
                true
            }
            None => false,
        }
    }

    /// Goes one step forward again; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(self.program.clone()) {
            Some(next) => {
                self.program = next;
                true
            }
            None => false,
        }
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Records that `snapshot` (the program as it was handed to the writer)
    /// is now in `path`. Edits made while the file was being written stay
    /// unsaved.
    pub fn saved_as(&mut self, path: PathBuf, snapshot: Program) {
        self.path = Some(path);
        self.saved = snapshot;
        self.restored = false;
        self.history.seal();
    }

    /// Refreshes the program's copy of a custom exercise the therapist has
    /// just changed in the library. Not an undo step: it follows the
    /// library rather than being an edit of this program.
    pub fn refresh_exercise(&mut self, exercise: &Exercise) {
        for copy in &mut self.program.exercises {
            if copy.id == exercise.id {
                *copy = exercise.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::edit::ItemRef;
    use crate::program::input::DoseField;
    use crate::program::{Dose, Item};
    use chrono::NaiveDate;

    fn document() -> Document {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
        let bridge = crate::library::Library::builtin()
            .get(&crate::library::ExerciseId::new("bridge"))
            .unwrap();
        program.phases[0].items.push(Item::new(bridge));
        Document::new(program)
    }

    fn reps(document: &Document) -> Option<u16> {
        document.program().phases[0].items[0]
            .dose
            .as_ref()
            .unwrap()
            .reps
    }

    fn type_reps(document: &mut Document, texts: &[&str]) {
        for text in texts {
            let item = ItemRef::new(0, 0);
            let current = document.program().phases[0].items[0].dose.clone().unwrap();
            let dose = DoseField::Reps.apply(&current, text).unwrap();
            document
                .apply(&Edit::Dose {
                    item,
                    field: Some(DoseField::Reps),
                    dose,
                })
                .unwrap();
        }
    }

    #[test]
    fn new_programs_start_clean_and_edits_make_them_dirty() {
        let mut document = document();
        assert!(!document.is_dirty());
        assert_eq!(document.name(), "Untitled");
        document.apply(&Edit::Title("Knee".into())).unwrap();
        assert!(document.is_dirty());
        assert!(document.undo());
        assert!(!document.is_dirty(), "undoing back to the start is clean");
    }

    #[test]
    fn typing_a_number_is_one_undo_step() {
        let mut document = document();
        let before = reps(&document);
        type_reps(&mut document, &["1", "12"]);
        assert_eq!(reps(&document), Some(12));
        assert!(document.undo());
        assert_eq!(reps(&document), before);
        assert!(document.redo());
        assert_eq!(reps(&document), Some(12));
    }

    #[test]
    fn saving_clears_the_marker_but_later_edits_set_it_again() {
        let mut document = document();
        document.apply(&Edit::Notes("Rest if sore".into())).unwrap();
        // Saving takes a snapshot and ends the typing step.
        let snapshot = document.program().clone();
        document.seal();
        document
            .apply(&Edit::Notes("Rest if sore.".into()))
            .unwrap();
        document.saved_as(PathBuf::from("/tmp/ann.ron"), snapshot);
        assert_eq!(document.name(), "ann.ron");
        assert!(
            document.is_dirty(),
            "the edit made during the save is unsaved"
        );
        assert!(document.undo());
        assert!(!document.is_dirty());
    }

    #[test]
    fn restored_work_is_unsaved_until_saved() {
        let program = document().program().clone();
        let mut restored = Document::restored(program.clone(), Some(PathBuf::from("/tmp/a.ron")));
        assert!(restored.is_dirty());
        assert_eq!(restored.name(), "a.ron");
        restored.saved_as(PathBuf::from("/tmp/a.ron"), program);
        assert!(!restored.is_dirty());
    }

    #[test]
    fn edits_that_change_nothing_are_not_undo_steps() {
        let mut document = document();
        let title = document.program().title.clone();
        document.apply(&Edit::Title(title)).unwrap();
        assert!(!document.can_undo());
        let dose: Dose = document.program().phases[0].items[0].dose.clone().unwrap();
        document
            .apply(&Edit::Dose {
                item: ItemRef::new(0, 0),
                field: None,
                dose,
            })
            .unwrap();
        assert!(!document.can_undo());
    }
}
