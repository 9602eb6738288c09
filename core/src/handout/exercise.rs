//! One exercise as the patient reads it: number and name, the picture on
//! the right, and beside it the starting position, numbered steps, the
//! dose in bold, the therapist's note, common mistakes and cautions.

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Marker, Stroke, column};
use super::fonts::Weight;
use super::layout::{bold, regular};
use super::pictures::Illustration;
use super::style::MM;
use crate::library::Exercise;
use crate::program::Item;

/// Space between the text and the picture.
const GUTTER: f32 = 7.0 * MM;

/// Where the picture sits and how the text flows around it.
struct Layout {
    left: f32,
    /// The page's content width; the picture sits at its right end.
    width: f32,
    /// The longest line of text.
    measure: f32,
    /// Lines starting above this height are narrowed to leave room for
    /// the picture (its bottom plus some clear space).
    picture_bottom: f32,
    picture_width: f32,
}

impl Layout {
    fn region(&self) -> impl Fn(f32) -> (f32, f32) + '_ {
        move |y| {
            if y < self.picture_bottom && self.picture_width > 0.0 {
                let beside = self.width - self.picture_width - GUTTER;
                (self.left, beside.min(self.measure))
            } else {
                (self.left, self.measure)
            }
        }
    }
}

/// Draws the picture (or a placeholder) at the top right; returns its
/// bottom and width.
fn picture(ctx: &mut Ctx, b: &mut Builder, illustration: Illustration) -> (f32, f32) {
    let style = ctx.style;
    let right = ctx.page.left() + ctx.page.content_width();
    let top = b.y;
    match illustration {
        Illustration::None => (top, 0.0),
        Illustration::Drawn { index, aspect, .. } => {
            let mut w = style.picture_width;
            let mut h = w / aspect.max(0.01);
            if h > style.picture_max_height {
                h = style.picture_max_height;
                w = h * aspect;
            }
            let x = right - style.picture_width + (style.picture_width - w) / 2.0;
            b.mark(Mark::Picture {
                index,
                x,
                y: top,
                w,
                h,
            });
            b.mark(Mark::Rect {
                x,
                y: top,
                w,
                h,
                fill: None,
                stroke: Some(Stroke::solid(0.75, 0.6)),
            });
            (top + h, style.picture_width)
        }
        Illustration::Missing => {
            let w = style.picture_width;
            let h = w * 0.6;
            let x = right - w;
            b.mark(Mark::Rect {
                x,
                y: top,
                w,
                h,
                fill: None,
                stroke: Some(Stroke {
                    width: 1.0,
                    grey: 0.45,
                    dashed: true,
                }),
            });
            let size = style.small;
            let lines = ctx.wrap(&[regular("Picture not available")], size, w - 12.0);
            let lh = style.line(size);
            let mut line_top = top + (h - lh * lines.len() as f32) / 2.0;
            for line in lines {
                b.mark(Mark::Text {
                    x: x + (w - line.width) / 2.0,
                    top: line_top,
                    baseline: line_top + style.baseline(size),
                    size,
                    line,
                    grey: 0.35,
                });
                line_top += lh;
            }
            (top + h, w)
        }
    }
}

/// The exercise's number in a black square and its name beside it, with
/// `aside` (what to have ready) at the right end of the row when it fits
/// there. Returns whether `aside` was placed.
fn title(
    ctx: &mut Ctx,
    b: &mut Builder,
    number: usize,
    name: &str,
    size: f32,
    aside: Option<&str>,
) -> bool {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let label = number.to_string();
    let label_width = ctx.measure(&label, Weight::Bold, size);
    let badge = (label_width + size * 0.7).max(style.line(size));
    let top = b.y;
    b.mark(Mark::Rect {
        x: left,
        y: top,
        w: badge,
        h: style.line(size),
        fill: Some(0.0),
        stroke: None,
    });
    if let Some(line) = ctx.wrap(&[bold(&label)], size, f32::MAX).pop() {
        b.mark(Mark::Text {
            x: left + (badge - label_width) / 2.0,
            top,
            baseline: top + style.baseline(size),
            size,
            line,
            grey: 1.0,
        });
    }
    let name_left = left + badge + size * 0.55;
    let name_room = left + width - name_left;
    let name = name.trim();
    let aside_line = aside.and_then(|text| {
        let line = ctx
            .wrap(&[bold(ASIDE_LABEL), regular(text)], style.body, f32::MAX)
            .pop()?;
        let name_width = ctx.measure(name, Weight::Bold, size);
        (name_width + size + line.width <= name_room).then_some(line)
    });
    let placed = aside_line.is_some();
    if let Some(line) = aside_line {
        let baseline = top + style.baseline(size);
        b.mark(Mark::Text {
            x: left + width - line.width,
            top: baseline - style.baseline(style.body),
            baseline,
            size: style.body,
            line,
            grey: 0.0,
        });
    }
    b.paragraph(
        ctx,
        &[bold(name)],
        size,
        &column(name_left, name_room),
        false,
    );
    placed
}

/// The label of the equipment line.
const ASIDE_LABEL: &str = "You need: ";

/// A bold label on its own line, then a list.
fn labelled_list(
    ctx: &mut Ctx,
    b: &mut Builder,
    layout: &Layout,
    label: &str,
    items: &[String],
    marker: Marker,
    may_continue_here: bool,
) {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return;
    }
    let size = ctx.style.body;
    b.gap(ctx.style.gap());
    if may_continue_here {
        // Should the exercise not fit on one page, it may continue here.
        b.allow_break();
    }
    if !label.is_empty() {
        b.paragraph(ctx, &[bold(label)], size, &layout.region(), false);
    }
    b.list(ctx, &items, marker, size, &layout.region(), false);
}

/// The dose, in bold, in a shaded box.
fn dose_box(ctx: &mut Ctx, b: &mut Builder, layout: &Layout, dose: &str) {
    let size = ctx.style.body;
    let pad = size * 0.55;
    b.gap(ctx.style.gap());
    let top = b.y;
    let (x, w) = layout.region()(top);
    let at = b.mark_count();
    b.gap(pad);
    b.paragraph(
        ctx,
        &[bold("How much: "), bold(dose)],
        size,
        &column(x + pad, w - 2.0 * pad),
        false,
    );
    b.gap(pad);
    // Drawn first, so the text sits on top of the shading.
    b.insert_mark(
        at,
        Mark::Rect {
            x,
            y: top,
            w,
            h: b.y - top,
            fill: Some(0.9),
            stroke: None,
        },
    );
    b.insert_mark(
        at + 1,
        Mark::Rect {
            x,
            y: top,
            w: 3.0,
            h: b.y - top,
            fill: Some(0.0),
            stroke: None,
        },
    );
}

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
    /// The exercise.
    pub exercise: &'a Exercise,
    /// This patient's dose and note.
    pub item: &'a Item,
    /// Its picture.
    pub illustration: Illustration,
    /// First in its phase: no separator above it.
    pub first_in_phase: bool,
    /// Set when an earlier phase already showed it in full.
    pub earlier: Option<Earlier>,
    /// For the last exercise of a phase: when to move on to the next.
    pub move_on: Option<&'a str>,
}

/// Everything about one exercise, kept together on one page. An exercise
/// an earlier phase already explained gets its picture, new dose and note,
/// and a pointer back to the steps.
pub fn exercise(ctx: &mut Ctx, entry: &Entry) -> Block {
    let Entry {
        number,
        exercise,
        item,
        ref illustration,
        first_in_phase,
        earlier,
        ..
    } = *entry;
    let style = ctx.style;
    let size = style.body;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let mut b = Builder::new();
    let mut lead = 0.0;
    if !first_in_phase {
        b.mark(Mark::Rule {
            from: (left, 0.0),
            to: (left + width, 0.0),
            stroke: Stroke::solid(0.75, 0.55),
        });
        b.gap(style.body * 0.9);
        lead = b.y;
    }
    let equipment: Vec<String> = exercise
        .equipment
        .iter()
        .map(|e| e.label().to_lowercase())
        .collect();
    let equipment = (!equipment.is_empty()).then(|| format!("{}.", equipment.join(", ")));
    let need_placed = title(
        ctx,
        &mut b,
        number,
        &exercise.name,
        style.heading,
        equipment.as_deref().filter(|_| earlier.is_none()),
    );
    b.gap(style.gap());
    let (picture_bottom, picture_width) = picture(ctx, &mut b, illustration.clone());
    let layout = Layout {
        left,
        width,
        measure: ctx.text_width(),
        picture_bottom: picture_bottom + style.body * 0.4,
        picture_width,
    };
    let region = layout.region();

    if let Some(earlier) = earlier {
        let place = match earlier.page {
            Some(page) => format!("exercise {} on page {page}", earlier.number),
            None => format!("exercise {}", earlier.number),
        };
        let text = format!("Do it the same way as {place}, with the amount below.");
        b.paragraph(
            ctx,
            &[bold("You know this one. "), regular(&text)],
            size,
            &region,
            false,
        );
        dose_box(ctx, &mut b, &layout, &item.dose_or(exercise).describe());
        note(ctx, &mut b, &layout, item);
        return finish(ctx, b, entry, picture_bottom, lead);
    }

    let purpose = exercise.purpose.trim();
    if !purpose.is_empty() {
        b.paragraph(ctx, &[regular(purpose)], size, &region, false);
        b.gap(style.gap());
    }
    if let Some(text) = equipment.as_deref().filter(|_| !need_placed) {
        b.paragraph(
            ctx,
            &[bold(ASIDE_LABEL), regular(text)],
            size,
            &region,
            false,
        );
        b.gap(style.gap());
    }
    let start = exercise.start.trim();
    if !start.is_empty() {
        b.paragraph(
            ctx,
            &[bold("Get into position: "), regular(start)],
            size,
            &region,
            false,
        );
    }
    labelled_list(
        ctx,
        &mut b,
        &layout,
        "",
        &exercise.steps,
        Marker::Numbers,
        false,
    );
    dose_box(ctx, &mut b, &layout, &item.dose_or(exercise).describe());
    note(ctx, &mut b, &layout, item);
    labelled_list(
        ctx,
        &mut b,
        &layout,
        "Avoid these mistakes",
        &exercise.mistakes,
        Marker::Bullets,
        true,
    );
    labelled_list(
        ctx,
        &mut b,
        &layout,
        "Take care",
        &exercise.cautions,
        Marker::Bullets,
        true,
    );
    finish(ctx, b, entry, picture_bottom, lead)
}

/// The therapist's note for this patient, if any.
fn note(ctx: &mut Ctx, b: &mut Builder, layout: &Layout, item: &Item) {
    let note = item.note.trim();
    if !note.is_empty() {
        b.gap(ctx.style.gap());
        b.allow_break();
        b.paragraph(
            ctx,
            &[bold("Your therapist says: "), regular(note)],
            ctx.style.body,
            &layout.region(),
            true,
        );
    }
}

fn finish(ctx: &mut Ctx, mut b: Builder, entry: &Entry, picture_bottom: f32, lead: f32) -> Block {
    let body = ctx.style.body;
    b.y = b.y.max(picture_bottom);
    if let Some(advance_when) = entry.move_on {
        super::phase::move_on(ctx, &mut b, advance_when);
    }
    // Only an exercise taller than a page is divided, and only below
    // the picture, between its parts, under a "continued" heading.
    b.keep_breaks_below(picture_bottom + 1.0);
    let mut block = b.finish(Keep::Whole);
    // Under the phase heading the exercise sits close; between exercises
    // there is room for the separator.
    block.space_before = if entry.first_in_phase {
        body * 0.9
    } else {
        body * 1.6
    };
    block.lead = lead;
    let mut head = Builder::new();
    let name = format!("{} (continued)", entry.exercise.name.trim());
    title(ctx, &mut head, entry.number, &name, body, None);
    head.gap(ctx.style.gap());
    block.continuation = Some(Box::new(head.finish(Keep::Whole)));
    block
}
