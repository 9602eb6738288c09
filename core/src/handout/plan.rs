//! What a handout shows, resolved once: every exercise with its number,
//! picture, video and place in its phase; then the blocks of the chosen
//! layout, flowed onto pages. Two passes when they are needed: one to
//! learn where things land (a repeated exercise points back to its page;
//! the chart may share the last page), one to print.

use super::blocks::{Block, Ctx};
use super::flow::{self, Flow, Frame};
use super::pictures::{Illustration, Pictures};
use super::{
    HandoutError, HandoutOptions, chart, compact, detailed, header, phase, safety, whats_new,
};
use crate::library::{Exercise, ExerciseId, Library};
use crate::program::{Item, Phase, Program};
use crate::store::HandoutLayout;
use std::borrow::Cow;
use std::collections::HashMap;

/// A page must be filled at least this much before an exercise is moved
/// whole to the next one; short of it, the exercise is divided between its
/// steps instead (compact layout), so pages are full and the handout short.
const LEAST_FILLED: f32 = 0.95;

/// Where an exercise was first shown in full, for a phase that repeats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earlier {
    /// Its number.
    pub number: usize,
    /// Its page (from 1), once known.
    pub page: Option<usize>,
}

/// One exercise in a phase.
#[derive(Clone)]
pub struct Entry<'a> {
    /// Its number in the handout.
    pub number: usize,
    /// The exercise, in the handout's language where it has one.
    pub exercise: Cow<'a, Exercise>,
    /// This patient's dose and note, the dose in the handout's language.
    pub item: Cow<'a, Item>,
    /// Its picture.
    pub illustration: Illustration,
    /// The address of its video, if it has one.
    pub video: Option<String>,
    /// First in its phase: no separator above it.
    pub first_in_phase: bool,
    /// Set when an earlier phase already showed it in full.
    pub earlier: Option<Earlier>,
    /// For the last exercise of a phase: when to move on to the next.
    pub move_on: Option<&'a str>,
}

/// A phase with exercises: the phase, its minutes a session, its entries.
pub struct PhasePlan<'a> {
    /// The phase.
    pub phase: &'a Phase,
    /// Minutes one session takes.
    pub minutes: u32,
    /// Its exercises.
    pub entries: Vec<Entry<'a>>,
}

/// Everything the handout shows.
pub struct Plan<'a> {
    /// The program.
    pub program: &'a Program,
    /// How to print it.
    pub options: &'a HandoutOptions,
    /// The clinic's logo in the picture list, with its aspect.
    pub logo: Option<(usize, f32)>,
    /// The phases that have exercises.
    pub phases: Vec<PhasePlan<'a>>,
    /// Names of the exercises that print in English because they have no
    /// text in the handout's language, each once.
    pub untranslated: Vec<String>,
}

/// One resolved item: the patient's item and its exercise in the
/// handout's language, or in English when it has none there (`false`).
type Resolved<'a> = (Cow<'a, Item>, Cow<'a, Exercise>, bool);

/// The program's items with their exercises in `language`, phase by phase.
fn resolve<'a>(
    program: &'a Program,
    library: &'a Library,
    language: &str,
) -> Result<Vec<Vec<Resolved<'a>>>, HandoutError> {
    program
        .phases
        .iter()
        .map(|phase| {
            phase
                .items
                .iter()
                .map(|item| {
                    let exercise = program
                        .exercise(&item.exercise, library)
                        .ok_or_else(|| HandoutError::UnknownExercise(item.exercise.to_string()))?;
                    Ok(if language == crate::lang::ENGLISH {
                        (Cow::Borrowed(item), Cow::Borrowed(exercise), true)
                    } else {
                        match exercise.in_language(language) {
                            Some(translated) => {
                                let item = match &item.dose {
                                    Some(dose) => Cow::Owned(Item {
                                        dose: Some(exercise.dose_in(dose, language)),
                                        ..item.clone()
                                    }),
                                    None => Cow::Borrowed(item),
                                };
                                (item, Cow::Owned(translated), true)
                            }
                            None => (Cow::Borrowed(item), Cow::Borrowed(exercise), false),
                        }
                    })
                })
                .collect()
        })
        .collect()
}

/// The exercise's own video, or the clinic's address for it.
fn video(exercise: &Exercise, options: &HandoutOptions) -> Option<String> {
    exercise.video.clone().or_else(|| {
        let base = options.video_address.as_deref()?.trim();
        (!base.is_empty()).then(|| base.replace("{id}", exercise.id.as_str()))
    })
}

impl<'a> Plan<'a> {
    /// Resolves the program: numbers every exercise through the whole
    /// handout, finds its picture, and notes where a later phase repeats
    /// one an earlier phase explained.
    pub fn new(
        program: &'a Program,
        library: &'a Library,
        options: &'a HandoutOptions,
        language: &str,
        pictures: &mut Pictures,
    ) -> Result<Self, HandoutError> {
        let resolved = resolve(program, library, language)?;
        let mut untranslated: Vec<String> = Vec::new();
        let logo = options.logo.as_deref().and_then(|path| pictures.logo(path));
        let mut number = 0;
        let mut first_shown: HashMap<ExerciseId, usize> = HashMap::new();
        let mut phases = Vec::new();
        for (phase, items) in program.phases.iter().zip(&resolved) {
            if items.is_empty() {
                continue;
            }
            let mut entries = Vec::new();
            for (n, (item, exercise, translated)) in items.iter().enumerate() {
                number += 1;
                if !translated && !untranslated.contains(&exercise.name) {
                    untranslated.push(exercise.name.clone());
                }
                let earlier = first_shown
                    .get(&exercise.id)
                    .map(|&number| Earlier { number, page: None });
                first_shown.entry(exercise.id.clone()).or_insert(number);
                entries.push(Entry {
                    number,
                    item: item.clone(),
                    illustration: pictures.exercise(
                        program,
                        &exercise.name,
                        exercise.picture.as_deref(),
                        &options.picture_folders,
                    ),
                    video: video(exercise, options),
                    exercise: exercise.clone(),
                    first_in_phase: n == 0,
                    earlier,
                    move_on: (n + 1 == items.len()).then_some(phase.advance_when.as_str()),
                });
            }
            phases.push(PhasePlan {
                phase,
                minutes: program.phase_minutes(phase, library),
                entries,
            });
        }
        Ok(Self {
            program,
            options,
            logo,
            phases,
            untranslated,
        })
    }

    /// Flows the handout onto pages, in as many passes as it needs.
    pub fn flow(&self, ctx: &mut Ctx) -> Flow {
        let height = ctx.page.content_height();
        let frame = Frame {
            top: ctx.page.top,
            height,
            column_shift: ctx.page.column_shift(),
            fill: (self.options.layout == HandoutLayout::Compact).then_some(LEAST_FILLED),
        };
        let (body, positions) = self.body(ctx, &[]);
        let mut flow = flow::paginate(body.clone(), frame);
        let repeats = self
            .phases
            .iter()
            .flat_map(|phase| &phase.entries)
            .any(|entry| entry.earlier.is_some());
        let body = if repeats {
            // Now that the pages are known, say where each repeat is explained.
            let pages: Vec<Option<usize>> = positions
                .iter()
                .map(|&block| flow.starts.get(block).map(|page| page + 1))
                .collect();
            let (body, _) = self.body(ctx, &pages);
            flow = flow::paginate(body.clone(), frame);
            body
        } else {
            body
        };
        if !self.options.tracking_chart {
            return flow;
        }
        // The chart shares the last page when it fits there (compact), or
        // starts its own (detailed).
        let room =
            (self.options.layout == HandoutLayout::Compact).then_some(height - flow.last_used);
        let mut blocks = body;
        let merged = self.options.layout == HandoutLayout::Compact;
        blocks.extend(chart::chart(ctx, &self.chart_sections(), room, merged));
        flow::paginate(blocks, frame)
    }

    /// The handout's blocks up to the chart, and each exercise's block
    /// position; `pages[n]` is the page (from 1) of exercise `n + 1`, where
    /// known.
    fn body(&self, ctx: &mut Ctx, pages: &[Option<usize>]) -> (Vec<Block>, Vec<usize>) {
        let (program, options) = (self.program, self.options);
        let mut blocks = Vec::new();
        blocks.extend(header::clinic_band(ctx, program, self.logo));
        blocks.push(header::title_block(
            ctx,
            program,
            options.paper,
            options.large_print,
        ));
        // A returning patient reads what changed before anything else.
        blocks.extend(whats_new::whats_new(ctx, &options.changes));
        // Safety first, where nobody can miss it; then the background.
        blocks.push(safety::safety_box(
            ctx,
            &program.clinic,
            &program.phone,
            options.emergency_number.as_deref(),
        ));
        // The compact layout sets everything after the safety box in two
        // columns: the background, then the phases.
        let columns = options.layout != HandoutLayout::Detailed;
        let first = blocks.len();
        let page = ctx.page;
        if columns {
            ctx.page = page.column();
        }
        blocks.extend(header::about(ctx, program));
        let mut positions = Vec::new();
        for phase in &self.phases {
            blocks.push(phase::heading(ctx, phase.phase, phase.minutes));
            for entry in &phase.entries {
                let mut entry = entry.clone();
                if let Some(earlier) = &mut entry.earlier {
                    earlier.page = pages.get(earlier.number - 1).copied().flatten();
                }
                positions.push(blocks.len());
                blocks.push(if columns {
                    compact::exercise(ctx, &entry)
                } else {
                    detailed::exercise(ctx, &entry)
                });
            }
        }
        ctx.page = page;
        for block in &mut blocks[first..] {
            block.column = columns;
        }
        (blocks, positions)
    }

    /// The tracking chart's rows, one table per phase.
    fn chart_sections(&self) -> Vec<chart::Section> {
        let mut sections: Vec<chart::Section> = self
            .phases
            .iter()
            .map(|phase| chart::Section {
                name: Some(phase.phase.name.trim().to_string()).filter(|n| !n.is_empty()),
                rows: phase
                    .entries
                    .iter()
                    .map(|entry| chart::Row {
                        number: entry.number,
                        name: entry.exercise.name.clone(),
                    })
                    .collect(),
            })
            .collect();
        if sections.len() == 1 {
            sections[0].name = None;
        }
        sections
    }
}
