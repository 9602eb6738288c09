//! The progress report for the medical record: one page with the patient,
//! the program's dates, a chart of pain and sessions done over the visits,
//! the table of visits, and what changed in the program over time.
//!
//! It is always exactly one page: the table keeps the newest visits that
//! fit and says how many earlier ones it left out, and so do the changes.
//! Every text is real PDF text (searchable, readable by pdftotext); the
//! chart itself is a text-free vector drawing (see `progress_chart.rs`).

use super::blocks::{Builder, Ctx, Keep, Mark, Stroke, column};
use super::compose::{self, Page};
use super::fonts::Weight;
use super::header::long_date;
use super::layout::{Line, bold, regular};
use super::pictures::Pictures;
use super::progress_chart::{self, ChartFrame};
use super::style::{Geometry, MM, Style};
use super::{Handout, HandoutError, HandoutOptions, fonts, pdf};
use crate::program::changes::Dated;
use crate::program::{Program, Visit};
use crate::store::{Paper, Picture, PictureFormat, WriteFailed, write_file};
use chrono::NaiveTime;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;

/// The most visits the chart shows: the newest, so the bars stay readable.
pub const CHART_VISITS: usize = 12;

/// Height of the chart.
const CHART_HEIGHT: f32 = 55.0 * MM;

/// Why a report was not written; nothing was written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ReportError {
    /// The report could not be made.
    #[error(transparent)]
    Report(#[from] HandoutError),
    /// The disk refused the file.
    #[error(transparent)]
    Io(#[from] WriteFailed),
}

/// Makes the one-page progress report of `program` (its visits) with the
/// program's changes over time, on the paper of `options`.
pub fn report(
    program: &Program,
    changes: &[Dated],
    options: &HandoutOptions,
) -> Result<Handout, HandoutError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        build(program, changes, options.paper)
    }))
    .unwrap_or_else(|_| {
        Err(HandoutError::Pdf(
            "an unexpected problem stopped the report".to_string(),
        ))
    })
}

/// Makes the report and writes it to `path` atomically.
pub fn write_report(
    program: &Program,
    changes: &[Dated],
    options: &HandoutOptions,
    path: &Path,
) -> Result<Handout, ReportError> {
    let made = report(program, changes, options)?;
    write_file(path, &made.pdf)?;
    Ok(made)
}

fn build(program: &Program, changes: &[Dated], paper: Paper) -> Result<Handout, HandoutError> {
    let fonts = fonts::Fonts::get().ok_or(HandoutError::Fonts)?;
    let mut ctx = Ctx {
        fonts,
        style: Style::new(false).compact(),
        page: Geometry::new(paper),
        missing: BTreeSet::new(),
        // The report is for the medical record, in English.
        words: crate::lang::words(crate::lang::ENGLISH),
    };
    let mut pictures = Pictures::default();
    let page = lay_out(&mut ctx, program, changes, paper, &mut pictures);
    let mut pages = vec![page];
    let title = format!("Progress report: {}", patient_name(program));
    compose::add_footers(&mut ctx, &mut pages, &title);
    let meta = pdf::Meta {
        title: &title,
        author: program.clinician.trim(),
        subject: "Progress report",
        created: program
            .visits
            .iter()
            .map(|v| v.date)
            .max()
            .unwrap_or(program.created)
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp(),
    };
    let pdf =
        pdf::write(&pages, &ctx.page, fonts, &pictures.list, &meta).map_err(HandoutError::Pdf)?;
    let mut warnings = pictures.warnings;
    warnings.extend(
        ctx.missing
            .iter()
            .map(|c| format!("the character {c:?} is not in the report's fonts")),
    );
    Ok(Handout {
        pdf,
        pages: 1,
        warnings,
    })
}

fn patient_name(program: &Program) -> String {
    program
        .patient
        .as_ref()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "no patient named".to_string())
}

/// The page's marks, top to bottom, everything within the content area.
fn lay_out(
    ctx: &mut Ctx,
    program: &Program,
    changes: &[Dated],
    paper: Paper,
    pictures: &mut Pictures,
) -> Page {
    let top = ctx.page.top;
    let height = ctx.page.content_height();
    let mut b = Builder::new();
    heading(ctx, &mut b, program, paper);
    chart(ctx, &mut b, &program.visits, pictures);
    let after_chart = b.y;
    // The changes get what the table leaves, but at least a few lines.
    let line = ctx.style.line(ctx.style.small);
    let changes_room = (line * 6.0).min(height - after_chart);
    table(ctx, &mut b, &program.visits, paper, height - changes_room);
    history(ctx, &mut b, changes, paper, height);
    b.finish(Keep::Whole)
        .marks
        .into_iter()
        .map(|mark| mark.shifted(top))
        .collect()
}

/// "Progress report", who, which program and its dates.
fn heading(ctx: &mut Ctx, b: &mut Builder, program: &Program, paper: Paper) {
    let style = ctx.style;
    let full = column(ctx.page.left(), ctx.page.content_width());
    b.paragraph(ctx, &[bold("Progress report")], style.title, &full, false);
    let mut who = patient_name(program);
    if let Some(id) = program
        .patient
        .as_ref()
        .map(|p| p.identifier.trim())
        .filter(|i| !i.is_empty())
    {
        who.push_str(&format!(" (record {id})"));
    }
    b.paragraph(
        ctx,
        &[bold("Patient: "), regular(&who)],
        style.body,
        &full,
        false,
    );
    let mut dates = format!("made {}", long_date(ctx.words, program.created, paper));
    if let Some(start) = program.start {
        dates.push_str(&format!(", started {}", long_date(ctx.words, start, paper)));
    }
    if let Some(review) = program.review {
        dates.push_str(&format!(
            ", next review {}",
            long_date(ctx.words, review, paper)
        ));
    }
    let about = format!("{} ({dates})", program.title.trim());
    b.paragraph(
        ctx,
        &[bold("Program: "), regular(&about)],
        style.body,
        &full,
        false,
    );
    let by: Vec<&str> = [program.clinician.trim(), program.clinic.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if !by.is_empty() {
        b.paragraph(
            ctx,
            &[bold("Therapist: "), regular(&by.join(", "))],
            style.body,
            &full,
            false,
        );
    }
    b.gap(style.gap());
    rule(ctx, b, 1.5);
}

fn rule(ctx: &Ctx, b: &mut Builder, width: f32) {
    let left = ctx.page.left();
    b.mark(Mark::Rule {
        from: (left, b.y),
        to: (left + ctx.page.content_width(), b.y),
        stroke: Stroke::solid(width, 0.0),
    });
    b.gap(ctx.style.gap());
}

/// One line of text at `x`, its top at the builder's height, not moving it.
fn label(ctx: &mut Ctx, b: &mut Builder, text: &str, x: f32, top: f32, size: f32) -> f32 {
    let line = one_line(ctx, text, size);
    let width = line.width;
    b.mark(Mark::Text {
        x,
        top,
        baseline: top + ctx.style.baseline(size),
        size,
        line,
        grey: 0.0,
    });
    width
}

fn one_line(ctx: &mut Ctx, text: &str, size: f32) -> Line {
    ctx.wrap(&[regular(text)], size, f32::MAX)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The chart with its scale, dates and legend as text around it.
fn chart(ctx: &mut Ctx, b: &mut Builder, visits: &[Visit], pictures: &mut Pictures) {
    let style = ctx.style;
    let small = style.small;
    let full = column(ctx.page.left(), ctx.page.content_width());
    b.paragraph(
        ctx,
        &[bold("Pain and exercise at each visit")],
        style.heading,
        &full,
        false,
    );
    b.paragraph(
        ctx,
        &[regular(
            "Line: average pain, 0 (none) to 10 (worst). Grey bars: share of planned sessions done.",
        )],
        small,
        &full,
        false,
    );
    b.gap(small * 0.5);
    if visits.is_empty() {
        b.paragraph(
            ctx,
            &[regular("No visits recorded yet.")],
            style.body,
            &full,
            false,
        );
        b.gap(style.gap());
        return;
    }
    let shown = &visits[visits.len().saturating_sub(CHART_VISITS)..];
    let scale_width = ctx.measure("100%", Weight::Regular, small) + small * 0.5;
    let left = ctx.page.left() + scale_width;
    let width = ctx.page.content_width() - 2.0 * scale_width;
    let frame = ChartFrame::new(width, CHART_HEIGHT, shown.len());
    let svg = progress_chart::svg(shown, frame);
    let top = b.y;
    let picture = Picture {
        name: "progress chart".into(),
        format: PictureFormat::Svg,
        bytes: Cow::Owned(svg.into_bytes()),
    };
    if let Ok(index) = pictures.add(&picture) {
        b.mark(Mark::Picture {
            index,
            x: left,
            y: top,
            w: width,
            h: CHART_HEIGHT,
        });
    }
    // The scales: pain on the left, share done on the right.
    for (score, share) in [(0.0, "0%"), (5.0, "50%"), (10.0, "100%")] {
        let y = top + frame.y(score) - small * 0.6;
        let text = format!("{score:.0}");
        let w = ctx.measure(&text, Weight::Regular, small);
        label(ctx, b, &text, left - w - small * 0.4, y, small);
        label(ctx, b, share, left + width + small * 0.4, y, small);
    }
    // Each visit's date under its slot, when there is room for it.
    let slot = width / shown.len() as f32;
    let below = top + CHART_HEIGHT + small * 0.2;
    for (i, visit) in shown.iter().enumerate() {
        let text = visit.date.format("%-d %b").to_string();
        let w = ctx.measure(&text, Weight::Regular, small);
        if w < slot * 0.95 || i % 2 == 0 {
            label(ctx, b, &text, left + frame.x(i) - w / 2.0, below, small);
        }
    }
    b.y = below + style.line(small) + style.gap();
}

/// The table of visits: the newest that fit above `bottom`.
fn table(ctx: &mut Ctx, b: &mut Builder, visits: &[Visit], paper: Paper, bottom: f32) {
    if visits.is_empty() {
        return;
    }
    let style = ctx.style;
    let small = style.small;
    let full = column(ctx.page.left(), ctx.page.content_width());
    b.paragraph(ctx, &[bold("Visits")], style.heading, &full, false);
    let line = style.line(small);
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let columns = [0.0, 0.22, 0.52, 0.64];
    let xs: Vec<f32> = columns.iter().map(|c| left + c * width).collect();
    let head_top = b.y;
    for (x, text) in xs.iter().zip(["Date", "Sessions done", "Pain", "Note"]) {
        let line = ctx
            .wrap(&[bold(text)], small, f32::MAX)
            .pop()
            .unwrap_or_default();
        b.mark(Mark::Text {
            x: *x,
            top: head_top,
            baseline: head_top + style.baseline(small),
            size: small,
            line,
            grey: 0.0,
        });
    }
    b.y += line;
    rule(ctx, b, 0.75);
    let room = ((bottom - b.y - line) / line).floor().max(1.0) as usize;
    let skipped = visits.len().saturating_sub(room);
    let note_width = left + width - xs[3];
    for visit in visits.iter().skip(skipped).rev() {
        let top = b.y;
        let date = match paper {
            Paper::A4 => visit.date.format("%-d %b %Y").to_string(),
            Paper::Letter => visit.date.format("%b %-d, %Y").to_string(),
        };
        label(ctx, b, &date, xs[0], top, small);
        label(ctx, b, &visit.done_words(), xs[1], top, small);
        label(ctx, b, &visit.pain_words(), xs[2], top, small);
        let note = compose::fit(ctx, visit.note.trim(), small, note_width);
        b.mark(Mark::Text {
            x: xs[3],
            top,
            baseline: top + style.baseline(small),
            size: small,
            line: note,
            grey: 0.0,
        });
        b.y += line;
    }
    if skipped > 0 {
        let text = format!("{skipped} earlier visits are in the program file.");
        let y = b.y;
        label(ctx, b, &text, xs[0], y, small);
        b.y += line;
    }
    b.gap(style.gap());
}

/// What changed in the program over time, newest first, down to `bottom`.
fn history(ctx: &mut Ctx, b: &mut Builder, changes: &[Dated], paper: Paper, bottom: f32) {
    let style = ctx.style;
    let small = style.small;
    let full = column(ctx.page.left(), ctx.page.content_width());
    if bottom - b.y < style.line(style.heading) + style.line(small) {
        return;
    }
    b.paragraph(
        ctx,
        &[bold("Changes to the program")],
        style.heading,
        &full,
        false,
    );
    let line = style.line(small);
    let lines: Vec<String> = changes
        .iter()
        .rev()
        .flat_map(|dated| {
            let date = long_date(ctx.words, dated.date, paper);
            dated.lines.iter().map(move |l| format!("{date}: {l}"))
        })
        .collect();
    if lines.is_empty() {
        let (x, y) = (ctx.page.left(), b.y);
        label(
            ctx,
            b,
            "No changes saved since the program was made.",
            x,
            y,
            small,
        );
        b.y += line;
        return;
    }
    let room = ((bottom - b.y) / line).floor().max(0.0) as usize;
    let fits = if lines.len() > room {
        room.saturating_sub(1)
    } else {
        lines.len()
    };
    let width = ctx.page.content_width();
    for text in &lines[..fits] {
        let fitted = compose::fit(ctx, text, small, width);
        let top = b.y;
        b.mark(Mark::Text {
            x: ctx.page.left(),
            top,
            baseline: top + style.baseline(small),
            size: small,
            line: fitted,
            grey: 0.0,
        });
        b.y += line;
    }
    if fits < lines.len() && room > 0 {
        let text = format!("And {} earlier changes.", lines.len() - fits);
        let (x, y) = (ctx.page.left(), b.y);
        label(ctx, b, &text, x, y, small);
        b.y += line;
    }
}
