//! The printable patient handout: a program in, PDF bytes out.
//!
//! The handout opens with the clinic, the program title, who it is for and
//! the dates, and a "Stay safe" box; then the condition, goals, notes and
//! precautions. Each phase follows under its own heading, each exercise
//! with its picture, steps and dose, kept on one page. A tracking chart
//! closes it. Every page has "Page N of M" and the title at its foot.
//!
//! Only this module talks to printpdf. The same program and options always
//! give byte-identical PDFs.

mod blocks;
mod chart;
mod compose;
mod exercise;
mod fonts;
mod header;
mod layout;
mod pdf;
mod phase;
mod pictures;
mod safety;
mod style;
mod svg_form;

use crate::library::{Exercise, ExerciseId, Library};
use crate::program::{Item, Phase, Program};
use crate::store::{Paper, Settings, Store, WriteFailed, write_file};
use blocks::{Block, Ctx};
use chrono::NaiveTime;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// How to print a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutOptions {
    /// A4 or US Letter.
    pub paper: Paper,
    /// 18 pt body text instead of 14 pt.
    pub large_print: bool,
    /// Add the tracking chart page.
    pub tracking_chart: bool,
    /// The clinic's logo (PNG, JPEG or SVG) for the top of the first page.
    pub logo: Option<PathBuf>,
    /// Folders searched for pictures that are not shipped illustrations.
    pub picture_folders: Vec<PathBuf>,
}

/// What the therapist chose for one handout (in the Export sheet or on
/// the command line); anything left `None` comes from the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Choices {
    /// A4 or US Letter.
    pub paper: Option<Paper>,
    /// 18 pt body text.
    pub large_print: Option<bool>,
    /// The tracking chart page.
    pub tracking_chart: Option<bool>,
}

impl HandoutOptions {
    /// The options the therapist chose in the settings.
    pub fn from_settings(settings: &Settings, picture_folders: Vec<PathBuf>) -> Self {
        Self {
            paper: settings.paper,
            large_print: settings.large_print,
            tracking_chart: settings.tracking_chart,
            logo: settings.logo.clone(),
            picture_folders,
        }
    }

    /// The settings' options with `choices` over them, finding pictures in
    /// the store's pictures folders.
    pub fn chosen(store: &Store, settings: &Settings, choices: Choices) -> Self {
        let defaults = Self::from_settings(settings, store.picture_folders(settings));
        Self {
            paper: choices.paper.unwrap_or(defaults.paper),
            large_print: choices.large_print.unwrap_or(defaults.large_print),
            tracking_chart: choices.tracking_chart.unwrap_or(defaults.tracking_chart),
            ..defaults
        }
    }
}

impl Default for HandoutOptions {
    fn default() -> Self {
        Self::from_settings(&Settings::default(), Vec::new())
    }
}

/// A finished handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Things the therapist should know (a missing picture, a character no
    /// font can print); the handout is still usable.
    pub warnings: Vec<String>,
}

/// Why a handout cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HandoutError {
    /// The program has no exercises.
    #[error("This program has no exercises yet: add at least one before printing.")]
    Empty,
    /// An item names an exercise that is neither in the library nor in the program.
    #[error(
        "The exercise {0:?} is not in your library, so the handout cannot be printed: \
         choose another exercise for it or add it to your library."
    )]
    UnknownExercise(String),
    /// The fonts shipped inside ptbuilder could not be read.
    #[error("The handout's fonts could not be loaded; please reinstall ptbuilder.")]
    Fonts,
    /// printpdf could not write the file.
    #[error("The PDF could not be made: {0}")]
    Pdf(String),
}

/// A handout written to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The PDF file.
    pub path: PathBuf,
    /// How many pages it has.
    pub pages: usize,
    /// Things the therapist should know; the handout is still usable.
    pub warnings: Vec<String>,
}

/// Why a handout was not written; nothing was written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteError {
    /// The handout could not be made.
    #[error(transparent)]
    Handout(#[from] HandoutError),
    /// The disk refused the file; an earlier file there is untouched.
    #[error(transparent)]
    Io(#[from] WriteFailed),
}

/// Makes the handout for `program` and writes it to `path` atomically:
/// an earlier file there is replaced only by a complete new one.
pub fn write_pdf(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
    path: &Path,
) -> Result<Written, WriteError> {
    let handout = export(program, library, options)?;
    write_file(path, &handout.pdf)?;
    Ok(Written {
        path: path.to_path_buf(),
        pages: handout.pages,
        warnings: handout.warnings,
    })
}

/// Makes the handout for `program`. Custom exercises come from the program's
/// own copies or `library`; pictures from the shipped illustrations or
/// `options.picture_folders`.
pub fn export(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Result<Handout, HandoutError> {
    // A bug in a dependency must not take the therapist's window down.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        build(program, library, options)
    }))
    .unwrap_or_else(|_| {
        Err(HandoutError::Pdf(
            "an unexpected problem stopped the export".to_string(),
        ))
    })
}

/// The program's items with their exercises, phase by phase.
fn resolve<'a>(
    program: &'a Program,
    library: &'a Library,
) -> Result<Vec<Vec<(&'a Item, &'a Exercise)>>, HandoutError> {
    program
        .phases
        .iter()
        .map(|phase| {
            phase
                .items
                .iter()
                .map(|item| {
                    program
                        .exercise(&item.exercise, library)
                        .map(|exercise| (item, exercise))
                        .ok_or_else(|| HandoutError::UnknownExercise(item.exercise.to_string()))
                })
                .collect()
        })
        .collect()
}

/// Everything the handout shows, resolved once for both layout passes.
struct Plan<'a> {
    program: &'a Program,
    options: &'a HandoutOptions,
    logo: Option<(usize, f32)>,
    /// Each phase with items, its minutes a session and its entries.
    phases: Vec<(&'a Phase, u32, Vec<exercise::Entry<'a>>)>,
}

impl Plan<'_> {
    /// The handout's blocks; `pages[n]` is the page (from 1) of exercise
    /// `n + 1`, where known. Also returns each exercise's block position.
    fn blocks(&self, ctx: &mut Ctx, pages: &[Option<usize>]) -> (Vec<Block>, Vec<usize>) {
        let (program, options) = (self.program, self.options);
        let mut blocks = Vec::new();
        blocks.extend(header::clinic_band(ctx, program, self.logo));
        blocks.push(header::title_block(
            ctx,
            program,
            options.paper,
            options.large_print,
        ));
        // Safety first, where nobody can miss it; then the background.
        blocks.push(safety::safety_box(ctx, &program.clinic, &program.phone));
        blocks.extend(header::about(ctx, program));
        let mut positions = Vec::new();
        let mut sections = Vec::new();
        for (phase, minutes, entries) in &self.phases {
            blocks.push(phase::heading(ctx, phase, *minutes));
            for entry in entries {
                let mut entry = entry.clone();
                if let Some(earlier) = &mut entry.earlier {
                    earlier.page = pages.get(earlier.number - 1).copied().flatten();
                }
                positions.push(blocks.len());
                blocks.push(exercise::exercise(ctx, &entry));
            }
            sections.push(chart::Section {
                name: Some(phase.name.trim().to_string()).filter(|n| !n.is_empty()),
                rows: entries
                    .iter()
                    .map(|entry| chart::Row {
                        number: entry.number,
                        name: entry.exercise.name.clone(),
                    })
                    .collect(),
            });
        }
        if options.tracking_chart {
            if sections.len() == 1 {
                sections[0].name = None;
            }
            blocks.extend(chart::chart(ctx, &sections));
        }
        (blocks, positions)
    }
}

fn build(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Result<Handout, HandoutError> {
    if program.item_count() == 0 {
        return Err(HandoutError::Empty);
    }
    let resolved = resolve(program, library)?;
    let fonts = fonts::Fonts::get().ok_or(HandoutError::Fonts)?;
    let mut ctx = Ctx {
        fonts,
        style: style::Style::new(options.large_print),
        page: style::Geometry::new(options.paper),
        missing: BTreeSet::new(),
    };
    let mut pictures = pictures::Pictures::default();
    let logo = options.logo.as_deref().and_then(|path| pictures.logo(path));

    // Number the exercises through the whole handout; an exercise a later
    // phase repeats points back to where it was first explained.
    let mut number = 0;
    let mut first_shown: HashMap<&ExerciseId, usize> = HashMap::new();
    let mut phases = Vec::new();
    for (phase, items) in program.phases.iter().zip(&resolved) {
        if items.is_empty() {
            continue;
        }
        let mut entries = Vec::new();
        for (n, &(item, exercise)) in items.iter().enumerate() {
            number += 1;
            let earlier = first_shown
                .get(&exercise.id)
                .map(|&number| exercise::Earlier { number, page: None });
            first_shown.entry(&exercise.id).or_insert(number);
            entries.push(exercise::Entry {
                number,
                exercise,
                item,
                illustration: pictures.exercise(
                    &exercise.name,
                    exercise.picture.as_deref(),
                    &options.picture_folders,
                ),
                first_in_phase: n == 0,
                earlier,
                move_on: (n + 1 == items.len()).then_some(phase.advance_when.as_str()),
            });
        }
        phases.push((phase, program.phase_minutes(phase, library), entries));
    }
    let repeats = phases
        .iter()
        .flat_map(|(_, _, entries)| entries)
        .any(|entry| entry.earlier.is_some());
    let plan = Plan {
        program,
        options,
        logo,
        phases,
    };

    let (top, height) = (ctx.page.top, ctx.page.content_height());
    let (blocks, positions) = plan.blocks(&mut ctx, &[]);
    let mut flow = compose::paginate(blocks, top, height);
    if repeats {
        // Now that the pages are known, say where each repeat is explained.
        let pages: Vec<Option<usize>> = positions
            .iter()
            .map(|&block| flow.starts.get(block).map(|page| page + 1))
            .collect();
        let (blocks, _) = plan.blocks(&mut ctx, &pages);
        flow = compose::paginate(blocks, top, height);
    }
    let mut pages = flow.pages;
    compose::add_footers(&mut ctx, &mut pages, &program.title);

    let mut warnings = pictures.warnings.clone();
    warnings.extend(ctx.missing.iter().map(|c| {
        format!(
            "the character {c:?} (U+{:04X}) is not in the handout's fonts; it is printed as \"?\"",
            u32::from(*c)
        )
    }));
    let author = if program.clinician.trim().is_empty() {
        program.clinic.trim()
    } else {
        program.clinician.trim()
    };
    let meta = pdf::Meta {
        title: program.title.trim(),
        author,
        created: program
            .created
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp(),
    };
    let pdf =
        pdf::write(&pages, &ctx.page, fonts, &pictures.list, &meta).map_err(HandoutError::Pdf)?;
    Ok(Handout {
        pdf,
        pages: pages.len(),
        warnings,
    })
}
