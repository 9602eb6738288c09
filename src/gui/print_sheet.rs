//! The Print sheet: the system's printers (the default chosen), what to
//! print, copies, paper and both sides, then one click to send it. The
//! printers are looked up off the UI thread when the sheet opens; with
//! none, the sheet says so and offers Export PDF instead.

use super::export::PhaseChoice;
use super::style;
use super::widgets::{self, label};
use crate::gui::perform;
use iced::widget::{Column, checkbox, column, container, pick_list, row, text};
use iced::{Alignment, Element, Fill, Length, Task};
use ptbuilder_core::handout::Choices;
use ptbuilder_core::print::{self, MOST_COPIES, PrintError, PrintJob, Printer, PrinterState, Sent};
use ptbuilder_core::store::{HandoutLayout, Paper, PrintChoices, PrintParts, Settings};

/// The layouts a handout can have here (the card is chosen under "What").
const HANDOUT_LAYOUTS: [HandoutLayout; 2] = [HandoutLayout::Compact, HandoutLayout::Detailed];

/// What the app needs to print.
#[derive(Debug, Clone)]
pub struct Request {
    /// Printer, copies, sides and what to print.
    pub job: PrintJob,
    /// Layout, paper and the card's phase.
    pub choices: Choices,
    /// The choices to offer next time.
    pub remember: PrintChoices,
}

/// The system's printers, as far as they are known.
#[derive(Debug, Clone)]
enum Lookup {
    Looking,
    Found(Vec<Printer>),
    Failed(PrintError),
}

#[derive(Debug, Clone)]
enum Status {
    Ready,
    Printing,
    Failed(String),
}

/// The sheet.
#[derive(Debug)]
pub struct State {
    lookup: Lookup,
    printer: Option<Printer>,
    /// The printer chosen last time, chosen again when it is still there.
    remembered: Option<String>,
    copies: u16,
    /// Both sides: what the therapist wants, `None` meaning "when the
    /// printer can".
    two_sided: Option<bool>,
    parts: PrintParts,
    layout: HandoutLayout,
    paper: Paper,
    phases: Vec<PhaseChoice>,
    phase: usize,
    status: Status,
}

/// Something done in the sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// The print service answered with its printers.
    PrintersFound(Result<Vec<Printer>, PrintError>),
    /// Ask the print service again.
    LookAgain,
    /// A printer was picked.
    PrinterSelected(Printer),
    /// One copy more or fewer.
    CopiesChanged(u16),
    /// Both sides of the paper.
    TwoSidedToggled(bool),
    /// Handout, card or both.
    PartsSelected(PrintParts),
    /// Compact or detailed.
    LayoutSelected(HandoutLayout),
    /// The card's phase.
    PhaseSelected(PhaseChoice),
    /// Paper size.
    PaperSelected(Paper),
    /// Send the job.
    Print,
    /// The print service took the job, or why not.
    Printed(Result<Sent, PrintError>),
    /// No printer: open the Export sheet instead.
    ExportInstead,
    /// Close the sheet.
    Close,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this sheet.
    Run(Task<Message>),
    /// Print, and remember the choices.
    Print(Box<Request>),
    /// The job was sent: close the sheet and say so.
    Sent(Sent),
    /// Open the Export sheet instead.
    ExportInstead,
    /// Close the sheet.
    Close,
}

/// Asks the print service for its printers, off the UI thread.
fn look_up() -> Task<Message> {
    perform(
        || Ok(print::printers()),
        |result| {
            Message::PrintersFound(
                result.unwrap_or_else(|error| Err(PrintError::Failed(error.to_string()))),
            )
        },
    )
}

/// The sheet with the settings' and last print's choices, for a program
/// with these phases, and the task that finds the printers.
pub fn open(settings: &Settings, phases: &[String]) -> (State, Task<Message>) {
    let last = &settings.printing;
    let state = State {
        lookup: Lookup::Looking,
        printer: None,
        remembered: last.printer.clone(),
        copies: last.copies.clamp(1, MOST_COPIES),
        two_sided: last.two_sided,
        parts: last.parts,
        layout: match settings.layout {
            HandoutLayout::Summary => HandoutLayout::Compact,
            other => other,
        },
        paper: settings.paper,
        phases: PhaseChoice::all(phases),
        phase: 0,
        status: Status::Ready,
    };
    (state, look_up())
}

impl State {
    /// True while a job is being made and sent.
    pub fn is_printing(&self) -> bool {
        matches!(self.status, Status::Printing)
    }

    /// Both sides will be asked for: the printer can, and the therapist
    /// did not say no.
    fn both_sides(&self) -> bool {
        self.printer.as_ref().is_some_and(|p| p.two_sided) && self.two_sided.unwrap_or(true)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::PrintersFound(found) => self.found(found),
            Message::LookAgain => {
                self.lookup = Lookup::Looking;
                return Action::Run(look_up());
            }
            Message::PrinterSelected(printer) => self.printer = Some(printer),
            Message::CopiesChanged(copies) => self.copies = copies.clamp(1, MOST_COPIES),
            Message::TwoSidedToggled(on) => self.two_sided = Some(on),
            Message::PartsSelected(parts) => self.parts = parts,
            Message::LayoutSelected(layout) => self.layout = layout,
            Message::PhaseSelected(choice) => self.phase = choice.index(),
            Message::PaperSelected(paper) => self.paper = paper,
            Message::Print => return self.print(),
            Message::Printed(Ok(sent)) => {
                self.status = Status::Ready;
                return Action::Sent(sent);
            }
            Message::Printed(Err(error)) => self.status = Status::Failed(error.to_string()),
            Message::ExportInstead => return Action::ExportInstead,
            Message::Close => return Action::Close,
        }
        Action::None
    }

    fn found(&mut self, found: Result<Vec<Printer>, PrintError>) {
        match found {
            Ok(printers) if printers.is_empty() => {
                self.lookup = Lookup::Failed(PrintError::NoPrinters);
            }
            Ok(printers) => {
                // Last time's printer if it is still there, else the default.
                let remembered = (self.remembered.as_deref())
                    .and_then(|name| printers.iter().find(|p| p.name == name));
                self.printer = remembered
                    .or_else(|| printers.iter().find(|p| p.is_default))
                    .or(printers.first())
                    .cloned();
                self.lookup = Lookup::Found(printers);
            }
            Err(error) => self.lookup = Lookup::Failed(error),
        }
    }

    fn print(&mut self) -> Action {
        let Some(printer) = &self.printer else {
            return Action::None;
        };
        if self.is_printing() {
            return Action::None;
        }
        self.status = Status::Printing;
        Action::Print(Box::new(Request {
            job: PrintJob {
                printer: Some(printer.name.clone()),
                copies: self.copies,
                two_sided: self.both_sides(),
                parts: self.parts,
            },
            choices: Choices {
                layout: Some(self.layout),
                paper: Some(self.paper),
                phase: Some(self.phase),
                ..Choices::default()
            },
            remember: PrintChoices {
                printer: Some(printer.name.clone()),
                copies: self.copies,
                two_sided: self.two_sided,
                parts: self.parts,
            },
        }))
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        match &self.lookup {
            Lookup::Looking => widgets::sheet(
                "Print",
                text("Looking for printers…")
                    .size(style::TEXT)
                    .style(style::muted),
                vec![widgets::secondary_button("Close", Some(Message::Close)).into()],
                Length::Fixed(560.0),
            ),
            Lookup::Failed(error) => self.no_printer(error),
            Lookup::Found(printers) => self.form(printers),
        }
    }

    /// No printer to print on: why, and the way out.
    fn no_printer(&self, error: &PrintError) -> Element<'_, Message> {
        let body = column![
            container(text(error.to_string()).size(style::TEXT))
                .padding([8, 10])
                .width(Fill)
                .style(style::callout(style::Tone::Warning)),
            text(
                "You can save the handout as a PDF instead, and print it later or \
                 from another computer."
            )
            .size(style::TEXT),
        ]
        .spacing(style::SECTION);
        widgets::sheet(
            "Print",
            body,
            vec![
                widgets::secondary_button("Close", Some(Message::Close)).into(),
                widgets::secondary_button("Look again", Some(Message::LookAgain)).into(),
                widgets::primary_button("Export PDF instead", Some(Message::ExportInstead)).into(),
            ],
            Length::Fixed(600.0),
        )
    }

    fn form<'a>(&'a self, printers: &'a [Printer]) -> Element<'a, Message> {
        let printing = self.is_printing();
        let mut body = Column::new()
            .spacing(style::SECTION)
            .push(self.printer_row(printers))
            .push(self.what_row())
            .push(self.paper_row());
        if let Status::Failed(message) = &self.status {
            body = body.push(
                container(text(message.as_str()).size(style::TEXT))
                    .padding([8, 10])
                    .width(Fill)
                    .style(style::callout(style::Tone::Error)),
            );
        }
        let buttons = vec![
            widgets::secondary_button("Close", Some(Message::Close)).into(),
            widgets::primary_button(
                if printing { "Printing…" } else { "Print" },
                (!printing && self.printer.is_some()).then_some(Message::Print),
            )
            .into(),
        ];
        widgets::sheet("Print", body, buttons, Length::Fixed(680.0))
    }

    fn printer_row<'a>(&'a self, printers: &'a [Printer]) -> Element<'a, Message> {
        let mut column = column![
            label("Printer"),
            pick_list(printers, self.printer.clone(), Message::PrinterSelected)
                .style(style::menu)
                .padding([6, 8])
                .text_size(style::TEXT)
                .width(Fill),
        ]
        .spacing(3);
        let note = self
            .printer
            .as_ref()
            .and_then(|printer| match &printer.state {
                PrinterState::Stopped(reason) if reason.is_empty() => {
                    Some("This printer is stopped: start it again before printing.".to_string())
                }
                PrinterState::Stopped(reason) => Some(format!(
                    "This printer is stopped ({reason}): start it again before printing."
                )),
                _ if printer.is_default => Some("The computer's default printer.".to_string()),
                _ => None,
            });
        if let Some(note) = note {
            let stopped = matches!(
                self.printer.as_ref().map(|p| &p.state),
                Some(PrinterState::Stopped(_))
            );
            column = column.push(text(note).size(style::SMALL).style(if stopped {
                style::warning_text
            } else {
                style::muted
            }));
        }
        column.into()
    }

    fn what_row(&self) -> Element<'_, Message> {
        let mut what = row![
            column![
                label("What to print"),
                pick_list(PrintParts::ALL, Some(self.parts), Message::PartsSelected)
                    .style(style::menu)
                    .padding([6, 8])
                    .text_size(style::TEXT),
            ]
            .spacing(3)
        ]
        .spacing(style::SECTION)
        .align_y(Alignment::End);
        if self.parts != PrintParts::Card {
            what = what.push(
                column![
                    label("Layout"),
                    pick_list(HANDOUT_LAYOUTS, Some(self.layout), Message::LayoutSelected)
                        .style(style::menu)
                        .padding([6, 8])
                        .text_size(style::TEXT),
                ]
                .spacing(3),
            );
        }
        if self.parts != PrintParts::Handout && self.phases.len() > 1 {
            what = what.push(
                column![
                    label("Phase on the card"),
                    pick_list(
                        self.phases.as_slice(),
                        self.phases.get(self.phase).cloned(),
                        Message::PhaseSelected
                    )
                    .style(style::menu)
                    .padding([6, 8])
                    .text_size(style::TEXT),
                ]
                .spacing(3),
            );
        }
        what.into()
    }

    fn paper_row(&self) -> Element<'_, Message> {
        let can = self.printer.as_ref().is_some_and(|p| p.two_sided);
        let step = |copies: u16, caption: &'static str, allowed: bool| {
            widgets::secondary_button(caption, allowed.then_some(Message::CopiesChanged(copies)))
        };
        let copies = column![
            label("Copies"),
            row![
                step(self.copies.saturating_sub(1), "−", self.copies > 1),
                container(text(self.copies.to_string()).size(style::TEXT))
                    .width(Length::Fixed(32.0))
                    .align_x(Alignment::Center),
                step(self.copies + 1, "+", self.copies < MOST_COPIES),
            ]
            .spacing(4)
            .align_y(Alignment::Center),
        ]
        .spacing(3);
        let mut sides = checkbox(self.both_sides())
            .label(if can {
                "Print on both sides"
            } else {
                "Print on both sides (this printer cannot)"
            })
            .text_size(style::TEXT);
        if can {
            sides = sides.on_toggle(Message::TwoSidedToggled);
        }
        row![
            copies,
            column![
                label("Paper"),
                pick_list(Paper::ALL, Some(self.paper), Message::PaperSelected)
                    .style(style::menu)
                    .padding([6, 8])
                    .text_size(style::TEXT),
            ]
            .spacing(3),
            sides,
        ]
        .spacing(style::SECTION)
        .align_y(Alignment::End)
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer(name: &str, is_default: bool, two_sided: bool) -> Printer {
        Printer {
            name: name.to_string(),
            description: format!("{name} printer"),
            is_default,
            state: PrinterState::Ready,
            two_sided,
        }
    }

    fn request(state: &mut State) -> Request {
        match state.update(Message::Print) {
            Action::Print(request) => *request,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_default_printer_is_chosen_and_both_sides_are_on_when_it_can() {
        let (mut state, _) = open(&Settings::default(), &[]);
        let _ = state.update(Message::PrintersFound(Ok(vec![
            printer("Office", false, false),
            printer("Front", true, true),
        ])));
        let asked = request(&mut state);
        assert_eq!(asked.job.printer.as_deref(), Some("Front"));
        assert!(asked.job.two_sided);
        assert_eq!(asked.job.copies, 1);
        assert!(state.is_printing());
        let _ = state.update(Message::Printed(Err(PrintError::NotRunning)));
        assert!(!state.is_printing());
    }

    #[test]
    fn last_times_choices_come_back_and_a_one_sided_printer_is_not_asked_for_two() {
        let settings = Settings {
            printing: PrintChoices {
                printer: Some("Office".into()),
                copies: 3,
                two_sided: None,
                parts: PrintParts::Both,
            },
            ..Settings::default()
        };
        let (mut state, _) = open(&settings, &["Weeks 1–2".into(), "Weeks 3–4".into()]);
        let _ = state.update(Message::PrintersFound(Ok(vec![
            printer("Office", false, false),
            printer("Front", true, true),
        ])));
        let _ = state.update(Message::CopiesChanged(0));
        let asked = request(&mut state);
        assert_eq!(asked.job.printer.as_deref(), Some("Office"));
        assert!(!asked.job.two_sided);
        assert_eq!(asked.job.copies, 1, "at least one copy");
        assert_eq!(asked.job.parts, PrintParts::Both);
        assert_eq!(asked.remember.copies, 1);
    }

    #[test]
    fn turning_both_sides_off_is_remembered() {
        let (mut state, _) = open(&Settings::default(), &[]);
        let _ = state.update(Message::PrintersFound(Ok(vec![printer(
            "Front", true, true,
        )])));
        let _ = state.update(Message::TwoSidedToggled(false));
        let asked = request(&mut state);
        assert!(!asked.job.two_sided);
        assert_eq!(asked.remember.two_sided, Some(false));
    }

    #[test]
    fn no_printers_offers_export_and_printing_is_not_possible() {
        let (mut state, _) = open(&Settings::default(), &[]);
        let _ = state.update(Message::PrintersFound(Ok(Vec::new())));
        assert!(matches!(state.update(Message::Print), Action::None));
        assert!(matches!(
            state.update(Message::ExportInstead),
            Action::ExportInstead
        ));
    }
}
