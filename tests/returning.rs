//! A returning patient's program on the command line: what changed
//! between two versions (`diff`), the "What's new" box on the handout
//! (`export`), and the progress report (`report`). The real binary, a
//! temporary home folder, PDFs read back with pdftotext.

use chrono::NaiveDate;
use ptbuilder_core::library::{Exercise, ExerciseId, Library};
use ptbuilder_core::program::{Item, Patient, Program};
use ptbuilder_core::store::Store;
use std::path::Path;
use std::process::{Command, Output};

fn exercise(id: &str) -> &'static Exercise {
    Library::builtin().get(&ExerciseId::new(id)).unwrap()
}

/// An invented patient's first program: bridge (10 times) and pelvic tilt.
fn first_visit() -> Program {
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    program.title = "Back care at home".into();
    program.patient = Some(Patient {
        name: "Noor Haddad".into(),
        identifier: String::new(),
    });
    program.phases[0].items = ["bridge", "pelvic-tilt"]
        .iter()
        .map(|id| Item::new(exercise(id)))
        .collect();
    program.phases[0].items[0].dose.as_mut().unwrap().reps = Some(10);
    program
}

/// Two weeks later: the bridge 12 times, the pelvic tilt stopped, a plank added.
fn second_visit() -> Program {
    let mut program = first_visit();
    program.phases[0].items.remove(1);
    program.phases[0].items[0].dose.as_mut().unwrap().reps = Some(12);
    program.phases[0].items.push(Item::new(exercise("plank")));
    program
}

fn expected_lines() -> Vec<String> {
    vec![
        format!("{}: now 12 times (was 10).", exercise("bridge").name),
        format!("New: {}.", exercise("plank").name),
        format!("Stopped: {}.", exercise("pelvic-tilt").name),
    ]
}

fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ptbuilder"))
        .args(args)
        .env("PTBUILDER_HOME", home)
        .output()
        .unwrap()
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The PDF's text with runs of white space squashed.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args([
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ])
        .output()
        .expect("pdftotext is needed (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn diff_prints_one_plain_line_per_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let (old, new) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    store
        .save_program_safely(&old, &first_visit(), None)
        .unwrap();
    store
        .save_program_safely(&new, &second_visit(), None)
        .unwrap();
    let args = ["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    let printed = ok(&run(&dir.path().join("home"), &args));
    assert_eq!(printed.lines().collect::<Vec<_>>(), expected_lines());
    let same = ["diff", old.to_str().unwrap(), old.to_str().unwrap()];
    let printed = ok(&run(&dir.path().join("home"), &same));
    assert_eq!(printed.trim(), "No changes a patient would notice.");
}

#[test]
fn a_progressed_program_prints_whats_new_unless_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let store = Store::at(&home);
    let path = home.join("programs").join("noor.ron");
    store
        .save_program_safely(&path, &first_visit(), None)
        .unwrap();
    store
        .save_program_safely(&path, &second_visit(), None)
        .unwrap();
    let pdf = dir.path().join("noor.pdf");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export",
            path.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ];
        args.extend(extra);
        ok(&run(&home, &args));
        pdf_text(&pdf)
    };
    let text = export(&[]);
    assert!(text.contains("What's new since your last visit"), "{text}");
    for line in expected_lines() {
        assert!(text.contains(&squash(&line)), "{line} in {text}");
    }
    let text = export(&["--no-whats-new"]);
    assert!(!text.contains("What's new"), "{text}");
}

#[test]
fn export_with_changes_since_compares_with_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let (old, new) = (dir.path().join("march.ron"), dir.path().join("april.ron"));
    store
        .save_program_safely(&old, &first_visit(), None)
        .unwrap();
    store
        .save_program_safely(&new, &second_visit(), None)
        .unwrap();
    let pdf = dir.path().join("april.pdf");
    let args = [
        "export",
        new.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--changes-since",
        old.to_str().unwrap(),
    ];
    ok(&run(&dir.path().join("home"), &args));
    let text = pdf_text(&pdf);
    assert!(text.contains("What's new since your last visit"), "{text}");
    assert!(text.contains(&format!("New: {}.", exercise("plank").name)));
    // Without it, a file with no earlier versions has no box.
    let args = ["export", new.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
    ok(&run(&dir.path().join("home"), &args));
    assert!(!pdf_text(&pdf).contains("What's new"));
}

/// The second program with `count` weekly visits, pain easing and the
/// sessions done growing.
fn with_visits(count: u32) -> Program {
    use ptbuilder_core::program::{Done, Visit};
    let mut program = second_visit();
    for n in 0..count {
        let mut visit = Visit::on(
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap() + chrono::Days::new(7 * u64::from(n)),
        );
        visit.done = vec![
            Done {
                exercise: ExerciseId::new("bridge"),
                days: (4 + n % 4) as u16,
                planned: 7,
            },
            Done {
                exercise: ExerciseId::new("plank"),
                days: 7,
                planned: 7,
            },
        ];
        visit.pain = vec![(7 - n.min(6)) as u8, (6 - n.min(6)) as u8];
        visit.note = format!(
            "Visit {}: walked to the shops and back without stopping, slept better",
            n + 1
        );
        program.visits.push(visit);
    }
    program
}

fn pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_progress_report_is_one_page_with_the_visits_chart_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = dir.path().join("noor.ron");
    store
        .save_program_safely(&path, &first_visit(), None)
        .unwrap();
    store
        .save_program_safely(&path, &with_visits(3), None)
        .unwrap();
    let pdf = dir.path().join("report.pdf");
    let args = [
        "report",
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ];
    let printed = ok(&run(&dir.path().join("home"), &args));
    assert!(printed.contains("progress report of 3 visits"), "{printed}");
    assert_eq!(pages(&pdf), 1);
    let text = pdf_text(&pdf);
    for expected in [
        "Progress report",
        "Patient: Noor Haddad",
        "Pain and exercise at each visit",
        "Visits",
        "9 Mar 2026",
        "23 Mar 2026",
        "11 of 14 sessions (79%)",
        "6.5",
        "Changes to the program",
        "New: Plank.",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}

#[test]
fn a_long_history_still_fits_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = dir.path().join("long.ron");
    let mut program = with_visits(40);
    program.title = "Back care at home".into();
    store
        .save_program_safely(&path, &first_visit(), None)
        .unwrap();
    for reps in 11..30 {
        program.phases[0].items[0].dose.as_mut().unwrap().reps = Some(reps);
        store.save_program_safely(&path, &program, None).unwrap();
    }
    let pdf = dir.path().join("report.pdf");
    let args = [
        "report",
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--paper",
        "letter",
    ];
    ok(&run(&dir.path().join("home"), &args));
    assert_eq!(pages(&pdf), 1);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("earlier visits are in the program file"),
        "{text}"
    );
    assert!(text.contains("earlier changes"), "{text}");
}
