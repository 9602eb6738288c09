//! The program's details: clinician, clinic, phone, the handout's
//! language, dates, condition, goals, notes and precautions.

use super::{Draft, DraftKey};
use crate::gui::style;
use crate::gui::widgets::{self, label};
use chrono::{Days, NaiveDate};
use iced::widget::{Column, column, container, pick_list, row, scrollable, text, text_editor};
use iced::{Alignment, Element, Fill, Length};
use ptbuilder_core::lang::{self, Language};
use ptbuilder_core::program::edit::Edit;
use ptbuilder_core::program::input::{lines, parse_date};
use ptbuilder_core::program::{Program, Severity, validate_program};
use ptbuilder_core::text::capitalize;
use std::collections::HashMap;

/// One of the program's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateField {
    /// When it was made.
    Created,
    /// When the patient starts.
    Start,
    /// The next review.
    Review,
}

/// The id of a details field, by its name in the program file
/// ("phone", "start", "goals"…), for jumping to it.
pub fn field_id(name: &str) -> String {
    format!("details-{name}")
}

/// A quick way to fill a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quick {
    /// Today's date.
    Today,
    /// This many weeks after the start date (or today, with no start).
    WeeksAfterStart(u64),
}

/// Something typed or clicked in the details.
#[derive(Debug, Clone)]
pub enum Message {
    /// The clinician changed.
    ClinicianChanged(String),
    /// The clinic changed.
    ClinicChanged(String),
    /// The phone changed.
    PhoneChanged(String),
    /// The handout's language was chosen.
    LanguageSelected(Language),
    /// The condition changed.
    ConditionChanged(String),
    /// A date was typed.
    DateChanged(DateField, String),
    /// A quick date button.
    DateQuick(DateField, Quick),
    /// The notes box.
    NotesEdited(text_editor::Action),
    /// The goals box.
    GoalsEdited(text_editor::Action),
    /// The precautions box.
    PrecautionsEdited(text_editor::Action),
    /// Enter in a field: the typing step is complete.
    Submitted,
}

/// The multi-line boxes, which keep their own cursor and text.
#[derive(Debug)]
pub struct Texts {
    notes: text_editor::Content,
    goals: text_editor::Content,
    precautions: text_editor::Content,
}

impl Texts {
    /// Boxes showing `program`'s text.
    pub fn from_program(program: &Program) -> Self {
        Self {
            notes: text_editor::Content::with_text(&program.notes),
            goals: text_editor::Content::with_text(&program.goals.join("\n")),
            precautions: text_editor::Content::with_text(&program.precautions.join("\n")),
        }
    }
}

/// Turns a details message into an edit; refused dates stay as drafts.
pub(super) fn edit_for(
    message: Message,
    texts: &mut Texts,
    drafts: &mut HashMap<DraftKey, Draft>,
    program: &Program,
    today: NaiveDate,
) -> Option<Edit> {
    match message {
        Message::ClinicianChanged(text) => Some(Edit::Clinician(text)),
        Message::ClinicChanged(text) => Some(Edit::Clinic(text)),
        Message::PhoneChanged(text) => Some(Edit::Phone(text)),
        Message::LanguageSelected(language) => Some(Edit::Language(language.code.to_string())),
        Message::ConditionChanged(text) => Some(Edit::Condition(text)),
        Message::DateChanged(field, typed) => {
            let key = DraftKey::Date(field);
            let refusal = match parse_date(&typed) {
                Ok(None) if field == DateField::Created => {
                    Some(ptbuilder_core::program::input::Refusal::Invalid(
                        "The program needs the date it was made".to_string(),
                    ))
                }
                Ok(date) => {
                    drafts.remove(&key);
                    return Some(date_edit(field, date, program));
                }
                Err(refusal) => Some(refusal),
            };
            drafts.insert(
                key,
                Draft {
                    text: typed,
                    refusal,
                },
            );
            None
        }
        Message::DateQuick(field, quick) => {
            drafts.remove(&DraftKey::Date(field));
            let date = match quick {
                Quick::Today => today,
                Quick::WeeksAfterStart(weeks) => program
                    .start
                    .unwrap_or(today)
                    .checked_add_days(Days::new(weeks * 7))
                    .unwrap_or(today),
            };
            Some(date_edit(field, Some(date), program))
        }
        Message::NotesEdited(action) => {
            let edits = action.is_edit();
            texts.notes.perform(action);
            edits.then(|| Edit::Notes(texts.notes.text().trim_end().to_string()))
        }
        Message::GoalsEdited(action) => {
            let edits = action.is_edit();
            texts.goals.perform(action);
            edits.then(|| Edit::Goals(lines(&texts.goals.text())))
        }
        Message::PrecautionsEdited(action) => {
            let edits = action.is_edit();
            texts.precautions.perform(action);
            edits.then(|| Edit::Precautions(lines(&texts.precautions.text())))
        }
        Message::Submitted => None,
    }
}

fn date_edit(field: DateField, date: Option<NaiveDate>, program: &Program) -> Edit {
    match field {
        DateField::Created => Edit::Created(date.unwrap_or(program.created)),
        DateField::Start => Edit::Start(date),
        DateField::Review => Edit::Review(date),
    }
}

/// The details form.
pub(super) fn view<'a>(
    program: &'a Program,
    texts: &'a Texts,
    drafts: &'a HashMap<DraftKey, Draft>,
    library: &'a ptbuilder_core::library::Library,
) -> Element<'a, Message> {
    let people = row![
        text_field(
            "Clinician",
            &program.clinician,
            ("Your name", "clinician"),
            Message::ClinicianChanged
        ),
        text_field(
            "Clinic",
            &program.clinic,
            ("Clinic name", "clinic"),
            Message::ClinicChanged
        ),
        text_field(
            "Phone for questions",
            &program.phone,
            ("Clinic phone", "phone"),
            Message::PhoneChanged
        ),
    ]
    .spacing(style::SECTION);

    let review_problem = validate_program(program, library)
        .into_iter()
        .find(|p| p.severity == Severity::Error && p.path.to_string() == "review")
        .map(|p| p.message);
    let dates = row![
        date_field(
            "Created",
            DateField::Created,
            Some(program.created),
            drafts,
            vec![("Today", Quick::Today)],
        ),
        date_field(
            "Start",
            DateField::Start,
            program.start,
            drafts,
            vec![("Today", Quick::Today)],
        ),
        date_field(
            "Review",
            DateField::Review,
            program.review,
            drafts,
            vec![
                ("+2 weeks", Quick::WeeksAfterStart(2)),
                ("+4 weeks", Quick::WeeksAfterStart(4)),
                ("+6 weeks", Quick::WeeksAfterStart(6)),
            ],
        ),
    ]
    .spacing(style::SECTION);
    let mut dates_block = column![dates].spacing(4);
    if let Some(problem) = review_problem {
        dates_block = dates_block.push(
            text(capitalize(&problem))
                .size(style::SMALL)
                .style(style::error_text),
        );
    }

    let condition = widgets::input(
        "In plain words, for example: low back pain",
        &program.condition,
        Message::ConditionChanged,
        false,
    )
    .id(field_id("condition"))
    .on_submit(Message::Submitted)
    .into();

    let language = pick_list(
        lang::LANGUAGES,
        lang::find(&program.language).cloned(),
        Message::LanguageSelected,
    )
    .style(style::menu)
    .padding([6, 8])
    .text_size(style::TEXT);
    let form = column![
        section("People", people.into()),
        section("Handout language", language.into()),
        section("Dates", dates_block.into()),
        section("Condition", condition),
        section(
            "Goals — one per line",
            editor(
                &texts.goals,
                ("Walk for 30 minutes at a time", "goals"),
                Message::GoalsEdited,
                90.0
            ),
        ),
        section(
            "Precautions — one per line",
            editor(
                &texts.precautions,
                ("Stop an exercise if it causes sharp pain", "precautions"),
                Message::PrecautionsEdited,
                90.0,
            ),
        ),
        section(
            "Notes for the patient",
            editor(
                &texts.notes,
                (
                    "General advice that appears near the top of the handout",
                    "notes",
                ),
                Message::NotesEdited,
                120.0,
            ),
        ),
    ]
    .spacing(style::SECTION)
    .padding([4, 16]);
    scrollable(form).height(Fill).into()
}

fn section<'a>(title: &'a str, body: Element<'a, Message>) -> Element<'a, Message> {
    column![
        text(title).size(style::TEXT).style(style::accent_text),
        body
    ]
    .spacing(6)
    .into()
}

fn text_field<'a>(
    caption: &'a str,
    value: &'a str,
    (placeholder, name): (&'a str, &str),
    on_input: impl Fn(String) -> Message + 'a,
) -> Element<'a, Message> {
    container(widgets::field(
        caption,
        widgets::input(placeholder, value, on_input, false)
            .id(field_id(name))
            .on_submit(Message::Submitted),
        None,
    ))
    .width(Fill)
    .into()
}

fn date_field<'a>(
    caption: &'a str,
    field: DateField,
    value: Option<NaiveDate>,
    drafts: &'a HashMap<DraftKey, Draft>,
    quick: Vec<(&'a str, Quick)>,
) -> Element<'a, Message> {
    let draft = drafts.get(&DraftKey::Date(field));
    let shown = draft.map_or_else(
        || {
            value
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        },
        |d| d.text.clone(),
    );
    let refusal = draft.and_then(|d| d.refusal.as_ref());
    let name = match field {
        DateField::Created => "created",
        DateField::Start => "start",
        DateField::Review => "review",
    };
    let input = widgets::input(
        "YYYY-MM-DD",
        &shown,
        move |text| Message::DateChanged(field, text),
        refusal.is_some_and(|r| r.is_error()),
    )
    .id(field_id(name))
    .on_submit(Message::Submitted)
    .width(Length::Fixed(120.0));
    let buttons = quick.into_iter().fold(
        row![input].spacing(4).align_y(Alignment::Center),
        |row, (caption, quick)| {
            row.push(widgets::quiet_button(
                caption,
                Some(Message::DateQuick(field, quick)),
            ))
        },
    );
    let mut content = Column::new().spacing(3).push(label(caption)).push(buttons);
    if let Some(refusal) = refusal {
        content = content.push(widgets::refusal_text(refusal));
    }
    content.into()
}

fn editor<'a>(
    content: &'a text_editor::Content,
    (placeholder, name): (&'a str, &str),
    on_action: fn(text_editor::Action) -> Message,
    height: f32,
) -> Element<'a, Message> {
    text_editor(content)
        .id(field_id(name))
        .placeholder(placeholder)
        .on_action(on_action)
        .height(Length::Fixed(height))
        .padding(8)
        .size(style::TEXT)
        .into()
}
