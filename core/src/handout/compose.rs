//! The page flow: blocks go down the page in order; a block that does not
//! fit starts the next page. Exercises stay whole, headings stay with what
//! follows them, long text may continue on the next page. Then every page
//! gets its footer.

use super::blocks::{Block, Ctx, Keep, Mark, Stroke};
use super::fonts::Weight;
use super::layout::{Line, regular};
use std::collections::VecDeque;

/// Tolerance for comparing heights.
const EPSILON: f32 = 0.01;

/// One page's marks, `y` measured from the top edge of the paper.
pub type Page = Vec<Mark>;

/// The first part of `block` that must share a page with the block before
/// it when that one is a heading.
fn first_part(block: &Block, page_height: f32) -> f32 {
    if divisible(block, page_height) {
        block.breaks.first().copied().unwrap_or(block.height)
    } else {
        block.height
    }
}

/// Whether a block may be divided: text may, and so may anything taller
/// than a page, which could not be printed otherwise.
fn divisible(block: &Block, page_height: f32) -> bool {
    block.keep == Keep::Lines || block.height > page_height + EPSILON
}

/// The lowest break at or above `room`.
fn best_break(block: &Block, room: f32) -> Option<f32> {
    block
        .breaks
        .iter()
        .copied()
        .rev()
        .find(|&b| b > EPSILON && b <= room + EPSILON)
}

/// Cuts a block at `at`: what is above goes on this page, the rest (under
/// its continuation heading, if it has one) on the next.
fn split(block: Block, at: f32) -> (Block, Block) {
    let head = block.continuation.clone();
    cut(block, at, head.as_deref())
}

/// Cuts a block at `at`, putting `head` on top of the part below.
fn cut(mut block: Block, at: f32, head: Option<&Block>) -> (Block, Block) {
    let (above, below): (Vec<Mark>, Vec<Mark>) = std::mem::take(&mut block.marks)
        .into_iter()
        .partition(|mark| mark.top() < at - EPSILON);
    let first = Block {
        height: at,
        marks: above,
        breaks: Vec::new(),
        keep_with_next: false,
        ..block.clone_shape()
    };
    let (head, head_height) = match head {
        Some(head) => (head.marks.clone(), head.height),
        None => (Vec::new(), 0.0),
    };
    let shift = head_height - at;
    let mut marks = head;
    marks.extend(below.into_iter().map(|m| m.shifted(shift)));
    let rest = Block {
        height: (block.height - at).max(0.0) + head_height,
        marks,
        breaks: block
            .breaks
            .iter()
            .filter(|&&b| b > at + EPSILON)
            .map(|b| b + shift)
            .collect(),
        new_page: false,
        space_before: 0.0,
        lead: 0.0,
        ..block.clone_shape()
    };
    (first, rest)
}

impl Block {
    /// The block's settings without its content.
    fn clone_shape(&self) -> Block {
        Block {
            height: self.height,
            marks: Vec::new(),
            keep: self.keep,
            breaks: Vec::new(),
            keep_with_next: self.keep_with_next,
            new_page: self.new_page,
            space_before: self.space_before,
            lead: self.lead,
            continuation: self.continuation.clone(),
            float: self.float,
        }
    }
}

/// The pages, and for each block the page (from 0) it starts on.
pub struct Flow {
    /// The pages.
    pub pages: Vec<Page>,
    /// The page each block starts on, by the block's position.
    pub starts: Vec<usize>,
}

/// Places the blocks on pages of `page_height` points of content starting
/// `top` points below the paper's top edge.
pub fn paginate(blocks: Vec<Block>, top: f32, page_height: f32) -> Flow {
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut starts = vec![usize::MAX; blocks.len()];
    let mut used = 0.0_f32;
    let mut empty = true;
    let mut queue: VecDeque<(usize, Block)> = blocks.into_iter().enumerate().collect();
    // Set when a heading had to start a page and what follows it still
    // does not fit under it: rather than leave the heading alone, the
    // block after it continues overleaf.
    let mut follows_heading = false;
    while let Some((index, mut block)) = queue.pop_front() {
        let under_heading = std::mem::take(&mut follows_heading);
        if block.new_page && !empty {
            pages.push(Vec::new());
            used = 0.0;
            empty = true;
        }
        if empty && block.lead > EPSILON {
            // A separator at the top of a page separates nothing.
            let lead = block.lead;
            block = cut(block, lead, None).1;
        }
        let gap = if empty { 0.0 } else { block.space_before };
        let room = page_height - used - gap;
        let with_next = match queue.front() {
            Some((_, next)) if block.keep_with_next => {
                // A heading and a block that fits a page alone but never
                // together with it: the heading (with its introduction) may
                // close this page, so the block need not be divided.
                let never_together = block.height + next.space_before + next.height
                    > page_height + EPSILON
                    && !divisible(next, page_height);
                if never_together && !empty {
                    0.0
                } else {
                    next.space_before + first_part(next, page_height)
                }
            }
            _ => 0.0,
        };
        let fits = block.height + with_next <= room + EPSILON;
        // What may continue overleaf fills this page first.
        let may_cut = divisible(&block, page_height) || under_heading;
        let cut_here = (!fits && may_cut && !block.keep_with_next)
            .then(|| best_break(&block, room))
            .flatten();
        let placed = if fits || (empty && block.height <= room + EPSILON) {
            Some(block)
        } else if let Some(at) = cut_here {
            let (first, rest) = split(block, at);
            queue.push_front((index, rest));
            Some(first)
        } else if !empty {
            // Blocks free to float fill the rest of this page first; they
            // overtake a block that is not floating, never each other.
            while let Some((_, next)) = queue.front().filter(|_| !block.float) {
                let gap = next.space_before;
                if !next.float || used + gap + next.height > page_height + EPSILON {
                    break;
                }
                let Some((float_index, next)) = queue.pop_front() else {
                    break;
                };
                starts[float_index] = pages.len() - 1;
                let y = top + used + gap;
                let page = pages.last_mut().expect("never empty");
                page.extend(next.marks.into_iter().map(|m| m.shifted(y)));
                used += gap + next.height;
            }
            queue.push_front((index, block));
            None
        } else {
            // Taller than a whole page: cut it where it allows, or at the
            // page bottom when it allows nowhere.
            let at = best_break(&block, room).unwrap_or(room.max(1.0));
            let (first, rest) = split(block, at);
            queue.push_front((index, rest));
            Some(first)
        };
        match placed {
            Some(block) => {
                if starts[index] == usize::MAX {
                    starts[index] = pages.len() - 1;
                }
                follows_heading = empty && block.keep_with_next && !fits;
                let y = top + used + gap;
                let page = pages.last_mut().expect("never empty");
                page.extend(block.marks.into_iter().map(|m| m.shifted(y)));
                used += gap + block.height;
                empty = false;
                if used >= page_height - EPSILON && !queue.is_empty() {
                    pages.push(Vec::new());
                    used = 0.0;
                    empty = true;
                }
            }
            None => {
                pages.push(Vec::new());
                used = 0.0;
                empty = true;
            }
        }
    }
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    let last = pages.len() - 1;
    for start in &mut starts {
        *start = (*start).min(last);
    }
    Flow { pages, starts }
}

/// Cuts `text` to fit `width` points, ending it with "…" when cut.
fn fit(ctx: &mut Ctx, text: &str, size: f32, width: f32) -> Line {
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
        let label = format!("Page {} of {total}", n + 1);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn block(height: f32, keep: Keep, breaks: Vec<f32>) -> Block {
        // One mark per 10 points, so we can see where each part went.
        let marks = (0..(height / 10.0) as usize)
            .map(|n| Mark::Rect {
                x: 0.0,
                y: n as f32 * 10.0,
                w: 1.0,
                h: 10.0,
                fill: None,
                stroke: None,
            })
            .collect();
        Block {
            height,
            marks,
            keep,
            breaks,
            keep_with_next: false,
            new_page: false,
            space_before: 10.0,
            lead: 0.0,
            continuation: None,
            float: false,
        }
    }

    fn bottoms(page: &Page) -> f32 {
        page.iter()
            .map(|m| match m {
                Mark::Rect { y, h, .. } => y + h,
                _ => 0.0,
            })
            .fold(0.0, f32::max)
    }

    #[test]
    fn a_whole_block_that_does_not_fit_moves_to_the_next_page() {
        let blocks = vec![
            block(300.0, Keep::Whole, vec![]),
            block(400.0, Keep::Whole, vec![]),
            block(200.0, Keep::Whole, vec![]),
        ];
        let pages = paginate(blocks, 0.0, 700.0).pages;
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 30);
        assert_eq!(pages[1].len(), 60);
        for page in &pages {
            assert!(bottoms(page) <= 700.0);
        }
    }

    #[test]
    fn no_exercise_is_ever_split_when_it_fits_on_a_page() {
        // Many blocks of awkward heights: each lands whole on one page.
        let heights = [130.0, 420.0, 250.0, 610.0, 90.0, 330.0, 480.0, 200.0, 700.0];
        let blocks: Vec<Block> = heights
            .iter()
            .map(|&h| {
                block(
                    h,
                    Keep::Whole,
                    (1..(h / 10.0) as usize).map(|n| n as f32 * 10.0).collect(),
                )
            })
            .collect();
        let pages = paginate(blocks, 50.0, 700.0).pages;
        let mut seen = 0;
        for page in &pages {
            assert!(bottoms(page) <= 750.0 + EPSILON);
            seen += page.len();
        }
        assert_eq!(
            seen,
            heights.iter().map(|h| (h / 10.0) as usize).sum::<usize>()
        );
        // Each block's marks are contiguous on one page: count pages used.
        assert!(pages.len() >= 5);
    }

    #[test]
    fn a_heading_moves_with_the_block_after_it() {
        let mut heading = block(40.0, Keep::Whole, vec![]);
        heading.keep_with_next = true;
        let blocks = vec![
            block(600.0, Keep::Whole, vec![]),
            heading,
            block(200.0, Keep::Whole, vec![]),
        ];
        let pages = paginate(blocks, 0.0, 700.0).pages;
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 60);
        assert_eq!(pages[1].len(), 24);
    }

    #[test]
    fn a_heading_that_starts_a_page_keeps_the_start_of_what_follows() {
        let mut heading = block(100.0, Keep::Whole, vec![]);
        heading.keep_with_next = true;
        let breaks = vec![300.0, 500.0];
        // No room for the heading under the first block.
        let blocks = vec![
            block(620.0, Keep::Whole, vec![]),
            heading,
            block(650.0, Keep::Whole, breaks),
        ];
        let pages = paginate(blocks, 0.0, 700.0).pages;
        assert_eq!(pages.len(), 3);
        // The heading and the first 500 points of the block share page 2.
        assert_eq!(pages[1].len(), 10 + 50);
        assert_eq!(pages[2].len(), 15);
    }

    #[test]
    fn a_heading_closes_a_page_rather_than_divide_what_never_fits_with_it() {
        let mut heading = block(100.0, Keep::Whole, vec![]);
        heading.keep_with_next = true;
        let blocks = vec![
            block(300.0, Keep::Whole, vec![]),
            heading,
            block(650.0, Keep::Whole, vec![300.0, 500.0]),
        ];
        let flow = paginate(blocks, 0.0, 700.0);
        assert_eq!(flow.starts, vec![0, 0, 1]);
        assert_eq!(flow.pages[1].len(), 65);
    }

    #[test]
    fn long_text_continues_overleaf_and_an_oversized_block_is_cut() {
        let breaks: Vec<f32> = (1..150).map(|n| n as f32 * 10.0).collect();
        let blocks = vec![
            block(500.0, Keep::Whole, vec![]),
            block(1500.0, Keep::Lines, breaks.clone()),
        ];
        let pages = paginate(blocks, 0.0, 700.0).pages;
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].len(), 50 + 19);
        let tall = vec![block(1500.0, Keep::Whole, breaks)];
        let pages = paginate(tall, 0.0, 700.0).pages;
        assert_eq!(pages.len(), 3);
        assert!(pages.iter().all(|p| bottoms(p) <= 700.0));
    }

    #[test]
    fn a_separator_is_dropped_at_the_top_of_a_page() {
        let mut second = block(500.0, Keep::Whole, vec![]);
        second.lead = 20.0;
        let flow = paginate(vec![block(500.0, Keep::Whole, vec![]), second], 0.0, 700.0);
        assert_eq!(flow.pages.len(), 2);
        assert_eq!(flow.pages[1].len(), 48);
        assert_eq!(flow.pages[1][0].top(), 0.0);
    }

    #[test]
    fn floating_blocks_fill_the_page_a_big_block_leaves() {
        let mut small = block(100.0, Keep::Whole, vec![]);
        small.float = true;
        let mut too_big_to_float = block(300.0, Keep::Whole, vec![]);
        too_big_to_float.float = true;
        let blocks = vec![
            block(300.0, Keep::Whole, vec![]),
            block(500.0, Keep::Whole, vec![]),
            small,
            too_big_to_float,
        ];
        let flow = paginate(blocks, 0.0, 700.0);
        assert_eq!(flow.starts, vec![0, 1, 0, 2]);
        assert_eq!(flow.pages[0].len(), 30 + 10);

        // Floating blocks keep their own order.
        let mut first = block(400.0, Keep::Whole, vec![]);
        first.float = true;
        let mut second = block(100.0, Keep::Whole, vec![]);
        second.float = true;
        let flow = paginate(
            vec![block(400.0, Keep::Whole, vec![]), first, second],
            0.0,
            700.0,
        );
        assert_eq!(flow.starts, vec![0, 1, 1]);
    }

    #[test]
    fn a_new_page_block_starts_a_page() {
        let mut chart = block(100.0, Keep::Whole, vec![]);
        chart.new_page = true;
        let flow = paginate(vec![block(100.0, Keep::Whole, vec![]), chart], 0.0, 700.0);
        assert_eq!(flow.pages.len(), 2);
        assert_eq!(flow.starts, vec![0, 1]);
    }
}
