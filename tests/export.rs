//! `ptbuilder export` as the therapist runs it: the real binary, a
//! temporary home folder, and the PDF read back.

use chrono::NaiveDate;
use ptbuilder_core::library::{Exercise, ExerciseId, Library};
use ptbuilder_core::program::{Item, Patient, Program};
use ptbuilder_core::store;
use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;

fn exercise(id: &str) -> &'static Exercise {
    Library::builtin()
        .get(&ExerciseId::new(id))
        .unwrap_or_else(|| panic!("no exercise {id}"))
}

/// A program for an invented patient with these exercises in one phase.
fn program_with(ids: &[&str]) -> Program {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut program = Program::new(date(2026, 3, 4));
    program.title = "Back care at home".into();
    program.patient = Some(Patient {
        name: "Jürgen Müller".into(),
        identifier: String::new(),
    });
    program.clinician = "Renée Ibáñez".into();
    program.clinic = "Riverside Physio".into();
    program.phone = "555 0100".into();
    program.review = Some(date(2026, 3, 18));
    program.phases[0].items = ids.iter().map(|id| Item::new(exercise(id))).collect();
    program
}

/// Runs a poppler tool with these arguments and returns what it printed.
fn poppler(tool: &str, args: &[&OsStr]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The PDF's text with runs of white space squashed.
fn all_text(pdf: &Path) -> String {
    // "-" prints to standard output instead of a file beside the PDF.
    let text = poppler(
        "pdftotext",
        &[
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first page's width in points, as `pdfinfo` reports it.
fn page_width(pdf: &Path) -> f32 {
    let info = poppler("pdfinfo", &[pdf.as_os_str()]);
    let size = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .expect("pdfinfo reports a page size");
    size.split_whitespace().next().unwrap().parse().unwrap()
}

fn run(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ptbuilder"))
        .args(args)
        .env("PTBUILDER_HOME", home)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn export_writes_the_pdf_and_reports_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.pdf");
    let output = run(
        &dir.path().join("home"),
        &[
            "export",
            "programs/core-stability.ron",
            "-o",
            out.to_str().unwrap(),
            "--paper",
            "letter",
            "--large-print",
            "--no-chart",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let pdf = fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!((page_width(&out) - 612.0).abs() < 0.5);
    assert!(!all_text(&out).contains("Your exercise diary"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("pages"), "{stdout}");
    // Nothing but the PDF is left in the folder.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn export_uses_the_therapists_own_exercises_and_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let store = store::Store::at(&home);
    let mut custom = exercise("bridge").clone();
    custom.id = ExerciseId::new("step-bridge");
    custom.name = "Bridge with feet on a step".into();
    custom.picture = Some("step.svg".into());
    store.save_exercise(&custom).unwrap();
    fs::create_dir_all(home.join("pictures")).unwrap();
    fs::write(
        home.join("pictures/step.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#,
    )
    .unwrap();
    // The program names the exercise without carrying a copy of it.
    let mut program = program_with(&["bird-dog"]);
    program.phases[0].items.push(Item::new(&custom));
    let file = dir.path().join("program.ron");
    fs::write(&file, store::to_ron(&program)).unwrap();
    let out = dir.path().join("handout.pdf");
    let output = run(
        &home,
        &[
            "export",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let text = all_text(&out);
    assert!(text.contains("2 Bridge with feet on a step"), "{text}");
    assert!(!text.contains("Picture not available"));
}

#[test]
fn export_fails_and_writes_nothing_on_any_error() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let out = dir.path().join("handout.pdf");
    let empty = dir.path().join("empty.ron");
    fs::write(&empty, store::to_ron(&program_with(&[]))).unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "Program(title: ").unwrap();
    let out_arg = out.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["export", empty.to_str().unwrap(), "-o", out_arg],
            "no exercises yet",
        ),
        (
            &["export", broken.to_str().unwrap(), "-o", out_arg],
            "broken.ron",
        ),
        (
            &["export", "programs/no-such.ron", "-o", out_arg],
            "no-such.ron",
        ),
        (
            &[
                "export",
                "programs/core-stability.ron",
                "-o",
                out_arg,
                "--paper",
                "a5",
            ],
            "choose a4 or letter",
        ),
    ];
    for (args, message) in cases {
        let output = run(&home, args);
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    // An existing handout is left as it was when the export fails.
    fs::write(&out, b"earlier handout").unwrap();
    let output = run(&home, &["export", empty.to_str().unwrap(), "-o", out_arg]);
    assert!(!output.status.success());
    assert_eq!(fs::read(&out).unwrap(), b"earlier handout");
    // No temporary file is left behind either.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn the_layout_is_chosen_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let out = dir.path().join("card.pdf");
    let output = run(
        &home,
        &[
            "export",
            "programs/low-back-strength.ron",
            "-o",
            out.to_str().unwrap(),
            "--layout",
            "summary",
            "--phase",
            "2",
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("handout of 1 page"), "{stdout}");
    let text = all_text(&out);
    assert!(
        text.contains("Weeks 3"),
        "the second phase is on the card: {text}"
    );

    let wrong = run(
        &home,
        &[
            "export",
            "programs/low-back-strength.ron",
            "-o",
            out.to_str().unwrap(),
            "--layout",
            "poster",
        ],
    );
    assert!(!wrong.status.success());
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        stderr.contains("choose compact, detailed or summary"),
        "{stderr}"
    );
}

#[test]
fn a_spanish_export_is_in_spanish_and_names_an_exercise_it_prints_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut program = program_with(&["bridge", "bird-dog"]);
    let mut custom = exercise("clamshell").clone();
    custom.id = ExerciseId::new("my-clamshell");
    custom.name = "My clamshell".into();
    custom.translations.clear();
    program.phases[0].items.push(Item::new(&custom));
    program.exercises.push(custom);
    let file = dir.path().join("programa.ron");
    fs::write(&file, store::to_ron(&program)).unwrap();
    let out = dir.path().join("folleto.pdf");
    let output = run(
        &dir.path().join("home"),
        &[
            "export",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--language",
            "es",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // The checker names it at its place, and the export warns once more.
    assert!(
        stderr.contains("My clamshell has no Spanish text: the handout prints it in English"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: 1 exercise has no Spanish text and prints in English: My clamshell"
        ),
        "{stderr}"
    );
    let text = all_text(&out);
    for expected in ["Para su seguridad", "Puente", "My clamshell", "Página 1 de"] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }

    let wrong = run(
        &dir.path().join("home"),
        &[
            "export",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--language",
            "fr",
        ],
    );
    assert!(!wrong.status.success());
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(stderr.contains("[possible values: en, es]"), "{stderr}");
}
