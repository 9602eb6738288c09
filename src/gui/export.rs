//! The Export PDF sheet: the handout's language (the program's), paper,
//! large print and tracking chart (from the settings), where to write the
//! handout, and what came of it.

use super::style;
use super::widgets::{self, label};
use crate::gui::file_dialogs;
use iced::widget::{Column, checkbox, column, pick_list, row, text};
use iced::{Alignment, Element, Fill, Length, Task};
use ptbuilder_core::handout::{Choices, Written};
use ptbuilder_core::lang::{self, Language};
use ptbuilder_core::store::{HandoutLayout, Paper, Settings};
use ptbuilder_core::text::count;
use std::path::{Path, PathBuf};

/// The output path field.
pub const PATH_ID: &str = "export-path";

/// What the app needs to write a handout.
#[derive(Debug, Clone)]
pub struct Request {
    /// Where the PDF goes.
    pub path: PathBuf,
    /// Paper, print size and chart, as chosen in the sheet.
    pub choices: Choices,
    /// Open the PDF when it is written.
    pub open_after: bool,
}

#[derive(Debug, Clone)]
enum Status {
    Ready,
    Writing,
    Done(Written),
    Failed(String),
}

/// The sheet.
#[derive(Debug)]
pub struct State {
    language: &'static Language,
    paper: Paper,
    large_print: bool,
    tracking_chart: bool,
    whats_new: bool,
    layout: HandoutLayout,
    phases: Vec<PhaseChoice>,
    phase: usize,
    open_after: bool,
    path: String,
    status: Status,
}

/// A phase in the summary card's menu: "2. Weeks 3–4".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseChoice {
    index: usize,
    name: String,
}

impl PhaseChoice {
    /// A menu entry for each phase, in order.
    pub fn all(phases: &[String]) -> Vec<PhaseChoice> {
        phases
            .iter()
            .enumerate()
            .map(|(index, name)| PhaseChoice {
                index,
                name: name.clone(),
            })
            .collect()
    }

    /// The phase's position, from 0.
    pub fn index(&self) -> usize {
        self.index
    }
}

impl std::fmt::Display for PhaseChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}. {}", self.index + 1, self.name)
    }
}

/// Something done in the sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// The handout's language.
    LanguageSelected(Language),
    /// Compact, detailed or summary card.
    LayoutSelected(HandoutLayout),
    /// The summary card's phase.
    PhaseSelected(PhaseChoice),
    /// Paper size.
    PaperSelected(Paper),
    /// Large print.
    LargePrintToggled(bool),
    /// Tracking chart.
    ChartToggled(bool),
    /// The "What's new" box.
    WhatsNewToggled(bool),
    /// Open the PDF afterwards.
    OpenAfterToggled(bool),
    /// The output path changed.
    PathChanged(String),
    /// Choose where to save with the system dialog.
    Browse,
    /// The system dialog closed.
    Browsed(Option<PathBuf>),
    /// Write the handout.
    Export,
    /// The handout was written, or why not.
    Exported(Result<Written, super::Error>),
    /// Open the written PDF.
    OpenPdf,
    /// Show the folder it is in.
    ShowFolder,
    /// Close the sheet.
    Close,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this sheet.
    Run(Task<Message>),
    /// Write the handout.
    Export(Request),
    /// Close the sheet.
    Close,
}

impl State {
    /// The sheet with the settings' defaults, suggesting `path`, for a
    /// program with these phases (for the summary card's menu), printed in
    /// `language` unless the therapist picks another.
    pub fn new(settings: &Settings, path: &Path, phases: &[String], language: &str) -> Self {
        Self {
            language: lang::find(language).unwrap_or(&lang::LANGUAGES[0]),
            layout: settings.layout,
            phases: PhaseChoice::all(phases),
            phase: 0,
            paper: settings.paper,
            large_print: settings.large_print,
            tracking_chart: settings.tracking_chart,
            whats_new: settings.whats_new,
            open_after: true,
            path: path.display().to_string(),
            status: Status::Ready,
        }
    }

    /// True while the handout is being written.
    pub fn is_writing(&self) -> bool {
        matches!(self.status, Status::Writing)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::LanguageSelected(language) => {
                self.language = lang::find(language.code).unwrap_or(&lang::LANGUAGES[0]);
            }
            Message::LayoutSelected(layout) => self.layout = layout,
            Message::PhaseSelected(choice) => self.phase = choice.index,
            Message::PaperSelected(paper) => self.paper = paper,
            Message::LargePrintToggled(on) => self.large_print = on,
            Message::ChartToggled(on) => self.tracking_chart = on,
            Message::WhatsNewToggled(on) => self.whats_new = on,
            Message::OpenAfterToggled(on) => self.open_after = on,
            Message::PathChanged(path) => {
                self.path = path;
                self.status = Status::Ready;
            }
            Message::Browse => {
                let path = PathBuf::from(self.path.trim());
                let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Handout.pdf".to_string());
                return Action::Run(Task::perform(
                    file_dialogs::save_file(
                        "Save the handout as",
                        file_dialogs::PDF,
                        Some(folder),
                        name,
                    ),
                    Message::Browsed,
                ));
            }
            Message::Browsed(Some(path)) => {
                self.path = path.display().to_string();
                self.status = Status::Ready;
            }
            Message::Browsed(None) => {}
            Message::Export => {
                let mut path = PathBuf::from(self.path.trim());
                if self.path.trim().is_empty() {
                    self.status = Status::Failed("Choose where to save the handout.".to_string());
                    return Action::None;
                }
                if path
                    .extension()
                    .is_none_or(|e| !e.eq_ignore_ascii_case("pdf"))
                {
                    path.set_extension("pdf");
                    self.path = path.display().to_string();
                }
                self.status = Status::Writing;
                return Action::Export(Request {
                    path,
                    choices: Choices {
                        layout: Some(self.layout),
                        paper: Some(self.paper),
                        large_print: Some(self.large_print),
                        tracking_chart: Some(self.tracking_chart),
                        phase: Some(self.phase),
                        whats_new: Some(self.whats_new),
                        language: Some(self.language.code),
                    },
                    open_after: self.open_after,
                });
            }
            Message::Exported(Ok(written)) => self.status = Status::Done(written),
            Message::Exported(Err(error)) => self.status = Status::Failed(error.to_string()),
            Message::OpenPdf => {
                if let Status::Done(written) = &self.status
                    && let Err(error) = opener::open(&written.path)
                {
                    self.status = Status::Failed(format!(
                        "{}: the PDF is saved, but it could not be opened: {error}",
                        written.path.display()
                    ));
                }
            }
            Message::ShowFolder => {
                if let Status::Done(written) = &self.status
                    && let Some(folder) = written.path.parent()
                    && let Err(error) = opener::open(folder)
                {
                    self.status = Status::Failed(format!(
                        "{}: the folder could not be shown: {error}",
                        folder.display()
                    ));
                }
            }
            Message::Close => return Action::Close,
        }
        Action::None
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let writing = self.is_writing();
        let mut layout = row![
            column![
                label("Handout language"),
                pick_list(
                    lang::LANGUAGES,
                    Some(self.language.clone()),
                    Message::LanguageSelected
                )
                .style(style::menu)
                .padding([6, 8])
                .text_size(style::TEXT),
            ]
            .spacing(3),
            column![
                label("Layout"),
                pick_list(
                    HandoutLayout::ALL,
                    Some(self.layout),
                    Message::LayoutSelected
                )
                .style(style::menu)
                .padding([6, 8])
                .text_size(style::TEXT),
            ]
            .spacing(3)
        ]
        .spacing(style::SECTION)
        .align_y(Alignment::End);
        if self.layout == HandoutLayout::Summary && self.phases.len() > 1 {
            let chosen = self.phases.get(self.phase).cloned();
            layout = layout.push(
                column![
                    label("Phase on the card"),
                    pick_list(self.phases.as_slice(), chosen, Message::PhaseSelected)
                        .style(style::menu)
                        .padding([6, 8])
                        .text_size(style::TEXT),
                ]
                .spacing(3),
            );
        }
        let choices = row![
            column![
                label("Paper"),
                pick_list(Paper::ALL, Some(self.paper), Message::PaperSelected)
                    .style(style::menu)
                    .padding([6, 8])
                    .text_size(style::TEXT),
            ]
            .spacing(3),
            checkbox(self.large_print)
                .label("Large print")
                .on_toggle(Message::LargePrintToggled)
                .text_size(style::TEXT),
            checkbox(self.tracking_chart)
                .label("Tracking chart page")
                .on_toggle(Message::ChartToggled)
                .text_size(style::TEXT),
        ]
        .spacing(style::SECTION)
        .align_y(Alignment::End);
        let path = widgets::field(
            "Save the PDF as",
            row![
                widgets::input("File.pdf", &self.path, Message::PathChanged, false)
                    .id(PATH_ID)
                    .on_submit(Message::Export)
                    .width(Fill),
                widgets::secondary_button("Browse…", (!writing).then_some(Message::Browse)),
            ]
            .spacing(style::GAP)
            .align_y(Alignment::Center),
            None,
        );
        let mut body = column![
            layout,
            choices,
            checkbox(self.whats_new)
                .label("“What's new” box, when the program has an earlier version")
                .on_toggle(Message::WhatsNewToggled)
                .text_size(style::TEXT),
            path,
            checkbox(self.open_after)
                .label("Open the PDF when it is ready")
                .on_toggle(Message::OpenAfterToggled)
                .text_size(style::TEXT),
        ]
        .spacing(style::SECTION);
        if !matches!(self.status, Status::Ready) {
            body = body.push(self.status_view());
        }
        let mut buttons: Vec<Element<'_, Message>> =
            vec![widgets::secondary_button("Close", Some(Message::Close)).into()];
        if let Status::Done(_) = &self.status {
            buttons
                .push(widgets::secondary_button("Show folder", Some(Message::ShowFolder)).into());
            buttons.push(widgets::secondary_button("Open PDF", Some(Message::OpenPdf)).into());
        }
        buttons.push(
            widgets::primary_button(
                if writing { "Writing…" } else { "Export PDF" },
                (!writing).then_some(Message::Export),
            )
            .into(),
        );
        widgets::sheet("Export the handout", body, buttons, Length::Fixed(680.0))
    }

    fn status_view(&self) -> Element<'_, Message> {
        match &self.status {
            Status::Ready => text("").size(style::SMALL).into(),
            Status::Writing => text("Writing the handout…")
                .size(style::TEXT)
                .style(style::muted)
                .into(),
            Status::Failed(message) => {
                iced::widget::container(text(message.as_str()).size(style::TEXT))
                    .padding([8, 10])
                    .width(Fill)
                    .style(style::callout(style::Tone::Error))
                    .into()
            }
            Status::Done(written) => {
                let pages = count(written.pages, "page");
                let mut lines = Column::new().spacing(4).push(
                    text(format!("Saved {pages} to {}", written.path.display())).size(style::TEXT),
                );
                for warning in &written.warnings {
                    lines = lines.push(
                        text(format!("Note: {warning}"))
                            .size(style::SMALL)
                            .style(style::warning_text),
                    );
                }
                let tone = if written.warnings.is_empty() {
                    style::Tone::Success
                } else {
                    style::Tone::Warning
                };
                iced::widget::container(lines)
                    .padding([8, 10])
                    .width(Fill)
                    .style(style::callout(tone))
                    .into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_asks_with_the_chosen_options_and_a_pdf_name() {
        let settings = Settings {
            large_print: true,
            ..Settings::default()
        };
        let mut state = State::new(&settings, Path::new("/tmp/Ann Lee - Knee.pdf"), &[], "en");
        let _ = state.update(Message::ChartToggled(false));
        let _ = state.update(Message::WhatsNewToggled(false));
        let spanish = lang::find("es").unwrap().clone();
        let _ = state.update(Message::LanguageSelected(spanish));
        let _ = state.update(Message::PathChanged("/tmp/handout".into()));
        match state.update(Message::Export) {
            Action::Export(request) => {
                assert_eq!(request.choices.whats_new, Some(false));
                assert_eq!(request.choices.large_print, Some(true));
                assert_eq!(request.choices.tracking_chart, Some(false));
                assert_eq!(request.choices.language, Some("es"));
                assert_eq!(request.path, PathBuf::from("/tmp/handout.pdf"));
            }
            other => panic!("{other:?}"),
        }
        assert!(state.is_writing());
        let _ = state.update(Message::Exported(Err(super::super::Error::Other(
            "disk full".into(),
        ))));
        assert!(!state.is_writing());
    }
}
