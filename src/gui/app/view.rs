//! The window: toolbar, banner, the library and program panes side by
//! side, and any sheet or question on top.

use super::{App, Message, Sheet};
use crate::gui::shortcuts::Command;
use crate::gui::{editor, finder, help, preview, style, widgets};
use iced::widget::{
    Column, Space, button, column, container, opaque, responsive, row, rule, stack, text,
};
use iced::{Alignment, Element, Fill, Length, Size};

/// From this width the library list and the exercise detail sit side by
/// side; below it the detail opens on demand as a card over the program.
const WIDE: f32 = 1560.0;

/// How wide the exercise detail is, as a pane or a card.
const DETAIL_WIDTH: f32 = 420.0;

/// From this width the library, the program and the preview all show.
const THREE_PANES: f32 = 1500.0;

impl App {
    /// The whole window.
    pub fn view(&self) -> Element<'_, Message> {
        let main = column![self.toolbar(), self.banner(), self.panes()];
        let main: Element<'_, Message> = container(main)
            .width(Fill)
            .height(Fill)
            .style(style::app_background)
            .into();
        let main = match &self.sheet {
            Some(sheet) => widgets::modal(main, self.sheet_view(sheet)),
            None => main,
        };
        match &self.dialog {
            Some(dialog) => widgets::modal(main, dialog.view()),
            None => main,
        }
    }

    fn toolbar(&self) -> Element<'_, Message> {
        let document = self.editor.document();
        let command = |command: Command| Some(Message::Command(command));
        let bar = row![
            container(
                text("ptbuilder")
                    .size(style::HEADING)
                    .style(style::accent_text)
            )
            .padding([0, 12]),
            widgets::toolbar_button("New", Command::New, command(Command::New)),
            widgets::toolbar_button(
                "From template…",
                Command::NewFromTemplate,
                command(Command::NewFromTemplate)
            ),
            widgets::toolbar_button("Open…", Command::Open, command(Command::Open)),
            widgets::toolbar_button(
                if self.saving { "Saving…" } else { "Save" },
                Command::Save,
                (!self.saving).then_some(Message::Command(Command::Save)),
            ),
            widgets::toolbar_button("Save as…", Command::SaveAs, command(Command::SaveAs)),
            separator(),
            widgets::toolbar_button(
                "Save as template",
                Command::SaveTemplate,
                command(Command::SaveTemplate)
            ),
            widgets::toolbar_button("Export PDF…", Command::Export, command(Command::Export)),
            widgets::toolbar_button("Print…", Command::Print, command(Command::Print)),
            widgets::toolbar_button(
                "Visit…",
                Command::RecordVisit,
                command(Command::RecordVisit)
            ),
            widgets::toolbar_button(
                // One word either way: the pane itself shows whether it is
                // open, and the toolbar must fit 1280 pixels.
                "Preview",
                Command::TogglePreview,
                command(Command::TogglePreview)
            ),
            separator(),
            widgets::toolbar_button(
                "Undo",
                Command::Undo,
                document
                    .can_undo()
                    .then_some(Message::Command(Command::Undo)),
            ),
            widgets::toolbar_button(
                "Redo",
                Command::Redo,
                document
                    .can_redo()
                    .then_some(Message::Command(Command::Redo)),
            ),
            Space::new().width(Fill),
            widgets::toolbar_button("Settings", Command::Settings, command(Command::Settings)),
            widgets::toolbar_button("Help", Command::Help, command(Command::Help)),
        ]
        .spacing(2)
        .align_y(Alignment::Center);
        container(bar)
            .padding([6, 10])
            .width(Fill)
            .style(style::toolbar)
            .into()
    }

    fn banner(&self) -> Element<'_, Message> {
        if self.notices.is_empty() {
            return Space::new().height(Length::Fixed(0.0)).into();
        }
        let notices = self.notices.iter().rev().take(4).map(|notice| {
            container(
                row![
                    text(&notice.text).size(style::TEXT).width(Fill),
                    button(text("Dismiss").size(style::SMALL))
                        .style(style::link)
                        .padding([2, 6])
                        .on_press(Message::NoticeDismissed(notice.id)),
                ]
                .spacing(style::GAP)
                .align_y(Alignment::Center),
            )
            .padding([6, 12])
            .width(Fill)
            .style(style::callout(notice.tone))
            .into()
        });
        container(Column::with_children(notices).spacing(4))
            .padding([6, 10])
            .into()
    }

    fn panes(&self) -> Element<'_, Message> {
        responsive(move |size: Size| {
            let program: Element<'_, Message> = container(
                editor::view(&self.editor, &self.library, &self.pictures).map(Message::Editor),
            )
            .width(Fill)
            .height(Fill)
            .style(style::pane)
            .into();
            let wide = size.width >= WIDE;
            let library_width = if wide {
                420.0
            } else if size.width < 1200.0 {
                380.0
            } else {
                430.0
            };
            let list = pane(
                self.library_list(library_width),
                Length::Fixed(library_width),
            );
            let library: Element<'_, Message> = if wide {
                let detail =
                    finder::view_detail(&self.finder, &self.library, &self.pictures, false)
                        .map(Message::Finder);
                row![list, pane(detail, Length::Fixed(DETAIL_WIDTH))]
                    .spacing(10)
                    .into()
            } else {
                list
            };
            let library_shows = !self.settings.show_preview || size.width >= THREE_PANES;
            let panes = if !self.settings.show_preview {
                row![library, program]
            } else if library_shows {
                row![library, program, self.preview_pane(size.width * 0.3)]
            } else {
                // Too narrow for three: the preview takes the library's
                // place while it shows.
                row![program, self.preview_pane(size.width * 0.42)]
            };
            let card = !wide && library_shows && self.finder.is_detail_open();
            // Always a stack, card or not, so opening the card never
            // rebuilds the panes (and loses their scroll and focus).
            stack![
                panes.spacing(10).padding([10, 10]).height(Fill),
                self.detail_card(card, library_width),
            ]
            .into()
        })
        .into()
    }

    /// The selected exercise's detail as a card over the program pane,
    /// beside the list, or nothing.
    fn detail_card(&self, shown: bool, library_width: f32) -> Element<'_, Message> {
        if !shown {
            return Space::new().into();
        }
        let card = container(
            finder::view_detail_card(&self.finder, &self.library, &self.pictures)
                .map(Message::Finder),
        )
        .width(Length::Fixed(DETAIL_WIDTH))
        .height(Fill)
        .style(style::floating_card);
        row![
            Space::new().width(Length::Fixed(library_width + 6.0)),
            opaque(card)
        ]
        .padding([10, 10])
        .into()
    }

    fn preview_pane(&self, width: f32) -> Element<'_, Message> {
        container(preview::view(&self.preview).map(Message::Preview))
            .width(Length::Fixed(width.max(360.0)))
            .height(Fill)
            .style(style::pane)
            .into()
    }

    fn library_list(&self, width: f32) -> Element<'_, Message> {
        container(
            finder::view_list(
                &self.finder,
                &self.library,
                &self.pictures,
                width,
                self.loading,
            )
            .map(Message::Finder),
        )
        .padding([0, 10])
        .into()
    }

    fn sheet_view<'a>(&'a self, sheet: &'a Sheet) -> Element<'a, Message> {
        match sheet {
            Sheet::Templates(sheet) => sheet.view().map(Message::Templates),
            Sheet::Open(sheet) => sheet.view().map(Message::OpenSheet),
            Sheet::SaveAs(sheet) => sheet.view().map(Message::SaveAs),
            Sheet::Export(sheet) => sheet.view().map(Message::Export),
            Sheet::Print(sheet) => sheet.view().map(Message::Print),
            Sheet::Settings(sheet) => sheet.view().map(Message::Settings),
            Sheet::ExerciseEditor(sheet) => {
                crate::gui::exercise_editor::view(sheet, &self.pictures)
                    .map(Message::ExerciseEditor)
            }
            Sheet::Visits(sheet) => sheet.view().map(Message::Visits),
            Sheet::Help => help::view(Message::Command(Command::Close)),
        }
    }
}

/// A library pane section in its own sheet (wide layout).
fn pane<'a>(content: Element<'a, Message>, width: Length) -> Element<'a, Message> {
    container(content)
        .padding([10, 0])
        .width(width)
        .height(Fill)
        .style(style::pane)
        .into()
}

fn separator<'a>() -> Element<'a, Message> {
    container(rule::vertical(1))
        .height(Length::Fixed(22.0))
        .padding([0, 6])
        .into()
}
