//! Drawing the custom exercise editor.

use super::{List, Message, Mode, PictureChange, State};
use crate::gui::pictures::{ASPECT, Pictures, framed};
use crate::gui::style;
use crate::gui::widgets::{self, label};
use iced::widget::{
    Column, Row, button, checkbox, column, container, pick_list, row, scrollable, text, text_editor,
};
use iced::{Alignment, Element, Fill, Length};
use ptbuilder_core::library::{Category, Difficulty, Equipment, Position, Region};
use ptbuilder_core::program::Side;
use ptbuilder_core::program::input::DoseField;
use ptbuilder_core::text::{capitalize, count};

const PREVIEW_WIDTH: f32 = 260.0;

/// The editor sheet.
pub fn view<'a>(state: &'a State, pictures: &'a Pictures) -> Element<'a, Message> {
    let title = match state.mode {
        Mode::New => "New custom exercise",
        Mode::Edit(_) => "Edit custom exercise",
        Mode::Duplicate => "New exercise from a copy",
    };
    let body = column![
        row![identity(state), picture_panel(state, pictures)].spacing(style::SECTION),
        instructions(state),
        dose(state),
        translations(state),
    ]
    .spacing(style::SECTION)
    .padding([0, 12]);
    let content = column![scrollable(body).height(Fill).spacing(4), summary(state)]
        .spacing(style::GAP)
        .height(Fill);
    let save_label = if state.saving {
        "Saving…"
    } else {
        "Save exercise"
    };
    widgets::tall_sheet(
        title,
        content,
        vec![
            widgets::secondary_button("Cancel", Some(Message::Cancel)).into(),
            widgets::primary_button(save_label, (!state.saving).then_some(Message::Save)).into(),
        ],
        980.0,
        820.0,
    )
}

/// What the exercise is: name, other names, kind, position, difficulty,
/// body parts, equipment and search words.
fn identity(state: &State) -> Element<'_, Message> {
    let name = widgets::input(
        "What patients call it",
        &state.draft.name,
        Message::NameChanged,
        state.problem("name").is_some(),
    );
    let aliases = widgets::input(
        "For example: superman, prone extension",
        &state.aliases,
        Message::AliasesChanged,
        false,
    );
    let tags = widgets::input(
        "For example: sciatica, desk",
        &state.tags,
        Message::TagsChanged,
        false,
    );
    let video = widgets::input(
        "For example: https://example-clinic.org/videos/bridge",
        draft_video(state),
        Message::VideoChanged,
        state.problem("video").is_some(),
    );
    let draft = &state.draft;
    column![
        checked(state, "name", widgets::field("Name", name, None)),
        widgets::field(
            "Other names, separated by commas (help search)",
            aliases,
            None
        ),
        row![
            menu(
                "Category",
                Category::ALL,
                draft.category,
                Message::CategorySelected
            ),
            menu(
                "Starting position",
                Position::ALL,
                draft.position,
                Message::PositionSelected
            ),
            menu(
                "Difficulty",
                Difficulty::ALL,
                draft.difficulty,
                Message::DifficultySelected
            ),
        ]
        .spacing(style::GAP),
        ticks(
            "Body parts",
            Region::ALL,
            &draft.regions,
            Region::label,
            Message::RegionToggled
        ),
        ticks(
            "Equipment (none ticked means none needed)",
            Equipment::ALL,
            &draft.equipment,
            Equipment::label,
            Message::EquipmentToggled,
        ),
        widgets::field("Search words, separated by commas", tags, None),
        checked(
            state,
            "video",
            widgets::field("Video (optional): a web address", video, None)
        ),
    ]
    .spacing(style::GAP)
    .width(Fill)
    .into()
}

fn draft_video(state: &State) -> &str {
    state.draft.video.as_deref().unwrap_or_default()
}

/// What the patient reads: purpose, starting position, steps, mistakes
/// and cautions.
fn instructions(state: &State) -> Element<'_, Message> {
    let purpose = widgets::input(
        "Makes your buttock muscles stronger…",
        &state.draft.purpose,
        Message::PurposeChanged,
        state.problem("purpose").is_some(),
    );
    let start = column![
        label("Starting position"),
        text_editor(&state.start)
            .placeholder("How to get into position")
            .on_action(Message::StartEdited)
            .height(Length::Fixed(70.0))
            .padding(8)
            .size(style::TEXT),
    ]
    .spacing(3);
    column![
        checked(
            state,
            "purpose",
            widgets::field("What it does for the patient (one sentence)", purpose, None),
        ),
        checked(state, "start", start.into()),
        lines(state, List::Steps, "Steps, in order", "+ Add a step"),
        lines(state, List::Mistakes, "Common mistakes", "+ Add a mistake"),
        lines(
            state,
            List::Cautions,
            "When to take care or stop",
            "+ Add a caution"
        ),
    ]
    .spacing(style::SECTION)
    .into()
}

/// A section per other handout language, for the patient's words there.
fn translations(state: &State) -> Element<'_, Message> {
    let mut sections = Column::new().spacing(style::GAP);
    for (index, translation) in state.translations.iter().enumerate() {
        sections = sections.push(translation.view(index, &state.draft.dose));
    }
    sections.into()
}

/// "N things to fix before saving", when there are.
fn summary(state: &State) -> Element<'_, Message> {
    let errors = state.problems.iter().filter(|p| p.is_error()).count();
    if errors == 0 {
        return Column::new().into();
    }
    text(format!(
        "{} to fix before saving; see the messages beside the fields.",
        count(errors, "thing")
    ))
    .size(style::SMALL)
    .style(style::error_text)
    .into()
}

/// `field` with its validation message below it.
fn checked<'a>(state: &'a State, name: &str, field: Element<'a, Message>) -> Element<'a, Message> {
    match state.problem(name) {
        Some(problem) => column![
            field,
            text(capitalize(problem))
                .size(style::SMALL)
                .style(style::error_text)
        ]
        .spacing(3)
        .into(),
        None => field,
    }
}

fn menu<'a, T>(
    caption: &'a str,
    all: &'a [T],
    value: T,
    on_select: fn(T) -> Message,
) -> Element<'a, Message>
where
    T: Copy + PartialEq + ToString + 'a,
{
    column![
        label(caption),
        pick_list(all, Some(value), on_select)
            .style(style::menu)
            .padding([6, 8])
            .text_size(style::TEXT)
            .width(Fill),
    ]
    .spacing(3)
    .width(Fill)
    .into()
}

fn ticks<'a, T: Copy + PartialEq + 'a>(
    caption: &'a str,
    all: &'a [T],
    chosen: &'a [T],
    name: fn(T) -> &'static str,
    on_toggle: fn(T, bool) -> Message,
) -> Element<'a, Message> {
    let boxes = all.iter().map(|&value| {
        container(
            checkbox(chosen.contains(&value))
                .label(name(value))
                .on_toggle(move |on| on_toggle(value, on))
                .text_size(style::SMALL)
                .size(16),
        )
        .width(Length::Fixed(150.0))
        .into()
    });
    column![
        label(caption),
        Row::with_children(boxes)
            .spacing(4)
            .wrap()
            .vertical_spacing(6)
    ]
    .spacing(4)
    .into()
}

fn picture_panel<'a>(state: &'a State, pictures: &'a Pictures) -> Element<'a, Message> {
    let preview: Element<'a, Message> = match (&state.picture, &state.preview) {
        (PictureChange::New(_), Some(handle)) => framed(
            handle.clone(),
            PREVIEW_WIDTH,
            (PREVIEW_WIDTH * ASPECT).round(),
        ),
        _ => pictures.view(state.draft.picture.as_deref(), PREVIEW_WIDTH),
    };
    let source = match &state.picture {
        PictureChange::New(chosen) => format!(
            "New picture: {}",
            std::path::Path::new(&chosen.name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
        PictureChange::Remove => "No picture".to_string(),
        PictureChange::Keep => match &state.draft.picture {
            Some(name) => format!("Picture: {name}"),
            None => "No picture yet".to_string(),
        },
    };
    let mut panel = column![
        label("Picture (PNG, JPEG or SVG)"),
        preview,
        text(source).size(style::SMALL).style(style::muted),
        row![
            widgets::input(
                "Path to a picture file",
                &state.picture_path,
                Message::PicturePathChanged,
                state.picture_error.is_some()
            )
            .on_submit(Message::UsePicture)
            .width(Fill),
            widgets::quiet_button("Use", Some(Message::UsePicture)),
        ]
        .spacing(4)
        .align_y(Alignment::Center),
        row![
            widgets::quiet_button("Browse…", Some(Message::BrowsePicture)),
            widgets::quiet_button("No picture", Some(Message::RemovePicture)),
        ]
        .spacing(4),
    ]
    .spacing(6)
    .width(Length::Fixed(PREVIEW_WIDTH + 4.0));
    if let Some(error) = &state.picture_error {
        panel = panel.push(
            text(error.as_str())
                .size(style::SMALL)
                .style(style::error_text),
        );
    }
    if let Some(problem) = state.problem("picture") {
        panel = panel.push(
            text(capitalize(problem))
                .size(style::SMALL)
                .style(style::error_text),
        );
    }
    panel.into()
}

fn lines<'a>(state: &'a State, list: List, caption: &'a str, add: &'a str) -> Element<'a, Message> {
    let entries = match list {
        List::Steps => &state.steps,
        List::Mistakes => &state.mistakes,
        List::Cautions => &state.cautions,
    };
    let mut column = Column::new().spacing(4).push(label(caption));
    for (index, line) in entries.iter().enumerate() {
        let problem = state.line_problem(list, index);
        let marker = if list == List::Steps {
            format!("{}.", index + 1)
        } else {
            "•".to_string()
        };
        column = column.push(
            row![
                text(marker).size(style::TEXT).width(Length::Fixed(24.0)),
                widgets::input(
                    "",
                    line,
                    move |text| Message::LineChanged(list, index, text),
                    problem.is_some()
                )
                .width(Fill),
                widgets::tip(
                    widgets::quiet_button(
                        "↑",
                        (index > 0).then_some(Message::LineMovedUp(list, index))
                    ),
                    "Move up".to_string(),
                ),
                widgets::tip(
                    button(text("✕").size(style::SMALL))
                        .padding([4, 8])
                        .style(style::quiet_danger)
                        .on_press(Message::LineRemoved(list, index)),
                    "Remove this line".to_string(),
                ),
            ]
            .spacing(4)
            .align_y(Alignment::Center),
        );
        if let Some(problem) = problem {
            column = column.push(
                text(capitalize(problem))
                    .size(style::SMALL)
                    .style(style::error_text),
            );
        }
    }
    if list == List::Steps
        && let Some(problem) = state
            .problem("steps")
            .filter(|_| entries.iter().all(|l| l.trim().is_empty()))
    {
        column = column.push(
            text(capitalize(problem))
                .size(style::SMALL)
                .style(style::error_text),
        );
    }
    column
        .push(
            button(text(add).size(style::SMALL))
                .style(style::link)
                .padding([2, 0])
                .on_press(Message::LineAdded(list)),
        )
        .into()
}

fn dose(state: &State) -> Element<'_, Message> {
    let dose = &state.draft.dose;
    let mut fields = Row::new().spacing(8).align_y(Alignment::End);
    let mut messages = Column::new().spacing(2);
    for field in DoseField::ALL {
        if field == DoseField::Load {
            fields = fields.push(
                column![
                    label("Side"),
                    pick_list(Side::ALL, Some(dose.side), Message::SideSelected)
                        .style(style::menu)
                        .padding([6, 8])
                        .text_size(style::TEXT)
                        .width(Length::Fixed(140.0)),
                ]
                .spacing(3),
            );
        }
        let draft = state.dose_drafts.get(&field);
        let value = draft.map_or_else(|| field.text(dose), |(text, _)| text.clone());
        let refused = draft.map(|(_, refusal)| refusal);
        let width = match field {
            DoseField::Load => 150.0,
            DoseField::When => 220.0,
            DoseField::PerDay | DoseField::DaysPerWeek => 84.0,
            _ => 64.0,
        };
        fields = fields.push(
            column![
                label(field.label()),
                widgets::input(
                    "",
                    &value,
                    move |text| Message::DoseChanged(field, text),
                    refused.is_some_and(|r| r.is_error())
                )
                .width(Length::Fixed(width)),
            ]
            .spacing(3)
            .width(Length::Fixed(width)),
        );
        if let Some(refusal) = refused {
            messages = messages.push(widgets::refusal_text(refusal));
        }
    }
    column![
        label("Usual dose (each program can change it)"),
        fields.wrap().vertical_spacing(8),
        messages,
        container(
            column![
                text("The patient reads")
                    .size(style::SMALL)
                    .style(style::accent_text),
                text(dose.describe()).size(style::TEXT),
            ]
            .spacing(2)
        )
        .padding([8, 10])
        .width(Fill)
        .style(style::patient_words),
    ]
    .spacing(6)
    .into()
}
