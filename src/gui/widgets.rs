//! Small building blocks the panes share: labelled fields with their
//! refusal messages, toolbar buttons with shortcut tooltips, dialogs.

use super::shortcuts::{self, Command};
use super::style;
use iced::widget::{
    Space, button, center, column, container, mouse_area, opaque, row, stack, text, text_input,
    tooltip,
};
use iced::{Alignment, Element, Fill, Length, Padding};
use ptbuilder_core::program::input::Refusal;

/// A caption above a field.
pub fn label<'a, M: 'a>(caption: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(caption).size(style::SMALL).style(style::muted).into()
}

/// A field with its caption above and, when its value was refused, the
/// reason below in the danger colour (or a softer hint while typing).
pub fn field<'a, M: 'a>(
    caption: &'a str,
    input: impl Into<Element<'a, M>>,
    refusal: Option<&'a Refusal>,
) -> Element<'a, M> {
    let mut content = column![label(caption), input.into()].spacing(3);
    if let Some(refusal) = refusal {
        content = content.push(refusal_text(refusal));
    }
    content.into()
}

/// A field as [`field`], refused with a plain message (in the danger
/// colour) rather than a dose [`Refusal`].
pub fn field_with<'a, M: 'a>(
    caption: &'a str,
    input: impl Into<Element<'a, M>>,
    refusal: Option<&'a str>,
) -> Element<'a, M> {
    let mut content = column![label(caption), input.into()].spacing(3);
    if let Some(refusal) = refusal {
        content = content.push(text(refusal).size(style::SMALL).style(style::error_text));
    }
    content.into()
}

/// The message for a refused value.
pub fn refusal_text<'a, M: 'a>(refusal: &'a Refusal) -> Element<'a, M> {
    let message = text(refusal.message()).size(style::SMALL);
    if refusal.is_error() {
        message.style(style::error_text).into()
    } else {
        message.style(style::muted).into()
    }
}

/// A one-line text field in the shared look; `refused` draws it in the
/// danger colour.
pub fn input<'a, M: Clone + 'a>(
    placeholder: &str,
    value: &str,
    on_input: impl Fn(String) -> M + 'a,
    refused: bool,
) -> text_input::TextInput<'a, M> {
    let field = text_input(placeholder, value)
        .on_input(on_input)
        .padding([6, 8])
        .size(style::TEXT);
    if refused {
        field.style(style::refused_input)
    } else {
        field.style(style::field)
    }
}

/// Wraps `content` in a tooltip with `tip`.
pub fn tip<'a, M: 'a>(content: impl Into<Element<'a, M>>, tip: String) -> Element<'a, M> {
    tooltip(
        content,
        container(text(tip).size(style::SMALL))
            .padding([4, 8])
            .style(style::tooltip),
        tooltip::Position::Bottom,
    )
    .gap(4)
    .into()
}

/// A toolbar button whose tooltip names its shortcut; disabled when
/// `on_press` is `None`.
pub fn toolbar_button<'a, M: Clone + 'a>(
    caption: &'a str,
    command: Command,
    on_press: Option<M>,
) -> Element<'a, M> {
    let button = button(text(caption).size(style::TEXT))
        .padding([6, 7])
        .style(style::toolbar_button)
        .on_press_maybe(on_press);
    match shortcuts::keys(command) {
        Some(_) => tip(
            button,
            shortcuts::describe(caption.trim_end_matches('…'), command),
        ),
        None => button.into(),
    }
}

/// A small outlined button for actions inside cards.
pub fn quiet_button<'a, M: Clone + 'a>(
    caption: &'a str,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(text(caption).size(style::SMALL))
        .padding([4, 8])
        .style(style::quiet_button)
        .on_press_maybe(on_press)
}

/// A main action button.
pub fn primary_button<'a, M: Clone + 'a>(
    caption: &'a str,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(text(caption).size(style::TEXT))
        .padding([7, 14])
        .style(button::primary)
        .on_press_maybe(on_press)
}

/// A secondary action button, outlined.
pub fn secondary_button<'a, M: Clone + 'a>(
    caption: &'a str,
    on_press: Option<M>,
) -> button::Button<'a, M> {
    button(text(caption).size(style::TEXT))
        .padding([7, 14])
        .style(style::quiet_button)
        .on_press_maybe(on_press)
}

/// A dialog sheet over a dimmed copy of the window; clicks outside do
/// nothing, so a half-filled form is never lost by a stray click.
pub fn modal<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    sheet: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    stack![
        base.into(),
        opaque(mouse_area(
            center(opaque(sheet)).padding(16).style(style::backdrop)
        ))
    ]
    .into()
}

/// A sheet whose body grows to `max_height` and shrinks with the window,
/// so it is never cut off on a short screen; the body should scroll.
pub fn tall_sheet<'a, M: Clone + 'a>(
    title: &'a str,
    body: impl Into<Element<'a, M>>,
    buttons: Vec<Element<'a, M>>,
    width: f32,
    max_height: f32,
) -> Element<'a, M> {
    let footer = row![Space::new().width(Fill)]
        .extend(buttons)
        .spacing(style::GAP)
        .align_y(Alignment::Center);
    container(
        column![
            text(title).size(style::TITLE),
            container(body.into()).height(Fill),
            footer
        ]
        .spacing(style::SECTION)
        .height(Fill),
    )
    .padding(Padding::new(24.0))
    .width(Length::Fixed(width))
    .height(Fill)
    .max_height(max_height)
    .style(style::dialog)
    .into()
}

/// The frame of a dialog: title, body, and buttons on the right.
pub fn sheet<'a, M: Clone + 'a>(
    title: &'a str,
    body: impl Into<Element<'a, M>>,
    buttons: Vec<Element<'a, M>>,
    width: impl Into<Length>,
) -> Element<'a, M> {
    let footer = row![Space::new().width(Fill)]
        .extend(buttons)
        .spacing(style::GAP)
        .align_y(Alignment::Center);
    container(column![text(title).size(style::TITLE), body.into(), footer].spacing(style::SECTION))
        .padding(Padding::new(24.0))
        .width(width)
        .style(style::dialog)
        .into()
}
