//! Drawing the library pane: the searchable list of pictures and names,
//! and the detail of the selected exercise (a pane of its own in wide
//! windows, a card on demand in narrower ones).

use super::{Choice, Message, ROW_GAP, ROW_HEIGHT, SHOWN, Shelf, State};
use crate::gui::pictures::Pictures;
use crate::gui::widgets::{self, label};
use crate::gui::{shortcuts, style};
use iced::widget::text::Wrapping;
use iced::widget::{
    Column, Space, button, center, column, container, mouse_area, pick_list, row, scrollable, text,
    text_input,
};
use iced::{Alignment, Element, Fill, Length, mouse};
use ptbuilder_core::library::{Exercise, ExerciseId, Library, Source};

/// The search box, focused at start and by Ctrl+F.
pub const SEARCH_ID: &str = "library-search";
/// The scrolling list, scrolled by the arrow keys.
pub const LIST_ID: &str = "library-list";
/// How wide a row's picture is: big enough to tell a bird dog from a plank.
const THUMBNAIL: f32 = 96.0;

/// The id of the `n`-th (from 0) row of the list, so tests can measure
/// how many rows the layout really shows.
pub fn row_id(n: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("library-row-{n}"))
}

/// "9812" → "9,812".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Search, filters, count and the list of hits.
pub fn view_list<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
    width: f32,
    loading: bool,
) -> Element<'a, Message> {
    // Pane padding, row padding, picture, gaps and the add button (the star
    // sits on the second line, so names keep their room).
    let text_width = width - 20.0 - 20.0 - 16.0 - THUMBNAIL - 20.0 - 40.0;
    let search = text_input(
        &format!(
            "Search exercises ({})",
            shortcuts::keys(shortcuts::Command::FindExercise).unwrap_or("")
        ),
        &state.query,
    )
    .id(SEARCH_ID)
    .on_input(Message::QueryChanged)
    .on_submit(Message::QuerySubmitted)
    .padding([8, 10])
    .size(style::TEXT)
    .style(style::field);

    let rows = state
        .hits
        .iter()
        .take(SHOWN)
        .filter_map(|&position| library.at(position))
        .enumerate()
        .map(|(n, (exercise, source))| {
            let selected = state.selected.as_ref() == Some(&exercise.id);
            let starred = state.is_favourite(&exercise.id);
            list_row(exercise, source, selected, starred, pictures, text_width, n)
        });
    let list: Element<'a, Message> = if loading && library.is_empty() {
        center(
            text("Loading the exercise library…")
                .size(style::TEXT)
                .style(style::muted),
        )
        .into()
    } else {
        scrollable(
            Column::with_children(rows)
                .spacing(ROW_GAP)
                .padding([0, 10]),
        )
        .id(LIST_ID)
        .on_scroll(Message::ListScrolled)
        .height(Fill)
        .into()
    };

    // The count and "New custom exercise" share a line, leaving the list
    // every pixel of height it can have.
    let count = row![
        count_line(state, library, loading),
        Space::new().width(Fill),
        widgets::quiet_button("New custom exercise…", Some(Message::NewExercise)),
    ]
    .align_y(Alignment::Center);
    // The shelves share the search box's line, so the list keeps the
    // height for eight rows on a laptop screen.
    let top = row![search, shelves(state)]
        .spacing(6)
        .align_y(Alignment::Center);
    column![top, filters(state), count, list]
        .spacing(style::GAP)
        .into()
}

/// The one-click shelves, favourites and recently used: each a toggle,
/// so a second click goes back to the whole library.
fn shelves(state: &State) -> Element<'_, Message> {
    let tab = |caption: String, shelf: Shelf| {
        let next = if state.shelf == shelf {
            Shelf::All
        } else {
            shelf
        };
        button(text(caption).size(style::SMALL))
            .padding([4, 8])
            .style(style::tab(state.shelf == shelf))
            .on_press(Message::ShelfSelected(next))
    };
    row![
        tab(
            format!("★ Favourites ({})", state.favourites.len()),
            Shelf::Favourites
        ),
        tab(format!("Recent ({})", state.recent.len()), Shelf::Recent),
    ]
    .spacing(4)
    .into()
}

/// The room the favourite star takes at the end of a row's second line.
const STAR_WIDTH: f32 = 30.0;

/// The star that adds an exercise to the favourites or takes it away.
pub fn star<'a>(id: &ExerciseId, starred: bool, size: f32) -> Element<'a, Message> {
    let (mark, tip) = if starred {
        ("★", "Remove from favourites")
    } else {
        ("☆", "Add to favourites")
    };
    widgets::tip(
        button(text(mark).size(size).style(if starred {
            style::accent_text as fn(&iced::Theme) -> text::Style
        } else {
            style::muted
        }))
        .padding([0, 6])
        .style(style::quiet_button)
        .on_press(Message::FavouriteToggled(id.clone())),
        tip.to_string(),
    )
}

/// One filter's menu: "Any …" or a value, highlighted while it narrows
/// the list.
fn filter_menu<'a, T>(
    choices: &'a [Choice<T>],
    value: Option<T>,
    on_select: fn(Choice<T>) -> Message,
) -> Element<'a, Message>
where
    T: Copy + PartialEq + 'static,
    Choice<T>: ToString,
{
    let selected = choices.iter().find(|choice| choice.value == value).copied();
    let style = if value.is_some() {
        style::active_filter
    } else {
        style::filter
    };
    pick_list(choices, selected, on_select)
        .style(style)
        .width(Fill)
        .text_size(style::SMALL)
        .padding([5, 8])
        .into()
}

fn filters(state: &State) -> Element<'_, Message> {
    let (menus, filters) = (&state.menus, &state.filters);
    let clear = button(text("Clear all").size(style::SMALL))
        .style(style::link)
        .padding([6, 4])
        .on_press_maybe(state.is_narrowed().then_some(Message::ClearFilters));
    column![
        row![
            filter_menu(&menus.category, filters.category, Message::CategorySelected),
            filter_menu(&menus.region, filters.region, Message::RegionSelected),
            filter_menu(&menus.position, filters.position, Message::PositionSelected),
        ]
        .spacing(6),
        row![
            filter_menu(
                &menus.equipment,
                filters.equipment,
                Message::EquipmentSelected
            ),
            filter_menu(
                &menus.difficulty,
                filters.difficulty,
                Message::DifficultySelected
            ),
            container(clear).width(Fill).align_x(Alignment::End),
        ]
        .spacing(6),
    ]
    .spacing(6)
    .into()
}

fn count_line<'a>(state: &'a State, library: &'a Library, loading: bool) -> Element<'a, Message> {
    let total = state.hits.len();
    let words = if loading {
        String::new()
    } else if total == 0 {
        "No exercises match. Try fewer words or clear the filters.".to_string()
    } else if total > SHOWN {
        format!(
            "Showing {SHOWN} of {} — refine the search",
            thousands(total)
        )
    } else if state.is_narrowed() {
        format!(
            "{} of {} exercises",
            thousands(total),
            thousands(library.len())
        )
    } else {
        format!("All {} exercises", thousands(total))
    };
    text(words).size(style::SMALL).style(style::muted).into()
}

fn list_row<'a>(
    exercise: &'a Exercise,
    source: Source,
    selected: bool,
    starred: bool,
    pictures: &'a Pictures,
    text_width: f32,
    n: usize,
) -> Element<'a, Message> {
    let mark = source_mark(source);
    // iced cannot end a clipped line with "…", so long words are cut by
    // an estimate of how many characters fit.
    let room = text_width - if mark.is_some() { 48.0 } else { 0.0 };
    let mut name = row![
        text(fit(&exercise.name, room, style::TEXT))
            .size(style::TEXT)
            .wrapping(Wrapping::None)
    ]
    .spacing(6)
    .align_y(Alignment::Center);
    if let Some(mark) = mark {
        name = name.push(
            container(text(mark).size(11))
                .padding([1, 6])
                .style(style::chip),
        );
    }
    let summary = format!(
        "{} · {}",
        exercise.category.label(),
        exercise.dose.summary()
    );
    let add = widgets::tip(
        button(text("+").size(style::HEADING))
            .padding([0, 10])
            .style(style::quiet_button)
            .on_press(Message::AddExercise(exercise.id.clone())),
        "Add to the program".to_string(),
    );
    let content = row![
        pictures.view(exercise.picture.as_deref(), THUMBNAIL),
        column![
            name,
            row![
                text(fit(&summary, text_width - STAR_WIDTH, style::SMALL))
                    .size(style::SMALL)
                    .style(style::muted)
                    .wrapping(Wrapping::None)
                    .width(Fill),
                star(&exercise.id, starred, style::TEXT),
            ]
            .align_y(Alignment::Center),
        ]
        .spacing(2)
        .width(Fill),
        add,
    ]
    .spacing(10)
    .align_y(Alignment::Center);
    mouse_area(
        container(content)
            .id(row_id(n))
            .padding([1, 8])
            .width(Fill)
            .height(Length::Fixed(ROW_HEIGHT))
            .align_y(Alignment::Center)
            .clip(true)
            .style(style::list_row(selected)),
    )
    .on_press(Message::ExerciseSelected(exercise.id.clone()))
    .on_double_click(Message::AddExercise(exercise.id.clone()))
    .interaction(mouse::Interaction::Pointer)
    .into()
}

/// `text` cut to about `width` pixels at `size`, ending in "…" when cut.
fn fit(text: &str, width: f32, size: f32) -> String {
    // Average advance of the UI fonts is a little over half the size.
    let most = ((width / (size * 0.56)).floor() as usize).max(4);
    if text.chars().count() <= most {
        text.to_string()
    } else {
        let cut: String = text.chars().take(most - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A marker for entries that are not shipped.
fn source_mark(source: Source) -> Option<&'static str> {
    match source {
        Source::BuiltIn => None,
        Source::User => Some("Yours"),
        Source::Clinic => Some("Clinic"),
    }
}

/// The selected exercise in full: picture, how to do it, and its usual
/// dose in the words the patient will read. `compact` puts the picture
/// beside the name instead of above it, for short windows.
pub fn view_detail<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
    compact: bool,
) -> Element<'a, Message> {
    let Some((exercise, source)) = state
        .selected
        .as_ref()
        .and_then(|id| Some((library.get(id)?, library.source(id)?)))
    else {
        return container(
            text("Select an exercise to see how it is done.")
                .size(style::TEXT)
                .style(style::muted),
        )
        .padding(16)
        .into();
    };

    let facts = facts_line(exercise);
    let add = widgets::primary_button(
        "Add to program",
        Some(Message::AddExercise(exercise.id.clone())),
    );
    // Only the therapist's own entries are edited in place; shipped and
    // clinic entries are copied first, so nobody else's list changes.
    let copy = if source != Source::User {
        widgets::secondary_button(
            "Duplicate and edit…",
            Some(Message::DuplicateExercise(exercise.id.clone())),
        )
    } else {
        widgets::secondary_button("Edit…", Some(Message::EditExercise(exercise.id.clone())))
    };
    let actions = row![
        widgets::tip(
            add,
            shortcuts::describe("Add to program", shortcuts::Command::AddSelected)
        ),
        copy
    ]
    .spacing(style::GAP);
    let title = row![
        text(&exercise.name).size(style::TITLE).width(Fill),
        star(&exercise.id, state.is_favourite(&exercise.id), style::TITLE),
    ]
    .align_y(Alignment::Center);

    let head: Element<'a, Message> = if compact {
        row![
            pictures.view(exercise.picture.as_deref(), 150.0),
            column![title, facts].spacing(4).width(Fill),
        ]
        .spacing(12)
        .into()
    } else {
        column![
            pictures.view(exercise.picture.as_deref(), 320.0),
            title,
            facts
        ]
        .spacing(6)
        .into()
    };

    let mut body = column![head, actions].spacing(12);
    body = body.push(paragraph(None, &exercise.purpose));
    body = body.push(paragraph(Some("Starting position"), &exercise.start));
    body = body.push(list_section("Steps", &exercise.steps, true, false));
    if !exercise.mistakes.is_empty() {
        body = body.push(list_section(
            "Common mistakes",
            &exercise.mistakes,
            false,
            false,
        ));
    }
    if !exercise.cautions.is_empty() {
        body = body.push(list_section("Take care", &exercise.cautions, false, true));
    }
    body = body.push(paragraph(Some("Usual dose"), exercise.dose.describe()));

    scrollable(container(body).padding([12, 14]))
        .height(Fill)
        .into()
}

/// The detail as a card beside the list, with a Close button (Esc does
/// the same) so the list and the program are one click away.
pub fn view_detail_card<'a>(
    state: &'a State,
    library: &'a Library,
    pictures: &'a Pictures,
) -> Element<'a, Message> {
    let close = widgets::tip(
        widgets::quiet_button("Close", Some(Message::CloseDetail)),
        shortcuts::describe("Close", shortcuts::Command::Close),
    );
    column![
        container(close)
            .width(Fill)
            .align_x(Alignment::End)
            .padding([8, 10]),
        view_detail(state, library, pictures, false),
    ]
    .into()
}

/// "Stretch · Lower back, Hips · Lying on your back · Easy · Mat"
fn facts_line(exercise: &Exercise) -> Element<'_, Message> {
    let regions: Vec<&str> = exercise.regions.iter().map(|r| r.label()).collect();
    let equipment = if exercise.equipment.is_empty() {
        "No equipment".to_string()
    } else {
        exercise
            .equipment
            .iter()
            .map(|e| e.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = vec![exercise.category.label().to_string()];
    if !regions.is_empty() {
        parts.push(regions.join(", "));
    }
    parts.push(exercise.position.label().to_string());
    parts.push(exercise.difficulty.label().to_string());
    parts.push(equipment);
    text(parts.join(" · "))
        .size(style::SMALL)
        .style(style::muted)
        .into()
}

fn paragraph<'a>(
    title: Option<&'a str>,
    body: impl text::IntoFragment<'a>,
) -> Element<'a, Message> {
    let mut content = Column::new().spacing(3);
    if let Some(title) = title {
        content = content.push(label(title));
    }
    content.push(text(body).size(style::TEXT)).into()
}

fn list_section<'a>(
    title: &'a str,
    lines: &'a [String],
    numbered: bool,
    caution: bool,
) -> Element<'a, Message> {
    let entries = lines.iter().enumerate().map(|(i, line)| {
        let marker = if numbered {
            format!("{}.", i + 1)
        } else {
            "•".to_string()
        };
        let words = text(line.as_str()).size(style::TEXT);
        let words = if caution {
            words.style(style::warning_text)
        } else {
            words
        };
        row![
            text(marker).size(style::TEXT).width(Length::Fixed(22.0)),
            words.width(Fill)
        ]
        .spacing(2)
        .into()
    });
    column![label(title), Column::with_children(entries).spacing(4)]
        .spacing(4)
        .into()
}

#[cfg(test)]
mod tests {
    use super::{fit, thousands};

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Bridge", 200.0, 15.0), "Bridge");
        let cut = fit(
            "Back extension lying on your front with a towel",
            120.0,
            15.0,
        );
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() < 20);
    }

    #[test]
    fn counts_read_easily() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(9812), "9,812");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
