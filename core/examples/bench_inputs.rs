//! Writes the inputs of `tools/bench/export-process.sh` into a folder: the
//! 20-exercise program the handout benchmark prints (`program.ron`), and
//! the same content as a plain typst document (`handout.typ`, with the
//! exercises' drawings beside it), so both tools print the same thing.
//!
//! `cargo run --release -p ptbuilder-core --example bench_inputs -- DIR`

#[path = "../benches/common/program.rs"]
mod program;

use ptbuilder_core::library::Library;
use ptbuilder_core::store::to_ron;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// Text as a typst string literal.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("a folder to write into"));
    fs::create_dir_all(&dir).unwrap();
    let program = program::program();
    fs::write(dir.join("program.ron"), to_ron(&program)).unwrap();

    let library = Library::builtin();
    let mut typ = String::from(
        "#set page(paper: \"a4\", margin: 18mm)\n#set text(size: 14pt)\n#set par(leading: 0.7em)\n",
    );
    let _ = writeln!(
        typ,
        "#text(size: 26pt, weight: \"bold\")[#{}]\n",
        quoted(&program.title)
    );
    for phase in &program.phases {
        let _ = writeln!(typ, "== #{}\n", quoted(&phase.name));
        for item in &phase.items {
            let exercise = program.exercise(&item.exercise, library).unwrap();
            let picture = exercise.picture.as_deref().unwrap();
            let bytes = ptbuilder_core::assets::illustration(picture).unwrap();
            fs::write(dir.join(picture), bytes).unwrap();
            let _ = writeln!(typ, "=== #{}", quoted(&exercise.name));
            let _ = writeln!(typ, "#image({}, width: 60mm)", quoted(picture));
            let _ = writeln!(typ, "*Get into position:* #{}\n", quoted(&exercise.start));
            for step in &exercise.steps {
                let _ = writeln!(typ, "+ #{}", quoted(step));
            }
            let dose = item.dose_or(exercise).describe();
            let _ = writeln!(
                typ,
                "\n#block(fill: luma(230), inset: 6pt)[*How much:* #{}]",
                quoted(&dose)
            );
            let _ = writeln!(typ, "*Your therapist says:* #{}\n", quoted(&item.note));
            let cautions = exercise.cautions.join(" ");
            let _ = writeln!(typ, "*Take care:* #{}\n", quoted(&cautions));
        }
    }
    fs::write(dir.join("handout.typ"), typ).unwrap();
    println!("{}", dir.display());
}
