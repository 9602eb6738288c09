//! Files: New, Open, Save, Save As, templates, the handout, settings, and
//! the questions asked before unsaved work is replaced or a file written
//! by someone else is overwritten.

use super::{App, Area, Handover, Message, Sheet, failed, today};
use crate::gui::dialog::{Dialog, Kind};
use crate::gui::error::Error;
use crate::gui::finder;
use crate::gui::shortcuts::Command;
use crate::gui::{editor, export, open_sheet, perform, save_as, style, templates};
use iced::Task;
use iced::widget::operation;
use ptbuilder_core::handout::HandoutOptions;
use ptbuilder_core::program::Program;
use ptbuilder_core::program::document::Document;
use ptbuilder_core::store::lock::{EditLock, LockError};
use ptbuilder_core::store::{self, FileStamp, Opened, Settings, Target, TemplateError, naming};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Start an empty program.
    New,
    /// Show the Open sheet.
    Open,
    /// Show the template gallery.
    FromTemplate,
    /// Close the window.
    Exit,
}

/// An answer to a question on screen.
#[derive(Debug, Clone)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Close the question and do nothing.
    Dismiss,
    /// Remove this phase and its exercises.
    RemovePhase(usize),
    /// Save over a file someone else changed.
    ReplaceTheirs,
    /// Save under another name instead.
    SaveElsewhere,
    /// Open a file whose lock was left behind by a copy that is gone.
    TakeOver(PathBuf),
    /// Replace the template with the same title.
    ReplaceTemplate,
    /// Restore autosaved work.
    Restore(usize),
    /// Throw autosaved work away.
    DiscardRecovery(usize),
}

/// A program written to disk.
#[derive(Debug, Clone)]
pub struct Saved {
    path: PathBuf,
    snapshot: Arc<Program>,
    stamp: FileStamp,
    lock: Option<Handover<EditLock>>,
    /// Pictures that could not be carried in the file.
    problems: Vec<String>,
    /// What changed since the program's last saved version, in plain lines.
    changes: Vec<String>,
    then: Option<Pending>,
}

/// A program read from disk, with its lock.
#[derive(Debug, Clone)]
pub struct OpenedFile {
    path: PathBuf,
    opened: Arc<Opened>,
    lock: Handover<EditLock>,
}

/// Background file work that finished.
#[derive(Debug, Clone)]
pub enum Done {
    /// Save or Save As.
    Saved(Result<Saved, Error>),
    /// Open.
    Opened(Result<OpenedFile, Error>),
    /// Save as template.
    TemplateSaved(Result<PathBuf, TemplateError>),
    /// Settings.
    SettingsSaved(Result<Box<Settings>, Error>),
    /// The file named on the command line was read.
    CommandLineRead(Result<(PathBuf, Arc<Program>), Error>),
    /// An earlier version was read, to open as a new program.
    VersionRead(Result<Arc<Program>, Error>),
    /// Something failed that only needs reporting.
    Failed(Error),
    /// Nothing to report.
    Quiet,
}

impl App {
    /// A toolbar button or keyboard shortcut.
    pub(super) fn command(&mut self, command: Command) -> Task<Message> {
        if let Some(dialog) = &self.dialog {
            return match (command, dialog.on_escape()) {
                (Command::Close, Some(message)) => self.update(message),
                (Command::NextField, _) => operation::focus_next(),
                (Command::PreviousField, _) => operation::focus_previous(),
                _ => Task::none(),
            };
        }
        if self.sheet.is_some() {
            return match command {
                Command::Close => self.close_sheet(),
                Command::NextField => operation::focus_next(),
                Command::PreviousField => operation::focus_previous(),
                _ => Task::none(),
            };
        }
        match command {
            Command::New => self.guard_unsaved(Pending::New),
            Command::NewFromTemplate => self.guard_unsaved(Pending::FromTemplate),
            Command::Open => self.guard_unsaved(Pending::Open),
            Command::Save => self.save(None, None),
            Command::SaveAs => self.open_save_as(),
            Command::SaveTemplate => self.save_template(false),
            Command::Export => self.open_export(),
            Command::Print => self.open_print(),
            Command::Undo => {
                self.editor.undo();
                Task::none()
            }
            Command::Redo => {
                self.editor.redo();
                Task::none()
            }
            Command::FindExercise => {
                self.area = Area::Library;
                Task::batch([
                    operation::focus(finder::SEARCH_ID),
                    operation::select_all(finder::SEARCH_ID),
                ])
            }
            Command::RemoveItem if self.area == Area::Program => {
                let action = self.editor.remove_selected();
                self.editor_action(action)
            }
            Command::SelectPrevious | Command::SelectNext => {
                let delta = if command == Command::SelectNext {
                    1
                } else {
                    -1
                };
                match self.area {
                    Area::Library => self.finder.step(delta, &self.library).map(Message::Finder),
                    Area::Program => {
                        self.editor.step(delta);
                        Task::none()
                    }
                }
            }
            Command::AddSelected if self.area == Area::Library => {
                match self.finder.add_selection() {
                    finder::Action::Add { id, .. } => self.add_exercise(&id),
                    _ => Task::none(),
                }
            }
            Command::Help => {
                self.sheet = Some(Sheet::Help);
                Task::none()
            }
            Command::NextField => operation::focus_next(),
            Command::PreviousField => operation::focus_previous(),
            Command::NewExercise => self.open_exercise_editor(None, false),
            Command::Settings => {
                self.sheet = Some(Sheet::Settings(crate::gui::settings::State::new(
                    &self.settings,
                )));
                Task::none()
            }
            Command::TogglePreview => self.toggle_preview(),
            Command::RecordVisit => self.open_visits(),
            Command::Close => {
                self.finder.close_detail();
                Task::none()
            }
            Command::RemoveItem | Command::AddSelected => Task::none(),
        }
    }

    /// Goes on with `pending` at once, or first asks what to do with
    /// unsaved changes.
    pub(super) fn guard_unsaved(&mut self, pending: Pending) -> Task<Message> {
        if !self.editor.document().is_dirty() {
            return self.proceed(pending);
        }
        self.pending = Some(pending);
        let name = self.editor.document().name();
        self.dialog = Some(
            Dialog::new(
                format!("Save the changes to “{name}”?"),
                "If you don't save, the changes you made to this program are lost.",
            )
            .answer("Don't save", Kind::Danger, Message::Answer(Answer::Discard))
            .cancel("Cancel", Message::Answer(Answer::Dismiss))
            .answer("Save", Kind::Primary, Message::Answer(Answer::Save)),
        );
        Task::none()
    }

    fn proceed(&mut self, pending: Pending) -> Task<Message> {
        match pending {
            Pending::New => {
                let program = store::new_program(&self.settings, None, today());
                self.replace_document(Document::new(program), None);
                operation::focus(finder::SEARCH_ID)
            }
            Pending::Open => {
                let (sheet, task) =
                    open_sheet::open(&self.store, &self.settings, Arc::clone(&self.library));
                self.sheet = Some(Sheet::Open(sheet));
                task.map(Message::OpenSheet)
            }
            Pending::FromTemplate => {
                let (sheet, task) = templates::open(&self.store, &self.settings, &self.library);
                self.sheet = Some(Sheet::Templates(sheet));
                task.map(Message::Templates)
            }
            Pending::Exit => self.exit(),
        }
    }

    /// Shows another program, dropping the old file's lock.
    fn replace_document(&mut self, document: Document, guard: Option<super::FileGuard>) {
        self.editor = editor::State::new(document);
        self.editor.set_usual_doses(&self.settings.usual_doses);
        self.guard = guard.unwrap_or_default();
        self.area = Area::Library;
    }

    /// An answer to the question on screen.
    pub(super) fn answer(&mut self, answer: Answer) -> Task<Message> {
        self.dialog = None;
        match answer {
            Answer::Save => {
                let then = self.pending.take();
                self.save(None, then)
            }
            Answer::Discard => match self.pending.take() {
                Some(pending) => self.proceed(pending),
                None => Task::none(),
            },
            Answer::Dismiss => {
                self.pending = None;
                Task::none()
            }
            Answer::RemovePhase(phase) => {
                self.editor_message(editor::Message::RemovePhaseConfirmed(phase))
            }
            Answer::ReplaceTheirs => {
                self.guard.stamp = None;
                let then = self.pending.take();
                self.save(None, then)
            }
            Answer::SaveElsewhere => self.open_save_as(),
            Answer::ReplaceTemplate => self.save_template(true),
            Answer::TakeOver(path) => self.open_file(path, true),
            Answer::Restore(index) => self.restore(index),
            Answer::DiscardRecovery(index) => self.discard_recovery(index),
        }
    }

    /// Saves to `target`, or the program's own file, or a new file in the
    /// programs folder named after the patient and title; then goes on
    /// with `then`.
    pub(super) fn save(&mut self, target: Option<PathBuf>, then: Option<Pending>) -> Task<Message> {
        if self.saving {
            return Task::none();
        }
        let target = Target::choose(target, self.editor.document().path(), self.guard.stamp);
        self.editor.document_mut().seal();
        self.saving = true;
        let snapshot = Arc::new(self.editor.program().clone());
        let (store, library) = (self.store.clone(), Arc::clone(&self.library));
        let pictures = self.store.picture_folders(&self.settings);
        perform(
            move || {
                let saved = store.save_to(target, &snapshot, &library, &pictures)?;
                let changes = store
                    .changes_since_last_version(&saved.path, &snapshot, &library)
                    .map(|(_, lines)| lines)
                    .unwrap_or_default();
                Ok(Saved {
                    changes,
                    path: saved.path,
                    snapshot,
                    stamp: saved.stamp,
                    lock: saved.lock.map(Handover::new),
                    problems: saved.problems,
                    then,
                })
            },
            |result| Message::Files(Done::Saved(result)),
        )
    }

    fn open_save_as(&mut self) -> Task<Message> {
        let document = self.editor.document();
        let current = document.path().map(Path::to_path_buf);
        let folder = current
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.store.folders().programs.clone());
        let stem = naming::file_stem(document.program());
        self.sheet = Some(Sheet::SaveAs(save_as::State::new(&stem, &folder, current)));
        Task::none()
    }

    pub(super) fn save_as_message(&mut self, message: save_as::Message) -> Task<Message> {
        let Some(Sheet::SaveAs(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            save_as::Action::None => Task::none(),
            save_as::Action::Run(task) => task.map(Message::SaveAs),
            save_as::Action::Close => self.close_sheet(),
            save_as::Action::Save(path) => {
                self.sheet = None;
                self.save(Some(path), None)
            }
        }
    }

    /// Saves the program as a template; `replace` answers the question
    /// asked when one with the same title exists.
    fn save_template(&mut self, replace: bool) -> Task<Message> {
        let program = self.editor.program().clone();
        let (store, library) = (self.store.clone(), Arc::clone(&self.library));
        let pictures = self.store.picture_folders(&self.settings);
        perform(
            move || Ok(store.save_template(&program, &library, &pictures, today(), replace)),
            |result| match result {
                Ok(saved) => Message::Files(Done::TemplateSaved(saved)),
                Err(error) => failed(error),
            },
        )
    }

    fn ask_to_replace_template(&mut self, title: &str) -> Task<Message> {
        self.dialog = Some(
            Dialog::new(
                "Replace the template?",
                format!(
                    "You already have a template called “{title}”. Replace it with \
                     this program, or cancel and change the title first."
                ),
            )
            .cancel("Cancel", Message::Answer(Answer::Dismiss))
            .answer(
                "Replace template",
                Kind::Primary,
                Message::Answer(Answer::ReplaceTemplate),
            ),
        );
        Task::none()
    }

    pub(super) fn open_sheet_message(&mut self, message: open_sheet::Message) -> Task<Message> {
        let Some(Sheet::Open(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            open_sheet::Action::None => Task::none(),
            open_sheet::Action::Run(task) => task.map(Message::OpenSheet),
            open_sheet::Action::Close => self.close_sheet(),
            open_sheet::Action::Open(path) => self.open_file(path, false),
            open_sheet::Action::OpenVersion(path) => self.open_version(path),
        }
    }

    /// Reads an earlier version of a program; it becomes a new program,
    /// unsaved, so the file and its newer versions stay as they are.
    fn open_version(&mut self, path: PathBuf) -> Task<Message> {
        let (store, library) = (self.store.clone(), Arc::clone(&self.library));
        perform(
            move || {
                let (program, _) = store.load_program(&path, &library).map_err(Error::Read)?;
                Ok(Arc::new(program))
            },
            |result| Message::Files(Done::VersionRead(result)),
        )
    }

    fn version_read(&mut self, result: Result<Arc<Program>, Error>) -> Task<Message> {
        match result {
            Ok(program) => {
                self.sheet = None;
                let document = Document::restored(Arc::unwrap_or_clone(program), None);
                self.replace_document(document, None);
                Task::batch([
                    self.notify(
                        style::Tone::Success,
                        "Opened an earlier version as a new program: save it to keep it."
                            .to_string(),
                    ),
                    self.load_pictures(),
                ])
            }
            Err(error) => self.notify(
                style::Tone::Error,
                format!("This version cannot be opened:\n{error}"),
            ),
        }
    }

    /// Opens a program file, taking its edit lock (or taking over a lock
    /// left behind when `take_over`).
    fn open_file(&mut self, path: PathBuf, take_over: bool) -> Task<Message> {
        if self.editor.document().path() == Some(path.as_path()) {
            self.sheet = None;
            return Task::none();
        }
        let (store, library) = (self.store.clone(), Arc::clone(&self.library));
        perform(
            move || {
                let (opened, lock) = store.open_for_editing(&path, &library, take_over)?;
                Ok(OpenedFile {
                    path,
                    opened: Arc::new(opened),
                    lock: Handover::new(lock),
                })
            },
            |result| Message::Files(Done::Opened(result)),
        )
    }

    /// The file named on the command line: read in the background, then
    /// opened for editing, or started from when it is a template.
    pub(super) fn open_from_command_line(&mut self, path: PathBuf) -> Task<Message> {
        let (store, library) = (self.store.clone(), Arc::clone(&self.library));
        perform(
            move || {
                let (program, _) = store.load_program(&path, &library).map_err(Error::Read)?;
                Ok((path, Arc::new(program)))
            },
            |result| Message::Files(Done::CommandLineRead(result)),
        )
    }

    fn command_line_read(
        &mut self,
        result: Result<(PathBuf, Arc<Program>), Error>,
    ) -> Task<Message> {
        match result {
            Ok((_, program)) if program.is_template() => {
                self.start_from_template(Arc::unwrap_or_clone(program))
            }
            Ok((path, _)) => self.open_file(path, false),
            Err(error) => self.notify(
                style::Tone::Error,
                format!("This file cannot be opened:\n{error}"),
            ),
        }
    }

    /// A new program from a template, dated today, with this therapist's
    /// details where the template has none.
    pub(super) fn start_from_template(&mut self, template: Program) -> Task<Message> {
        let program = store::new_program(&self.settings, Some(&template), today());
        self.replace_document(Document::new(program), None);
        Task::batch([self.load_pictures(), operation::focus(finder::SEARCH_ID)])
    }

    pub(super) fn open_export(&mut self) -> Task<Message> {
        let folder = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
            .unwrap_or_else(|| self.store.folders().programs.clone());
        let stem = naming::file_stem(self.editor.program());
        let path = folder.join(format!("{stem}.pdf"));
        // The Export sheet starts from the layout the preview shows.
        let settings = self.handout_settings();
        let phases = self.phase_names();
        self.sheet = Some(Sheet::Export(export::State::new(
            &settings,
            &path,
            &phases,
            &self.editor.program().language,
        )));
        Task::none()
    }

    pub(super) fn export_message(&mut self, message: export::Message) -> Task<Message> {
        let Some(Sheet::Export(sheet)) = &mut self.sheet else {
            return Task::none();
        };
        match sheet.update(message) {
            export::Action::None => Task::none(),
            export::Action::Run(task) => task.map(Message::Export),
            export::Action::Close => self.close_sheet(),
            export::Action::Export(request) => {
                let program = self.editor.program().clone();
                let library = Arc::clone(&self.library);
                let mut options =
                    HandoutOptions::chosen(&self.store, &self.settings, request.choices);
                let (store, path) = (
                    self.store.clone(),
                    self.editor.document().path().map(Path::to_path_buf),
                );
                perform(
                    move || {
                        // What changed since the file's last version, when
                        // the program has a file and the box is wanted.
                        if let Some(path) = path.filter(|_| options.whats_new) {
                            options.changes = store
                                .changes_since_last_version(&path, &program, &library)
                                .map(|(_, lines)| lines)
                                .unwrap_or_default();
                        }
                        super::handout::write(&request, &program, &library, &options)
                    },
                    |result| Message::Export(export::Message::Exported(result)),
                )
            }
        }
    }

    pub(super) fn save_settings(&mut self, mut settings: Settings) -> Task<Message> {
        // The window may have been resized while the sheet was open.
        settings.window = self.settings.window;
        let store = self.store.clone();
        perform(
            move || {
                store.save_settings(&settings)?;
                Ok(Box::new(settings))
            },
            |result| Message::Files(Done::SettingsSaved(result)),
        )
    }

    /// Adds `path` to the recent list and saves the settings quietly.
    fn remember(&mut self, path: PathBuf) -> Task<Message> {
        self.settings.remember(path);
        self.save_settings_quietly(self.settings.clone())
    }

    /// Saves `settings` in the background, saying nothing unless it fails.
    pub(super) fn save_settings_quietly(&self, settings: Settings) -> Task<Message> {
        let store = self.store.clone();
        perform(
            move || Ok(store.save_settings(&settings)?),
            |result| match result {
                Ok(()) => Message::Files(Done::Quiet),
                Err(error) => failed(error),
            },
        )
    }

    /// Background file work finished.
    pub(super) fn files_done(&mut self, done: Done) -> Task<Message> {
        match done {
            Done::Saved(result) => self.saved(result),
            Done::Opened(result) => self.opened(result),
            Done::TemplateSaved(Ok(_)) => {
                let title = self.editor.program().title.clone();
                self.notify(
                    style::Tone::Success,
                    format!("Saved “{title}” as a template: it is in New from template."),
                )
            }
            Done::TemplateSaved(Err(TemplateError::Exists(title))) => {
                self.ask_to_replace_template(&title)
            }
            Done::TemplateSaved(Err(TemplateError::Io(error))) => {
                self.notify(style::Tone::Error, error.to_string())
            }
            Done::Failed(error) => self.notify(style::Tone::Error, error.to_string()),
            Done::SettingsSaved(Ok(settings)) => self.settings_saved(*settings),
            Done::SettingsSaved(Err(error)) => self.notify(style::Tone::Error, error.to_string()),
            Done::CommandLineRead(result) => self.command_line_read(result),
            Done::VersionRead(result) => self.version_read(result),
            Done::Quiet => Task::none(),
        }
    }

    fn saved(&mut self, result: Result<Saved, Error>) -> Task<Message> {
        self.saving = false;
        match result {
            Ok(saved) => {
                let snapshot = Arc::unwrap_or_clone(saved.snapshot);
                self.editor
                    .document_mut()
                    .saved_as(saved.path.clone(), snapshot);
                self.guard.stamp = Some(saved.stamp);
                if let Some(lock) = saved.lock.and_then(|lock| lock.take()) {
                    self.guard.lock = Some(Arc::new(lock));
                }
                let name = self.editor.document().name();
                for problem in saved.problems {
                    self.warn(problem);
                }
                let said = if saved.changes.is_empty() {
                    format!("Saved “{name}”.")
                } else {
                    format!(
                        "Saved “{name}”. What changed since the last version:\n{}",
                        saved.changes.join("\n")
                    )
                };
                let tasks = Task::batch([
                    self.notify(style::Tone::Success, said),
                    self.remember(saved.path),
                    self.clear_recovery(),
                ]);
                match saved.then {
                    Some(pending) => Task::batch([tasks, self.proceed(pending)]),
                    None => tasks,
                }
            }
            Err(Error::ChangedOnDisk(path)) => {
                self.dialog = Some(
                    Dialog::new(
                        "Someone else changed this file",
                        format!(
                            "{} was changed by someone else since you opened it. \
                             Saving over it would lose their changes.",
                            path.display()
                        ),
                    )
                    .answer(
                        "Save over their changes",
                        Kind::Danger,
                        Message::Answer(Answer::ReplaceTheirs),
                    )
                    .cancel("Cancel", Message::Answer(Answer::Dismiss))
                    .answer(
                        "Save as another file…",
                        Kind::Primary,
                        Message::Answer(Answer::SaveElsewhere),
                    ),
                );
                Task::none()
            }
            Err(error) => {
                self.pending = None;
                self.notify(style::Tone::Error, error.to_string())
            }
        }
    }

    fn opened(&mut self, result: Result<OpenedFile, Error>) -> Task<Message> {
        match result {
            Ok(file) => {
                self.sheet = None;
                let opened = Arc::unwrap_or_clone(file.opened);
                let guard = super::FileGuard {
                    lock: file.lock.take().map(Arc::new),
                    stamp: Some(opened.stamp),
                };
                self.replace_document(
                    Document::opened(opened.program, file.path.clone()),
                    Some(guard),
                );
                let mut tasks = vec![
                    self.remember(file.path),
                    self.clear_recovery(),
                    self.load_pictures(),
                ];
                for warning in &opened.warnings {
                    tasks.push(self.notify(style::Tone::Warning, warning.to_string()));
                }
                tasks.push(operation::focus(finder::SEARCH_ID));
                Task::batch(tasks)
            }
            Err(Error::Locked(LockError::Stale { file, owner })) => {
                let who = owner.map_or("another copy of ptbuilder".to_string(), |o| o.describe());
                self.dialog = Some(
                    Dialog::new(
                        "This program was left locked",
                        format!(
                            "{file} was locked by {who}, which is no longer running. \
                             If nobody else is editing it, you can open it."
                        ),
                    )
                    .cancel("Cancel", Message::Answer(Answer::Dismiss))
                    .answer(
                        "Open it",
                        Kind::Primary,
                        Message::Answer(Answer::TakeOver(PathBuf::from(file))),
                    ),
                );
                Task::none()
            }
            Err(error) => match &mut self.sheet {
                Some(Sheet::Open(sheet)) => {
                    sheet.show_error(error.to_string());
                    Task::none()
                }
                _ => self.notify(style::Tone::Error, error.to_string()),
            },
        }
    }

    fn settings_saved(&mut self, settings: Settings) -> Task<Message> {
        let reload = settings.shared_folder != self.settings.shared_folder;
        self.settings = settings;
        self.editor.set_usual_doses(&self.settings.usual_doses);
        self.refresh_marks();
        self.sheet = None;
        let saved = self.notify(style::Tone::Success, "Settings saved.".to_string());
        if reload {
            self.loading = true;
            Task::batch([saved, self.load_library()])
        } else {
            saved
        }
    }

    /// Leaves: autosaved work is no longer needed, then the app exits.
    fn exit(&mut self) -> Task<Message> {
        match self.recovery.take() {
            Some(slot) => perform(move || Ok(slot.clear()), |_| Message::Files(Done::Quiet))
                .chain(iced::exit()),
            None => iced::exit(),
        }
    }
}
