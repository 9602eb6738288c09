//! The preview pane on screen: a header with the layout, the page count
//! ("5 pages (3 sheets double-sided)") and page buttons; the checker's
//! findings, each a button to the place to fix it; then the pages, as wide
//! as the pane, one under another.

use super::page::PageCanvas;
use super::{Message, PAGES_ID, Pages, State};
use crate::gui::{style, widgets};
use iced::widget::{Column, button, canvas, column, container, responsive, row, scrollable, text};
use iced::{Alignment, Element, Fill, Length, Size};
use ptbuilder_core::program::Problem;
use ptbuilder_core::store::HandoutLayout;
use ptbuilder_core::text::{capitalize, count};

/// Findings shown before the list scrolls.
const FINDINGS_HEIGHT: f32 = 150.0;

/// The pane.
pub fn view(state: &State) -> Element<'_, Message> {
    let body: Element<'_, Message> = match (&state.shown, &state.problem) {
        (_, Some(problem)) => centred(problem),
        (Some(pages), None) if !pages.pages.is_empty() => page_list(state, pages),
        _ => centred("Laying out the handout…"),
    };
    let findings = state.shown.as_ref().map(|pages| checker(&pages.findings));
    column![header(state), findings, body]
        .spacing(style::GAP)
        .padding([10, 10])
        .height(Fill)
        .into()
}

/// The title, the layout buttons, the page count and page buttons.
fn header(state: &State) -> Element<'_, Message> {
    let layouts = HandoutLayout::ALL.iter().map(|&layout| {
        button(text(short_name(layout)).size(style::SMALL))
            .style(style::tab(layout == state.layout))
            .padding([3, 8])
            .on_press(Message::LayoutSelected(layout))
            .into()
    });
    let pages = state.page_count();
    let size = if pages == 0 {
        String::new()
    } else {
        format!(
            "{} ({} double-sided)",
            count(pages, "page"),
            count(pages.div_ceil(2), "sheet")
        )
    };
    let turn = |caption, message: Message, can: bool| {
        widgets::quiet_button(caption, can.then_some(message))
    };
    column![
        row![
            text("Handout preview")
                .size(style::HEADING)
                .style(style::accent_text)
                .width(Fill),
            widgets::quiet_button("Hide", Some(Message::Close)),
        ]
        .align_y(Alignment::Center),
        row(layouts).spacing(4),
        row![
            text(size).size(style::SMALL).width(Fill),
            turn("‹ Page", Message::PreviousPage, state.page > 0),
            text(if pages == 0 {
                String::new()
            } else {
                format!("{} of {pages}", state.page + 1)
            })
            .size(style::SMALL),
            turn("Page ›", Message::NextPage, state.page + 1 < pages),
        ]
        .spacing(6)
        .align_y(Alignment::Center),
    ]
    .spacing(6)
    .into()
}

/// The layouts' names, short enough for the pane's header.
fn short_name(layout: HandoutLayout) -> &'static str {
    match layout {
        HandoutLayout::Compact => "Compact",
        HandoutLayout::Detailed => "Detailed",
        HandoutLayout::Summary => "Summary card",
    }
}

/// What the checker found, or that there is nothing to fix.
fn checker(findings: &[Problem]) -> Element<'_, Message> {
    if findings.is_empty() {
        return container(text("Nothing to check: ready to print.").size(style::SMALL))
            .padding([6, 10])
            .width(Fill)
            .style(style::callout(style::Tone::Success))
            .into();
    }
    let rows = findings.iter().map(|finding| {
        button(text(capitalize(&finding.message)).size(style::SMALL))
            .style(style::link)
            .padding([3, 4])
            .width(Fill)
            .on_press(Message::FindingSelected(finding.path.clone()))
            .into()
    });
    let list = scrollable(Column::with_children(rows).spacing(2)).height(Length::Shrink);
    container(
        column![
            text(format!(
                "Before you print: {}",
                count(findings.len(), "thing")
            ))
            .size(style::SMALL)
            .style(style::warning_text),
            container(list).max_height(FINDINGS_HEIGHT),
        ]
        .spacing(4),
    )
    .padding([6, 10])
    .width(Fill)
    .style(style::callout(style::Tone::Warning))
    .into()
}

/// The pages, as wide as the pane, in a scrolling column.
fn page_list<'a>(state: &'a State, pages: &'a Pages) -> Element<'a, Message> {
    responsive(move |room: Size| {
        let width = (room.width - 16.0).max(100.0);
        let height = width * pages.size.1 / pages.size.0.max(1.0);
        let sheets = state.caches.iter().enumerate().map(|(index, cache)| {
            container(
                canvas(PageCanvas {
                    pages,
                    index,
                    cache,
                })
                .width(Length::Fixed(width))
                .height(Length::Fixed(height)),
            )
            .style(style::picture_frame)
            .into()
        });
        scrollable(Column::with_children(sheets).spacing(12).padding([0, 4]))
            .id(PAGES_ID)
            .on_scroll(|viewport| Message::Scrolled(viewport.relative_offset().y))
            .height(Fill)
            .into()
    })
    .into()
}

fn centred(words: &str) -> Element<'_, Message> {
    container(text(words).size(style::TEXT).style(style::muted))
        .center_x(Fill)
        .padding(20)
        .into()
}
