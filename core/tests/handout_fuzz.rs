//! Whatever a therapist types, printing never panics: random programs
//! (any text in every field, any number of phases and items, odd doses,
//! both papers, large print) export to a PDF, or to the one clear error
//! an empty program deserves.

use chrono::NaiveDate;
use proptest::prelude::*;
use ptbuilder_core::handout::{HandoutError, HandoutOptions, export};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::{Dose, Item, Patient, Phase, Program, Side, Span};
use ptbuilder_core::store::Paper;

/// Cases per property: a quick run by default, and as many as asked for
/// in `PTBUILDER_FUZZ_CASES` for a long fuzzing session.
fn cases(quick: u32) -> u32 {
    std::env::var("PTBUILDER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(quick)
}

/// Any text, with line breaks, tabs, accents, scripts and emoji.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[\\PC\\n\\t]{{0,{max}}}")).unwrap(),
        proptest::string::string_regex(&format!("[a-zA-Z äöüßéñ–—’\\n]{{0,{max}}}")).unwrap(),
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).unwrap(),
    ]
}

fn span() -> impl Strategy<Value = Option<Span>> {
    proptest::option::of((0u16..400, 0u16..400).prop_map(|(a, b)| Span::between(a, b)))
}

fn dose() -> impl Strategy<Value = Dose> {
    (
        (
            proptest::option::of(0u16..12),
            proptest::option::of(0u16..120),
            span(),
        ),
        (proptest::option::of(0u16..700), span(), 0usize..4),
        (
            0u8..14,
            0u8..9,
            proptest::option::of(text(40)),
            proptest::option::of(text(60)),
        ),
    )
        .prop_map(
            |((sets, reps, hold), (rest, minutes, side), (per_day, days_per_week, load, when))| {
                Dose {
                    sets,
                    reps,
                    hold,
                    rest,
                    minutes,
                    side: Side::ALL[side],
                    per_day,
                    days_per_week,
                    load,
                    when,
                }
            },
        )
}

fn item(count: usize) -> impl Strategy<Value = Item> {
    (0..count, proptest::option::of(dose()), text(400)).prop_map(|(index, dose, note)| {
        let exercise = &Library::builtin().exercises()[index];
        Item {
            dose,
            note,
            ..Item::new(exercise)
        }
    })
}

fn phase(count: usize) -> impl Strategy<Value = Phase> {
    (
        text(120),
        proptest::option::of(0u8..60),
        text(200),
        proptest::collection::vec(item(count), 0..5),
    )
        .prop_map(|(name, weeks, advance_when, items)| Phase {
            name,
            weeks,
            advance_when,
            items,
        })
}

fn program() -> impl Strategy<Value = Program> {
    let count = Library::builtin().exercises().len();
    (
        (
            text(200),
            proptest::option::of(text(80)),
            text(60),
            text(60),
            text(40),
        ),
        (
            text(200),
            proptest::collection::vec(text(120), 0..4),
            text(1500),
        ),
        (
            proptest::collection::vec(text(150), 0..4),
            proptest::collection::vec(phase(count), 1..4),
        ),
        (0i64..40_000, proptest::option::of(0i64..40_000)),
    )
        .prop_map(
            |(
                (title, patient, clinician, clinic, phone),
                (condition, goals, notes),
                (precautions, phases),
                (created, review),
            )| {
                let day = |n: i64| {
                    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(n as u64)
                };
                let mut program = Program::new(day(created));
                program.title = title;
                program.patient = patient.map(|name| Patient {
                    name,
                    identifier: String::new(),
                });
                program.clinician = clinician;
                program.clinic = clinic;
                program.phone = phone;
                program.review = review.map(day);
                program.condition = condition;
                program.goals = goals;
                program.notes = notes;
                program.precautions = precautions;
                program.phases = phases;
                program
            },
        )
}

fn options() -> impl Strategy<Value = HandoutOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(letter, large_print, tracking_chart)| HandoutOptions {
            paper: if letter { Paper::Letter } else { Paper::A4 },
            large_print,
            tracking_chart,
            ..HandoutOptions::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn any_program_prints_or_says_why_not(program in program(), options in options()) {
        match export(&program, Library::builtin(), &options) {
            Ok(handout) => {
                prop_assert!(program.item_count() > 0);
                prop_assert!(handout.pdf.starts_with(b"%PDF-"));
                prop_assert!(handout.pages >= 1);
                let doc = lopdf::Document::load_mem(&handout.pdf);
                prop_assert!(doc.is_ok(), "the PDF does not parse back");
                prop_assert_eq!(doc.unwrap().get_pages().len(), handout.pages);
            }
            Err(error) => {
                prop_assert_eq!(program.item_count(), 0, "{}", error);
                prop_assert_eq!(error, HandoutError::Empty);
            }
        }
    }
}
