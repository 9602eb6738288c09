//! Handouts in Spanish as a Spanish-speaking patient meets them: every
//! shipped exercise and template has its Spanish words, a Spanish export
//! of every template prints no English heading or label (read back with
//! poppler's `pdftotext`), and accents, ñ, ¿ and ¡ print in the embedded
//! font.

use chrono::NaiveDate;
use ptbuilder_core::handout::{HandoutOptions, export};
use ptbuilder_core::library::{Dose, Exercise, ExerciseId, ExerciseText, Library};
use ptbuilder_core::program::{Item, Patient, Program};
use ptbuilder_core::store::{self, HandoutLayout, Paper};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn library() -> &'static Library {
    Library::builtin()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `.ron` files of a folder, sorted by name.
fn ron_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Program {
    let text = fs::read_to_string(path).unwrap();
    store::read_program(&text, &path.display().to_string(), library())
        .unwrap_or_else(|problems| panic!("{problems:#?}"))
        .0
}

/// Every shipped template as (file name, English, Spanish).
fn templates() -> Vec<(String, Program, Program)> {
    let english = ron_files(&root().join("programs"));
    assert!(!english.is_empty());
    english
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let spanish = root().join("programs/es").join(&name);
            assert!(spanish.exists(), "programs/es/{name} is missing");
            (name, read(path), read(&spanish))
        })
        .collect()
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

#[test]
fn the_shipped_library_reads_without_a_problem_in_any_language() {
    assert_eq!(Library::builtin_problems(), &[] as &[String]);
}

#[test]
fn every_shipped_exercise_has_every_field_in_spanish() {
    let mut missing = Vec::new();
    for exercise in library().exercises() {
        let id = exercise.id.as_str();
        let Some(text) = exercise.translations.get("es") else {
            missing.push(format!("{id}: no assets/library/es/{id}.ron"));
            continue;
        };
        let checks = [
            ("name", filled(&text.name)),
            ("purpose", filled(&text.purpose)),
            ("start", filled(&text.start)),
            (
                "aliases",
                exercise.aliases.is_empty() || !text.aliases.is_empty(),
            ),
            ("steps", text.steps.len() == exercise.steps.len()),
            ("mistakes", text.mistakes.len() == exercise.mistakes.len()),
            ("cautions", text.cautions.len() == exercise.cautions.len()),
            (
                "every line",
                text.steps
                    .iter()
                    .chain(&text.mistakes)
                    .chain(&text.cautions)
                    .chain(&text.aliases)
                    .all(|line| filled(line)),
            ),
            ("a name of its own", text.name != exercise.name),
            (
                "when (its usual dose names a moment)",
                exercise.dose.when.is_none() || text.when.as_deref().is_some_and(filled),
            ),
            (
                "load (its usual dose names one)",
                exercise.dose.load.is_none() || text.load.as_deref().is_some_and(filled),
            ),
        ];
        for (field, ok) in checks {
            if !ok {
                missing.push(format!("{id}: {field}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// A template's own words, as (field, text), in order.
fn words(program: &Program) -> Vec<(String, String)> {
    let mut words = vec![
        ("title".to_string(), program.title.clone()),
        ("condition".to_string(), program.condition.clone()),
        ("notes".to_string(), program.notes.clone()),
    ];
    for (i, goal) in program.goals.iter().enumerate() {
        words.push((format!("goals[{i}]"), goal.clone()));
    }
    for (i, precaution) in program.precautions.iter().enumerate() {
        words.push((format!("precautions[{i}]"), precaution.clone()));
    }
    for (p, phase) in program.phases.iter().enumerate() {
        words.push((format!("phases[{p}].name"), phase.name.clone()));
        words.push((
            format!("phases[{p}].advance_when"),
            phase.advance_when.clone(),
        ));
        for (i, item) in phase.items.iter().enumerate() {
            words.push((format!("phases[{p}].items[{i}].note"), item.note.clone()));
        }
    }
    words
}

/// Each item's exercise and dose, without the dose's words (its moment
/// and load), which are translated.
fn numbers(program: &Program) -> Vec<(ExerciseId, Option<Dose>)> {
    program
        .items()
        .map(|item| {
            let dose = item.dose.clone().map(|dose| Dose {
                when: dose.when.map(|_| String::new()),
                load: dose.load.map(|_| String::new()),
                ..dose
            });
            (item.exercise.clone(), dose)
        })
        .collect()
}

#[test]
fn every_template_has_every_field_in_spanish_with_the_same_exercises_and_doses() {
    for (name, english, spanish) in templates() {
        assert_eq!(spanish.language, "es", "{name}");
        let (en, es) = (words(&english), words(&spanish));
        assert_eq!(
            en.iter().map(|w| &w.0).collect::<Vec<_>>(),
            es.iter().map(|w| &w.0).collect::<Vec<_>>(),
            "{name}: the same goals, precautions, phases and exercises"
        );
        for ((field, english), (_, spanish)) in en.iter().zip(&es) {
            assert_eq!(filled(english), filled(spanish), "{name}: {field}");
            if filled(english) {
                assert_ne!(english, spanish, "{name}: {field} is still in English");
            }
        }
        assert_eq!(
            numbers(&english),
            numbers(&spanish),
            "{name}: exercises and doses"
        );
    }
}

/// Runs a poppler tool on the PDF and returns its output.
fn poppler(tool: &str, pdf: &[u8], text: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folleto.pdf");
    fs::write(&path, pdf).unwrap();
    let mut command = Command::new(tool);
    if text {
        command.args(["-enc", "UTF-8"]).arg(&path).arg("-");
    } else {
        command.arg(&path);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(output.status.success(), "{tool}");
    String::from_utf8(output.stdout).unwrap()
}

/// The text of the whole PDF with runs of white space as single spaces.
fn all_text(pdf: &[u8]) -> String {
    poppler("pdftotext", pdf, true)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Headings and labels the handout prints in English; none may be left
/// in a Spanish handout.
const ENGLISH_LABELS: &[&str] = &[
    "Stay safe",
    "Pain while you exercise",
    "Stop at once",
    "emergency department",
    "See a doctor",
    "Questions or worries",
    "What we are working on",
    "About your program",
    "Your goals",
    "Condition:",
    "Take care",
    "How long:",
    "How much:",
    "Get into position",
    "You need:",
    "Your therapist says",
    "You know this one",
    "Avoid",
    "Move on when",
    "Your exercise diary",
    "Pain today",
    "Week starting",
    "Notes and questions",
    "Page 1 of",
    "Date given",
    "Next visit",
    "Need bigger print",
    "Get help at once",
    "Hold for",
    "Keep going",
    "Do it",
    "a day",
    "every day",
    "times",
    "Start",
    "Finish",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
];

/// True when `text` has `label`: as a whole word for one word (so "Mon"
/// is not found in "Montar"), as it stands for more.
fn has_label(text: &str, label: &str) -> bool {
    if label.contains(' ') {
        return text.contains(label);
    }
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| word == label)
}

#[test]
fn a_spanish_export_of_every_template_prints_no_english_heading_or_label() {
    for (name, _, spanish) in templates() {
        let mut program = spanish.instantiate(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        program.patient = Some(Patient {
            name: "Rosa Díaz Peña".into(),
            identifier: String::new(),
        });
        program.review = NaiveDate::from_ymd_opt(2026, 3, 18);
        for layout in [
            HandoutLayout::Compact,
            HandoutLayout::Detailed,
            HandoutLayout::Summary,
        ] {
            let options = HandoutOptions {
                layout,
                paper: Paper::Letter,
                ..HandoutOptions::default()
            };
            let handout =
                export(&program, library(), &options).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                handout.warnings.is_empty(),
                "{name} {layout}: {:?}",
                handout.warnings
            );
            let text = all_text(&handout.pdf);
            for label in ENGLISH_LABELS {
                assert!(
                    !has_label(&text, label),
                    "{name} {layout}: {label:?} is in English in:\n{text}"
                );
            }
            let mut expected = vec!["Página 1 de", "Para su seguridad", "Rosa Díaz Peña"];
            if layout == HandoutLayout::Summary {
                expected = vec!["Página 1 de", "Pida ayuda enseguida", "Rosa Díaz Peña"];
            } else {
                expected.extend(["Cuánto:", "4 de marzo de 2026", "18 de marzo de 2026"]);
                expected.extend([
                    "Su diario de ejercicios",
                    "Dolor hoy (0 a 10)",
                    "Lun",
                    "Dom",
                ]);
            }
            for spanish in expected {
                assert!(text.contains(spanish), "{name} {layout}: no {spanish:?}");
            }
        }
    }
}

/// A custom exercise that carries its own Spanish words.
fn wall_squat() -> Exercise {
    let mut exercise = library()
        .get(&ExerciseId::new("sit-to-stand"))
        .unwrap()
        .clone();
    exercise.id = ExerciseId::new("sentadilla-pared");
    exercise.name = "Wall squat".into();
    exercise.translations.clear();
    exercise.translations.insert(
        "es".into(),
        ExerciseText {
            name: "Sentadilla en la pared, ¡con calma!".into(),
            aliases: vec![],
            purpose: "Fortalece las piernas. ¿Le cuesta subir escaleras? Esto le ayuda.".into(),
            start: "Apoye la espalda en la pared, con los pies a un paso de ella.".into(),
            steps: vec![
                "Baje despacio, como si se sentara en una silla pequeña.".into(),
                "Suba otra vez. Señora o señor: ¡no aguante la respiración!".into(),
            ],
            mistakes: vec!["Dejar que las rodillas pasen de la punta del pie.".into()],
            cautions: vec!["Pare si le duele la rodilla o la cadera.".into()],
            ..ExerciseText::default()
        },
    );
    exercise
}

fn spanish_program(exercise: Exercise) -> Program {
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
    program.language = "es".into();
    program.title = "Piernas más fuertes en casa".into();
    program.patient = Some(Patient {
        name: "Íñigo Muñoz Núñez".into(),
        identifier: String::new(),
    });
    program.phases[0].name = "Semanas 1 y 2: empezar con suavidad".into();
    program.phases[0].items.push(Item::new(&exercise));
    program.phases[0].items[0].note = "¿Dudas? ¡Llámenos! Año, niño, pingüino, acción.".into();
    program.exercises.push(exercise);
    program
}

#[test]
fn accents_enye_and_spanish_question_and_exclamation_marks_print_in_the_embedded_font() {
    let program = spanish_program(wall_squat());
    for layout in [HandoutLayout::Compact, HandoutLayout::Detailed] {
        let options = HandoutOptions {
            layout,
            ..HandoutOptions::default()
        };
        let handout = export(&program, library(), &options).unwrap();
        // No character fell back to another font or to "?".
        assert!(handout.warnings.is_empty(), "{:?}", handout.warnings);
        let fonts = poppler("pdffonts", &handout.pdf, false);
        assert!(!fonts.contains("DejaVu"), "{fonts}");
        assert!(fonts.contains("AtkinsonHyperlegible"), "{fonts}");
        let text = all_text(&handout.pdf);
        // The purpose is printed in the detailed layout only.
        if layout == HandoutLayout::Detailed {
            assert!(text.contains("¿Le cuesta subir escaleras?"), "{text}");
        }
        for expected in [
            "Íñigo Muñoz Núñez",
            "Sentadilla en la pared, ¡con calma!",
            "¿Dudas? ¡Llámenos! Año, niño, pingüino, acción.",
            "Señora o señor: ¡no aguante la respiración!",
            "2 de diciembre de 2026",
            "Página 1 de",
            "Cómo empezar:",
            "Tenga cuidado",
        ] {
            assert!(text.contains(expected), "{expected:?} not in {text}");
        }
    }
}

#[test]
fn an_exercise_without_spanish_prints_in_english_and_says_so() {
    let mut english_only = wall_squat();
    english_only.translations.clear();
    let program = spanish_program(english_only);
    let handout = export(&program, library(), &HandoutOptions::default()).unwrap();
    assert_eq!(
        handout.warnings,
        ["1 exercise has no Spanish text and prints in English: Wall squat"]
    );
    let text = all_text(&handout.pdf);
    // The exercise in English, everything ptbuilder wrote in Spanish.
    assert!(text.contains("Wall squat"), "{text}");
    assert!(text.contains("Para su seguridad"), "{text}");
}

#[test]
fn an_english_program_can_be_printed_in_spanish_for_one_export() {
    let mut program = spanish_program(wall_squat());
    program.language = "en".into();
    let options = HandoutOptions {
        language: Some("es".into()),
        ..HandoutOptions::default()
    };
    let text = all_text(&export(&program, library(), &options).unwrap().pdf);
    assert!(text.contains("Sentadilla en la pared"), "{text}");
    assert!(text.contains("Para su seguridad"), "{text}");
    let english = all_text(
        &export(&program, library(), &HandoutOptions::default())
            .unwrap()
            .pdf,
    );
    assert!(english.contains("Wall squat") && english.contains("Stay safe"));
}
