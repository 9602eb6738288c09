//! Renders every shipped illustration, with its file name, into one PNG so a
//! reviewer can check the whole set at a glance:
//!
//! ```sh
//! cargo run --example contact_sheet            # writes docs/contact-sheet.png
//! cargo run --example contact_sheet -- out.png
//! ```

use resvg::{tiny_skia, usvg};
use std::path::PathBuf;
use std::sync::Arc;

const COLUMNS: u32 = 6;
const CELL_WIDTH: u32 = 400;
const DRAWING_HEIGHT: u32 = 240;
const LABEL_HEIGHT: u32 = 36;
const GAP: u32 = 12;

fn main() {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/contact-sheet.png")
        });
    let mut options = usvg::Options::default();
    let mut fonts = usvg::fontdb::Database::new();
    let font = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
    if fonts.load_font_file(&font).is_err() {
        fonts.load_system_fonts();
    }
    options.fontdb = Arc::new(fonts);

    let drawings: Vec<_> = ptbuilder_core::assets::illustrations()
        .iter()
        .filter(|(name, _)| name.ends_with(".svg"))
        .collect();
    let rows = (drawings.len() as u32).div_ceil(COLUMNS);
    let cell_height = DRAWING_HEIGHT + LABEL_HEIGHT + GAP;
    let width = COLUMNS * (CELL_WIDTH + GAP) + GAP;
    let height = rows * cell_height + GAP;
    let mut sheet = tiny_skia::Pixmap::new(width, height).expect("sheet size");
    sheet.fill(tiny_skia::Color::from_rgba8(225, 225, 225, 255));

    let mut failures = 0;
    for (n, (name, bytes)) in drawings.iter().enumerate() {
        let x = GAP + (n as u32 % COLUMNS) * (CELL_WIDTH + GAP);
        let y = GAP + (n as u32 / COLUMNS) * cell_height;
        let tree = match usvg::Tree::from_data(bytes, &options) {
            Ok(tree) => tree,
            Err(error) => {
                eprintln!("{name}: does not parse: {error}");
                failures += 1;
                continue;
            }
        };
        let size = tree.size();
        let scale = (CELL_WIDTH as f32 / size.width()).min(DRAWING_HEIGHT as f32 / size.height());
        let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, x as f32, y as f32);
        resvg::render(&tree, transform, &mut sheet.as_mut());

        let label = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{CELL_WIDTH}" height="{LABEL_HEIGHT}">
                 <rect width="100%" height="100%" fill="white"/>
                 <text x="8" y="25" font-size="20" font-family="Atkinson Hyperlegible, sans-serif">{}</text>
               </svg>"#,
            name.trim_end_matches(".svg")
        );
        if let Ok(label) = usvg::Tree::from_str(&label, &options) {
            let at = tiny_skia::Transform::from_translate(x as f32, (y + DRAWING_HEIGHT) as f32);
            resvg::render(&label, at, &mut sheet.as_mut());
        }
    }
    if let Some(folder) = out.parent() {
        std::fs::create_dir_all(folder).expect("output folder");
    }
    sheet.save_png(&out).expect("write the contact sheet");
    println!("{}: {} illustrations", out.display(), drawings.len());
    if failures > 0 {
        eprintln!("{failures} illustrations failed to parse");
        std::process::exit(1);
    }
}
