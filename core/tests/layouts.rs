//! The compact handout and the summary card as a patient gets them: page
//! budgets for every shipped template on both papers, pages filled, no
//! heading stranded, pictures big and never under text, numbered frames,
//! a video code a phone can read, the clinic's own emergency number, and
//! the card on one page.

use chrono::NaiveDate;
use ptbuilder_core::handout::{
    HandoutError, HandoutOptions, Laid, Mark, export, export_parts, lay_out,
};
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::{Item, Patient, Program};
use ptbuilder_core::store::{self, HandoutLayout, Paper};
use std::fs;
use std::path::Path;
use std::process::Command;

/// Points in a millimetre.
const MM: f32 = 72.0 / 25.4;

fn library() -> &'static Library {
    Library::builtin()
}

fn template(name: &str) -> Program {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../programs")
        .join(format!("{name}.ron"));
    let text = fs::read_to_string(&path).unwrap();
    store::read_program(&text, name, library())
        .unwrap_or_else(|p| panic!("{p:?}"))
        .0
}

fn templates() -> Vec<(String, Program)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../programs");
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| (n.clone(), template(&n)))
        .collect()
}

/// Twenty illustrated library exercises in one phase, for an invented
/// patient: the long program the budget is set for.
fn twenty() -> Program {
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.title = "Low back: a full program".into();
    program.patient = Some(Patient {
        name: "Mira Okafor".into(),
        identifier: String::new(),
    });
    program.phases[0].items = library()
        .exercises()
        .iter()
        .filter(|e| e.picture.is_some())
        .take(20)
        .map(Item::new)
        .collect();
    program
}

fn options(layout: HandoutLayout, paper: Paper, large_print: bool) -> HandoutOptions {
    HandoutOptions {
        layout,
        paper,
        large_print,
        ..HandoutOptions::default()
    }
}

fn laid(program: &Program, options: &HandoutOptions) -> Laid {
    lay_out(program, library(), options).unwrap_or_else(|e| panic!("{}: {e}", program.title))
}

fn page_text(page: &[Mark]) -> String {
    page.iter()
        .filter_map(|mark| match mark {
            Mark::Text { line, .. } => Some(
                line.pieces
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn compact_handouts_stay_within_their_page_budgets() {
    let budgets = [
        ("acute-low-back-spasm", false, 5),
        ("low-back-strength", false, 10),
    ];
    for paper in [Paper::A4, Paper::Letter] {
        for (name, large, most) in budgets {
            let pages = laid(
                &template(name),
                &options(HandoutLayout::Compact, paper, large),
            )
            .pages
            .len();
            assert!(
                pages <= most,
                "{name} on {paper}: {pages} pages, at most {most}"
            );
        }
        let pages = laid(&twenty(), &options(HandoutLayout::Compact, paper, false))
            .pages
            .len();
        assert!(
            pages <= 12,
            "20 exercises on {paper}: {pages} pages, at most 12"
        );
    }
    // Every template: two exercises a page, after the first page and
    // before the diary's.
    for (name, program) in templates() {
        let most = 2 + program.items().count().div_ceil(2);
        for paper in [Paper::A4, Paper::Letter] {
            let pages = laid(&program, &options(HandoutLayout::Compact, paper, false))
                .pages
                .len();
            assert!(
                pages <= most,
                "{name} on {paper}: {pages} pages for {} exercises, at most {most}",
                program.items().count()
            );
        }
    }
    let large = options(HandoutLayout::Compact, Paper::Letter, true);
    let pages = laid(&template("low-back-strength"), &large).pages.len();
    assert!(
        pages <= 16,
        "low-back-strength in large print: {pages} pages, at most 16"
    );
}

/// How far down a page its content reaches, as a share of the content
/// height (the footer does not count).
fn filled(laid: &Laid, page: &[Mark]) -> f32 {
    let footer = laid.size.1 - 26.0 * MM;
    let top = 15.0 * MM;
    let bottom = page
        .iter()
        .map(|mark| match mark {
            Mark::Text { baseline, .. } => *baseline,
            Mark::Rect { y, h, .. } | Mark::Picture { y, h, .. } => y + h,
            Mark::Rule { from, to, .. } => from.1.max(to.1),
        })
        .filter(|&y| y < footer)
        .fold(top, f32::max);
    (bottom - top) / (footer - top)
}

#[test]
fn no_page_is_left_more_than_40_percent_empty() {
    for (name, program) in templates() {
        for paper in [Paper::A4, Paper::Letter] {
            for large in [false, true] {
                let laid = laid(&program, &options(HandoutLayout::Compact, paper, large));
                let chart = laid
                    .pages
                    .iter()
                    .position(|page| page_text(page).contains("Your exercise diary"));
                for (n, page) in laid.pages.iter().enumerate() {
                    let last = n + 1 == laid.pages.len();
                    let before_chart = chart == Some(n + 1);
                    if last || before_chart {
                        continue;
                    }
                    let share = filled(&laid, page);
                    assert!(
                        share >= 0.6,
                        "{name} on {paper} (large {large}): page {} is {:.0} % full",
                        n + 1,
                        share * 100.0
                    );
                }
            }
        }
    }
}

#[test]
fn a_phase_heading_never_ends_a_column() {
    for (name, program) in templates() {
        for paper in [Paper::A4, Paper::Letter] {
            for large in [false, true] {
                let laid = laid(&program, &options(HandoutLayout::Compact, paper, large));
                for (n, page) in laid.pages.iter().enumerate() {
                    // Each phase heading ends with its "How long:" line.
                    let headings = page.iter().filter_map(|mark| match mark {
                        Mark::Text {
                            line, x, baseline, ..
                        } if line
                            .pieces
                            .first()
                            .is_some_and(|p| p.text.starts_with("How long:")) =>
                        {
                            Some((*x, *baseline))
                        }
                        _ => None,
                    });
                    for (x, baseline) in headings {
                        // Its first exercise's picture follows in the same column.
                        let below = page.iter().any(|mark| match mark {
                            Mark::Picture { x: px, y, .. } => {
                                (px - x).abs() < 60.0 * MM && *y > baseline
                            }
                            _ => false,
                        });
                        assert!(
                            below,
                            "{name} on {paper} (large {large}): a phase heading ends its column on page {}",
                            n + 1
                        );
                    }
                }
            }
        }
    }
}

fn pictures(page: &[Mark]) -> Vec<(f32, f32, f32, f32)> {
    page.iter()
        .filter_map(|mark| match mark {
            Mark::Picture { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect()
}

/// Where the drawing is on the page: each frame of a movement (the blank
/// space between frames holds their numbers), or the whole picture.
fn drawn_areas(laid: &Laid, page: &[Mark]) -> Vec<(f32, f32, f32, f32)> {
    let mut areas = Vec::new();
    for mark in page {
        let Mark::Picture { index, x, y, w, h } = mark else {
            continue;
        };
        let frames = &laid.pictures[*index].frames;
        if frames.is_empty() {
            areas.push((*x, *y, *w, *h));
        }
        for frame in frames {
            areas.push((x + frame.x * w, y + frame.y * h, frame.w * w, frame.h * h));
        }
    }
    areas
}

/// Where each line of text is: left, top, width, height.
fn text_boxes(page: &[Mark]) -> Vec<(f32, f32, f32, f32, String)> {
    page.iter()
        .filter_map(|mark| match mark {
            Mark::Text {
                line, x, top, size, ..
            } => Some((
                *x,
                *top,
                line.width,
                size * 1.2,
                line.pieces.iter().map(|p| p.text.as_str()).collect(),
            )),
            _ => None,
        })
        .collect()
}

/// Printers leave a few millimetres at each edge blank: every mark must be
/// inside them.
fn stays_on_the_paper(page: &[Mark], (width, height): (f32, f32), at: &str) {
    let edge = 6.0 * MM;
    let mut boxes: Vec<(f32, f32, f32, f32, String)> = text_boxes(page);
    for (x, y, w, h) in pictures(page) {
        boxes.push((x, y, w, h, "a picture".into()));
    }
    for (x, y, w, h, what) in boxes {
        assert!(
            x >= edge && y >= edge && x + w <= width - edge && y + h <= height - edge,
            "{at}: {what:?} runs off the printable page ({:.0}, {:.0}) to ({:.0}, {:.0}) mm",
            x / MM,
            y / MM,
            (x + w) / MM,
            (y + h) / MM
        );
    }
}

/// White boxes drawn under labels that sit on a picture's corner.
fn white_backs(page: &[Mark]) -> Vec<(f32, f32, f32, f32)> {
    page.iter()
        .filter_map(|mark| match mark {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill: Some(grey),
                ..
            } if *grey >= 1.0 => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect()
}

/// Whether box `outer` holds most of box `inner` (a label's line box is a
/// little taller than its letters).
fn covers(outer: (f32, f32, f32, f32), inner: (f32, f32, f32, f32)) -> bool {
    inner.0 >= outer.0 - 0.5
        && inner.0 + inner.2 <= outer.0 + outer.2 + 0.5
        && inner.1 >= outer.1 - 0.5
        && inner.1 + inner.3 * 0.8 <= outer.1 + outer.3 + 0.5
}

/// Whether two boxes (left, top, width, height) overlap by more than a
/// hair.
fn overlap(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> bool {
    !(a.0 + a.2 <= b.0 + 0.5
        || a.0 >= b.0 + b.2 - 0.5
        || a.1 + a.3 <= b.1 + 0.5
        || a.1 >= b.1 + b.3 - 0.5)
}

#[test]
fn pictures_are_never_under_45_mm_and_nothing_is_printed_over_anything_or_off_the_page() {
    let layouts = [
        HandoutLayout::Compact,
        HandoutLayout::Detailed,
        HandoutLayout::Summary,
    ];
    for (name, program) in templates() {
        for layout in layouts {
            for paper in [Paper::A4, Paper::Letter] {
                for large in [false, true] {
                    let laid = laid(&program, &options(layout, paper, large));
                    let at = format!("{name} {layout:?} on {paper}, large print {large}");
                    for page in &laid.pages {
                        for (_, _, pw, _) in pictures(page) {
                            assert!(
                                pw >= 45.0 * MM - 0.5,
                                "{at}: a picture {:.0} mm wide",
                                pw / MM
                            );
                        }
                        stays_on_the_paper(page, laid.size, &at);
                        let texts = text_boxes(page);
                        let backed = white_backs(page);
                        for area in drawn_areas(&laid, page) {
                            for (x, y, w, h, text) in &texts {
                                let on_white =
                                    backed.iter().any(|back| covers(*back, (*x, *y, *w, *h)));
                                assert!(
                                    on_white || !overlap((*x, *y, *w, *h), area),
                                    "{at}: {text:?} lies on a picture"
                                );
                            }
                        }
                        for (n, a) in texts.iter().enumerate() {
                            for b in &texts[n + 1..] {
                                assert!(
                                    !overlap((a.0, a.1, a.2, a.3), (b.0, b.1, b.2, b.3)),
                                    "{at}: {:?} is printed over {:?} ({a:?}, {b:?})",
                                    a.4,
                                    b.4
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn compact_pictures_are_at_least_60_mm_and_grow_with_the_print() {
    let program = template("low-back-strength");
    let widest = |large| {
        let laid = laid(&program, &options(HandoutLayout::Compact, Paper::A4, large));
        laid.pages
            .iter()
            .flat_map(|page| pictures(page))
            .map(|(_, _, w, _)| w)
            .fold(0.0, f32::max)
    };
    let (regular, large) = (widest(false), widest(true));
    assert!(regular >= 60.0 * MM, "{:.0} mm", regular / MM);
    assert!(large > regular, "large print pictures are bigger");
}

#[test]
fn movements_in_two_frames_are_numbered_start_and_finish() {
    let mut program = template("low-back-strength");
    program.phases.truncate(1);
    let laid = laid(&program, &options(HandoutLayout::Compact, Paper::A4, false));
    let text: String = laid.pages.iter().map(|p| page_text(p)).collect();
    // The bridge is drawn in two frames: both are numbered, in words.
    assert!(text.contains("1 Start"), "{text}");
    assert!(text.contains("2 Finish"), "{text}");
}

fn poppler_png(pdf: &[u8], page: usize, dir: &Path) -> std::path::PathBuf {
    let path = dir.join("handout.pdf");
    fs::write(&path, pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args([
            "-r",
            "200",
            "-png",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(&path)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm is needed (apt-get install poppler-utils)");
    assert!(status.success());
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .unwrap()
}

#[test]
fn a_video_link_prints_a_qr_code_that_scans() {
    let address = "https://example-clinic.org/videos/bridge-on-a-step";
    let mut custom = library().get(&ExerciseId::new("bridge")).unwrap().clone();
    custom.id = ExerciseId::new("bridge-on-a-step");
    custom.name = "Bridge with feet on a step".into();
    custom.video = Some(address.into());
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.phases[0].items = vec![Item::new(&custom)];
    program.exercises = vec![custom];
    for layout in [HandoutLayout::Compact, HandoutLayout::Detailed] {
        let handout = export(&program, library(), &options(layout, Paper::A4, false)).unwrap();
        let laid = laid(&program, &options(layout, Paper::A4, false));
        let page = laid
            .pages
            .iter()
            .position(|p| {
                page_text(p)
                    .replace(' ', "")
                    .contains("example-clinic.org/videos/bridge-on-a-step")
            })
            .expect("the short address is printed under the code");
        let dir = tempfile::tempdir().unwrap();
        let png = poppler_png(&handout.pdf, page + 1, dir.path());
        let output = Command::new("zbarimg")
            .args(["--quiet", "--raw"])
            .arg(&png)
            .output()
            .expect("zbarimg is needed (apt-get install zbar-tools)");
        let decoded = String::from_utf8_lossy(&output.stdout);
        assert_eq!(decoded.trim(), address, "{layout:?}");
    }
}

#[test]
fn the_qr_code_is_at_least_18_mm_with_its_quiet_zone() {
    let mut custom = library().get(&ExerciseId::new("bridge")).unwrap().clone();
    custom.id = ExerciseId::new("my-bridge");
    custom.video = Some("https://example-clinic.org/v/my-bridge".into());
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.phases[0].items = vec![Item::new(&custom)];
    program.exercises = vec![custom];
    let laid = laid(
        &program,
        &options(HandoutLayout::Compact, Paper::Letter, false),
    );
    // The code's white square (its quiet zone included) is the only white
    // filled rectangle on the page.
    let square = laid.pages[1..]
        .iter()
        .chain(&laid.pages[..1])
        .flat_map(|page| page.iter())
        .find_map(|mark| match mark {
            Mark::Rect {
                w,
                h,
                fill: Some(f),
                ..
            } if *f >= 1.0 && (w - h).abs() < 0.1 => Some(*w),
            _ => None,
        })
        .expect("a QR code");
    assert!(square >= 18.0 * MM, "{:.1} mm", square / MM);
}

#[test]
fn a_clinic_video_address_gives_every_exercise_its_code() {
    let program = template("acute-low-back-spasm");
    let options = HandoutOptions {
        video_address: Some("https://example-clinic.org/videos/{id}".into()),
        ..options(HandoutLayout::Compact, Paper::A4, false)
    };
    // A long address may wrap; read it without the line ends.
    let text: String = laid(&program, &options)
        .pages
        .iter()
        .map(|p| page_text(p).replace(' ', ""))
        .collect();
    for item in program.items() {
        assert!(
            text.contains(&format!("example-clinic.org/videos/{}", item.exercise)),
            "{}",
            item.exercise
        );
    }
}

#[test]
fn only_the_clinics_emergency_number_is_printed() {
    let program = template("acute-low-back-spasm");
    for layout in [HandoutLayout::Compact, HandoutLayout::Summary] {
        let set = HandoutOptions {
            emergency_number: Some("999".into()),
            ..options(layout, Paper::A4, false)
        };
        let text: String = laid(&program, &set)
            .pages
            .iter()
            .map(|p| page_text(p))
            .collect();
        assert!(text.contains("call 999"), "{layout:?}");
        assert!(!text.contains("911") && !text.contains("112"), "{layout:?}");
        let unset = options(layout, Paper::A4, false);
        let text: String = laid(&program, &unset)
            .pages
            .iter()
            .map(|p| page_text(p))
            .collect();
        assert!(text.contains("call your emergency number"), "{layout:?}");
    }
}

#[test]
fn the_summary_card_is_one_page_with_pictures_names_doses_and_the_pain_rule() {
    for (name, program) in templates() {
        for paper in [Paper::A4, Paper::Letter] {
            let laid = laid(&program, &options(HandoutLayout::Summary, paper, false));
            assert_eq!(laid.pages.len(), 1, "{name} on {paper}");
            let text = page_text(&laid.pages[0]);
            let phase = program.phases.iter().find(|p| !p.items.is_empty()).unwrap();
            for item in &phase.items {
                let exercise = program.exercise(&item.exercise, library()).unwrap();
                let words: String = item
                    .dose_or(exercise)
                    .describe()
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(
                    text.contains(exercise.name.trim()),
                    "{name}: {}",
                    exercise.name
                );
                assert!(text.contains(&words), "{name}: {words}");
            }
            assert_eq!(pictures(&laid.pages[0]).len(), phase.items.len(), "{name}");
            assert!(text.contains("Pain while you exercise"), "{name}");
            assert!(text.contains("Questions or worries?"), "{name}");
        }
    }
}

#[test]
fn the_summary_card_holds_eight_and_says_so_when_there_are_more() {
    let mut program = twenty();
    program.phases[0].items.truncate(8);
    let eight = laid(
        &program,
        &options(HandoutLayout::Summary, Paper::Letter, false),
    );
    assert_eq!(eight.pages.len(), 1);
    assert!(page_text(&eight.pages[0]).contains("Pain while you exercise"));
    // In large print the card may need a second page; each keeps the
    // safety words.
    let large = laid(
        &program,
        &options(HandoutLayout::Summary, Paper::Letter, true),
    );
    for page in &large.pages {
        let text = page_text(page);
        assert!(text.contains("Pain while you exercise"), "{text}");
        assert!(text.contains("Get help at once"), "{text}");
    }
    program = twenty();
    program.phases[0].items.truncate(9);
    match lay_out(
        &program,
        library(),
        &options(HandoutLayout::Summary, Paper::A4, false),
    ) {
        Err(error @ HandoutError::TooManyForCard { .. }) => {
            let message = error.to_string();
            assert!(message.contains("up to 8 exercises"), "{message}");
            assert!(message.contains("has 9"), "{message}");
        }
        other => panic!("expected a clear refusal, got {other:?}"),
    }
}

#[test]
fn the_summary_card_shows_the_phase_asked_for() {
    let program = template("low-back-strength");
    let second = HandoutOptions {
        phase: Some(1),
        ..options(HandoutLayout::Summary, Paper::A4, false)
    };
    let text = page_text(&laid(&program, &second).pages[0]);
    assert!(text.contains(program.phases[1].name.trim()), "{text}");
    let missing = HandoutOptions {
        phase: Some(7),
        ..options(HandoutLayout::Summary, Paper::A4, false)
    };
    assert!(matches!(
        lay_out(&program, library(), &missing),
        Err(HandoutError::NoSuchPhase(8))
    ));
}

#[test]
fn handout_and_card_print_as_one_pdf_the_card_on_its_own_sheet_when_two_sided() {
    let program = template("low-back-strength");
    let handout = options(HandoutLayout::Compact, Paper::A4, false);
    let card = options(HandoutLayout::Summary, Paper::A4, false);
    let handout_pages = export(&program, library(), &handout).unwrap().pages;
    let card_pages = export(&program, library(), &card).unwrap().pages;
    let parts = [handout, card];
    let one_sided = export_parts(&program, library(), &parts, false).unwrap();
    assert_eq!(one_sided.pages, handout_pages + card_pages);
    let two_sided = export_parts(&program, library(), &parts, true).unwrap();
    let blank = handout_pages % 2;
    assert_eq!(two_sided.pages, handout_pages + blank + card_pages);
    // Each part keeps its own page numbers.
    let text = pdf_text(&one_sided.pdf);
    assert!(text.contains(&format!("Page {handout_pages} of {handout_pages}")));
    assert!(text.contains(&format!("Page 1 of {card_pages}")));
}

/// A PDF's text, from poppler's `pdftotext`.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parts.pdf");
    fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args([path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}
