//! Update tests for the program pane: messages in, state out.

use super::*;
use ptbuilder_core::library::ExerciseId;
use ptbuilder_core::program::Program;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).unwrap()
}

fn pane_with(ids: &[&str]) -> (State, Library) {
    let library = Library::builtin().clone();
    let mut state = State::new(Document::new(Program::new(today())));
    for id in ids {
        let exercise = library.get(&ExerciseId::new(*id)).unwrap();
        let _ = state.add_exercise(exercise);
    }
    (state, library)
}

fn item(index: usize, message: item::Message) -> Message {
    Message::Item(index, message)
}

fn ids(state: &State, phase: usize) -> Vec<String> {
    state.program().phases[phase]
        .items
        .iter()
        .map(|i| i.exercise.to_string())
        .collect()
}

#[test]
fn adding_selects_the_new_item_at_the_end() {
    let (state, _) = pane_with(&["bridge", "bird-dog"]);
    assert_eq!(ids(&state, 0), ["bridge", "bird-dog"]);
    assert_eq!(state.selected_item(), Some(ItemRef::new(0, 1)));
    assert!(state.document().is_dirty());
}

#[test]
fn a_refused_dose_keeps_the_value_and_shows_the_draft() {
    let (mut state, library) = pane_with(&["bridge"]);
    let _ = state.update(
        item(0, item::Message::DoseChanged(DoseField::Reps, "500".into())),
        &library,
        today(),
    );
    let dose = state.program().phases[0].items[0].dose.clone().unwrap();
    assert_eq!(dose.reps, Some(10));
    let draft = &state.drafts[&DraftKey::Dose(ItemRef::new(0, 0), DoseField::Reps)];
    assert_eq!(draft.text, "500");
    assert_eq!(
        draft.refusal.as_ref().unwrap().message(),
        "Reps must be a whole number from 1 to 100"
    );
    let _ = state.update(
        item(0, item::Message::DoseChanged(DoseField::Reps, "15".into())),
        &library,
        today(),
    );
    assert_eq!(
        state.program().phases[0].items[0]
            .dose
            .as_ref()
            .unwrap()
            .reps,
        Some(15)
    );
    assert!(state.drafts.is_empty());
}

#[test]
fn undo_brings_back_the_value_and_clears_drafts() {
    let (mut state, library) = pane_with(&["bridge"]);
    for text in ["1", "12"] {
        let _ = state.update(
            item(0, item::Message::DoseChanged(DoseField::Reps, text.into())),
            &library,
            today(),
        );
    }
    let _ = state.update(
        item(0, item::Message::DoseChanged(DoseField::Sets, "x".into())),
        &library,
        today(),
    );
    assert!(!state.drafts.is_empty());
    assert!(state.undo());
    assert_eq!(
        state.program().phases[0].items[0]
            .dose
            .as_ref()
            .unwrap()
            .reps,
        Some(10),
        "typing 1 then 12 is one step"
    );
    assert!(state.drafts.is_empty());
    assert!(state.redo());
    assert_eq!(
        state.program().phases[0].items[0]
            .dose
            .as_ref()
            .unwrap()
            .reps,
        Some(12)
    );
}

#[test]
fn removing_a_phase_with_exercises_asks_first() {
    let (mut state, library) = pane_with(&["bridge"]);
    let _ = state.update(Message::AddPhase, &library, today());
    assert_eq!(state.active_phase(), 1);
    // The new phase is empty: it goes at once.
    let _ = state.update(Message::RemovePhase, &library, today());
    assert_eq!(state.program().phases.len(), 1);
    let _ = state.update(Message::AddPhase, &library, today());
    let _ = state.update(Message::PhaseSelected(0), &library, today());
    match state.update(Message::RemovePhase, &library, today()) {
        Action::ConfirmRemovePhase { phase, items, .. } => {
            assert_eq!((phase, items), (0, 1));
        }
        other => panic!("expected a question, got {other:?}"),
    }
    assert_eq!(
        state.program().phases.len(),
        2,
        "nothing removed before the answer"
    );
    let _ = state.update(Message::RemovePhaseConfirmed(0), &library, today());
    assert_eq!(state.program().phases.len(), 1);
    assert_eq!(state.program().item_count(), 0);
}

#[test]
fn items_move_duplicate_and_go_to_other_phases() {
    let (mut state, library) = pane_with(&["bridge", "bird-dog", "plank"]);
    let _ = state.update(item(2, item::Message::MoveUp), &library, today());
    assert_eq!(ids(&state, 0), ["bridge", "plank", "bird-dog"]);
    assert_eq!(state.selected_item(), Some(ItemRef::new(0, 1)));
    let _ = state.update(item(0, item::Message::Duplicate), &library, today());
    assert_eq!(ids(&state, 0), ["bridge", "bridge", "plank", "bird-dog"]);
    let _ = state.update(Message::AddPhase, &library, today());
    let _ = state.update(Message::PhaseSelected(0), &library, today());
    let to_second = item::PhaseChoice::for_test(1);
    let _ = state.update(
        item(3, item::Message::MoveToPhase(to_second)),
        &library,
        today(),
    );
    assert_eq!(ids(&state, 1), ["bird-dog"]);
    assert_eq!(state.active_phase(), 1, "the view follows the item");
    let _ = state.update(Message::PhaseSelected(0), &library, today());
    let _ = state.update(item(0, item::Message::Selected), &library, today());
    let _ = state.remove_selected();
    assert_eq!(ids(&state, 0), ["bridge", "plank"]);
}

#[test]
fn arrows_move_the_selection_within_the_phase() {
    let (mut state, _) = pane_with(&["bridge", "bird-dog"]);
    state.step(-1);
    assert_eq!(state.selected_item(), Some(ItemRef::new(0, 0)));
    state.step(-1);
    assert_eq!(state.selected_item(), Some(ItemRef::new(0, 0)));
    state.step(5);
    assert_eq!(state.selected_item(), Some(ItemRef::new(0, 1)));
}

#[test]
fn weeks_and_dates_refuse_nonsense_beside_the_field() {
    let (mut state, library) = pane_with(&[]);
    let _ = state.update(Message::PhaseWeeksChanged("99".into()), &library, today());
    assert_eq!(state.program().phases[0].weeks, None);
    assert!(state.drafts.contains_key(&DraftKey::Weeks(0)));
    let _ = state.update(Message::PhaseWeeksChanged("4".into()), &library, today());
    assert_eq!(state.program().phases[0].weeks, Some(4));

    let review = |text: &str| {
        Message::Details(details::Message::DateChanged(
            DateField::Review,
            text.into(),
        ))
    };
    let _ = state.update(review("2026-13-01"), &library, today());
    assert_eq!(state.program().review, None);
    let _ = state.update(review("2026-06-01"), &library, today());
    assert_eq!(state.program().review, NaiveDate::from_ymd_opt(2026, 6, 1));
    let _ = state.update(
        Message::Details(details::Message::DateQuick(
            DateField::Review,
            details::Quick::WeeksAfterStart(2),
        )),
        &library,
        today(),
    );
    assert_eq!(state.program().review, NaiveDate::from_ymd_opt(2026, 5, 18));
}

#[test]
fn side_and_usual_dose() {
    let (mut state, library) = pane_with(&["bridge"]);
    let _ = state.update(
        item(
            0,
            item::Message::SideSelected(ptbuilder_core::program::Side::Left),
        ),
        &library,
        today(),
    );
    let _ = state.update(
        item(0, item::Message::DoseChanged(DoseField::Reps, "5".into())),
        &library,
        today(),
    );
    let dose = state.program().phases[0].items[0].dose.clone().unwrap();
    assert_eq!(
        (dose.side, dose.reps),
        (ptbuilder_core::program::Side::Left, Some(5))
    );
    let _ = state.update(item(0, item::Message::UseUsualDose), &library, today());
    let usual = library
        .get(&ExerciseId::new("bridge"))
        .unwrap()
        .dose
        .clone();
    assert_eq!(state.program().phases[0].items[0].dose, Some(usual));
}

#[test]
fn the_handout_language_is_chosen_in_the_details_and_undone_in_one_step() {
    let (mut state, library) = pane_with(&["bridge"]);
    let spanish = ptbuilder_core::lang::find("es").unwrap().clone();
    let _ = state.update(
        Message::Details(details::Message::LanguageSelected(spanish)),
        &library,
        today(),
    );
    assert_eq!(state.program().language, "es");
    assert!(state.undo());
    assert_eq!(state.program().language, "en");
}
