//! The app's side of the live preview: when to lay the handout out again
//! (after any change to the program or the handout settings, while the
//! pane is showing), showing and hiding the pane (remembered in the
//! settings), and taking the therapist to a checker finding's field.

use super::{App, Message};
use crate::gui::preview::{self, Request};
use iced::Task;
use ptbuilder_core::handout::{Choices, HandoutOptions};
use std::sync::Arc;

impl App {
    /// Lays the handout out again if the program or its settings changed
    /// since the pages on screen were asked for.
    pub(super) fn refresh_preview(&mut self) -> Task<Message> {
        if !self.settings.show_preview || self.loading {
            return Task::none();
        }
        let request = Request {
            program: self.editor.program().clone(),
            library: Arc::clone(&self.library),
            options: HandoutOptions::chosen(&self.store, &self.settings, Choices::default()),
        };
        self.preview.want(request).map(Message::Preview)
    }

    /// Shows or hides the preview, and remembers it.
    pub(super) fn toggle_preview(&mut self) -> Task<Message> {
        let mut settings = self.settings.clone();
        settings.show_preview = !settings.show_preview;
        self.settings.show_preview = settings.show_preview;
        self.save_settings_quietly(settings)
    }

    pub(super) fn preview_message(&mut self, message: preview::Message) -> Task<Message> {
        match self.preview.update(message) {
            preview::Action::None | preview::Action::Refresh => Task::none(),
            preview::Action::Run(task) => task.map(Message::Preview),
            preview::Action::Reveal(path) => {
                self.area = super::Area::Program;
                self.editor.reveal(&path).map(Message::Editor)
            }
            preview::Action::Close => self.toggle_preview(),
        }
    }
}

impl App {
    /// True while the preview is laying the handout out, for tests.
    pub fn is_laying_out(&self) -> bool {
        self.preview.is_running()
    }

    /// The text of each page in the preview, for tests.
    pub fn preview_pages(&self) -> Option<Vec<String>> {
        let pages = self.preview.pages()?;
        Some(pages.pages.iter().map(preview::page_text).collect())
    }

    /// What the checker says, for tests.
    pub fn findings(&self) -> Vec<String> {
        self.preview
            .pages()
            .map(|pages| pages.findings.iter().map(|f| f.message.clone()).collect())
            .unwrap_or_default()
    }

    /// Which tab the program pane shows: "Exercises" or "Details", for tests.
    pub fn editor_tab(&self) -> &'static str {
        self.editor.tab_name()
    }
}
