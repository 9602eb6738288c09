//! The summary card: one page for the fridge, beside the full handout.
//! Every exercise of one phase with its picture, name and dose in words,
//! in a grid of three columns, then the pain rule, the signs that mean get
//! help at once, and the clinic's phone. Frames are numbered 1, 2, 3 (no
//! words: the cells are small); the words shrink to 12 pt, never less,
//! when there are three rows. In large print the words may leave too little
//! room for the pictures on one page; the card then goes on to a second.

use super::HandoutError;
use super::blocks::{Builder, Ctx, Keep, Mark, Stroke, column};
use super::compose::Page;
use super::figure::{self, Labels};
use super::layout::{bold, regular};
use super::plan::{Entry, Plan};
use super::safety;
use super::style::MM;

/// The most exercises one card holds.
pub const MOST: usize = 8;

/// Space between cells.
const GAP: f32 = 4.0 * MM;

/// Space between rows.
const ROW_GAP: f32 = 3.0 * MM;

/// Space between a picture and its words.
const UNDER_PICTURE: f32 = 1.5 * MM;

/// The card for the chosen phase: one page, or in large print, when the
/// words leave too little room for the pictures, as many as it needs, each
/// with the title and the safety footer.
pub fn card(ctx: &mut Ctx, plan: &Plan) -> Result<Vec<Page>, HandoutError> {
    let wanted = plan.options.phase.unwrap_or(0);
    let phase = plan
        .phases
        .iter()
        .filter(|p| !p.entries.is_empty())
        .nth(wanted)
        .ok_or(HandoutError::NoSuchPhase(wanted + 1))?;
    if phase.entries.len() > MOST {
        return Err(HandoutError::TooManyForCard {
            phase: phase.phase.name.trim().to_string(),
            count: phase.entries.len(),
            most: MOST,
        });
    }
    let top = ctx.page.top;
    let count = phase.entries.len();
    let size = words_size(ctx, count);
    // Three rows in regular print leave a cell free at the end: the pain
    // rule goes there, so the footer is shorter and the pictures bigger.
    let pain_in_grid = count > 2 * COLUMNS && count % COLUMNS != 0 && !plan.options.large_print;
    let head = header(ctx, plan, &phase.phase.name);
    let foot = footer(ctx, plan, size, !pain_in_grid);
    let grid_top = head.height + GAP;
    let grid_height = ctx.page.content_height() - grid_top - foot.height - GAP;
    let foot_top = ctx.page.content_height() - foot.height;
    let mut rows = rows(ctx, &phase.entries);
    if let Some(last) = rows.last_mut().filter(|_| pain_in_grid) {
        last.extra = Some(pain_cell(ctx, size));
    }
    let pages = pages_of(ctx, &rows, grid_height)
        .into_iter()
        .map(|rows| {
            let mut page: Page = Vec::new();
            page.extend(head.marks.iter().map(|m| m.clone().shifted(top)));
            page.extend(
                grid(ctx, rows, grid_height)
                    .into_iter()
                    .map(|m| m.shifted(top + grid_top)),
            );
            page.extend(foot.marks.iter().map(|m| m.clone().shifted(top + foot_top)));
            page
        })
        .collect();
    Ok(pages)
}

struct Part {
    marks: Vec<Mark>,
    height: f32,
}

/// The program's title, then who it is for and the phase.
fn header(ctx: &mut Ctx, plan: &Plan, phase: &str) -> Part {
    let style = ctx.style;
    let full = column(ctx.page.left(), ctx.page.content_width());
    let mut b = Builder::new();
    let title = match plan.program.title.trim() {
        "" => ctx.t("home-exercises"),
        title => title.to_string(),
    };
    b.paragraph(ctx, &[bold(&title)], style.phase, &full, false);
    let patient = plan
        .program
        .patient
        .as_ref()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty());
    let phase = phase.trim();
    let about = match (patient, phase.is_empty()) {
        (Some(name), false) => ctx.t_with(
            "card-for-phase",
            &[("name", name.into()), ("phase", phase.into())],
        ),
        (Some(name), true) => ctx.t_with("card-for", &[("name", name.into())]),
        (None, false) => phase.to_string(),
        (None, true) => String::new(),
    };
    if !about.is_empty() {
        b.paragraph(ctx, &[regular(&about)], style.body, &full, false);
    }
    let left = ctx.page.left();
    b.gap(style.gap());
    b.mark(Mark::Rule {
        from: (left, b.y),
        to: (left + ctx.page.content_width(), b.y),
        stroke: Stroke::solid(2.0, 0.0),
    });
    let block = b.finish(Keep::Whole);
    Part {
        height: block.height,
        marks: block.marks,
    }
}

/// The pain rule in a framed cell of the grid, from its top left.
fn pain_cell(ctx: &mut Ctx, size: f32) -> Part {
    let width = cell_width(ctx);
    let pad = size * 0.7;
    let mut b = Builder::new();
    b.gap(pad);
    let (label, pain) = safety::texts(ctx.words).pain;
    b.paragraph(
        ctx,
        &[bold(&label), regular(&pain)],
        size,
        &column(pad, width - 2.0 * pad),
        false,
    );
    b.gap(pad);
    framed(b, 0.0, width)
}

/// A builder's marks in a frame `width` wide from `left`.
fn framed(mut b: Builder, left: f32, width: f32) -> Part {
    let height = b.y;
    b.insert_mark(
        0,
        Mark::Rect {
            x: left,
            y: 0.0,
            w: width,
            h: height,
            fill: None,
            stroke: Some(Stroke::solid(2.0, 0.0)),
        },
    );
    let block = b.finish(Keep::Whole);
    Part {
        height,
        marks: block.marks,
    }
}

/// The pain rule (unless the grid has it), when to get help at once, and
/// whom to call, framed.
fn footer(ctx: &mut Ctx, plan: &Plan, size: f32, pain: bool) -> Part {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let pad = size * 0.7;
    let inner = column(left + pad, width - 2.0 * pad);
    let mut b = Builder::new();
    b.gap(pad);
    if pain {
        let (label, pain) = safety::texts(ctx.words).pain;
        b.paragraph(ctx, &[bold(&label), regular(&pain)], size, &inner, false);
        b.gap(style.gap());
    }
    // The signs that mean get help at once, in one short paragraph (the
    // full list is in the handout).
    let help = format!(
        "{} {}",
        ctx.t("card-help"),
        safety::emergency_call(ctx.words, plan.options.emergency_number.as_deref())
    );
    let label = ctx.label("card-help-label");
    b.paragraph(ctx, &[bold(&label), regular(&help)], size, &inner, false);
    b.gap(style.gap());
    let call = safety::call_us(ctx.words, &plan.program.clinic, &plan.program.phone);
    b.paragraph(ctx, &[bold(&call)], size, &inner, false);
    b.gap(pad);
    framed(b, left, width)
}

/// Columns of the grid.
const COLUMNS: usize = 3;

/// The least height a picture is given: shorter, and a card row is too
/// small to recognise the movement; the row goes to the next page instead.
const LEAST_PICTURE: f32 = 27.0 * MM;

/// The tallest a picture is drawn, however much room there is.
const MOST_PICTURE: f32 = 60.0 * MM;

/// One row of the grid: its exercises with their words laid out, and the
/// height of the tallest words.
struct Row<'a> {
    cells: Vec<(&'a Entry<'a>, Vec<Mark>)>,
    words: f32,
    /// Something in the cell after the last exercise (the pain rule).
    extra: Option<Part>,
}

impl Row<'_> {
    /// How high the row's pictures are when asked to be no taller than
    /// `most` (a tall photo kept 45 mm wide may be taller).
    fn pictures(&self, ctx: &mut Ctx, most: f32) -> f32 {
        let width = cell_width(ctx);
        self.cells
            .iter()
            .map(|(entry, _)| shown(ctx, entry, width, most).height)
            .fold(0.0, f32::max)
    }

    /// The row's height with pictures no taller than `most`.
    fn height(&self, ctx: &mut Ctx, most: f32) -> f32 {
        let cells = self.pictures(ctx, most) + UNDER_PICTURE + self.words;
        cells.max(self.extra.as_ref().map_or(0.0, |extra| extra.height))
    }
}

/// The picture of `entry` for a cell `width` wide, at most `most` high.
fn shown(ctx: &mut Ctx, entry: &Entry, width: f32, most: f32) -> figure::Figure {
    let wide = figure::width_within(ctx, &entry.illustration, width, Labels::Numbers);
    figure::figure(ctx, &entry.illustration, 0.0, wide, most, Labels::Numbers)
}

/// The exercises three to a row, their words in body type, or in smaller
/// type (never under 12 pt) when there are three rows.
fn rows<'a>(ctx: &mut Ctx, entries: &'a [Entry<'a>]) -> Vec<Row<'a>> {
    let cell_width = cell_width(ctx);
    let size = words_size(ctx, entries.len());
    entries
        .chunks(COLUMNS)
        .map(|chunk| {
            let cells: Vec<_> = chunk
                .iter()
                .map(|entry| (entry, words(ctx, entry, cell_width, size)))
                .collect();
            let words = cells.iter().map(|(_, w)| w.1).fold(0.0, f32::max);
            Row {
                cells: cells
                    .into_iter()
                    .map(|(e, (marks, _))| (e, marks))
                    .collect(),
                words,
                extra: None,
            }
        })
        .collect()
}

/// Body type, or smaller type (never under 12 pt) for three rows.
fn words_size(ctx: &Ctx, exercises: usize) -> f32 {
    if exercises > 2 * COLUMNS {
        ctx.style.small
    } else {
        ctx.style.body
    }
}

fn cell_width(ctx: &Ctx) -> f32 {
    (ctx.page.content_width() - GAP * (COLUMNS - 1) as f32) / COLUMNS as f32
}

/// The rows shared out over pages, each page taking as many as fit with
/// pictures at least [`LEAST_PICTURE`] high (and at least one).
fn pages_of<'r, 'a>(ctx: &mut Ctx, rows: &'r [Row<'a>], height: f32) -> Vec<&'r [Row<'a>]> {
    let mut pages = Vec::new();
    let mut rest = rows;
    while !rest.is_empty() {
        let mut used = 0.0;
        let mut take = 0;
        for row in rest {
            let gap = if take == 0 { 0.0 } else { ROW_GAP };
            let least = row.height(ctx, LEAST_PICTURE);
            if take > 0 && used + gap + least > height {
                break;
            }
            used += gap + least;
            take += 1;
        }
        let (page, after) = rest.split_at(take);
        pages.push(page);
        rest = after;
    }
    pages
}

/// The rows filling `height`: each picture on top of its words, as large
/// as the page allows (the same limit in every row), its frames numbered.
fn grid(ctx: &mut Ctx, rows: &[Row], height: f32) -> Vec<Mark> {
    let left = ctx.page.left();
    let width = cell_width(ctx);
    let words: f32 = rows.iter().map(|row| row.words + UNDER_PICTURE).sum();
    let gaps = ROW_GAP * rows.len().saturating_sub(1) as f32;
    let even = (height - words - gaps) / rows.len().max(1) as f32;
    // A tall photo may not shrink as far as asked: lower the limit for all
    // until the rows fit.
    let mut most = even.clamp(LEAST_PICTURE, MOST_PICTURE);
    while most > LEAST_PICTURE
        && rows.iter().map(|row| row.height(ctx, most)).sum::<f32>() + gaps > height
    {
        most = (most - MM).max(LEAST_PICTURE);
    }
    let mut marks = Vec::new();
    let mut y = 0.0;
    for row in rows {
        let pictures = row.pictures(ctx, most);
        for (n, (entry, text)) in row.cells.iter().enumerate() {
            let x = left + n as f32 * (width + GAP);
            let picture = shown(ctx, entry, width, most);
            let centred = x + (width - picture.width).max(0.0) / 2.0;
            marks.extend(
                picture
                    .marks
                    .into_iter()
                    .map(|m| m.moved(centred).shifted(y)),
            );
            let below = y + pictures + UNDER_PICTURE;
            marks.extend(text.iter().map(|m| m.clone().shifted(below).moved(x)));
        }
        if let Some(extra) = &row.extra {
            let x = left + row.cells.len() as f32 * (width + GAP);
            marks.extend(extra.marks.iter().map(|m| m.clone().shifted(y).moved(x)));
        }
        y += row.height(ctx, most) + ROW_GAP;
    }
    marks
}

/// The name and the dose in words, in `size` type, in a column `width`
/// wide from the page's left; returns the marks and their height.
fn words(ctx: &mut Ctx, entry: &Entry, width: f32, size: f32) -> (Vec<Mark>, f32) {
    let mut b = Builder::new();
    let name = format!("{}. {}", entry.number, entry.exercise.name.trim());
    let region = column(0.0, width);
    let dose = entry.item.dose_or(&entry.exercise).brief_in(ctx.words);
    if size < ctx.style.body {
        // Three rows: the dose runs on after the name, to save a line.
        let name = format!("{name}: ");
        b.paragraph(ctx, &[bold(&name), regular(&dose)], size, &region, false);
    } else {
        b.paragraph(ctx, &[bold(&name)], size, &region, false);
        b.gap(size * 0.2);
        b.paragraph(ctx, &[regular(&dose)], size, &region, false);
    }
    let block = b.finish(Keep::Whole);
    (block.marks, block.height)
}
