//! The help overlay: every keyboard shortcut, straight from the table.

use super::shortcuts;
use super::style;
use super::widgets;
use iced::widget::{Column, container, row, text};
use iced::{Element, Length};

/// The help sheet; `close` is sent by its button.
pub fn view<'a, M: Clone + 'a>(close: M) -> Element<'a, M> {
    let rows = shortcuts::help_rows().into_iter().map(|(keys, does)| {
        row![
            container(text(keys).size(style::TEXT).style(style::accent_text))
                .width(Length::Fixed(190.0)),
            text(does).size(style::TEXT),
        ]
        .spacing(12)
        .into()
    });
    let body = Column::new()
        .push(
            text(
                "Up, Down, Enter and Delete work when the cursor is not in a text box; \
                 press Esc to leave a box first.",
            )
            .size(style::SMALL)
            .style(style::muted),
        )
        .push(Column::with_children(rows).spacing(6))
        .spacing(12);
    widgets::sheet(
        "Keyboard shortcuts",
        body,
        vec![widgets::primary_button("Close", Some(close)).into()],
        Length::Fixed(600.0),
    )
}
