//! Questions that need an answer before going on: unsaved changes,
//! removing a phase with exercises, a file changed by someone else.

use super::style;
use super::widgets;
use iced::widget::{button, text};
use iced::{Element, Length};

/// How a dialog button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The suggested answer.
    Primary,
    /// Another answer.
    Secondary,
    /// An answer that throws work away.
    Danger,
}

/// A question with its answers; each answer sends a message to the app.
#[derive(Debug, Clone)]
pub struct Dialog<M> {
    title: String,
    body: String,
    answers: Vec<(String, Kind, M)>,
    cancel: Option<M>,
}

impl<M: Clone> Dialog<M> {
    /// A question with no answers yet.
    pub fn new(title: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            body: body.into(),
            answers: Vec::new(),
            cancel: None,
        }
    }

    /// Adds an answer.
    pub fn answer(mut self, label: impl Into<String>, kind: Kind, message: M) -> Self {
        self.answers.push((label.into(), kind, message));
        self
    }

    /// Adds the "Cancel" answer, which Esc also gives.
    pub fn cancel(mut self, label: impl Into<String>, message: M) -> Self {
        self.answers
            .push((label.into(), Kind::Secondary, message.clone()));
        self.cancel = Some(message);
        self
    }

    /// The message Esc sends, if the dialog can be cancelled.
    pub fn on_escape(&self) -> Option<M> {
        self.cancel.clone()
    }

    /// The title, for tests and the window.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The dialog sheet.
    pub fn view(&self) -> Element<'_, M>
    where
        M: 'static,
    {
        let buttons = self
            .answers
            .iter()
            .map(|(label, kind, message)| {
                let style = match kind {
                    Kind::Primary => button::primary,
                    Kind::Secondary => style::quiet_button,
                    Kind::Danger => button::danger,
                };
                button(text(label.as_str()).size(style::TEXT))
                    .padding([7, 14])
                    .style(style)
                    .on_press(message.clone())
                    .into()
            })
            .collect();
        widgets::sheet(
            &self.title,
            text(&self.body).size(style::TEXT),
            buttons,
            Length::Fixed(520.0),
        )
    }
}
