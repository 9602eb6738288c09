//! Handout speed and size: a 20-exercise program with its illustrations
//! must export in well under 50 ms (median, release build) and make a PDF
//! under 400 KB, so printing from the window feels instant.

use criterion::{Criterion, criterion_group, criterion_main};
use ptbuilder_core::handout::{HandoutOptions, export};
use ptbuilder_core::library::Library;
use std::hint::black_box;

#[path = "common/program.rs"]
mod program;

use program::program;

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
