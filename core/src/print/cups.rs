//! CUPS, the print service of Linux and macOS, through its commands:
//! `lpstat -l -p -d` lists the printers and the default, `lpoptions -p NAME
//! -l` tells whether one can print on both sides, and `lp` takes the PDF on
//! its standard input, so the handout never touches the disk on our side.
//!
//! The commands run with `LC_ALL=C`: their messages are parsed, and a
//! translated "is idle" would not be recognised. The texts the tests below
//! read were captured from CUPS 2.4 with the CUPS-PDF printer.

// Compiled on Windows too, where the spooler is used instead.
#![cfg_attr(windows, allow(dead_code))]

use super::{PrintError, Printer, PrinterState, Submit};
use crate::store::Paper;
use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

/// What a job is called in the print queue. Queues are often shared on a
/// clinic's network, so the patient's name is not in it.
const JOB_TITLE: &str = "ptbuilder handout";

/// `lp` is told the sides and the paper.
pub const SETS_SIDES_AND_PAPER: bool = true;

/// A CUPS command, in the C locale so its messages can be read.
fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command.env("LC_ALL", "C").env("LANG", "C");
    command
}

/// Runs a command to its end, feeding it `input`.
fn run(mut command: Command, input: Option<&[u8]>) -> Result<Output, PrintError> {
    command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|error| match error.kind() {
        ErrorKind::NotFound => PrintError::NoService,
        _ => PrintError::Failed(error.to_string()),
    })?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A command that refuses early stops reading; its own message
        // says why, so a broken pipe here is not the story.
        let bytes = bytes.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
        let output = child.wait_with_output();
        let _ = writer.join();
        return output.map_err(|error| PrintError::Failed(error.to_string()));
    }
    child
        .wait_with_output()
        .map_err(|error| PrintError::Failed(error.to_string()))
}

/// The printers, with the default marked and whether each prints on both sides.
pub fn printers() -> Result<Vec<Printer>, PrintError> {
    let mut lpstat = command("lpstat");
    lpstat.args(["-l", "-p", "-d"]);
    let output = run(lpstat, None)?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut printers = listed(&stdout, &stderr, output.status.success())?;
    for printer in &mut printers {
        let mut lpoptions = command("lpoptions");
        lpoptions.args(["-p", &printer.name, "-l"]);
        if let Ok(output) = run(lpoptions, None) {
            printer.two_sided = can_print_two_sided(&String::from_utf8_lossy(&output.stdout));
        }
    }
    Ok(printers)
}

/// The printers in `lpstat -l -p -d`'s output, or why there are none.
fn listed(stdout: &str, stderr: &str, success: bool) -> Result<Vec<Printer>, PrintError> {
    if stderr.contains("Scheduler is not running") {
        return Err(PrintError::NotRunning);
    }
    let printers = parse_lpstat(stdout);
    if !printers.is_empty() || stderr.contains("No destinations added") {
        return Ok(printers);
    }
    if success {
        Ok(printers)
    } else {
        Err(PrintError::Failed(plain(stderr)))
    }
}

/// Reads `lpstat -l -p -d`: a "printer NAME …" line for each printer, its
/// details indented under it (the first indented line of a disabled
/// printer is the reason), and the system default at the end.
pub fn parse_lpstat(text: &str) -> Vec<Printer> {
    let mut printers: Vec<Printer> = Vec::new();
    let mut reason_next = false;
    let mut default = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("printer ") {
            let (name, status) = rest.split_once(' ').unwrap_or((rest, ""));
            let state = if status.starts_with("disabled") {
                PrinterState::Stopped(String::new())
            } else if status.starts_with("now printing") {
                PrinterState::Busy
            } else {
                PrinterState::Ready
            };
            reason_next = matches!(state, PrinterState::Stopped(_));
            printers.push(Printer {
                name: name.to_string(),
                description: String::new(),
                is_default: false,
                state,
                two_sided: false,
            });
        } else if let Some(name) = line.strip_prefix("system default destination: ") {
            default = Some(name.trim().to_string());
        } else if let (Some(detail), Some(printer)) = (line.strip_prefix('\t'), printers.last_mut())
        {
            if std::mem::take(&mut reason_next) {
                printer.state = PrinterState::Stopped(detail.trim().to_string());
            } else if let Some(description) = detail.strip_prefix("Description:") {
                printer.description = description.trim().to_string();
            }
        }
    }
    for printer in &mut printers {
        printer.is_default = default.as_deref() == Some(printer.name.as_str());
    }
    printers
}

/// Reads `lpoptions -p NAME -l`: a printer prints on both sides when its
/// `Duplex` (PPD drivers) or `sides` (driverless IPP) option has a choice
/// other than one-sided.
pub fn can_print_two_sided(text: &str) -> bool {
    text.lines().any(|line| {
        let Some((key, choices)) = line.split_once(':') else {
            return false;
        };
        let key = key.split('/').next().unwrap_or_default().trim();
        let duplex = key.eq_ignore_ascii_case("duplex") || key.eq_ignore_ascii_case("sides");
        duplex
            && choices.split_whitespace().any(|choice| {
                let choice = choice.trim_start_matches('*').to_lowercase();
                choice != "none" && choice != "one-sided" && choice != "off"
            })
    })
}

/// The options `lp` is given for a job.
fn lp_arguments(submit: &Submit<'_>) -> Vec<String> {
    let sides = if submit.two_sided {
        "sides=two-sided-long-edge"
    } else {
        // Said outright: a printer set to both sides by default would
        // otherwise print on both.
        "sides=one-sided"
    };
    let media = match submit.paper {
        Paper::A4 => "media=A4",
        Paper::Letter => "media=Letter",
    };
    [
        "-d",
        &submit.printer.name,
        "-n",
        &submit.copies.to_string(),
        "-t",
        JOB_TITLE,
        "-o",
        sides,
        "-o",
        media,
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

/// Sends `pdf` to the printer as one job; the job's id when `lp` names it.
pub fn submit(submit: &Submit<'_>, pdf: &[u8]) -> Result<Option<String>, PrintError> {
    let mut lp = command("lp");
    lp.args(lp_arguments(submit));
    let output = run(lp, Some(pdf))?;
    if output.status.success() {
        Ok(job_id(&String::from_utf8_lossy(&output.stdout)))
    } else {
        Err(refusal(
            &String::from_utf8_lossy(&output.stderr),
            submit.printer.label(),
        ))
    }
}

/// The id in "request id is PDF-3 (0 file(s))".
pub fn job_id(text: &str) -> Option<String> {
    let rest = text.split("request id is ").nth(1)?;
    rest.split_whitespace().next().map(str::to_string)
}

/// Why `lp` refused, from what it printed.
pub fn refusal(stderr: &str, printer: &str) -> PrintError {
    let printer = printer.to_string();
    if stderr.contains("Scheduler is not running") {
        PrintError::NotRunning
    } else if stderr.contains("is not accepting jobs") {
        PrintError::Refused {
            printer,
            reason: "it is set not to take jobs right now".to_string(),
        }
    } else if stderr.contains("does not exist") {
        PrintError::Refused {
            printer,
            reason: "it is no longer set up on this computer".to_string(),
        }
    } else {
        PrintError::Refused {
            printer,
            reason: plain(stderr),
        }
    }
}

/// A command's message without its "lp: Error - " start and final stop.
fn plain(stderr: &str) -> String {
    let line = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = line.split_once(": ").map_or(line, |(_, rest)| rest);
    let line = line.strip_prefix("Error - ").unwrap_or(line);
    let line = line.trim().trim_end_matches('.');
    if line.is_empty() {
        "no reason was given".to_string()
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lpstat -l -p -d` with CUPS-PDF as "Front desk printer" (paused,
    /// and the default) and a second printer stopped by an error.
    const TWO_PRINTERS: &str = "\
printer Office disabled since Wed Dec  2 14:20:37 2026 -
\tPaper jam in tray 2
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: Office laser
\tAlerts: none
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/Office.ppd
printer PDF disabled since Wed Dec  2 14:20:37 2026 -
\tPaused
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: Front desk printer
\tAlerts: paused
\tLocation: 
\tConnection: direct
\tInterface: /etc/cups/ppd/PDF.ppd
\tUsers allowed:
\t\t(all)
system default destination: PDF
";

    const ONE_IDLE: &str = "\
printer PDF is idle.  enabled since Wed Dec  2 14:20:35 2026
\tForm mounted:
\tDescription: Front desk printer
\tAlerts: none
no system default destination
";

    #[test]
    fn lpstat_gives_names_descriptions_the_default_and_why_a_printer_stopped() {
        let printers = parse_lpstat(TWO_PRINTERS);
        assert_eq!(printers.len(), 2);
        assert_eq!(printers[0].name, "Office");
        assert_eq!(printers[0].label(), "Office laser");
        assert_eq!(
            printers[0].state,
            PrinterState::Stopped("Paper jam in tray 2".into())
        );
        assert!(!printers[0].is_default);
        assert_eq!(printers[1].label(), "Front desk printer");
        assert_eq!(printers[1].state, PrinterState::Stopped("Paused".into()));
        assert!(printers[1].is_default);
    }

    #[test]
    fn an_idle_printer_is_ready_and_no_default_marks_none() {
        let printers = parse_lpstat(ONE_IDLE);
        assert_eq!(printers.len(), 1);
        assert_eq!(printers[0].state, PrinterState::Ready);
        assert!(!printers[0].is_default);
        let busy = parse_lpstat("printer PDF now printing PDF-4.  enabled since Wed Dec  2\n");
        assert_eq!(busy[0].state, PrinterState::Busy);
    }

    #[test]
    fn no_printers_and_no_scheduler_are_told_apart() {
        // Both exit with 1 and print "no system default destination".
        let out = "no system default destination\n";
        assert_eq!(
            listed(out, "lpstat: No destinations added.\n", false),
            Ok(Vec::new())
        );
        assert_eq!(
            listed(out, "lpstat: Scheduler is not running.\n", false),
            Err(PrintError::NotRunning)
        );
        assert_eq!(
            listed(out, "lpstat: Bad file descriptor\n", false),
            Err(PrintError::Failed("Bad file descriptor".into()))
        );
    }

    #[test]
    fn a_duplex_option_means_two_sided_and_cups_pdf_has_none() {
        let generic = "\
PageSize/Page Size: *Letter Letter.Fullbleed A4 A4.Fullbleed A5
manualduplex/Manual duplex: *off on
Duplex/Double-Sided Printing: *None DuplexNoTumble DuplexTumble
ColorModel/Color: *color grayscale
";
        assert!(can_print_two_sided(generic));
        let driverless = "sides/2-Sided Printing: *one-sided two-sided-long-edge\n";
        assert!(can_print_two_sided(driverless));
        let cups_pdf = "\
PageSize/Page Size: Custom.WIDTHxHEIGHT 11x14 A3 *A4 A5 Letter
Resolution/Output Resolution: 150dpi *300dpi 600dpi 1200dpi 2400dpi
PDFVer/PDF version: 1.1 *1.2 1.3 1.4 1.5
";
        assert!(!can_print_two_sided(cups_pdf));
        assert!(!can_print_two_sided(
            "Duplex/Double-Sided Printing: *None\n"
        ));
    }

    #[test]
    fn lp_refusals_become_plain_words() {
        assert_eq!(
            refusal(
                "lp: Destination \"Office\" is not accepting jobs.\n",
                "Office laser"
            )
            .to_string(),
            "The printer “Office laser” refused the job: it is set not to take jobs right \
             now. Nothing was printed."
        );
        assert_eq!(
            refusal("lp: Error - The printer or class does not exist.\n", "PDF").to_string(),
            "The printer “PDF” refused the job: it is no longer set up on this computer. \
             Nothing was printed."
        );
        assert_eq!(
            refusal("lp: Error - Unsupported document-format \"x\".\n", "PDF"),
            PrintError::Refused {
                printer: "PDF".into(),
                reason: "Unsupported document-format \"x\"".into()
            }
        );
    }

    #[test]
    fn the_job_id_is_read_from_lp() {
        assert_eq!(
            job_id("request id is PDF-2 (0 file(s))\n").as_deref(),
            Some("PDF-2")
        );
        assert_eq!(job_id(""), None);
    }

    #[test]
    fn lp_is_told_the_copies_sides_paper_and_a_title_without_the_patient() {
        let printer = Printer {
            name: "Front_Desk".into(),
            description: String::new(),
            is_default: true,
            state: PrinterState::Ready,
            two_sided: true,
        };
        let args = lp_arguments(&Submit {
            printer: &printer,
            copies: 2,
            two_sided: true,
            paper: Paper::Letter,
        });
        assert_eq!(
            args.join(" "),
            "-d Front_Desk -n 2 -t ptbuilder handout -o sides=two-sided-long-edge \
             -o media=Letter"
        );
    }
}
