//! Drawing the program pane: header, tabs, phases and item cards.

use super::item::Card;
use super::{DraftKey, ITEMS_ID, Message, PATIENT_ID, State, TITLE_ID, Tab, details};
use crate::gui::pictures::Pictures;
use crate::gui::style;
use crate::gui::widgets::{self, label};
use iced::widget::{
    Column, Row, Space, button, column, container, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Fill, Length};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::ADVISED_MAX_ITEMS;
use ptbuilder_core::program::edit::ItemRef;

/// The whole program pane.
pub fn view<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
) -> Element<'a, Message> {
    let program = state.program();
    let patient = program.patient.as_ref();
    let title = text_input("Program title", &program.title)
        .id(TITLE_ID)
        .on_input(Message::TitleChanged)
        .on_submit(Message::FieldSubmitted)
        .size(style::TITLE)
        .style(style::title_field)
        .padding([4, 8]);
    let patient_row = row![
        container(widgets::field(
            "Patient",
            widgets::input(
                "Patient's full name",
                patient.map_or("", |p| p.name.as_str()),
                Message::PatientNameChanged,
                false,
            )
            .id(PATIENT_ID)
            .on_submit(Message::FieldSubmitted),
            None,
        ))
        .width(Length::FillPortion(3)),
        container(widgets::field(
            "Chart number (optional)",
            widgets::input(
                "",
                patient.map_or("", |p| p.identifier.as_str()),
                Message::PatientIdChanged,
                false,
            )
            .on_submit(Message::FieldSubmitted),
            None,
        ))
        .width(Length::FillPortion(2)),
        column![label("Show"), tabs(state)].spacing(3),
    ]
    .spacing(style::SECTION)
    .align_y(Alignment::End);

    let header = column![title, patient_row].spacing(style::GAP);

    let body: Element<'a, Message> = match state.tab {
        Tab::Exercises => exercises(state, library, pictures),
        Tab::Details => {
            details::view(program, &state.texts, &state.drafts, library).map(Message::Details)
        }
    };

    column![container(header).padding([12, 16]), body]
        .spacing(0)
        .height(Fill)
        .into()
}

fn tabs(state: &State) -> Element<'_, Message> {
    let count = state.program().item_count();
    let exercises = format!("Exercises ({count})");
    row![
        button(text(exercises).size(style::TEXT))
            .padding([6, 14])
            .style(style::tab(state.tab == Tab::Exercises))
            .on_press(Message::TabSelected(Tab::Exercises)),
        button(text("Details").size(style::TEXT))
            .padding([6, 14])
            .style(style::tab(state.tab == Tab::Details))
            .on_press(Message::TabSelected(Tab::Details)),
    ]
    .spacing(6)
    .into()
}

/// The current phase: its pill bar, settings and summary above, its
/// exercise cards below.
fn exercises<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
) -> Element<'a, Message> {
    let top = column![
        phase_bar(state),
        phase_settings(state),
        phase_summary(state, library)
    ]
    .spacing(10);
    column![
        container(top).padding([0, 16]),
        scrollable(container(cards(state, library, pictures)).padding([4, 16]))
            .id(ITEMS_ID)
            .spacing(2)
            .height(Fill),
    ]
    .spacing(10)
    .height(Fill)
    .into()
}

/// One pill per phase, with its exercise count, and "+ Add phase".
fn phase_bar(state: &State) -> Element<'_, Message> {
    let program = state.program();
    let mut pills = Row::new().spacing(6).align_y(Alignment::Center);
    for (index, each) in program.phases.iter().enumerate() {
        let caption = format!(
            "{}. {} ({})",
            index + 1,
            short(&each.name),
            each.items.len()
        );
        pills = pills.push(
            button(text(caption).size(style::SMALL))
                .padding([5, 12])
                .style(style::tab(index == state.phase))
                .on_press(Message::PhaseSelected(index)),
        );
    }
    pills = pills.push(
        button(text("+ Add phase").size(style::SMALL))
            .padding([5, 12])
            .style(style::link)
            .on_press(Message::AddPhase),
    );
    scrollable(pills)
        .direction(scrollable::Direction::Horizontal(
            scrollable::Scrollbar::new().width(4).scroller_width(4),
        ))
        .width(Fill)
        .into()
}

/// The phase's name, weeks, move-on rule and Remove.
fn phase_settings(state: &State) -> Element<'_, Message> {
    let program = state.program();
    let phase = &program.phases[state.phase];
    let weeks_draft = state.drafts.get(&DraftKey::Weeks(state.phase));
    let weeks_text = weeks_draft.map_or_else(
        || phase.weeks.map(|w| w.to_string()).unwrap_or_default(),
        |d| d.text.clone(),
    );
    let weeks_refusal = weeks_draft.and_then(|d| d.refusal.as_ref());
    let name = widgets::input("Phase name", &phase.name, Message::PhaseNameChanged, false)
        .on_submit(Message::FieldSubmitted);
    let weeks = widgets::input(
        "",
        &weeks_text,
        Message::PhaseWeeksChanged,
        weeks_refusal.is_some(),
    )
    .on_submit(Message::FieldSubmitted);
    let advance = widgets::input(
        "For example: you can do every exercise without pain",
        &phase.advance_when,
        Message::AdvanceWhenChanged,
        false,
    )
    .on_submit(Message::FieldSubmitted);
    let remove = button(text("Remove phase").size(style::SMALL))
        .padding([6, 10])
        .style(style::quiet_danger)
        .on_press_maybe((program.phases.len() > 1).then_some(Message::RemovePhase));
    row![
        container(widgets::field("Phase name", name, None)).width(Length::FillPortion(2)),
        container(widgets::field("Weeks", weeks, weeks_refusal)).width(Length::Fixed(90.0)),
        container(widgets::field(
            "Move on to the next phase when",
            advance,
            None
        ))
        .width(Length::FillPortion(3)),
        column![Space::new().height(Length::Fixed(16.0)), remove],
    ]
    .spacing(style::GAP)
    .align_y(Alignment::Start)
    .into()
}

/// "5 exercises · about 17 minutes a session", with a gentle warning when
/// the phase is crowded.
fn phase_summary<'a>(state: &'a State, library: &Library) -> Element<'a, Message> {
    let program = state.program();
    let phase = &program.phases[state.phase];
    let minutes = program.phase_minutes(phase, library);
    let count = phase.items.len();
    let mut summary = Row::new()
        .spacing(style::SECTION)
        .align_y(Alignment::Center)
        .push(
            text(session_words(count, minutes))
                .size(style::SMALL)
                .style(style::muted),
        );
    if count > ADVISED_MAX_ITEMS {
        summary = summary.push(
            container(
                text(format!(
                    "{count} exercises in this phase: patients keep up better with {ADVISED_MAX_ITEMS} or fewer."
                ))
                .size(style::SMALL),
            )
            .padding([3, 8])
            .style(style::callout(style::Tone::Warning)),
        );
    }
    summary.into()
}

/// The phase's exercises as cards, or a hint on how to add the first.
fn cards<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
) -> Element<'a, Message> {
    let program = state.program();
    let phase = &program.phases[state.phase];
    if phase.items.is_empty() {
        return container(
            column![
                text("No exercises in this phase yet.").size(style::HEADING),
                text(
                    "Find one in the library on the left, then press + or Add to program, \
                     double-click it, or select it and press Enter."
                )
                .size(style::TEXT)
                .style(style::muted),
            ]
            .spacing(6)
            .align_x(Alignment::Center),
        )
        .padding(40)
        .width(Fill)
        .align_x(Alignment::Center)
        .into();
    }
    let count = phase.items.len();
    let cards = phase.items.iter().enumerate().map(|(index, item)| {
        Card {
            program,
            library,
            pictures,
            drafts: &state.drafts,
            at: ItemRef::new(state.phase, index),
            item,
            selected: state.selected == Some(index),
            count,
            usual: state.usual_dose(&item.exercise),
        }
        .view()
        .map(move |message| Message::Item(index, message))
    });
    Column::with_children(cards).spacing(style::GAP).into()
}

/// Phase names on pills are cut so several fit in a row.
fn short(name: &str) -> String {
    const MOST: usize = 24;
    if name.chars().count() <= MOST {
        name.to_string()
    } else {
        let cut: String = name.chars().take(MOST - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "5 exercises · about 17 minutes a session".
fn session_words(exercises: usize, minutes: u32) -> String {
    match exercises {
        0 => "No exercises yet".to_string(),
        n => format!(
            "{} · about {minutes} minutes a session",
            ptbuilder_core::text::count(n, "exercise")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_phase_names_are_cut_politely() {
        assert_eq!(short("Weeks 1–2"), "Weeks 1–2");
        let long = "Weeks 5–8: strong and steady, then keep going for life";
        let cut = short(long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= 24);
    }

    #[test]
    fn session_time_reads_naturally() {
        assert_eq!(
            session_words(1, 3),
            "1 exercise · about 3 minutes a session"
        );
        assert_eq!(session_words(0, 0), "No exercises yet");
    }
}
