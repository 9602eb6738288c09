//! The compact layout, the handout patients keep. Exercises run in two
//! columns, each with a big picture (its frames numbered, a video code
//! beside it), then right under it the starting position and numbered
//! steps, the dose in its box, the therapist's note, and one "Take care"
//! line that keeps every caution and the most important mistake. Two
//! exercises share a page, three when they are short.
//!
//! Why columns rather than text beside the picture: in 14 pt type, text
//! beside a 60 mm picture runs in a narrow strip and then across the whole
//! page, where short steps leave most of each line empty; the same
//! handouts took a fifth more pages that way (measured on the templates).
//! In a column the picture is as wide as the column and the lines are all
//! of a readable, even length.

use super::blocks::{Block, Builder, Ctx, Marker};
use super::figure::{self, Labels};
use super::layout::{Span, bold, regular};
use super::parts::{self, Around, Side};
use super::plan::Entry;
use super::qr;
use super::style::MM;

/// The picture, centred in the column, with the video's code (when there
/// is one) beside it or under it; returns the bottom.
fn picture(ctx: &mut Ctx, b: &mut Builder, entry: &Entry) -> f32 {
    let style = ctx.style;
    let (left, column) = (ctx.page.left(), ctx.page.content_width());
    let top = b.y;
    // An exercise shown before only needs its picture to be recognised.
    let wanted = if entry.earlier.is_some() {
        figure::MIN_WIDTH
    } else {
        style.compact_picture_width
    };
    let width = wanted.min(column - figure::gutter(ctx, Labels::Words));
    let shown = figure::figure(
        ctx,
        &entry.illustration,
        0.0,
        width,
        style.picture_max_height,
        Labels::Words,
    );
    let code = entry.video.as_deref().and_then(|address| {
        let beside = column - shown.width - 4.0 * MM;
        let room = if beside >= qr::SIZE { beside } else { column };
        qr::qr(ctx, address, 0.0, room)
            .ok()
            .map(|found| (found, beside >= qr::SIZE))
    });
    let x = match &code {
        Some((_, true)) => left,
        _ => left + (column - shown.width) / 2.0,
    };
    for mark in shown.marks {
        b.mark(mark.shifted(top).moved(x));
    }
    let mut bottom = top + shown.height;
    if let Some(((marks, height), beside)) = code {
        let (dx, dy) = if beside {
            (left + shown.width + 4.0 * MM, top)
        } else {
            (left, bottom + 2.0 * MM)
        };
        for mark in marks {
            b.mark(mark.shifted(dy).moved(dx));
        }
        bottom = bottom.max(dy + height);
    }
    bottom
}

/// "Take care:" with every caution, then the most important mistake.
fn take_care(ctx: &mut Ctx, b: &mut Builder, around: &Around, entry: &Entry) {
    let cautions: Vec<&str> = entry
        .exercise
        .cautions
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let mistake = entry
        .exercise
        .mistakes
        .iter()
        .map(|m| m.trim())
        .find(|m| !m.is_empty());
    if cautions.is_empty() && mistake.is_none() {
        return;
    }
    let cautions = cautions.join(" ");
    let take_care = ctx.label("take-care-label");
    let mut spans: Vec<Span> = Vec::new();
    if !cautions.is_empty() {
        spans.extend([bold(&take_care), regular(&cautions)]);
    }
    let avoid = mistake.map(|m| format!(" {m}"));
    let avoid_label = if cautions.is_empty() {
        ctx.t("avoid-label")
    } else {
        format!(" {}", ctx.t("avoid-label"))
    };
    if let Some(avoid) = &avoid {
        spans.extend([bold(&avoid_label), regular(avoid)]);
    }
    b.gap(ctx.style.gap());
    b.allow_break();
    b.paragraph(ctx, &spans, ctx.style.body, &around.region(), false);
}

/// One exercise in the compact layout. It keeps whole on a page unless
/// the page would be left too empty; then it may go on overleaf between
/// its steps or parts, never inside one, and never above the picture.
pub fn exercise(ctx: &mut Ctx, entry: &Entry) -> Block {
    let (exercise, item) = (&*entry.exercise, &*entry.item);
    let style = ctx.style;
    let size = style.body;
    let mut b = Builder::new();
    let lead = parts::separator(ctx, &mut b, entry);
    let equipment = parts::equipment(ctx, exercise);
    let need_placed = parts::title(
        ctx,
        &mut b,
        entry.number,
        &exercise.name,
        style.heading,
        equipment.as_deref().filter(|_| entry.earlier.is_none()),
    );
    b.gap(style.gap());
    let picture_bottom = picture(ctx, &mut b, entry);
    b.y = picture_bottom;
    b.gap(style.gap());
    // The text runs the column's width, under the picture.
    let around = Around {
        left: ctx.page.left(),
        width: ctx.page.content_width(),
        measure: ctx.page.content_width(),
        picture_bottom,
        picture_width: 0.0,
        side: Side::Left,
    };
    let region = around.region();
    let dose = item.dose_or(exercise).describe_in(ctx.words);

    if let Some(earlier) = entry.earlier {
        let text = parts::earlier_text(ctx, earlier);
        let label = ctx.label("you-know-this");
        b.paragraph(ctx, &[bold(&label), regular(&text)], size, &region, false);
        parts::dose_box(ctx, &mut b, &around, &dose);
        parts::note(ctx, &mut b, &around, item);
        return parts::finish(ctx, b, entry, picture_bottom, lead);
    }
    if let Some(text) = equipment.as_deref().filter(|_| !need_placed) {
        let label = ctx.label("you-need");
        b.paragraph(ctx, &[bold(&label), regular(text)], size, &region, false);
        b.gap(style.gap() * 0.5);
    }
    let start = exercise.start.trim();
    if !start.is_empty() {
        // A long start may go on in the next column, two lines on each side.
        let label = ctx.label("how-to-start");
        b.paragraph(ctx, &[bold(&label), regular(start)], size, &region, true);
        b.gap(style.gap() * 0.5);
    }
    let steps: Vec<&str> = exercise
        .steps
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    b.list(ctx, &steps, Marker::Numbers, size, &region, true);
    b.allow_break();
    parts::dose_box(ctx, &mut b, &around, &dose);
    parts::note(ctx, &mut b, &around, item);
    take_care(ctx, &mut b, &around, entry);
    parts::finish(ctx, b, entry, picture_bottom, lead)
}
