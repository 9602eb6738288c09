//! Printing from the window: the Print sheet's job is made and sent by
//! the core off the UI thread; the banner then says "Sent 8 pages to
//! Front desk printer", even if the sheet was closed in the meantime.

use super::{App, Message, Sheet};
use crate::gui::{perform, print_sheet, style};
use iced::Task;
use ptbuilder_core::handout::HandoutOptions;
use ptbuilder_core::print::{self, PrintError};
use ptbuilder_core::store::Settings;
use std::sync::Arc;

impl App {
    /// Shows the Print sheet and looks for printers.
    pub(super) fn open_print(&mut self) -> Task<Message> {
        let (sheet, task) = print_sheet::open(&self.handout_settings(), &self.phase_names());
        self.sheet = Some(Sheet::Print(sheet));
        task.map(Message::Print)
    }

    /// The program's phase names, for the summary card's menu.
    pub(super) fn phase_names(&self) -> Vec<String> {
        (self.editor.program().phases.iter())
            .map(|phase| phase.name.clone())
            .collect()
    }

    pub(super) fn print_message(&mut self, message: print_sheet::Message) -> Task<Message> {
        let Some(Sheet::Print(sheet)) = &mut self.sheet else {
            // The sheet was closed while the job was on its way.
            return match message {
                print_sheet::Message::Printed(result) => self.printed(result),
                _ => Task::none(),
            };
        };
        match sheet.update(message) {
            print_sheet::Action::None => Task::none(),
            print_sheet::Action::Run(task) => task.map(Message::Print),
            print_sheet::Action::Close => self.close_sheet(),
            print_sheet::Action::ExportInstead => self.open_export(),
            print_sheet::Action::Sent(sent) => {
                Task::batch([self.close_sheet(), self.printed(Ok(sent))])
            }
            print_sheet::Action::Print(request) => self.send_to_printer(*request),
        }
    }

    /// Remembers the choices and prints in the background.
    fn send_to_printer(&mut self, request: print_sheet::Request) -> Task<Message> {
        self.settings.printing = request.remember.clone();
        let remember = self.save_settings_quietly(self.settings.clone());
        let program = self.editor.program().clone();
        let library = Arc::clone(&self.library);
        let options = HandoutOptions::chosen(&self.store, &self.settings, request.choices);
        let job = request.job;
        let printing = perform(
            move || Ok(print::print(&program, &library, &options, &job)),
            |result| {
                Message::Print(print_sheet::Message::Printed(
                    result.unwrap_or_else(|error| Err(PrintError::Failed(error.to_string()))),
                ))
            },
        );
        Task::batch([remember, printing])
    }

    /// What came of a print job, in the banner.
    fn printed(&mut self, result: Result<print::Sent, PrintError>) -> Task<Message> {
        match result {
            Ok(sent) => {
                for warning in &sent.warnings {
                    self.warn(warning.clone());
                }
                self.notify(style::Tone::Success, format!("{sent}."))
            }
            Err(error) => self.notify(style::Tone::Error, error.to_string()),
        }
    }

    /// The settings, with the layout the preview shows when it is open:
    /// the Export and Print sheets start from it.
    pub(super) fn handout_settings(&self) -> Settings {
        let mut settings = self.settings.clone();
        if settings.show_preview {
            settings.layout = self.preview.layout();
        }
        settings
    }
}
