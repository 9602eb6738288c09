//! Save As: a file name and a folder, typed or chosen with the system's
//! file dialog. Replacing an existing file is asked about first.

use super::style;
use super::widgets;
use crate::gui::file_dialogs;
use iced::widget::{column, row, text};
use iced::{Alignment, Element, Fill, Length, Task};
use std::path::{Path, PathBuf};

/// The file name field.
pub const NAME_ID: &str = "save-as-name";

/// The Save As sheet.
#[derive(Debug, Default)]
pub struct State {
    name: String,
    folder: String,
    error: Option<String>,
    /// The file that would be replaced, once the therapist has been told.
    replacing: Option<PathBuf>,
    current: Option<PathBuf>,
}

/// Something done in the sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// The file name changed.
    NameChanged(String),
    /// The folder changed.
    FolderChanged(String),
    /// Ask the system where to save.
    Browse,
    /// The system's dialog closed.
    Browsed(Option<PathBuf>),
    /// Save.
    Save,
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
    /// Save the program to this path.
    Save(PathBuf),
    /// Close the sheet.
    Close,
}

impl State {
    /// The sheet, suggesting `stem` in `folder`; `current` is the file the
    /// program already has, which may be saved over without asking.
    pub fn new(stem: &str, folder: &Path, current: Option<PathBuf>) -> Self {
        Self {
            name: format!("{stem}.ron"),
            folder: folder.display().to_string(),
            error: None,
            replacing: None,
            current,
        }
    }

    fn target(&self) -> Result<PathBuf, String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("Give the file a name.".to_string());
        }
        if name.contains(['/', '\\']) {
            return Err("The name cannot contain / or \\; choose the folder below.".to_string());
        }
        let folder = self.folder.trim();
        if folder.is_empty() {
            return Err("Choose a folder.".to_string());
        }
        let mut name = name.to_string();
        if !name.to_lowercase().ends_with(".ron") {
            name.push_str(".ron");
        }
        Ok(Path::new(folder).join(name))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::NameChanged(name) => {
                self.name = name;
                self.error = None;
                self.replacing = None;
                Action::None
            }
            Message::FolderChanged(folder) => {
                self.folder = folder;
                self.error = None;
                self.replacing = None;
                Action::None
            }
            Message::Browse => {
                let (folder, name) = (PathBuf::from(self.folder.trim()), self.name.clone());
                Action::Run(Task::perform(
                    file_dialogs::save_file(
                        "Save the program as",
                        file_dialogs::PROGRAMS,
                        Some(folder),
                        name,
                    ),
                    Message::Browsed,
                ))
            }
            Message::Browsed(Some(path)) => {
                if let Some(folder) = path.parent() {
                    self.folder = folder.display().to_string();
                }
                if let Some(name) = path.file_name() {
                    self.name = name.to_string_lossy().into_owned();
                }
                // The system dialog already asked about replacing.
                self.replacing = Some(path);
                self.update(Message::Save)
            }
            Message::Browsed(None) => Action::None,
            Message::Save => match self.target() {
                Err(error) => {
                    self.error = Some(error);
                    Action::None
                }
                Ok(path) => {
                    let asked = self.replacing.as_ref() == Some(&path);
                    let own = self.current.as_ref() == Some(&path);
                    if path.exists() && !asked && !own {
                        self.error = Some(format!(
                            "{} already exists. Press Replace to save over it, or change the name.",
                            path.display()
                        ));
                        self.replacing = Some(path);
                        Action::None
                    } else {
                        Action::Save(path)
                    }
                }
            },
            Message::Cancel => Action::Close,
        }
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let mut body = column![
            widgets::field(
                "File name",
                widgets::input("Name.ron", &self.name, Message::NameChanged, false)
                    .id(NAME_ID)
                    .on_submit(Message::Save),
                None,
            ),
            widgets::field(
                "Folder",
                row![
                    widgets::input("Folder", &self.folder, Message::FolderChanged, false)
                        .on_submit(Message::Save)
                        .width(Fill),
                    widgets::secondary_button("Browse…", Some(Message::Browse)),
                ]
                .spacing(style::GAP)
                .align_y(Alignment::Center),
                None,
            ),
        ]
        .spacing(style::GAP);
        if let Some(error) = &self.error {
            body = body.push(
                text(error.as_str())
                    .size(style::SMALL)
                    .style(style::error_text),
            );
        }
        let confirm = if self.replacing.is_some() && self.error.is_some() {
            "Replace"
        } else {
            "Save"
        };
        widgets::sheet(
            "Save as",
            body,
            vec![
                widgets::secondary_button("Cancel", Some(Message::Cancel)).into(),
                widgets::primary_button(confirm, Some(Message::Save)).into(),
            ],
            Length::Fixed(640.0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_get_the_extension_and_replacing_is_asked_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = State::new("Ann Lee - Knee", dir.path(), None);
        match state.update(Message::Save) {
            Action::Save(path) => assert_eq!(path, dir.path().join("Ann Lee - Knee.ron")),
            other => panic!("{other:?}"),
        }
        std::fs::write(dir.path().join("Ann Lee - Knee.ron"), "x").unwrap();
        assert!(matches!(state.update(Message::Save), Action::None));
        assert!(state.error.as_deref().unwrap().contains("already exists"));
        assert!(matches!(state.update(Message::Save), Action::Save(_)));
        let _ = state.update(Message::NameChanged(" ".into()));
        assert!(matches!(state.update(Message::Save), Action::None));
        assert_eq!(state.error.as_deref(), Some("Give the file a name."));
    }
}
