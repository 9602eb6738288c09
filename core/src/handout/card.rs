//! The summary card: one page for the fridge, beside the full handout.
//! Every exercise of one phase with its picture, name and dose in words,
//! in a grid of three columns, then the pain rule, the signs that mean get
//! help at once, and the clinic's phone. Frames are numbered 1, 2, 3 (no
//! words: the cells are small); the words shrink to 12 pt, never less,
//! when there are three rows.

use super::HandoutError;
use super::blocks::{Builder, Ctx, Keep, Mark, Stroke, column};
use super::compose::Page;
use super::figure::{self, Labels, MIN_WIDTH};
use super::layout::{bold, regular};
use super::plan::{Entry, Plan};
use super::safety;
use super::style::MM;

/// The most exercises one card holds.
pub const MOST: usize = 8;

/// Space between cells.
const GAP: f32 = 4.0 * MM;

/// The signs that mean stop and get help at once, in one short paragraph
/// (the full list is in the handout).
const GET_HELP: &str = "if you have chest pain or bad breathlessness, numbness around your \
     groin or buttocks, new trouble with your bladder or bowels, or new weakness in your legs. \
     Your handout lists every warning sign.";

/// The card's one page for the chosen phase.
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
    let mut page: Page = Vec::new();
    let head = header(ctx, plan, &phase.phase.name);
    let foot = footer(ctx, plan);
    let grid_top = head.height + GAP;
    let grid_height = ctx.page.content_height() - grid_top - foot.height - GAP;
    page.extend(head.marks.into_iter().map(|m| m.shifted(top)));
    page.extend(
        grid(ctx, &phase.entries, grid_height)
            .into_iter()
            .map(|m| m.shifted(top + grid_top)),
    );
    let foot_top = ctx.page.content_height() - foot.height;
    page.extend(foot.marks.into_iter().map(|m| m.shifted(top + foot_top)));
    Ok(vec![page])
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
        "" => "Your home exercises",
        title => title,
    };
    b.paragraph(ctx, &[bold(title)], style.phase, &full, false);
    let patient = plan
        .program
        .patient
        .as_ref()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty());
    let phase = phase.trim();
    let about = match (patient, phase.is_empty()) {
        (Some(name), false) => format!("For {name} · {phase}"),
        (Some(name), true) => format!("For {name}"),
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

/// The pain rule, when to get help at once, and whom to call, framed.
fn footer(ctx: &mut Ctx, plan: &Plan) -> Part {
    let style = ctx.style;
    let size = style.body;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let pad = size * 0.7;
    let inner = column(left + pad, width - 2.0 * pad);
    let mut b = Builder::new();
    b.gap(pad);
    b.paragraph(
        ctx,
        &[bold(safety::PAIN.0), regular(safety::PAIN.1)],
        size,
        &inner,
        false,
    );
    b.gap(style.gap());
    let help = format!(
        "{GET_HELP} {}",
        safety::emergency_call(plan.options.emergency_number.as_deref())
    );
    b.paragraph(
        ctx,
        &[bold("Get help at once "), regular(&help)],
        size,
        &inner,
        false,
    );
    b.gap(style.gap());
    let call = safety::call_us(&plan.program.clinic, &plan.program.phone);
    b.paragraph(ctx, &[bold(&call)], size, &inner, false);
    b.gap(pad);
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

/// Columns of the grid.
const COLUMNS: usize = 3;

/// The exercises in a grid of three columns, filling `height`: each with
/// its picture on top (as large as the cell allows, its frames numbered)
/// and its name and dose under it, in smaller type when the cells are
/// small.
fn grid(ctx: &mut Ctx, entries: &[Entry], height: f32) -> Vec<Mark> {
    let left = ctx.page.left();
    let cell_width = (ctx.page.content_width() - GAP * (COLUMNS - 1) as f32) / COLUMNS as f32;
    let rows = entries.len().div_ceil(COLUMNS).max(1);
    let cell_height = (height - GAP * (rows - 1) as f32) / rows as f32;
    let size = if rows > 2 {
        ctx.style.small
    } else {
        ctx.style.body
    };
    let mut marks = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let x = left + (n % COLUMNS) as f32 * (cell_width + GAP);
        let y = (n / COLUMNS) as f32 * (cell_height + GAP);
        let cell = cell(ctx, entry, (x, cell_width), cell_height, size);
        marks.extend(cell.into_iter().map(|m| m.shifted(y)));
    }
    marks
}

/// The name and the dose in words, in `size` type, in a column at `x`;
/// returns the marks and their height.
fn words(ctx: &mut Ctx, entry: &Entry, x: f32, width: f32, size: f32) -> (Vec<Mark>, f32) {
    let mut b = Builder::new();
    let name = format!("{}. {}", entry.number, entry.exercise.name.trim());
    let region = column(x, width);
    b.paragraph(ctx, &[bold(&name)], size, &region, false);
    b.gap(size * 0.2);
    let dose = entry.item.dose_or(entry.exercise).describe();
    b.paragraph(ctx, &[regular(&dose)], size, &region, false);
    let block = b.finish(Keep::Whole);
    (block.marks, block.height)
}

/// One cell: the picture centred on top, as large as the words under it
/// leave room for (never under 45 mm), then the words.
fn cell(ctx: &mut Ctx, entry: &Entry, (x, width): (f32, f32), height: f32, size: f32) -> Vec<Mark> {
    let (text, text_height) = words(ctx, entry, x, width, size);
    let room = (height - text_height - 2.0 * MM).max(MIN_WIDTH * 0.6);
    let picture = figure::width_within(ctx, &entry.illustration, width, Labels::Numbers);
    let shown = figure::figure(
        ctx,
        &entry.illustration,
        0.0,
        picture,
        room,
        Labels::Numbers,
    );
    let centred = x + (width - shown.width).max(0.0) / 2.0;
    let mut marks: Vec<Mark> = shown.marks.into_iter().map(|m| m.moved(centred)).collect();
    let below = shown.height + if shown.height > 0.0 { 2.0 * MM } else { 0.0 };
    marks.extend(text.into_iter().map(|m| m.shifted(below)));
    marks
}
