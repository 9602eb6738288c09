//! `ptbuilder print` and `ptbuilder printers`: the same core calls the
//! Print sheet makes, for batch printing from a script.

use super::{Failure, handout_findings, open_library};
use ptbuilder_core::handout::{Choices, HandoutOptions};
use ptbuilder_core::print::{self, PrintError, PrintJob, PrinterState};
use ptbuilder_core::store::{self, FileProblem};
use std::path::Path;

/// Lists the printers, the default first and marked with `*`.
pub fn printers() -> Result<(), Failure> {
    let printers = print::printers().map_err(|error| Failure::from(error.to_string()))?;
    if printers.is_empty() {
        return Err(PrintError::NoPrinters.to_string().into());
    }
    let width = printers.iter().map(|p| p.name.len()).max().unwrap_or(0);
    for printer in &printers {
        let mut notes = Vec::new();
        if printer.is_default {
            notes.push("default".to_string());
        }
        if printer.two_sided {
            notes.push("two-sided".to_string());
        }
        match &printer.state {
            PrinterState::Ready => {}
            PrinterState::Busy => notes.push("printing".to_string()),
            PrinterState::Stopped(reason) if reason.is_empty() => {
                notes.push("stopped".to_string());
            }
            PrinterState::Stopped(reason) => notes.push(format!("stopped: {reason}")),
        }
        let mark = if printer.is_default { '*' } else { ' ' };
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("  ({})", notes.join(", "))
        };
        println!("{mark} {:width$}  {}{notes}", printer.name, printer.label());
    }
    Ok(())
}

/// Prints the handout of `file` as `job` asks; nothing is written to disk.
pub fn print(file: &Path, choices: Choices, job: &PrintJob) -> Result<(), Failure> {
    let (store, settings, library) = open_library()?;
    let (program, warnings) = store.load_program(file, &library)?;
    for warning in &warnings {
        eprintln!("{warning}");
    }
    let options = HandoutOptions::chosen(&store, &settings, choices);
    if let Ok(text) = store::read_text(file) {
        let name = file.display().to_string();
        for problem in handout_findings(&program, &library, &options) {
            eprintln!("{}", FileProblem::from_problem(&name, &text, &problem));
        }
    }
    let sent = print::print(&program, &library, &options, job).map_err(|error| match error {
        PrintError::Handout(error) => Failure::from(format!("{}: {error}", file.display())),
        other => Failure::from(other.to_string()),
    })?;
    for warning in &sent.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    match &sent.job {
        Some(id) => println!("{sent} (job {id})"),
        None => println!("{sent}"),
    }
    Ok(())
}
