//! Prints how many pages each shipped template's handout takes in each
//! layout, paper and print size, and the 20-exercise program's: the
//! numbers the page budgets are checked against.

use ptbuilder_core::handout::{HandoutOptions, export};
use ptbuilder_core::library::Library;
use ptbuilder_core::store::{self, HandoutLayout, Paper};

fn main() {
    let library = Library::builtin();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../programs");
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for layout in [HandoutLayout::Compact, HandoutLayout::Detailed] {
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let (program, _) = store::read_program(&text, "t", library).unwrap();
            let mut counts = Vec::new();
            for large_print in [false, true] {
                for paper in [Paper::A4, Paper::Letter] {
                    let options = HandoutOptions {
                        layout,
                        paper,
                        large_print,
                        ..HandoutOptions::default()
                    };
                    counts.push(export(&program, library, &options).unwrap().pages);
                }
            }
            println!(
                "{layout:?} {:40} A4 {:2} Letter {:2} | large A4 {:2} Letter {:2}",
                path.file_stem().unwrap().to_string_lossy(),
                counts[0],
                counts[1],
                counts[2],
                counts[3]
            );
        }
        let mut program = ptbuilder_core::program::Program::new(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        );
        program.patient = Some(Default::default());
        program.phases[0].items = library
            .exercises()
            .iter()
            .filter(|e| e.picture.is_some())
            .take(20)
            .map(ptbuilder_core::program::Item::new)
            .collect();
        let mut counts = Vec::new();
        for large_print in [false, true] {
            for paper in [Paper::A4, Paper::Letter] {
                let options = HandoutOptions {
                    layout,
                    paper,
                    large_print,
                    ..HandoutOptions::default()
                };
                counts.push(export(&program, library, &options).unwrap().pages);
            }
        }
        println!(
            "{layout:?} {:40} A4 {:2} Letter {:2} | large A4 {:2} Letter {:2}",
            "20 exercises, one phase", counts[0], counts[1], counts[2], counts[3]
        );
    }
}
