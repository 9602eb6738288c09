//! The custom exercise editor: create, edit or duplicate a library entry
//! with every field, its own picture and its usual dose.
//!
//! Built-in entries are never changed: duplicating one makes a new entry
//! with its own id. Problems found by `validate_exercise` stand beside the
//! fields they are about.

mod translation;
mod view;

use super::{Error, perform};
use crate::gui::{file_dialogs, pictures};
use iced::Task;
use iced::widget::{image, text_editor};
use ptbuilder_core::library::{
    Category, Difficulty, Equipment, Exercise, ExerciseId, Library, Position, Region,
};
use ptbuilder_core::program::input::{DoseField, Refusal, comma_list};
use ptbuilder_core::program::{FieldPath, Problem, Segment, Side, validate_exercise};
use ptbuilder_core::store::pictures::read_picture_file;
use ptbuilder_core::store::{Picture, Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What the editor was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// A brand new entry.
    New,
    /// Changing one of the therapist's own entries.
    Edit(ExerciseId),
    /// A new entry copied from another.
    Duplicate,
}

/// The lists edited one line at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// The movement, in order.
    Steps,
    /// Common mistakes.
    Mistakes,
    /// When to take care.
    Cautions,
}

impl List {
    fn field(self) -> &'static str {
        match self {
            List::Steps => "steps",
            List::Mistakes => "mistakes",
            List::Cautions => "cautions",
        }
    }
}

/// What will happen to the picture on save.
#[derive(Debug, Clone)]
enum PictureChange {
    /// Keep whatever the entry has.
    Keep,
    /// Use a new file, read from disk and not yet copied into the
    /// pictures folder.
    New(Arc<Picture>),
    /// No picture.
    Remove,
}

/// The editor sheet.
#[derive(Debug)]
pub struct State {
    mode: Mode,
    draft: Exercise,
    aliases: String,
    tags: String,
    start: text_editor::Content,
    steps: Vec<String>,
    mistakes: Vec<String>,
    cautions: Vec<String>,
    dose_drafts: HashMap<DoseField, (String, Refusal)>,
    picture_path: String,
    picture: PictureChange,
    preview: Option<image::Handle>,
    picture_error: Option<String>,
    problems: Vec<Problem>,
    tried: bool,
    saving: bool,
    /// The patient's words in each other handout language.
    translations: Vec<translation::Translation>,
}

/// Something done in the editor.
#[derive(Debug, Clone)]
pub enum Message {
    /// Name.
    NameChanged(String),
    /// Other names, comma-separated.
    AliasesChanged(String),
    /// Kind of exercise.
    CategorySelected(Category),
    /// Starting position.
    PositionSelected(Position),
    /// How hard.
    DifficultySelected(Difficulty),
    /// A body part ticked or unticked.
    RegionToggled(Region, bool),
    /// A piece of equipment ticked or unticked.
    EquipmentToggled(Equipment, bool),
    /// What it is for.
    PurposeChanged(String),
    /// How to get into position.
    StartEdited(text_editor::Action),
    /// A line of a list changed.
    LineChanged(List, usize, String),
    /// A line added at the end of a list.
    LineAdded(List),
    /// A line removed.
    LineRemoved(List, usize),
    /// A line moved one place up.
    LineMovedUp(List, usize),
    /// A usual-dose field.
    DoseChanged(DoseField, String),
    /// The usual side.
    SideSelected(Side),
    /// Search words, comma-separated.
    TagsChanged(String),
    /// The video's web address.
    VideoChanged(String),
    /// The picture path typed.
    PicturePathChanged(String),
    /// Read the typed picture.
    UsePicture,
    /// Choose a picture with the system dialog.
    BrowsePicture,
    /// The system dialog closed.
    PictureBrowsed(Option<PathBuf>),
    /// The chosen picture was read and its preview made.
    PictureRead(Result<(Arc<Picture>, image::Handle), Error>),
    /// No picture.
    RemovePicture,
    /// A language's section opened or closed.
    TranslationToggled(usize),
    /// A one-line field of a language's section changed.
    TranslationChanged(usize, translation::Line, String),
    /// A list of a language's section was edited.
    TranslationEdited(usize, translation::Lines, text_editor::Action),
    /// Check and save.
    Save,
    /// Saved, or why not.
    Saved(Result<Arc<Exercise>, Error>),
    /// Close without saving.
    Cancel,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this sheet.
    Run(Task<Message>),
    /// The exercise was saved: put it in the library.
    Saved(Arc<Exercise>),
    /// Close without saving.
    Close,
}

impl State {
    fn with(mode: Mode, draft: Exercise) -> Self {
        Self {
            mode,
            aliases: draft.aliases.join(", "),
            tags: draft.tags.join(", "),
            start: text_editor::Content::with_text(&draft.start),
            steps: draft.steps.clone(),
            mistakes: draft.mistakes.clone(),
            cautions: draft.cautions.clone(),
            dose_drafts: HashMap::new(),
            picture_path: String::new(),
            picture: PictureChange::Keep,
            preview: None,
            picture_error: None,
            problems: Vec::new(),
            tried: false,
            saving: false,
            translations: translation::Translation::all_for(&draft),
            draft,
        }
    }

    /// A new, empty exercise.
    pub fn new_exercise() -> Self {
        Self::with(Mode::New, Exercise::blank())
    }

    /// Editing one of the therapist's own exercises.
    pub fn edit(exercise: &Exercise) -> Self {
        Self::with(Mode::Edit(exercise.id.clone()), exercise.clone())
    }

    /// A copy of `exercise` to change into a new entry.
    pub fn duplicate(exercise: &Exercise) -> Self {
        let mut copy = exercise.clone();
        copy.name = format!("{} (my version)", exercise.name);
        Self::with(Mode::Duplicate, copy)
    }

    /// The exercise as it would be saved now.
    fn assembled(&self, library: &Library) -> Exercise {
        let mut exercise = self.draft.clone();
        exercise.aliases = comma_list(&self.aliases);
        exercise.tags = comma_list(&self.tags);
        exercise.start = self.start.text().trim().to_string();
        exercise.steps = trimmed(&self.steps);
        exercise.mistakes = trimmed(&self.mistakes);
        exercise.cautions = trimmed(&self.cautions);
        exercise.name = exercise.name.trim().to_string();
        exercise.purpose = exercise.purpose.trim().to_string();
        exercise.id = match &self.mode {
            Mode::Edit(id) => id.clone(),
            Mode::New | Mode::Duplicate => library.unused_id(&exercise.name),
        };
        if let PictureChange::Remove = self.picture {
            exercise.picture = None;
        }
        for translation in &self.translations {
            let text = translation.text();
            if text.is_blank() {
                exercise.translations.remove(translation.code());
            } else {
                exercise
                    .translations
                    .insert(translation.code().to_string(), text);
            }
        }
        exercise
    }

    fn list_mut(&mut self, list: List) -> &mut Vec<String> {
        match list {
            List::Steps => &mut self.steps,
            List::Mistakes => &mut self.mistakes,
            List::Cautions => &mut self.cautions,
        }
    }

    /// Handles a message; `library` gives new entries an unused id.
    pub fn update(&mut self, message: Message, library: &Library, store: &Store) -> Action {
        match message {
            Message::NameChanged(text) => self.draft.name = text,
            Message::AliasesChanged(text) => self.aliases = text,
            Message::CategorySelected(category) => self.draft.category = category,
            Message::PositionSelected(position) => self.draft.position = position,
            Message::DifficultySelected(difficulty) => self.draft.difficulty = difficulty,
            Message::RegionToggled(region, on) => toggle(&mut self.draft.regions, region, on),
            Message::EquipmentToggled(item, on) => toggle(&mut self.draft.equipment, item, on),
            Message::PurposeChanged(text) => self.draft.purpose = text,
            Message::StartEdited(action) => self.start.perform(action),
            Message::LineChanged(list, index, text) => {
                if let Some(line) = self.list_mut(list).get_mut(index) {
                    *line = text;
                }
            }
            Message::LineAdded(list) => self.list_mut(list).push(String::new()),
            Message::LineRemoved(list, index) => {
                let lines = self.list_mut(list);
                if index < lines.len() {
                    lines.remove(index);
                }
            }
            Message::LineMovedUp(list, index) => {
                let lines = self.list_mut(list);
                if index > 0 && index < lines.len() {
                    lines.swap(index, index - 1);
                }
            }
            Message::DoseChanged(field, text) => match field.apply(&self.draft.dose, &text) {
                Ok(dose) => {
                    self.draft.dose = dose;
                    self.dose_drafts.remove(&field);
                }
                Err(refusal) => {
                    self.dose_drafts.insert(field, (text, refusal));
                }
            },
            Message::SideSelected(side) => self.draft.dose.side = side,
            Message::TagsChanged(text) => self.tags = text,
            Message::VideoChanged(text) => {
                let text = text.trim().to_string();
                self.draft.video = (!text.is_empty()).then_some(text);
            }
            Message::PicturePathChanged(text) => {
                self.picture_path = text;
                self.picture_error = None;
            }
            Message::UsePicture => {
                return self.read_picture(PathBuf::from(self.picture_path.trim()));
            }
            Message::BrowsePicture => {
                return Action::Run(Task::perform(
                    file_dialogs::open_file("Choose a picture", file_dialogs::PICTURES, None),
                    Message::PictureBrowsed,
                ));
            }
            Message::PictureBrowsed(Some(path)) => {
                self.picture_path = path.display().to_string();
                return self.read_picture(path);
            }
            Message::PictureBrowsed(None) => {}
            Message::PictureRead(Ok((chosen, preview))) => {
                self.preview = Some(preview);
                self.picture = PictureChange::New(chosen);
                self.picture_error = None;
            }
            Message::PictureRead(Err(error)) => self.picture_error = Some(error.to_string()),
            Message::RemovePicture => {
                self.picture = PictureChange::Remove;
                self.preview = None;
                self.picture_path.clear();
            }
            Message::TranslationToggled(index) => {
                if let Some(translation) = self.translations.get_mut(index) {
                    translation.toggle();
                }
            }
            Message::TranslationChanged(index, line, text) => {
                if let Some(translation) = self.translations.get_mut(index) {
                    translation.set(line, text);
                }
            }
            Message::TranslationEdited(index, lines, action) => {
                if let Some(translation) = self.translations.get_mut(index) {
                    translation.edit(lines, action);
                }
            }
            Message::Save => return self.save(library, store),
            Message::Saved(Ok(exercise)) => {
                self.saving = false;
                return Action::Saved(exercise);
            }
            Message::Saved(Err(error)) => {
                self.saving = false;
                self.picture_error = Some(error.to_string());
            }
            Message::Cancel => return Action::Close,
        }
        if self.tried {
            self.problems = validate_exercise(&self.assembled(library), &FieldPath::default());
        }
        Action::None
    }

    fn read_picture(&mut self, path: PathBuf) -> Action {
        if path.as_os_str().is_empty() {
            self.picture_error =
                Some("Type the path of a PNG, JPEG or SVG file, or press Browse.".to_string());
            return Action::None;
        }
        Action::Run(perform(
            move || {
                // Decoded here, off the UI thread, within the core's limits:
                // a picture that breaks one is refused, never shown.
                let picture = read_picture_file(&path)?;
                let preview = pictures::thumbnail_of(&picture)?;
                Ok((Arc::new(picture), preview))
            },
            Message::PictureRead,
        ))
    }

    fn save(&mut self, library: &Library, store: &Store) -> Action {
        self.tried = true;
        let exercise = self.assembled(library);
        self.problems = validate_exercise(&exercise, &FieldPath::default());
        if !self.dose_drafts.is_empty() || self.problems.iter().any(Problem::is_error) {
            return Action::None;
        }
        self.saving = true;
        let store = store.clone();
        let chosen = match &self.picture {
            PictureChange::New(chosen) => Some(Arc::clone(chosen)),
            _ => None,
        };
        Action::Run(perform(
            move || {
                let saved = store.save_custom_exercise(exercise, chosen.as_deref())?;
                Ok(Arc::new(saved))
            },
            Message::Saved,
        ))
    }

    /// The first problem about a top-level field, for showing beside it.
    fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| matches!(p.path.0.first(), Some(Segment::Field(f)) if *f == field))
            .map(|p| p.message.as_str())
    }

    /// The problem about one line of a list.
    fn line_problem(&self, list: List, index: usize) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| {
                p.path.0.len() == 2
                    && p.path.0[0] == Segment::Field(list.field())
                    && p.path.0[1] == Segment::Index(index)
            })
            .map(|p| p.message.as_str())
    }
}

fn trimmed(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

fn toggle<T: PartialEq + Copy + Ord>(list: &mut Vec<T>, value: T, on: bool) {
    list.retain(|v| *v != value);
    if on {
        list.push(value);
        list.sort();
    }
}

pub use view::view;

#[cfg(test)]
mod tests;
