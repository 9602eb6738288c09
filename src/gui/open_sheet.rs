//! Opening a saved program: the programs folder and recent files, newest
//! first and searchable by patient, title and date, plus any other file by
//! path or through the system's file dialog.

use super::style;
use super::widgets::{self, label};
use super::{Error, perform};
use crate::gui::file_dialogs;
use iced::widget::{
    Column, Space, column, container, mouse_area, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, Length, Task, mouse};
use ptbuilder_core::store::{ProgramSummary, Settings, Store};
use ptbuilder_core::text::fold;
use std::path::PathBuf;
use std::sync::Arc;

/// The search box, focused when the sheet opens.
pub const SEARCH_ID: &str = "open-search";

/// The "open another file" path field.
pub const PATH_ID: &str = "open-path";

/// The Open sheet.
#[derive(Debug, Default)]
pub struct State {
    programs: Option<Arc<Vec<ProgramSummary>>>,
    query: String,
    path: String,
    error: Option<String>,
    folder: PathBuf,
}

/// Something done in the Open sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// The saved programs were listed.
    Listed(Result<Arc<Vec<ProgramSummary>>, Error>),
    /// The search text changed.
    QueryChanged(String),
    /// Open this program.
    Open(PathBuf),
    /// The typed path changed.
    PathChanged(String),
    /// Open the typed path.
    OpenPath,
    /// Ask the system for a file.
    Browse,
    /// The system's file dialog closed.
    Browsed(Option<PathBuf>),
    /// Close without opening.
    Cancel,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this sheet.
    Run(Task<Message>),
    /// Open this file.
    Open(PathBuf),
    /// Close the sheet.
    Close,
}

/// The sheet, with the task that lists the programs.
pub fn open(store: &Store, settings: &Settings) -> (State, Task<Message>) {
    let (store, settings) = (store.clone(), settings.clone());
    let state = State {
        folder: store.folders().programs.clone(),
        ..State::default()
    };
    let task = perform(
        move || Ok(Arc::new(store.list_programs(&settings))),
        Message::Listed,
    );
    (
        state,
        Task::batch([task, iced::widget::operation::focus(SEARCH_ID)]),
    )
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Listed(Ok(programs)) => {
                self.programs = Some(programs);
                Action::None
            }
            Message::Listed(Err(error)) => {
                self.programs = Some(Arc::new(Vec::new()));
                self.error = Some(error.to_string());
                Action::None
            }
            Message::QueryChanged(query) => {
                self.query = query;
                Action::None
            }
            Message::Open(path) => Action::Open(path),
            Message::PathChanged(path) => {
                self.path = path;
                self.error = None;
                Action::None
            }
            Message::OpenPath => {
                let path = PathBuf::from(self.path.trim());
                if self.path.trim().is_empty() {
                    self.error = Some("Type the path of a program file first.".to_string());
                    Action::None
                } else if !path.is_file() {
                    self.error = Some(format!("{}: there is no such file.", path.display()));
                    Action::None
                } else {
                    Action::Open(path)
                }
            }
            Message::Browse => {
                let folder = self.folder.clone();
                Action::Run(Task::perform(
                    file_dialogs::open_file("Open a program", file_dialogs::PROGRAMS, Some(folder)),
                    Message::Browsed,
                ))
            }
            Message::Browsed(Some(path)) => Action::Open(path),
            Message::Browsed(None) => Action::None,
            Message::Cancel => Action::Close,
        }
    }

    /// Shows why the chosen file could not be opened, in the sheet where
    /// the therapist is looking.
    pub fn show_error(&mut self, error: String) {
        self.error = Some(error);
    }

    /// Programs matching every word of the search.
    fn matching(&self) -> Vec<&ProgramSummary> {
        let Some(programs) = &self.programs else {
            return Vec::new();
        };
        let words: Vec<String> = fold(&self.query)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        programs
            .iter()
            .filter(|summary| {
                let haystack = fold(&format!(
                    "{} {} {} {}",
                    summary.patient,
                    summary.title,
                    summary.created,
                    summary
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .collect()
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let search = text_input("Search by patient, title or date (YYYY-MM-DD)", &self.query)
            .id(SEARCH_ID)
            .on_input(Message::QueryChanged)
            .padding([8, 10])
            .size(style::TEXT)
            .style(style::field);
        let header = row![
            text("Patient")
                .size(style::SMALL)
                .style(style::muted)
                .width(Length::FillPortion(3)),
            text("Title")
                .size(style::SMALL)
                .style(style::muted)
                .width(Length::FillPortion(4)),
            text("Created")
                .size(style::SMALL)
                .style(style::muted)
                .width(Length::Fixed(100.0)),
            text("Last saved")
                .size(style::SMALL)
                .style(style::muted)
                .width(Length::Fixed(140.0)),
        ]
        .padding([0, 10]);
        let list: Element<'_, Message> = match &self.programs {
            None => text("Looking for saved programs…")
                .size(style::TEXT)
                .style(style::muted)
                .into(),
            Some(all) if all.is_empty() => {
                text("No saved programs yet. Programs you save appear here, newest first.")
                    .size(style::TEXT)
                    .style(style::muted)
                    .into()
            }
            Some(_) => {
                let found = self.matching();
                if found.is_empty() {
                    text("No saved program matches the search.")
                        .size(style::TEXT)
                        .style(style::muted)
                        .into()
                } else {
                    scrollable(Column::with_children(found.into_iter().map(program_row)).spacing(2))
                        .spacing(4)
                        .height(Fill)
                        .into()
                }
            }
        };
        let mut other = column![
            label("Open another file"),
            row![
                widgets::input(
                    "Path to a .ron program file",
                    &self.path,
                    Message::PathChanged,
                    self.error.is_some()
                )
                .id(PATH_ID)
                .on_submit(Message::OpenPath)
                .width(Fill),
                widgets::secondary_button("Browse…", Some(Message::Browse)),
                widgets::secondary_button("Open", Some(Message::OpenPath)),
            ]
            .spacing(style::GAP)
            .align_y(Alignment::Center),
        ]
        .spacing(4);
        if let Some(error) = &self.error {
            other = other.push(
                text(error.as_str())
                    .size(style::SMALL)
                    .style(style::error_text),
            );
        }
        let content = column![search, header, list, other]
            .spacing(style::GAP)
            .height(Fill);
        widgets::tall_sheet(
            "Open a program",
            content,
            vec![widgets::secondary_button("Cancel", Some(Message::Cancel)).into()],
            900.0,
            680.0,
        )
    }
}

fn program_row(summary: &ProgramSummary) -> Element<'_, Message> {
    let patient = if summary.patient.is_empty() {
        "(no patient)".to_string()
    } else {
        summary.patient.clone()
    };
    let modified = summary
        .modified
        .map(|m| m.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let content = row![
        text(patient)
            .size(style::TEXT)
            .width(Length::FillPortion(3)),
        text(&summary.title)
            .size(style::TEXT)
            .width(Length::FillPortion(4)),
        text(summary.created.format("%Y-%m-%d").to_string())
            .size(style::TEXT)
            .width(Length::Fixed(100.0)),
        text(modified).size(style::TEXT).width(Length::Fixed(140.0)),
    ]
    .align_y(Alignment::Center);
    mouse_area(
        container(row![content, Space::new().width(Length::Fixed(4.0))])
            .padding([8, 10])
            .width(Fill)
            .style(style::list_row(false)),
    )
    .on_press(Message::Open(summary.path.clone()))
    .interaction(mouse::Interaction::Pointer)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn summary(patient: &str, title: &str, day: u32) -> ProgramSummary {
        ProgramSummary {
            path: PathBuf::from(format!("{patient}.ron")),
            title: title.to_string(),
            patient: patient.to_string(),
            created: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            modified: None,
        }
    }

    #[test]
    fn search_finds_by_patient_title_and_date() {
        let mut state = State::default();
        let _ = state.update(Message::Listed(Ok(Arc::new(vec![
            summary("Ann Lee", "Low back", 2),
            summary("Bo Ek", "Neck", 9),
        ]))));
        let _ = state.update(Message::QueryChanged("ann".into()));
        assert_eq!(state.matching().len(), 1);
        let _ = state.update(Message::QueryChanged("2026-03-09".into()));
        assert_eq!(state.matching()[0].patient, "Bo Ek");
        let _ = state.update(Message::QueryChanged("neck bo".into()));
        assert_eq!(state.matching().len(), 1);
        let _ = state.update(Message::QueryChanged("knee".into()));
        assert!(state.matching().is_empty());
    }

    #[test]
    fn a_typed_path_must_exist() {
        let mut state = State::default();
        let _ = state.update(Message::PathChanged("/no/such/file.ron".into()));
        assert!(matches!(state.update(Message::OpenPath), Action::None));
        assert!(state.error.as_deref().unwrap().contains("no such file"));
    }
}
