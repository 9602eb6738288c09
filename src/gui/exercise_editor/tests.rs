//! Update tests for the custom exercise editor.

use super::*;
use iced::futures::StreamExt;
use iced_test::runtime::task::into_stream;

/// Runs a task to its first output message.
fn finish(action: Action) -> Message {
    let Action::Run(task) = action else {
        panic!("expected a task, got {action:?}");
    };
    let stream = into_stream(task).expect("a task with work");
    let actions: Vec<_> = iced::futures::executor::block_on(stream.collect());
    actions
        .into_iter()
        .find_map(|action| match action {
            iced_test::runtime::Action::Output(message) => Some(message),
            _ => None,
        })
        .expect("a message")
}

#[test]
fn an_empty_exercise_shows_what_is_missing_beside_the_fields() {
    let library = Library::builtin().clone();
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let mut state = State::new_exercise();
    let action = state.update(Message::Save, &library, &store);
    assert!(matches!(action, Action::None), "nothing is saved");
    assert_eq!(state.problem("name"), Some("Name is empty"));
    assert_eq!(state.problem("purpose"), Some("Purpose is empty"));
    assert_eq!(state.problem("start"), Some("Starting position is empty"));
    assert!(state.problem("steps").is_some());
    // Typing a name makes its message go at once.
    let _ = state.update(Message::NameChanged("Wall sit".into()), &library, &store);
    assert_eq!(state.problem("name"), None);
}

#[test]
fn a_duplicated_built_in_is_saved_as_a_new_entry() {
    let library = Library::builtin().clone();
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let bridge = library.get(&ExerciseId::new("bridge")).unwrap();
    let mut state = State::duplicate(bridge);
    let _ = state.update(
        Message::NameChanged("Bridge on a step".into()),
        &library,
        &store,
    );
    let _ = state.update(Message::LineAdded(List::Steps), &library, &store);
    let last = state.steps.len() - 1;
    let _ = state.update(
        Message::LineChanged(List::Steps, last, "Rest your feet on a low step.".into()),
        &library,
        &store,
    );
    let _ = state.update(Message::LineMovedUp(List::Steps, last), &library, &store);
    let _ = state.update(
        Message::DoseChanged(DoseField::Reps, "8".into()),
        &library,
        &store,
    );
    let action = state.update(Message::Save, &library, &store);
    let message = finish(action);
    let Action::Saved(saved) = state.update(message, &library, &store) else {
        panic!("expected the saved exercise");
    };
    assert_eq!(saved.id.as_str(), "bridge-on-a-step");
    assert_eq!(saved.dose.reps, Some(8));
    assert_eq!(
        saved.steps[saved.steps.len() - 2],
        "Rest your feet on a low step."
    );
    assert_eq!(
        saved.picture.as_deref(),
        Some("bridge.svg"),
        "the shipped picture stays"
    );
    assert!(store.exercise_path(&saved.id).is_file());
    assert!(library.get(&ExerciseId::new("bridge")).unwrap().name == "Bridge");
}

#[test]
fn a_chosen_picture_is_copied_into_the_pictures_folder() {
    let library = Library::builtin().clone();
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let picture = folder.path().join("my drawing.svg");
    std::fs::write(
        &picture,
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#,
    )
    .unwrap();
    let not_a_picture = folder.path().join("notes.png");
    std::fs::write(&not_a_picture, b"hello").unwrap();

    let bird_dog = library.get(&ExerciseId::new("bird-dog")).unwrap();
    let mut state = State::duplicate(bird_dog);
    let _ = state.update(
        Message::PicturePathChanged(not_a_picture.display().to_string()),
        &library,
        &store,
    );
    let read = finish(state.update(Message::UsePicture, &library, &store));
    let _ = state.update(read, &library, &store);
    assert!(
        state
            .picture_error
            .as_deref()
            .unwrap()
            .contains("not a PNG, JPEG or SVG")
    );

    let _ = state.update(
        Message::PicturePathChanged(picture.display().to_string()),
        &library,
        &store,
    );
    let read = finish(state.update(Message::UsePicture, &library, &store));
    let _ = state.update(read, &library, &store);
    assert!(state.picture_error.is_none());
    let saved = finish(state.update(Message::Save, &library, &store));
    let Action::Saved(saved) = state.update(saved, &library, &store) else {
        panic!("expected the saved exercise");
    };
    let name = saved.picture.clone().unwrap();
    assert_eq!(name, format!("{}.svg", saved.id));
    assert!(store.folders().pictures.join(&name).is_file());
}

#[test]
fn spanish_words_typed_in_their_section_are_saved_with_the_exercise() {
    let library = Library::builtin().clone();
    let mut state = State::new_exercise();
    let spanish = state
        .translations
        .iter()
        .position(|t| t.code() == "es")
        .expect("a Spanish section");
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let _ = state.update(Message::TranslationToggled(spanish), &library, &store);
    let _ = state.update(
        Message::TranslationChanged(
            spanish,
            translation::Line::Name,
            " Sentadilla en la pared ".into(),
        ),
        &library,
        &store,
    );
    let _ = state.update(
        Message::TranslationEdited(
            spanish,
            translation::Lines::Steps,
            text_editor::Action::Edit(text_editor::Edit::Paste(Arc::new(
                "Apoye la espalda en la pared.\n\nBaje despacio.".into(),
            ))),
        ),
        &library,
        &store,
    );
    let saved = state.assembled(&library);
    let text = &saved.translations["es"];
    assert_eq!(text.name, "Sentadilla en la pared");
    assert_eq!(
        text.steps,
        ["Apoye la espalda en la pared.", "Baje despacio."]
    );
    assert!(saved.has_language("es"));
    // An untouched section adds nothing to the file.
    assert!(
        State::new_exercise()
            .assembled(&library)
            .translations
            .is_empty()
    );
}
