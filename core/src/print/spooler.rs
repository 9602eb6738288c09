//! The Windows print spooler, through PowerShell (untested: written for
//! Windows 10 and 11, and only compiled and unit-tested on Linux).
//!
//! Windows cannot print a PDF by itself: the spooler takes what a program
//! draws. So the printers are listed from `Win32_Printer`, and the PDF is
//! handed to the PDF reader the user has installed with the shell's
//! `PrintTo` verb (Adobe Acrobat Reader, SumatraPDF and Foxit support it;
//! Edge does not, and the error then says to export the PDF instead).
//! The reader uses the printer's own copies, sides and paper settings, so
//! the job carries a note saying so. The PDF goes to
//! a file of its own in the temporary folder and is removed afterwards.
//!
//! Everything here only uses `std`, so it is compiled (not run) on every
//! system: a mistake shows on Linux too.

#![cfg_attr(not(windows), allow(dead_code))]

use super::{PrintError, Printer, PrinterState, Submit};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The reader prints with the printer's own sides and paper settings.
pub const SETS_SIDES_AND_PAPER: bool = false;

/// One printer a line: name, default, offline, status code, can duplex.
const LIST: &str = "[Console]::OutputEncoding = [Text.Encoding]::UTF8; \
Get-CimInstance -ClassName Win32_Printer | ForEach-Object { \
'{0}`t{1}`t{2}`t{3}`t{4}' -f $_.Name, [int]$_.Default, [int]$_.WorkOffline, \
$_.PrinterStatus, [int]($_.CapabilityDescriptions -contains 'Duplex') }";

/// Prints the file in `PTBUILDER_FILE` on `PTBUILDER_PRINTER` with the
/// PDF reader's PrintTo verb, `PTBUILDER_COPIES` times, waiting up to a
/// minute for each (a reader that stays open is left open).
const PRINT: &str = "$ErrorActionPreference = 'Stop'; \
for ($i = 0; $i -lt [int]$env:PTBUILDER_COPIES; $i++) { \
$p = Start-Process -FilePath $env:PTBUILDER_FILE -Verb PrintTo \
-ArgumentList ('\"' + $env:PTBUILDER_PRINTER + '\"') -WindowStyle Hidden -PassThru; \
if ($p) { $p | Wait-Process -Timeout 60 -ErrorAction SilentlyContinue } }";

fn powershell(script: &str) -> Command {
    let mut command = Command::new("powershell");
    command.args(["-NoProfile", "-NonInteractive", "-Command", script]);
    command.stdin(Stdio::null());
    command
}

/// The printers Windows knows.
pub fn printers() -> Result<Vec<Printer>, PrintError> {
    let output = powershell(LIST)
        .output()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => PrintError::NoService,
            _ => PrintError::Failed(error.to_string()),
        })?;
    if !output.status.success() {
        return Err(PrintError::NotRunning);
    }
    Ok(parse_list(&String::from_utf8_lossy(&output.stdout)))
}

/// Reads the lines [`LIST`] prints.
pub fn parse_list(text: &str) -> Vec<Printer> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            let [name, default, offline, status, duplex] = fields[..] else {
                return None;
            };
            // Win32_Printer.PrinterStatus: 4 printing, 5 warming up, 6
            // stopped printing, 7 offline.
            let state = match (offline, status) {
                ("1", _) | (_, "7") => PrinterState::Stopped("offline".to_string()),
                (_, "6") => PrinterState::Stopped(String::new()),
                (_, "4" | "5") => PrinterState::Busy,
                _ => PrinterState::Ready,
            };
            Some(Printer {
                name: name.to_string(),
                description: String::new(),
                is_default: default == "1",
                state,
                two_sided: duplex == "1",
            })
        })
        .collect()
}

/// A file in the temporary folder that is removed when dropped.
struct TempPdf(PathBuf);

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Hands `pdf` to the PDF reader to print; Windows gives no job id.
pub fn submit(submit: &Submit<'_>, pdf: &[u8]) -> Result<Option<String>, PrintError> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let file =
        TempPdf(std::env::temp_dir().join(format!("ptbuilder-{}-{nanos}.pdf", std::process::id())));
    std::fs::write(&file.0, pdf).map_err(|error| PrintError::Failed(error.to_string()))?;
    let output = powershell(PRINT)
        .env("PTBUILDER_FILE", &file.0)
        .env("PTBUILDER_PRINTER", &submit.printer.name)
        .env("PTBUILDER_COPIES", submit.copies.to_string())
        .output()
        .map_err(|error| PrintError::Failed(error.to_string()))?;
    if output.status.success() {
        Ok(None)
    } else {
        Err(PrintError::Refused {
            printer: submit.printer.label().to_string(),
            reason: "no program on this computer can print PDF files directly (a PDF \
                     reader such as SumatraPDF or Adobe Acrobat Reader can); export the \
                     handout as a PDF and print it from there"
                .to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_printers_are_read_with_default_offline_and_duplex() {
        let text = "Microsoft Print to PDF\t0\t0\t3\t0\r\n\
                    Front Desk HP\t1\t0\t4\t1\r\n\
                    Back office\t0\t1\t3\t0\r\n\
                    garbage line\r\n";
        let printers = parse_list(text);
        assert_eq!(printers.len(), 3);
        assert_eq!(printers[1].name, "Front Desk HP");
        assert!(printers[1].is_default && printers[1].two_sided);
        assert_eq!(printers[1].state, PrinterState::Busy);
        assert_eq!(
            printers[2].state,
            PrinterState::Stopped("offline".to_string())
        );
    }
}
