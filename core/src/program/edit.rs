//! The changes a therapist makes to a program, as values.
//!
//! Every change the editor offers is an [`Edit`]: it can be applied, it
//! refuses what would break the program (removing the last phase), it says
//! where the selection should go next, and typing edits name the field they
//! type into so that a burst of typing becomes one undo step.

use super::input::DoseField;
use super::{Dose, FieldPath, Item, Patient, Phase, Program};
use chrono::NaiveDate;
use thiserror::Error;

/// Where an item sits: its phase and its position in that phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemRef {
    /// Phase position, from 0.
    pub phase: usize,
    /// Item position in the phase, from 0.
    pub index: usize,
}

impl ItemRef {
    /// The item at `index` of `phase`.
    pub fn new(phase: usize, index: usize) -> Self {
        Self { phase, index }
    }

    fn path(self) -> FieldPath {
        FieldPath::default()
            .field("phases")
            .index(self.phase)
            .field("items")
            .index(self.index)
    }
}

/// One change to a program.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The handout title.
    Title(String),
    /// The handout's language (a [`crate::lang`] code).
    Language(String),
    /// The patient's name.
    PatientName(String),
    /// The patient's chart number.
    PatientIdentifier(String),
    /// The treating clinician.
    Clinician(String),
    /// The clinic name.
    Clinic(String),
    /// The clinic phone.
    Phone(String),
    /// The condition treated.
    Condition(String),
    /// Goals, one per line.
    Goals(Vec<String>),
    /// General notes.
    Notes(String),
    /// Precautions, one per line.
    Precautions(Vec<String>),
    /// The date the program was made.
    Created(NaiveDate),
    /// The start date.
    Start(Option<NaiveDate>),
    /// The review date.
    Review(Option<NaiveDate>),
    /// A new empty phase at the end.
    AddPhase(String),
    /// A phase's heading.
    RenamePhase {
        /// Which phase.
        phase: usize,
        /// The new heading.
        name: String,
    },
    /// How long a phase lasts.
    PhaseWeeks {
        /// Which phase.
        phase: usize,
        /// Weeks, or none.
        weeks: Option<u8>,
    },
    /// What must be true before moving on from a phase.
    AdvanceWhen {
        /// Which phase.
        phase: usize,
        /// The rule in words.
        text: String,
    },
    /// Removes a phase and its items; the last phase cannot go.
    RemovePhase(usize),
    /// An item added at the end of a phase.
    AddItem {
        /// Which phase.
        phase: usize,
        /// The new item.
        item: Item,
    },
    /// Removes an item.
    RemoveItem(ItemRef),
    /// Moves an item one place earlier.
    MoveItemUp(ItemRef),
    /// Moves an item one place later.
    MoveItemDown(ItemRef),
    /// A copy of an item right below it.
    DuplicateItem(ItemRef),
    /// Moves an item to the end of another phase.
    MoveItemToPhase {
        /// The item.
        item: ItemRef,
        /// The phase it goes to.
        to: usize,
    },
    /// A new dose for an item: a typed field (`field`, which makes typing
    /// one undo step), the side picked from a list, or the usual dose again
    /// (`field` is `None` for those).
    Dose {
        /// The item.
        item: ItemRef,
        /// The field typed into, if any.
        field: Option<DoseField>,
        /// The whole new dose.
        dose: Dose,
    },
    /// The note for the patient on an item.
    Note {
        /// The item.
        item: ItemRef,
        /// The note.
        text: String,
    },
    /// A follow-up visit for the progress log, kept in date order (a visit
    /// on the same day as one already there replaces it).
    RecordVisit(super::Visit),
}

/// Where the editor's selection should go after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Leave the selection where it is.
    Unchanged,
    /// Show this phase, with no item selected.
    Phase(usize),
    /// Show this item's phase and select it.
    Item(ItemRef),
}

/// Why an edit was not made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The phase does not exist (any more).
    #[error("there is no phase {0}")]
    NoPhase(usize),
    /// The item does not exist (any more).
    #[error("there is no exercise {} in phase {}", .0.index + 1, .0.phase + 1)]
    NoItem(ItemRef),
    /// A program keeps at least one phase.
    #[error("a program needs at least one phase")]
    LastPhase,
}

fn phase_mut(program: &mut Program, phase: usize) -> Result<&mut Phase, EditError> {
    program
        .phases
        .get_mut(phase)
        .ok_or(EditError::NoPhase(phase))
}

fn item_mut(program: &mut Program, at: ItemRef) -> Result<&mut Item, EditError> {
    phase_mut(program, at.phase)?
        .items
        .get_mut(at.index)
        .ok_or(EditError::NoItem(at))
}

fn check_item(program: &Program, at: ItemRef) -> Result<(), EditError> {
    let phase = program
        .phases
        .get(at.phase)
        .ok_or(EditError::NoPhase(at.phase))?;
    if at.index < phase.items.len() {
        Ok(())
    } else {
        Err(EditError::NoItem(at))
    }
}

impl Edit {
    /// Makes the change; on error the program is untouched.
    pub fn apply(&self, program: &mut Program) -> Result<Focus, EditError> {
        match self {
            Edit::Title(text) => program.title = text.clone(),
            Edit::Language(code) => program.language = code.clone(),
            Edit::PatientName(text) => patient(program).name = text.clone(),
            Edit::PatientIdentifier(text) => patient(program).identifier = text.clone(),
            Edit::Clinician(text) => program.clinician = text.clone(),
            Edit::Clinic(text) => program.clinic = text.clone(),
            Edit::Phone(text) => program.phone = text.clone(),
            Edit::Condition(text) => program.condition = text.clone(),
            Edit::Goals(lines) => program.goals = lines.clone(),
            Edit::Notes(text) => program.notes = text.clone(),
            Edit::Precautions(lines) => program.precautions = lines.clone(),
            Edit::Created(date) => program.created = *date,
            Edit::Start(date) => program.start = *date,
            Edit::Review(date) => program.review = *date,
            Edit::AddPhase(name) => {
                program.phases.push(Phase::named(name.clone()));
                return Ok(Focus::Phase(program.phases.len() - 1));
            }
            Edit::RenamePhase { phase, name } => phase_mut(program, *phase)?.name = name.clone(),
            Edit::PhaseWeeks { phase, weeks } => phase_mut(program, *phase)?.weeks = *weeks,
            Edit::AdvanceWhen { phase, text } => {
                phase_mut(program, *phase)?.advance_when = text.clone();
            }
            Edit::RemovePhase(phase) => {
                if *phase >= program.phases.len() {
                    return Err(EditError::NoPhase(*phase));
                }
                if program.phases.len() == 1 {
                    return Err(EditError::LastPhase);
                }
                program.phases.remove(*phase);
                return Ok(Focus::Phase(phase.saturating_sub(1)));
            }
            Edit::AddItem { phase, item } => {
                let items = &mut phase_mut(program, *phase)?.items;
                items.push(item.clone());
                return Ok(Focus::Item(ItemRef::new(*phase, items.len() - 1)));
            }
            Edit::RemoveItem(at) => {
                check_item(program, *at)?;
                let items = &mut program.phases[at.phase].items;
                items.remove(at.index);
                return Ok(if items.is_empty() {
                    Focus::Phase(at.phase)
                } else {
                    Focus::Item(ItemRef::new(at.phase, at.index.min(items.len() - 1)))
                });
            }
            Edit::MoveItemUp(at) => {
                check_item(program, *at)?;
                if at.index == 0 {
                    return Ok(Focus::Item(*at));
                }
                program.phases[at.phase].items.swap(at.index, at.index - 1);
                return Ok(Focus::Item(ItemRef::new(at.phase, at.index - 1)));
            }
            Edit::MoveItemDown(at) => {
                check_item(program, *at)?;
                let items = &mut program.phases[at.phase].items;
                if at.index + 1 >= items.len() {
                    return Ok(Focus::Item(*at));
                }
                items.swap(at.index, at.index + 1);
                return Ok(Focus::Item(ItemRef::new(at.phase, at.index + 1)));
            }
            Edit::DuplicateItem(at) => {
                check_item(program, *at)?;
                let items = &mut program.phases[at.phase].items;
                let copy = items[at.index].clone();
                items.insert(at.index + 1, copy);
                return Ok(Focus::Item(ItemRef::new(at.phase, at.index + 1)));
            }
            Edit::MoveItemToPhase { item: at, to } => {
                check_item(program, *at)?;
                if *to >= program.phases.len() {
                    return Err(EditError::NoPhase(*to));
                }
                if *to == at.phase {
                    return Ok(Focus::Item(*at));
                }
                let item = program.phases[at.phase].items.remove(at.index);
                let items = &mut program.phases[*to].items;
                items.push(item);
                return Ok(Focus::Item(ItemRef::new(*to, items.len() - 1)));
            }
            Edit::Dose { item, dose, .. } => item_mut(program, *item)?.dose = Some(dose.clone()),
            Edit::Note { item, text } => item_mut(program, *item)?.note = text.clone(),
            Edit::RecordVisit(visit) => record_visit(program, visit.clone()),
        }
        Ok(Focus::Unchanged)
    }

    /// For typing edits, the field typed into: consecutive edits of the same
    /// field make one undo step. `None` for edits that stand alone.
    pub fn typing_field(&self) -> Option<FieldPath> {
        let root = FieldPath::default();
        let phase = |p: usize| root.field("phases").index(p);
        Some(match self {
            Edit::Title(_) => root.field("title"),
            Edit::PatientName(_) => root.field("patient").field("name"),
            Edit::PatientIdentifier(_) => root.field("patient").field("identifier"),
            Edit::Clinician(_) => root.field("clinician"),
            Edit::Clinic(_) => root.field("clinic"),
            Edit::Phone(_) => root.field("phone"),
            Edit::Condition(_) => root.field("condition"),
            Edit::Goals(_) => root.field("goals"),
            Edit::Notes(_) => root.field("notes"),
            Edit::Precautions(_) => root.field("precautions"),
            Edit::Created(_) => root.field("created"),
            Edit::Start(_) => root.field("start"),
            Edit::Review(_) => root.field("review"),
            Edit::RenamePhase { phase: p, .. } => phase(*p).field("name"),
            Edit::PhaseWeeks { phase: p, .. } => phase(*p).field("weeks"),
            Edit::AdvanceWhen { phase: p, .. } => phase(*p).field("advance_when"),
            Edit::Dose {
                item,
                field: Some(field),
                ..
            } => item.path().field("dose").field(field.name()),
            Edit::Note { item, .. } => item.path().field("note"),
            Edit::Language(_)
            | Edit::AddPhase(_)
            | Edit::RemovePhase(_)
            | Edit::AddItem { .. }
            | Edit::RemoveItem(_)
            | Edit::MoveItemUp(_)
            | Edit::MoveItemDown(_)
            | Edit::DuplicateItem(_)
            | Edit::MoveItemToPhase { .. }
            | Edit::RecordVisit(_)
            | Edit::Dose { field: None, .. } => return None,
        })
    }
}

/// Puts `visit` in date order, replacing a visit on the same day.
fn record_visit(program: &mut Program, visit: super::Visit) {
    let visits = &mut program.visits;
    match visits.binary_search_by_key(&visit.date, |v| v.date) {
        Ok(at) => visits[at] = visit,
        Err(at) => visits.insert(at, visit),
    }
}

/// The patient, made if the program had none (a template being filled in).
fn patient(program: &mut Program) -> &mut Patient {
    program.patient.get_or_insert_with(Patient::default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{ExerciseId, Library};

    fn item(id: &str) -> Item {
        Item::new(Library::builtin().get(&ExerciseId::new(id)).unwrap())
    }

    fn ids(program: &Program, phase: usize) -> Vec<&str> {
        program.phases[phase]
            .items
            .iter()
            .map(|i| i.exercise.as_str())
            .collect()
    }

    fn program() -> Program {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
        for id in ["bridge", "bird-dog", "dead-bug"] {
            Edit::AddItem {
                phase: 0,
                item: item(id),
            }
            .apply(&mut program)
            .unwrap();
        }
        program
    }

    #[test]
    fn choosing_the_handout_language_is_a_step_of_its_own() {
        let mut program = program();
        let edit = Edit::Language("es".into());
        assert_eq!(edit.apply(&mut program), Ok(Focus::Unchanged));
        assert_eq!(program.language, "es");
        // Never merged with typing, so one undo brings English back.
        assert_eq!(edit.typing_field(), None);
    }

    #[test]
    fn items_move_up_down_and_stop_at_the_ends() {
        let mut program = program();
        let focus = Edit::MoveItemUp(ItemRef::new(0, 2))
            .apply(&mut program)
            .unwrap();
        assert_eq!(ids(&program, 0), ["bridge", "dead-bug", "bird-dog"]);
        assert_eq!(focus, Focus::Item(ItemRef::new(0, 1)));
        let before = program.clone();
        Edit::MoveItemUp(ItemRef::new(0, 0))
            .apply(&mut program)
            .unwrap();
        Edit::MoveItemDown(ItemRef::new(0, 2))
            .apply(&mut program)
            .unwrap();
        assert_eq!(program, before);
        Edit::MoveItemDown(ItemRef::new(0, 0))
            .apply(&mut program)
            .unwrap();
        assert_eq!(ids(&program, 0), ["dead-bug", "bridge", "bird-dog"]);
    }

    #[test]
    fn duplicate_goes_right_below_and_remove_selects_a_neighbour() {
        let mut program = program();
        let focus = Edit::DuplicateItem(ItemRef::new(0, 0))
            .apply(&mut program)
            .unwrap();
        assert_eq!(
            ids(&program, 0),
            ["bridge", "bridge", "bird-dog", "dead-bug"]
        );
        assert_eq!(focus, Focus::Item(ItemRef::new(0, 1)));
        let focus = Edit::RemoveItem(ItemRef::new(0, 3))
            .apply(&mut program)
            .unwrap();
        assert_eq!(focus, Focus::Item(ItemRef::new(0, 2)));
        assert_eq!(ids(&program, 0), ["bridge", "bridge", "bird-dog"]);
    }

    #[test]
    fn items_move_between_phases() {
        let mut program = program();
        Edit::AddPhase("Weeks 3-4".into())
            .apply(&mut program)
            .unwrap();
        let focus = Edit::MoveItemToPhase {
            item: ItemRef::new(0, 1),
            to: 1,
        }
        .apply(&mut program)
        .unwrap();
        assert_eq!(focus, Focus::Item(ItemRef::new(1, 0)));
        assert_eq!(ids(&program, 0), ["bridge", "dead-bug"]);
        assert_eq!(ids(&program, 1), ["bird-dog"]);
        assert_eq!(
            Edit::MoveItemToPhase {
                item: ItemRef::new(0, 0),
                to: 5
            }
            .apply(&mut program),
            Err(EditError::NoPhase(5))
        );
    }

    #[test]
    fn phases_are_added_renamed_and_removed_but_one_stays() {
        let mut program = program();
        assert_eq!(
            Edit::RemovePhase(0).apply(&mut program),
            Err(EditError::LastPhase)
        );
        assert_eq!(
            Edit::AddPhase("Later".into()).apply(&mut program),
            Ok(Focus::Phase(1))
        );
        Edit::RenamePhase {
            phase: 1,
            name: "Weeks 3-4".into(),
        }
        .apply(&mut program)
        .unwrap();
        Edit::PhaseWeeks {
            phase: 1,
            weeks: Some(2),
        }
        .apply(&mut program)
        .unwrap();
        assert_eq!(program.phases[1].name, "Weeks 3-4");
        assert_eq!(program.phases[1].weeks, Some(2));
        assert_eq!(
            Edit::RemovePhase(0).apply(&mut program),
            Ok(Focus::Phase(0))
        );
        assert_eq!(program.phases.len(), 1);
        assert_eq!(program.phases[0].name, "Weeks 3-4");
    }

    #[test]
    fn stale_references_are_refused_without_change() {
        let mut program = program();
        let before = program.clone();
        let gone = ItemRef::new(0, 9);
        assert_eq!(
            Edit::RemoveItem(gone).apply(&mut program),
            Err(EditError::NoItem(gone))
        );
        assert_eq!(
            Edit::Note {
                item: gone,
                text: "x".into()
            }
            .apply(&mut program),
            Err(EditError::NoItem(gone))
        );
        assert_eq!(program, before);
    }

    #[test]
    fn dose_and_patient_fields() {
        let mut program = program();
        let dose = Dose {
            reps: Some(12),
            ..Dose::default()
        };
        Edit::Dose {
            item: ItemRef::new(0, 0),
            field: None,
            dose: dose.clone(),
        }
        .apply(&mut program)
        .unwrap();
        assert_eq!(program.phases[0].items[0].dose, Some(dose));
        assert!(program.patient.is_none());
        Edit::PatientName("Ann Lee".into())
            .apply(&mut program)
            .unwrap();
        assert_eq!(program.patient.unwrap().name, "Ann Lee");
    }

    #[test]
    fn visits_are_kept_in_date_order_and_one_a_day() {
        use chrono::Datelike;
        let mut program = program();
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        for d in [19, 12, 26] {
            Edit::RecordVisit(crate::program::Visit::on(day(d)))
                .apply(&mut program)
                .unwrap();
        }
        let mut again = crate::program::Visit::on(day(19));
        again.note = "Better".into();
        Edit::RecordVisit(again).apply(&mut program).unwrap();
        let dates: Vec<u32> = program.visits.iter().map(|v| v.date.day()).collect();
        assert_eq!(dates, [12, 19, 26]);
        assert_eq!(program.visits[1].note, "Better");
    }

    #[test]
    fn typing_fields_name_where_the_typing_goes() {
        let at = ItemRef::new(1, 2);
        let dose = Edit::Dose {
            item: at,
            field: Some(DoseField::Reps),
            dose: Dose::default(),
        };
        assert_eq!(
            dose.typing_field().unwrap().to_string(),
            "phases[1].items[2].dose.reps"
        );
        assert_eq!(
            Edit::Title("x".into()).typing_field().unwrap().to_string(),
            "title"
        );
        assert_eq!(Edit::RemoveItem(at).typing_field(), None);
    }
}
