//! The root of the app: what is open, which sheet is showing, and a thin
//! `update` that hands each message to the pane it belongs to.

mod files;
mod handout;
mod lifecycle;
mod live_preview;
mod printing;
mod view;
mod window_size;

use super::dialog::Dialog;
use super::error::Error;
use super::finder;
use super::pictures::{self, Pictures};
use super::shortcuts::Command;
use super::{
    editor, exercise_editor, export, open_sheet, perform, preview, print_sheet, save_as, settings,
    style, templates, visits,
};
use chrono::NaiveDate;
use iced::theme::Mode;
use iced::widget::operation;
use iced::{Subscription, Task, Theme, keyboard, system, window};
use ptbuilder_core::library::{Library, SearchIndex};
use ptbuilder_core::program::Program;
use ptbuilder_core::program::document::Document;
use ptbuilder_core::store::lock::EditLock;
use ptbuilder_core::store::recovery::{Recovery, RecoverySlot};
use ptbuilder_core::store::{self, FileProblem, FileStamp, Settings, Store};
use ptbuilder_core::text::count;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use files::Pending;

/// Something that can be handed from a background thread to the app once,
/// even though messages must be cloneable (a lock, a recovery slot).
#[derive(Debug)]
pub struct Handover<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Handover<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Handover<T> {
    /// Wraps `value` for the trip.
    pub fn new(value: T) -> Self {
        Self(Arc::new(Mutex::new(Some(value))))
    }

    /// Takes the value; `None` if it was taken already.
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// The library as loaded in the background.
#[derive(Debug, Clone)]
pub struct Loaded {
    library: Arc<Library>,
    index: Arc<SearchIndex>,
    problems: Arc<Vec<FileProblem>>,
}

/// Which side of the window the keyboard works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    Library,
    Program,
}

/// A sheet shown over the main window.
#[derive(Debug)]
enum Sheet {
    Templates(templates::State),
    Open(open_sheet::State),
    SaveAs(save_as::State),
    Export(export::State),
    Print(print_sheet::State),
    Settings(settings::State),
    ExerciseEditor(Box<exercise_editor::State>),
    Visits(Box<visits::State>),
    Help,
}

/// A message in the banner under the toolbar.
#[derive(Debug, Clone)]
struct Notice {
    id: u64,
    tone: style::Tone,
    text: String,
}

/// The file behind the open program: its edit lock and what it held.
#[derive(Debug, Default)]
struct FileGuard {
    lock: Option<Arc<EditLock>>,
    stamp: Option<FileStamp>,
}

/// The app.
pub struct App {
    store: Store,
    settings: Settings,
    library: Arc<Library>,
    index: Arc<SearchIndex>,
    loading: bool,
    /// Picture batches being decoded in the background.
    pictures_loading: usize,
    pictures: Pictures,
    finder: finder::State,
    editor: editor::State,
    preview: preview::State,
    guard: FileGuard,
    area: Area,
    sheet: Option<Sheet>,
    dialog: Option<Dialog<Message>>,
    notices: Vec<Notice>,
    next_notice: u64,
    pending: Option<Pending>,
    saving: bool,
    system_mode: Mode,
    recovery: Option<Arc<RecoverySlot>>,
    orphans: Vec<(PathBuf, Recovery)>,
    autosave_due: bool,
    autosaved: Option<Program>,
    /// The file named on the command line, opened once the library is in.
    open_on_start: Option<PathBuf>,
    /// The window's size, saved in the settings for next time.
    window: window_size::Tracked,
}

/// Everything the app reacts to.
#[derive(Debug, Clone)]
pub enum Message {
    /// The library finished loading.
    LibraryLoaded(Loaded),
    /// Pictures were read.
    PicturesLoaded(pictures::Found),
    /// The system switched between light and dark.
    SystemThemeChanged(Mode),
    /// The library pane.
    Finder(finder::Message),
    /// The program pane.
    Editor(editor::Message),
    /// The template gallery.
    Templates(templates::Message),
    /// The Open sheet.
    OpenSheet(open_sheet::Message),
    /// The Save As sheet.
    SaveAs(save_as::Message),
    /// The Export sheet.
    Export(export::Message),
    /// The Print sheet.
    Print(print_sheet::Message),
    /// The settings sheet.
    Settings(settings::Message),
    /// The custom exercise editor.
    ExerciseEditor(exercise_editor::Message),
    /// The handout preview.
    Preview(preview::Message),
    /// The Record a visit sheet.
    Visits(visits::Message),
    /// A toolbar button or a shortcut.
    Command(Command),
    /// An answer to a question (unsaved changes, a changed file…).
    Answer(files::Answer),
    /// Close the banner message with this id.
    NoticeDismissed(u64),
    /// The window's close button.
    CloseRequested(window::Id),
    /// Files work finished.
    Files(files::Done),
    /// Crash recovery and lock upkeep.
    Lifecycle(lifecycle::Event),
    /// The window's size and screen.
    Window(window_size::Event),
}

/// Today, for new programs and quick date buttons.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl App {
    /// The app for `store`, with the tasks that load the library, read the
    /// system theme and put the cursor in the search box.
    pub fn boot(store: Store) -> (Self, Task<Message>) {
        Self::opening(store, None)
    }

    /// The app for `store`, as [`App::boot`], opening `file` once the
    /// library has loaded: a program for editing, a template as a new
    /// program; a file that cannot be used is reported in the window.
    pub fn opening(store: Store, file: Option<PathBuf>) -> (Self, Task<Message>) {
        let (settings, problem) = store.load_settings();
        let document = Document::new(store::new_program(&settings, None, today()));
        let mut app = Self {
            library: Arc::new(Library::default()),
            index: Arc::new(SearchIndex::default()),
            loading: true,
            pictures_loading: 0,
            pictures: Pictures::default(),
            finder: finder::State::default(),
            editor: editor::State::new(document),
            preview: preview::State::new(settings.layout),
            guard: FileGuard::default(),
            area: Area::Library,
            sheet: None,
            dialog: None,
            notices: Vec::new(),
            next_notice: 0,
            pending: None,
            saving: false,
            system_mode: Mode::Light,
            recovery: None,
            orphans: Vec::new(),
            autosave_due: false,
            autosaved: None,
            open_on_start: file,
            window: window_size::Tracked {
                size: window_size::initial(&settings),
                save_due: false,
            },
            store,
            settings,
        };
        app.editor.set_usual_doses(&app.settings.usual_doses);
        if let Some(problem) = problem {
            app.warn(problem.to_string());
        }
        let tasks = Task::batch([
            app.load_library(),
            system::theme().map(Message::SystemThemeChanged),
            operation::focus(finder::SEARCH_ID),
            lifecycle::start(&app.store),
            window_size::measure(),
        ]);
        (app, tasks)
    }

    /// Loads the library (shipped, the therapist's and the clinic's) and
    /// builds its search index in the background.
    fn load_library(&self) -> Task<Message> {
        let (store, settings) = (self.store.clone(), self.settings.clone());
        perform(
            move || {
                let (library, problems) = store.library(&settings);
                let index = SearchIndex::build(&library);
                Ok(Loaded {
                    library: Arc::new(library),
                    index: Arc::new(index),
                    problems: Arc::new(problems),
                })
            },
            |result| match result {
                Ok(loaded) => Message::LibraryLoaded(loaded),
                Err(error) => Message::Files(files::Done::Failed(error)),
            },
        )
    }

    /// The size the window opens at for `store`'s settings: the one it
    /// last had, or 1280 × 720. (Once open it is fitted to the screen.)
    pub fn window_size(store: &Store) -> (iced::Size, iced::Size) {
        (
            window_size::initial(&store.load_settings().0),
            window_size::MIN,
        )
    }

    /// The window title: "ptbuilder — file name" with a dot for unsaved changes.
    pub fn title(&self) -> String {
        let document = self.editor.document();
        let marker = if document.is_dirty() { " •" } else { "" };
        format!("ptbuilder — {}{marker}", document.name())
    }

    /// The window colours; a settings sheet previews its choice.
    pub fn theme(&self) -> Theme {
        let choice = match &self.sheet {
            Some(Sheet::Settings(sheet)) => sheet.theme(),
            _ => self.settings.theme,
        };
        style::theme(choice, self.system_mode)
    }

    /// Keyboard shortcuts, the close button and the system theme.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(Self::shortcut),
            window::close_requests().map(Message::CloseRequested),
            window::resize_events()
                .map(|(_, size)| Message::Window(window_size::Event::Resized(size))),
            system::theme_changes().map(Message::SystemThemeChanged),
        ])
    }

    /// The message for a key press no widget used: the shortcut table's
    /// command, if it has one.
    pub fn shortcut(event: keyboard::Event) -> Option<Message> {
        super::shortcuts::from_event(event).map(Message::Command)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = match message {
            Message::LibraryLoaded(loaded) => self.library_loaded(loaded),
            Message::PicturesLoaded(found) => {
                self.pictures_loading = self.pictures_loading.saturating_sub(1);
                for problem in self.pictures.insert(&found) {
                    self.warn(problem);
                }
                Task::none()
            }
            Message::SystemThemeChanged(mode) => {
                self.system_mode = mode;
                Task::none()
            }
            Message::Finder(message) => self.finder_message(message),
            Message::Editor(message) => self.editor_message(message),
            Message::Templates(message) => self.templates_message(message),
            Message::OpenSheet(message) => self.open_sheet_message(message),
            Message::SaveAs(message) => self.save_as_message(message),
            Message::Export(message) => self.export_message(message),
            Message::Print(message) => self.print_message(message),
            Message::Settings(message) => self.settings_message(message),
            Message::ExerciseEditor(message) => self.exercise_editor_message(message),
            Message::Preview(message) => self.preview_message(message),
            Message::Visits(message) => self.visits_message(message),
            Message::Command(command) => self.command(command),
            Message::Answer(answer) => self.answer(answer),
            Message::NoticeDismissed(id) => {
                self.notices.retain(|notice| notice.id != id);
                Task::none()
            }
            Message::CloseRequested(_) => self.guard_unsaved(Pending::Exit),
            Message::Files(done) => self.files_done(done),
            Message::Lifecycle(event) => self.lifecycle(event),
            Message::Window(event) => self.window_event(event),
        };
        Task::batch([task, self.schedule_autosave(), self.refresh_preview()])
    }

    fn library_loaded(&mut self, loaded: Loaded) -> Task<Message> {
        self.library = loaded.library;
        self.index = loaded.index;
        self.loading = false;
        for problem in loaded.problems.iter() {
            self.warn(problem.to_string());
        }
        self.finder.refresh(&self.library, &self.index);
        self.refresh_marks();
        let opening = match self.open_on_start.take() {
            Some(path) => self.open_from_command_line(path),
            None => Task::none(),
        };
        Task::batch([self.load_pictures(), opening])
    }

    /// Reads the pictures the library and the open program use that are
    /// not cached yet.
    pub(super) fn load_pictures(&mut self) -> Task<Message> {
        let names = self
            .pictures
            .missing(&self.library, &self.editor.program().exercises);
        if names.is_empty() {
            return Task::none();
        }
        let folders = self.store.picture_folders(&self.settings);
        let carried = self.editor.program().pictures.clone();
        self.pictures_loading += 1;
        perform(
            move || Ok(pictures::load(names, folders, carried)),
            |result| match result {
                Ok(found) => Message::PicturesLoaded(found),
                Err(error) => Message::Files(files::Done::Failed(error)),
            },
        )
    }

    fn finder_message(&mut self, message: finder::Message) -> Task<Message> {
        // Scrolling reports come from layout too, not only from the
        // therapist, so they do not move the keyboard's attention.
        if !matches!(message, finder::Message::ListScrolled(_)) {
            self.area = Area::Library;
        }
        match self.finder.update(message, &self.library, &self.index) {
            finder::Action::None => Task::none(),
            finder::Action::Run(task) => task.map(Message::Finder),
            finder::Action::Add { id, from_search } => {
                let added = self.add_exercise(&id);
                if from_search {
                    Task::batch([added, operation::select_all(finder::SEARCH_ID)])
                } else {
                    added
                }
            }
            finder::Action::Edit(id) => self.open_exercise_editor(Some(id), false),
            finder::Action::Duplicate(id) => self.open_exercise_editor(Some(id), true),
            finder::Action::New => self.open_exercise_editor(None, false),
            finder::Action::ToggleFavourite(id) => {
                self.settings.toggle_favourite(&id);
                self.refresh_marks();
                self.save_settings_quietly(self.settings.clone())
            }
        }
    }

    /// Shows the settings' favourites and recently used exercises in the
    /// library pane.
    fn refresh_marks(&mut self) {
        self.finder.set_marks(
            &self.settings.favourites,
            &self.settings.recently_used,
            &self.library,
            &self.index,
        );
    }

    fn add_exercise(&mut self, id: &ptbuilder_core::library::ExerciseId) -> Task<Message> {
        let Some(exercise) = self.library.get(id) else {
            return Task::none();
        };
        let action = self.editor.add_exercise(exercise);
        self.settings.used(id);
        self.refresh_marks();
        Task::batch([
            self.editor_action(action),
            self.save_settings_quietly(self.settings.clone()),
        ])
    }

    fn editor_message(&mut self, message: editor::Message) -> Task<Message> {
        self.area = Area::Program;
        let action = self.editor.update(message, &self.library, today());
        self.editor_action(action)
    }

    fn editor_action(&mut self, action: editor::Action) -> Task<Message> {
        match action {
            editor::Action::None => Task::none(),
            editor::Action::Run(task) => task.map(Message::Editor),
            editor::Action::ConfirmRemovePhase { phase, name, items } => {
                self.dialog = Some(
                    Dialog::new(
                        "Remove this phase?",
                        format!(
                            "“{name}” has {}. Removing the phase removes them too (Undo \
                             brings them back).",
                            count(items, "exercise")
                        ),
                    )
                    .cancel("Keep it", Message::Answer(files::Answer::Dismiss))
                    .answer(
                        "Remove phase",
                        super::dialog::Kind::Danger,
                        Message::Answer(files::Answer::RemovePhase(phase)),
                    ),
                );
                Task::none()
            }
            editor::Action::Refused(reason) => {
                self.warn(reason);
                Task::none()
            }
            editor::Action::MakeUsualDose { exercise, dose } => {
                let name = self
                    .library
                    .get(&exercise)
                    .map_or_else(|| exercise.to_string(), |e| e.name.clone());
                let said = format!(
                    "Your usual dose for {name} is now: {} New items start from it.",
                    dose.describe()
                );
                self.settings.set_usual_dose(&exercise, dose);
                Task::batch([
                    self.notify(style::Tone::Success, said),
                    self.save_settings_quietly(self.settings.clone()),
                ])
            }
        }
    }

    fn templates_message(&mut self, message: templates::Message) -> Task<Message> {
        let Some(Sheet::Templates(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            templates::Action::None => Task::none(),
            templates::Action::Close => self.close_sheet(),
            templates::Action::Use(template) => {
                self.sheet = None;
                self.start_from_template(*template)
            }
        }
    }

    fn settings_message(&mut self, message: settings::Message) -> Task<Message> {
        let Some(Sheet::Settings(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            settings::Action::None => Task::none(),
            settings::Action::Run(task) => task.map(Message::Settings),
            settings::Action::Close => self.close_sheet(),
            settings::Action::Save(settings) => self.save_settings(*settings),
        }
    }

    fn exercise_editor_message(&mut self, message: exercise_editor::Message) -> Task<Message> {
        let Some(Sheet::ExerciseEditor(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message, &self.library, &self.store) {
            exercise_editor::Action::None => Task::none(),
            exercise_editor::Action::Run(task) => task.map(Message::ExerciseEditor),
            exercise_editor::Action::Close => self.close_sheet(),
            exercise_editor::Action::Saved(exercise) => self.exercise_saved(&exercise),
        }
    }

    fn open_visits(&mut self) -> Task<Message> {
        let sheet = visits::State::new(self.editor.program(), &self.library, today());
        self.sheet = Some(Sheet::Visits(Box::new(sheet)));
        visits::State::focus().map(Message::Visits)
    }

    fn visits_message(&mut self, message: visits::Message) -> Task<Message> {
        let Some(Sheet::Visits(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            visits::Action::None => Task::none(),
            visits::Action::Run(task) => task.map(Message::Visits),
            visits::Action::Close => self.close_sheet(),
            visits::Action::Record(visit) => {
                let said = format!(
                    "Recorded the visit of {}: {}, pain {}.",
                    visit.date.format("%-d %B %Y"),
                    visit.done_words(),
                    visit.pain_words()
                );
                self.sheet = None;
                let action = self.editor.record_visit(visit);
                Task::batch([
                    self.editor_action(action),
                    self.notify(style::Tone::Success, said),
                    operation::focus(finder::SEARCH_ID),
                ])
            }
        }
    }

    fn open_exercise_editor(
        &mut self,
        id: Option<ptbuilder_core::library::ExerciseId>,
        duplicate: bool,
    ) -> Task<Message> {
        let sheet = match id.as_ref().and_then(|id| self.library.get(id)) {
            Some(exercise) if duplicate => exercise_editor::State::duplicate(exercise),
            Some(exercise) => exercise_editor::State::edit(exercise),
            None => exercise_editor::State::new_exercise(),
        };
        self.sheet = Some(Sheet::ExerciseEditor(Box::new(sheet)));
        Task::none()
    }

    fn exercise_saved(&mut self, exercise: &ptbuilder_core::library::Exercise) -> Task<Message> {
        self.sheet = None;
        let library = Arc::make_mut(&mut self.library);
        library.add_custom(exercise.clone());
        self.index = Arc::new(SearchIndex::build(&self.library));
        self.finder
            .reveal(exercise.id.clone(), &self.library, &self.index);
        if let Some(picture) = &exercise.picture {
            self.pictures.forget(picture);
        }
        self.editor.refresh_exercise(exercise);
        let notice = self.notify(
            style::Tone::Success,
            format!("Saved “{}” in your exercises.", exercise.name),
        );
        Task::batch([notice, self.load_pictures()])
    }

    fn close_sheet(&mut self) -> Task<Message> {
        self.sheet = None;
        operation::focus(finder::SEARCH_ID)
    }

    /// Puts a warning in the banner; it stays until dismissed.
    fn warn(&mut self, text: String) {
        let _ = self.notify(style::Tone::Warning, text);
    }

    /// Puts a message in the banner; successes clear themselves.
    fn notify(&mut self, tone: style::Tone, text: String) -> Task<Message> {
        let id = self.next_notice;
        self.next_notice += 1;
        self.notices.push(Notice { id, tone, text });
        if tone == style::Tone::Success {
            super::after(
                std::time::Duration::from_secs(6),
                Message::NoticeDismissed(id),
            )
        } else {
            Task::none()
        }
    }

    /// The library, for tests.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The open program, for tests.
    pub fn program(&self) -> &Program {
        self.editor.program()
    }

    /// The open document, for tests.
    pub fn document(&self) -> &Document {
        self.editor.document()
    }

    /// The selected program exercise as (phase, position), for tests.
    pub fn selected_item(&self) -> Option<(usize, usize)> {
        self.editor.selected_item().map(|at| (at.phase, at.index))
    }

    /// The question on screen, if any, for tests.
    pub fn dialog_title(&self) -> Option<&str> {
        self.dialog.as_ref().map(Dialog::title)
    }

    /// The banner messages, for tests.
    pub fn notices(&self) -> Vec<String> {
        self.notices.iter().map(|n| n.text.clone()).collect()
    }

    /// The settings as they stand, for tests.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// True until the library and its pictures have loaded.
    pub fn is_loading(&self) -> bool {
        self.loading || self.pictures_loading > 0
    }

    /// True while anything runs in the background whose result the window
    /// is waiting for (loading, the preview's layout, a PDF being written),
    /// for tests.
    pub fn is_working(&self) -> bool {
        let writing = matches!(&self.sheet, Some(Sheet::Export(export)) if export.is_writing());
        self.is_loading() || self.preview.is_running() || writing
    }
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("document", &self.editor.document().name())
            .finish_non_exhaustive()
    }
}

/// Reports a background error in the banner.
fn failed(error: Error) -> Message {
    Message::Files(files::Done::Failed(error))
}
