//! Property tests for reading files a clinic receives from anywhere:
//! whatever the bytes, reading never panics and every problem is located
//! inside the file; every program ptbuilder can hold survives a save and
//! a read unchanged.

use chrono::NaiveDate;
use proptest::prelude::*;
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::{Dose, Item, Patient, Phase, Program, Side, Span};
use ptbuilder_core::store::ron_file::{parse_program, read_exercise, read_program};
use ptbuilder_core::store::to_ron;

/// Cases per property: a quick run by default, and as many as asked for
/// in `PTBUILDER_FUZZ_CASES` for a long fuzzing session.
fn cases(quick: u32) -> u32 {
    std::env::var("PTBUILDER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(quick)
}

fn shipped_texts() -> Vec<String> {
    let mut texts: Vec<String> = ptbuilder_core::assets::template_files()
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    texts.extend(
        ptbuilder_core::assets::library_files()
            .iter()
            .take(10)
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned()),
    );
    texts
}

/// Every reported position lies inside the text.
fn assert_located_inside(text: &str, problems: &[ptbuilder_core::store::FileProblem]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in problems {
        if let Some(position) = problem.at {
            assert!(
                position.line >= 1 && position.line <= lines.len().max(1),
                "{problem} points past the end ({} lines)",
                lines.len()
            );
            let width = lines
                .get(position.line - 1)
                .map_or(0, |l| l.chars().count());
            assert!(
                position.column >= 1 && position.column <= width + 1,
                "{problem} points past the line ({width} characters)"
            );
        }
    }
}

fn check_any_text(text: &str) {
    let library = Library::builtin();
    match read_program(text, "fuzz.ron", library) {
        Ok((_, warnings)) => assert_located_inside(text, &warnings),
        Err(problems) => {
            assert!(!problems.is_empty());
            assert_located_inside(text, &problems);
        }
    }
    if let Err(problems) = read_exercise(text, "fuzz.ron") {
        assert!(!problems.is_empty());
        assert_located_inside(text, &problems);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn any_text_is_read_without_panic(text in "\\PC{0,400}") {
        check_any_text(&text);
    }

    #[test]
    fn damaged_real_files_are_read_without_panic(
        which in 0usize..16,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..8),
    ) {
        let texts = shipped_texts();
        let mut chars: Vec<char> = texts[which % texts.len()].chars().collect();
        for (at, c, kind) in edits {
            if chars.is_empty() { break; }
            let i = at.index(chars.len());
            match kind {
                0 => chars[i] = c,
                1 => { chars.remove(i); }
                _ => chars.insert(i, c),
            }
        }
        let text: String = chars.into_iter().collect();
        check_any_text(&text);
    }
}

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, accents and emoji all must survive.
    "[a-zA-Z0-9 äöüßéñ\"\\\\\n\t'(),:\\[\\]{}#/*😀-]{0,40}"
}

fn span() -> impl Strategy<Value = Span> {
    (1u16..300, 0u16..30).prop_map(|(low, extra)| Span::between(low, low + extra))
}

fn dose() -> impl Strategy<Value = Dose> {
    (
        (
            prop::option::of(1u16..10),
            prop::option::of(1u16..100),
            prop::option::of(span()),
        ),
        (prop::option::of(0u16..600), prop::option::of(span())),
        (prop::sample::select(Side::ALL.to_vec()), 1u8..12, 1u8..=7),
        (prop::option::of(text()), prop::option::of(text())),
    )
        .prop_map(
            |(
                (sets, reps, hold),
                (rest, minutes),
                (side, per_day, days_per_week),
                (load, when),
            )| Dose {
                sets,
                reps,
                hold,
                rest,
                minutes,
                side,
                per_day,
                days_per_week,
                load,
                when,
            },
        )
}

fn item() -> impl Strategy<Value = Item> {
    let ids: Vec<ExerciseId> = Library::builtin()
        .exercises()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    (prop::sample::select(ids), prop::option::of(dose()), text()).prop_map(
        |(exercise, dose, note)| Item {
            exercise,
            dose,
            note,
        },
    )
}

fn phase() -> impl Strategy<Value = Phase> {
    (
        text(),
        prop::option::of(1u8..52),
        text(),
        prop::collection::vec(item(), 0..5),
    )
        .prop_map(|(name, weeks, advance_when, items)| Phase {
            name,
            weeks,
            advance_when,
            items,
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn program() -> impl Strategy<Value = Program> {
    (
        (
            text(),
            prop::option::of((text(), text())),
            text(),
            text(),
            text(),
        ),
        (date(), prop::option::of(date()), prop::option::of(date())),
        (
            text(),
            prop::collection::vec(text(), 0..3),
            text(),
            prop::collection::vec(text(), 0..3),
        ),
        prop::collection::vec(phase(), 1..4),
    )
        .prop_map(
            |(
                (title, patient, clinician, clinic, phone),
                (created, start, review),
                (condition, goals, notes, precautions),
                phases,
            )| {
                Program {
                    format: ptbuilder_core::library::FORMAT,
                    language: "en".to_string(),
                    title,
                    patient: patient.map(|(name, identifier)| Patient { name, identifier }),
                    clinician,
                    clinic,
                    phone,
                    created,
                    start,
                    review,
                    condition,
                    goals,
                    notes,
                    precautions,
                    phases,
                    exercises: Vec::new(),
                    pictures: Vec::new(),
                    visits: Vec::new(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(500)))]

    #[test]
    fn every_program_survives_a_save_and_a_read(program in program()) {
        let text = to_ron(&program);
        let read = parse_program(&text, "roundtrip.ron");
        prop_assert_eq!(read, Ok(program), "file was:\n{}", text);
    }
}
