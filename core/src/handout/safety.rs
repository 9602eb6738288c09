//! The "Stay safe" box: the pain rule, when to stop and get help at once,
//! the back-pain warning signs, and the clinic's phone number. The words
//! are plain (about US grade 6 to 8) and speak to the patient as "you".

use super::blocks::{Block, Builder, Ctx, Keep, Mark, Marker, Stroke, column};
use super::layout::{bold, regular};
use crate::lang::Words;

/// The box's words in one language: a label or lead-in, then its text.
pub struct Texts {
    /// Title of the box.
    pub title: String,
    /// The pain rule.
    pub pain: (String, String),
    /// Stop at once.
    pub stop_now: (String, String),
    /// Emergency department: lead-in, then the signs.
    pub emergency: (String, Vec<String>),
    /// See a doctor the same day: lead-in, then the signs.
    pub same_day: (String, Vec<String>),
    /// See the doctor or therapist soon.
    pub soon: (String, String),
}

/// The box's words in the handout's language. Labels that run on into
/// their text end with a space.
pub fn texts(words: &Words) -> Texts {
    let label = |id: &str| format!("{} ", words.get(id));
    let signs = |id: &str| (1..=5).map(|n| words.get(&format!("{id}-{n}"))).collect();
    Texts {
        title: words.get("safety-title"),
        pain: (label("safety-pain-label"), words.get("safety-pain")),
        stop_now: (label("safety-stop-label"), words.get("safety-stop")),
        emergency: (words.get("safety-emergency"), signs("safety-emergency")),
        same_day: (words.get("safety-same-day"), signs("safety-same-day")),
        soon: (label("safety-soon-label"), words.get("safety-soon")),
    }
}

/// Whom to call for chest pain: the clinic's emergency number when it is
/// set, so the patient reads only the number of their own country.
pub fn emergency_call(words: &Words, number: Option<&str>) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(number) => words.with("safety-call-number", &[("number", number.into())]),
        None => words.get("safety-call-emergency"),
    }
}

/// The line that closes the box, with the clinic's name and phone.
pub fn call_us(words: &Words, clinic: &str, phone: &str) -> String {
    match (clinic.trim(), phone.trim()) {
        ("", "") => words.get("call-blank"),
        ("", phone) => words.with("call-phone", &[("phone", phone.into())]),
        (clinic, "") => words.with("call-clinic", &[("clinic", clinic.into())]),
        (clinic, phone) => words.with(
            "call-clinic-phone",
            &[("clinic", clinic.into()), ("phone", phone.into())],
        ),
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
    let texts = texts(ctx.words);
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
    b.paragraph(ctx, &[bold(&texts.title)], style.heading, &inner, false);
    b.gap(style.gap() * 0.5);
    let (pain_label, pain) = &texts.pain;
    b.paragraph(ctx, &[bold(pain_label), regular(pain)], size, &inner, false);
    b.gap(style.gap());
    let call = format!(
        "{} {}",
        texts.stop_now.1,
        emergency_call(ctx.words, emergency)
    );
    b.paragraph(
        ctx,
        &[bold(&texts.stop_now.0), regular(&call)],
        size,
        &inner,
        false,
    );
    // The clinic's phone belongs with the pain rule ("Call us before you do
    // it again"), and so stays on the first page when the box goes on.
    b.gap(style.gap());
    let call = call_us(ctx.words, clinic, phone);
    b.paragraph(ctx, &[bold(&call)], size, &inner, false);
    next_part(&mut b, &mut parts);
    if size > 14.0 {
        // Large print: one list under the other, each its own part, so the
        // box can go on overleaf between them.
        for (n, (lead, signs)) in [&texts.emergency, &texts.same_day].into_iter().enumerate() {
            if n > 0 {
                next_part(&mut b, &mut parts);
            }
            b.paragraph(ctx, &[bold(lead)], size, &inner, false);
            let signs: Vec<&str> = signs.iter().map(String::as_str).collect();
            b.list(ctx, &signs, Marker::Bullets, size, &inner, false);
        }
    } else {
        // The two lists of warning signs side by side.
        let top = b.y;
        let gutter = size * 1.2;
        let half = (width - 2.0 * pad - gutter) / 2.0;
        let mut bottom = top;
        for (n, (lead, signs)) in [&texts.emergency, &texts.same_day].into_iter().enumerate() {
            b.y = top;
            let side = column(left + pad + n as f32 * (half + gutter), half);
            b.paragraph(ctx, &[bold(lead)], size, &side, false);
            let signs: Vec<&str> = signs.iter().map(String::as_str).collect();
            b.list(ctx, &signs, Marker::Bullets, size, &side, false);
            bottom = bottom.max(b.y);
        }
        b.y = bottom;
    }
    next_part(&mut b, &mut parts);
    b.paragraph(
        ctx,
        &[bold(&texts.soon.0), regular(&texts.soon.1)],
        size,
        &inner,
        false,
    );
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
    let continued = ctx.t_with("continued", &[("what", (&texts.title).into())]);
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

    fn english() -> Texts {
        texts(crate::lang::words("en"))
    }

    #[test]
    fn safety_texts_are_short_plain_sentences() {
        for language in crate::lang::LANGUAGES {
            let t = texts(crate::lang::words(language.code));
            let mut all = vec![
                &t.pain.1,
                &t.stop_now.1,
                &t.emergency.0,
                &t.same_day.0,
                &t.soon.0,
                &t.soon.1,
            ];
            all.extend(&t.emergency.1);
            all.extend(&t.same_day.1);
            for text in all {
                assert!(longest_sentence(text) <= 22, "{text}");
            }
            // Each warning sign is one short line, easy to scan.
            for sign in t.emergency.1.iter().chain(&t.same_day.1) {
                assert!(sign.split_whitespace().count() <= 16, "{sign}");
            }
        }
    }

    #[test]
    fn every_red_flag_is_in_spanish_too() {
        let t = texts(crate::lang::words("es"));
        let english = english();
        assert_eq!(t.title, "Para su seguridad");
        assert_eq!(t.emergency.1.len(), english.emergency.1.len());
        for sign in t.emergency.1.iter().chain(&t.same_day.1) {
            assert!(!english.emergency.1.contains(sign), "{sign} is English");
            assert!(!english.same_day.1.contains(sign), "{sign} is English");
        }
        let es = crate::lang::words("es");
        assert_eq!(
            emergency_call(es, Some("112")),
            "Si tiene dolor en el pecho o le cuesta respirar, llame al 112."
        );
        assert_eq!(
            call_us(es, "Clínica Norte", "555 0100"),
            "¿Preguntas o dudas? Llame a Clínica Norte al 555 0100."
        );
    }

    /// Every red flag a patient needs to know, each under the right urgency.
    #[test]
    fn every_red_flag_is_named() {
        let t = english();
        let lower = |texts: &[String]| texts.join(" ").to_lowercase();
        let call = emergency_call(crate::lang::words("en"), None);
        let now = lower(&[t.stop_now.1.clone(), call]);
        let emergency = lower(&t.emergency.1);
        let same_day = lower(&t.same_day.1);
        let soon = lower(&[t.soon.0.clone(), t.soon.1.clone()]);
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
        let en = crate::lang::words("en");
        assert_eq!(
            emergency_call(en, Some(" 999 ")),
            "For chest pain or trouble breathing, call 999."
        );
        let none = emergency_call(en, None);
        assert!(none.contains("your emergency number"));
        assert_eq!(emergency_call(en, Some("")), none);
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
            words: crate::lang::words(crate::lang::ENGLISH),
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
        let en = crate::lang::words("en");
        assert_eq!(
            call_us(en, "Riverside Physio", "555 0100"),
            "Questions or worries? Call Riverside Physio on 555 0100."
        );
        assert!(call_us(en, "", "").contains("____"));
    }
}
