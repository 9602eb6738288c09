//! Whole flows through the real window, headless: the iced_test simulator
//! clicks and types into the app's view, the app's own messages drive it,
//! and its background work (loading, saving) really runs against a
//! temporary folder.

mod support;

use iced::keyboard::{self, Key, key::Named};
use iced::{Settings, Size, Task};
use iced_test::selector::id;
use iced_test::{Error, Simulator};
use ptbuilder::gui::{App, Message, PrintMessage};
use ptbuilder_core::print::{Printer, PrinterState};
use ptbuilder_core::store::Store;
use support::{settle, settle_while};

/// The app on a fresh folder, with its library loaded.
fn boot(folder: &std::path::Path) -> App {
    let (mut app, task) = App::boot(Store::at(folder));
    settle_while(&mut app, task, App::is_loading);
    assert!(!app.is_loading(), "the library should have loaded");
    app
}

fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(
        Settings {
            ..ptbuilder::gui::settings()
        },
        Size::new(1366.0, 768.0),
        app.view(),
    )
}

/// Feeds what the simulator produced back into the app, then settles
/// (waiting for what runs in the background: the preview's layout, a PDF
/// being written).
fn apply(app: &mut App, messages: Vec<Message>) {
    let tasks: Vec<Task<Message>> = messages
        .into_iter()
        .map(|message| app.update(message))
        .collect();
    settle_while(app, Task::batch(tasks), App::is_working);
}

/// Clicks something in the current view.
fn click<S>(app: &mut App, selector: S) -> Result<(), Error>
where
    S: iced_test::Selector + Send,
    S::Output: iced_test::selector::Bounded + Clone + Send + Sync + 'static,
{
    let mut ui = simulator(app);
    ui.click(selector)?;
    let messages = ui.into_messages().collect();
    apply(app, messages);
    Ok(())
}

/// Clicks a field and types into it.
fn type_into(app: &mut App, field: &str, text: &str) -> Result<(), Error> {
    let mut ui = simulator(app);
    ui.click(id(field.to_string()))?;
    let _ = ui.typewrite(text);
    let messages = ui.into_messages().collect();
    apply(app, messages);
    Ok(())
}

/// Presses a key with modifiers; a key no widget takes goes through the
/// shortcut table, as the keyboard subscription does.
fn press(app: &mut App, key: Key, modifiers: keyboard::Modifiers) {
    let event = keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: keyboard::key::Physical::Unidentified(
            keyboard::key::NativeCode::Unidentified,
        ),
        location: keyboard::Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    };
    let mut ui = simulator(app);
    let statuses = ui.simulate([
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(modifiers)),
        iced::Event::Keyboard(event.clone()),
    ]);
    let mut messages: Vec<Message> = ui.into_messages().collect();
    if statuses.iter().all(|s| *s == iced::event::Status::Ignored)
        && let Some(message) = App::shortcut(event)
    {
        messages.push(message);
    }
    apply(app, messages);
}

fn ctrl(c: &str) -> (Key, keyboard::Modifiers) {
    (Key::Character(c.into()), keyboard::Modifiers::CTRL)
}

/// The `n`-th (from 0) text equal to `text`, for words that appear twice,
/// such as Save on the toolbar and in a question.
struct Nth {
    text: &'static str,
    n: usize,
    seen: usize,
}

fn nth(text: &'static str, n: usize) -> Nth {
    Nth { text, n, seen: 0 }
}

impl iced_test::Selector for Nth {
    type Output = iced_test::selector::Text;

    fn select(&mut self, candidate: iced_test::selector::Candidate<'_>) -> Option<Self::Output> {
        let mut text = self.text;
        let found = text.select(candidate)?;
        self.seen += 1;
        (self.seen == self.n + 1).then_some(found)
    }

    fn description(&self) -> String {
        format!("text number {} == {:?}", self.n + 1, self.text)
    }
}

/// The first text containing some words.
struct Containing(&'static str);

impl iced_test::Selector for Containing {
    type Output = iced_test::selector::Target;

    fn select(&mut self, candidate: iced_test::selector::Candidate<'_>) -> Option<Self::Output> {
        match candidate {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(self.0) => {
                Some(iced_test::selector::Target::from(candidate))
            }
            _ => None,
        }
    }

    fn description(&self) -> String {
        format!("text containing {:?}", self.0)
    }
}

fn reps(app: &App) -> Option<u16> {
    app.program().phases[0].items[0]
        .dose
        .as_ref()
        .and_then(|dose| dose.reps)
}

/// Searches for "bridge" (with a typo) and adds the top hit with Enter.
fn add_bridge(app: &mut App) -> Result<(), Error> {
    // A search left from before is cleared first.
    let _ = click(app, "Clear all");
    let before = app.program().item_count();
    type_into(app, "library-search", "brige")?;
    let mut ui = simulator(app);
    ui.click(id("library-search"))?;
    let _ = ui.tap_key(Named::Enter);
    let messages = ui.into_messages().collect();
    apply(app, messages);
    assert_eq!(app.program().item_count(), before + 1);
    assert_eq!(
        app.program().phases[0].items[before].exercise.as_str(),
        "bridge"
    );
    Ok(())
}

#[test]
fn search_add_change_dose_save_and_reopen() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    assert!(app.title().ends_with("Untitled •"), "{}", app.title());

    // The patient's name, then reps from 10 to 12: the field shows 10 with
    // the cursor at its end.
    type_into(&mut app, "patient-name", "Ann Lee")?;
    let mut ui = simulator(&app);
    ui.click(id("dose-0-0-reps"))?;
    let _ = ui.tap_key(Named::Backspace);
    let _ = ui.typewrite("2");
    let messages = ui.into_messages().collect();
    apply(&mut app, messages);
    assert_eq!(reps(&app), Some(12));
    let mut ui = simulator(&app);
    assert!(
        ui.find("Hold for 10 to 15 seconds. Do it 12 times. Once a day, every day.")
            .is_ok(),
        "the patient's wording follows the dose"
    );
    drop(ui);

    click(&mut app, "Save")?;
    let path = app
        .document()
        .path()
        .unwrap_or_else(|| panic!("not saved: {:?}", app.notices()))
        .to_path_buf();
    assert_eq!(
        path,
        folder
            .path()
            .join("programs/Ann Lee - Home exercise program.ron")
    );
    assert!(!app.document().is_dirty());
    assert_eq!(
        app.title(),
        "ptbuilder — Ann Lee - Home exercise program.ron"
    );
    let saved = app.program().clone();

    // A new program, then Open finds the saved one by the patient's name.
    click(&mut app, "New")?;
    assert_eq!(app.program().item_count(), 0);
    click(&mut app, "Open…")?;
    type_into(&mut app, "open-search", "ann")?;
    click(&mut app, "Ann Lee")?;
    assert_eq!(app.document().path(), Some(path.as_path()));
    assert_eq!(app.program(), &saved);
    assert_eq!(reps(&app), Some(12));
    Ok(())
}

#[test]
fn new_from_template_is_dated_today_and_ready_to_fill() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    click(&mut app, "From template…")?;
    let mut ui = simulator(&app);
    let card = "Low back: build strength step by step";
    assert!(
        ui.find(card).is_ok(),
        "the shipped template is in the gallery"
    );
    drop(ui);
    // The first card's button.
    click(&mut app, "Use this template")?;
    let program = app.program();
    assert!(program.item_count() > 0);
    assert_eq!(program.created, chrono::Local::now().date_naive());
    assert_eq!(program.patient.as_ref().map(|p| p.name.as_str()), Some(""));
    assert!(!app.document().is_dirty(), "nothing typed yet");
    let mut ui = simulator(&app);
    assert!(ui.find(program.title.as_str()).is_ok(), "the title shows");
    Ok(())
}

#[test]
fn undo_and_redo_every_edit_with_typing_as_one_step() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "program-title", " for Ann")?;
    assert_eq!(app.program().title, "Home exercise program for Ann");

    let (z, control) = ctrl("z");
    press(&mut app, z.clone(), control);
    assert_eq!(
        app.program().title,
        "Home exercise program",
        "typing is one step"
    );
    press(&mut app, z.clone(), control);
    assert_eq!(app.program().item_count(), 0, "the add is undone");
    assert!(!app.document().is_dirty());

    let (y, control) = ctrl("y");
    press(&mut app, y, control);
    assert_eq!(app.program().item_count(), 1);
    press(
        &mut app,
        z,
        keyboard::Modifiers::CTRL | keyboard::Modifiers::SHIFT,
    );
    assert_eq!(app.program().title, "Home exercise program for Ann");

    // The toolbar buttons do the same.
    click(&mut app, "Undo")?;
    assert_eq!(app.program().title, "Home exercise program");
    click(&mut app, "Redo")?;
    assert_eq!(app.program().title, "Home exercise program for Ann");
    Ok(())
}

#[test]
fn a_refused_number_says_why_and_keeps_the_old_value() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "dose-0-0-reps", "5")?;
    assert_eq!(reps(&app), Some(10), "105 is refused; 10 stays");
    let mut ui = simulator(&app);
    assert!(ui.find("Reps must be a whole number from 1 to 100").is_ok());
    assert!(ui.find("105").is_ok(), "the field keeps what was typed");
    assert!(
        ui.find("Hold for 10 to 15 seconds. Do it 10 times. Once a day, every day.")
            .is_ok(),
        "the patient still reads the valid dose"
    );
    drop(ui);

    // Fixing the value takes it and the message goes.
    let mut ui = simulator(&app);
    ui.click(id("dose-0-0-reps"))?;
    let _ = ui.tap_key(Named::Backspace);
    let messages = ui.into_messages().collect();
    apply(&mut app, messages);
    assert_eq!(reps(&app), Some(10));
    let mut ui = simulator(&app);
    assert!(
        ui.find("Reps must be a whole number from 1 to 100")
            .is_err()
    );
    Ok(())
}

#[test]
fn new_with_unsaved_work_asks_first() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;

    let (n, control) = ctrl("n");
    press(&mut app, n, control);
    assert_eq!(app.dialog_title(), Some("Save the changes to “Untitled”?"));
    click(&mut app, "Cancel")?;
    assert_eq!(app.dialog_title(), None);
    assert_eq!(app.program().item_count(), 1, "Cancel keeps the work");

    click(&mut app, "New")?;
    click(&mut app, "Don't save")?;
    assert_eq!(app.program().item_count(), 0);
    assert!(!app.document().is_dirty());

    // Save in the question saves, then starts the new program.
    add_bridge(&mut app)?;
    click(&mut app, "New")?;
    click(&mut app, nth("Save", 1))?;
    assert_eq!(app.program().item_count(), 0);
    let saved = std::fs::read_dir(folder.path().join("programs"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron"))
        })
        .count();
    assert_eq!(saved, 1);
    Ok(())
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    let task = app.update(Message::CloseRequested(iced::window::Id::unique()));
    settle(&mut app, task);
    assert_eq!(app.dialog_title(), Some("Save the changes to “Untitled”?"));
    click(&mut app, "Cancel")?;
    assert_eq!(app.program().item_count(), 1, "nothing lost");
    Ok(())
}

#[test]
fn a_program_open_elsewhere_is_not_opened_twice() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "patient-name", "Bo Ek")?;
    click(&mut app, "Save")?;
    let path = app.document().path().unwrap().to_path_buf();
    use ptbuilder_core::store::lock::EditLock;
    assert!(
        EditLock::acquire(&path).is_err(),
        "the app holds the file while it is open"
    );
    click(&mut app, "New")?;
    drop(EditLock::acquire(&path).expect("New lets the file go"));

    // Another copy of ptbuilder (here: a lock held by the test) opens it.
    let held = EditLock::acquire(&path).unwrap();
    let mut app = boot(folder.path());
    click(&mut app, "Open…")?;
    click(&mut app, "Bo Ek")?;
    assert_eq!(app.document().path(), None, "not opened");
    let mut ui = simulator(&app);
    assert!(
        ui.find(Containing("is open in ptbuilder by")).is_ok(),
        "the sheet says who has it open"
    );
    drop(ui);
    drop(held);
    click(&mut app, "Bo Ek")?;
    assert_eq!(app.document().path(), Some(path.as_path()));
    Ok(())
}

#[test]
fn work_left_by_a_crash_is_offered_back() -> Result<(), Error> {
    use ptbuilder_core::store::recovery::RecoverySlot;
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let mut lost = ptbuilder_core::program::Program::new(chrono::Local::now().date_naive());
    lost.title = "Knee after surgery".into();
    {
        // A session autosaved, then died without cleaning up.
        let slot = RecoverySlot::claim(&store.folders().recovery).unwrap();
        slot.save(&lost, None).unwrap();
        drop(slot);
    }
    let mut app = boot(folder.path());
    assert_eq!(app.dialog_title(), Some("Restore unsaved work?"));
    click(&mut app, "Restore")?;
    assert_eq!(app.program().title, "Knee after surgery");
    assert!(
        app.document().is_dirty(),
        "restored work still needs saving"
    );
    Ok(())
}

#[test]
fn restored_work_for_a_saved_file_takes_its_lock_unless_someone_has_it() -> Result<(), Error> {
    use ptbuilder_core::store::lock::{EditLock, LockError, LockOwner, lock_path};
    use ptbuilder_core::store::recovery::RecoverySlot;
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let file = folder.path().join("programs").join("lena.ron");
    let mut saved = ptbuilder_core::program::Program::new(chrono::Local::now().date_naive());
    saved.title = "Shoulder".into();
    store.save_program_safely(&file, &saved, None).unwrap();
    let mut lost = saved.clone();
    lost.title = "Shoulder, week 2".into();
    let crash = |lock_owner: LockOwner| {
        // The crashed session autosaved and left its lock on the file.
        let slot = RecoverySlot::claim(&store.folders().recovery).unwrap();
        slot.save(&lost, Some(&file)).unwrap();
        drop(slot);
        std::fs::write(lock_path(&file), ron::to_string(&lock_owner).unwrap()).unwrap();
    };

    crash(LockOwner {
        pid: u32::MAX,
        ..LockOwner::me()
    });
    let mut app = boot(folder.path());
    click(&mut app, "Restore")?;
    assert_eq!(app.document().path(), Some(file.as_path()));
    assert!(
        matches!(EditLock::acquire(&file), Err(LockError::Held { .. })),
        "the restored file is held again by this app, not left stale"
    );
    drop(app);
    let _ = std::fs::remove_file(lock_path(&file));

    // This time a colleague on another PC has the file open.
    crash(LockOwner {
        host: "reception-pc".into(),
        ..LockOwner::me()
    });
    let mut app = boot(folder.path());
    click(&mut app, "Restore")?;
    assert_eq!(app.program().title, "Shoulder, week 2", "the work is back");
    assert_eq!(app.document().path(), None, "but not over their file");
    Ok(())
}

#[test]
fn a_file_changed_elsewhere_is_not_overwritten_without_asking() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "patient-name", "Ida Nord")?;
    click(&mut app, "Save")?;
    let path = app.document().path().unwrap().to_path_buf();

    // A colleague edits the same file on another PC.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Ida Nord", "Ida Nordin");
    std::fs::write(&path, &theirs).unwrap();

    add_bridge(&mut app)?;
    click(&mut app, "Save")?;
    assert_eq!(app.dialog_title(), Some("Someone else changed this file"));
    click(&mut app, "Cancel")?;
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their work is untouched"
    );
    assert!(app.document().is_dirty(), "and ours is still here, unsaved");

    click(&mut app, "Save")?;
    click(&mut app, "Save over their changes")?;
    assert!(!app.document().is_dirty());
    assert_eq!(
        std::fs::read_to_string(ptbuilder_core::store::backup_path(&path)).unwrap(),
        theirs,
        "their version is kept as the backup"
    );
    Ok(())
}

#[test]
fn keyboard_moves_through_the_program_and_delete_removes() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    add_bridge(&mut app)?;
    assert_eq!(app.selected_item(), Some((0, 1)), "the new one is selected");
    // Click the first card: the keyboard now works on the program.
    click(&mut app, "1")?;
    assert_eq!(app.selected_item(), Some((0, 0)));
    press(
        &mut app,
        Key::Named(Named::ArrowDown),
        keyboard::Modifiers::empty(),
    );
    type_into(&mut app, "dose-0-1-sets", "3")?;
    assert_eq!(
        app.program().phases[0].items[1].dose.as_ref().unwrap().sets,
        Some(3),
        "Down selected the second exercise, whose fields are open"
    );
    click(&mut app, "1")?;
    press(
        &mut app,
        Key::Named(Named::Delete),
        keyboard::Modifiers::empty(),
    );
    assert_eq!(app.program().item_count(), 1);
    assert_eq!(
        app.program().phases[0].items[0].dose.as_ref().unwrap().sets,
        Some(3),
        "the first one went"
    );
    Ok(())
}

/// Replaces a text field's whole content.
fn replace_text(app: &mut App, field: &str, text: &str) -> Result<(), Error> {
    let mut ui = simulator(app);
    ui.click(id(field.to_string()))?;
    let _ = ui.tap_key(Named::End);
    for _ in 0..200 {
        let _ = ui.tap_key(Named::Backspace);
    }
    let _ = ui.typewrite(text);
    let messages = ui.into_messages().collect();
    apply(app, messages);
    Ok(())
}

#[test]
fn export_writes_the_handout_where_asked() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    let (e, control) = ctrl("e");
    press(&mut app, e, control);
    let pdf = folder.path().join("Ann handout.pdf");
    replace_text(&mut app, "export-path", &pdf.display().to_string())?;
    click(&mut app, "Open the PDF when it is ready")?;
    click(&mut app, "Large print")?;
    click(&mut app, "Export PDF")?;
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"));
    let mut ui = simulator(&app);
    let said = (1..=10).any(|pages| {
        ui.find(format!("Saved {pages} pages to {}", pdf.display()))
            .is_ok()
    });
    assert!(said, "the sheet says how many pages and where the PDF went");
    Ok(())
}

#[test]
fn print_with_no_printer_says_so_and_offers_export_instead() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    let (p, control) = ctrl("p");
    press(&mut app, p, control);
    // Whatever this machine's print service said, the sheet shows what the
    // core's printer lookup gives: here, a service with no printer.
    apply(
        &mut app,
        vec![Message::Print(PrintMessage::PrintersFound(Ok(Vec::new())))],
    );
    assert!(
        simulator(&app)
            .find(Containing("No printer is set up on this computer"))
            .is_ok()
    );
    click(&mut app, "Export PDF instead")?;
    let mut ui = simulator(&app);
    assert!(ui.find("Export the handout").is_ok());
    Ok(())
}

#[test]
fn the_print_sheet_chooses_the_default_printer() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    click(&mut app, "Print…")?;
    let found = vec![
        Printer {
            name: "Office".into(),
            description: "Office laser".into(),
            is_default: false,
            state: PrinterState::Stopped("Paper jam".into()),
            two_sided: false,
        },
        Printer {
            name: "Front_Desk".into(),
            description: "Front desk printer".into(),
            is_default: true,
            state: PrinterState::Ready,
            two_sided: true,
        },
    ];
    apply(
        &mut app,
        vec![Message::Print(PrintMessage::PrintersFound(Ok(found)))],
    );
    // The menu draws its choice itself; the notes under it are text.
    let mut ui = simulator(&app);
    assert!(ui.find("The computer's default printer.").is_ok());
    assert!(
        ui.find("Print on both sides").is_ok(),
        "the default printer can print on both sides, unlike the other"
    );
    Ok(())
}

#[test]
fn save_as_and_save_as_template() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    press(
        &mut app,
        Key::Character("s".into()),
        keyboard::Modifiers::CTRL | keyboard::Modifiers::SHIFT,
    );
    replace_text(&mut app, "save-as-name", "Knee plan")?;
    click(&mut app, nth("Save", 1))?;
    let path = folder.path().join("programs/Knee plan.ron");
    assert!(path.is_file());
    assert_eq!(app.title(), "ptbuilder — Knee plan.ron");

    click(&mut app, "Save as template")?;
    let template = folder.path().join("templates/home-exercise-program.ron");
    assert!(template.is_file());
    // A second time asks before replacing it.
    click(&mut app, "Save as template")?;
    assert_eq!(app.dialog_title(), Some("Replace the template?"));
    click(&mut app, "Replace template")?;
    assert_eq!(app.dialog_title(), None);
    Ok(())
}

#[test]
fn a_broken_file_is_reported_with_its_line_and_column() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    click(&mut app, "Save")?;
    let saved = app.document().path().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&saved).unwrap();
    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, text.replace("reps: 10", "reps: 500")).unwrap();

    click(&mut app, "Open…")?;
    type_into(&mut app, "open-path", &broken.display().to_string())?;
    click(&mut app, "Open")?;
    let mut ui = simulator(&app);
    let shown = ui.find(Containing("Repetitions of 500"))?;
    let notices = match shown {
        iced_test::selector::Target::Text { content, .. } => content,
        other => panic!("{other:?}"),
    };
    let expected = format!("{}:", broken.display());
    assert!(notices.contains(&expected), "{notices}");
    assert!(
        notices.contains("Repetitions of 500 is more than the most allowed, 100"),
        "{notices}"
    );
    let line_and_column = notices
        .split(&expected)
        .nth(1)
        .and_then(|rest| rest.split(':').take(2).collect::<Vec<_>>().into())
        .unwrap_or_default();
    assert!(
        line_and_column.iter().all(|n| n.parse::<u32>().is_ok()),
        "file:line:column, got {notices}"
    );
    assert_eq!(
        app.document().path(),
        Some(saved.as_path()),
        "nothing replaced"
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        text.replace("reps: 10", "reps: 500"),
        "the broken file is left exactly as it was"
    );
    Ok(())
}

/// A hostile picture in the pictures folder (nested far deeper than any
/// drawing, as could turn up on a shared clinic folder) neither stops the
/// window from starting nor from drawing: it shows as a placeholder, and
/// the therapist is told which file and which limit.
#[test]
fn a_hostile_picture_shows_as_a_placeholder_and_is_named() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let store = Store::at(folder.path());
    let library = ptbuilder_core::library::Library::builtin();
    let mut custom = library
        .get(&ptbuilder_core::library::ExerciseId::new("bridge"))
        .unwrap()
        .clone();
    custom.id = ptbuilder_core::library::ExerciseId::new("deep-bridge");
    custom.name = "Bridge drawn badly".into();
    custom.picture = Some("deep.svg".into());
    store.save_exercise(&custom).unwrap();
    let depth = 200_000;
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">{}{}</svg>"#,
        "<g>".repeat(depth),
        "</g>".repeat(depth)
    );
    std::fs::create_dir_all(&store.folders().pictures).unwrap();
    std::fs::write(store.folders().pictures.join("deep.svg"), svg).unwrap();

    let mut app = boot(folder.path());
    let notices = app.notices().join("\n");
    assert!(notices.contains("deep.svg"), "{notices}");
    assert!(
        notices.contains("nests deeper than 100 levels"),
        "{notices}"
    );
    // The window draws the library with it, search and all.
    type_into(&mut app, "library-search", "drawn badly")?;
    let mut ui = simulator(&app);
    assert!(ui.find("Bridge drawn badly").is_ok());
    Ok(())
}

/// `ptbuilder FILE` (a double-click in the file manager): a program opens
/// for editing, locked; a template starts a new program; a broken file
/// opens the window with the problem shown.
#[test]
fn a_file_named_at_start_opens_in_the_window() {
    let folder = tempfile::tempdir().unwrap();
    let boot_with = |file: &std::path::Path| {
        let (mut app, task) = App::opening(Store::at(folder.path()), Some(file.to_path_buf()));
        settle_while(&mut app, task, App::is_loading);
        app
    };
    let mut program = ptbuilder_core::program::Program::new(chrono::Local::now().date_naive());
    program.title = "Knee after surgery".into();
    program.patient = Some(Default::default());
    let file = folder.path().join("knee.ron");
    std::fs::write(&file, ptbuilder_core::store::to_ron(&program)).unwrap();
    let app = boot_with(&file);
    assert_eq!(app.document().path(), Some(file.as_path()));
    assert!(matches!(
        ptbuilder_core::store::lock::EditLock::acquire(&file),
        Err(ptbuilder_core::store::lock::LockError::Held { .. })
    ));
    drop(app);

    let template =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/core-stability.ron");
    let app = boot_with(&template);
    assert_eq!(
        app.document().path(),
        None,
        "a template is never edited in place"
    );
    assert_eq!(app.program().title, "Core stability");
    assert!(app.program().patient.is_some());

    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, "Program(\n    title: \"Back\"\n    format: 1,\n").unwrap();
    let app = boot_with(&broken);
    assert_eq!(app.document().path(), None);
    let notices = app.notices().join("\n");
    assert!(notices.contains("broken.ron:"), "{notices}");
}

/// Types into a field and presses Enter there, as the keyboard-first
/// visit sheet is used.
fn type_and_enter(app: &mut App, field: &str, text: &str) -> Result<(), Error> {
    let mut ui = simulator(app);
    ui.click(id(field.to_string()))?;
    let _ = ui.tap_key(Named::End);
    for _ in 0..40 {
        let _ = ui.tap_key(Named::Backspace);
    }
    let _ = ui.typewrite(text);
    let _ = ui.tap_key(Named::Enter);
    let messages = ui.into_messages().collect();
    apply(app, messages);
    Ok(())
}

#[test]
fn a_visit_is_entered_from_the_keyboard_and_nonsense_is_refused() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "patient-name", "Noor Haddad")?;
    click(&mut app, "Save")?;
    let (r, control) = ctrl("r");
    press(&mut app, r, control);
    let mut ui = simulator(&app);
    assert!(ui.find("Record a visit").is_ok(), "Ctrl+R opens the sheet");
    drop(ui);

    // 9 days done of 5 planned is refused beside the field; the visit
    // keeps the last good value.
    type_and_enter(&mut app, "visit-days-0", "9 of 5")?;
    let mut ui = simulator(&app);
    assert!(ui.find("9 days done is more than the 5 planned").is_ok());
    drop(ui);
    type_and_enter(&mut app, "visit-days-0", "5 of 7")?;
    type_and_enter(&mut app, "visit-pain", "3 11")?;
    let mut ui = simulator(&app);
    assert!(ui.find("pain 11 is not a score from 0 to 10").is_ok());
    drop(ui);
    type_and_enter(&mut app, "visit-pain", "3 4 2")?;
    // Enter in the note records the visit.
    type_and_enter(&mut app, "visit-note", "Walked to the shops twice")?;

    let visits = &app.program().visits;
    assert_eq!(visits.len(), 1, "{:?}", app.notices());
    assert_eq!((visits[0].done[0].days, visits[0].done[0].planned), (5, 7));
    assert_eq!(visits[0].pain, [3, 4, 2]);
    assert_eq!(visits[0].note, "Walked to the shops twice");
    assert_eq!(visits[0].date, chrono::Local::now().date_naive());
    assert!(
        app.document().is_dirty(),
        "the visit is in the program, unsaved"
    );
    click(&mut app, "Save")?;
    let path = app.document().path().unwrap().to_path_buf();
    let (saved, _) = Store::at(folder.path())
        .load_program(&path, app.library())
        .unwrap();
    assert_eq!(
        saved.visits,
        app.program().visits,
        "the visit is in the file"
    );
    Ok(())
}

#[test]
fn saving_says_what_changed_and_an_earlier_version_opens_as_a_new_program() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    type_into(&mut app, "patient-name", "Ida Berg")?;
    click(&mut app, "Save")?;
    let first = app.program().clone();
    replace_text(&mut app, "library-search", "plank")?;
    let mut ui = simulator(&app);
    ui.click(id("library-search"))?;
    let _ = ui.tap_key(Named::Enter);
    let messages = ui.into_messages().collect();
    apply(&mut app, messages);
    let plank = app.program().phases[0].items[1].exercise.clone();
    let plank = app.library().get(&plank).unwrap().name.clone();
    click(&mut app, "Save")?;
    let said = app.notices().join("\n");
    assert!(
        said.contains("What changed since the last version"),
        "{said}"
    );
    assert!(said.contains(&format!("New: {plank}.")), "{said}");

    let path = app.document().path().unwrap().to_path_buf();
    click(&mut app, "Open…")?;
    click(&mut app, "Versions")?;
    let mut ui = simulator(&app);
    assert!(
        ui.find(format!("New: {plank}.")).is_ok(),
        "the change since the version"
    );
    drop(ui);
    click(&mut app, "Open as new program")?;
    assert_eq!(app.program(), &first);
    assert_eq!(app.document().path(), None, "a new program, not the file");
    assert!(app.document().is_dirty());
    assert!(path.is_file());
    Ok(())
}

#[test]
fn favourites_and_usual_doses_survive_a_restart() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    // The selected exercise's star in the detail (the list's come first).
    let stars = {
        let mut ui = simulator(&app);
        (0..200)
            .take_while(|&n| ui.find(nth("☆", n)).is_ok())
            .count()
    };
    assert!(stars > 1);
    click(&mut app, nth("☆", 0))?;
    assert_eq!(app.settings().favourites.len(), 1);
    let starred = app.settings().favourites[0].clone();

    replace_text(&mut app, "dose-0-0-reps", "14")?;
    assert_eq!(reps(&app), Some(14));
    click(&mut app, "Make this my usual dose")?;

    // A restart: a new app on the same folder.
    let mut again = boot(folder.path());
    assert_eq!(again.settings().favourites, [starred]);
    assert_eq!(again.settings().recently_used[0].as_str(), "bridge");
    click(&mut again, "★ Favourites (1)")?;
    click(&mut again, "Recent (1)")?;
    add_bridge(&mut again)?;
    assert_eq!(
        reps(&again),
        Some(14),
        "a new item starts from my usual dose"
    );
    click(&mut again, "Use library dose")?;
    assert_ne!(reps(&again), Some(14));
    click(&mut again, "Use my usual dose")?;
    assert_eq!(reps(&again), Some(14));
    Ok(())
}

/// How many rows of the library list the real layout shows whole in a
/// window of `size`: each row's bounds against the list's visible area.
fn whole_library_rows(app: &App, size: Size) -> usize {
    let mut ui = Simulator::with_size(ptbuilder::gui::settings(), size, app.view());
    (0..200)
        .take_while(|&n| {
            ui.find(id(ptbuilder::gui::library_row_id(n)))
                .is_ok_and(|row| {
                    row.visible_bounds()
                        .is_some_and(|seen| seen.height >= row.bounds().height - 0.5)
                })
        })
        .count()
}

#[test]
fn the_library_shows_eight_exercises_by_picture_on_a_laptop_screen() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    let laptop = Size::new(1366.0, 768.0);
    let rows = whole_library_rows(&app, laptop);
    assert!(rows >= 8, "{rows} rows at 1366×768");

    // A click shows the exercise in full beside the list, which keeps
    // its height.
    let mut ui = simulator(&app);
    assert!(ui.find("Usual dose").is_err(), "no detail until asked");
    drop(ui);
    click(&mut app, id(ptbuilder::gui::library_row_id(0)))?;
    let mut ui = simulator(&app);
    assert!(ui.find("Usual dose").is_ok(), "the detail opens on a click");
    drop(ui);
    assert_eq!(whole_library_rows(&app, laptop), rows);

    // Esc closes it; Enter adds the selection, Down moves on.
    let key = |app: &mut App, named| press(app, Key::Named(named), keyboard::Modifiers::empty());
    key(&mut app, Named::Escape);
    let mut ui = simulator(&app);
    assert!(ui.find("Usual dose").is_err(), "Esc closes the detail");
    drop(ui);
    key(&mut app, Named::Enter);
    key(&mut app, Named::ArrowDown);
    key(&mut app, Named::Enter);
    let items = &app.program().phases[0].items;
    assert_eq!(items.len(), 2);
    assert_ne!(items[0].exercise, items[1].exercise, "Down moved on");
    Ok(())
}

/// Draws the window as the software renderer (tiny-skia) draws it on
/// screen: the whole window once, then only a few small damaged spots,
/// again and again, as a blinking text cursor or a hovered button makes
/// it. Returns the share of 16 × 16-pixel tiles that came out solid black:
/// nothing in the light theme is solid black over such an area (text
/// strokes are thinner), so more than a trace is a drawing fault, such as
/// the one that once blacked out sheets (see `style::dialog`).
fn black_after_repaints(app: &App, size: Size, name: &str) -> f64 {
    use iced_test::core::{Event, Font, Pixels, clipboard, mouse, renderer::Style, window};
    use iced_test::renderer::fallback::Renderer;
    use iced_test::runtime::user_interface::{Cache, UserInterface};
    // The simulator loads the app's fonts for every renderer.
    drop(Simulator::with_size(
        ptbuilder::gui::settings(),
        size,
        app.view(),
    ));
    let mut renderer = Renderer::Secondary(iced_tiny_skia::Renderer::new(
        Font::with_name("Fira Sans"),
        Pixels(ptbuilder::gui::settings().default_text_size.0),
    ));
    let theme = app.theme();
    let base = iced::theme::Base::base(&theme);
    let mut ui = UserInterface::build(app.view(), size, Cache::default(), &mut renderer);
    let redraw = Event::Window(window::Event::RedrawRequested(std::time::Instant::now()));
    let mut messages = Vec::new();
    let _ = ui.update(
        &[redraw],
        mouse::Cursor::Unavailable,
        &mut renderer,
        &mut clipboard::Null,
        &mut messages,
    );
    let style = Style {
        text_color: base.text_color,
    };
    ui.draw(&mut renderer, &theme, &style, mouse::Cursor::Unavailable);
    let Renderer::Secondary(software) = &mut renderer else {
        unreachable!("built as tiny-skia");
    };
    let (width, height) = (size.width as u32, size.height as u32);
    let mut bytes = vec![0u8; (width * height * 4) as usize];
    let mut pixels = tiny_skia::PixmapMut::from_bytes(&mut bytes, width, height).unwrap();
    let mut mask = tiny_skia::Mask::new(width, height).unwrap();
    let viewport =
        iced_tiny_skia::graphics::Viewport::with_physical_size(iced::Size::new(width, height), 1.0);
    let whole = iced::Rectangle::with_size(size);
    software.draw(
        &mut pixels,
        &mut mask,
        &viewport,
        &[whole],
        base.background_color,
    );
    let spot = |x: f32, y: f32| {
        iced::Rectangle::new(
            iced::Point::new(size.width * x, size.height * y),
            iced::Size::new(12.0, 18.0),
        )
    };
    let spots = [spot(0.5, 0.5), spot(0.35, 0.4), spot(0.6, 0.7)];
    for _ in 0..12 {
        software.draw(
            &mut pixels,
            &mut mask,
            &viewport,
            &spots,
            base.background_color,
        );
    }
    // Kept in the target folder, to look at when this fails (the
    // renderer's pixels are in BGRA order).
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("repainted");
    std::fs::create_dir_all(&folder).unwrap();
    let mut shown = bytes.clone();
    shown.chunks_exact_mut(4).for_each(|pixel| pixel.swap(0, 2));
    image::RgbaImage::from_raw(width, height, shown)
        .unwrap()
        .save(folder.join(format!("{name}.png")))
        .unwrap();
    let tile = 16;
    let (mut tiles, mut black) = (0usize, 0usize);
    for y in (0..height - tile + 1).step_by(tile as usize) {
        for x in (0..width - tile + 1).step_by(tile as usize) {
            tiles += 1;
            let dark = (0..tile * tile)
                .filter(|i| {
                    let at = (((y + i / tile) * width + x + i % tile) * 4) as usize;
                    bytes[at..at + 3].iter().all(|&c| c <= 8)
                })
                .count();
            if dark * 10 >= (tile * tile * 9) as usize {
                black += 1;
            }
        }
    }
    black as f64 / tiles as f64
}

#[test]
fn every_sheet_draws_without_black_areas_in_the_software_renderer() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let mut app = boot(folder.path());
    add_bridge(&mut app)?;
    let small = Size::new(1280.0, 720.0);
    let escape =
        |app: &mut App| press(app, Key::Named(Named::Escape), keyboard::Modifiers::empty());
    let mut faults = Vec::new();
    let mut look = |app: &App, name: &str| {
        let share = black_after_repaints(app, small, name);
        if share > 0.002 {
            faults.push(format!("{name}: {:.1}% black", share * 100.0));
        }
    };
    look(&app, "window");
    for (name, button) in [
        ("templates", "From template…"),
        ("open", "Open…"),
        ("save-as", "Save as…"),
        ("export", "Export PDF…"),
        ("settings", "Settings"),
        ("help", "Help"),
        ("exercise-editor", "New custom exercise…"),
    ] {
        click(&mut app, button)?;
        look(&app, name);
        escape(&mut app);
    }
    click(&mut app, id(ptbuilder::gui::library_row_id(0)))?;
    look(&app, "exercise-detail");
    escape(&mut app);
    click(&mut app, "New")?;
    assert!(app.dialog_title().is_some(), "unsaved work: a question");
    look(&app, "question");
    assert!(faults.is_empty(), "{faults:?}");
    Ok(())
}

/// The live preview: Ctrl+Shift+P shows the handout's pages, an edit lays
/// them out again, and the pages say what the PDF will.
#[test]
fn the_preview_shows_the_pages_and_follows_each_edit() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let template =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/low-back-strength.ron");
    let (mut app, task) = App::opening(Store::at(folder.path()), Some(template));
    settle_while(&mut app, task, App::is_loading);
    assert!(app.preview_pages().is_none(), "hidden until asked for");

    press(
        &mut app,
        Key::Character("P".into()),
        keyboard::Modifiers::CTRL | keyboard::Modifiers::SHIFT,
    );
    let pages = app.preview_pages().expect("the preview shows pages");
    assert!(pages.len() >= 5, "{} pages", pages.len());
    assert!(pages[0].contains("Stay safe"));
    let heading = format!(
        "{} pages ({} sheets double-sided)",
        pages.len(),
        pages.len().div_ceil(2)
    );
    assert!(simulator(&app).find(heading.as_str()).is_ok(), "{heading}");

    type_into(&mut app, "patient-name", "Mira Okafor")?;
    let pages = app.preview_pages().unwrap();
    assert!(pages[0].contains("Mira Okafor"), "{}", pages[0]);
    assert!(
        !app.findings().iter().any(|f| f.contains("no patient name")),
        "{:?}",
        app.findings()
    );
    Ok(())
}

/// A checker finding is a button to the place to fix it.
#[test]
fn a_checker_finding_takes_you_to_its_field() -> Result<(), Error> {
    let folder = tempfile::tempdir().unwrap();
    let template =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/core-stability.ron");
    let (mut app, task) = App::opening(Store::at(folder.path()), Some(template));
    settle_while(&mut app, task, App::is_loading);
    press(
        &mut app,
        Key::Character("P".into()),
        keyboard::Modifiers::CTRL | keyboard::Modifiers::SHIFT,
    );
    let phone = app
        .findings()
        .into_iter()
        .find(|f| f.contains("no clinic phone"))
        .expect("a new program from a template has no phone yet");
    assert_eq!(app.editor_tab(), "Exercises");

    click(&mut app, ptbuilder_core::text::capitalize(&phone).as_str())?;
    assert_eq!(
        app.editor_tab(),
        "Details",
        "the phone is on the Details tab"
    );
    type_into(&mut app, "details-phone", "555 0100")?;
    assert_eq!(app.program().phone, "555 0100");
    assert!(!app.findings().iter().any(|f| f.contains("no clinic phone")));
    Ok(())
}
