//! The program pane: the program's title and patient, its details, its
//! phases and the exercises in the active phase with their doses.
//!
//! The pane owns the open [`Document`]. Every change becomes an
//! [`Edit`] applied through the document, so undo, redo and the unsaved
//! marker work the same for every field. What the therapist types into a
//! number field is kept as a draft while it is refused, so the program
//! keeps its last valid value and the message can stand beside the field.

mod details;
mod item;
mod view;

pub use details::DateField;

use chrono::NaiveDate;
use iced::Task;
use iced::widget::{operation, scrollable};
use ptbuilder_core::library::{Exercise, Library};
use ptbuilder_core::program::document::Document;
use ptbuilder_core::program::edit::{Edit, Focus, ItemRef};
use ptbuilder_core::program::input::{DoseField, Refusal};
use ptbuilder_core::program::{Dose, FieldPath, Item, Program, Segment};
use ptbuilder_core::store::UsualDose;
use ptbuilder_core::text::capitalize;
use std::collections::HashMap;

/// Which part of the program the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Phases and exercises.
    #[default]
    Exercises,
    /// Patient, clinician, dates, goals, notes.
    Details,
}

/// A field whose typed text is kept apart from the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DraftKey {
    Dose(ItemRef, DoseField),
    Weeks(usize),
    Date(DateField),
}

/// What the therapist typed into a field and why it was not taken.
#[derive(Debug, Clone)]
struct Draft {
    text: String,
    refusal: Option<Refusal>,
}

/// The program pane.
#[derive(Debug)]
pub struct State {
    document: Document,
    tab: Tab,
    phase: usize,
    selected: Option<usize>,
    drafts: HashMap<DraftKey, Draft>,
    texts: details::Texts,
    /// The therapist's own usual doses, from the settings.
    usual_doses: Vec<UsualDose>,
}

/// Something the program pane was asked to do.
#[derive(Debug, Clone)]
pub enum Message {
    /// Switch between exercises and details.
    TabSelected(Tab),
    /// The title changed.
    TitleChanged(String),
    /// The patient's name changed.
    PatientNameChanged(String),
    /// The patient's identifier changed.
    PatientIdChanged(String),
    /// Enter in a field: the typing step is complete.
    FieldSubmitted,
    /// A details field.
    Details(details::Message),
    /// Show another phase.
    PhaseSelected(usize),
    /// Add a phase at the end.
    AddPhase,
    /// The active phase's name changed.
    PhaseNameChanged(String),
    /// The active phase's weeks changed.
    PhaseWeeksChanged(String),
    /// The active phase's move-on rule changed.
    AdvanceWhenChanged(String),
    /// Remove the active phase (asks first when it has exercises).
    RemovePhase,
    /// The therapist confirmed removing a phase.
    RemovePhaseConfirmed(usize),
    /// Something on one item of the active phase.
    Item(usize, item::Message),
}

/// What the app must do after a program message.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this pane.
    Run(Task<Message>),
    /// Ask before removing a phase that has exercises.
    ConfirmRemovePhase {
        /// The phase.
        phase: usize,
        /// Its name.
        name: String,
        /// How many exercises it holds.
        items: usize,
    },
    /// An edit could not be made; show why.
    Refused(String),
    /// Keep this dose as the therapist's usual dose for the exercise.
    MakeUsualDose {
        /// The exercise.
        exercise: ptbuilder_core::library::ExerciseId,
        /// The dose.
        dose: Dose,
    },
}

/// The scrolling list of items, scrolled when one is added.
pub const ITEMS_ID: &str = "program-items";
/// The title field.
pub const TITLE_ID: &str = "program-title";
/// The patient's name field.
pub const PATIENT_ID: &str = "patient-name";

impl State {
    /// The pane showing `document`.
    pub fn new(document: Document) -> Self {
        let texts = details::Texts::from_program(document.program());
        Self {
            document,
            tab: Tab::Exercises,
            phase: 0,
            selected: None,
            drafts: HashMap::new(),
            texts,
            usual_doses: Vec::new(),
        }
    }

    /// The therapist's own usual doses, from the settings.
    pub fn set_usual_doses(&mut self, doses: &[UsualDose]) {
        self.usual_doses = doses.to_vec();
    }

    /// The therapist's own usual dose for `id`, if any.
    pub fn usual_dose(&self, id: &ptbuilder_core::library::ExerciseId) -> Option<&Dose> {
        self.usual_doses
            .iter()
            .find(|u| &u.exercise == id)
            .map(|u| &u.dose)
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The program.
    pub fn program(&self) -> &Program {
        self.document.program()
    }

    /// Mutable access for saving (recording where the file went).
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.document
    }

    /// The active phase.
    #[cfg(test)]
    pub fn active_phase(&self) -> usize {
        self.phase
    }

    /// The tab showing, in words, for tests.
    pub fn tab_name(&self) -> &'static str {
        match self.tab {
            Tab::Exercises => "Exercises",
            Tab::Details => "Details",
        }
    }

    /// The selected item of the active phase.
    pub fn selected_item(&self) -> Option<ItemRef> {
        self.selected.map(|index| ItemRef::new(self.phase, index))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, library: &Library, today: NaiveDate) -> Action {
        match message {
            Message::TabSelected(tab) => {
                self.tab = tab;
                self.document.seal();
                Action::None
            }
            Message::TitleChanged(text) => self.apply(Edit::Title(text)),
            Message::PatientNameChanged(text) => self.apply(Edit::PatientName(text)),
            Message::PatientIdChanged(text) => self.apply(Edit::PatientIdentifier(text)),
            Message::FieldSubmitted => {
                self.document.seal();
                Action::None
            }
            Message::Details(details::Message::Submitted) => {
                self.document.seal();
                Action::None
            }
            Message::Details(message) => {
                match details::edit_for(
                    message,
                    &mut self.texts,
                    &mut self.drafts,
                    self.document.program(),
                    today,
                ) {
                    Some(edit) => self.apply(edit),
                    None => Action::None,
                }
            }
            Message::PhaseSelected(phase) => {
                if phase < self.program().phases.len() {
                    self.phase = phase;
                    self.selected = None;
                    self.document.seal();
                }
                Action::None
            }
            Message::AddPhase => {
                let name = format!("Phase {}", self.program().phases.len() + 1);
                let action = self.apply(Edit::AddPhase(name));
                self.tab = Tab::Exercises;
                action
            }
            Message::PhaseNameChanged(name) => self.apply(Edit::RenamePhase {
                phase: self.phase,
                name,
            }),
            Message::PhaseWeeksChanged(text) => {
                let key = DraftKey::Weeks(self.phase);
                match ptbuilder_core::program::input::parse_weeks(&text) {
                    Ok(weeks) => {
                        self.drafts.remove(&key);
                        self.apply(Edit::PhaseWeeks {
                            phase: self.phase,
                            weeks,
                        })
                    }
                    Err(refusal) => {
                        self.drafts.insert(
                            key,
                            Draft {
                                text,
                                refusal: Some(refusal),
                            },
                        );
                        Action::None
                    }
                }
            }
            Message::AdvanceWhenChanged(text) => self.apply(Edit::AdvanceWhen {
                phase: self.phase,
                text,
            }),
            Message::RemovePhase => {
                let Some(phase) = self.program().phases.get(self.phase) else {
                    return Action::None;
                };
                if phase.items.is_empty() {
                    self.apply(Edit::RemovePhase(self.phase))
                } else {
                    Action::ConfirmRemovePhase {
                        phase: self.phase,
                        name: phase.name.clone(),
                        items: phase.items.len(),
                    }
                }
            }
            Message::RemovePhaseConfirmed(phase) => self.apply(Edit::RemovePhase(phase)),
            Message::Item(index, message) => {
                let at = ItemRef::new(self.phase, index);
                match item::edit_for(
                    message,
                    at,
                    self.document.program(),
                    library,
                    &self.usual_doses,
                    &mut self.drafts,
                ) {
                    item::Outcome::Edit(edit) => {
                        self.selected = Some(index);
                        self.apply(edit)
                    }
                    item::Outcome::Select => {
                        if self.selected != Some(index) {
                            self.document.seal();
                        }
                        self.selected = Some(index);
                        Action::None
                    }
                    item::Outcome::Seal => {
                        self.document.seal();
                        Action::None
                    }
                    item::Outcome::Nothing => Action::None,
                    item::Outcome::MakeUsual(exercise, dose) => {
                        self.set_usual(&exercise, dose.clone());
                        Action::MakeUsualDose { exercise, dose }
                    }
                }
            }
        }
    }

    /// Applies an edit, moves the selection where it says, and forgets
    /// drafts that no longer sit where they were typed.
    fn apply(&mut self, edit: Edit) -> Action {
        let structural = edit.typing_field().is_none();
        match self.document.apply(&edit) {
            Ok(focus) => {
                if structural {
                    self.drafts.clear();
                }
                self.follow(focus);
                Action::None
            }
            Err(error) => Action::Refused(capitalize(&error.to_string())),
        }
    }

    fn follow(&mut self, focus: Focus) {
        match focus {
            Focus::Unchanged => {}
            Focus::Phase(phase) => {
                self.phase = phase;
                self.selected = None;
            }
            Focus::Item(at) => {
                self.phase = at.phase;
                self.selected = Some(at.index);
            }
        }
        self.clamp();
    }

    /// Keeps the active phase and selection inside the program.
    fn clamp(&mut self) {
        let phases = self.program().phases.len();
        self.phase = self.phase.min(phases.saturating_sub(1));
        let items = self.program().phases[self.phase].items.len();
        if self.selected.is_some_and(|index| index >= items) {
            self.selected = items.checked_sub(1);
        }
    }

    fn set_usual(&mut self, exercise: &ptbuilder_core::library::ExerciseId, dose: Dose) {
        match self
            .usual_doses
            .iter_mut()
            .find(|u| &u.exercise == exercise)
        {
            Some(usual) => usual.dose = dose,
            None => self.usual_doses.push(UsualDose {
                exercise: exercise.clone(),
                dose,
            }),
        }
    }

    /// Adds a library exercise to the end of the active phase, starting
    /// from the therapist's own usual dose when they made one, selects it
    /// and scrolls to it.
    pub fn add_exercise(&mut self, exercise: &Exercise) -> Action {
        let mut item = Item::new(exercise);
        if let Some(usual) = self.usual_dose(&exercise.id) {
            item.dose = Some(usual.clone());
        }
        let action = self.apply(Edit::AddItem {
            phase: self.phase,
            item,
        });
        self.tab = Tab::Exercises;
        match action {
            Action::None => Action::Run(operation::snap_to_end(ITEMS_ID)),
            other => other,
        }
    }

    /// Adds a follow-up visit to the progress log, as one undo step.
    pub fn record_visit(&mut self, visit: ptbuilder_core::program::Visit) -> Action {
        self.document.seal();
        self.apply(Edit::RecordVisit(visit))
    }

    /// Shows the field at `path` (as the checker and validation name it):
    /// its tab, phase and exercise, with the cursor in it where it is a
    /// field one types in.
    pub fn reveal(&mut self, path: &FieldPath) -> Task<Message> {
        self.document.seal();
        match path.0.as_slice() {
            [Segment::Field("patient"), ..] => {
                self.tab = Tab::Exercises;
                operation::focus(PATIENT_ID)
            }
            [Segment::Field("title"), ..] => operation::focus(TITLE_ID),
            [Segment::Field("phases"), Segment::Index(phase), rest @ ..] => {
                self.reveal_in_phase(*phase, rest)
            }
            [Segment::Field(name), ..] => {
                self.tab = Tab::Details;
                operation::focus(details::field_id(name))
            }
            _ => Task::none(),
        }
    }

    fn reveal_in_phase(&mut self, phase: usize, rest: &[Segment]) -> Task<Message> {
        if phase >= self.program().phases.len() {
            return Task::none();
        }
        self.tab = Tab::Exercises;
        self.phase = phase;
        self.selected = None;
        let [Segment::Field("items"), Segment::Index(index), field @ ..] = rest else {
            return Task::none();
        };
        let count = self.program().phases[phase].items.len();
        if *index >= count {
            return Task::none();
        }
        self.selected = Some(*index);
        let at = ItemRef::new(phase, *index);
        let scroll = operation::snap_to(
            ITEMS_ID,
            scrollable::RelativeOffset {
                x: 0.0,
                y: *index as f32 / (count.max(2) - 1) as f32,
            },
        );
        let focus = match field {
            [Segment::Field("note"), ..] => operation::focus(item::note_field_id(at)),
            [Segment::Field("dose"), rest @ ..] => {
                let named = |name: &str| DoseField::ALL.into_iter().find(|f| f.name() == name);
                let field = match rest {
                    [Segment::Field(name), ..] => named(name),
                    _ => None,
                };
                operation::focus(item::dose_field_id(at, field.unwrap_or(DoseField::Reps)))
            }
            _ => Task::none(),
        };
        Task::batch([scroll, focus])
    }

    /// Removes the selected item (the Delete key).
    pub fn remove_selected(&mut self) -> Action {
        match self.selected_item() {
            Some(at) if self.tab == Tab::Exercises => self.apply(Edit::RemoveItem(at)),
            _ => Action::None,
        }
    }

    /// Moves the item selection up or down (the arrow keys).
    pub fn step(&mut self, delta: isize) {
        let items = self.program().phases[self.phase].items.len();
        if items == 0 {
            return;
        }
        self.document.seal();
        self.selected = Some(match self.selected {
            Some(index) => index.saturating_add_signed(delta).min(items - 1),
            None => 0,
        });
    }

    /// Undoes the last step; false when there was none.
    pub fn undo(&mut self) -> bool {
        let done = self.document.undo();
        if done {
            self.resync();
        }
        done
    }

    /// Redoes the last undone step; false when there was none.
    pub fn redo(&mut self) -> bool {
        let done = self.document.redo();
        if done {
            self.resync();
        }
        done
    }

    /// After the program changed under the fields (undo, redo), the fields
    /// show the program again.
    fn resync(&mut self) {
        self.drafts.clear();
        self.texts = details::Texts::from_program(self.document.program());
        self.clamp();
    }

    /// The custom exercise changed in the library; refresh the program's copy.
    pub fn refresh_exercise(&mut self, exercise: &Exercise) {
        self.document.refresh_exercise(exercise);
    }
}

pub use view::view;

#[cfg(test)]
mod tests;
