//! What a page is made of, before it becomes PDF: marks (lines of text,
//! boxes, rules, pictures) gathered into blocks that the page flow places.
//! A [`Builder`] lays marks out top to bottom, wrapping text as it goes.

use super::fonts::{Fonts, Weight};
use super::layout::{self, Line, Span};
use super::style::{Geometry, Style};
use crate::lang::{Arg, Words};
use std::collections::BTreeSet;

/// Shared state while the handout is laid out.
pub struct Ctx {
    /// The fonts, for measuring.
    pub fonts: &'static Fonts,
    /// Type sizes.
    pub style: Style,
    /// The page.
    pub page: Geometry,
    /// Characters no font could print, for the warnings.
    pub missing: BTreeSet<char>,
    /// The handout's own words, in the patient's language.
    pub words: &'static Words,
}

impl Ctx {
    /// One of the handout's own texts, in the patient's language.
    pub fn t(&self, id: &str) -> String {
        self.words.get(id)
    }

    /// A text with values put in.
    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.words.with(id, args)
    }

    /// A label that runs on into its text ("How much: "), with its space.
    pub fn label(&self, id: &str) -> String {
        format!("{} ", self.words.get(id))
    }

    /// Width of unwrapped text in points.
    pub fn measure(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.fonts.measure(text, weight) * size
    }

    /// The longest a line of body text may be: the style's characters of
    /// everyday English, or the page's width if that is less.
    pub fn text_width(&self) -> f32 {
        const SAMPLE: &str =
            "Lie on your back with your knees bent and your feet flat on the floor.";
        let per_char = self.measure(SAMPLE, Weight::Regular, self.style.body) / SAMPLE.len() as f32;
        (per_char * self.style.line_chars).min(self.page.content_width())
    }

    /// Wraps text to a fixed width.
    pub fn wrap(&mut self, spans: &[Span], size: f32, width: f32) -> Vec<Line> {
        layout::wrap_to(self.fonts, spans, size, width, &mut self.missing)
    }
}

/// How a line or a box edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Line width in points.
    pub width: f32,
    /// Grey level: 0 is black, 1 is white.
    pub grey: f32,
    /// Dashed instead of solid.
    pub dashed: bool,
}

impl Stroke {
    /// A solid line.
    pub fn solid(width: f32, grey: f32) -> Self {
        Self {
            width,
            grey,
            dashed: false,
        }
    }
}

/// One thing drawn on a page; `y` runs down from the top of its block
/// (or, once placed, from the top of the page).
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text.
    Text {
        /// Left end of the baseline.
        x: f32,
        /// Top of the line box, used to decide where a block may be cut.
        top: f32,
        /// Baseline.
        baseline: f32,
        /// Size in points.
        size: f32,
        /// The text.
        line: Line,
        /// Grey level of the letters.
        grey: f32,
    },
    /// A rectangle, filled or outlined.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill grey level.
        fill: Option<f32>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Rule {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// How it is drawn.
        stroke: Stroke,
    },
    /// A picture from the export's picture list.
    Picture {
        /// Position in the picture list.
        index: usize,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
}

impl Mark {
    /// The top of the mark.
    pub fn top(&self) -> f32 {
        match self {
            Mark::Text { top, .. } => *top,
            Mark::Rect { y, .. } | Mark::Picture { y, .. } => *y,
            Mark::Rule { from, to, .. } => from.1.min(to.1),
        }
    }

    /// The mark moved right by `dx`.
    pub fn moved(mut self, dx: f32) -> Self {
        match &mut self {
            Mark::Text { x, .. } | Mark::Rect { x, .. } | Mark::Picture { x, .. } => *x += dx,
            Mark::Rule { from, to, .. } => {
                from.0 += dx;
                to.0 += dx;
            }
        }
        self
    }

    /// The mark moved down by `dy`.
    pub fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Mark::Text { top, baseline, .. } => {
                *top += dy;
                *baseline += dy;
            }
            Mark::Rect { y, .. } | Mark::Picture { y, .. } => *y += dy,
            Mark::Rule { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
        }
        self
    }
}

/// How a block may be divided between pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Never divided, unless it is taller than a whole page.
    Whole,
    /// May be cut at any of its break points.
    Lines,
}

/// A piece of the handout placed as a unit by the page flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Height in points.
    pub height: f32,
    /// What is drawn, relative to the block's top.
    pub marks: Vec<Mark>,
    /// Whether it may be divided.
    pub keep: Keep,
    /// Heights at which it may be cut, ascending.
    pub breaks: Vec<f32>,
    /// Must share a page with the start of the next block (headings).
    pub keep_with_next: bool,
    /// Starts a new page.
    pub new_page: bool,
    /// Space above it, unless it starts a page.
    pub space_before: f32,
    /// Height of a leading separator (a rule and its space) left out when
    /// the block starts a page.
    pub lead: f32,
    /// Put at the top of each part after the first when the block must be
    /// divided (e.g. "3 Bridge (continued)").
    pub continuation: Option<Box<Block>>,
    /// May move ahead of a block that does not fit on the page, to fill it.
    pub float: bool,
    /// Goes in a column (half the page's width) rather than across it.
    pub column: bool,
}

/// Lays marks out from the top down.
pub struct Builder {
    marks: Vec<Mark>,
    breaks: Vec<f32>,
    /// The current height: where the next mark goes.
    pub y: f32,
}

/// Where lines go: for a line whose top is at `y`, its left edge and width.
pub type Region<'a> = &'a dyn Fn(f32) -> (f32, f32);

/// How list items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// "1.", "2.", …
    Numbers,
    /// A bullet.
    Bullets,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    /// An empty block.
    pub fn new() -> Self {
        Self {
            marks: Vec::new(),
            breaks: Vec::new(),
            y: 0.0,
        }
    }

    /// Adds vertical space.
    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// Adds any mark.
    pub fn mark(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// How many marks there are so far.
    pub fn mark_count(&self) -> usize {
        self.marks.len()
    }

    /// Adds a mark before the mark at `index`, to be drawn under it.
    pub fn insert_mark(&mut self, index: usize, mark: Mark) {
        let index = index.min(self.marks.len());
        self.marks.insert(index, mark);
    }

    /// Forgets the break points above `y`.
    pub fn keep_breaks_below(&mut self, y: f32) {
        self.breaks.retain(|&b| b >= y);
    }

    /// Forgets the break points below `y`.
    pub fn keep_breaks_above(&mut self, y: f32) {
        self.breaks.retain(|&b| b <= y);
    }

    /// Allows the block to be cut at the current height.
    pub fn allow_break(&mut self) {
        if self.y > 0.0 && self.breaks.last().is_none_or(|&b| b < self.y) {
            self.breaks.push(self.y);
        }
    }

    /// Places one wrapped line with its top at the current height.
    pub fn line(&mut self, ctx: &Ctx, line: Line, x: f32, size: f32, grey: f32) {
        self.marks.push(Mark::Text {
            x,
            top: self.y,
            baseline: self.y + ctx.style.baseline(size),
            size,
            line,
            grey,
        });
        self.y += ctx.style.line(size);
    }

    /// Wraps and places a paragraph in `region`; returns the number of lines.
    /// With `breakable`, the block may be cut inside it, leaving at least
    /// two lines on each side.
    pub fn paragraph(
        &mut self,
        ctx: &mut Ctx,
        spans: &[Span],
        size: f32,
        region: Region,
        breakable: bool,
    ) -> usize {
        let lh = ctx.style.line(size);
        let start = self.y;
        let lines = layout::wrap(
            ctx.fonts,
            spans,
            size,
            &mut |n| region(start + n as f32 * lh).1,
            &mut ctx.missing,
        );
        let count = lines.len();
        if breakable {
            self.allow_break();
        }
        for (n, line) in lines.into_iter().enumerate() {
            if breakable && n >= 2 && count - n >= 2 {
                self.allow_break();
            }
            let (x, _) = region(self.y);
            self.line(ctx, line, x, size, 0.0);
        }
        count
    }

    /// A numbered or bulleted list with hanging indents. With
    /// `breakable`, the block may be cut between items (never inside one).
    pub fn list(
        &mut self,
        ctx: &mut Ctx,
        items: &[&str],
        marker: Marker,
        size: f32,
        region: Region,
        breakable: bool,
    ) {
        let label = |n: usize| match marker {
            Marker::Numbers => format!("{}.", n + 1),
            Marker::Bullets => "•".to_string(),
        };
        let widest = (0..items.len())
            .map(|n| ctx.measure(&label(n), Weight::Bold, size))
            .fold(0.0, f32::max);
        let indent = widest + size * 0.6;
        let item_gap = size * 0.15;
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                self.gap(item_gap);
            }
            if breakable {
                self.allow_break();
            }
            // The whole item keeps to the column its first line starts in,
            // so its lines hang under its text, not under the number.
            let (x, width) = region(self.y);
            let mark = label(n);
            let mark_width = ctx.measure(&mark, Weight::Bold, size);
            // Numbers line up on their right edge, bullets on the left.
            let mark_x = match marker {
                Marker::Numbers => x + widest - mark_width,
                Marker::Bullets => x,
            };
            let mut line = ctx.wrap(&[layout::bold(&mark)], size, f32::MAX);
            let top = self.y;
            let at = self.marks.len();
            self.paragraph(
                ctx,
                &[layout::regular(item)],
                size,
                &column(x + indent, (width - indent).max(size)),
                false,
            );
            if let Some(first) = line.pop() {
                // Before the item's text, so the number is read first.
                self.marks.insert(
                    at,
                    Mark::Text {
                        x: mark_x,
                        top,
                        baseline: top + ctx.style.baseline(size),
                        size,
                        line: first,
                        grey: 0.0,
                    },
                );
            }
        }
    }

    /// The block.
    pub fn finish(self, keep: Keep) -> Block {
        Block {
            height: self.y,
            marks: self.marks,
            keep,
            breaks: self.breaks,
            keep_with_next: false,
            new_page: false,
            space_before: 0.0,
            lead: 0.0,
            continuation: None,
            float: false,
            column: false,
        }
    }
}

/// A region of fixed left edge and width.
pub fn column(x: f32, width: f32) -> impl Fn(f32) -> (f32, f32) {
    move |_| (x, width)
}
