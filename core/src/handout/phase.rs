//! The frame of each phase: a heading with its name and how long it lasts,
//! and, after its exercises, what must be true before moving on.

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Stroke, column};
use super::layout::{bold, regular};
use crate::program::Phase;

/// The heading of a phase: its name, how long it lasts and how long a
/// session takes.
pub fn heading(ctx: &mut Ctx, phase: &Phase, minutes: u32) -> Block {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let full = column(left, width);
    let mut b = Builder::new();
    let name = match phase.name.trim() {
        "" => ctx.t("your-exercises"),
        name => name.to_string(),
    };
    b.paragraph(ctx, &[bold(&name)], style.phase, &full, false);
    b.gap(style.body * 0.2);
    b.mark(Mark::Rule {
        from: (left, b.y),
        to: (left + width, b.y),
        stroke: Stroke::solid(2.0, 0.0),
    });
    b.gap(style.gap());
    let weeks = phase
        .weeks
        .filter(|&w| w > 0)
        .map(|weeks| ctx.t_with("phase-weeks", &[("n", weeks.into())]));
    let session = (minutes > 0).then(|| ctx.t_with("phase-session", &[("n", minutes.into())]));
    let text = [weeks, session]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !text.is_empty() {
        let label = ctx.label("how-long");
        b.paragraph(
            ctx,
            &[bold(&label), regular(&text)],
            style.body,
            &full,
            false,
        );
    }
    let mut block = b.finish(Keep::Whole);
    block.keep_with_next = true;
    block.space_before = style.body * 1.6;
    block
}

/// What must be true before moving on, in a box that closes the phase. It
/// is drawn at the foot of the phase's last exercise, so it never ends up
/// alone on a page.
pub fn move_on(ctx: &mut Ctx, b: &mut Builder, advance_when: &str) {
    let advance = advance_when.trim();
    if advance.is_empty() {
        return;
    }
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let pad = style.body * 0.6;
    // It may go overleaf (under the exercise's "continued" heading) only
    // when the exercise and the box together are taller than a page.
    b.gap(style.body * 1.1);
    b.allow_break();
    let top = b.y;
    let at = b.mark_count();
    b.gap(pad);
    let label = ctx.label("move-on");
    b.paragraph(
        ctx,
        &[bold(&label), regular(advance)],
        style.body,
        &column(left + pad, (width - 2.0 * pad).min(ctx.text_width())),
        false,
    );
    b.gap(pad);
    b.insert_mark(
        at,
        Mark::Rect {
            x: left,
            y: top,
            w: width,
            h: b.y - top,
            fill: None,
            stroke: Some(Stroke::solid(1.5, 0.0)),
        },
    );
}
