//! Handout speed and size: a 20-exercise program with its illustrations
//! must export in well under 50 ms (median, release build) and make a PDF
//! under 400 KB, so printing from the window feels instant; and the live
//! preview must have new pages within 100 ms of an edit.

use criterion::{Criterion, criterion_group, criterion_main};
use ptbuilder_core::handout::{HandoutOptions, check, export, lay_out};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::document::Document;
use ptbuilder_core::program::edit::{Edit, ItemRef};
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

/// What the preview does after each keystroke in a note: the edit, the
/// layout (the same as the PDF's) and the checker's findings.
fn edit_to_new_pages(c: &mut Criterion) {
    let library = Library::builtin();
    let options = HandoutOptions::default();
    let mut document = Document::new(program());
    let at = ItemRef::new(0, 4);
    let mut typed = String::from("Go slowly");
    let _ = lay_out(document.program(), library, &options).unwrap();
    c.bench_function("edit a 20-exercise program to new preview pages", |b| {
        b.iter(|| {
            typed.push('!');
            document
                .apply(&Edit::Note {
                    item: at,
                    text: typed.clone(),
                })
                .unwrap();
            let program = document.program();
            let laid = lay_out(black_box(program), library, &options).unwrap();
            let findings = check::findings(program, library, &[], Some(laid.pages.len()));
            (laid, findings)
        })
    });
}

criterion_group!(benches, handout, edit_to_new_pages);
criterion_main!(benches);
