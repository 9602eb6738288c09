//! The parts every exercise block shares, in any layout: the separator
//! above it, its number and name, how text flows around its picture, the
//! dose in a shaded box, the therapist's note, and the finish (the move-on
//! box, where it may be divided, and its "continued" heading).

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Stroke, column};
use super::fonts::Weight;
use super::layout::{bold, regular};
use super::plan::{Earlier, Entry};
use super::style::MM;
use crate::library::Exercise;
use crate::program::Item;

/// Space between the text and the picture.
pub const GUTTER: f32 = 7.0 * MM;

/// Which side of the text the picture stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The picture on the left, text to its right (compact).
    Left,
    /// The picture on the right, text to its left (detailed).
    Right,
}

/// How text flows around the picture: beside it down to its bottom, then
/// across the page.
pub struct Around {
    /// Left edge of the content.
    pub left: f32,
    /// The page's content width.
    pub width: f32,
    /// The longest line of text.
    pub measure: f32,
    /// Lines starting above this height go beside the picture (its bottom
    /// plus some clear space).
    pub picture_bottom: f32,
    /// The width the picture takes (0 for none).
    pub picture_width: f32,
    /// Its side.
    pub side: Side,
}

impl Around {
    /// Where a line whose top is at `y` goes: its left edge and width.
    pub fn region(&self) -> impl Fn(f32) -> (f32, f32) + '_ {
        move |y| {
            if y < self.picture_bottom && self.picture_width > 0.0 {
                let beside = self.width - self.picture_width - GUTTER;
                match self.side {
                    Side::Right => (self.left, beside.min(self.measure)),
                    Side::Left => (
                        self.left + self.picture_width + GUTTER,
                        beside.min(self.measure),
                    ),
                }
            } else {
                (self.left, self.measure)
            }
        }
    }
}

/// A thin rule between exercises; returns the height it takes, which is
/// left out when the exercise starts a page.
pub fn separator(ctx: &Ctx, b: &mut Builder, entry: &Entry) -> f32 {
    if entry.first_in_phase {
        return 0.0;
    }
    let (left, width) = (ctx.page.left(), ctx.page.content_width());
    b.mark(Mark::Rule {
        from: (left, 0.0),
        to: (left + width, 0.0),
        stroke: Stroke::solid(0.75, 0.55),
    });
    b.gap(ctx.style.separator_space);
    b.y
}

/// What the patient needs at hand: "mat, pillow." (None when nothing).
pub fn equipment(ctx: &Ctx, exercise: &Exercise) -> Option<String> {
    let names: Vec<String> = exercise
        .equipment
        .iter()
        .map(|e| ctx.t(&format!("equipment-{}", format!("{e:?}").to_lowercase())))
        .collect();
    (!names.is_empty()).then(|| format!("{}.", names.join(", ")))
}

/// For an exercise an earlier phase explained: where to look.
pub fn earlier_text(ctx: &Ctx, earlier: Earlier) -> String {
    match earlier.page {
        Some(page) => ctx.t_with(
            "earlier-on-page",
            &[("number", earlier.number.into()), ("page", page.into())],
        ),
        None => ctx.t_with("earlier", &[("number", earlier.number.into())]),
    }
}

/// The exercise's number in a black square and its name beside it, with
/// `aside` (what to have ready) at the right end of the row when it fits
/// there. Returns whether `aside` was placed.
pub fn title(
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
            .wrap(
                &[bold(&ctx.label("you-need")), regular(text)],
                style.body,
                f32::MAX,
            )
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

/// The dose, in bold, in a shaded box.
pub fn dose_box(ctx: &mut Ctx, b: &mut Builder, around: &Around, dose: &str) {
    let size = ctx.style.body;
    let pad = ctx.style.box_pad;
    b.gap(ctx.style.gap());
    let top = b.y;
    let (x, w) = around.region()(top);
    let at = b.mark_count();
    b.gap(pad);
    let label = ctx.label("how-much");
    b.paragraph(
        ctx,
        &[bold(&label), bold(dose)],
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

/// The therapist's note for this patient, if any.
pub fn note(ctx: &mut Ctx, b: &mut Builder, around: &Around, item: &Item) {
    let note = item.note.trim();
    if !note.is_empty() {
        b.gap(ctx.style.gap());
        b.allow_break();
        let label = ctx.label("therapist-says");
        b.paragraph(
            ctx,
            &[bold(&label), regular(note)],
            ctx.style.body,
            &around.region(),
            true,
        );
    }
}

pub fn finish(
    ctx: &mut Ctx,
    mut b: Builder,
    entry: &Entry,
    picture_bottom: f32,
    lead: f32,
) -> Block {
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
        ctx.style.exercise_space
    };
    block.lead = lead;
    let mut head = Builder::new();
    let name = ctx.t_with("continued", &[("what", entry.exercise.name.trim().into())]);
    title(ctx, &mut head, entry.number, &name, body, None);
    head.gap(ctx.style.gap());
    block.continuation = Some(Box::new(head.finish(Keep::Whole)));
    block
}
