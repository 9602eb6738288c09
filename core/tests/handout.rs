//! The printed handout as a patient and a therapist meet it: real programs
//! (the shipped templates, the built-in library) exported to PDF and read
//! back with poppler's `pdftotext` and `pdffonts` and with lopdf.

use chrono::NaiveDate;
use ptbuilder_core::handout::{Handout, HandoutError, HandoutOptions, export};
use ptbuilder_core::library::{Exercise, ExerciseId, Library};
use ptbuilder_core::program::{Item, Patient, Phase, Program};
use ptbuilder_core::store::{self, HandoutLayout, Paper};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn library() -> &'static Library {
    Library::builtin()
}

fn templates() -> Vec<(String, Program)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../programs");
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap();
            let (program, _) = store::read_program(&text, &path.display().to_string(), library())
                .unwrap_or_else(|problems| panic!("{problems:?}"));
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, program)
        })
        .collect()
}

fn template(name: &str) -> Program {
    templates()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no template {name}"))
        .1
}

/// The detailed layout, one exercise at a time: these tests hold it to
/// what it always did (the compact and summary layouts have their own
/// tests in `layouts.rs`).
fn options() -> HandoutOptions {
    HandoutOptions {
        layout: HandoutLayout::Detailed,
        ..HandoutOptions::default()
    }
}

fn print(program: &Program, options: &HandoutOptions) -> Handout {
    export(program, library(), options).unwrap_or_else(|e| panic!("{}: {e}", program.title))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn exercise(id: &str) -> &'static Exercise {
    library()
        .get(&ExerciseId::new(id))
        .unwrap_or_else(|| panic!("no exercise {id}"))
}

/// A program for "Jürgen Müller" with the given exercises in one phase.
fn program_with(ids: &[&str]) -> Program {
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

/// Runs a poppler tool on the PDF and returns its output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handout.pdf");
    fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text of each page, in reading order, with runs of white space
/// (including line ends) turned into single spaces.
fn pages_text(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", &["-enc", "UTF-8"], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(squash).collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_text(pdf: &[u8]) -> String {
    pages_text(pdf).join(" ")
}

fn fonts(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handout.pdf");
    fs::write(&path, pdf).unwrap();
    let output = Command::new("pdffonts").arg(&path).output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// Width and height of the first page's media box, in points.
fn media_box(pdf: &[u8]) -> (f32, f32) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let dict = doc.get_dictionary(page).unwrap();
    let values: Vec<f32> = dict
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    (values[2] - values[0], values[3] - values[1])
}

/// Where `needle` is in `haystack`, after `from`.
fn find_after(haystack: &str, needle: &str, from: usize) -> usize {
    haystack[from..]
        .find(needle)
        .map(|at| at + from)
        .unwrap_or_else(|| panic!("{needle:?} not found after position {from}"))
}

#[test]
fn every_template_prints_names_steps_and_doses_in_reading_order() {
    for (name, program) in templates() {
        let handout = print(&program, &options());
        assert!(
            handout.warnings.is_empty(),
            "{name}: {:?}",
            handout.warnings
        );
        let text = all_text(&handout.pdf);
        let mut at = find_after(&text, program.title.trim(), 0);
        let mut seen = std::collections::HashSet::new();
        for item in program.items() {
            let exercise = program.exercise(&item.exercise, library()).unwrap();
            at = find_after(&text, exercise.name.trim(), at);
            // The first time an exercise appears, all its steps are printed.
            if seen.insert(exercise.id.clone()) {
                for step in &exercise.steps {
                    at = find_after(&text, &squash(step), at);
                }
            }
            at = find_after(&text, &squash(&item.dose_or(exercise).describe()), at);
        }
    }
}

#[test]
fn an_exercise_never_runs_onto_a_second_page() {
    let papers = [Paper::A4, Paper::Letter];
    for ((name, program), paper) in templates()
        .into_iter()
        .flat_map(|t| papers.map(|p| (t.clone(), p)))
    {
        let name = format!("{name} on {paper}");
        let options = HandoutOptions { paper, ..options() };
        let handout = print(&program, &options);
        let pages = pages_text(&handout.pdf);
        let mut number = 0;
        let mut seen = std::collections::HashSet::new();
        for item in program.items() {
            number += 1;
            let exercise = program.exercise(&item.exercise, library()).unwrap();
            let title = format!("{number} {}", exercise.name.trim());
            let dose = squash(&item.dose_or(exercise).describe());
            let page = pages
                .iter()
                .find(|p| p.contains(&title))
                .unwrap_or_else(|| panic!("{name}: {title:?} not found"));
            assert!(
                page.contains(&dose),
                "{name}: {title} and its dose are apart"
            );
            if seen.insert(exercise.id.clone()) {
                for caution in &exercise.cautions {
                    assert!(
                        page.contains(&squash(caution)),
                        "{name}: {title} lost {caution:?}"
                    );
                }
            }
            assert!(
                !pages
                    .iter()
                    .any(|p| p.contains(&format!("{title} (continued)"))),
                "{name}: {title} was split"
            );
        }
    }
}

#[test]
fn every_page_has_its_number_and_the_title_at_the_foot() {
    let program = template("low-back-strength");
    let handout = print(&program, &options());
    let pages = pages_text(&handout.pdf);
    assert_eq!(pages.len(), handout.pages);
    assert!(handout.pages > 3);
    for (n, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {}", n + 1, handout.pages);
        assert!(page.contains(&footer), "page {}: {page}", n + 1);
        assert!(page.contains(program.title.trim()), "page {}", n + 1);
    }
}

#[test]
fn fonts_are_atkinson_embedded_and_subset() {
    let handout = print(&template("core-stability"), &options());
    let listing = fonts(&handout.pdf);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{listing}");
    for face in ["AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"] {
        let row = rows
            .iter()
            .find(|r| r.contains(face))
            .unwrap_or_else(|| panic!("{face} missing: {listing}"));
        // A six-letter subset tag, then embedded, subset, with a Unicode map.
        assert!(row.split('+').next().unwrap().len() == 6, "{row}");
        assert!(row.contains("yes yes yes"), "{row}");
    }
}

#[test]
fn characters_atkinson_lacks_come_from_dejavu_and_unknown_ones_are_flagged() {
    let mut program = program_with(&["bridge"]);
    program.phases[0].items[0].note = "Дышите спокойно → then rest. 中".into();
    let handout = print(&program, &options());
    let text = all_text(&handout.pdf);
    assert!(text.contains("Дышите спокойно → then rest. ?"), "{text}");
    assert!(fonts(&handout.pdf).contains("DejaVuSans"));
    assert_eq!(handout.warnings.len(), 1, "{:?}", handout.warnings);
    assert!(handout.warnings[0].contains("U+4E2D"));
}

#[test]
fn accented_names_extract_exactly() {
    let mut program = program_with(&["bridge", "bird-dog"]);
    program.phases[0].items[0].note =
        "Straße, Ñandú, café, señora, Ærø, Łódź: Übung zweimal täglich.".into();
    let handout = print(&program, &options());
    assert!(handout.warnings.is_empty(), "{:?}", handout.warnings);
    let text = all_text(&handout.pdf);
    for expected in [
        "Jürgen Müller",
        "Renée Ibáñez",
        "Straße, Ñandú, café, señora, Ærø, Łódź: Übung zweimal täglich.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    // The header names the patient, the clinic, the phone and the dates.
    for expected in [
        "Riverside Physio",
        "555 0100",
        "4 March 2026",
        "18 March 2026",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
}

#[test]
fn the_same_program_gives_the_same_bytes_every_time() {
    let program = template("desk-worker-posture");
    let first = print(&program, &options());
    // Something else in between must not change the next export.
    print(&template("core-stability"), &options());
    let second = print(&program, &options());
    assert_eq!(first.pdf, second.pdf);
    let large = HandoutOptions {
        large_print: true,
        ..options()
    };
    assert_eq!(print(&program, &large).pdf, print(&program, &large).pdf);
}

#[test]
fn large_print_is_bigger_and_takes_more_pages() {
    let program = template("low-back-strength");
    let normal = print(&program, &options());
    let large = print(
        &program,
        &HandoutOptions {
            large_print: true,
            ..options()
        },
    );
    assert!(
        large.pages > normal.pages,
        "{} vs {}",
        large.pages,
        normal.pages
    );
    // The offer of large print is made only in the regular handout.
    assert!(all_text(&normal.pdf).contains("large-print copy"));
    assert!(!all_text(&large.pdf).contains("large-print copy"));
}

#[test]
fn the_tracking_chart_is_on_by_default_and_can_be_left_out() {
    let program = template("acute-low-back-spasm");
    let with = print(&program, &options());
    let without = print(
        &program,
        &HandoutOptions {
            tracking_chart: false,
            ..options()
        },
    );
    assert!(with.pages > without.pages);
    let pages = pages_text(&with.pdf);
    let chart = pages
        .iter()
        .find(|p| p.contains("Your exercise diary"))
        .expect("a chart page");
    for label in [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Pain today (0 to 10)",
    ] {
        assert!(chart.contains(label), "{label}");
    }
    // Every exercise has its row.
    for (n, item) in program.items().enumerate() {
        let name = &program.exercise(&item.exercise, library()).unwrap().name;
        assert!(chart.contains(&format!("{}. {name}", n + 1)), "{name}");
    }
    assert!(all_text(&with.pdf).contains("Notes and questions"));
    assert!(!all_text(&without.pdf).contains("Your exercise diary"));
}

#[test]
fn letter_and_a4_have_their_own_page_size() {
    let program = template("core-stability");
    let a4 = print(&program, &options());
    let letter = print(
        &program,
        &HandoutOptions {
            paper: Paper::Letter,
            ..options()
        },
    );
    let (w, h) = media_box(&a4.pdf);
    assert!(
        (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
        "{w} x {h}"
    );
    let (w, h) = media_box(&letter.pdf);
    assert!(
        (w - 612.0).abs() < 0.01 && (h - 792.0).abs() < 0.01,
        "{w} x {h}"
    );
}

#[test]
fn a_missing_picture_prints_a_placeholder_and_warns() {
    let mut program = program_with(&["bridge", "bird-dog"]);
    let mut custom = exercise("bridge").clone();
    custom.id = ExerciseId::new("bridge-on-a-step");
    custom.name = "Bridge on a step".into();
    custom.picture = Some("my-step-bridge.png".into());
    program.exercises.push(custom.clone());
    program.phases[0].items.push(Item::new(&custom));
    let handout = print(&program, &options());
    assert_eq!(handout.warnings.len(), 1, "{:?}", handout.warnings);
    assert!(handout.warnings[0].contains("my-step-bridge.png"));
    let text = all_text(&handout.pdf);
    assert!(text.contains("Bridge on a step"));
    assert!(text.contains("Picture not available"));
}

#[test]
fn a_picture_from_the_therapists_folder_is_used() {
    let folder = tempfile::tempdir().unwrap();
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect x="10" y="10" width="280" height="180" fill="none" stroke="#000" stroke-width="6"/></svg>"##;
    fs::write(folder.path().join("own.svg"), svg).unwrap();
    let mut program = program_with(&["bridge"]);
    let mut custom = exercise("bird-dog").clone();
    custom.id = ExerciseId::new("own-bird-dog");
    custom.picture = Some("own.svg".into());
    program.exercises.push(custom.clone());
    program.phases[0].items.push(Item::new(&custom));
    let options = HandoutOptions {
        picture_folders: vec![folder.path().to_path_buf()],
        ..options()
    };
    let handout = print(&program, &options);
    assert!(handout.warnings.is_empty(), "{:?}", handout.warnings);
    assert!(!all_text(&handout.pdf).contains("Picture not available"));
}

#[test]
fn an_empty_program_is_refused_with_a_clear_message() {
    let mut program = program_with(&[]);
    program.phases.push(Phase::named("Later"));
    let error = export(&program, library(), &options()).unwrap_err();
    assert_eq!(error, HandoutError::Empty);
    assert_eq!(
        error.to_string(),
        "This program has no exercises yet: add at least one before printing."
    );
}

#[test]
fn an_unknown_exercise_is_refused_by_name() {
    let mut program = program_with(&["bridge"]);
    program.phases[0].items[0].exercise = ExerciseId::new("no-such-exercise");
    let error = export(&program, library(), &options()).unwrap_err();
    assert!(error.to_string().contains("no-such-exercise"), "{error}");
}

#[test]
fn a_hundred_exercises_print_whole_and_numbered() {
    let ids: Vec<&str> = library()
        .exercises()
        .iter()
        .map(|e| e.id.as_str())
        .cycle()
        .take(100)
        .collect();
    let mut program = program_with(&[]);
    // Ten phases of ten, so no exercise is a repeat within a phase.
    program.phases = ids
        .chunks(10)
        .enumerate()
        .map(|(n, chunk)| Phase {
            items: chunk.iter().map(|id| Item::new(exercise(id))).collect(),
            ..Phase::named(format!("Stage {}", n + 1))
        })
        .collect();
    let handout = print(&program, &options());
    let text = all_text(&handout.pdf);
    assert!(text.contains("100 "));
    assert!(text.contains("Stage 10"));
    assert!(handout.pages >= 20, "{}", handout.pages);
    assert_eq!(pages_text(&handout.pdf).len(), handout.pages);
}

#[test]
fn a_five_thousand_character_note_is_printed_in_full() {
    let sentence = "Keep your knees soft and breathe out as you lift. ";
    let note: String = sentence.repeat(100);
    assert_eq!(note.len(), 5000);
    let mut program = program_with(&["bridge", "bird-dog"]);
    program.phases[0].items[0].note = note.clone();
    program.notes = note.clone();
    let handout = print(&program, &options());
    // The text without the footers and the heading where the exercise
    // continues overleaf: both notes read on, sentence after sentence.
    let pages = pages_text(&handout.pdf);
    let text: Vec<String> = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            page.replace(
                &format!("{} Page {} of {}", program.title, n + 1, pages.len()),
                "",
            )
            .replace("1 Bridge (continued)", "")
        })
        .collect();
    let text = squash(&text.join(" "));
    assert_eq!(text.matches(sentence.trim()).count(), 200, "{text}");
    // Every page still has its footer, so nothing ran off the bottom.
    for (n, page) in pages_text(&handout.pdf).iter().enumerate() {
        assert!(page.contains(&format!("Page {} of", n + 1)));
    }
}

#[test]
fn a_template_leaves_lines_to_fill_in() {
    let program = template("core-stability");
    assert!(program.is_template());
    let text = all_text(&print(&program, &options()).pdf);
    assert!(text.contains("Name: ______"), "{text}");
    assert!(text.contains("Questions or worries? Call your clinic: ____"));
}

#[test]
fn the_safety_box_comes_before_the_exercises() {
    let program = program_with(&["bridge"]);
    let text = all_text(&print(&program, &options()).pdf);
    let safety = find_after(&text, "Stay safe", 0);
    for sign in [
        "sharp or shooting pain",
        "chest pain",
        "dizzy or faint",
        "groin, genitals or buttocks",
        "bladder or bowels",
        "weakness in one or both legs",
        "after a fall or an injury",
        "fever",
        "weight loss",
        "at night",
        "Call Riverside Physio on 555 0100",
    ] {
        find_after(&text, sign, safety);
    }
    assert!(find_after(&text, "1 Bridge", 0) > safety);
}
