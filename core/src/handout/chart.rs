//! The tracking chart: one row per exercise, one column per day of the
//! week, a box to tick in each cell, a row for the day's pain from 0 to 10
//! and lines for notes. Cells are big enough to fill in with a pen. A table
//! longer than a page continues overleaf under its own day headings.

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Stroke, column};
use super::fonts::Weight;
use super::layout::{bold, regular};
use super::style::MM;

/// Tables of this many rows or fewer are never divided.
const SHORT_TABLE: usize = 8;

/// Space between the ruled lines for notes.
const NOTE_SPACING: f32 = 10.0 * MM;

/// One row of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The exercise's number in the handout.
    pub number: usize,
    /// Its name.
    pub name: String,
}

/// The rows of one phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The phase's name, shown when there is more than one phase.
    pub name: Option<String>,
    /// Its exercises.
    pub rows: Vec<Row>,
}

/// Sizes of the table for this page and type size.
struct Grid {
    left: f32,
    name_width: f32,
    day_width: f32,
    header_height: f32,
    min_row: f32,
    tick: f32,
}

impl Grid {
    fn new(ctx: &Ctx) -> Self {
        let width = ctx.page.content_width();
        let large = ctx.style.body > 14.0;
        // Wide enough for the day's name and a box; the rest goes to the
        // exercise's name, so that few names wrap onto a second line.
        let day_width = if large { 16.0 * MM } else { 13.0 * MM };
        Self {
            left: ctx.page.left(),
            name_width: width - 7.0 * day_width,
            day_width,
            header_height: ctx.style.line(ctx.style.body) + 4.0 * MM,
            // Room to tick with a pen; a little less in the compact layout.
            min_row: if ctx.style.leading < 1.4 {
                9.0 * MM
            } else {
                11.0 * MM
            },
            // Bigger boxes in large print, for hands and eyes that need them.
            tick: if large { 8.0 * MM } else { 6.5 * MM },
        }
    }

    fn right(&self) -> f32 {
        self.left + self.name_width + 7.0 * self.day_width
    }

    fn day_x(&self, day: usize) -> f32 {
        self.left + self.name_width + day as f32 * self.day_width
    }
}

/// A laid-out row: its text lines and height.
struct Measured {
    lines: Vec<super::layout::Line>,
    height: f32,
}

fn measure_row(ctx: &mut Ctx, grid: &Grid, label: &str, weight: Weight) -> Measured {
    let size = ctx.style.body;
    let pad = 2.5 * MM;
    let pad_above = 1.5 * MM;
    let span = match weight {
        Weight::Bold => bold(label),
        Weight::Regular => regular(label),
    };
    let lines = ctx.wrap(&[span], size, grid.name_width - 2.0 * pad);
    let height = (lines.len() as f32 * ctx.style.line(size) + 2.0 * pad_above).max(grid.min_row);
    Measured { lines, height }
}

/// Draws the text of a row's first cell, centred vertically.
fn row_text(ctx: &Ctx, b: &mut Builder, grid: &Grid, row: Measured, top: f32) {
    let size = ctx.style.body;
    let lh = ctx.style.line(size);
    let mut line_top = top + (row.height - lh * row.lines.len() as f32) / 2.0;
    for line in row.lines {
        b.mark(Mark::Text {
            x: grid.left + 2.5 * MM,
            top: line_top,
            baseline: line_top + ctx.style.baseline(size),
            size,
            line,
            grey: 0.0,
        });
        line_top += lh;
    }
}

fn rule(b: &mut Builder, from: (f32, f32), to: (f32, f32), width: f32) {
    b.mark(Mark::Rule {
        from,
        to,
        stroke: Stroke::solid(width, if width > 1.0 { 0.0 } else { 0.35 }),
    });
}

/// A row of a table: an exercise to tick, or a phase's name above its
/// exercises (in the compact chart, where all phases share one table).
struct TableRow {
    measured: Measured,
    phase: bool,
}

/// One table: the day headings, `rows`, and the pain row when `pain`.
/// The first table asks for the week in its corner; the others say
/// "Exercise" there.
fn table(
    ctx: &mut Ctx,
    grid: &Grid,
    heading: Option<&str>,
    rows: Vec<TableRow>,
    pain: Option<Measured>,
    first: bool,
) -> Block {
    let style = ctx.style;
    let mut b = Builder::new();
    if let Some(heading) = heading {
        b.paragraph(
            ctx,
            &[bold(heading)],
            style.heading,
            &column(grid.left, grid.right() - grid.left),
            false,
        );
        b.gap(style.gap() * 0.5);
    }
    let top = b.y;
    // Day headings, centred over their columns.
    let size = style.body;
    let header_line_top = top + (grid.header_height - style.line(size)) / 2.0;
    if let Some(line) = corner(ctx, grid, first) {
        b.mark(Mark::Text {
            x: grid.left + 2.5 * MM,
            top: header_line_top,
            baseline: header_line_top + style.baseline(size),
            size,
            line,
            grey: 0.0,
        });
    }
    for n in 0..7 {
        // Monday first, in the patient's language ("Lun" … "Dom").
        let day = ctx.t(&format!("day-{}", n + 1));
        if let Some(line) = ctx.wrap(&[bold(&day)], size, f32::MAX).pop() {
            b.mark(Mark::Text {
                x: grid.day_x(n) + (grid.day_width - line.width) / 2.0,
                top: header_line_top,
                baseline: header_line_top + style.baseline(size),
                size,
                line,
                grey: 0.0,
            });
        }
    }
    b.insert_mark(
        0,
        Mark::Rect {
            x: grid.left,
            y: top,
            w: grid.right() - grid.left,
            h: grid.header_height,
            fill: Some(0.9),
            stroke: None,
        },
    );
    b.y = top + grid.header_height;
    let mut shaded = Vec::new();
    for TableRow { measured, phase } in rows {
        let row_top = b.y;
        let label_height = measured.height;
        if phase {
            shaded.push((row_top, label_height));
            row_text(ctx, &mut b, grid, measured, row_top);
            let bottom = row_top + label_height;
            b.y = bottom;
            rule(&mut b, (grid.left, bottom), (grid.right(), bottom), 0.75);
            continue;
        }
        row_text(ctx, &mut b, grid, measured, row_top);
        for day in 0..7 {
            let x = grid.day_x(day) + (grid.day_width - grid.tick) / 2.0;
            let y = row_top + (label_height - grid.tick) / 2.0;
            b.mark(Mark::Rect {
                x,
                y,
                w: grid.tick,
                h: grid.tick,
                fill: None,
                stroke: Some(Stroke::solid(1.0, 0.0)),
            });
        }
        let bottom = row_top + label_height;
        b.y = bottom;
        rule(&mut b, (grid.left, bottom), (grid.right(), bottom), 0.75);
    }
    if let Some(pain) = pain {
        let row_top = b.y;
        let height = pain.height;
        rule(&mut b, (grid.left, row_top), (grid.right(), row_top), 1.5);
        row_text(ctx, &mut b, grid, pain, row_top);
        b.y = row_top + height;
    }
    let bottom = b.y;
    // Day lines, broken where a phase's name runs across the table.
    let mut spans = vec![top + grid.header_height];
    for &(row_top, height) in &shaded {
        spans.push(row_top);
        spans.push(row_top + height);
    }
    spans.push(bottom);
    for day in 0..=7 {
        let x = grid.day_x(day);
        rule(&mut b, (x, top), (x, top + grid.header_height), 0.75);
        for pair in spans.chunks(2) {
            rule(&mut b, (x, pair[0]), (x, pair[1]), 0.75);
        }
    }
    for (row_top, height) in shaded {
        b.insert_mark(
            0,
            Mark::Rect {
                x: grid.left,
                y: row_top,
                w: grid.right() - grid.left,
                h: height,
                fill: Some(0.9),
                stroke: None,
            },
        );
    }
    b.mark(Mark::Rect {
        x: grid.left,
        y: top,
        w: grid.right() - grid.left,
        h: bottom - top,
        fill: None,
        stroke: Some(Stroke::solid(1.5, 0.0)),
    });
    b.finish(Keep::Whole)
}

/// The corner cell's line: in the first table the week to fill in, when
/// the cell has room for a blank a date can be written on; otherwise
/// "Exercise" (and the intro asks for the week).
fn corner(ctx: &mut Ctx, grid: &Grid, first: bool) -> Option<super::layout::Line> {
    if first && let Some(line) = week_line(ctx, grid.name_width - 5.0 * MM) {
        return Some(line);
    }
    let exercise = ctx.t("chart-exercise");
    ctx.wrap(&[bold(&exercise)], ctx.style.body, f32::MAX).pop()
}

/// "Week starting: ____" no wider than `room`, with the longest blank that
/// fits, or `None` when even the shortest blank a date fits on does not.
fn week_line(ctx: &mut Ctx, room: f32) -> Option<super::layout::Line> {
    let size = ctx.style.body;
    let week = ctx.label("chart-week");
    for blank in (6..=24).rev().map(|n| "_".repeat(n)) {
        if ctx.measure(&blank, Weight::Regular, size) < SHORTEST_BLANK {
            return None;
        }
        let line = ctx
            .wrap(&[bold(&week), regular(&blank)], size, f32::MAX)
            .pop();
        if line.as_ref().is_some_and(|line| line.width <= room) {
            return line;
        }
    }
    None
}

/// Room to write a date by hand.
const SHORTEST_BLANK: f32 = 30.0 * MM;

/// The intro above the first table; it asks for the week when the
/// table's corner has no room for it.
fn intro(ctx: &mut Ctx, week: bool) -> Block {
    let style = ctx.style;
    let full = column(ctx.page.left(), ctx.text_width());
    let mut b = Builder::new();
    let (title, how) = (ctx.t("chart-title"), ctx.t("chart-how"));
    b.paragraph(ctx, &[bold(&title)], style.phase, &full, false);
    b.gap(style.gap() * 0.5);
    b.paragraph(ctx, &[regular(&how)], style.body, &full, false);
    if week {
        b.gap(style.gap() * 0.5);
        let blank = "_".repeat(24);
        let week = ctx.label("chart-week");
        b.paragraph(
            ctx,
            &[bold(&week), regular(&blank)],
            style.body,
            &full,
            false,
        );
    }
    let mut block = b.finish(Keep::Whole);
    block.new_page = true;
    block
}

/// Ruled lines for notes.
fn notes(ctx: &mut Ctx, lines: usize) -> Block {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let mut b = Builder::new();
    let heading = ctx.t("chart-notes");
    b.paragraph(
        ctx,
        &[bold(&heading)],
        style.body,
        &column(left, width),
        false,
    );
    for _ in 0..lines {
        b.gap(NOTE_SPACING);
        let y = b.y;
        b.mark(Mark::Rule {
            from: (left, y),
            to: (left + width, y),
            stroke: Stroke::solid(0.75, 0.35),
        });
    }
    let mut block = b.finish(Keep::Whole);
    block.space_before = style.body * 1.2;
    block
}

/// The chart's blocks. It starts a new page, unless `room` (what is left
/// of the page before it) is given and the chart's heading with its first
/// table, or at least a few of that table's rows, fit there. With `merged`,
/// all phases share one table, each under its name.
pub fn chart(ctx: &mut Ctx, sections: &[Section], room: Option<f32>, merged: bool) -> Vec<Block> {
    let page_height = ctx.page.content_height();
    let merged_section;
    let sections = if merged && sections.len() > 1 {
        merged_section = [merge(sections)];
        &merged_section[..]
    } else {
        sections
    };
    let fresh = tables(ctx, sections, 0.0);
    let Some(room) = room else {
        return fresh;
    };
    let gap = ctx.style.body * 1.2;
    let mut shared = tables(ctx, sections, page_height - room + gap);
    // The heading and the first table (or its first part) on this page.
    let first = shared[0].height + gap + shared.get(1).map_or(0.0, |table| table.height);
    let fits = shared.get(1).is_some_and(|table| !table.new_page) && first <= room;
    if fits {
        shared[0].new_page = false;
        shared[0].space_before = gap;
        shared
    } else {
        fresh
    }
}

/// All phases as one section: a row with each phase's name before its
/// exercises (number 0 marks a phase's row).
fn merge(sections: &[Section]) -> Section {
    let mut rows = Vec::new();
    for section in sections.iter().filter(|s| !s.rows.is_empty()) {
        if let Some(name) = &section.name {
            rows.push(Row {
                number: 0,
                name: name.clone(),
            });
        }
        rows.extend(section.rows.iter().cloned());
    }
    Section { name: None, rows }
}

/// The chart's blocks when `used` points of its first page are taken.
fn tables(ctx: &mut Ctx, sections: &[Section], used: f32) -> Vec<Block> {
    let grid = Grid::new(ctx);
    let page_height = ctx.page.content_height();
    let gap = ctx.style.body * 1.2;
    let week_in_corner = week_line(ctx, grid.name_width - 5.0 * MM).is_some();
    let first = intro(ctx, !week_in_corner);
    let mut used = used + first.height;
    let mut blocks = vec![first];
    let heading_height = ctx.style.line(ctx.style.heading) + ctx.style.gap() * 0.5;
    for section in sections.iter().filter(|s| !s.rows.is_empty()) {
        let mut rows: Vec<TableRow> = section
            .rows
            .iter()
            .map(|row| {
                let phase = row.number == 0;
                let (label, weight) = if phase {
                    (row.name.trim().to_string(), Weight::Bold)
                } else {
                    (
                        format!("{}. {}", row.number, row.name.trim()),
                        Weight::Regular,
                    )
                };
                let mut measured = measure_row(ctx, &grid, &label, weight);
                if phase {
                    // A phase's row needs no room to tick.
                    measured.height =
                        measured.lines.len() as f32 * ctx.style.line(ctx.style.body) + 2.0 * MM;
                }
                TableRow { measured, phase }
            })
            .collect();
        let pain_label = ctx.t("chart-pain");
        let pain_height = measure_row(ctx, &grid, &pain_label, Weight::Bold).height;
        let mut heading = section.name.clone();
        let mut continued = false;
        while !rows.is_empty() {
            let fixed = grid.header_height + heading.as_ref().map_or(0.0, |_| heading_height);
            // How many rows fit in `room`; the last row brings the pain row.
            let fitting = |room: f32| {
                let mut height = fixed;
                let mut take = 0;
                for (n, row) in rows.iter().enumerate() {
                    let extra = if n + 1 == rows.len() {
                        pain_height
                    } else {
                        0.0
                    };
                    if height + row.measured.height + extra > room {
                        break;
                    }
                    height += row.measured.height;
                    take += 1;
                }
                take
            };
            let mut new_page = false;
            let mut take = fitting(page_height - used - gap);
            let must_split = take < rows.len();
            // A short table, or one with room for a single row here, goes
            // whole to the next page instead of being divided.
            if used > 0.0 && must_split && (rows.len() <= SHORT_TABLE || take < 2) {
                new_page = true;
                used = 0.0;
                take = fitting(page_height);
            }
            // A row taller than a page (it cannot happen with real names)
            // still goes somewhere.
            let take = take.max(1);
            // Never leave one row alone on the next page.
            let take = if take < rows.len() && rows.len() - take < 2 {
                rows.len().saturating_sub(2).max(1)
            } else {
                take
            };
            let rest = rows.split_off(take);
            let pain = rest
                .is_empty()
                .then(|| measure_row(ctx, &grid, &pain_label, Weight::Bold));
            let first = blocks.len() == 1;
            let mut block = table(ctx, &grid, heading.as_deref(), rows, pain, first);
            block.new_page = new_page;
            block.space_before = gap;
            used += if new_page { 0.0 } else { gap } + block.height;
            blocks.push(block);
            rows = rest;
            if !continued {
                heading = heading.map(|name| ctx.t_with("continued", &[("what", (&name).into())]));
                continued = true;
            }
        }
    }
    // Notes fill what is left of the last chart page. When only a sliver
    // is left they are left out rather than given a page of their own: a
    // page of empty lines is not worth the paper in a short handout.
    let label = ctx.style.line(ctx.style.body);
    let room = page_height - used - ctx.style.body * 1.2 - label - 2.0;
    let fit = (room / NOTE_SPACING).floor().max(0.0) as usize;
    if fit >= 2 {
        blocks.push(notes(ctx, fit.min(20)));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handout::fonts::Fonts;
    use crate::handout::style::{Geometry, Style};
    use crate::store::Paper;
    use std::collections::BTreeSet;

    fn ctx(large: bool) -> Ctx {
        Ctx {
            fonts: Fonts::get().unwrap(),
            style: Style::new(large),
            page: Geometry::new(Paper::A4),
            missing: BTreeSet::new(),
            words: crate::lang::words(crate::lang::ENGLISH),
        }
    }

    fn section(name: Option<&str>, rows: usize) -> Section {
        Section {
            name: name.map(str::to_string),
            rows: (1..=rows)
                .map(|number| Row {
                    number,
                    name: format!("Exercise with a fairly long name {number}"),
                })
                .collect(),
        }
    }

    fn day_headings(block: &Block) -> usize {
        block
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Text { line, .. } if line.text() == "Mon"))
            .count()
    }

    #[test]
    fn a_long_chart_repeats_its_day_headings_and_fits_each_page() {
        for large in [false, true] {
            let mut ctx = ctx(large);
            // The tick boxes: bigger in large print.
            let tick = if large { 8.0 * MM } else { 6.5 * MM };
            let blocks = chart(&mut ctx, &[section(Some("Weeks 1–2"), 45)], None, false);
            let tables: Vec<&Block> = blocks.iter().filter(|b| day_headings(b) == 1).collect();
            assert!(tables.len() >= 2);
            for table in &tables {
                assert!(table.height <= ctx.page.content_height());
            }
            assert!(blocks[0].new_page, "the chart starts a page");
            let total_rows: usize = tables
                .iter()
                .map(|t| t.marks.iter().filter(|m| matches!(m, Mark::Rect { w, h, .. } if (w - tick).abs() < 0.01 && (h - tick).abs() < 0.01)).count() / 7)
                .sum();
            assert_eq!(total_rows, 45);
        }
    }

    #[test]
    fn a_chart_shares_the_last_page_when_its_start_fits() {
        let mut ctx = ctx(false);
        let sections = [section(None, 6)];
        let page = ctx.page.content_height();
        let shared = chart(&mut ctx, &sections, Some(page * 0.8), false);
        assert!(!shared[0].new_page, "room for it: no new page");
        let own = chart(&mut ctx, &sections, Some(page * 0.1), false);
        assert!(own[0].new_page, "no room: a page of its own");
        // Three phases: the first table shares the page, the rest follow.
        let long = [
            section(Some("One"), 6),
            section(Some("Two"), 6),
            section(Some("Three"), 6),
        ];
        let shared = chart(&mut ctx, &long, Some(page * 0.8), false);
        assert!(!shared[0].new_page);
        assert!(
            shared.iter().skip(2).any(|b| b.new_page),
            "the rest goes overleaf"
        );
    }

    #[test]
    fn the_compact_chart_puts_every_phase_in_one_table() {
        let mut ctx = ctx(false);
        let short = |name: &str, first: usize| Section {
            name: Some(name.to_string()),
            rows: (first..first + 3)
                .map(|number| Row {
                    number,
                    name: format!("Bridge {number}"),
                })
                .collect(),
        };
        let long = [short("One", 1), short("Two", 4), short("Three", 7)];
        let merged = chart(&mut ctx, &long, None, true);
        let separate = chart(&mut ctx, &long, None, false);
        let tables = |blocks: &[Block]| blocks.iter().filter(|b| day_headings(b) == 1).count();
        assert_eq!(tables(&merged), 1);
        assert_eq!(tables(&separate), 3);
        let height = |blocks: &[Block]| blocks.iter().map(|b| b.height).sum::<f32>();
        assert!(height(&merged[..2]) < height(&separate[..4]));
    }

    #[test]
    fn a_short_table_is_never_divided() {
        let mut ctx = ctx(false);
        let blocks = chart(
            &mut ctx,
            &[
                section(Some("One"), 8),
                section(Some("Two"), 8),
                section(Some("Three"), 8),
            ],
            None,
            false,
        );
        let tables = blocks.iter().filter(|b| day_headings(b) == 1).count();
        assert_eq!(tables, 3);
    }
}
