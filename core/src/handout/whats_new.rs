//! The "What's new" box on the first page of a progressed program: the
//! plain lines of [`crate::program::changes`], so a returning patient sees
//! at once what is different from the handout they had (patients follow a
//! changed program better when told plainly what changed).
//!
//! It is kept short, so the first page keeps its safety box: at most
//! [`MOST`] lines, then one line saying how many more there are.

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Marker, Stroke, column};
use super::layout::bold;

/// Title of the box.
pub const TITLE: &str = "What's new since your last visit";

/// The most changes listed; the rest are counted in one line.
pub const MOST: usize = 6;

/// The box, or `None` when there is nothing new.
pub fn whats_new(ctx: &mut Ctx, lines: &[String]) -> Option<Block> {
    if lines.is_empty() {
        return None;
    }
    let style = ctx.style;
    let size = style.body;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let pad = size * 0.5;
    let inner = column(left + pad, (width - 2.0 * pad).min(ctx.text_width()));
    let mut shown: Vec<String> = lines.iter().take(MOST).cloned().collect();
    if lines.len() > MOST {
        shown.push(format!(
            "And {} more: ask us about them.",
            lines.len() - MOST
        ));
    }
    let items: Vec<&str> = shown.iter().map(String::as_str).collect();
    let mut b = Builder::new();
    b.gap(pad * 0.8);
    b.paragraph(ctx, &[bold(TITLE)], style.heading, &inner, false);
    b.gap(style.gap() * 0.5);
    b.list(ctx, &items, Marker::Bullets, size, &inner, false);
    b.gap(pad);
    b.insert_mark(
        0,
        Mark::Rect {
            x: left,
            y: 0.0,
            w: width,
            h: b.y,
            fill: Some(0.93),
            stroke: Some(Stroke::solid(1.0, 0.0)),
        },
    );
    let mut block = b.finish(Keep::Whole);
    block.space_before = style.body * 0.8;
    Some(block)
}
