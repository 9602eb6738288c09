//! The "Stay safe" box: the pain rule, when to stop and get help at once,
//! the back-pain warning signs, and the clinic's phone number. The words
//! are plain (about US grade 6 to 8) and speak to the patient as "you".

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Marker, Stroke, column};
use super::layout::{bold, regular};

/// Title of the box.
pub const TITLE: &str = "Stay safe";

/// The pain rule: label, then text.
pub const PAIN: (&str, &str) = (
    "Pain while you exercise: ",
    "Mild aching or discomfort is fine if it settles within a day. Stop the exercise if you \
     feel sharp or shooting pain, or pain that gets worse. Call us before you do it again.",
);

/// Stop at once: label, then text.
pub const STOP_NOW: (&str, &str) = (
    "Stop at once and get help ",
    "if you have chest pain, you are very short of breath, or you feel dizzy or faint.",
);

/// Whom to call for chest pain: the clinic's emergency number when it is
/// set, so the patient reads only the number of their own country.
pub fn emergency_call(number: Option<&str>) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(number) => format!("For chest pain or trouble breathing, call {number}."),
        None => "For chest pain or trouble breathing, call your emergency number.".to_string(),
    }
}

/// Emergency department: lead-in, then the signs.
pub const EMERGENCY: (&str, &[&str]) = (
    "Go to the emergency department now if you have:",
    &[
        "Numbness around your groin, genitals or buttocks.",
        "New trouble passing urine or controlling your bladder or bowels.",
        "New loss of feeling during sex, or new trouble getting an erection.",
        "New weakness in one or both legs.",
        "Numbness or tingling in both legs.",
    ],
);

/// See a doctor the same day: lead-in, then the signs.
pub const SAME_DAY: (&str, &[&str]) = (
    "See a doctor the same day if you have:",
    &[
        "Back pain that started after a fall or an injury.",
        "A fever, or you feel generally unwell.",
        "Recent weight loss without trying.",
        "A history of cancer, and this back pain is new.",
        "Severe pain at night, or pain that keeps getting worse.",
    ],
);

/// See the doctor or therapist soon: label, then text.
pub const SOON: (&str, &str) = (
    "See your doctor or therapist within a few days ",
    "if one leg goes numb or tingles, or your back is no better after 2 weeks.",
);

/// The line that closes the box, with the clinic's name and phone.
pub fn call_us(clinic: &str, phone: &str) -> String {
    match (clinic.trim(), phone.trim()) {
        ("", "") => "Questions or worries? Call your clinic: ____________________".to_string(),
        ("", phone) => format!("Questions or worries? Call us on {phone}."),
        (clinic, "") => format!("Questions or worries? Call {clinic}."),
        (clinic, phone) => format!("Questions or worries? Call {clinic} on {phone}."),
    }
}

/// The safety box, framed in black, in three framed parts: the rules with
/// the clinic's phone, the warning signs, and when to see someone soon. It stays whole on its page;
/// only a box taller than a whole page (large print on small paper) goes on
/// overleaf, between two parts, so every page shows whole framed parts.
pub fn safety_box(ctx: &mut Ctx, clinic: &str, phone: &str, emergency: Option<&str>) -> Block {
    let style = ctx.style;
    let size = style.body;
    let left = ctx.page.left();
    let width = ctx.page.content_width();
    let pad = size * 0.5;
    let inner = column(left + pad, (width - 2.0 * pad).min(ctx.text_width()));
    let mut b = Builder::new();
    // Where each part starts; the last entry is the bottom of the box.
    let mut parts = vec![0.0];
    let next_part = |b: &mut Builder, parts: &mut Vec<f32>| {
        b.gap(pad * 0.5);
        parts.push(b.y);
        b.allow_break();
        b.gap(pad * 0.5);
    };
    b.gap(pad * 0.8);
    b.paragraph(ctx, &[bold(TITLE)], style.heading, &inner, false);
    b.gap(style.gap() * 0.5);
    b.paragraph(ctx, &[bold(PAIN.0), regular(PAIN.1)], size, &inner, false);
    b.gap(style.gap());
    let call = format!("{} {}", STOP_NOW.1, emergency_call(emergency));
    b.paragraph(
        ctx,
        &[bold(STOP_NOW.0), regular(&call)],
        size,
        &inner,
        false,
    );
    // The clinic's phone belongs with the pain rule ("Call us before you do
    // it again"), and so stays on the first page when the box goes on.
    b.gap(style.gap());
    b.paragraph(ctx, &[bold(&call_us(clinic, phone))], size, &inner, false);
    next_part(&mut b, &mut parts);
    if size > 14.0 {
        // Large print: one list under the other, each its own part, so the
        // box can go on overleaf between them.
        for (n, (lead, signs)) in [EMERGENCY, SAME_DAY].into_iter().enumerate() {
            if n > 0 {
                next_part(&mut b, &mut parts);
            }
            b.paragraph(ctx, &[bold(lead)], size, &inner, false);
            b.list(ctx, signs, Marker::Bullets, size, &inner, false);
        }
    } else {
        // The two lists of warning signs side by side.
        let top = b.y;
        let gutter = size * 1.2;
        let half = (width - 2.0 * pad - gutter) / 2.0;
        let mut bottom = top;
        for (n, (lead, signs)) in [EMERGENCY, SAME_DAY].into_iter().enumerate() {
            b.y = top;
            let side = column(left + pad + n as f32 * (half + gutter), half);
            b.paragraph(ctx, &[bold(lead)], size, &side, false);
            b.list(ctx, signs, Marker::Bullets, size, &side, false);
            bottom = bottom.max(b.y);
        }
        b.y = bottom;
    }
    next_part(&mut b, &mut parts);
    b.paragraph(ctx, &[bold(SOON.0), regular(SOON.1)], size, &inner, false);
    b.gap(pad);
    parts.push(b.y);
    for part in parts.windows(2) {
        b.insert_mark(
            0,
            Mark::Rect {
                x: left,
                y: part[0],
                w: width,
                h: part[1] - part[0],
                fill: None,
                stroke: Some(Stroke::solid(2.5, 0.0)),
            },
        );
    }
    let mut block = b.finish(Keep::Whole);
    block.space_before = style.body * 0.8;
    let mut head = Builder::new();
    let continued = format!("{TITLE} (continued)");
    head.paragraph(ctx, &[bold(&continued)], size, &column(left, width), false);
    head.gap(style.gap());
    block.continuation = Some(Box::new(head.finish(Keep::Whole)));
    block
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handout::fonts::Fonts;
    use crate::handout::style::{Geometry, Style};
    use crate::store::Paper;
    use std::collections::BTreeSet;

    /// Words per sentence, a rough check that the texts stay plain.
    fn longest_sentence(text: &str) -> usize {
        text.split(['.', ':'])
            .map(|s| s.split_whitespace().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn safety_texts_are_short_plain_sentences() {
        let mut texts = vec![PAIN.1, STOP_NOW.1, EMERGENCY.0, SAME_DAY.0, SOON.0, SOON.1];
        texts.extend(EMERGENCY.1);
        texts.extend(SAME_DAY.1);
        for text in texts {
            assert!(longest_sentence(text) <= 22, "{text}");
        }
        // Each warning sign is one short line, easy to scan.
        for sign in EMERGENCY.1.iter().chain(SAME_DAY.1) {
            assert!(sign.split_whitespace().count() <= 14, "{sign}");
        }
    }

    /// Every red flag a patient needs to know, each under the right urgency.
    #[test]
    fn every_red_flag_is_named() {
        let lower = |texts: &[&str]| texts.join(" ").to_lowercase();
        let now = lower(&[STOP_NOW.1, &emergency_call(None)]);
        let emergency = lower(EMERGENCY.1);
        let same_day = lower(SAME_DAY.1);
        let soon = lower(&[SOON.0, SOON.1]);
        let expected: [(&str, &str, &[&str]); 4] = [
            (
                "stop at once",
                &now,
                &["chest pain", "short of breath", "dizzy", "faint"],
            ),
            (
                "the emergency department",
                &emergency,
                &[
                    "groin",
                    "genitals",
                    "buttocks",
                    "passing urine",
                    "controlling your bladder",
                    "bowel",
                    "sex",
                    "erection",
                    "weakness in one or both legs",
                    "tingling in both legs",
                ],
            ),
            (
                "the same day",
                &same_day,
                &[
                    "fall",
                    "injury",
                    "fever",
                    "generally unwell",
                    "weight loss",
                    "cancer",
                    "night",
                    "worse",
                ],
            ),
            (
                "within a few days",
                &soon,
                &["one leg goes numb or tingles", "no better after 2 weeks"],
            ),
        ];
        for (urgency, text, signs) in expected {
            for sign in signs {
                assert!(text.contains(sign), "{sign:?} is not under {urgency}");
            }
        }
        // No sign is given two different urgencies.
        for sign in ["cancer", "sex", "unwell", "2 weeks", "one leg", "both legs"] {
            let places = [&now, &emergency, &same_day, &soon]
                .iter()
                .filter(|text| text.contains(sign))
                .count();
            assert_eq!(places, 1, "{sign:?} appears under {places} urgencies");
        }
    }

    #[test]
    fn only_the_clinics_emergency_number_is_printed() {
        assert_eq!(
            emergency_call(Some(" 999 ")),
            "For chest pain or trouble breathing, call 999."
        );
        let none = emergency_call(None);
        assert!(none.contains("your emergency number"));
        assert_eq!(emergency_call(Some("")), none);
        for number in ["911", "999", "112"] {
            assert!(!none.contains(number), "no other country's number");
        }
    }

    fn ctx(large: bool, paper: Paper) -> Ctx {
        Ctx {
            fonts: Fonts::get().unwrap(),
            style: Style::new(large),
            page: Geometry::new(paper),
            missing: BTreeSet::new(),
        }
    }

    /// The box fits a page in regular print. In large print it may be
    /// taller than a page; then it goes on overleaf only between its parts,
    /// and each part has its own frame, so no page shows an open box.
    #[test]
    fn the_box_breaks_only_between_its_framed_parts() {
        for large in [false, true] {
            for paper in [Paper::A4, Paper::Letter] {
                let mut ctx = ctx(large, paper);
                let block = safety_box(&mut ctx, "Riverside Physio", "555 0100", Some("911"));
                let mut frames: Vec<(f32, f32)> = block
                    .marks
                    .iter()
                    .filter_map(|mark| match mark {
                        Mark::Rect {
                            y,
                            h,
                            stroke: Some(_),
                            ..
                        } => Some((*y, *y + *h)),
                        _ => None,
                    })
                    .collect();
                frames.sort_by(|a, b| a.0.total_cmp(&b.0));
                // Rules, signs, see someone soon; large print gives each
                // list of signs its own part.
                let parts = if large { 4 } else { 3 };
                assert_eq!(frames.len(), parts, "large {large}, {paper}");
                // The frames follow each other from the top to the bottom.
                assert_eq!(frames[0].0, 0.0);
                assert_eq!(frames[parts - 1].1, block.height);
                for pair in frames.windows(2) {
                    assert_eq!(pair[0].1, pair[1].0);
                }
                for cut in &block.breaks {
                    assert!(frames.iter().any(|f| f.0 == *cut), "a cut at {cut}");
                }
                let page = ctx.page.content_height();
                for (top, bottom) in &frames {
                    assert!(bottom - top < page, "a part taller than a page");
                }
                if !large {
                    assert!(block.height < page * 0.8, "large {large}, {paper}");
                }
                assert!(block.continuation.is_some());
            }
        }
    }

    #[test]
    fn the_phone_line_reads_well_with_or_without_details() {
        assert_eq!(
            call_us("Riverside Physio", "555 0100"),
            "Questions or worries? Call Riverside Physio on 555 0100."
        );
        assert!(call_us("", "").contains("____"));
    }
}
