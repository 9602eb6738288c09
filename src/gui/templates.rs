//! The template gallery: the shipped templates and the therapist's and
//! clinic's own, as cards to start a new program from.

use super::style;
use super::widgets;
use super::{Error, perform};
use iced::widget::{Column, Space, button, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Fill, Length, Task};
use ptbuilder_core::library::{Library, Source};
use ptbuilder_core::program::Program;
use ptbuilder_core::store::{Settings, Store, Template};
use ptbuilder_core::text::{count, fold};
use std::sync::Arc;

/// Templates and the problems met reading them.
#[derive(Debug, Clone)]
pub struct Found {
    templates: Vec<Template>,
    problems: Vec<String>,
}

/// The gallery.
#[derive(Debug, Default)]
pub struct State {
    found: Option<Arc<Found>>,
    query: String,
    /// The settings' handout language: shipped templates start in it.
    language: String,
}

/// Something done in the gallery.
#[derive(Debug, Clone)]
pub enum Message {
    /// The templates were read.
    Loaded(Result<Arc<Found>, Error>),
    /// The search text changed.
    QueryChanged(String),
    /// Start a program from the template at this position.
    Use(usize),
    /// Close without choosing.
    Cancel,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Start a program from this template.
    Use(Box<Program>),
    /// Close the gallery.
    Close,
}

/// The gallery, with the task that fills it.
pub fn open(store: &Store, settings: &Settings, library: &Arc<Library>) -> (State, Task<Message>) {
    let state = State {
        language: settings.language.clone(),
        ..State::default()
    };
    let (store, settings, library) = (store.clone(), settings.clone(), Arc::clone(library));
    let task = perform(
        move || {
            let (templates, problems) = store.templates(&settings, &library);
            Ok(Arc::new(Found {
                templates,
                problems: problems.iter().map(ToString::to_string).collect(),
            }))
        },
        Message::Loaded,
    );
    (state, task)
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Loaded(Ok(found)) => {
                self.found = Some(found);
                Action::None
            }
            Message::Loaded(Err(error)) => {
                self.found = Some(Arc::new(Found {
                    templates: Vec::new(),
                    problems: vec![error.to_string()],
                }));
                Action::None
            }
            Message::QueryChanged(query) => {
                self.query = query;
                Action::None
            }
            Message::Use(index) => match self.found.as_ref().and_then(|f| f.templates.get(index)) {
                // A shipped template starts in the settings' language (its
                // translation when it has one); one of the therapist's own
                // keeps the language it was saved in.
                Some(template) if template.source == Source::BuiltIn => {
                    Action::Use(Box::new(template.program_in(&self.language)))
                }
                Some(template) => Action::Use(Box::new(template.program.clone())),
                None => Action::None,
            },
            Message::Cancel => Action::Close,
        }
    }

    /// Template positions matching the search, in their order.
    fn matching(&self) -> Vec<usize> {
        let Some(found) = &self.found else {
            return Vec::new();
        };
        let words: Vec<String> = fold(&self.query)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        found
            .templates
            .iter()
            .enumerate()
            .filter(|(_, template)| {
                let program = &template.program;
                let haystack = fold(&format!(
                    "{} {} {}",
                    program.title,
                    program.condition,
                    program
                        .phases
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The gallery sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let search = text_input("Search templates by title, condition or phase", &self.query)
            .on_input(Message::QueryChanged)
            .padding([8, 10])
            .size(style::TEXT)
            .style(style::field);
        let body: Element<'_, Message> = match &self.found {
            None => text("Reading templates…")
                .size(style::TEXT)
                .style(style::muted)
                .into(),
            Some(found) => {
                let cards = self
                    .matching()
                    .into_iter()
                    .map(|index| card(index, &found.templates[index]));
                let mut content = Column::new().spacing(style::GAP);
                if found.templates.is_empty() {
                    content = content.push(text("There are no templates yet.").size(style::TEXT));
                }
                content = content.push(
                    iced::widget::Row::with_children(cards)
                        .spacing(style::GAP)
                        .wrap()
                        .vertical_spacing(style::GAP),
                );
                for problem in &found.problems {
                    content = content.push(
                        text(problem.as_str())
                            .size(style::SMALL)
                            .style(style::warning_text),
                    );
                }
                scrollable(content).height(Fill).spacing(4).into()
            }
        };
        let content = column![
            text(
                "A template becomes a new program dated today; fill in the patient, \
                 then adjust the exercises and doses."
            )
            .size(style::TEXT)
            .style(style::muted),
            search,
            body
        ]
        .spacing(style::GAP)
        .height(Fill);
        widgets::tall_sheet(
            "New program from a template",
            content,
            vec![widgets::secondary_button("Cancel", Some(Message::Cancel)).into()],
            1000.0,
            740.0,
        )
    }
}

fn card(index: usize, template: &Template) -> Element<'_, Message> {
    let program = &template.program;
    let source = match template.source {
        Source::BuiltIn => "Shipped",
        Source::User => "Yours",
        Source::Clinic => "Clinic",
    };
    let phases = program.phases.len();
    let counts = format!(
        "{} · {}",
        count(phases, "phase"),
        count(program.item_count(), "exercise")
    );
    let mut phase_lines = Column::new().spacing(2);
    for phase in program.phases.iter().take(4) {
        phase_lines = phase_lines.push(
            text(format!("• {}", phase.name))
                .size(style::SMALL)
                .style(style::muted),
        );
    }
    let condition = if program.condition.is_empty() {
        "No condition given".to_string()
    } else {
        program.condition.clone()
    };
    let content = column![
        row![
            text(&program.title).size(17).width(Fill),
            container(text(source).size(11))
                .padding([1, 6])
                .style(style::chip),
        ]
        .spacing(6)
        .align_y(Alignment::Start),
        text(condition).size(style::TEXT),
        text(counts).size(style::SMALL).style(style::accent_text),
        phase_lines,
        Space::new().height(Fill),
        text("Use this template")
            .size(style::TEXT)
            .style(style::accent_text),
    ]
    .spacing(6);
    // The whole card is the button: a big, forgiving target.
    button(content)
        .padding(14)
        .width(Length::Fixed(300.0))
        .height(Length::Fixed(218.0))
        .style(style::card_button)
        .on_press(Message::Use(index))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gallery_lists_shipped_templates_and_searches_them() {
        let folder = tempfile::tempdir().unwrap();
        let store = Store::at(folder.path());
        let (templates, problems) = store.templates(&Settings::default(), Library::builtin());
        assert!(problems.is_empty());
        let mut state = State::default();
        let _ = state.update(Message::Loaded(Ok(Arc::new(Found {
            templates,
            problems: Vec::new(),
        }))));
        let all = state.matching().len();
        assert!(all >= 6, "{all} templates");
        let _ = state.update(Message::QueryChanged("desk".into()));
        let found = state.matching();
        assert_eq!(found.len(), 1);
        match state.update(Message::Use(found[0])) {
            Action::Use(program) => assert!(program.title.starts_with("Desk posture")),
            other => panic!("{other:?}"),
        }
    }
}
