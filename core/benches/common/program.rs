//! The 20-exercise program the handout is timed with: the benchmark, the
//! whole-process script (`tools/bench/export-process.sh`) and its typst
//! comparison all print this same content.

use chrono::NaiveDate;
use ptbuilder_core::library::Library;
use ptbuilder_core::program::{Item, Patient, Phase, Program};

/// Twenty different illustrated exercises in two phases, with notes.
pub fn program() -> Program {
    let library = Library::builtin();
    let illustrated: Vec<_> = library
        .exercises()
        .iter()
        .filter(|e| {
            e.picture
                .as_deref()
                .is_some_and(|p| ptbuilder_core::assets::illustration(p).is_some())
        })
        .take(20)
        .collect();
    assert_eq!(
        illustrated.len(),
        20,
        "the library has 20 illustrated exercises"
    );
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.title = "Low back: a full program".into();
    program.patient = Some(Patient {
        name: "Jürgen Müller".into(),
        identifier: String::new(),
    });
    program.clinic = "Riverside Physio".into();
    program.phone = "555 0100".into();
    program.condition = "Low back pain with muscle spasm".into();
    program.goals = vec!["Walk for 30 minutes without pain.".into()];
    program.phases = illustrated
        .chunks(10)
        .enumerate()
        .map(|(n, chunk)| Phase {
            weeks: Some(2),
            advance_when: "The exercises feel easy and your pain is settling.".into(),
            items: chunk
                .iter()
                .map(|e| Item {
                    note: "Go slowly and stop if the pain gets sharp.".into(),
                    ..Item::new(e)
                })
                .collect(),
            ..Phase::named(format!("Weeks {}–{}", n * 2 + 1, n * 2 + 2))
        })
        .collect();
    program
}
