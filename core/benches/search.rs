//! Search speed over a generated library of 10,000 exercises: each query
//! must answer in well under a millisecond (median), so typing in the
//! search box stays instant.

use criterion::{Criterion, criterion_group, criterion_main};
use ptbuilder_core::library::{Category, Filters, Library, SearchIndex, Source};
use std::hint::black_box;

/// Words mixed into generated names so the vocabulary is realistic.
const WORDS: &[&str] = &[
    "seated",
    "standing",
    "supported",
    "wall",
    "band",
    "ball",
    "gentle",
    "advanced",
    "slow",
    "alternating",
    "single",
    "double",
    "reverse",
    "lateral",
    "deep",
    "active",
    "resisted",
    "kneeling",
    "towel",
    "step",
    "foam",
    "chair",
    "isometric",
    "dynamic",
    "modified",
];

/// 10,000 exercises made from the shipped ones, with varied names and ids.
fn generated_library() -> Library {
    let shipped = Library::builtin().exercises();
    assert!(!shipped.is_empty(), "the shipped library is empty");
    let mut library = Library::default();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        // xorshift: a fixed, dependency-free pseudo-random sequence.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for n in 0..10_000 {
        let mut exercise = shipped[n % shipped.len()].clone();
        let a = WORDS[(next() % WORDS.len() as u64) as usize];
        let b = WORDS[(next() % WORDS.len() as u64) as usize];
        exercise.name = format!("{} {} {} {n}", a, exercise.name, b);
        exercise.id = ptbuilder_core::library::ExerciseId::new(format!("{}-{n}", exercise.id));
        exercise.aliases.push(format!("{b} variation {n}"));
        library.insert(exercise, Source::User);
    }
    library
}

fn search(c: &mut Criterion) {
    let library = generated_library();
    let index = SearchIndex::build(&library);
    let strengthen = Filters {
        category: Some(Category::Strengthen),
        ..Filters::default()
    };
    let mut group = c.benchmark_group("search 10,000 exercises");
    for (name, query, filters) in [
        ("one word", "bridge", Filters::default()),
        ("typo", "hamstrng", Filters::default()),
        ("three words", "knee to chest", Filters::default()),
        ("prefix", "stre", Filters::default()),
        ("words and filter", "lower back", strengthen),
        ("no match", "xylophone", Filters::default()),
        ("empty query, filter", "", strengthen),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(index.search(black_box(query), black_box(&filters))))
        });
    }
    group.finish();
    c.bench_function("build index of 10,000 exercises", |b| {
        b.iter(|| black_box(SearchIndex::build(black_box(&library))))
    });
}

criterion_group!(benches, search);
criterion_main!(benches);
