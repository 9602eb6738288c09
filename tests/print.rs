//! Printing through a real CUPS scheduler, not a mock: the real binary
//! prints a shipped template on a CUPS-PDF printer and the file the
//! printer writes is read back with `pdfinfo`.
//!
//! These tests need a running scheduler, so they are `#[ignore]`d in a
//! plain `cargo test` and say why; `tools/print/check-cups.sh` installs
//! CUPS and CUPS-PDF, adds the printer and runs them with `--ignored`. Run
//! that way, a missing setting fails the test instead of skipping it:
//! - `PTBUILDER_TEST_PRINTER`: the CUPS-PDF printer's name;
//! - `PTBUILDER_TEST_PRINT_OUTPUT`: the folder CUPS-PDF writes to.
//!
//! The tests take turns (one stops the printer for a while).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WHY: &str = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh";

/// The scheduler is shared; one test at a time.
static SCHEDULER: Mutex<()> = Mutex::new(());

const TEMPLATE: &str = "programs/low-back-strength.ron";

fn setting(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set; run tools/print/check-cups.sh"))
}

fn printer() -> String {
    setting("PTBUILDER_TEST_PRINTER")
}

fn output_folder() -> PathBuf {
    PathBuf::from(setting("PTBUILDER_TEST_PRINT_OUTPUT"))
}

fn ptbuilder(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ptbuilder"))
        .args(args)
        .env("PTBUILDER_HOME", home)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Pages of a PDF, from `pdfinfo`.
fn pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo").arg(pdf).output().unwrap();
    text(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo read no page count from {}", pdf.display()))
}

fn pdfs_in(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits (up to a minute) for a PDF that was not in `before` to appear
/// and be finished (pdfinfo can read it).
fn new_pdf(folder: &Path, before: &[PathBuf]) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        for pdf in pdfs_in(folder) {
            let readable = Command::new("pdfinfo")
                .arg(&pdf)
                .output()
                .is_ok_and(|o| o.status.success());
            if !before.contains(&pdf) && readable {
                return pdf;
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    panic!(
        "no printed PDF arrived in {} within a minute",
        folder.display()
    );
}

/// The number in "Sent 8 pages to …".
fn sent_pages(stdout: &str) -> usize {
    stdout
        .strip_prefix("Sent ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a Sent line: {stdout:?}"))
}

fn cups(program: &str, args: &[&str]) {
    let status = Command::new(program).args(args).status().unwrap();
    assert!(status.success(), "{program} {args:?} failed");
}

#[test]
#[ignore = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh"]
fn a_printed_template_arrives_with_the_same_pages_as_its_export() {
    let _turn = SCHEDULER.lock().unwrap_or_else(|e| e.into_inner());
    let home = tempfile::tempdir().unwrap();
    let exported = home.path().join("exported.pdf");
    let export = ptbuilder(
        home.path(),
        &["export", TEMPLATE, "-o", exported.to_str().unwrap()],
    );
    assert!(export.status.success(), "{}", text(&export.stderr));
    let expected = pages(&exported);

    let folder = output_folder();
    let before = pdfs_in(&folder);
    let printer = printer();
    let print = ptbuilder(home.path(), &["print", TEMPLATE, "--printer", &printer]);
    assert!(print.status.success(), "{WHY}\n{}", text(&print.stderr));
    let said = text(&print.stdout);
    assert!(said.contains(" pages to "), "{said}");
    assert_eq!(sent_pages(&said), expected, "{said}");

    let printed = new_pdf(&folder, &before);
    assert_eq!(pages(&printed), expected, "{}", printed.display());
    let _ = std::fs::remove_file(&printed);
    // Printing left nothing behind in ptbuilder's folders.
    let programs = home.path().join("programs");
    assert!(
        pdfs_in(&programs).is_empty(),
        "a PDF was left in the programs folder"
    );
}

#[test]
#[ignore = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh"]
fn both_prints_the_handout_and_the_card_in_one_job() {
    let _turn = SCHEDULER.lock().unwrap_or_else(|e| e.into_inner());
    let home = tempfile::tempdir().unwrap();
    let card = home.path().join("card.pdf");
    let handout = home.path().join("handout.pdf");
    for (layout, path) in [("summary", &card), ("compact", &handout)] {
        let export = ptbuilder(
            home.path(),
            &[
                "export",
                TEMPLATE,
                "--layout",
                layout,
                "-o",
                path.to_str().unwrap(),
            ],
        );
        assert!(export.status.success(), "{}", text(&export.stderr));
    }
    let folder = output_folder();
    let before = pdfs_in(&folder);
    let print = ptbuilder(
        home.path(),
        &[
            "print",
            TEMPLATE,
            "--printer",
            &printer(),
            "--what",
            "both",
            "--layout",
            "compact",
        ],
    );
    assert!(print.status.success(), "{}", text(&print.stderr));
    let printed = new_pdf(&folder, &before);
    // CUPS-PDF prints on one side, so no blank page between the two.
    assert_eq!(pages(&printed), pages(&handout) + pages(&card));
    let _ = std::fs::remove_file(&printed);
}

#[test]
#[ignore = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh"]
fn the_printers_list_marks_the_default() {
    let _turn = SCHEDULER.lock().unwrap_or_else(|e| e.into_inner());
    let home = tempfile::tempdir().unwrap();
    let listed = ptbuilder(home.path(), &["printers"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let line = text(&listed.stdout)
        .lines()
        .find(|line| {
            line.get(2..)
                .is_some_and(|rest| rest.starts_with(&printer()))
        })
        .map(str::to_string)
        .unwrap_or_else(|| panic!("{} is not listed", printer()));
    assert!(line.starts_with("* ") && line.contains("default"), "{line}");
}

#[test]
#[ignore = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh"]
fn an_unknown_printer_is_named_with_the_printers_there_are() {
    let _turn = SCHEDULER.lock().unwrap_or_else(|e| e.into_inner());
    let home = tempfile::tempdir().unwrap();
    let print = ptbuilder(home.path(), &["print", TEMPLATE, "--printer", "Nowhere"]);
    assert!(!print.status.success());
    let said = text(&print.stderr);
    assert!(
        said.contains("There is no printer called “Nowhere”. The printers here are: ")
            && said.contains(&printer()),
        "{said}"
    );
}

#[test]
#[ignore = "needs a CUPS scheduler with a CUPS-PDF printer: run tools/print/check-cups.sh"]
fn a_stopped_printer_gets_nothing_and_says_why() {
    let _turn = SCHEDULER.lock().unwrap_or_else(|e| e.into_inner());
    let home = tempfile::tempdir().unwrap();
    let printer = printer();
    let folder = output_folder();
    let before = pdfs_in(&folder);
    cups("cupsdisable", &["-r", "Out of paper", &printer]);
    let print = ptbuilder(home.path(), &["print", TEMPLATE, "--printer", &printer]);
    let queue = Command::new("lpstat")
        .args(["-o", &printer])
        .output()
        .unwrap();
    cups("cupsenable", &[&printer]);
    assert!(!print.status.success());
    let said = text(&print.stderr);
    assert!(
        said.contains("is stopped (Out of paper), so nothing was sent."),
        "{said}"
    );
    assert!(text(&queue.stdout).trim().is_empty(), "a job was queued");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(pdfs_in(&folder).len(), before.len(), "something printed");
}
