//! The top of the first page: clinic name, phone and logo; the program
//! title; who it is for, who made it and the dates; then the condition,
//! goals, general notes and precautions. Empty fields are left out, except
//! on a template, which gets lines to fill in by hand.

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Marker, Stroke, column};
use super::fonts::Weight;
use super::layout::{Span, bold, regular};
use super::style::MM;
use crate::lang::Words;
use crate::program::Program;
use crate::store::Paper;
use chrono::{Datelike, NaiveDate};

/// The shortest line left for a field to fill in by hand.
const BLANK: &str = "__________";

/// A date the reader cannot misread, written out in the handout's
/// language: "22 November 2026" on A4 paper, "November 22, 2026" on US
/// Letter; "22 de noviembre de 2026" in Spanish.
pub fn long_date(words: &Words, date: NaiveDate, paper: Paper) -> String {
    let id = match paper {
        Paper::A4 => "date-a4",
        Paper::Letter => "date-letter",
    };
    let month = words.get(&format!("month-{}", date.month()));
    // The year as text: a number would be free to take digit grouping.
    let year = date.year().to_string();
    words.with(
        id,
        &[
            ("day", date.day().into()),
            ("month", (&month).into()),
            ("year", (&year).into()),
        ],
    )
}

/// The clinic band: logo on the left, then the clinic's name and phone.
/// `None` when there is nothing to show.
pub fn clinic_band(ctx: &mut Ctx, program: &Program, logo: Option<(usize, f32)>) -> Option<Block> {
    let clinic = program.clinic.trim();
    let phone = program.phone.trim();
    if clinic.is_empty() && phone.is_empty() && logo.is_none() {
        return None;
    }
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let mut b = Builder::new();
    let mut text_left = left;
    let mut logo_height = 0.0;
    if let Some((index, aspect)) = logo {
        let max_h = 20.0 * MM;
        let max_w = 55.0 * MM;
        let (mut w, mut h) = (max_h * aspect, max_h);
        if w > max_w {
            w = max_w;
            h = w / aspect.max(0.01);
        }
        b.mark(Mark::Picture {
            index,
            x: left,
            y: 0.0,
            w,
            h,
        });
        text_left = left + w + 6.0 * MM;
        logo_height = h;
    }
    let region = column(text_left, left + width - text_left);
    if !clinic.is_empty() {
        b.paragraph(ctx, &[bold(clinic)], style.heading, &region, false);
    }
    if !phone.is_empty() {
        b.paragraph(
            ctx,
            &[bold(&ctx.label("phone")), regular(phone)],
            style.body,
            &region,
            false,
        );
    }
    b.y = b.y.max(logo_height);
    b.gap(style.gap());
    b.mark(Mark::Rule {
        from: (left, b.y),
        to: (left + width, b.y),
        stroke: Stroke::solid(1.5, 0.0),
    });
    b.gap(style.gap());
    Some(b.finish(Keep::Whole))
}

/// The program title, who it is for and the dates.
pub fn title_block(ctx: &mut Ctx, program: &Program, paper: Paper, large_print: bool) -> Block {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let mut b = Builder::new();
    let title = match program.title.trim() {
        "" => ctx.t("home-exercises"),
        title => title.to_string(),
    };
    b.paragraph(
        ctx,
        &[bold(&title)],
        style.title,
        &column(left, width),
        false,
    );
    b.gap(style.gap());

    let template = program.is_template();
    let words = ctx.words;
    let date = |d: Option<NaiveDate>| d.map(|d| long_date(words, d, paper));
    let name = program
        .patient
        .as_ref()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let clinician = Some(program.clinician.trim().to_string()).filter(|c| !c.is_empty());
    // `None` is a line to fill in by hand.
    let mut fields: Vec<(String, Option<String>)> = vec![(ctx.t("field-name"), name)];
    let given = if template {
        None
    } else {
        date(Some(program.created))
    };
    fields.push((ctx.t("field-given"), given));
    if clinician.is_some() || template {
        fields.push((ctx.t("field-therapist"), clinician));
    }
    let review = date(program.review);
    if review.is_some() || template {
        fields.push((ctx.t("field-review"), review));
    }
    // Two columns: name and date on the first row, and so on. The right
    // column takes the room its dates need; the names get the rest.
    let gutter = 6.0 * MM;
    let label_width =
        |ctx: &Ctx, label: &str| ctx.measure(&format!("{label}: "), Weight::Bold, style.body);
    let blank_width = ctx.measure(BLANK, Weight::Regular, style.body);
    let needed = |ctx: &Ctx, column: usize| {
        fields
            .iter()
            .skip(column)
            .step_by(2)
            .map(|(label, value)| {
                label_width(ctx, label)
                    + value
                        .as_deref()
                        .map_or(blank_width, |v| ctx.measure(v, Weight::Regular, style.body))
            })
            .fold(0.0, f32::max)
    };
    let (wants_left, wants_right) = (needed(ctx, 0), needed(ctx, 1));
    let room = width - gutter;
    let right = if wants_left + wants_right <= room {
        wants_right.max(room - wants_left.max(room / 2.0))
    } else {
        (room * wants_right / (wants_left + wants_right)).clamp(room * 0.4, room * 0.6)
    };
    let cells = [(left, room - right), (left + width - right, right)];
    let underscore = ctx.measure("_", Weight::Regular, style.body).max(1.0);
    for pair in fields.chunks(2) {
        let top = b.y;
        let mut bottom = top;
        for ((label, value), &(x, cell)) in pair.iter().zip(&cells) {
            b.y = top;
            // A blank line reaches to the end of its column.
            let value = value.clone().unwrap_or_else(|| {
                let room = cell - label_width(ctx, label) - 1.0;
                "_".repeat(((room / underscore).floor() as usize).clamp(6, 40))
            });
            let label = format!("{label}: ");
            b.paragraph(
                ctx,
                &[bold(&label), regular(&value)],
                style.body,
                &column(x, cell),
                false,
            );
            bottom = bottom.max(b.y);
        }
        b.y = bottom;
    }
    if !large_print {
        b.gap(style.gap() * 0.5);
        let bigger = ctx.t("bigger-print");
        b.paragraph(
            ctx,
            &[regular(&bigger)],
            style.body,
            &column(left, ctx.text_width()),
            false,
        );
    }
    b.finish(Keep::Whole)
}

/// A section of the "about" part: a bold heading and its text, kept
/// together for its first lines, free to continue overleaf after that.
fn section(ctx: &mut Ctx, heading: &str, build: &dyn Fn(&mut Ctx, &mut Builder)) -> Block {
    let style = ctx.style;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let mut b = Builder::new();
    b.paragraph(
        ctx,
        &[bold(heading)],
        style.heading,
        &column(left, width),
        false,
    );
    b.gap(style.body * 0.2);
    let heading_bottom = b.y;
    build(ctx, &mut b);
    // Never leave the heading alone at the foot of a page, nor a last line
    // alone at the top of the next; a short section is never divided.
    let line = style.line(style.body);
    b.keep_breaks_below(heading_bottom + 2.0 * line - 1.0);
    b.keep_breaks_above(b.y - 2.0 * line + 1.0);
    let short = b.y < ctx.page.content_height() / 3.0;
    let mut block = b.finish(if short { Keep::Whole } else { Keep::Lines });
    block.space_before = style.body * 1.1;
    // Background may go ahead of the safety box when that needs a new page.
    block.float = true;
    block
}

/// Condition, goals, notes and precautions, each only when filled in.
pub fn about(ctx: &mut Ctx, program: &Program) -> Vec<Block> {
    let style = ctx.style;
    let size = style.body;
    let full = column(ctx.page.left(), ctx.text_width());
    let mut blocks = Vec::new();
    let condition = program.condition.trim();
    let goals: Vec<&str> = program
        .goals
        .iter()
        .map(|g| g.trim())
        .filter(|g| !g.is_empty())
        .collect();
    if !condition.is_empty() || !goals.is_empty() {
        let heading = ctx.t("working-on");
        blocks.push(section(ctx, &heading, &|ctx, b| {
            if !condition.is_empty() {
                let label = ctx.label("condition");
                b.paragraph(ctx, &[bold(&label), regular(condition)], size, &full, true);
            }
            if !goals.is_empty() {
                if !condition.is_empty() {
                    b.gap(style.gap());
                }
                let label = ctx.t("goals");
                b.paragraph(ctx, &[bold(&label)], size, &full, false);
                b.list(ctx, &goals, Marker::Bullets, size, &full, true);
            }
        }));
    }
    let notes = program.notes.trim();
    if !notes.is_empty() {
        let heading = ctx.t("about-program");
        blocks.push(section(ctx, &heading, &|ctx, b| {
            let spans: [Span; 1] = [regular(notes)];
            b.paragraph(ctx, &spans, size, &full, true);
        }));
    }
    let precautions: Vec<&str> = program
        .precautions
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !precautions.is_empty() {
        let heading = ctx.t("take-care");
        blocks.push(section(ctx, &heading, &|ctx, b| {
            b.list(ctx, &precautions, Marker::Bullets, size, &full, true);
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_spelled_out() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let en = crate::lang::words("en");
        assert_eq!(long_date(en, date, Paper::A4), "4 March 2026");
        assert_eq!(long_date(en, date, Paper::Letter), "March 4, 2026");
        let es = crate::lang::words("es");
        assert_eq!(long_date(es, date, Paper::A4), "4 de marzo de 2026");
        assert_eq!(long_date(es, date, Paper::Letter), "4 de marzo de 2026");
    }
}
