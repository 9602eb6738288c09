//! An exercise's picture as printed, with its movement's frames numbered:
//! "1 Start", "2 Finish" (or 1, 2, 3) beside the frames, placed from the
//! frame markers in the drawing, never guessed. Frames side by side get
//! their numbers above them; frames stacked (or in a grid) get them to
//! their left. A picture that cannot be shown is a labelled box.

use super::blocks::{Ctx, Mark, Stroke};
use super::fonts::Weight;
use super::layout::{bold, regular};
use super::pictures::Illustration;
use super::style::MM;
use crate::lang::Words;
use crate::store::pictures::Frame;

/// The smallest a picture is ever printed.
pub const MIN_WIDTH: f32 = 45.0 * MM;

/// A laid-out picture: its marks (relative to the figure's top left) and
/// the space it takes.
#[derive(Debug, Clone, Default)]
pub struct Figure {
    /// What is drawn, with `y` from the figure's top.
    pub marks: Vec<Mark>,
    /// Width taken.
    pub width: f32,
    /// Height taken.
    pub height: f32,
}

/// The word under a frame's number: the first frame is the start, the
/// last the finish; frames between have only their number (as do all
/// frames when `count` is 0).
pub fn frame_word(words: &Words, number: usize, count: usize) -> Option<String> {
    match number {
        _ if count == 0 => None,
        1 => Some(words.get("figure-start")),
        n if n == count => Some(words.get("figure-finish")),
        _ => None,
    }
}

/// How frames are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// "1 Start", "2", "3 Finish".
    Words,
    /// "1", "2", "3": where room is short (the summary card).
    Numbers,
}

/// How a movement's frames sit in the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arrangement {
    /// Side by side, tops level: numbers go above.
    Row,
    /// One above another, or a grid: numbers go to the left.
    Stacked,
}

fn arrangement(frames: &[Frame]) -> Arrangement {
    let level = frames.windows(2).all(|pair| {
        (pair[0].y - pair[1].y).abs() < 0.05 && pair[1].x >= pair[0].x + pair[0].w - 0.01
    });
    if level {
        Arrangement::Row
    } else {
        Arrangement::Stacked
    }
}

/// Lays out `illustration` with its left edge at `x`: the picture `width`
/// across and, where it can, no more than `max_height` down (never
/// narrower than [`MIN_WIDTH`] to obey it). Numbers for stacked frames
/// take a gutter to the picture's left, numbers for frames side by side a
/// band above it.
pub fn figure(
    ctx: &mut Ctx,
    illustration: &Illustration,
    x: f32,
    width: f32,
    max_height: f32,
    labels: Labels,
) -> Figure {
    match illustration {
        Illustration::None => Figure::default(),
        Illustration::Missing => missing(ctx, x, width.min(max_height / 0.6).max(MIN_WIDTH)),
        Illustration::Drawn {
            index,
            aspect,
            frames,
        } => {
            let aspect = aspect.max(0.01);
            if frames.len() < 2 {
                let w = width.min(max_height * aspect).max(MIN_WIDTH.min(width));
                let mut marks = Vec::new();
                picture(&mut marks, *index, x, 0.0, w, w / aspect);
                return Figure {
                    marks,
                    width: w,
                    height: w / aspect,
                };
            }
            let shape = Shape {
                index: *index,
                aspect,
                labels,
            };
            match arrangement(frames) {
                Arrangement::Row => row(ctx, shape, frames, x, width, max_height),
                Arrangement::Stacked => stacked(ctx, shape, frames, x, width, max_height),
            }
        }
    }
}

/// Which picture, its shape, and how its frames are labelled.
#[derive(Debug, Clone, Copy)]
struct Shape {
    index: usize,
    aspect: f32,
    labels: Labels,
}

/// The picture and its thin grey frame.
fn picture(marks: &mut Vec<Mark>, index: usize, x: f32, y: f32, w: f32, h: f32) {
    marks.push(Mark::Picture { index, x, y, w, h });
    marks.push(Mark::Rect {
        x,
        y,
        w,
        h,
        fill: None,
        stroke: Some(Stroke::solid(0.75, 0.6)),
    });
}

/// A frame's label: its number in a black square, and its word beside or
/// under it. Returns the label's width and height.
fn label(
    ctx: &mut Ctx,
    marks: &mut Vec<Mark>,
    number: usize,
    count: usize,
    (x, y): (f32, f32),
    word_below: bool,
) -> (f32, f32) {
    let size = ctx.style.small;
    let line = ctx.style.line(size);
    let digits = number.to_string();
    let digit_width = ctx.measure(&digits, Weight::Bold, size);
    let badge = line.max(digit_width + size * 0.6);
    marks.push(Mark::Rect {
        x,
        y,
        w: badge,
        h: line,
        fill: Some(0.0),
        stroke: None,
    });
    if let Some(text) = ctx.wrap(&[bold(&digits)], size, f32::MAX).pop() {
        marks.push(text_mark(
            ctx,
            text,
            x + (badge - digit_width) / 2.0,
            y,
            size,
            1.0,
        ));
    }
    let Some(word) = frame_word(ctx.words, number, count) else {
        return (badge, line);
    };
    let word_width = ctx.measure(&word, Weight::Bold, size);
    let (word_x, word_y) = if word_below {
        (x, y + line)
    } else {
        (x + badge + size * 0.35, y)
    };
    if let Some(text) = ctx.wrap(&[bold(&word)], size, f32::MAX).pop() {
        marks.push(text_mark(ctx, text, word_x, word_y, size, 0.0));
    }
    if word_below {
        (badge.max(word_width), 2.0 * line)
    } else {
        (word_x - x + word_width, line)
    }
}

fn text_mark(ctx: &Ctx, line: super::layout::Line, x: f32, top: f32, size: f32, grey: f32) -> Mark {
    Mark::Text {
        x,
        top,
        baseline: top + ctx.style.baseline(size),
        size,
        line,
        grey,
    }
}

/// Frames side by side: each number above its frame, then the picture.
fn row(
    ctx: &mut Ctx,
    shape: Shape,
    frames: &[Frame],
    x: f32,
    width: f32,
    max_height: f32,
) -> Figure {
    let Shape {
        index,
        aspect,
        labels,
    } = shape;
    let count = match labels {
        Labels::Words => frames.len(),
        Labels::Numbers => 0,
    };
    let band = ctx.style.line(ctx.style.small) + 1.5 * MM;
    let w = width
        .min((max_height - band) * aspect)
        .max(MIN_WIDTH.min(width))
        .max(for_row_words(ctx, frames, count));
    let h = w / aspect;
    let mut marks = Vec::new();
    for (n, frame) in frames.iter().enumerate() {
        label(ctx, &mut marks, n + 1, count, (x + frame.x * w, 0.0), false);
    }
    picture(&mut marks, index, x, band, w, h);
    Figure {
        marks,
        width: w,
        height: band + h,
    }
}

/// The picture's width for a figure that should take no more than `total`
/// across, numbers included; never under [`MIN_WIDTH`].
pub fn width_within(ctx: &Ctx, illustration: &Illustration, total: f32, labels: Labels) -> f32 {
    let stacked = matches!(
        illustration,
        Illustration::Drawn { frames, .. }
            if frames.len() >= 2 && arrangement(frames) == Arrangement::Stacked
    );
    let room = if stacked {
        total - gutter(ctx, labels)
    } else {
        total
    };
    room.max(MIN_WIDTH)
}

/// The room numbers take at the left of stacked frames.
pub fn gutter(ctx: &Ctx, labels: Labels) -> f32 {
    let size = ctx.style.small;
    let badge = ctx.style.line(size);
    let widest = match labels {
        Labels::Words => {
            let words = ["figure-start", "figure-finish"]
                .map(|id| ctx.measure(&ctx.t(id), Weight::Bold, size));
            words[0].max(words[1]).max(badge)
        }
        Labels::Numbers => badge,
    };
    widest + 2.0 * MM
}

/// How wide the picture must be for each label above a frame ("1 Start")
/// to end before the next frame's label begins.
fn for_row_words(ctx: &Ctx, frames: &[Frame], count: usize) -> f32 {
    let size = ctx.style.small;
    let badge = ctx.style.line(size);
    let mut lefts: Vec<(f32, usize)> = frames
        .iter()
        .enumerate()
        .map(|(n, frame)| (frame.x, n + 1))
        .collect();
    lefts.sort_by(|a, b| a.0.total_cmp(&b.0));
    lefts
        .windows(2)
        .map(|pair| {
            let (x, number) = pair[0];
            let word = frame_word(ctx.words, number, count)
                .map_or(0.0, |w| size * 0.35 + ctx.measure(&w, Weight::Bold, size));
            (badge + word + 1.0 * MM) / (pair[1].0 - x).max(0.01)
        })
        .fold(0.0, f32::max)
}

/// How high the picture must be for each label in the gutter ("1" over
/// "Start") to end before the next frame's label begins.
fn for_words(ctx: &Ctx, frames: &[Frame], labels: Labels) -> f32 {
    if labels != Labels::Words {
        return 0.0;
    }
    let line = ctx.style.line(ctx.style.small);
    let mut tops: Vec<f32> = frames.iter().map(|frame| frame.y).collect();
    tops.sort_by(f32::total_cmp);
    tops.dedup_by(|a, b| (*a - *b).abs() < 0.001);
    tops.windows(2)
        .map(|pair| 2.0 * line / (pair[1] - pair[0]).max(0.01))
        .fold(0.0, f32::max)
}

/// Frames one above another (or in a grid): each number to the left of
/// its frame, in a gutter beside the picture or, for a frame that does not
/// start at the picture's left edge, in the space before it.
fn stacked(
    ctx: &mut Ctx,
    shape: Shape,
    frames: &[Frame],
    x: f32,
    width: f32,
    max_height: f32,
) -> Figure {
    let Shape {
        index,
        aspect,
        labels,
    } = shape;
    let gutter = gutter(ctx, labels);
    // Frames side by side within the stack (a grid) carry their numbers in
    // the gap between them: the picture is drawn wide enough for that.
    let badge = ctx.style.line(ctx.style.small) + 1.5 * MM;
    let gaps = frames
        .iter()
        .filter_map(|frame| {
            frames
                .iter()
                .filter(|other| other.x + other.w <= frame.x + 0.001 && overlaps(other, frame))
                .map(|other| frame.x - (other.x + other.w))
                .reduce(f32::max)
        })
        .fold(f32::MAX, f32::min);
    let for_numbers = if gaps < f32::MAX { badge / gaps } else { 0.0 };
    let w = width
        .min(max_height * aspect)
        .max(MIN_WIDTH.min(width))
        // Never wider than the room for it: where the gaps are too narrow
        // for the numbers even then, they go on the frames' corners.
        .max(for_numbers.min(width))
        .max(for_words(ctx, frames, labels) * aspect);
    let h = w / aspect;
    let left = x + gutter;
    let mut marks = Vec::new();
    picture(&mut marks, index, left, 0.0, w, h);
    for (n, frame) in frames.iter().enumerate() {
        let top = frame.y * h;
        // A frame with another to its left on the same level gets its
        // number in the gap between them; any other, in the gutter.
        let before = frames
            .iter()
            .filter(|other| other.x + other.w <= frame.x + 0.001 && overlaps(other, frame))
            .map(|other| other.x + other.w)
            .reduce(f32::max);
        let (at, room) = match before {
            None => (x, gutter),
            Some(before) => (
                left + before * w + 0.5 * MM,
                (frame.x - before) * w - 1.0 * MM,
            ),
        };
        let start = marks.len();
        // In a gap between frames the number stands alone ("1, 2, 3").
        let count = if before.is_some() || labels == Labels::Numbers {
            0
        } else {
            frames.len()
        };
        let (lw, lh) = label(ctx, &mut marks, n + 1, count, (at, top), true);
        if lw > room {
            // No room beside the frame: the label sits on its corner, on
            // white, so it never covers the drawing unreadably.
            let shift = left + frame.x * w + 0.5 * MM - at;
            for mark in &mut marks[start..] {
                *mark = mark.clone().moved(shift);
            }
            marks.insert(
                start,
                Mark::Rect {
                    x: left + frame.x * w + 0.5 * MM,
                    y: top,
                    w: lw,
                    h: lh,
                    fill: Some(1.0),
                    stroke: None,
                },
            );
        }
    }
    Figure {
        marks,
        width: gutter + w,
        height: h,
    }
}

/// True when two frames share some height (they sit on one level).
fn overlaps(a: &Frame, b: &Frame) -> bool {
    a.y < b.y + b.h && b.y < a.y + a.h
}

/// A dashed box saying the picture is not available.
fn missing(ctx: &mut Ctx, x: f32, w: f32) -> Figure {
    let style = ctx.style;
    let h = w * 0.6;
    let mut marks = vec![Mark::Rect {
        x,
        y: 0.0,
        w,
        h,
        fill: None,
        stroke: Some(Stroke {
            width: 1.0,
            grey: 0.45,
            dashed: true,
        }),
    }];
    let size = style.small;
    let missing = ctx.t("picture-missing");
    let lines = ctx.wrap(&[regular(&missing)], size, w - 12.0);
    let lh = style.line(size);
    let mut line_top = (h - lh * lines.len() as f32) / 2.0;
    for line in lines {
        let centred = x + (w - line.width) / 2.0;
        marks.push(text_mark(ctx, line, centred, line_top, size, 0.35));
        line_top += lh;
    }
    Figure {
        marks,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handout::fonts::Fonts;
    use crate::handout::style::{Geometry, Style};
    use crate::store::Paper;
    use std::collections::BTreeSet;
    use std::sync::Arc;

    fn ctx() -> Ctx {
        Ctx {
            fonts: Fonts::get().unwrap(),
            style: Style::new(false),
            page: Geometry::new(Paper::A4),
            missing: BTreeSet::new(),
            words: crate::lang::words(crate::lang::ENGLISH),
        }
    }

    fn texts(figure: &Figure) -> Vec<(String, f32, f32)> {
        figure
            .marks
            .iter()
            .filter_map(|mark| match mark {
                Mark::Text { line, x, top, .. } => Some((line.text(), *x, *top)),
                _ => None,
            })
            .collect()
    }

    fn drawn(frames: Vec<Frame>) -> Illustration {
        Illustration::Drawn {
            index: 0,
            aspect: 5.0 / 3.0,
            frames: Arc::from(frames),
        }
    }

    fn frame(x: f32, y: f32, w: f32, h: f32) -> Frame {
        Frame { x, y, w, h }
    }

    #[test]
    fn frames_side_by_side_are_numbered_above_and_start_to_finish() {
        let mut ctx = ctx();
        let figure = figure(
            &mut ctx,
            &drawn(vec![frame(0.05, 0.1, 0.4, 0.8), frame(0.55, 0.1, 0.4, 0.8)]),
            0.0,
            200.0,
            500.0,
            Labels::Words,
        );
        let texts = texts(&figure);
        let words: Vec<&str> = texts.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(words, ["1", "Start", "2", "Finish"]);
        let picture_top = figure
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Picture { y, .. } => Some(*y),
                _ => None,
            })
            .unwrap();
        assert!(texts.iter().all(|(_, _, top)| *top < picture_top), "above");
        assert!(
            texts[2].1 > texts[1].1,
            "the second number sits over the second frame"
        );
    }

    #[test]
    fn stacked_frames_are_numbered_in_a_gutter_and_the_picture_keeps_its_size() {
        let mut ctx = ctx();
        let figure = figure(
            &mut ctx,
            &drawn(vec![frame(0.0, 0.05, 1.0, 0.4), frame(0.0, 0.55, 1.0, 0.4)]),
            0.0,
            220.0,
            500.0,
            Labels::Words,
        );
        let picture_x = figure
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Picture { x, w, .. } => Some((*x, *w)),
                _ => None,
            })
            .unwrap();
        let texts = texts(&figure);
        assert!(
            texts.iter().all(|(_, x, _)| *x < picture_x.0),
            "left of the picture"
        );
        assert!(picture_x.1 >= MIN_WIDTH);
        assert_eq!(texts.last().unwrap().0, "Finish");
    }

    #[test]
    fn a_picture_never_shrinks_below_45_mm() {
        let mut ctx = ctx();
        let figure = figure(
            &mut ctx,
            &drawn(Vec::new()),
            0.0,
            300.0,
            10.0,
            Labels::Words,
        );
        assert!(figure.width >= MIN_WIDTH - 0.01);
    }

    #[test]
    fn three_frames_number_the_middle_one_without_a_word() {
        let words = crate::lang::words("en");
        assert_eq!(frame_word(words, 1, 3).as_deref(), Some("Start"));
        assert_eq!(frame_word(words, 2, 3), None);
        assert_eq!(frame_word(words, 3, 3).as_deref(), Some("Finish"));
        let spanish = crate::lang::words("es");
        assert_eq!(frame_word(spanish, 1, 2).as_deref(), Some("Inicio"));
    }
}
