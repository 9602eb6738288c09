//! Finished pages: what a page is, and the footer every page gets
//! ("Page N of M" and the program's title).

use super::blocks::{Ctx, Mark, Stroke};
use super::fonts::Weight;
use super::layout::{Line, regular};

/// One page's marks, `y` measured from the top edge of the paper.
pub type Page = Vec<Mark>;

/// Cuts `text` to fit `width` points, ending it with "…" when cut.
pub fn fit(ctx: &mut Ctx, text: &str, size: f32, width: f32) -> Line {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if ctx.measure(&text, Weight::Regular, size) <= width {
        return one_line(ctx, &text, size);
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if ctx.measure(&cut, Weight::Regular, size) <= width {
            return one_line(ctx, &cut, size);
        }
    }
    Line::default()
}

fn one_line(ctx: &mut Ctx, text: &str, size: f32) -> Line {
    ctx.wrap(&[regular(text)], size, f32::MAX)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Adds "Page N of M" and the program title at the foot of every page.
pub fn add_footers(ctx: &mut Ctx, pages: &mut [Page], title: &str) {
    let size = ctx.style.small;
    let page = ctx.page;
    let baseline = page.footer_baseline;
    let rule_y = baseline - size * 1.25;
    let total = pages.len();
    for (n, marks) in pages.iter_mut().enumerate() {
        let label = ctx.t_with("page-of", &[("n", (n + 1).into()), ("total", total.into())]);
        let label_line = one_line(ctx, &label, size);
        let label_width = label_line.width;
        let title_room = page.content_width() - label_width - size * 2.0;
        let title_line = fit(ctx, title, size, title_room);
        marks.push(Mark::Rule {
            from: (page.left(), rule_y),
            to: (page.left() + page.content_width(), rule_y),
            stroke: Stroke::solid(0.75, 0.45),
        });
        marks.push(Mark::Text {
            x: page.left(),
            top: baseline - size,
            baseline,
            size,
            line: title_line,
            grey: 0.0,
        });
        marks.push(Mark::Text {
            x: page.left() + page.content_width() - label_width,
            top: baseline - size,
            baseline,
            size,
            line: label_line,
            grey: 0.0,
        });
    }
}
