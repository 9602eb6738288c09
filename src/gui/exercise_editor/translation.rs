//! The exercise's words in another language (one section per handout
//! language other than English, closed until the therapist opens it), so
//! a custom exercise prints in the patient's language too.

use super::Message;
use crate::gui::style;
use crate::gui::widgets::{self, label};
use iced::widget::{button, column, container, text, text_editor};
use iced::{Element, Fill, Length};
use ptbuilder_core::lang::{self, Language};
use ptbuilder_core::library::{Dose, Exercise, ExerciseText};
use ptbuilder_core::program::input::comma_list;

/// A one-line field of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The name.
    Name,
    /// Other names, comma-separated.
    Aliases,
    /// What it does.
    Purpose,
    /// How to get into position.
    Start,
}

/// A list of a translation, typed one entry per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// The movement, in order.
    Steps,
    /// Common mistakes.
    Mistakes,
    /// When to take care.
    Cautions,
}

/// One language's section.
#[derive(Debug)]
pub struct Translation {
    language: &'static Language,
    open: bool,
    name: String,
    aliases: String,
    purpose: String,
    start: String,
    steps: text_editor::Content,
    mistakes: text_editor::Content,
    cautions: text_editor::Content,
    /// The usual dose's moment and load in this language, kept as read:
    /// the dose has its own fields above.
    when: Option<String>,
    load: Option<String>,
}

impl Translation {
    /// Every handout language but English, filled from `exercise`.
    pub fn all_for(exercise: &Exercise) -> Vec<Self> {
        lang::LANGUAGES
            .iter()
            .filter(|language| language.code != lang::ENGLISH)
            .map(|language| {
                let text = exercise
                    .translations
                    .get(language.code)
                    .cloned()
                    .unwrap_or_default();
                Self {
                    language,
                    open: !text.is_blank(),
                    name: text.name,
                    aliases: text.aliases.join(", "),
                    purpose: text.purpose,
                    start: text.start,
                    steps: text_editor::Content::with_text(&text.steps.join("\n")),
                    mistakes: text_editor::Content::with_text(&text.mistakes.join("\n")),
                    cautions: text_editor::Content::with_text(&text.cautions.join("\n")),
                    when: text.when,
                    load: text.load,
                }
            })
            .collect()
    }

    /// The language's code.
    pub fn code(&self) -> &'static str {
        self.language.code
    }

    /// Opens or closes the section.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// A one-line field changed.
    pub fn set(&mut self, line: Line, value: String) {
        match line {
            Line::Name => self.name = value,
            Line::Aliases => self.aliases = value,
            Line::Purpose => self.purpose = value,
            Line::Start => self.start = value,
        }
    }

    /// A list was edited.
    pub fn edit(&mut self, lines: Lines, action: text_editor::Action) {
        match lines {
            Lines::Steps => self.steps.perform(action),
            Lines::Mistakes => self.mistakes.perform(action),
            Lines::Cautions => self.cautions.perform(action),
        }
    }

    /// The words as they would be saved.
    pub fn text(&self) -> ExerciseText {
        let entries = |content: &text_editor::Content| -> Vec<String> {
            content
                .text()
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect()
        };
        ExerciseText {
            name: self.name.trim().to_string(),
            aliases: comma_list(&self.aliases),
            purpose: self.purpose.trim().to_string(),
            start: self.start.trim().to_string(),
            steps: entries(&self.steps),
            mistakes: entries(&self.mistakes),
            cautions: entries(&self.cautions),
            when: self.when.clone(),
            load: self.load.clone(),
        }
    }

    /// The section: a header that opens it, then the fields and the usual
    /// dose as the patient reads it in this language.
    pub fn view<'a>(&'a self, index: usize, dose: &Dose) -> Element<'a, Message> {
        let arrow = if self.open { "▾" } else { "▸" };
        let header = button(
            text(format!("{arrow} {}: the patient's words", self.language)).size(style::TEXT),
        )
        .padding([4, 8])
        .style(style::quiet_button)
        .on_press(Message::TranslationToggled(index));
        if !self.open {
            return header.into();
        }
        let input = |caption: &'static str, value: &'a str, line: Line| -> Element<'a, Message> {
            widgets::field(
                caption,
                widgets::input(
                    "",
                    value,
                    move |text| Message::TranslationChanged(index, line, text),
                    false,
                ),
                None,
            )
        };
        let list = |caption: &'static str,
                    content: &'a text_editor::Content,
                    lines: Lines|
         -> Element<'a, Message> {
            column![
                label(caption),
                text_editor(content)
                    .on_action(move |action| Message::TranslationEdited(index, lines, action))
                    .height(Length::Fixed(76.0))
                    .padding(8)
                    .size(style::TEXT),
            ]
            .spacing(3)
            .into()
        };
        let words = lang::words(self.language.code);
        column![
            header,
            input("Name", &self.name, Line::Name),
            input(
                "Other names, separated by commas",
                &self.aliases,
                Line::Aliases
            ),
            input("What it does for the patient", &self.purpose, Line::Purpose),
            input("Starting position", &self.start, Line::Start),
            list("Steps, one a line", &self.steps, Lines::Steps),
            list(
                "Common mistakes, one a line",
                &self.mistakes,
                Lines::Mistakes
            ),
            list(
                "When to take care or stop, one a line",
                &self.cautions,
                Lines::Cautions
            ),
            container(
                column![
                    text("The patient reads")
                        .size(style::SMALL)
                        .style(style::accent_text),
                    text(dose.describe_in(words)).size(style::TEXT),
                ]
                .spacing(2)
            )
            .padding([8, 10])
            .width(Fill)
            .style(style::patient_words),
        ]
        .spacing(style::GAP)
        .into()
    }
}
