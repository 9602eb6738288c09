//! Printing the handout on paper through the computer's own print service,
//! with no PDF viewer in between and no file left behind.
//!
//! Two calls serve both the window and the command line: [`printers`]
//! lists the printers (the default marked, whether each is stopped and can
//! print on both sides), and [`print`] makes the handout, the summary card
//! or both as one PDF and sends it as one job. Every failure is a
//! [`PrintError`] in plain words.
//!
//! On Linux and macOS the print service is CUPS, asked through its own
//! commands (`lpstat`, `lpoptions`, `lp`; see [`cups`]) rather than a crate
//! binding libcups: the commands are on every CUPS system, need no C
//! library or headers to build, speak to whatever scheduler the user has
//! set up (`CUPS_SERVER`, `~/.cups/lpoptions`), and their messages are
//! what the test script checks against a real scheduler. On Windows the
//! spooler is asked through PowerShell (see [`spooler`]; untested).

mod cups;
mod spooler;

use crate::handout::{self, HandoutError, HandoutOptions};
use crate::library::Library;
use crate::program::Program;
use crate::store::{HandoutLayout, Paper, PrintParts};
use std::fmt;

#[cfg(not(windows))]
use cups as system;
#[cfg(windows)]
use spooler as system;

/// The most copies one job asks for; more is surely a typing slip.
pub const MOST_COPIES: u16 = 99;

/// A printer the print service knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    /// The name the system knows it by ("Front_Desk"), for `--printer`.
    pub name: String,
    /// What people call it ("Front desk printer"); may be empty.
    pub description: String,
    /// The system's default printer.
    pub is_default: bool,
    /// Ready, busy or stopped.
    pub state: PrinterState,
    /// It can print on both sides of the paper.
    pub two_sided: bool,
}

impl Printer {
    /// The name to show people: the description, else the system name.
    pub fn label(&self) -> &str {
        let description = self.description.trim();
        if description.is_empty() {
            &self.name
        } else {
            description
        }
    }
}

/// For menus: "Front desk printer".
impl fmt::Display for Printer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Whether a printer takes work now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterState {
    /// Waiting for work.
    Ready,
    /// Printing something.
    Busy,
    /// Stopped (paused, or stopped by an error); the reason, when the
    /// system gives one.
    Stopped(String),
}

/// What to print, where, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    /// The printer's system name or its description; `None` for the
    /// system's default printer.
    pub printer: Option<String>,
    /// How many copies (1 to [`MOST_COPIES`]).
    pub copies: u16,
    /// Both sides of the paper (ignored by a printer that cannot).
    pub two_sided: bool,
    /// The handout, the summary card, or both in one job.
    pub parts: PrintParts,
}

impl Default for PrintJob {
    fn default() -> Self {
        Self {
            printer: None,
            copies: 1,
            two_sided: false,
            parts: PrintParts::Handout,
        }
    }
}

/// A job the print service accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The printer, as people call it.
    pub printer: String,
    /// Pages in one copy.
    pub pages: usize,
    /// Copies asked for.
    pub copies: u16,
    /// The service's id for the job ("Front_Desk-12"), when it gives one.
    pub job: Option<String>,
    /// Things the therapist should know; the job was sent all the same.
    pub warnings: Vec<String>,
}

/// "Sent 8 pages to Front desk printer", or "Sent 2 copies of 8 pages to …".
impl fmt::Display for Sent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pages = crate::text::count(self.pages, "page");
        if self.copies > 1 {
            write!(
                f,
                "Sent {} copies of {pages} to {}",
                self.copies, self.printer
            )
        } else {
            write!(f, "Sent {pages} to {}", self.printer)
        }
    }
}

/// Why nothing was printed, in words for the therapist.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrintError {
    /// No print service is installed (no CUPS commands, no spooler).
    #[error(
        "This computer has no printing service, so ptbuilder cannot print. \
         Export the handout as a PDF and print it from another program."
    )]
    NoService,
    /// The print service is installed but not running.
    #[error(
        "The printing service on this computer is not running. Start it (or restart \
         the computer) and try again, or export the handout as a PDF."
    )]
    NotRunning,
    /// No printer is set up.
    #[error(
        "No printer is set up on this computer. Add one in your system's printer \
         settings, or export the handout as a PDF."
    )]
    NoPrinters,
    /// No printer was named and none is the default.
    #[error("No printer is set as the default. Choose one of: {}.", .0.join(", "))]
    NoDefault(Vec<String>),
    /// The named printer does not exist.
    #[error("There is no printer called “{name}”. The printers here are: {}.", known.join(", "))]
    UnknownPrinter {
        /// The name asked for.
        name: String,
        /// The printers there are.
        known: Vec<String>,
    },
    /// The printer is stopped; nothing was sent, so nothing prints later
    /// by surprise when someone starts it again.
    #[error(
        "The printer “{printer}” is stopped{}, so nothing was sent. Start it again in \
         your printer settings, then print again.",
        reason_in_brackets(.reason)
    )]
    Stopped {
        /// The printer, as people call it.
        printer: String,
        /// What the system says, if anything.
        reason: String,
    },
    /// The print service or the printer refused the job.
    #[error("The printer “{printer}” refused the job: {reason}. Nothing was printed.")]
    Refused {
        /// The printer, as people call it.
        printer: String,
        /// What the system said.
        reason: String,
    },
    /// More copies than [`MOST_COPIES`], or none.
    #[error("Choose between 1 and {MOST_COPIES} copies.")]
    Copies,
    /// The handout could not be made.
    #[error(transparent)]
    Handout(#[from] HandoutError),
    /// The print service could not be asked (a command failed to run).
    #[error("The printing service could not be reached: {0}")]
    Failed(String),
}

fn reason_in_brackets(reason: &str) -> String {
    let reason = reason.trim();
    if reason.is_empty() || reason.eq_ignore_ascii_case("paused") {
        String::new()
    } else {
        format!(" ({reason})")
    }
}

/// The printers the print service knows, the default first. An empty list
/// means the service runs but no printer is set up.
pub fn printers() -> Result<Vec<Printer>, PrintError> {
    let mut printers = system::printers()?;
    // The default first, then by name: the order menus show.
    printers.sort_by(|a, b| {
        b.is_default
            .cmp(&a.is_default)
            .then_with(|| a.label().to_lowercase().cmp(&b.label().to_lowercase()))
    });
    Ok(printers)
}

/// Prints `program` as `job` asks: makes the PDF in memory (the layout,
/// paper and print size from `options`), checks the printer is there and
/// not stopped, and hands the PDF to the print service as one job. Nothing
/// is written to the programs folder.
pub fn print(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
    job: &PrintJob,
) -> Result<Sent, PrintError> {
    if job.copies == 0 || job.copies > MOST_COPIES {
        return Err(PrintError::Copies);
    }
    let printer = choose(&printers()?, job.printer.as_deref())?;
    if let PrinterState::Stopped(reason) = &printer.state {
        return Err(PrintError::Stopped {
            printer: printer.label().to_string(),
            reason: reason.clone(),
        });
    }
    let two_sided = job.two_sided && printer.two_sided;
    let parts = parts(options, job.parts);
    let handout = handout::export_parts(program, library, &parts, two_sided)?;
    let submit = Submit {
        printer: &printer,
        copies: job.copies,
        two_sided,
        paper: options.paper,
    };
    let id = system::submit(&submit, &handout.pdf)?;
    let mut warnings = handout.warnings;
    if job.two_sided && !printer.two_sided {
        warnings.push(format!(
            "“{}” cannot print on both sides, so it prints on one side.",
            printer.label()
        ));
    }
    if !system::SETS_SIDES_AND_PAPER {
        warnings.push(
            "The printer's own settings decide the paper and whether it prints on both \
             sides; change them in its settings if the pages come out wrong."
                .to_string(),
        );
    }
    Ok(Sent {
        printer: printer.label().to_string(),
        pages: handout.pages,
        copies: job.copies,
        job: id,
        warnings,
    })
}

/// The printer `wanted` names (its system name, or failing that its
/// description, in any case), or the default when `None`.
pub fn choose(printers: &[Printer], wanted: Option<&str>) -> Result<Printer, PrintError> {
    if printers.is_empty() {
        return Err(PrintError::NoPrinters);
    }
    let known = || printers.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    let found = match wanted.map(str::trim) {
        None | Some("") => printers
            .iter()
            .find(|p| p.is_default)
            .or_else(|| (printers.len() == 1).then(|| &printers[0]))
            .ok_or_else(|| PrintError::NoDefault(known()))?,
        Some(name) => printers
            .iter()
            .find(|p| p.name == name)
            .or_else(|| printers.iter().find(|p| p.name.eq_ignore_ascii_case(name)))
            .or_else(|| {
                printers
                    .iter()
                    .find(|p| p.description.trim().eq_ignore_ascii_case(name))
            })
            .ok_or_else(|| PrintError::UnknownPrinter {
                name: name.to_string(),
                known: known(),
            })?,
    };
    Ok(found.clone())
}

/// The handouts one job holds: the chosen layout, the card, or both (the
/// handout then the card; a handout cannot be a card twice over).
fn parts(options: &HandoutOptions, parts: PrintParts) -> Vec<HandoutOptions> {
    let card = HandoutOptions {
        layout: HandoutLayout::Summary,
        ..options.clone()
    };
    match parts {
        PrintParts::Handout => vec![options.clone()],
        PrintParts::Card => vec![card],
        PrintParts::Both => {
            let layout = match options.layout {
                HandoutLayout::Summary => HandoutLayout::Compact,
                other => other,
            };
            vec![
                HandoutOptions {
                    layout,
                    ..options.clone()
                },
                card,
            ]
        }
    }
}

/// What the print service is asked for, besides the PDF.
struct Submit<'a> {
    printer: &'a Printer,
    copies: u16,
    two_sided: bool,
    paper: Paper,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer(name: &str, description: &str, is_default: bool) -> Printer {
        Printer {
            name: name.to_string(),
            description: description.to_string(),
            is_default,
            state: PrinterState::Ready,
            two_sided: false,
        }
    }

    #[test]
    fn no_name_means_the_default_printer_or_the_only_one() {
        let two = [
            printer("Office", "Office laser", false),
            printer("Front_Desk", "Front desk printer", true),
        ];
        assert_eq!(choose(&two, None).unwrap().name, "Front_Desk");
        let one = [printer("Office", "", false)];
        assert_eq!(choose(&one, Some(" ")).unwrap().name, "Office");
        let none_default = [printer("A", "", false), printer("B", "", false)];
        assert_eq!(
            choose(&none_default, None).unwrap_err().to_string(),
            "No printer is set as the default. Choose one of: A, B."
        );
    }

    #[test]
    fn a_printer_can_be_named_by_its_description_in_any_case() {
        let list = [
            printer("Office", "Office laser", false),
            printer("Front_Desk", "Front desk printer", true),
        ];
        assert_eq!(
            choose(&list, Some("front desk PRINTER")).unwrap().name,
            "Front_Desk"
        );
        assert_eq!(choose(&list, Some("office")).unwrap().name, "Office");
    }

    #[test]
    fn an_unknown_printer_is_named_with_the_ones_there_are() {
        let list = [printer("PDF", "", true)];
        let error = choose(&list, Some("Nowhere")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "There is no printer called “Nowhere”. The printers here are: PDF."
        );
        assert_eq!(choose(&[], None).unwrap_err(), PrintError::NoPrinters);
    }

    #[test]
    fn a_stopped_printer_says_why_unless_it_was_only_paused() {
        let jam = PrintError::Stopped {
            printer: "Office laser".into(),
            reason: "Paper jam in tray 2".into(),
        };
        assert_eq!(
            jam.to_string(),
            "The printer “Office laser” is stopped (Paper jam in tray 2), so nothing was \
             sent. Start it again in your printer settings, then print again."
        );
        let paused = PrintError::Stopped {
            printer: "PDF".into(),
            reason: "Paused".into(),
        };
        assert!(
            paused
                .to_string()
                .starts_with("The printer “PDF” is stopped, so")
        );
    }

    #[test]
    fn the_status_line_counts_pages_and_copies() {
        let mut sent = Sent {
            printer: "Front desk printer".into(),
            pages: 8,
            copies: 1,
            job: Some("PDF-3".into()),
            warnings: Vec::new(),
        };
        assert_eq!(sent.to_string(), "Sent 8 pages to Front desk printer");
        sent.copies = 2;
        sent.pages = 1;
        assert_eq!(
            sent.to_string(),
            "Sent 2 copies of 1 page to Front desk printer"
        );
    }

    #[test]
    fn both_prints_the_handout_then_the_card() {
        let options = HandoutOptions {
            layout: HandoutLayout::Summary,
            ..HandoutOptions::default()
        };
        let layouts: Vec<_> = parts(&options, PrintParts::Both)
            .iter()
            .map(|o| o.layout)
            .collect();
        assert_eq!(layouts, [HandoutLayout::Compact, HandoutLayout::Summary]);
        let detailed = HandoutOptions {
            layout: HandoutLayout::Detailed,
            ..HandoutOptions::default()
        };
        assert_eq!(
            parts(&detailed, PrintParts::Card)[0].layout,
            HandoutLayout::Summary
        );
        assert_eq!(
            parts(&detailed, PrintParts::Handout)[0].layout,
            HandoutLayout::Detailed
        );
    }
}
