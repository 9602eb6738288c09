//! One exercise in the program: its card, its dose editor with the
//! patient's wording beneath, its note and its actions.

use super::{Draft, DraftKey};
use crate::gui::pictures::Pictures;
use crate::gui::style;
use crate::gui::widgets::{self, label};
use iced::widget::{Column, Row, column, container, mouse_area, pick_list, row, text, text_input};
use iced::{Alignment, Element, Fill, Length, mouse};
use ptbuilder_core::library::{Exercise, ExerciseId, Library};
use ptbuilder_core::program::edit::{Edit, ItemRef};
use ptbuilder_core::program::input::DoseField;
use ptbuilder_core::program::{Dose, Item, Program, Side};
use ptbuilder_core::store::UsualDose;
use std::collections::HashMap;
use std::fmt;

/// Something done to one item.
#[derive(Debug, Clone)]
pub enum Message {
    /// The card was clicked.
    Selected,
    /// A dose field was typed into.
    DoseChanged(DoseField, String),
    /// The side was picked.
    SideSelected(Side),
    /// Back to the exercise's usual dose in the library.
    UseUsualDose,
    /// The therapist's own usual dose for this exercise.
    UseMyUsualDose,
    /// Keep this item's dose as the therapist's usual dose for the exercise.
    MakeUsualDose,
    /// The note changed.
    NoteChanged(String),
    /// Enter in one of the item's fields: the typing step is complete.
    Submitted,
    /// One place earlier.
    MoveUp,
    /// One place later.
    MoveDown,
    /// A copy below.
    Duplicate,
    /// To another phase.
    MoveToPhase(PhaseChoice),
    /// Out of the program.
    Remove,
}

/// A phase in the "Move to" menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseChoice {
    /// Its position.
    pub phase: usize,
    name: String,
}

#[cfg(test)]
impl PhaseChoice {
    /// A menu entry for phase `phase`.
    pub fn for_test(phase: usize) -> Self {
        Self {
            phase,
            name: String::new(),
        }
    }
}

impl fmt::Display for PhaseChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.phase + 1, self.name)
    }
}

/// What an item message means for the program.
pub enum Outcome {
    /// Make this edit (and select the item).
    Edit(Edit),
    /// Just select the item.
    Select,
    /// End the typing step.
    Seal,
    /// Nothing to do (a refused value, kept as a draft).
    Nothing,
    /// Keep this dose as the therapist's usual dose for the exercise.
    MakeUsual(ExerciseId, Dose),
}

/// The dose the item uses now: its own, or the exercise's usual one.
fn current_dose(program: &Program, library: &Library, at: ItemRef) -> Option<Dose> {
    let item = program.phases.get(at.phase)?.items.get(at.index)?;
    match &item.dose {
        Some(dose) => Some(dose.clone()),
        None => program
            .exercise(&item.exercise, library)
            .map(|exercise| exercise.dose.clone()),
    }
}

/// Turns an item message into an edit, keeping refused text as a draft.
pub(super) fn edit_for(
    message: Message,
    at: ItemRef,
    program: &Program,
    library: &Library,
    usual_doses: &[UsualDose],
    drafts: &mut HashMap<DraftKey, Draft>,
) -> Outcome {
    match message {
        Message::Selected => Outcome::Select,
        Message::Submitted => Outcome::Seal,
        Message::DoseChanged(field, text) => {
            let Some(dose) = current_dose(program, library, at) else {
                return Outcome::Nothing;
            };
            let key = DraftKey::Dose(at, field);
            match field.apply(&dose, &text) {
                Ok(dose) => {
                    drafts.remove(&key);
                    Outcome::Edit(Edit::Dose {
                        item: at,
                        field: Some(field),
                        dose,
                    })
                }
                Err(refusal) => {
                    drafts.insert(
                        key,
                        Draft {
                            text,
                            refusal: Some(refusal),
                        },
                    );
                    Outcome::Select
                }
            }
        }
        Message::SideSelected(side) => match current_dose(program, library, at) {
            Some(mut dose) => {
                dose.side = side;
                Outcome::Edit(Edit::Dose {
                    item: at,
                    field: None,
                    dose,
                })
            }
            None => Outcome::Nothing,
        },
        Message::MakeUsualDose => {
            let item = program
                .phases
                .get(at.phase)
                .and_then(|p| p.items.get(at.index));
            match (item, current_dose(program, library, at)) {
                (Some(item), Some(dose)) => Outcome::MakeUsual(item.exercise.clone(), dose),
                _ => Outcome::Nothing,
            }
        }
        Message::UseUsualDose | Message::UseMyUsualDose => {
            let item = program
                .phases
                .get(at.phase)
                .and_then(|phase| phase.items.get(at.index));
            let usual = if matches!(message, Message::UseMyUsualDose) {
                item.and_then(|item| {
                    usual_doses
                        .iter()
                        .find(|u| u.exercise == item.exercise)
                        .map(|u| u.dose.clone())
                })
            } else {
                item.and_then(|item| program.exercise(&item.exercise, library))
                    .map(|exercise| exercise.dose.clone())
            };
            match usual {
                Some(dose) => {
                    drafts.retain(|key, _| !matches!(key, DraftKey::Dose(item, _) if *item == at));
                    Outcome::Edit(Edit::Dose {
                        item: at,
                        field: None,
                        dose,
                    })
                }
                None => Outcome::Nothing,
            }
        }
        Message::NoteChanged(text) => Outcome::Edit(Edit::Note { item: at, text }),
        Message::MoveUp => Outcome::Edit(Edit::MoveItemUp(at)),
        Message::MoveDown => Outcome::Edit(Edit::MoveItemDown(at)),
        Message::Duplicate => Outcome::Edit(Edit::DuplicateItem(at)),
        Message::MoveToPhase(choice) => Outcome::Edit(Edit::MoveItemToPhase {
            item: at,
            to: choice.phase,
        }),
        Message::Remove => Outcome::Edit(Edit::RemoveItem(at)),
    }
}

/// Everything a card needs to draw itself.
pub(super) struct Card<'a> {
    pub program: &'a Program,
    pub library: &'a Library,
    pub pictures: &'a Pictures,
    pub drafts: &'a HashMap<DraftKey, Draft>,
    pub at: ItemRef,
    pub item: &'a Item,
    pub selected: bool,
    pub count: usize,
    /// The therapist's own usual dose for this exercise, if any.
    pub usual: Option<&'a Dose>,
}

/// The id of an item's note field: "note-0-2".
pub fn note_field_id(at: ItemRef) -> String {
    format!("note-{}-{}", at.phase, at.index)
}

/// The id of one dose field of an item: "dose-0-2-reps".
pub fn dose_field_id(at: ItemRef, field: DoseField) -> String {
    format!("dose-{}-{}-{}", at.phase, at.index, field.name())
}

impl<'a> Card<'a> {
    /// The card: compact when not selected, the full editor when selected.
    pub fn view(self) -> Element<'a, Message> {
        let exercise = self.program.exercise(&self.item.exercise, self.library);
        let dose = match (&self.item.dose, exercise) {
            (Some(dose), _) => Some(dose.clone()),
            (None, Some(exercise)) => Some(exercise.dose.clone()),
            (None, None) => None,
        };
        // In the handout's language, as the patient will read it.
        let handout_words = ptbuilder_core::lang::words(&self.program.language);
        let words = dose.as_ref().map_or_else(
            || "This exercise is not in the library.".to_string(),
            |dose| dose.describe_in(handout_words),
        );
        if self.selected {
            self.open_card(exercise, dose.as_ref(), words)
        } else {
            self.closed_card(exercise, words)
        }
    }

    /// The exercise's number in its phase.
    fn number(&self) -> Element<'a, Message> {
        text(format!("{}", self.at.index + 1))
            .size(style::HEADING)
            .style(style::muted)
            .width(Length::Fixed(26.0))
            .into()
    }

    fn name(&self, exercise: Option<&'a Exercise>) -> &'a str {
        exercise.map_or(self.item.exercise.as_str(), |e| e.name.as_str())
    }

    /// One line with the picture, name, dose in words and note; a click
    /// opens it.
    fn closed_card(&self, exercise: Option<&'a Exercise>, words: String) -> Element<'a, Message> {
        let picture = exercise.and_then(|e| e.picture.as_deref());
        let mut summary = column![
            text(self.name(exercise)).size(style::TEXT),
            text(words).size(style::SMALL).style(style::muted),
        ]
        .spacing(2)
        .width(Fill);
        if !self.item.note.is_empty() {
            summary = summary.push(
                text(format!("Note: {}", self.item.note))
                    .size(style::SMALL)
                    .style(style::muted),
            );
        }
        let content = row![self.number(), self.pictures.view(picture, 72.0), summary]
            .spacing(12)
            .align_y(Alignment::Center);
        mouse_area(
            container(content)
                .padding([8, 12])
                .width(Fill)
                .style(style::card),
        )
        .on_press(Message::Selected)
        .interaction(mouse::Interaction::Pointer)
        .into()
    }

    /// The selected exercise: header with actions, the dose editor, the
    /// words the patient reads, and the note.
    fn open_card(
        &self,
        exercise: Option<&'a Exercise>,
        dose: Option<&Dose>,
        words: String,
    ) -> Element<'a, Message> {
        let mut body = column![self.header(exercise)].spacing(10);
        if let Some(dose) = dose {
            body = body.push(self.dose_editor(dose));
        }
        let mine = self.usual.map(|usual| dose == Some(usual));
        body = body
            .push(patient_reads(words, mine))
            .push(self.note_field());
        container(body)
            .padding([10, 12])
            .width(Fill)
            .style(style::card_selected)
            .into()
    }

    fn header(&self, exercise: Option<&'a Exercise>) -> Element<'a, Message> {
        let picture = exercise.and_then(|e| e.picture.as_deref());
        let category = exercise
            .map(|e| {
                let regions: Vec<&str> = e.regions.iter().map(|r| r.label()).collect();
                format!("{} · {}", e.category.label(), regions.join(", "))
            })
            .unwrap_or_default();
        row![
            self.number(),
            self.pictures.view(picture, 96.0),
            column![
                text(self.name(exercise)).size(style::HEADING),
                text(category).size(style::SMALL).style(style::muted),
            ]
            .spacing(2)
            .width(Fill),
            self.actions(),
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        .into()
    }

    fn note_field(&self) -> Element<'a, Message> {
        column![
            label("Note for the patient (optional)"),
            text_input(
                "For example: keep the band on the door handle",
                &self.item.note
            )
            .id(note_field_id(self.at))
            .on_input(Message::NoteChanged)
            .on_submit(Message::Submitted)
            .padding([6, 8])
            .size(style::TEXT)
            .style(style::field),
        ]
        .spacing(3)
        .into()
    }

    fn actions(&self) -> Element<'a, Message> {
        let index = self.at.index;
        let mut actions = Row::new().spacing(6).align_y(Alignment::Center);
        actions = actions.push(widgets::tip(
            widgets::quiet_button("↑", (index > 0).then_some(Message::MoveUp)),
            "Move up".to_string(),
        ));
        actions = actions.push(widgets::tip(
            widgets::quiet_button("↓", (index + 1 < self.count).then_some(Message::MoveDown)),
            "Move down".to_string(),
        ));
        actions = actions.push(widgets::quiet_button("Duplicate", Some(Message::Duplicate)));
        let phases = &self.program.phases;
        if phases.len() > 1 {
            let choices: Vec<PhaseChoice> = phases
                .iter()
                .enumerate()
                .filter(|(p, _)| *p != self.at.phase)
                .map(|(phase, p)| PhaseChoice {
                    phase,
                    name: p.name.clone(),
                })
                .collect();
            actions = actions.push(
                pick_list(choices, None::<PhaseChoice>, Message::MoveToPhase)
                    .style(style::menu)
                    .placeholder("Move to phase…")
                    .text_size(style::SMALL)
                    .padding([4, 8])
                    .width(Length::Fixed(150.0)),
            );
        }
        actions = actions.push(widgets::tip(
            iced::widget::button(text("Remove").size(style::SMALL))
                .padding([4, 8])
                .style(style::quiet_danger)
                .on_press(Message::Remove),
            crate::gui::shortcuts::describe(
                "Remove from the program",
                crate::gui::shortcuts::Command::RemoveItem,
            ),
        ));
        actions.into()
    }

    fn dose_editor(&self, dose: &Dose) -> Element<'a, Message> {
        let mut fields = Row::new().spacing(8).align_y(Alignment::End);
        let mut refusals = Column::new().spacing(2);
        for field in DoseField::ALL {
            if field == DoseField::Load {
                fields = fields.push(self.side_picker(dose));
            }
            let draft = self.drafts.get(&DraftKey::Dose(self.at, field));
            let value = draft.map_or_else(|| field.text(dose), |d| d.text.clone());
            let refused = draft.and_then(|d| d.refusal.as_ref());
            // A dash shows a box left empty on purpose: it does not apply.
            let input = widgets::input(
                "–",
                &value,
                move |text| Message::DoseChanged(field, text),
                refused.is_some_and(|r| r.is_error()),
            )
            .id(dose_field_id(self.at, field))
            .on_submit(Message::Submitted)
            .width(field_width(field));
            fields = fields.push(
                column![label(field.label()), input]
                    .spacing(3)
                    .width(field_width(field)),
            );
            if let Some(refusal) = refused {
                refusals = refusals.push(widgets::refusal_text(refusal));
            }
        }
        column![fields.wrap().vertical_spacing(8), refusals]
            .spacing(6)
            .into()
    }

    fn side_picker(&self, dose: &Dose) -> Element<'a, Message> {
        column![
            label("Side"),
            pick_list(Side::ALL, Some(dose.side), Message::SideSelected)
                .style(style::menu)
                .text_size(style::TEXT)
                .padding([6, 8])
                .width(Length::Fixed(140.0)),
        ]
        .spacing(3)
        .into()
    }
}

/// The dose as the handout words it, beside "Use usual dose" (the
/// library's, and the therapist's own when they made one: `mine` says
/// whether the dose is it now) and "Make this my usual dose".
fn patient_reads<'a>(words: String, mine: Option<bool>) -> Element<'a, Message> {
    let library_dose = widgets::tip(
        widgets::quiet_button(
            if mine.is_some() {
                "Use library dose"
            } else {
                "Use usual dose"
            },
            Some(Message::UseUsualDose),
        ),
        "Go back to the library's usual dose for this exercise".to_string(),
    );
    let mut usual = column![library_dose].spacing(2).align_x(Alignment::End);
    if let Some(now) = mine {
        usual = usual.push(widgets::tip(
            widgets::quiet_button(
                "Use my usual dose",
                (!now).then_some(Message::UseMyUsualDose),
            ),
            "Go back to the dose you made your usual one for this exercise".to_string(),
        ));
    }
    usual = usual.push(widgets::tip(
        widgets::quiet_button(
            "Make this my usual dose",
            (mine != Some(true)).then_some(Message::MakeUsualDose),
        ),
        "New items of this exercise will start from this dose".to_string(),
    ));
    row![
        container(
            column![
                text("The patient reads")
                    .size(style::SMALL)
                    .style(style::accent_text),
                text(words).size(style::TEXT),
            ]
            .spacing(2),
        )
        .padding([8, 10])
        .width(Fill)
        .style(style::patient_words),
        usual,
    ]
    .spacing(style::GAP)
    .align_y(Alignment::Center)
    .into()
}

fn field_width(field: DoseField) -> Length {
    Length::Fixed(match field {
        DoseField::Sets | DoseField::Reps => 56.0,
        DoseField::Hold | DoseField::Rest | DoseField::Minutes => 72.0,
        DoseField::PerDay | DoseField::DaysPerWeek => 84.0,
        DoseField::Load => 160.0,
        DoseField::When => 240.0,
    })
}
