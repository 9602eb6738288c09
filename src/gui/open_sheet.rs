//! Opening a saved program: the programs folder and recent files, newest
//! first and searchable by patient, title and date, plus any other file by
//! path or through the system's file dialog. Each program's earlier
//! versions can be listed with what changed since each, and any version
//! opened as a new, unsaved program.

use super::style;
use super::widgets::{self, label};
use super::{Error, perform};
use crate::gui::file_dialogs;
use iced::widget::{
    Column, Space, column, container, mouse_area, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, Length, Task, mouse};
use ptbuilder_core::library::Library;
use ptbuilder_core::store::{Compared, ProgramSummary, Settings, Store};
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
    store: Option<Store>,
    library: Option<Arc<Library>>,
    versions: Option<Versions>,
}

/// The versions of one program, while they are shown.
#[derive(Debug, Clone)]
struct Versions {
    path: PathBuf,
    list: Option<Arc<Vec<Compared>>>,
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
    /// Show the earlier versions of this program.
    ShowVersions(PathBuf),
    /// The versions were read and compared.
    VersionsListed(Arc<Vec<Compared>>),
    /// Back from the versions to the list of programs.
    HideVersions,
    /// Open this version as a new, unsaved program.
    OpenVersion(PathBuf),
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
    /// Open this earlier version as a new, unsaved program.
    OpenVersion(PathBuf),
    /// Close the sheet.
    Close,
}

/// The sheet, with the task that lists the programs.
pub fn open(store: &Store, settings: &Settings, library: Arc<Library>) -> (State, Task<Message>) {
    let (store, settings) = (store.clone(), settings.clone());
    let state = State {
        folder: store.folders().programs.clone(),
        store: Some(store.clone()),
        library: Some(library),
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
            Message::ShowVersions(path) => self.show_versions(path),
            Message::VersionsListed(list) => {
                if let Some(versions) = &mut self.versions {
                    versions.list = Some(list);
                }
                Action::None
            }
            Message::HideVersions => {
                self.versions = None;
                Action::None
            }
            Message::OpenVersion(path) => Action::OpenVersion(path),
            Message::Cancel => Action::Close,
        }
    }

    /// Lists the versions of `path` in the background, compared with it.
    fn show_versions(&mut self, path: PathBuf) -> Action {
        self.versions = Some(Versions {
            path: path.clone(),
            list: None,
        });
        let (Some(store), Some(library)) = (self.store.clone(), self.library.clone()) else {
            return Action::None;
        };
        Action::Run(perform(
            move || Ok(Arc::new(store.compare_versions(&path, &library))),
            |result| Message::VersionsListed(result.unwrap_or_default()),
        ))
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
        let content = match &self.versions {
            Some(versions) => column![versions_view(versions)].height(Fill),
            None => column![search, header, list, other]
                .spacing(style::GAP)
                .height(Fill),
        };
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
    let open = mouse_area(
        container(row![content, Space::new().width(Length::Fixed(4.0))])
            .padding([8, 10])
            .width(Fill)
            .style(style::list_row(false)),
    )
    .on_press(Message::Open(summary.path.clone()))
    .interaction(mouse::Interaction::Pointer);
    row![
        open,
        widgets::quiet_button(
            "Versions",
            Some(Message::ShowVersions(summary.path.clone()))
        ),
    ]
    .spacing(4)
    .align_y(Alignment::Center)
    .into()
}

/// A program's earlier versions, newest first, each with what changed
/// since it and a button to open it as a new program.
fn versions_view(versions: &Versions) -> Element<'_, Message> {
    let name = versions
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let heading = row![
        text(format!("Earlier versions of {name}"))
            .size(style::HEADING)
            .width(Fill),
        widgets::secondary_button("Back to all programs", Some(Message::HideVersions)),
    ]
    .spacing(style::GAP)
    .align_y(Alignment::Center);
    let body: Element<'_, Message> = match &versions.list {
        None => text("Reading the versions…")
            .size(style::TEXT)
            .style(style::muted)
            .into(),
        Some(list) if list.is_empty() => text(
            "No earlier versions yet. Each time you save over this program, \
             the version before is kept here.",
        )
        .size(style::TEXT)
        .style(style::muted)
        .into(),
        Some(list) => {
            scrollable(Column::with_children(list.iter().map(version_row)).spacing(style::GAP))
                .spacing(4)
                .height(Fill)
                .into()
        }
    };
    column![heading, body].spacing(style::SECTION).into()
}

fn version_row(compared: &Compared) -> Element<'_, Message> {
    let mut lines = Column::new().spacing(2);
    match (&compared.problem, compared.lines.is_empty()) {
        (Some(problem), _) => {
            lines = lines.push(
                text(format!("This version cannot be read: {problem}"))
                    .size(style::SMALL)
                    .style(style::error_text),
            );
        }
        (None, true) => {
            lines = lines.push(
                text("Nothing a patient would notice has changed since.")
                    .size(style::SMALL)
                    .style(style::muted),
            );
        }
        (None, false) => {
            lines = lines.push(label("Changed since then:"));
            for line in &compared.lines {
                lines = lines.push(text(line.as_str()).size(style::SMALL));
            }
        }
    }
    let open = compared
        .problem
        .is_none()
        .then(|| Message::OpenVersion(compared.version.path.clone()));
    container(
        row![
            text(compared.version.label())
                .size(style::TEXT)
                .width(Length::Fixed(170.0)),
            lines.width(Fill),
            widgets::secondary_button("Open as new program", open),
        ]
        .spacing(style::GAP)
        .align_y(Alignment::Start),
    )
    .padding([8, 10])
    .width(Fill)
    .style(style::list_row(false))
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
