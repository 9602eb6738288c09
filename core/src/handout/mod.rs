//! The printable patient handout: a program in, PDF bytes out.
//!
//! The handout opens with the clinic, the program title, who it is for and
//! the dates, and a "Stay safe" box; then the condition, goals, notes and
//! precautions. Each phase follows under its own heading, each exercise
//! with its picture (its frames numbered), steps and dose: two or three a
//! page in the compact layout, one at a time with every detail in the
//! detailed one. A tracking chart closes it. Every page has "Page N of M"
//! and the title at its foot. The summary card is one page for the fridge.
//!
//! Only this module talks to printpdf. The same program and options always
//! give byte-identical PDFs.

mod blocks;
mod card;
mod chart;
pub mod check;
mod compact;
mod compose;
mod detailed;
mod figure;
mod flow;
mod fonts;
mod header;
mod layout;
mod options;
mod parts;
mod pdf;
mod phase;
mod pictures;
mod plan;
pub mod progress_chart;
mod qr;
mod report;
mod safety;
mod style;
mod svg_form;
mod whats_new;

pub use blocks::{Mark, Stroke};
pub use compose::Page;
pub use fonts::Face;
pub use layout::{Line, Piece};
pub use options::{Choices, HandoutOptions};
pub use report::{CHART_VISITS, ReportError, report, write_report};

use crate::library::Library;
use crate::program::Program;
use crate::store::pictures::Decoded;
use crate::store::{HandoutLayout, WriteFailed, write_file};
use blocks::Ctx;
use chrono::NaiveTime;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// The summary card holds at most [`card::MOST`] exercises.
    #[error(
        "The summary card holds up to {most} exercises on its one page, and “{phase}” has \
         {count}. Choose a phase with fewer, or print the compact handout."
    )]
    TooManyForCard {
        /// The phase's name.
        phase: String,
        /// Its exercises.
        count: usize,
        /// The most a card holds.
        most: usize,
    },
    /// The summary card's phase does not exist.
    #[error("The program has no phase {0}.")]
    NoSuchPhase(usize),
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

/// Writes pages laid out by [`lay_out`] as the handout PDF at `path`,
/// atomically, for a caller that looked at them first (the checker counts
/// the pages): the handout is laid out once, not twice.
pub fn write_laid(program: &Program, laid: Laid, path: &Path) -> Result<Written, WriteError> {
    let handout = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(program, laid)))
        .unwrap_or_else(|_| {
            Err(HandoutError::Pdf(
                "an unexpected problem stopped the export".to_string(),
            ))
        })?;
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

/// A handout laid out on its pages, before it becomes PDF: every line of
/// text, box, rule and picture where it will print. The live preview
/// draws these, and checks read them.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The pages' marks, in points from each page's top left corner.
    pub pages: Vec<Page>,
    /// The paper's width and height in points.
    pub size: (f32, f32),
    /// The pictures the marks refer to (by position), decoded.
    pub pictures: Vec<Decoded>,
    /// Things the therapist should know; the handout is still usable.
    pub warnings: Vec<String>,
    /// The PDF's pictures, in the same order.
    loaded: Vec<Arc<pictures::Loaded>>,
    /// The paper, for the PDF.
    geometry: style::Geometry,
    /// The handout's language, for the PDF's subject line.
    language: String,
}

/// Lays the handout for `program` out on pages.
pub fn lay_out(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Result<Laid, HandoutError> {
    if program.item_count() == 0 {
        return Err(HandoutError::Empty);
    }
    let fonts = fonts::Fonts::get().ok_or(HandoutError::Fonts)?;
    let language = options.language.as_deref().unwrap_or(&program.language);
    // The "What's new" lines are worded in English only so far: a handout in
    // another language leaves the box out (and says so) rather than mix.
    let whats_new_left_out = language != crate::lang::ENGLISH && !options.changes.is_empty();
    let without_changes;
    let options = if whats_new_left_out {
        without_changes = HandoutOptions {
            changes: Vec::new(),
            ..options.clone()
        };
        &without_changes
    } else {
        options
    };
    let style = style::Style::new(options.large_print);
    let mut ctx = Ctx {
        fonts,
        style: match options.layout {
            HandoutLayout::Compact | HandoutLayout::Summary => style.compact(),
            HandoutLayout::Detailed => style,
        },
        page: style::Geometry::new(options.paper),
        missing: BTreeSet::new(),
        words: crate::lang::words(language),
    };
    let mut pictures = pictures::Pictures::default();
    let plan = plan::Plan::new(program, library, options, language, &mut pictures)?;
    let mut pages = match options.layout {
        HandoutLayout::Summary => card::card(&mut ctx, &plan)?,
        HandoutLayout::Compact | HandoutLayout::Detailed => plan.flow(&mut ctx).pages,
    };
    compose::add_footers(&mut ctx, &mut pages, &program.title);
    let mut warnings = untranslated_warning(&plan, language);
    if whats_new_left_out {
        warnings.push(
            "the \"What's new\" box is printed on English handouts only; it is left out of this one"
                .to_string(),
        );
    }
    warnings.extend(pictures.warnings.iter().cloned());
    warnings.extend(ctx.missing.iter().map(|c| {
        format!(
            "the character {c:?} (U+{:04X}) is not in the handout's fonts; it is printed as \"?\"",
            u32::from(*c)
        )
    }));
    Ok(Laid {
        pages,
        size: (ctx.page.width, ctx.page.height),
        pictures: pictures.list.iter().map(|p| p.decoded.clone()).collect(),
        warnings,
        loaded: pictures.list,
        geometry: ctx.page,
        language: language.to_string(),
    })
}

/// "3 exercises have no Spanish text and print in English: Bridge, …",
/// so a mixed handout is never a surprise.
fn untranslated_warning(plan: &plan::Plan, language: &str) -> Vec<String> {
    if plan.untranslated.is_empty() {
        return Vec::new();
    }
    let name = crate::lang::find(language).map_or(language, |l| l.english_name);
    let count = plan.untranslated.len();
    let (what, verb) = if count == 1 {
        ("exercise has".to_string(), "prints")
    } else {
        (format!("{count} exercises have"), "print")
    };
    let what = if count == 1 {
        format!("1 {what}")
    } else {
        what
    };
    vec![format!(
        "{what} no {name} text and {verb} in English: {}",
        plan.untranslated.join(", ")
    )]
}

/// Makes several handouts of `program` (say the compact handout, then the
/// summary card) as one PDF, for one print job. With `two_sided`, a blank
/// page ends a part with an odd number of pages, so the next one starts on
/// its own sheet: the card goes on the fridge, not on the back of page 7.
/// Each part keeps its own "Page N of M".
pub fn export_parts(
    program: &Program,
    library: &Library,
    parts: &[HandoutOptions],
    two_sided: bool,
) -> Result<Handout, HandoutError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut laid: Option<Laid> = None;
        for options in parts {
            let next = lay_out(program, library, options)?;
            laid = Some(match laid {
                Some(earlier) => earlier.then(next, two_sided),
                None => next,
            });
        }
        render(program, laid.ok_or(HandoutError::Empty)?)
    }))
    .unwrap_or_else(|_| {
        Err(HandoutError::Pdf(
            "an unexpected problem stopped the export".to_string(),
        ))
    })
}

impl Laid {
    /// These pages, then `next`'s (on a fresh sheet when `two_sided`).
    fn then(mut self, next: Laid, two_sided: bool) -> Laid {
        if two_sided && self.pages.len() % 2 == 1 {
            self.pages.push(Page::new());
        }
        let offset = self.loaded.len();
        self.pages.extend(next.pages.into_iter().map(|page| {
            page.into_iter()
                .map(|mark| match mark {
                    Mark::Picture { index, x, y, w, h } => Mark::Picture {
                        index: index + offset,
                        x,
                        y,
                        w,
                        h,
                    },
                    other => other,
                })
                .collect()
        }));
        self.pictures.extend(next.pictures);
        self.loaded.extend(next.loaded);
        for warning in next.warnings {
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        self
    }
}

fn build(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Result<Handout, HandoutError> {
    render(program, lay_out(program, library, options)?)
}

/// The PDF of laid-out pages.
fn render(program: &Program, laid: Laid) -> Result<Handout, HandoutError> {
    let author = if program.clinician.trim().is_empty() {
        program.clinic.trim()
    } else {
        program.clinician.trim()
    };
    let subject = crate::lang::words(&laid.language).get("pdf-subject");
    let meta = pdf::Meta {
        title: program.title.trim(),
        author,
        subject: &subject,
        created: program
            .created
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp(),
    };
    let fonts = fonts::Fonts::get().ok_or(HandoutError::Fonts)?;
    let pdf = pdf::write(&laid.pages, &laid.geometry, fonts, &laid.loaded, &meta)
        .map_err(HandoutError::Pdf)?;
    Ok(Handout {
        pdf,
        pages: laid.pages.len(),
        warnings: laid.warnings,
    })
}
