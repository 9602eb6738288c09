//! The detailed layout: one exercise as the patient reads it when they
//! need every detail: number and name, the picture on the right (frames
//! numbered, a video code under it), and beside it the purpose, starting
//! position, numbered steps, the dose in bold, the therapist's note,
//! common mistakes and cautions.

use super::blocks::{Block, Builder, Ctx, Marker};
use super::figure::{self, Labels};
use super::layout::{bold, regular};
use super::parts::{self, Around, Side};
use super::plan::Entry;
use super::qr;
use super::style::MM;

/// Draws the picture (or a placeholder) at the top right, its frames
/// numbered, with the video's code under it; returns its bottom and the
/// width it takes.
fn picture(ctx: &mut Ctx, b: &mut Builder, entry: &Entry) -> (f32, f32) {
    let style = ctx.style;
    let right = ctx.page.left() + ctx.page.content_width();
    let top = b.y;
    let width = figure::width_within(ctx, &entry.illustration, style.picture_width, Labels::Words);
    let shown = figure::figure(
        ctx,
        &entry.illustration,
        0.0,
        width,
        style.picture_max_height,
        Labels::Words,
    );
    let room = shown.width.max(qr::SIZE);
    let mut bottom = top + shown.height;
    let x = right - shown.width;
    for mark in shown.marks {
        b.mark(mark.shifted(top).moved(x));
    }
    let mut width = shown.width;
    if let Some(address) = &entry.video {
        let (marks, height) = qr::qr(ctx, address, 0.0, room).unwrap_or_default();
        let gap = if shown.height > 0.0 { 2.0 * MM } else { 0.0 };
        for mark in marks {
            b.mark(mark.shifted(bottom + gap).moved(right - room));
        }
        bottom += gap + height;
        width = room;
    }
    (bottom, width)
}

/// A bold label on its own line, then a list.
fn labelled_list(
    ctx: &mut Ctx,
    b: &mut Builder,
    around: &Around,
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
        b.paragraph(ctx, &[bold(label)], size, &around.region(), false);
    }
    b.list(ctx, &items, marker, size, &around.region(), false);
}

/// Everything about one exercise, kept together on one page. An exercise
/// an earlier phase already explained gets its picture, new dose and note,
/// and a pointer back to the steps.
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
    let (picture_bottom, picture_width) = picture(ctx, &mut b, entry);
    let around = Around {
        left: ctx.page.left(),
        width: ctx.page.content_width(),
        measure: ctx.text_width(),
        picture_bottom: picture_bottom + style.body * 0.4,
        picture_width,
        side: Side::Right,
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

    let purpose = exercise.purpose.trim();
    if !purpose.is_empty() {
        b.paragraph(ctx, &[regular(purpose)], size, &region, false);
        b.gap(style.gap());
    }
    if let Some(text) = equipment.as_deref().filter(|_| !need_placed) {
        let label = ctx.label("you-need");
        b.paragraph(ctx, &[bold(&label), regular(text)], size, &region, false);
        b.gap(style.gap());
    }
    let start = exercise.start.trim();
    if !start.is_empty() {
        let label = ctx.label("how-to-start");
        b.paragraph(ctx, &[bold(&label), regular(start)], size, &region, false);
    }
    labelled_list(
        ctx,
        &mut b,
        &around,
        "",
        &exercise.steps,
        Marker::Numbers,
        false,
    );
    parts::dose_box(ctx, &mut b, &around, &dose);
    parts::note(ctx, &mut b, &around, item);
    let mistakes = ctx.t("avoid-mistakes");
    labelled_list(
        ctx,
        &mut b,
        &around,
        &mistakes,
        &exercise.mistakes,
        Marker::Bullets,
        true,
    );
    let take_care = ctx.t("take-care");
    labelled_list(
        ctx,
        &mut b,
        &around,
        &take_care,
        &exercise.cautions,
        Marker::Bullets,
        true,
    );
    parts::finish(ctx, b, entry, picture_bottom, lead)
}
