//! One keystroke in the search box of the real app over a 10,000-exercise
//! library: the app updates, builds its new view and lays it out at
//! 1366×768 (everything but drawing pixels). It must stay far inside one
//! frame (16 ms) so typing feels instant.

// The benchmark needs only `settle_while` of the shared test support.
#[allow(dead_code)]
#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use iced::Size;
use iced_test::simulator::Simulator;
use ptbuilder::gui::{App, FinderMessage, Message};
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::store::Store;
use support::settle_while;

/// A store holding 9,951 custom exercises beside the shipped ones.
fn big_store(folder: &std::path::Path) -> Store {
    let store = Store::at(folder);
    let shipped = Library::builtin().exercises();
    let words = [
        "seated", "standing", "wall", "band", "gentle", "slow", "single", "deep",
    ];
    for n in 0..9_951 {
        let mut exercise = shipped[n % shipped.len()].clone();
        exercise.name = format!(
            "{} {} {} {n}",
            words[n % words.len()],
            words[(n / 7) % words.len()],
            exercise.name.to_lowercase()
        );
        exercise.id = ExerciseId::from_name(&exercise.name);
        store.save_exercise(&exercise).unwrap();
    }
    store
}

fn typing(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, task) = App::boot(big_store(folder.path()));
    settle_while(&mut app, task, App::is_loading);
    assert!(
        app.library().len() >= 10_000,
        "the big library did not load"
    );
    let queries = [
        "s",
        "se",
        "sea",
        "seat",
        "seated",
        "seated b",
        "seated br",
        "seated bridge",
    ];
    let mut next = 0;
    c.bench_function("keystroke in the search box, 10,000 exercises", |b| {
        b.iter(|| {
            let query = queries[next % queries.len()].to_string();
            next += 1;
            let _ = app.update(Message::Finder(FinderMessage::QueryChanged(query)));
            let ui = Simulator::with_size(
                ptbuilder::gui::settings(),
                Size::new(1366.0, 768.0),
                app.view(),
            );
            std::hint::black_box(ui);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = typing
}
criterion_main!(benches);
