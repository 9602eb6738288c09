//! The page flow: blocks go down the page in order, across the full width
//! or (the compact layout's exercises) in two columns, each column filled
//! before the next. A block that does not fit starts the next column or
//! page. Exercises stay whole where they can, headings stay with what
//! follows them, long text may continue overleaf under a "continued"
//! heading.

use super::blocks::{Block, Keep, Mark};
use super::compose::Page;
use std::collections::VecDeque;

/// Tolerance for comparing heights.
const EPSILON: f32 = 0.01;

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

/// Cuts a block at `at`: what is above goes here, the rest (under its
/// continuation heading, if it has one) in the next column or page.
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
            column: self.column,
        }
    }
}

/// The pages, and for each block the page (from 0) it starts on.
pub struct Flow {
    /// The pages.
    pub pages: Vec<Page>,
    /// The page each block starts on, by the block's position.
    pub starts: Vec<usize>,
    /// How much of the last page's content height is used.
    pub last_used: f32,
}

/// Where the next block goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Across the page.
    Full,
    /// In the left (0) or right (1) column.
    Column(usize),
}

/// The page being filled.
struct Filler {
    pages: Vec<Page>,
    /// Where the content starts below the paper's top edge.
    top: f32,
    /// The content's height.
    height: f32,
    /// How far right the second column starts from the first.
    column_shift: f32,
    slot: Slot,
    /// Where the next block goes, from the content's top.
    used: f32,
    /// Where the current pair of columns starts.
    region_top: f32,
    /// How far down each column of the current pair reaches.
    bottoms: [f32; 2],
}

impl Filler {
    /// The top of the current slot: the page's, or its columns'.
    fn slot_top(&self) -> f32 {
        match self.slot {
            Slot::Full => 0.0,
            Slot::Column(_) => self.region_top,
        }
    }

    /// Nothing placed yet in this slot.
    fn empty(&self) -> bool {
        self.used <= self.slot_top() + EPSILON
    }

    /// Nothing placed yet in this slot, and it starts at the top of its
    /// page: no other slot has more room.
    fn fresh(&self) -> bool {
        self.empty() && self.slot_top() <= EPSILON
    }

    /// Nothing placed yet on this page.
    fn page_empty(&self) -> bool {
        self.pages.last().is_none_or(Vec::is_empty)
    }

    /// Switches between the full width and the columns; columns start
    /// `space` below what is above them, both at the same height.
    fn enter(&mut self, column: bool, space: f32) {
        match (self.slot, column) {
            (Slot::Full, true) => {
                let space = if self.used > EPSILON { space } else { 0.0 };
                self.region_top = (self.used + space).min(self.height);
                self.used = self.region_top;
                self.bottoms = [self.region_top; 2];
                self.slot = Slot::Column(0);
            }
            (Slot::Column(_), false) => {
                self.used = self.bottoms[0].max(self.bottoms[1]);
                self.slot = Slot::Full;
            }
            _ => {}
        }
    }

    /// The next column, or the next page.
    fn next_slot(&mut self) {
        if self.slot == Slot::Column(0) {
            self.slot = Slot::Column(1);
            self.used = self.region_top;
            return;
        }
        self.new_page();
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.used = 0.0;
        self.region_top = 0.0;
        self.bottoms = [0.0; 2];
        if let Slot::Column(_) = self.slot {
            self.slot = Slot::Column(0);
        }
    }

    /// Puts a block `gap` below what is there.
    fn place(&mut self, block: Block, gap: f32) {
        let y = self.top + self.used + gap;
        let dx = match self.slot {
            Slot::Column(1) => self.column_shift,
            _ => 0.0,
        };
        let page = self.pages.last_mut().expect("never empty");
        page.extend(block.marks.into_iter().map(|m| m.shifted(y).moved(dx)));
        self.used += gap + block.height;
        if let Slot::Column(n) = self.slot {
            self.bottoms[n] = self.used;
        }
    }

    /// How far down the last page is used.
    fn last_used(&self) -> f32 {
        match self.slot {
            Slot::Full => self.used,
            Slot::Column(_) => self.bottoms[0].max(self.bottoms[1]),
        }
    }
}

/// Settings of one flow.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Where the content starts below the paper's top edge.
    pub top: f32,
    /// The content's height.
    pub height: f32,
    /// How far right the second column starts from the first.
    pub column_shift: f32,
    /// With a value, a block that keeps whole is still divided at one of
    /// its break points rather than leave more than `1 - fill` of a column
    /// or page empty.
    pub fill: Option<f32>,
}

/// How much room a block needs below it: the start of the block after a
/// heading, which must share the column or page with it.
fn needed_after(
    block: &Block,
    next: Option<&Block>,
    height: f32,
    filling: bool,
    empty: bool,
) -> f32 {
    let Some(next) = next.filter(|_| block.keep_with_next) else {
        return 0.0;
    };
    let next_divisible = divisible(next, height) || (filling && !next.breaks.is_empty());
    // A heading and a block that fits a page alone but never together with
    // it: the heading (with its introduction) may close this page, so the
    // block need not be divided.
    let never_together =
        block.height + next.space_before + next.height > height + EPSILON && !next_divisible;
    if never_together && !empty {
        0.0
    } else if next_divisible {
        next.space_before + next.breaks.first().copied().unwrap_or(next.height)
    } else {
        next.space_before + next.height
    }
}

/// Places the blocks on pages.
pub fn paginate(blocks: Vec<Block>, frame: Frame) -> Flow {
    let mut filler = Filler {
        pages: vec![Vec::new()],
        top: frame.top,
        height: frame.height,
        column_shift: frame.column_shift,
        slot: Slot::Full,
        used: 0.0,
        region_top: 0.0,
        bottoms: [0.0; 2],
    };
    let height = frame.height;
    let mut starts = vec![usize::MAX; blocks.len()];
    let mut queue: VecDeque<(usize, Block)> = blocks.into_iter().enumerate().collect();
    // Set when a heading had to start a column and what follows it still
    // does not fit under it: rather than leave the heading alone, the block
    // after it continues in the next column.
    let mut follows_heading = false;
    while let Some((index, mut block)) = queue.pop_front() {
        let under_heading = std::mem::take(&mut follows_heading);
        if block.new_page && !filler.page_empty() {
            filler.new_page();
        }
        filler.enter(block.column, block.space_before);
        let empty = filler.empty();
        if empty && block.lead > EPSILON {
            // A separator at the top of a column separates nothing.
            let lead = block.lead;
            block = cut(block, lead, None).1;
        }
        let gap = if empty { 0.0 } else { block.space_before };
        let room = height - filler.used - gap;
        // Too much of the column would be left empty: whole blocks may be
        // divided too.
        let slot_height = height - filler.slot_top();
        let filling = frame
            .fill
            .is_some_and(|fill| room > (1.0 - fill) * slot_height + EPSILON);
        let after = needed_after(
            &block,
            queue.front().map(|(_, b)| b),
            height,
            filling,
            empty,
        );
        let fits = block.height + after <= room + EPSILON;
        // What may continue overleaf fills this column first.
        let may_cut = divisible(&block, height) || under_heading || filling;
        let cut_here = (!fits && may_cut && !block.keep_with_next)
            .then(|| best_break(&block, room))
            .flatten();
        let fresh = filler.fresh();
        let placed = if fits || (fresh && block.height <= room + EPSILON) {
            Some(block)
        } else if let Some(at) = cut_here {
            let (first, rest) = split(block, at);
            queue.push_front((index, rest));
            Some(first)
        } else if !fresh {
            if filler.slot == Slot::Full && !block.float {
                place_floats(&mut filler, &mut queue, &mut starts);
            }
            queue.push_front((index, block));
            None
        } else {
            // Taller than a whole column: cut it where it allows, or at the
            // bottom when it allows nowhere.
            let at = best_break(&block, room).unwrap_or(room.max(1.0));
            let (first, rest) = split(block, at);
            queue.push_front((index, rest));
            Some(first)
        };
        match placed {
            Some(block) => {
                if starts[index] == usize::MAX {
                    starts[index] = filler.pages.len() - 1;
                }
                follows_heading = empty && block.keep_with_next && !fits;
                filler.place(block, gap);
                if filler.used >= height - EPSILON && !queue.is_empty() {
                    filler.next_slot();
                }
            }
            None => filler.next_slot(),
        }
    }
    let last_used = filler.last_used();
    let mut pages = filler.pages;
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    let last = pages.len() - 1;
    for start in &mut starts {
        *start = (*start).min(last);
    }
    Flow {
        pages,
        starts,
        last_used,
    }
}

/// Blocks free to float fill the rest of this page first; they overtake a
/// block that is not floating, never each other.
fn place_floats(filler: &mut Filler, queue: &mut VecDeque<(usize, Block)>, starts: &mut [usize]) {
    while let Some((_, next)) = queue.front() {
        let gap = next.space_before;
        if !next.float || next.column || filler.used + gap + next.height > filler.height + EPSILON {
            break;
        }
        let Some((index, next)) = queue.pop_front() else {
            break;
        };
        starts[index] = filler.pages.len() - 1;
        filler.place(next, gap);
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
            column: false,
        }
    }

    fn paginate(blocks: Vec<Block>, top: f32, height: f32, fill: Option<f32>) -> Flow {
        super::paginate(
            blocks,
            Frame {
                top,
                height,
                column_shift: 300.0,
                fill,
            },
        )
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
        let pages = paginate(blocks, 0.0, 700.0, None).pages;
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
        let pages = paginate(blocks, 50.0, 700.0, None).pages;
        let mut seen = 0;
        for page in &pages {
            assert!(bottoms(page) <= 750.0 + EPSILON);
            seen += page.len();
        }
        assert_eq!(
            seen,
            heights.iter().map(|h| (h / 10.0) as usize).sum::<usize>()
        );
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
        let pages = paginate(blocks, 0.0, 700.0, None).pages;
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
        let pages = paginate(blocks, 0.0, 700.0, None).pages;
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
        let flow = paginate(blocks, 0.0, 700.0, None);
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
        let pages = paginate(blocks, 0.0, 700.0, None).pages;
        assert_eq!(pages.len(), 3);
        for page in &pages {
            assert!(bottoms(page) <= 700.0 + EPSILON);
        }
        let tall = vec![block(2000.0, Keep::Whole, vec![])];
        let pages = paginate(tall, 0.0, 700.0, None).pages;
        assert_eq!(pages.len(), 3);
        assert!(pages.iter().all(|p| bottoms(p) <= 700.0));
    }

    #[test]
    fn a_separator_is_dropped_at_the_top_of_a_page() {
        let mut second = block(500.0, Keep::Whole, vec![]);
        second.lead = 20.0;
        let flow = paginate(
            vec![block(500.0, Keep::Whole, vec![]), second],
            0.0,
            700.0,
            None,
        );
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
        let flow = paginate(blocks, 0.0, 700.0, None);
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
            None,
        );
        assert_eq!(flow.starts, vec![0, 1, 1]);
    }

    #[test]
    fn with_a_fill_rule_a_whole_block_is_divided_rather_than_leave_half_a_page() {
        let breaks: Vec<f32> = (1..40).map(|n| n as f32 * 10.0).collect();
        let blocks = vec![
            block(300.0, Keep::Whole, vec![]),
            block(400.0, Keep::Whole, breaks.clone()),
        ];
        // Without the rule, the second block moves whole: 400 points stay
        // empty on the first page.
        let whole = paginate(blocks.clone(), 0.0, 700.0, None);
        assert_eq!(whole.starts, vec![0, 1]);
        // With it, the first page is filled and the block continues.
        let filled = paginate(blocks, 0.0, 700.0, Some(0.6));
        assert_eq!(filled.starts, vec![0, 0]);
        assert_eq!(filled.pages.len(), 2);
        assert!(bottoms(&filled.pages[0]) >= 0.6 * 700.0);
        // A block that leaves less than 40 % empty still moves whole.
        let blocks = vec![
            block(450.0, Keep::Whole, vec![]),
            block(400.0, Keep::Whole, breaks),
        ];
        assert_eq!(paginate(blocks, 0.0, 700.0, Some(0.6)).starts, vec![0, 1]);
    }

    #[test]
    fn column_blocks_fill_the_left_column_then_the_right_then_the_next_page() {
        let header = block(200.0, Keep::Whole, vec![]);
        let columns: Vec<Block> = (0..5)
            .map(|_| {
                let mut b = block(300.0, Keep::Whole, vec![]);
                b.column = true;
                b
            })
            .collect();
        let mut blocks = vec![header];
        blocks.extend(columns);
        let flow = paginate(blocks, 0.0, 700.0, None);
        // Under the header: one per column (500 points of room each);
        // then two more per column on the next page.
        assert_eq!(flow.starts, vec![0, 0, 0, 1, 1, 1]);
        let right: Vec<f32> = flow.pages[0]
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { x, y, .. } if *x > 100.0 => Some(*y),
                _ => None,
            })
            .collect();
        assert_eq!(
            right.first().copied(),
            Some(210.0),
            "the right column starts under the header"
        );
        // A full-width block after the columns goes below the lower one.
        let mut blocks = vec![block(100.0, Keep::Whole, vec![])];
        let mut short = block(100.0, Keep::Whole, vec![]);
        short.column = true;
        blocks.push(short);
        blocks.push(block(100.0, Keep::Whole, vec![]));
        let flow = paginate(blocks, 0.0, 700.0, None);
        assert_eq!(flow.starts, vec![0, 0, 0]);
        assert!((flow.last_used - 320.0).abs() < 0.1, "{}", flow.last_used);
        // Both columns start at the same height, the block's space below
        // what is across the page.
        let tops: Vec<f32> = flow.pages[0]
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { y, .. } => Some(*y),
                _ => None,
            })
            .collect();
        assert!(tops.contains(&110.0), "{tops:?}");
    }

    #[test]
    fn a_new_page_block_starts_a_page() {
        let mut chart = block(100.0, Keep::Whole, vec![]);
        chart.new_page = true;
        let flow = paginate(
            vec![block(100.0, Keep::Whole, vec![]), chart],
            0.0,
            700.0,
            None,
        );
        assert_eq!(flow.pages.len(), 2);
        assert_eq!(flow.starts, vec![0, 1]);
    }
}
