//! Settings: clinic details for new programs and handouts, handout
//! defaults, the window theme, and a shared clinic folder.

use super::style;
use super::widgets::{self, label};
use crate::gui::file_dialogs;
use iced::widget::{checkbox, column, pick_list, row, text};
use iced::{Alignment, Element, Fill, Task};
use ptbuilder_core::lang::{self, Language};
use ptbuilder_core::program::input::Refusal;
use ptbuilder_core::program::is_web_address;
use ptbuilder_core::store::{HandoutLayout, Paper, Settings, ThemeChoice};
use std::path::PathBuf;

/// The settings sheet: a draft, applied only when saved.
#[derive(Debug)]
pub struct State {
    draft: Settings,
    logo: String,
    shared: String,
    /// Why the video address cannot be used, once Save was pressed.
    video_problem: Option<Refusal>,
}

/// Something changed in the sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// Clinic name.
    ClinicChanged(String),
    /// Clinic phone.
    PhoneChanged(String),
    /// Default clinician.
    ClinicianChanged(String),
    /// The emergency number of the clinic's country.
    EmergencyChanged(String),
    /// Where the clinic's exercise videos are.
    VideoAddressChanged(String),
    /// Default handout layout.
    LayoutSelected(HandoutLayout),
    /// Logo path typed.
    LogoChanged(String),
    /// Choose a logo with the system dialog.
    BrowseLogo,
    /// The logo dialog closed.
    LogoBrowsed(Option<PathBuf>),
    /// Paper size.
    PaperSelected(Paper),
    /// The handout language of new programs.
    LanguageSelected(Language),
    /// Large print.
    LargePrintToggled(bool),
    /// Tracking chart.
    ChartToggled(bool),
    /// The "What's new" box on handouts of progressed programs.
    WhatsNewToggled(bool),
    /// Window theme.
    ThemeSelected(ThemeChoice),
    /// Shared folder typed.
    SharedChanged(String),
    /// Choose the shared folder with the system dialog.
    BrowseShared,
    /// The folder dialog closed.
    SharedBrowsed(Option<PathBuf>),
    /// Save the settings.
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
    /// Save these settings.
    Save(Box<Settings>),
    /// Close without saving.
    Close,
}

fn path_text(path: Option<&PathBuf>) -> String {
    path.map(|p| p.display().to_string()).unwrap_or_default()
}

fn optional_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    (!text.is_empty()).then(|| PathBuf::from(text))
}

impl State {
    /// The sheet showing `settings`.
    pub fn new(settings: &Settings) -> Self {
        Self {
            logo: path_text(settings.logo.as_ref()),
            shared: path_text(settings.shared_folder.as_ref()),
            video_problem: None,
            draft: settings.clone(),
        }
    }

    /// The theme being tried, so the window previews it.
    pub fn theme(&self) -> ThemeChoice {
        self.draft.theme
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::ClinicChanged(text) => self.draft.clinic = text,
            Message::PhoneChanged(text) => self.draft.phone = text,
            Message::ClinicianChanged(text) => self.draft.clinician = text,
            Message::EmergencyChanged(text) => self.draft.emergency_number = text,
            Message::VideoAddressChanged(text) => {
                self.draft.video_address = text;
                self.video_problem = None;
            }
            Message::LayoutSelected(layout) => self.draft.layout = layout,
            Message::LogoChanged(text) => self.logo = text,
            Message::BrowseLogo => {
                return Action::Run(Task::perform(
                    file_dialogs::open_file("Choose the clinic logo", file_dialogs::PICTURES, None),
                    Message::LogoBrowsed,
                ));
            }
            Message::LogoBrowsed(Some(path)) => self.logo = path.display().to_string(),
            Message::PaperSelected(paper) => self.draft.paper = paper,
            Message::LanguageSelected(language) => self.draft.language = language.code.to_string(),
            Message::LargePrintToggled(on) => self.draft.large_print = on,
            Message::ChartToggled(on) => self.draft.tracking_chart = on,
            Message::WhatsNewToggled(on) => self.draft.whats_new = on,
            Message::ThemeSelected(theme) => self.draft.theme = theme,
            Message::SharedChanged(text) => self.shared = text,
            Message::BrowseShared => {
                return Action::Run(Task::perform(
                    file_dialogs::pick_folder("Choose the clinic's shared folder"),
                    Message::SharedBrowsed,
                ));
            }
            Message::SharedBrowsed(Some(path)) => self.shared = path.display().to_string(),
            Message::LogoBrowsed(None) | Message::SharedBrowsed(None) => {}
            Message::Save => {
                if let Err(problem) = check_video_address(&self.draft.video_address) {
                    self.video_problem = Some(Refusal::Invalid(problem));
                    return Action::None;
                }
                let mut settings = self.draft.clone();
                settings.logo = optional_path(&self.logo);
                settings.shared_folder = optional_path(&self.shared);
                return Action::Save(Box::new(settings));
            }
            Message::Cancel => return Action::Close,
        }
        Action::None
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let draft = &self.draft;
        let clinic = column![
            row![
                field("Clinic name", &draft.clinic, Message::ClinicChanged),
                field("Clinic phone", &draft.phone, Message::PhoneChanged),
            ]
            .spacing(style::SECTION),
            row![
                field(
                    "Your name (filled into new programs)",
                    &draft.clinician,
                    Message::ClinicianChanged,
                ),
                field(
                    "Emergency number in your country",
                    &draft.emergency_number,
                    Message::EmergencyChanged,
                ),
            ]
            .spacing(style::SECTION),
            widgets::field(
                "Exercise videos (optional): a web address, with {id} for the exercise",
                widgets::input(
                    "For example: https://example-clinic.org/videos/{id}",
                    &draft.video_address,
                    Message::VideoAddressChanged,
                    self.video_problem.is_some(),
                ),
                self.video_problem.as_ref(),
            ),
            widgets::field(
                "Logo for the handout (PNG, JPEG or SVG)",
                row![
                    widgets::input("No logo", &self.logo, Message::LogoChanged, false).width(Fill),
                    widgets::secondary_button("Browse…", Some(Message::BrowseLogo)),
                ]
                .spacing(style::GAP)
                .align_y(Alignment::Center),
                None,
            ),
        ]
        .spacing(style::GAP);

        let handout = row![
            column![
                label("Handout language"),
                pick_list(
                    lang::LANGUAGES,
                    lang::find(&draft.language).cloned(),
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
                    Some(draft.layout),
                    Message::LayoutSelected
                )
                .style(style::menu)
                .padding([6, 8])
                .text_size(style::TEXT),
            ]
            .spacing(3),
            column![
                label("Paper"),
                pick_list(Paper::ALL, Some(draft.paper), Message::PaperSelected)
                    .style(style::menu)
                    .padding([6, 8])
                    .text_size(style::TEXT),
            ]
            .spacing(3),
            checkbox(draft.large_print)
                .label("Large print")
                .on_toggle(Message::LargePrintToggled)
                .text_size(style::TEXT),
            checkbox(draft.tracking_chart)
                .label("Tracking chart page")
                .on_toggle(Message::ChartToggled)
                .text_size(style::TEXT),
            checkbox(draft.whats_new)
                .label("“What's new” box")
                .on_toggle(Message::WhatsNewToggled)
                .text_size(style::TEXT),
        ]
        .spacing(style::SECTION)
        .align_y(Alignment::End);

        let window = column![
            label("Colours"),
            pick_list(ThemeChoice::ALL, Some(draft.theme), Message::ThemeSelected)
                .style(style::menu)
                .padding([6, 8])
                .text_size(style::TEXT),
        ]
        .spacing(3);

        let shared = column![
            widgets::field(
                "Shared clinic folder (optional)",
                row![
                    widgets::input("None", &self.shared, Message::SharedChanged, false).width(Fill),
                    widgets::secondary_button("Browse…", Some(Message::BrowseShared)),
                ]
                .spacing(style::GAP)
                .align_y(Alignment::Center),
                None,
            ),
            text(
                "Templates and custom exercises in its templates and exercises folders \
                 appear beside your own.",
            )
            .size(style::SMALL)
            .style(style::muted),
        ]
        .spacing(3);

        let body = column![
            section("Clinic", clinic.into()),
            section("Handout", handout.into()),
            section("Window", window.into()),
            section("Sharing", shared.into()),
        ]
        .spacing(style::SECTION);
        widgets::tall_sheet(
            "Settings",
            iced::widget::scrollable(body).spacing(4),
            vec![
                widgets::secondary_button("Cancel", Some(Message::Cancel)).into(),
                widgets::primary_button("Save settings", Some(Message::Save)).into(),
            ],
            720.0,
            700.0,
        )
    }
}

/// The clinic's video address is a web address once `{id}` is filled in;
/// empty means no videos.
fn check_video_address(address: &str) -> Result<(), String> {
    let address = address.trim();
    if address.is_empty() || is_web_address(&address.replace("{id}", "bridge")) {
        Ok(())
    } else {
        Err(
            "Use a web address that starts with https:// or http://, with {id} where the \
             exercise's id goes."
                .to_string(),
        )
    }
}

fn section<'a>(title: &'a str, body: Element<'a, Message>) -> Element<'a, Message> {
    column![
        text(title).size(style::HEADING).style(style::accent_text),
        body
    ]
    .spacing(6)
    .into()
}

fn field<'a>(
    caption: &'a str,
    value: &'a str,
    on_input: impl Fn(String) -> Message + 'a,
) -> Element<'a, Message> {
    iced::widget::container(widgets::field(
        caption,
        widgets::input("", value, on_input, false),
        None,
    ))
    .width(Fill)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_video_address_that_is_not_a_web_address_is_refused_beside_its_field() {
        let mut state = State::new(&Settings::default());
        let _ = state.update(Message::VideoAddressChanged(
            "file:///srv/videos/{id}".into(),
        ));
        assert!(matches!(state.update(Message::Save), Action::None));
        assert!(state.video_problem.is_some());
        let _ = state.update(Message::VideoAddressChanged(
            "https://example-clinic.org/videos/{id}".into(),
        ));
        let _ = state.update(Message::EmergencyChanged("999".into()));
        match state.update(Message::Save) {
            Action::Save(settings) => {
                assert_eq!(
                    settings.video_address,
                    "https://example-clinic.org/videos/{id}"
                );
                assert_eq!(settings.emergency_number, "999");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn saving_gives_back_the_edited_settings() {
        let mut state = State::new(&Settings::default());
        let _ = state.update(Message::ClinicChanged("Bayside Physio".into()));
        let _ = state.update(Message::ThemeSelected(ThemeChoice::Dark));
        let _ = state.update(Message::SharedChanged("  /srv/clinic ".into()));
        let spanish = lang::find("es").unwrap().clone();
        let _ = state.update(Message::LanguageSelected(spanish));
        assert_eq!(state.theme(), ThemeChoice::Dark);
        match state.update(Message::Save) {
            Action::Save(settings) => {
                assert_eq!(settings.clinic, "Bayside Physio");
                assert_eq!(settings.theme, ThemeChoice::Dark);
                assert_eq!(settings.language, "es");
                assert_eq!(settings.shared_folder, Some(PathBuf::from("/srv/clinic")));
                assert_eq!(settings.logo, None);
            }
            other => panic!("{other:?}"),
        }
    }
}
