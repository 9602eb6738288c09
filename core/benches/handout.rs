//! Handout speed and size: a 20-exercise program with its illustrations
//! must export in well under 50 ms (median, release build) and make a PDF
//! under 400 KB, so printing from the window feels instant.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ptbuilder_core::handout::{HandoutOptions, export};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::{Item, Patient, Phase, Program};
use std::hint::black_box;

/// Twenty different illustrated exercises in two phases, with notes.
fn program() -> Program {
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

fn handout(c: &mut Criterion) {
    let program = program();
    let library = Library::builtin();
    let options = HandoutOptions::default();
    // The first export parses the fonts and drawings; the GUI pays that once.
    let first = export(&program, library, &options).unwrap();
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let kb = first.pdf.len() as f64 / 1024.0;
    println!("20-exercise handout: {} pages, {kb:.0} KB", first.pages);
    assert!(kb < 400.0, "the handout is {kb:.0} KB");
    c.bench_function("export a 20-exercise handout", |b| {
        b.iter(|| export(black_box(&program), library, &options).unwrap())
    });
}

criterion_group!(benches, handout);
criterion_main!(benches);
