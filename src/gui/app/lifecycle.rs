//! Keeping work safe while the app runs: autosaving unsaved changes for
//! crash recovery, offering work a crashed session left behind, and
//! keeping the open file's edit lock fresh.

use super::files::{Answer, Done};
use super::{App, FileGuard, Handover, Message, failed};
use crate::gui::dialog::{Dialog, Kind};
use crate::gui::error::Error;
use crate::gui::{after, editor, perform, style};
use iced::Task;
use ptbuilder_core::program::document::Document;
use ptbuilder_core::store::lock::{EditLock, LockError, REFRESH_EVERY};
use ptbuilder_core::store::recovery::{self, Recovery, RecoverySlot};
use ptbuilder_core::store::{FileStamp, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How long after a change the work is autosaved.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(3);

/// What the session found at start.
#[derive(Debug, Clone)]
pub struct Started {
    slot: Handover<RecoverySlot>,
    orphans: Arc<Vec<(PathBuf, Recovery)>>,
    problems: Arc<Vec<String>>,
}

/// Lifecycle events.
#[derive(Debug, Clone)]
pub enum Event {
    /// The recovery slot is claimed and old work looked for.
    Started(Result<Started, Error>),
    /// Time to autosave, if there are changes.
    AutosaveDue,
    /// Time to refresh the open file's lock.
    LockRefreshDue,
    /// Restored work's file lock is settled.
    Restored(Result<Restored, Error>),
}

/// The file's lock taken again, with what the file holds now, or why not.
type Reclaimed = Result<(Handover<EditLock>, Option<FileStamp>), LockError>;

/// Work brought back after a crash, with its file's lock taken again (or
/// why not), when it belongs to a file.
#[derive(Debug, Clone)]
pub struct Restored {
    recovery: Arc<Recovery>,
    reclaimed: Option<Reclaimed>,
}

/// Claims this session's recovery file and looks for work left behind.
pub fn start(store: &Store) -> Task<Message> {
    let folder = store.folders().recovery.clone();
    Task::batch([
        perform(
            move || {
                let (orphans, problems) = recovery::orphans(&folder);
                let slot = RecoverySlot::claim(&folder)?;
                Ok(Started {
                    slot: Handover::new(slot),
                    orphans: Arc::new(orphans),
                    problems: Arc::new(problems.iter().map(ToString::to_string).collect()),
                })
            },
            |result| Message::Lifecycle(Event::Started(result)),
        ),
        after(REFRESH_EVERY, Message::Lifecycle(Event::LockRefreshDue)),
    ])
}

impl App {
    pub(super) fn lifecycle(&mut self, event: Event) -> Task<Message> {
        match event {
            Event::Started(Ok(started)) => {
                self.recovery = started.slot.take().map(Arc::new);
                self.orphans = started.orphans.to_vec();
                let notices: Vec<Task<Message>> = started
                    .problems
                    .iter()
                    .map(|problem| self.notify(style::Tone::Warning, problem.clone()))
                    .collect();
                self.offer_recovery();
                Task::batch(notices)
            }
            Event::Started(Err(error)) => self.notify(
                style::Tone::Warning,
                format!("Unsaved work cannot be kept safe in case of a crash: {error}"),
            ),
            Event::Restored(Ok(restored)) => self.restored(restored),
            Event::Restored(Err(error)) => self.notify(style::Tone::Error, error.to_string()),
            Event::AutosaveDue => {
                self.autosave_due = false;
                self.autosave()
            }
            Event::LockRefreshDue => {
                let refresh = match &self.guard.lock {
                    Some(lock) => {
                        let lock = Arc::clone(lock);
                        perform(
                            move || Ok(lock.refresh()?),
                            |result| match result {
                                Ok(()) => Message::Files(Done::Quiet),
                                Err(error) => failed(error),
                            },
                        )
                    }
                    None => Task::none(),
                };
                Task::batch([
                    refresh,
                    after(REFRESH_EVERY, Message::Lifecycle(Event::LockRefreshDue)),
                ])
            }
        }
    }

    /// After any message: when there are new unsaved changes, autosave soon.
    pub(super) fn schedule_autosave(&mut self) -> Task<Message> {
        let changed = self.autosaved.as_ref() != Some(self.editor.program());
        let wanted = if self.editor.document().is_dirty() {
            changed
        } else {
            self.autosaved.is_some()
        };
        if wanted && !self.autosave_due && self.recovery.is_some() {
            self.autosave_due = true;
            after(AUTOSAVE_AFTER, Message::Lifecycle(Event::AutosaveDue))
        } else {
            Task::none()
        }
    }

    fn autosave(&mut self) -> Task<Message> {
        let Some(slot) = self.recovery.clone() else {
            return Task::none();
        };
        if !self.editor.document().is_dirty() {
            return self.clear_recovery();
        }
        let program = self.editor.program().clone();
        if self.autosaved.as_ref() == Some(&program) {
            return Task::none();
        }
        self.autosaved = Some(program.clone());
        let original = self.editor.document().path().map(PathBuf::from);
        perform(
            move || Ok(slot.save(&program, original.as_deref())?),
            |result| match result {
                Ok(()) => Message::Files(Done::Quiet),
                Err(error) => failed(error),
            },
        )
    }

    /// Forgets the autosaved copy (after a save, an open, or New).
    pub(super) fn clear_recovery(&mut self) -> Task<Message> {
        self.autosaved = None;
        match self.recovery.clone() {
            Some(slot) => perform(
                move || Ok(slot.clear()?),
                |result| match result {
                    Ok(()) => Message::Files(Done::Quiet),
                    Err(error) => failed(error),
                },
            ),
            None => Task::none(),
        }
    }

    /// Asks about the first piece of work a crashed session left, unless
    /// the therapist has already started on something.
    fn offer_recovery(&mut self) {
        if self.dialog.is_some() || self.editor.document().is_dirty() {
            return;
        }
        let Some((_, found)) = self.orphans.first() else {
            return;
        };
        let program = &found.program;
        let patient = program
            .patient
            .as_ref()
            .map(|p| p.name.trim())
            .filter(|name| !name.is_empty())
            .map(|name| format!(" for {name}"))
            .unwrap_or_default();
        let body = format!(
            "ptbuilder closed before your changes to “{}”{patient} were saved. \
             They were kept safe at {}. Restore them?",
            program.title,
            found.saved_at.format("%Y-%m-%d %H:%M")
        );
        self.dialog = Some(
            Dialog::new("Restore unsaved work?", body)
                .answer(
                    "Discard",
                    Kind::Danger,
                    Message::Answer(Answer::DiscardRecovery(0)),
                )
                .cancel("Not now", Message::Answer(Answer::Dismiss))
                .answer(
                    "Restore",
                    Kind::Primary,
                    Message::Answer(Answer::Restore(0)),
                ),
        );
    }

    /// Brings back autosaved work as unsaved changes. Work that belongs to
    /// a file takes the file's lock again first (in the background); if
    /// another copy of ptbuilder has the file open now, the work comes back
    /// as a new, unsaved program rather than risk overwriting theirs.
    pub(super) fn restore(&mut self, index: usize) -> Task<Message> {
        if index >= self.orphans.len() {
            return Task::none();
        }
        let (path, found) = self.orphans.remove(index);
        let discard = discard_file(path);
        let reclaim = perform(
            move || {
                let reclaimed = found.original.as_deref().map(|original| {
                    recovery::reclaim(original).map(|(lock, stamp)| (Handover::new(lock), stamp))
                });
                Ok(Restored {
                    recovery: Arc::new(found),
                    reclaimed,
                })
            },
            |result| Message::Lifecycle(Event::Restored(result)),
        );
        Task::batch([discard, reclaim])
    }

    /// Shows restored work once its file's lock is settled.
    fn restored(&mut self, restored: Restored) -> Task<Message> {
        let recovery = Arc::unwrap_or_clone(restored.recovery);
        let (original, guard, message) = match (recovery.original, restored.reclaimed) {
            (Some(original), Some(Ok((lock, stamp)))) => (
                Some(original),
                FileGuard {
                    lock: lock.take().map(Arc::new),
                    stamp,
                },
                "Your unsaved work is back. Save it to keep it.".to_string(),
            ),
            (_, Some(Err(error))) => (
                None,
                FileGuard::default(),
                format!(
                    "Your unsaved work is back as a new program, because {error}. \
                     Use Save As to keep it."
                ),
            ),
            _ => (
                None,
                FileGuard::default(),
                "Your unsaved work is back. Save it to keep it.".to_string(),
            ),
        };
        self.editor = editor::State::new(Document::restored(recovery.program, original));
        self.editor.set_usual_doses(&self.settings.usual_doses);
        self.guard = guard;
        self.offer_recovery();
        self.notify(style::Tone::Success, message)
    }

    /// Throws autosaved work away.
    pub(super) fn discard_recovery(&mut self, index: usize) -> Task<Message> {
        if index >= self.orphans.len() {
            return Task::none();
        }
        let (path, _) = self.orphans.remove(index);
        self.offer_recovery();
        discard_file(path)
    }
}

fn discard_file(path: PathBuf) -> Task<Message> {
    perform(
        move || Ok(recovery::discard(&path)?),
        |result| match result {
            Ok(()) => Message::Files(Done::Quiet),
            Err(error) => failed(error),
        },
    )
}
